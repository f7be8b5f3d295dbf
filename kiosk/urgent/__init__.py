"""One urgent message on every screen (spec section 2)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.urgent import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.snapshot_sections["urgent"] = views._urgent
    parts.dashboard_panels.append(views._dashboard)
    parts.admin_sections.append(("urgent.admin", _l("Urgent message"), False))
