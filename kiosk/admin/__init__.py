"""The bridge figure's door: dashboard, users and the audit log (spec section 4)."""


def init_app(app):
    from kiosk.admin import admin

    app.register_blueprint(admin.bp)
