"""The week's notices in pictograms (spec sections 2 and 4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk import speech
    from kiosk.notices import admin, kiosk, queries

    app.register_blueprint(kiosk.bp)
    app.register_blueprint(admin.bp)
    parts = registry(app)
    parts.snapshot_sections["notices"] = queries.snapshot
    parts.dashboard_panels.append(queries.dashboard)
    parts.admin_sections.append(("notices_admin.admin_week", _l("Notices"), False))
    speech.add_source(app, queries.spoken_now)
