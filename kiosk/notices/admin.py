"""The notices at /admin/notices: the bridge figure's week, the editor with its pictogram
picker, the A4 poster and how well parents understand each notice."""

from datetime import date, timedelta

from babel.dates import format_date as babel_format_date
from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required

from kiosk import clock, i18n, phrasebook, pictograms, speech
from kiosk.board import queries as board_queries
from kiosk.extensions import db
from kiosk.forms import fill_texts, text_fields, texts_from
from kiosk.notices import labels, queries, rules
from kiosk.notices.forms import notice_form
from kiosk.notices.models import Notice
from kiosk.spreadsheet import csv_response

bp = Blueprint("notices_admin", __name__)


# Pictograms the picker offers before anything is searched: what a school week usually needs.
# Not "no_school": closing a day in the school calendar makes that notice.
OFTEN_USED = (
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
    "sentence_or_dutch": _l("Choose a sentence or write the Dutch text."),
    "too_long": _l("At most %(max)d characters, please (now %(length)d)."),
    "unknown_pictogram": _l("Unknown pictogram: %(codes)s. Choose one from the picker."),
    "no_pictogram": _l("Choose at least one pictogram."),
    "too_many_pictograms": _l("Choose at most %(max)d pictograms (now %(count)d)."),
    "no_school": _l(
        "A notice cannot say “no school”: close the day in the school calendar, "
        "and the kiosk says it in every language."
    ),
}


def _week_page(week):
    return redirect(url_for("notices_admin.admin_week", week=rules.week_param(week)))


def _admin_week():
    week = rules.parse_week(request.values.get("week"))
    return week or rules.this_week(clock.today())


# --- The week ----------------------------------------------------------------------


@bp.get("/admin/notices")
@login_required
def admin_week():
    week = _admin_week()
    items = queries.notices_in(week)
    counts = queries.understanding_of([n.id for n in items])
    by_day = {None: []} | {day: [] for day in rules.days_of(week)}
    for notice in items:
        by_day[notice.day].append(notice)
    groups = [
        (day, labels.day_label(day), notices)
        for day, notices in by_day.items()
        if day is None or day.weekday() < 5 or notices
    ]
    return render_template(
        "notices/admin_week.html",
        week=week,
        week_param=rules.week_param(week),
        previous_week=rules.week_param(week - timedelta(weeks=1)),
        next_week=rules.week_param(week + timedelta(weeks=1)),
        this_week=rules.week_param(rules.this_week(clock.today())),
        week_title=labels.week_title(week, clock.today()),
        week_range=labels.week_range(week),
        groups=groups,
        counts=counts,
        shown_texts={n.id: queries.texts_of(n) for n in items},
        missing={n.id: queries.missing_languages(n) for n in items},
        last_week_count=len(queries.notices_in(week - timedelta(weeks=1))),
        languages=i18n.LANGUAGES,
    )


# --- One notice: add, edit, delete, move ---------------------------------------------------


def _chosen_pictograms(notice):
    if request.method == "POST":
        seen = []
        for key in request.form.getlist("pictograms"):
            key = key.strip()
            if key and key not in seen:
                seen.append(key)
        return seen
    return list(notice.pictograms) if notice else []


# Sentences from the phrasebook per notice: enough for a day's message, few enough to read.
SENTENCES_MAX = 3


def _class_names():
    return [school_class.name for school_class in board_queries.classes()]


def _sentence_rows(week, rows):
    """The phrasebook rows as the form draws them, the days being those of `week`."""
    days = [(str(n), labels.day_label(day)) for n, day in enumerate(rules.days_of(week))]
    classes = [(name, name) for name in _class_names()]
    return [
        phrasebook.row_view(row, days, classes)
        for row in phrasebook.shown_rows(rows, SENTENCES_MAX)
    ]


