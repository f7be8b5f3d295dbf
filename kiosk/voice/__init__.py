"""Your voice: the school's open question and what parents say (spec sections 2-4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry
from kiosk.voice import admin, kiosk, phone, queries


def init_app(app):
    app.register_blueprint(kiosk.bp)
    app.register_blueprint(phone.bp)
    app.register_blueprint(admin.bp)
    parts = registry(app)
    parts.snapshot_sections["voice"] = queries.snapshot
    parts.purgers.append(queries.purge)
    parts.dashboard_panels.append(queries.dashboard)
    parts.admin_sections.append(("voice_admin.admin", _l("Your voice"), False))
