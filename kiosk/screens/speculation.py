"""Speculation rules: the kiosk's home screen has its tiles' screens prerendered, so a tap
shows a screen that is ready already instead of loading one (issue 32).

The rules travel as a `Speculation-Rules` header pointing at a JSON file of this app, so
the Content-Security-Policy stays `script-src 'self'` (no inline rules). A browser that
does not know them loads the plain links as always.
"""

from flask import request

RULES_URL = "/kiosk/speculation-rules.json"  # served by kiosk/screens/kiosk.py

# Every home tile, at once: seven small screens of the same site (Chromium keeps up to
# ten "immediate" prerenders). Only links marked as tiles, so no form, language choice or
# admin page is ever loaded ahead.
RULES = {
    "prerender": [
        {
            "where": {"selector_matches": "a.tile[href]"},
            "eagerness": "immediate",
        }
    ]
}


def add_header(response):
    """The home screen names its rules; only an HTML page a person can open needs them."""
    if request.endpoint == "home_kiosk.kiosk" and response.mimetype == "text/html":
        response.headers["Speculation-Rules"] = f'"{RULES_URL}"'
    return response
