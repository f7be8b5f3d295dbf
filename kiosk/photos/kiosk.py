"""Class photos on the kiosk: the slideshow and its files, for the school's own screens only."""

from flask import Blueprint, abort, render_template, request

from kiosk.i18n import current
from kiosk.photos import queries, storage
from kiosk.screens import is_school_screen

bp = Blueprint("photos_kiosk", __name__)


@bp.get("/kiosk/photos")
def kiosk():
    if not is_school_screen(request):
        return render_template("photos/kiosk.html", school_screen=False)
    items, looks = queries.photos_on_screen(current().code)
    chosen = request.args.get("class")
    if chosen not in {look.key for look in looks}:
        chosen = None
    shown = [item for item in items if chosen is None or item["class_key"] == chosen]
    at = min(max(request.args.get("at", 0, type=int), 0), max(len(shown) - 1, 0))
    return render_template(
        "photos/kiosk.html",
        school_screen=True,
        photos=shown,
        class_looks=looks,
        chosen=chosen,
        at=at,
    )


def _kiosk_file(key, kind):
    """A photo's file, only for a school screen and only while it may be shown; else 404."""
    if not is_school_screen(request):
        abort(404)
    if queries.shown_by_key(key) is None:
        abort(404)
    return storage.send(queries.FOLDER, key, kind)


@bp.get("/kiosk/photos/screen/<key>.jpg")
def screen_file(key):
    return _kiosk_file(key, "screen")


@bp.get("/kiosk/photos/thumb/<key>.jpg")
def thumbnail_file(key):
    return _kiosk_file(key, "thumbnail")
