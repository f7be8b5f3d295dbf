"""Your voice: the school's open question and what parents say (spec sections 2-4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.voice import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.snapshot_sections["voice"] = views._snapshot
    parts.purgers.append(views._purge)
    parts.dashboard_panels.append(views._dashboard)
    parts.admin_sections.append(("voice.admin", _l("Your voice"), False))
