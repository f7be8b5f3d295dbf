"""Class photos on the school's own screens (spec sections 2, 4 and 7)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.photos import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.snapshot_sections["photos"] = views._snapshot
    parts.purgers.append(views._purge_expired)
    parts.dashboard_panels.append(views._dashboard)
    parts.admin_sections.append(("photos.admin", _l("Photos"), False))
