"""The findings at the top of the admin's overview, for admins only, until fixed."""

from flask import current_app
from flask_login import current_user

from kiosk.readiness.check import cached_findings


def dashboard_findings():
    """The findings an admin sees on /admin/ (a template global; gathered once a minute)."""
    if not current_user.is_authenticated or not current_user.is_admin:
        return []
    return cached_findings(current_app._get_current_object())
