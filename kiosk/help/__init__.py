"""What parents can bring: languages and help, offered from the phone (spec section 3)."""

from kiosk.registry import registry


def init_app(app):
    from kiosk.help import views

    app.register_blueprint(views.bp)
    parts = registry(app)
    parts.status_finders.append(views._find)
    parts.purgers.append(views._purge)
    parts.dashboard_panels.append(views._dashboard)
