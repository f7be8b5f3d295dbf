"""Who is who on the kiosk: the team and their photos, for the school's own screens only."""

from flask import Blueprint, abort, render_template, request

from kiosk.i18n import current
from kiosk.photos import storage
from kiosk.screens import is_school_screen
from kiosk.team import queries, rules

bp = Blueprint("team_kiosk", __name__)


@bp.get("/kiosk/team")
def kiosk():
    if not is_school_screen(request):
        return render_template("team/kiosk.html", school_screen=False)
    people, looks = queries.team_on_screen(current().code)
    return render_template(
        "team/kiosk.html",
        school_screen=True,
        groups=rules.kiosk_groups(people, looks),
        roles=rules.ROLES,
    )


@bp.get("/kiosk/team/photos/<key>.jpg")
def photo_file(key):
    """A team photo: only for a school screen and only with consent; else 404."""
    if not is_school_screen(request):
        abort(404)
    if queries.with_shown_photo(key) is None:
        abort(404)
    return storage.send(queries.FOLDER, key, "thumbnail")
