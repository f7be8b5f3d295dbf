"""The kiosk as a device: its service worker, release and offline card."""

from kiosk.registry import registry


def init_app(app):
    from kiosk.device import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.snapshot_sections["release"] = views._release_section
