"""The school's own screens (spec section 7): which request is one of them (a paired
kiosk, a trusted network, a staff login), pairing, renaming and revoking kiosks, their
heartbeat, and the kiosk as a device (service worker, release, offline card)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry
from kiosk.screens.trust import is_school_screen

__all__ = ["init_app", "is_school_screen"]


def init_app(app):
    from kiosk.screens import admin, identity, kiosk, queries, release, speculation

    identity.init_app(app)
    app.register_blueprint(kiosk.bp)
    app.register_blueprint(admin.bp)
    app.after_request(identity.renew_cookie)
    app.after_request(speculation.add_header)
    app.context_processor(release.for_templates)
    parts = registry(app)
    parts.snapshot_sections["release"] = release.snapshot_section
    parts.purgers.append(queries.forget_old_pairing_attempts)
    parts.dashboard_panels.append(admin.silent_kiosks_panel)
    parts.admin_sections.append(("screens_admin.kiosks", _l("Kiosks"), True))  # admins only
