"""Weekly pictogram notices: the kiosk screen, the parents' taps, and the bridge figure's admin."""

from datetime import date, timedelta

from babel.dates import format_date as babel_format_date
from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

from kiosk import audit, clock, i18n, pictograms, taps
from kiosk.extensions import db
from kiosk.notices import rules
from kiosk.notices.models import Notice, UnderstandingTap
from kiosk.spreadsheet import csv_response

bp = Blueprint("notices", __name__)


# Pictograms the picker offers before anything is searched: what a school week usually needs.
OFTEN_USED = (
    "no_school",
    "half_day",
    "swimming",
    "gym_lesson",
    "forest_trip",
    "excursion_bus",
    "lunch_box",
    "snack",
    "rain_clothes",
    "money",
    "permission_slip",
    "birthday",
    "parent_cafe",
    "parent_evening",
    "photographer",
    "lice_check",
)

# The messages of rules.problems, in words the bridge figure reads.
MESSAGES = {
    "dutch_required": _l(
        "Write the Dutch text: the kiosk shows it in every language without a translation."
    ),
    "too_long": _l("At most %(max)d characters, please (now %(length)d)."),
    "unknown_pictogram": _l("Unknown pictogram: %(codes)s. Choose one from the picker."),
    "no_pictogram": _l("Choose at least one pictogram."),
    "too_many_pictograms": _l("Choose at most %(max)d pictograms (now %(count)d)."),
}


# --- What a notice looks like on a screen ---------------------------------------


def notices_in(week: date) -> list[Notice]:
    """The items of the week that starts on `week`, in the kiosk's order."""
    found = db.session.scalars(db.select(Notice).where(Notice.week == week)).all()
    return rules.in_order(found)


def shown(notice: Notice, lang: str) -> dict:
    """One item as the kiosk shows it and the snapshot gives it, in `lang` or else Dutch."""
    text, text_lang = i18n.pick(notice.texts, lang)
    details = (notice.details or {}).get(text_lang, "")
    return {
        "id": notice.id,
        "date": notice.day.isoformat() if notice.day else None,
        "text": text,
        "lang": text_lang,
        "dir": "rtl" if getattr(i18n.BY_CODE.get(text_lang), "rtl", False) else "ltr",
        "details": details,
        "pictograms": [_pictogram(key) for key in notice.pictograms],
    }


def _pictogram(key):
    p = pictograms.get(key)
    label = str(p.label) if p else str(pictograms.get("question").label)
    return {"code": key, "url": pictograms.url(key), "label": label}


def _snapshot(lang, school_screen):
    """This ISO week's items; notices are for everyone, so school_screen changes nothing."""
    return [shown(n, lang) for n in notices_in(rules.week_of(clock.today()))]


def _day_label(day: date | None, locale=None) -> str:
    if day is None:
        return _("All week")
    if locale:
        return babel_format_date(day, "EEEE d MMMM", locale=locale)
    return format_date(day, "EEEE d MMMM")


def _week_title(week: date, today: date) -> str:
    this_week = rules.week_of(today)
    if week == this_week:
        return _("This week")
    if week == this_week + timedelta(weeks=1):
        return _("Next week")
    return _("Week %(number)d", number=week.isocalendar()[1])


def _week_range(week: date, locale=None) -> str:
    friday = week + timedelta(days=4)
    first_format = "d MMMM" if week.year == friday.year else "d MMMM yyyy"
    if locale:
        first = babel_format_date(week, first_format, locale=locale)
        last = babel_format_date(friday, "d MMMM yyyy", locale=locale)
    else:
        first, last = format_date(week, first_format), format_date(friday, "d MMMM yyyy")
    return f"{first} – {last}"


# --- Kiosk -------------------------------------------------------------------------


@bp.get("/kiosk/notices")
def kiosk():
    today = clock.today()
    first, last = rules.kiosk_weeks(today)
    week = rules.parse_week(request.args.get("week")) or first
    lang = i18n.current().code
    preview = bool(request.args.get("preview"))

    def week_url(other):
        args = {"week": rules.week_param(other)}
        if preview:
            args["preview"] = 1
        return i18n.kiosk_url("notices.kiosk", **args)

    items = [shown(n, lang) for n in notices_in(week)]
    for item in items:
        day = date.fromisoformat(item["date"]) if item["date"] else None
        item["day_label"] = _day_label(day)
        item["today"] = day == today
        item["past"] = day is not None and day < today
    return render_template(
        "notices/kiosk.html",
        items=items,
        week=week,
        week_title=_week_title(week, today),
        week_range=_week_range(week),
        previous_url=week_url(week - timedelta(weeks=1)) if week > first else None,
        next_url=week_url(week + timedelta(weeks=1)) if week < last else None,
        preview=preview,
    )


