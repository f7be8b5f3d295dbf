"""The parent café: meetings, sign-ups and the waiting list, topic ideas (spec sections 2-4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.cafe import admin, views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.dashboard_panels.append(admin._counts)
    parts.admin_sections.append(("cafe.admin_index", _l("Parent café"), False))
    parts.snapshot_sections["cafe"] = views.cafe_snapshot
    parts.status_finders.append(views.find_signup)
    parts.purgers.append(views.forget_cafe_guests)
