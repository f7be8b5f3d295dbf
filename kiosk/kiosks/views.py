"""The school's own screens: pairing a kiosk through a one-time link, renaming, revoking,
and the admin's list with each kiosk's last heartbeat (spec sections 4 and 7)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Regexp

from kiosk import audit
from kiosk.auth.admin import admin_required
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.kiosks import device, rules
from kiosk.kiosks.models import Kiosk
from kiosk.qr import public_url
from kiosk.readiness.rules import kiosk_problems

bp = Blueprint("kiosks", __name__)

bp.after_app_request(device.renew_cookie)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class KioskNameForm(FlaskForm):
    name = StringField(
        _l("Name of the screen"),
        filters=[_strip],
        validators=[
            DataRequired(),
            Length(max=40),
            Regexp(rules.NAME, message=_l("Use letters, digits, spaces and . - _ only.")),
        ],
    )


def _rename_form(kiosk, **kwargs):
    # A prefix per kiosk keeps every field's id unique on the one page.
    return KioskNameForm(prefix=f"kiosk{kiosk.id}", **kwargs)


def _name_taken(name, kiosk=None):
    other = rules.find_by_name(name)
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
    kiosks = db.session.scalars(
        db.select(Kiosk).options(selectinload(Kiosk.codes)).order_by(Kiosk.name)
    ).all()
    rows = []
    for kiosk in kiosks:
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
    return render_template("kiosks/admin.html", rows=rows, pair_form=pair_form)


@bp.get("/admin/kiosks")
@login_required
def admin():
    return _list_page(KioskNameForm(formdata=None))


def _link_page(kiosk, code):
    """The one time the admin sees a pairing link: only its hash is kept."""
    link = public_url("kiosks.pair", code=code)
    valid_until = max(c.expires_at for c in kiosk.codes)
    response = render_template(
        "kiosks/pairing_link.html", kiosk=kiosk, link=link, valid_until=valid_until
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
            code = rules.issue_code(kiosk)
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
        return redirect(url_for("kiosks.admin"))
    code = rules.issue_code(kiosk)
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
            flash(_("Renamed to %(name)s.", name=new_name), "success")
            return redirect(url_for("kiosks.admin"))
    return _list_page(KioskNameForm(formdata=None), failed_rename=form)


@bp.post("/admin/kiosks/<int:kiosk_id>/revoke")
@admin_required
def revoke(kiosk_id):
    kiosk = db.get_or_404(Kiosk, kiosk_id)
    rules.revoke(kiosk, utcnow())
    audit.record("kiosk.revoke", kiosk.name, f"last address {kiosk.last_address or '-'}")
    db.session.commit()
    flash(_("%(name)s no longer counts as the school's own screen.", name=kiosk.name), "success")
    return redirect(url_for("kiosks.admin"))


@bp.post("/admin/kiosks/<int:kiosk_id>/delete")
@admin_required
def delete(kiosk_id):
    kiosk = db.get_or_404(Kiosk, kiosk_id)
    if kiosk.is_paired:
        abort(400)
    db.session.delete(kiosk)
    audit.record("kiosk.delete", kiosk.name)
    db.session.commit()
    flash(_("%(name)s removed from the list.", name=kiosk.name), "success")
    return redirect(url_for("kiosks.admin"))


@bp.get("/kiosk/pair/<code>")
def pair(code):
    """Opened on the screen itself: a valid code makes it one of the school's own screens."""
    address = request.remote_addr or "unknown"
    now = utcnow()
    pairing = None
    if rules.is_locked_out(address, now):
        refusal = "locked"
    else:
        pairing = rules.find_code(code)
        refusal = rules.refusal(pairing, now)
        if refusal is None and not rules.use_code(pairing, now):
            refusal = "used"  # another tab or process used it a moment ago
    if refusal and device.paired_kiosk(request) is not None:
        # A paired screen opening a pairing link again (its auto-start command): it is home.
        return redirect(url_for("home_kiosk.kiosk"))
    if refusal == "locked":
        return _refused("locked", 429)
    if refusal:
        rules.note_failure(address, now)
        target = pairing.kiosk.name if pairing else ""
        audit.record("kiosk.pair_failed", target, f"{refusal} code from {address}")
        db.session.commit()
        return _refused(refusal, 404 if refusal == "unknown" else 410)
    kiosk = pairing.kiosk
    secret = rules.pair(kiosk, address, now)
    audit.record("kiosk.pair", kiosk.name, f"from {address}")
    db.session.commit()
    response = redirect(url_for("home_kiosk.kiosk"))
    device.set_cookie(response, request, kiosk.id, secret)
    response.headers["Cache-Control"] = "no-store"
    return response


@dataclass(frozen=True)
class Refusal:
    reason: str
    pictogram: str
    title: str
    message: str


REFUSALS = {
    refusal.reason: refusal
    for refusal in (
        Refusal(
            "unknown",
            "cross",
            _l("This pairing link does not work"),
            _l("Check that the whole link was typed, or ask the school for a new one."),
        ),
        Refusal(
            "used",
            "lock",
            _l("This pairing link has been used"),
            _l("A pairing link works once. Ask the school for a new one."),
        ),
        Refusal(
            "expired",
            "clock",
            _l("This pairing link has expired"),
            _l("A pairing link works for 24 hours. Ask the school for a new one."),
        ),
        Refusal(
            "locked",
            "wait",
            _l("Too many wrong pairing links"),
            _l("Please wait 15 minutes before trying again."),
        ),
    )
}


def _refused(reason, status):
    """A clear page on the kiosk, never a pairing."""
    page = render_template("kiosks/pair_refused.html", refusal=REFUSALS[reason])
    return page, status, {"Cache-Control": "no-store"}


def _silent_kiosks():
    now = utcnow()
    silent = [k for k in db.session.scalars(db.select(Kiosk)) if rules.is_silent(k, now)]
    if not silent:
        return []
    return [(_("Kiosks silent for over 5 minutes"), len(silent), url_for("kiosks.admin"))]


def _old_pairing_attempts(now, config):
    return {
        "failed pairings": rules.forget_failures_before(now - timedelta(days=1)),
        "pairing codes": rules.forget_codes_closed_before(now - timedelta(days=30)),
    }
