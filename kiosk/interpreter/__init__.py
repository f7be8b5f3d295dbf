"""A free professional interpreter, asked for from the phone (spec sections 2-4)."""

from flask_babel import lazy_gettext as _l

from kiosk.registry import registry


def init_app(app):
    from kiosk.interpreter import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.status_finders.append(views._find)
    parts.purgers.append(views._purge_closed_requests)
    parts.dashboard_panels.append(views._dashboard)
    parts.admin_sections.append(("interpreter.admin", _l("Interpreter"), False))
