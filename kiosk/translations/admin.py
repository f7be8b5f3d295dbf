"""/admin/translations: each language's coverage, the parents' proposals to approve,
and the one-time links that let a parent translate."""

from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from kiosk import i18n
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.help import queries as help_queries
from kiosk.speech import RECORDED
from kiosk.spoken_languages import name_of
from kiosk.translations import queries
from kiosk.translations.forms import LinkForm
from kiosk.translations.models import TranslatorLink

bp = Blueprint("translations_admin", __name__, url_prefix="/admin/translations")


@bp.before_request
@login_required
def require_login():
    """Admins and editors alike: translating is everyday work."""


def _offers():
    """Parents who offered in /m/help a language the kiosk speaks: (offer, [codes])."""
    codes = {lang.code for lang in i18n.LANGUAGES if lang.code != i18n.DEFAULT}
    found = []
    for offer in help_queries.standing(utcnow()):
        offered = [code for code in offer.languages if code in codes]
        if offered:
            found.append((offer, offered))
    return found


@bp.get("/")
def index(form=None):
    return render_template(
        "translations/admin.html",
        coverage=queries.coverage(),
        waiting=queries.waiting(),
        form=form or LinkForm(),
        offers=_offers(),
        links=queries.open_links(),
        by_code=i18n.BY_CODE,
        name_of=name_of,
        recording_url=queries.recording_url,
    )


@bp.post("/links")
def make_link():
    form = LinkForm()
    if not form.validate_on_submit():
        return index(form), 400
    link = queries.make_link(form.lang.data, form.first_name.data, current_user.username)
    flash(_("Link made for %(name)s.", name=link.first_name), "success")
    return redirect(url_for(".index", _anchor=f"link-{link.id}"))


@bp.post("/links/<int:link_id>/revoke")
def revoke(link_id):
    queries.revoke(db.get_or_404(TranslatorLink, link_id))
    flash(_("Link revoked."), "success")
    return redirect(url_for(".index"))


def _waiting_or_404(proposal_id):
    proposal = queries.find_proposal(proposal_id)
    if proposal is None:
        abort(404)
    return proposal


@bp.post("/<int:proposal_id>/approve")
def approve(proposal_id):
    if queries.approve(_waiting_or_404(proposal_id)):
        flash(_("Approved: the kiosk shows it now."), "success")
    return redirect(url_for(".index"))


@bp.post("/<int:proposal_id>/reject")
def reject(proposal_id):
    queries.reject(_waiting_or_404(proposal_id))
    return redirect(url_for(".index"))


@bp.get("/<int:proposal_id>/recording")
def recording(proposal_id):
    """A waiting recording, for the bridge figure to listen to before approving it."""
    path = queries.recording_path(_waiting_or_404(proposal_id))
    if path is None:
        abort(404)
    return send_file(path, mimetype=RECORDED.get(path.suffix[1:], "application/octet-stream"))
