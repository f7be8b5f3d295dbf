"""Class photos on the school's own screens (spec sections 2, 4 and 7)."""

from flask_babel import lazy_gettext as _l

from kiosk.photos import admin, kiosk, queries
from kiosk.registry import registry


def init_app(app):
    app.register_blueprint(kiosk.bp)
    app.register_blueprint(admin.bp)
    parts = registry(app)
    parts.snapshot_sections["photos"] = queries.snapshot
    parts.purgers.append(queries.purge_expired)
    parts.dashboard_panels.append(queries.dashboard)
    parts.admin_sections.append(("photos_admin.admin", _l("Photos"), False))
