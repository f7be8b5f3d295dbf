"""The kiosk's home screen: its tiles and the language chooser (spec section 2)."""


def init_app(app):
    from kiosk.home import kiosk

    app.register_blueprint(kiosk.bp)
