"""The one JSON snapshot of everything the kiosk shows (spec section 2).

Each capability adds its part with `@section("key")`; the kiosk screens and
`GET /api/v1/kiosk` both call `build()`, so the screen and the API never differ.
"""

_sections = {}

EMPTY = {"notices": [], "board": [], "photos": [], "cafe": [], "urgent": None}


def section(key):
    """Register `function(lang, school_screen) -> value` as the snapshot's `key`."""

    def register(function):
        _sections[key] = function
        return function

    return register


def build(lang: str, school_screen: bool) -> dict:
    """The snapshot in `lang`; personal content only when `school_screen` is true."""
    snapshot = dict(EMPTY, lang=lang)
    for key, function in _sections.items():
        snapshot[key] = function(lang, school_screen)
    return snapshot
