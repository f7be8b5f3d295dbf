"""The parent café: meetings, sign-ups and the waiting list, topic ideas (spec sections 2-4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.cafe import admin, display, kiosk, phone, queries

    for module in (kiosk, phone, admin):
        app.register_blueprint(module.bp)
    for function in display.TEMPLATE_GLOBALS:
        app.add_template_global(function)
    parts = registry(app)
    parts.snapshot_sections["cafe"] = queries.snapshot
    parts.status_finders.append(queries.find_status)
    parts.purgers.append(queries.forget_guests)
    parts.dashboard_panels.append(admin.dashboard_panel)
    parts.admin_sections.append(("cafe_admin.index", _l("Parent café"), False))
