"""Staff login and logout, and a staff member's own password (spec sections 4 and 9)."""

import hashlib
from functools import cache, wraps

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug.security import check_password_hash, generate_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from kiosk import audit
from kiosk.auth import queries, rules
from kiosk.extensions import db, login_manager

bp = Blueprint("auth", __name__, url_prefix="/admin")

# A browser that logged in as a user before carries this signed cookie; its failures are
# counted apart from the rest of its address (see rules.py).
KNOWN_BROWSER = "staff_browser"
KNOWN_BROWSER_DAYS = 365


class LoginForm(FlaskForm):
    username = StringField(_l("User name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


def good_password(form, field):
    """A WTForms validator: long enough and not common (rules.password_problem)."""
    username = getattr(getattr(form, "username", None), "data", None) or (
        current_user.username if current_user.is_authenticated else ""
    )
    problem = rules.password_problem(field.data or "", username or "")
    if problem:
        raise ValidationError(problem)


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Your password now"), validators=[DataRequired()])
    password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(max=200), good_password]
    )
    again = PasswordField(
        _l("New password again"),
        validators=[EqualTo("password", message=_l("The two new passwords differ."))],
    )


@login_manager.user_loader
def load_user(session_id):
    return queries.user_by_session_id(session_id)


@cache
def _hash_for_unknown_users():
    return generate_password_hash("no such user: only here to take the same time")


def _password_matches(user, password):
    """Check the password; an unknown user name costs the same scrypt as a known one."""
    if user is None:
        check_password_hash(_hash_for_unknown_users(), password)
        return False
    return user.check_password(password)


def _browser_signer():
    return URLSafeSerializer(current_app.secret_key, salt="known-staff-browser")


def _who(username):
    """Whose failures these are: this browser, when it logged in as this user before;
    else its address."""
    cookie = request.cookies.get(KNOWN_BROWSER)
    if cookie:
        try:
            if _browser_signer().loads(cookie) == username.lower():
                return "browser:" + hashlib.sha256(cookie.encode()).hexdigest()[:48]
        except BadSignature:
            pass
    return request.remote_addr or "unknown"


def _safe_next(target):
    return target if target and target.startswith("/admin") else url_for("admin.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        username = form.username.data.strip()
        who = _who(username)
        if queries.is_locked_out(username, who):
            return render_template("auth/login.html", form=form, locked=True), 429
        user = queries.user_named(username)
        if _password_matches(user, form.password.data):
            login_user(user)
            audit.record("login", username, actor=username)
            db.session.commit()
            response = redirect(_safe_next(request.args.get("next")))
            response.set_cookie(
                KNOWN_BROWSER,
                _browser_signer().dumps(username.lower()),
                max_age=KNOWN_BROWSER_DAYS * 24 * 3600,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure,
                path="/admin",
            )
            return response
        queries.note_failure(username, who)
        flash(_("That user name and password do not match."), "error")
    return render_template("auth/login.html", form=form, locked=False)


@bp.post("/logout")
@login_required
def logout():
    """Logging out ends every session of this account, also a copied cookie."""
    current_user.end_sessions()
    audit.record("logout", current_user.username)
    db.session.commit()
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    form = PasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current.data):
            form.current.errors.append(_("That is not your password now."))
        else:
            current_user.set_password(form.password.data)  # ends every other session
            audit.record("user.password", current_user.username)
            db.session.commit()
            login_user(current_user)  # this browser stays logged in, with the new version
            flash(_("Your password is changed. Other browsers are logged out."), "success")
            return redirect(url_for("admin.dashboard"))
    return render_template("auth/password.html", form=form), (400 if form.errors else 200)


def admin_required(view):
    """For the views only an admin may use (users, kiosks, the audit log)."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
