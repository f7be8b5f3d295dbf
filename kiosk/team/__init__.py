"""Who is who: the team's photos, roles and languages (spec sections 2 and 4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry
from kiosk.team import admin, kiosk, queries


def init_app(app):
    app.register_blueprint(kiosk.bp)
    app.register_blueprint(admin.bp)
    parts = registry(app)
    parts.snapshot_sections["team"] = queries.snapshot
    parts.purgers.append(queries.leftover_files)
    parts.dashboard_panels.append(queries.dashboard)
    parts.admin_sections.append(("team_admin.admin", _l("Who is who"), False))
