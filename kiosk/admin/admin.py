"""The bridge figure's door: dashboard, users and the audit log."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Regexp

from kiosk import audit
from kiosk.auth.admin import admin_required, good_password
from kiosk.auth.models import ROLES, User
from kiosk.extensions import db
from kiosk.registry import registry

bp = Blueprint("admin", __name__, url_prefix="/admin")

# The menu's first and last entries; each capability adds its own between them.
_OPENING = [("admin.dashboard", _l("Overview"), False)]
_CLOSING = [
    ("admin.users", _l("Users"), True),
    ("admin.audit_log", _l("Audit log"), True),
]


def admin_sections():
    """The menu for the logged-in staff member."""
    return [
        (endpoint, label)
        for endpoint, label, admin_only in _OPENING + registry().admin_sections + _CLOSING
        if current_user.is_admin or not admin_only
    ]


@bp.before_request
@login_required
def require_login():
    """Every admin page needs a logged-in staff member."""


@bp.get("/")
def dashboard():
    panels = [row for panel in registry().dashboard_panels for row in panel()]
    return render_template("admin/dashboard.html", panels=panels)


class UserForm(FlaskForm):
    username = StringField(
        _l("User name"),
        validators=[
            DataRequired(),
            Length(max=80),
            Regexp(r"^[\w.@-]+$", message=_l("Use letters, digits and . @ - _ only.")),
        ],
    )
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice("editor", _l("Editor")), SelectChoice("admin", _l("Admin"))],
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired(), Length(max=200), good_password]
    )


@bp.route("/users", methods=["GET", "POST"])
@admin_required
def users():
    form = UserForm()
    if form.validate_on_submit():
        username = form.username.data.strip()
        if db.session.scalar(db.select(User).filter_by(username=username)):
            form.username.errors.append(_("That user name is taken."))
        else:
            user = User(username=username, role=form.role.data)
            user.set_password(form.password.data)
            db.session.add(user)
            audit.record("user.create", username, f"role={user.role}")
            db.session.commit()
            flash(_("User %(name)s added.", name=username), "success")
            return redirect(url_for("admin.users"))
    everyone = db.session.scalars(db.select(User).order_by(User.username)).all()
    return render_template("admin/users.html", users=everyone, form=form, roles=ROLES)


@bp.post("/users/<int:user_id>/delete")
@admin_required
def delete_user(user_id):
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        flash(_("You cannot remove yourself."), "error")
        return redirect(url_for("admin.users"))
    db.session.delete(user)
    audit.record("user.delete", user.username)
    db.session.commit()
    flash(_("User %(name)s removed.", name=user.username), "success")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/role")
@admin_required
def change_role(user_id):
    user = db.get_or_404(User, user_id)
    role = request.form.get("role")
    if role not in ROLES:
        abort(400)
    if user.id == current_user.id and role != "admin":
        flash(_("You cannot take away your own admin role."), "error")
        return redirect(url_for("admin.users"))
    user.role = role
    audit.record("user.role", user.username, f"role={role}")
    db.session.commit()
    return redirect(url_for("admin.users"))


@bp.get("/audit")
@admin_required
def audit_log():
    # A page number past any real log is the last page, not an overflow in the database.
    number = min(request.args.get("page", 1, type=int), 100_000)
    page = db.paginate(
        db.select(audit.AuditEntry).order_by(audit.AuditEntry.at.desc()),
        page=max(number, 1),
        per_page=100,
        error_out=False,
    )
    return render_template("admin/audit.html", page=page)