@bp.post("/kiosk/notices/<int:notice_id>/understanding")
def understanding(notice_id):
    """One parent's "I understand" or "not clear"; the same tap id sent again counts once."""
    notice = db.session.get(Notice, notice_id)
    if notice is None:
        return jsonify(error="unknown notice"), 404
    data = request.get_json(silent=True)
    data = data if isinstance(data, dict) else {}
    tap_id, answer = taps.tap_id(data.get("tap")), data.get("answer")
    if tap_id is None or answer not in rules.ANSWERS:
        return jsonify(error="a tap needs its id and an answer"), 400
    lang = data.get("lang")
    lang = lang if isinstance(lang, str) and lang in i18n.BY_CODE else i18n.current().code
    kiosk_name = taps.kiosk_name(request, data.get("kiosk"))

    db.session.add(
        UnderstandingTap(
            tap_id=tap_id, notice_id=notice.id, answer=answer, lang=lang, kiosk=kiosk_name
        )
    )
    try:
        db.session.commit()
        return jsonify(counted=True, answer=answer), 201
    except IntegrityError:
        db.session.rollback()
    # The same tap again (a double tap, a retry): still one tap, with the latest answer.
    db.session.execute(
        db.update(UnderstandingTap)
        .where(UnderstandingTap.tap_id == tap_id, UnderstandingTap.notice_id == notice.id)
        .values(answer=answer)
    )
    db.session.commit()
    return jsonify(counted=False, answer=answer), 200


# --- Understanding, for the admin (and for the voice section's overview) ---------------


def understanding_of(notice_ids=None) -> dict[int, rules.Understanding]:
    """Counts of "I understand" / "not clear" per notice and language."""
    query = db.select(
        UnderstandingTap.notice_id,
        UnderstandingTap.lang,
        UnderstandingTap.answer,
        db.func.count(),
    ).group_by(UnderstandingTap.notice_id, UnderstandingTap.lang, UnderstandingTap.answer)
    if notice_ids is not None:
        query = query.where(UnderstandingTap.notice_id.in_(notice_ids))
    return rules.tally(db.session.execute(query).all())


def worst_understood() -> list[tuple[Notice, rules.Understanding]]:
    """Every notice that parents answered, worst understood first."""
    ordered = rules.worst_first(understanding_of().values())
    notices = {n.id: n for n in db.session.scalars(db.select(Notice)).all()}
    return [(notices[u.notice_id], u) for u in ordered if u.notice_id in notices]


# --- Admin: the week -----------------------------------------------------------------


def _admin_week():
    week = rules.parse_week(request.values.get("week"))
    return week or rules.week_of(clock.today())


@bp.get("/admin/notices")
@login_required
def admin_week():
    week = _admin_week()
    items = notices_in(week)
    counts = understanding_of([n.id for n in items])
    by_day = {None: []} | {day: [] for day in rules.days_of(week)}
    for notice in items:
        by_day[notice.day].append(notice)
    groups = [
        (day, _day_label(day), notices)
        for day, notices in by_day.items()
        if day is None or day.weekday() < 5 or notices
    ]
    return render_template(
        "notices/admin_week.html",
        week=week,
        week_param=rules.week_param(week),
        previous_week=rules.week_param(week - timedelta(weeks=1)),
        next_week=rules.week_param(week + timedelta(weeks=1)),
        this_week=rules.week_param(rules.week_of(clock.today())),
        week_title=_week_title(week, clock.today()),
        week_range=_week_range(week),
        groups=groups,
        counts=counts,
        last_week_count=len(notices_in(week - timedelta(weeks=1))),
        languages=i18n.LANGUAGES,
    )


class NoticeForm(FlaskForm):
    """Day, pictograms (from the picker) and texts per language; checked by rules.problems."""

    day = SelectField(_l("Day"), choices=[])
    query = StringField(_l("Search pictograms"))


for _language in i18n.LANGUAGES:
    setattr(NoticeForm, f"text_{_language.code}", StringField(_language.name))
    setattr(NoticeForm, f"details_{_language.code}", TextAreaField(_language.name))
del _language


def _form_for(week, notice=None):
    form = NoticeForm(obj=None)
    form.day.choices = [SelectChoice("", _("All week"))] + [
        SelectChoice(day.isoformat(), _day_label(day)) for day in rules.days_of(week)
    ]
    if notice is not None and request.method == "GET":
        form.day.data = notice.day.isoformat() if notice.day else ""
        for language in i18n.LANGUAGES:
            getattr(form, f"text_{language.code}").data = notice.texts.get(language.code, "")
            getattr(form, f"details_{language.code}").data = (notice.details or {}).get(
                language.code, ""
            )
    elif request.method == "GET":
        form.day.data = request.args.get("day", "")
    return form


