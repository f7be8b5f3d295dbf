"""What parents can bring: languages and help, offered from the phone (spec section 3)."""

from kiosk.registry import registry


def init_app(app):
    from kiosk.help import admin, phone, queries

    for module in (phone, admin):
        app.register_blueprint(module.bp)
    parts = registry(app)
    parts.status_finders.append(queries.find_status)
    parts.purgers.append(queries.purge)
    parts.dashboard_panels.append(admin.dashboard_panel)
