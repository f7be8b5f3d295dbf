"""Staff accounts: login, logout, roles and the lockout after failed attempts (spec section 4)."""

from datetime import timedelta

from kiosk.registry import registry


def init_app(app):
    from kiosk.auth import admin

    app.register_blueprint(admin.bp)
    registry(app).purgers.append(_forget_failed_logins)


def _forget_failed_logins(now, config):
    from kiosk.auth import queries

    return {"failed logins": queries.forget_failures_before(now - timedelta(days=1))}
