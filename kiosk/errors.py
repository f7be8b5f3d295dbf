"""Error pages in the chosen language; the kiosk's keep the Home button."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError


def _layout():
    if request.path.startswith("/kiosk"):
        return "layouts/kiosk.html"
    if request.path.startswith("/admin"):
        return "layouts/admin.html"
    return "layouts/phone.html"


def _page(status, title, message):
    if request.path.startswith("/api/"):
        return {"error": title}, status
    return render_template(
        "errors/error.html", layout=_layout(), status=status, title=title, message=message
    ), status


def register(app):
    @app.errorhandler(404)
    def not_found(error):
        return _page(404, _("Page not found"), _("This page does not exist (any more)."))

    @app.errorhandler(403)
    def forbidden(error):
        return _page(403, _("Not allowed"), _("You do not have access to this page."))

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return _page(
            400,
            _("Please try again"),
            _("The form had expired. Nothing was saved. Please send it again."),
        )

    @app.errorhandler(400)
    def bad_request(error):
        return _page(400, _("Please try again"), _("Something in the request was not right."))

    @app.errorhandler(413)
    def too_large(error):
        return _page(413, _("Too large"), _("What you sent is too large."))

    @app.errorhandler(429)
    def too_many(error):
        return _page(
            429,
            _("Too many at once"),
            _("Many answers came from this network just now. Please try again in a few minutes."),
        )

    @app.errorhandler(500)
    def server_error(error):
        return _page(500, _("Something went wrong"), _("Please try again in a moment."))
