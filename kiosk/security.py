"""What every answer is guarded by, whatever its capability (spec sections 7 and 9):
security headers, cookies and HSTS over HTTPS, ids the database can hold, JSON small
and flat enough to parse, and a limit on what a phone may repeat.
"""

import re

from flask import abort, current_app, request
from flask.json.provider import DefaultJSONProvider
from flask_limiter.util import get_remote_address
from werkzeug.routing import IntegerConverter

from kiosk.extensions import limiter

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
HSTS = "max-age=31536000"

# The largest id a column holds in every database we run on (PostgreSQL's integer).
LARGEST_ID = 2**31 - 1
# What a kiosk or phone sends as JSON is a few hundred bytes, one or two levels deep.
MAX_JSON_BYTES = 64 * 1024
MAX_JSON_DEPTH = 32


def database_id(value) -> int | None:
    """An id a page sends (a number, or digits), or None when no row could have it."""
    if isinstance(value, str) and value.isdigit() and len(value) <= 10:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= LARGEST_ID:
        return value
    return None


def phone_answer_limit(per=None):
    """A route's POSTs from one address, per `per` (the route's part that names the
    question or topic), within KIOSK_PHONE_ANSWER_LIMIT; more answers 429.

    The phone's long-lived cookie keeps one answer per phone; this bounds what fresh
    cookies from one address can add, generously enough for a school's Wi-Fi.
    """

    def key():
        address = get_remote_address()
        return f"{address}/{request.view_args.get(per)}" if per else address

    return limiter.limit(
        lambda: current_app.config["KIOSK_PHONE_ANSWER_LIMIT"], key_func=key, methods=["POST"]
    )


def init_app(app):
    app.url_map.converters["int"] = DatabaseId
    app.json = BoundedJSONProvider(app)
    app.before_request(refuse_json_that_is_not_an_object)
    app.after_request(add_security_headers)
    app.wsgi_app = SecureOverHttps(app.wsgi_app)


class DatabaseId(IntegerConverter):
    """`<int:...>` in every route: a number too large for the database is a 404, not a 500."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)


_STRINGS = re.compile(r'"(?:\\.|[^"\\])*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (brackets inside strings aside)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing a body too large or too deeply nested before Python's parser
    recurses into it; `request.get_json(silent=True)` then answers None, and the view 400."""

    def loads(self, s, **kwargs):
        if isinstance(s, bytes | bytearray):
            if len(s) > MAX_JSON_BYTES:
                raise ValueError("JSON body too large")
            s = s.decode("utf-8")
        if len(s) > MAX_JSON_BYTES or json_depth(s) > MAX_JSON_DEPTH:
            raise ValueError("JSON body too large or too deeply nested")
        return super().loads(s, **kwargs)


def refuse_json_that_is_not_an_object():
    """JSON is what kiosk taps send ({"tap": ..., ...}), one object, to a kiosk screen's
    routes; anything else is a 400 before a view meets it. Elsewhere forms are posted as
    forms, and Flask-WTF would read a JSON body as form data, numbers and all."""
    if request.method not in ("POST", "PUT", "PATCH") or not request.is_json:
        return
    is_kiosk_tap = (request.blueprint or "").endswith("_kiosk")
    if not is_kiosk_tap or not isinstance(request.get_json(silent=True), dict):
        abort(400)


def add_security_headers(response):
    """Every response gets the security headers that its view did not set itself.

    A 304 has no body for them to protect: the browser keeps the headers of the response
    it already has (RFC 9110, 15.4.5).
    """
    if response.status_code == 304:
        return response
    present = {name.lower() for name, _ in response.headers}
    for name, value in SECURITY_HEADERS.items():
        if name.lower() not in present:
            response.headers.add(name, value)
    # A page may be rendered for one of the school's screens: no shared cache keeps it.
    if response.mimetype == "text/html" and "cache-control" not in present:
        response.headers["Cache-Control"] = "private, no-cache"
    return response


class SecureOverHttps:
    """Over HTTPS (directly, or behind a proxy that says so through ProxyFix), every cookie
    is Secure and the browser is told to stay on HTTPS. A WSGI wrapper, because Flask sets
    the session cookie after the last after_request hook has run."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("wsgi.url_scheme") != "https":
            return self.wsgi_app(environ, start_response)

        def start_securely(status, headers, exc_info=None):
            headers = [_secure(name, value) for name, value in headers]
            headers.append(("Strict-Transport-Security", HSTS))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start_securely)


def _secure(name, value):
    if name.lower() == "set-cookie" and "; secure" not in value.lower():
        return name, value + "; Secure"
    return name, value
