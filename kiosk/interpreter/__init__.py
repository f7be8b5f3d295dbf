"""A free professional interpreter, asked for from the phone (spec sections 2-4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.interpreter import admin, kiosk, phone, queries

    for module in (kiosk, phone, admin):
        app.register_blueprint(module.bp)
    parts = registry(app)
    parts.status_finders.append(queries.find_status)
    parts.purgers.append(queries.purge)
    parts.dashboard_panels.append(admin.dashboard_panel)
    parts.admin_sections.append(("interpreter_admin.index", _l("Interpreter"), False))
