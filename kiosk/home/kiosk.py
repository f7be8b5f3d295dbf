"""The kiosk's home screen: `/` leads to it, and every idle kiosk comes back to it."""

from dataclasses import dataclass

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from kiosk.i18n import current, kiosk_url

bp = Blueprint("home_kiosk", __name__)


@dataclass(frozen=True)
class Tile:
    section: str
    pictogram: str
    label: str


# The home tiles of spec section 2, in the order a parent sees them.
TILES = (
    Tile("notices", "notices", _l("Notices")),
    Tile("board", "board", _l("Where is my child going?")),
    Tile("photos", "camera", _l("Photos")),
    Tile("cafe", "cafe", _l("Parent café")),
    Tile("interpreter", "interpreter", _l("Interpreter")),
    Tile("team", "team", _l("Who is who")),
    Tile("voice", "voice", _l("Your voice")),
)


@bp.get("/")
def root():
    return redirect(url_for("home_kiosk.kiosk"))


_choices = {}  # (app, language, register, script root) -> the tiles and the language chooser


@bp.get("/kiosk/")
def kiosk():
    """Every idle kiosk comes back here. Its tiles and language chooser change only
    with the language, so each process renders them once per language."""
    # The register too: a test's app may reuse the id of an earlier one in another.
    register = current_app.extensions["dutch_register"]["screens"]
    key = (id(current_app), current().code, register, request.script_root)
    if key not in _choices:
        _choices[key] = Markup(render_template("home/_choices.html", tiles=TILES))
    return render_template("home/kiosk.html", choices=_choices[key])


def tile_url(section):
    """The kiosk URL of a home tile: its capability's kiosk screen."""
    return kiosk_url(f"{section}_kiosk.kiosk")
