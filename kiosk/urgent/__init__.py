"""One urgent message on every screen (spec section 2)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk import speech
    from kiosk.urgent import admin, queries

    app.register_blueprint(admin.bp)
    parts = registry(app)
    parts.snapshot_sections["urgent"] = queries.snapshot
    parts.dashboard_panels.append(queries.dashboard)
    parts.admin_sections.append(("urgent_admin.admin", _l("Urgent message"), False))
    speech.add_source(app, queries.spoken_now)
