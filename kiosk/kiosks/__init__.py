"""The school's own screens: pairing, renaming, revoking, the heartbeat (spec section 7)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.kiosks import device, views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.purgers.append(views._old_pairing_attempts)
    parts.dashboard_panels.append(views._silent_kiosks)
    parts.admin_sections.append(("kiosks.admin", _l("Kiosks"), False))
    parts.trust_checks.append(device.is_paired_kiosk)