def _edit(week, notice=None):
    form = notice_form(week)
    if request.method == "POST":
        rows, phrases = phrasebook.rows_from(request.form, SENTENCES_MAX, _class_names())
    else:
        rows = phrasebook.rows_of(notice.phrases if notice else [], SENTENCES_MAX)
        phrases = []
    if request.method == "GET":
        if notice is not None:
            form.day.data = notice.day.isoformat() if notice.day else ""
            fill_texts(form, "text", notice.texts)
            fill_texts(form, "details", notice.details)
        else:
            form.day.data = request.args.get("day", "")
    chosen = _chosen_pictograms(notice)
    if phrases and not chosen:  # the sentences' own pictograms, unless others were chosen
        chosen = phrasebook.pictograms_of(phrases)[: rules.PICTOGRAMS_MAX]
    searching = request.method == "POST" and ("search" in request.form or "refresh" in request.form)
    if searching:
        for row in rows:
            row.problems = {}  # nothing was meant to be saved yet: no red fields
    picture_errors = []
    closes_a_day = False  # the notice said "no school": show the way to the calendar
    query = (form.query.data or "").strip()
    if request.method == "POST" and not searching:
        valid = form.validate_on_submit()  # CSRF and a day of this week
        texts, details = texts_from(form, "text"), texts_from(form, "details")
        no_school = {lang.code: queries.no_school_phrase(lang.code) for lang in i18n.available()}
        found = rules.problems(
            texts, details, chosen, lambda key: pictograms.get(key) is not None, phrases, no_school
        )
        if valid and not found and not phrasebook.has_problems(rows):
            day = date.fromisoformat(form.day.data) if form.day.data else None
            notice = queries.save(week, notice, day, chosen, texts, details, phrases)
            speech.make(queries.spoken(notice))  # read aloud from the kiosk's next page on
            flash(_("The notice is saved. The kiosk shows it within a minute."), "success")
            return _week_page(week)
        said = [message for messages in found.values() for message, _values in messages]
        closes_a_day = "no_school" in said
        for name, messages in found.items():
            errors = [str(MESSAGES[message]) % values for message, values in messages]
            target = getattr(form, name, None)
            if target is not None:
                target.errors = errors  # the notices' own words say it, once
            else:
                picture_errors.extend(errors)
        flash(_("Nothing was saved yet: please look at the marked fields."), "error")

    results = pictograms.search(query, limit=24) if query else []
    if not query:
        results = [pictograms.get(key) for key in OFTEN_USED]
    details_fields = text_fields(form, "details")
    return render_template(
        "notices/admin_form.html",
        form=form,
        text_fields=text_fields(form, "text"),
        details_fields=details_fields,
        notice=notice,
        week=week,
        week_param=rules.week_param(week),
        chosen=[queries.pictogram_of(key) for key in chosen],
        picture_errors=picture_errors,
        closes_a_day=closes_a_day,
        results=[queries.pictogram_of(p.key) for p in results if p and p.key not in chosen],
        query=query,
        searched=bool(query),
        limits={"text": rules.TEXT_MAX, "details": rules.DETAILS_MAX},
        pictograms_max=rules.PICTOGRAMS_MAX,
        details_open=any(field.data or field.errors for field in details_fields),
        sentences=_sentence_rows(week, rows),
        sentence_groups=phrasebook.grouped_choices(),
        missing=queries.missing_languages(notice) if notice else [],
    )


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
    queries.delete(notice)
    flash(_("The notice is deleted."), "success")
    return _week_page(week)


@bp.post("/admin/notices/<int:notice_id>/move")
@login_required
def admin_move(notice_id):
    notice = db.get_or_404(Notice, notice_id)
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400)
    queries.move(notice, direction)
    week_page = url_for("notices_admin.admin_week", week=rules.week_param(notice.week))
    return redirect(f"{week_page}#notice-{notice.id}")


@bp.post("/admin/notices/copy")
@login_required
def admin_copy():
    week = _admin_week()
    copied, last_week_count = queries.copy_last_week(week)
    if copied:
        speech.make(text for n in queries.notices_in(week) for text in queries.spoken(n))
        flash(_("%(count)d notices copied from last week.", count=copied), "success")
    elif not last_week_count:
        flash(_("Last week has no notices to copy."), "info")
    else:
        flash(_("Nothing to copy: last week's notices are already here."), "info")
    return _week_page(week)


@bp.get("/admin/notices/pictograms")
@login_required
def admin_pictograms():
    """The picker's search as JSON, for searching while typing."""
    found = pictograms.search(request.args.get("q", ""), limit=24)
    return jsonify(
        [{"code": p.key, "url": pictograms.url(p), "label": str(p.label)} for p in found]
    )


# --- The A4 poster --------------------------------------------------------------------


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
    for notice in queries.notices_in(week):
        day_nl = _poster_day(notice.day, "nl")
        texts = queries.texts_of(notice, ["nl", lang])
        items.append(
            {
                "notice": notice,
                "pictograms": [queries.pictogram_of(key) for key in notice.pictograms],
                "nl": texts.get("nl", ""),
                "second": texts.get(lang) if second else None,
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
        range_nl=labels.week_range(week, locale="nl"),
        range_second=labels.week_range(week, locale=lang) if second else None,
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


# --- How well parents understand the notices -------------------------------------------


@bp.get("/admin/notices/understanding")
@login_required
def admin_understanding():
    rows = [
        (
            notice,
            tally,
            labels.day_label(notice.day)
            if notice.day
            else labels.week_title(notice.week, clock.today()),
        )
        for notice, tally in queries.worst_understood()
    ]
    dutch = {notice.id: queries.texts_of(notice, ["nl"]).get("nl", "") for notice, _t, _d in rows}
    return render_template(
        "notices/admin_understanding.html", rows=rows, languages=i18n.BY_CODE, dutch=dutch
    )


@bp.get("/admin/notices/understanding.csv")
@login_required
def admin_understanding_csv():
    header = ["notice", "week", "day", "text_nl", "language", "understood", "not_clear"]
    rows = [
        [
            notice.id,
            rules.week_param(notice.week),
            notice.day.isoformat() if notice.day else "",
            queries.texts_of(notice, ["nl"]).get("nl", ""),
            lang,
            per_language["understood"],
            per_language["unclear"],
        ]
        for notice, counts in queries.worst_understood()
        for lang, per_language in sorted(counts.by_language.items())
    ]
    return csv_response("notices-understanding.csv", header, rows)