def _typed(form, prefix):
    """What the form holds for each language, empty ones left out."""
    typed = {}
    for language in i18n.LANGUAGES:
        value = (getattr(form, f"{prefix}_{language.code}").data or "").strip()
        if value:
            typed[language.code] = value
    return typed


def _chosen_pictograms(notice):
    if request.method == "POST":
        seen = []
        for key in request.form.getlist("pictograms"):
            key = key.strip()
            if key and key not in seen:
                seen.append(key)
        return seen
    return list(notice.pictograms) if notice else []


def _edit(week, notice=None):
    form = _form_for(week, notice)
    chosen = _chosen_pictograms(notice)
    searching = request.method == "POST" and "search" in request.form
    picture_errors = []
    query = (form.query.data or "").strip()
    if request.method == "POST" and not searching:
        valid = form.validate_on_submit()  # CSRF and a day of this week
        texts, details = _typed(form, "text"), _typed(form, "details")
        found = rules.problems(texts, details, chosen, lambda key: pictograms.get(key) is not None)
        if valid and not found:
            day = date.fromisoformat(form.day.data) if form.day.data else None
            return _save(week, notice, day, chosen, texts, details)
        for name, messages in found.items():
            errors = [str(MESSAGES[message]) % values for message, values in messages]
            target = getattr(form, name, None)
            if target is not None:
                target.errors = list(target.errors) + errors
            else:
                picture_errors.extend(errors)
        flash(_("Nothing was saved yet: please look at the marked fields."), "error")

    results = pictograms.search(query, limit=24) if query else []
    if not query:
        results = [pictograms.get(key) for key in OFTEN_USED]
    return render_template(
        "notices/admin_form.html",
        form=form,
        notice=notice,
        week=week,
        week_param=rules.week_param(week),
        chosen=[_pictogram(key) for key in chosen],
        picture_errors=picture_errors,
        results=[_pictogram(p.key) for p in results if p and p.key not in chosen],
        query=query,
        searched=bool(query),
        languages=i18n.LANGUAGES,
        limits={"text": rules.TEXT_MAX, "details": rules.DETAILS_MAX},
        pictograms_max=rules.PICTOGRAMS_MAX,
        details_open=any(
            form[f"details_{language.code}"].data or form[f"details_{language.code}"].errors
            for language in i18n.LANGUAGES
        ),
    )


def _save(week, notice, day, chosen, texts, details):
    creating = notice is None
    if creating:
        last = db.session.scalar(db.select(db.func.max(Notice.position)).where(Notice.week == week))
        notice = Notice(week=week, position=(last or 0) + 1)
        db.session.add(notice)
    elif notice.day != day:
        last = db.session.scalar(db.select(db.func.max(Notice.position)).where(Notice.week == week))
        notice.position = (last or 0) + 1  # a new day: it goes last there
    notice.day = day
    notice.pictograms = chosen
    notice.texts = texts
    notice.details = details
    db.session.flush()
    audit.record(
        "notice.create" if creating else "notice.edit",
        f"notice {notice.id}",
        f"{rules.week_param(week)} {day or 'all week'}: {texts['nl']} "
        f"[{', '.join(chosen)}] ({', '.join(sorted(texts))})",
    )
    db.session.commit()
    flash(_("The notice is saved. The kiosk shows it within a minute."), "success")
    return redirect(url_for("notices.admin_week", week=rules.week_param(week)))


@bp.route("/admin/notices/new", methods=["GET", "POST"])
@login_required
def admin_new():
    return _edit(_admin_week())


@bp.route("/admin/notices/<int:notice_id>/edit", methods=["GET", "POST"])
@login_required
def admin_edit(notice_id):
    notice = db.get_or_404(Notice, notice_id)
    return _edit(notice.week, notice)


@bp.post("/admin/notices/<int:notice_id>/delete")
@login_required
def admin_delete(notice_id):
    notice = db.get_or_404(Notice, notice_id)
    week = notice.week
    audit.record("notice.delete", f"notice {notice.id}", notice.texts.get("nl", ""))
    db.session.delete(notice)
    db.session.commit()
    flash(_("The notice is deleted."), "success")
    return redirect(url_for("notices.admin_week", week=rules.week_param(week)))


