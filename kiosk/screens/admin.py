"""/admin/kiosks: the school's own screens with each one's last heartbeat; a one-time
pairing link for a screen, renaming, revoking (spec sections 4 and 7)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from kiosk import audit
from kiosk.auth.admin import admin_required
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.qr import public_url
from kiosk.readiness.rules import kiosk_problems
from kiosk.screens import identity, queries, rules
from kiosk.screens.forms import KioskNameForm
from kiosk.screens.models import Kiosk

bp = Blueprint("screens_admin", __name__)


def _rename_form(kiosk, **kwargs):
    # A prefix per kiosk keeps every field's id unique on the one page.
    return KioskNameForm(prefix=f"kiosk{kiosk.id}", **kwargs)


def _name_taken(name, kiosk=None):
    other = queries.find_by_name(name)
    return other is not None and other is not kiosk


@dataclass
class Row:
    kiosk: Kiosk
    state: str
    silent: bool
    seen_ago: timedelta | None  # negative: "5 minutes ago"
    link_valid_until: datetime | None
    rename_form: KioskNameForm
    problems: list  # what its page reported that needs a fix (kiosk/readiness/rules.py)


def _list_page(pair_form, failed_rename=None):
    now = utcnow()
    rows = []
    for kiosk in queries.all_kiosks():
        open_codes = rules.open_codes(kiosk, now)
        rename_form = (
            failed_rename
            if failed_rename is not None and failed_rename.kiosk is kiosk
            else _rename_form(kiosk, formdata=None, data={"name": kiosk.name})
        )
        rows.append(
            Row(
                kiosk=kiosk,
                state=rules.state(kiosk, now),
                silent=rules.is_silent(kiosk, now),
                seen_ago=kiosk.last_seen_at - now if kiosk.last_seen_at else None,
                link_valid_until=max(c.expires_at for c in open_codes) if open_codes else None,
                rename_form=rename_form,
                problems=kiosk_problems(
                    kiosk.offline_copy, kiosk.clock_off_seconds, kiosk.loaded_at, now
                ),
            )
        )
    return render_template("screens/admin.html", rows=rows, pair_form=pair_form)


@bp.get("/admin/kiosks")
@admin_required
def kiosks():
    return _list_page(KioskNameForm(formdata=None))


def _link_page(kiosk, code):
    """The one time the admin sees a pairing link: only its hash is kept."""
    link = public_url("screens_kiosk.pair", code=code)
    valid_until = max(c.expires_at for c in kiosk.codes)
    response = render_template(
        "screens/pairing_link.html", kiosk=kiosk, link=link, valid_until=valid_until
    )
    return response, 200, {"Cache-Control": "no-store"}


@bp.post("/admin/kiosks")
@admin_required
def add():
    form = KioskNameForm()
    if form.validate_on_submit():
        if _name_taken(form.name.data):
            form.name.errors.append(_("A screen with that name exists already."))
        else:
            kiosk = Kiosk(name=form.name.data)
            db.session.add(kiosk)
            code = rules.issue_code(kiosk, utcnow())
            audit.record("kiosk.link", kiosk.name, "new screen; link valid 24 hours")
            try:
                db.session.commit()
            except IntegrityError:
                db.session.rollback()
                form.name.errors.append(_("A screen with that name exists already."))
            else:
                return _link_page(kiosk, code)
    return _list_page(form)


@bp.post("/admin/kiosks/<int:kiosk_id>/link")
@admin_required
def new_link(kiosk_id):
    kiosk = db.get_or_404(Kiosk, kiosk_id)
    if kiosk.is_paired:
        flash(_("Revoke %(name)s first: it is paired with a screen.", name=kiosk.name), "error")
        return redirect(url_for("screens_admin.kiosks"))
    code = rules.issue_code(kiosk, utcnow())
    audit.record("kiosk.link", kiosk.name, "new link; earlier links closed; valid 24 hours")
    db.session.commit()
    return _link_page(kiosk, code)


@bp.post("/admin/kiosks/<int:kiosk_id>/rename")
@admin_required
def rename(kiosk_id):
    kiosk = db.get_or_404(Kiosk, kiosk_id)
    form = _rename_form(kiosk)
    form.kiosk = kiosk
    if form.validate_on_submit():
        new_name = form.name.data
        if _name_taken(new_name, kiosk):
            form.name.errors.append(_("A screen with that name exists already."))
        else:
            old_name, kiosk.name = kiosk.name, new_name
            audit.record("kiosk.rename", new_name, f"was {old_name}")
            db.session.commit()
            identity.remembered().forget()  # at once in this process
            flash(_("Renamed to %(name)s.", name=new_name), "success")
            return redirect(url_for("screens_admin.kiosks"))
    return _list_page(KioskNameForm(formdata=None), failed_rename=form)


@bp.post("/admin/kiosks/<int:kiosk_id>/revoke")
@admin_required
def revoke(kiosk_id):
    kiosk = db.get_or_404(Kiosk, kiosk_id)
    rules.revoke(kiosk, utcnow())
    audit.record("kiosk.revoke", kiosk.name, f"last address {kiosk.last_address or '-'}")
    db.session.commit()
    identity.remembered().forget()  # at once in this process
    flash(_("%(name)s no longer counts as the school's own screen.", name=kiosk.name), "success")
    return redirect(url_for("screens_admin.kiosks"))


@bp.post("/admin/kiosks/<int:kiosk_id>/delete")
@admin_required
def delete(kiosk_id):
    kiosk = db.get_or_404(Kiosk, kiosk_id)
    if kiosk.is_paired:
        abort(400)
    db.session.delete(kiosk)
    audit.record("kiosk.delete", kiosk.name)
    db.session.commit()
    identity.remembered().forget()  # at once in this process
    flash(_("%(name)s removed from the list.", name=kiosk.name), "success")
    return redirect(url_for("screens_admin.kiosks"))


def silent_kiosks_panel():
    """The dashboard's warning while a kiosk is silent."""
    silent = queries.silent_kiosks(utcnow())
    if not silent:
        return []
    return [(_("Kiosks silent for over 5 minutes"), len(silent), url_for("screens_admin.kiosks"))]
