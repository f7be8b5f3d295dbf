"""The bridge figure's door: dashboard, users and the audit log (spec section 4)."""


def init_app(app):
    from kiosk.admin import views

    app.register_blueprint(views.bp)