@bp.post("/admin/notices/<int:notice_id>/move")
@login_required
def admin_move(notice_id):
    notice = db.get_or_404(Notice, notice_id)
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400)
    partner = rules.swap_partner(notices_in(notice.week), notice, direction)
    if partner is not None:
        if partner.position == notice.position:
            partner.position += 1 if direction == "down" else -1
        notice.position, partner.position = partner.position, notice.position
        audit.record("notice.move", f"notice {notice.id}", direction)
        db.session.commit()
    return redirect(
        url_for("notices.admin_week", week=rules.week_param(notice.week)) + f"#notice-{notice.id}"
    )


@bp.post("/admin/notices/copy")
@login_required
def admin_copy():
    week = _admin_week()
    last_week = notices_in(week - timedelta(weeks=1))
    plan = rules.copy_plan(last_week, notices_in(week), week)
    last = db.session.scalar(db.select(db.func.max(Notice.position)).where(Notice.week == week))
    for offset, fields in enumerate(plan, start=1):
        db.session.add(Notice(position=(last or 0) + offset, **fields))
    if plan:
        audit.record("notice.copy_week", rules.week_param(week), f"{len(plan)} items")
        db.session.commit()
        flash(_("%(count)d notices copied from last week.", count=len(plan)), "success")
    elif not last_week:
        flash(_("Last week has no notices to copy."), "info")
    else:
        flash(_("Nothing to copy: last week's notices are already here."), "info")
    return redirect(url_for("notices.admin_week", week=rules.week_param(week)))


@bp.get("/admin/notices/pictograms")
@login_required
def admin_pictograms():
    """The picker's search as JSON, for searching while typing."""
    found = pictograms.search(request.args.get("q", ""), limit=24)
    return jsonify(
        [{"code": p.key, "url": pictograms.url(p), "label": str(p.label)} for p in found]
    )


# --- Admin: the A4 poster ------------------------------------------------------------


@bp.get("/admin/notices/poster")
@login_required
def admin_poster():
    """The week as an A4 poster: big pictograms, Dutch and one chosen language."""
    week = _admin_week()
    lang = request.args.get("lang", "")
    lang = lang if lang in i18n.BY_CODE else "en"
    second = None if lang == i18n.DEFAULT else i18n.BY_CODE[lang]

    def unless_same(dutch, other):
        """The second language's words, or None where they would repeat the Dutch."""
        return other if other and other != dutch else None

    items = []
    for notice in notices_in(week):
        day_nl = _poster_day(notice.day, "nl")
        items.append(
            {
                "notice": notice,
                "pictograms": [_pictogram(key) for key in notice.pictograms],
                "nl": notice.texts.get("nl", ""),
                "second": notice.texts.get(lang) if second else None,
                "day_nl": day_nl,
                "day_second": unless_same(day_nl, _poster_day(notice.day, lang))
                if second
                else None,
            }
        )
    title_nl = _poster_title("nl")
    return render_template(
        "notices/poster.html",
        week=week,
        week_param=rules.week_param(week),
        items=items,
        second=second,
        title_nl=title_nl,
        title_second=unless_same(title_nl, _poster_title(lang)) if second else None,
        range_nl=_week_range(week, locale="nl"),
        range_second=_week_range(week, locale=lang) if second else None,
        credit=pictograms.ATTRIBUTION,
    )


def _poster_title(code):
    with force_locale(code):
        return _("Notices this week")


def _poster_day(day, code):
    if day is None:
        with force_locale(code):
            return _("All week")
    label = babel_format_date(day, "EEEE d MMMM", locale=code)
    return label[:1].upper() + label[1:]  # "dinsdag" starts a line on the poster


# --- Admin: how well parents understand the notices --------------------------------------


@bp.get("/admin/notices/understanding")
@login_required
def admin_understanding():
    rows = [
        (
            notice,
            tally,
            _day_label(notice.day) if notice.day else _week_title(notice.week, clock.today()),
        )
        for notice, tally in worst_understood()
    ]
    return render_template("notices/admin_understanding.html", rows=rows, languages=i18n.BY_CODE)


@bp.get("/admin/notices/understanding.csv")
@login_required
def admin_understanding_csv():
    header = ["notice", "week", "day", "text_nl", "language", "understood", "not_clear"]
    rows = [
        [
            notice.id,
            rules.week_param(notice.week),
            notice.day.isoformat() if notice.day else "",
            notice.texts.get("nl", ""),
            lang,
            per_language["understood"],
            per_language["unclear"],
        ]
        for notice, counts in worst_understood()
        for lang, per_language in sorted(counts.by_language.items())
    ]
    return csv_response("notices-understanding.csv", header, rows)


def _dashboard():
    count = db.session.scalar(
        db.select(db.func.count(Notice.id)).where(Notice.week == rules.week_of(clock.today()))
    )
    return [(_l("Notices this week"), count, url_for("notices.admin_week"))]
