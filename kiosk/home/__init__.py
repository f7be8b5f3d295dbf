"""The kiosk's home screen: its tiles and the language chooser (spec section 2)."""


def init_app(app):
    from kiosk.home import views

    app.register_blueprint(views.bp)
