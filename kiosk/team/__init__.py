"""Who is who: the team's photos, roles and languages (spec sections 2 and 4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.team import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.snapshot_sections["team"] = views._snapshot
    parts.purgers.append(views._leftover_files)
    parts.dashboard_panels.append(views._dashboard)
    parts.admin_sections.append(("team.admin", _l("Who is who"), False))
