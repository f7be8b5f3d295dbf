"""The week's notices in pictograms (spec sections 2 and 4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.notices import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.snapshot_sections["notices"] = views._snapshot
    parts.dashboard_panels.append(views._dashboard)
    parts.admin_sections.append(("notices.admin_week", _l("Notices"), False))
