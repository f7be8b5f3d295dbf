"""The kiosk's home screen and the screens still to come."""

from dataclasses import dataclass

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from kiosk.i18n import current, kiosk_url

bp = Blueprint("home", __name__)


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
    return redirect(url_for("home.kiosk"))


_choices = {}  # (app, language, script root) -> the tiles and the language chooser


@bp.get("/kiosk/")
def kiosk():
    """Every idle kiosk comes back here. Its tiles and language chooser change only
    with the language, so each process renders them once per language."""
    key = (id(current_app), current().code, request.script_root)
    if key not in _choices:
        _choices[key] = Markup(render_template("home/_choices.html", tiles=TILES))
    return render_template("home/kiosk.html", choices=_choices[key])


@bp.get("/kiosk/<any(" + ",".join(tile.section for tile in TILES) + "):section>")
def coming_soon(section):
    """A section whose capability has no kiosk screen yet (its own route wins once it has)."""
    tile = next(tile for tile in TILES if tile.section == section)
    return render_template("home/coming_soon.html", tile=tile)


def tile_url(section):
    """The kiosk URL of a home tile: its capability's screen, or the coming-soon card."""
    for endpoint in (f"{section}_kiosk.kiosk", f"{section}.kiosk"):
        if endpoint in current_app.view_functions:
            return kiosk_url(endpoint)
    return kiosk_url("home.coming_soon", section=section)
