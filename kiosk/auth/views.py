from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from kiosk import audit
from kiosk.auth import rules
from kiosk.auth.models import User
from kiosk.extensions import db, login_manager

bp = Blueprint("auth", __name__, url_prefix="/admin")


class LoginForm(FlaskForm):
    username = StringField(_l("User name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


def _safe_next(target):
    return target if target and target.startswith("/admin") else url_for("admin.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        username = form.username.data.strip()
        address = request.remote_addr or "unknown"
        if rules.is_locked_out(username, address):
            return render_template("auth/login.html", form=form, locked=True), 429
        user = db.session.scalar(db.select(User).filter_by(username=username))
        if user and user.check_password(form.password.data):
            login_user(user)
            audit.record("login", username, actor=username)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
        rules.note_failure(username, address)
        flash(_("That user name and password do not match."), "error")
    return render_template("auth/login.html", form=form, locked=False)


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect(url_for("auth.login"))


def admin_required(view):
    """For the views only an admin may use (users, kiosks, settings)."""
    from functools import wraps

    from flask_login import current_user

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
