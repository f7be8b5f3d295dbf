"""What the notices' screens read and write in the database: a week's items (the notices
and the days the school calendar closes), the kiosk's view of one, the parents' taps
and how well each notice is understood."""

from datetime import date, timedelta

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from kiosk import audit, clock, i18n, phrasebook, pictograms
from kiosk.board import queries as board_queries
from kiosk.extensions import db
from kiosk.notices import rules
from kiosk.notices.models import Notice, UnderstandingTap

# --- What a notice looks like on a screen ---------------------------------------


def notices_in(week: date) -> list[Notice]:
    """The items of the week that starts on `week`, in the kiosk's order."""
    found = db.session.scalars(db.select(Notice).where(Notice.week == week)).all()
    return rules.in_order(found)


def _dir(lang):
    return "rtl" if getattr(i18n.BY_CODE.get(lang), "rtl", False) else "ltr"


def shown(notice: Notice, lang: str) -> dict:
    """One item as the kiosk shows it and the snapshot gives it, in `lang` or else Dutch."""
    text, text_lang, details = _texts_in(notice, lang)
    return {
        "id": notice.id,
        "date": notice.day.isoformat() if notice.day else None,
        "text": text,
        "lang": text_lang,
        "dir": _dir(text_lang),
        "details": details,
        "details_lang": text_lang,
        "details_dir": _dir(text_lang),
        "pictograms": [pictogram_of(key) for key in notice.pictograms],
        "calendar": False,
    }


def no_school_phrase(lang: str) -> str:
    """ "No school" in `lang`, from the catalogue."""
    with force_locale(lang):
        return _("No school")


def _closed_words(holiday, lang: str) -> dict:
    """A closed day's words: "No school" in `lang`, and the holiday's name in `lang` where
    the bridge figure gave it, else in Dutch. No pictogram: its label needs a request's
    language, and the job that makes speech runs outside any request."""
    name, name_lang = i18n.pick(holiday.name, lang)
    return {
        "text": no_school_phrase(lang),
        "lang": lang,
        "details": name,
        "details_lang": name_lang,
    }


def closed_shown(week: date, day: date | None, holiday, lang: str) -> dict:
    """A day the school calendar closes, as a notice (see _closed_words)."""
    words = _closed_words(holiday, lang)
    return {
        **words,
        "id": f"no-school-{(day or week).isoformat()}",
        "date": day.isoformat() if day else None,
        "dir": _dir(lang),
        "details_dir": _dir(words["details_lang"]),
        "pictograms": [pictogram_of(rules.NO_SCHOOL)],
        "calendar": True,
    }


def week_items(week: date, lang: str) -> list[dict]:
    """Everything the kiosk shows for `week` in `lang`: the closed days of the school
    calendar first on their day, then the notices in their order."""
    closed = [
        closed_shown(week, day, holiday, lang)
        for day, holiday in rules.closed_days(week, board_queries.holidays())
    ]
    items = closed + [shown(n, lang) for n in notices_in(week)]
    return sorted(items, key=lambda item: (item["date"] is not None, item["date"] or ""))


def texts_of(notice: Notice, codes=None) -> dict:
    """The notice's text per language: its phrasebook sentences written out in each,
    then what was typed (see phrasebook.texts_in)."""
    if not notice.phrases:
        return dict(notice.texts or {})
    codes = codes or [language.code for language in i18n.available()]
    return phrasebook.texts_in(notice.phrases, notice.texts, codes)


def missing_languages(notice: Notice) -> list:
    """The languages a notice cannot be shown in yet (the editor's "still missing in")."""
    present = texts_of(notice)
    return [language for language in i18n.available() if language.code not in present]


def _texts_in(notice: Notice, lang: str) -> tuple[str, str, str]:
    """(text, its language, longer text): in `lang` where it exists, else Dutch."""
    codes = list(dict.fromkeys((lang, i18n.DEFAULT)))
    text, text_lang = i18n.pick(texts_of(notice, codes), lang)
    return text, text_lang, (notice.details or {}).get(text_lang, "")


def pictogram_of(key):
    """A pictogram as the screens draw it; an unknown key shows the question mark's label."""
    p = pictograms.get(key)
    label = str(p.label) if p else str(pictograms.get("question").label)
    return {"code": key, "url": pictograms.url(key), "label": label}


def snapshot(lang, school_screen):
    """This week's items; notices are for everyone, so school_screen changes nothing."""
    return week_items(rules.this_week(clock.today()), lang)


def spoken(notice: Notice) -> set[tuple[str, str]]:
    """(text, language) of what each language's kiosk reads aloud of `notice`."""
    found = set()
    for language in i18n.available():
        text, text_lang, details = _texts_in(notice, language.code)
        found.add((rules.read_aloud(text, details), text_lang))
    return found


def read_aloud(item: dict) -> str:
    """What the read-aloud button of a shown item speaks: only words in the item's language."""
    same_language = item["details_lang"] == item["lang"]
    return rules.read_aloud(item["text"], item["details"] if same_language else "")


def spoken_now() -> set[tuple[str, str]]:
    """What the kiosks read aloud of this week's and next week's notices and closed days
    (a speech source)."""
    this_week = rules.this_week(clock.today())
    weeks = (this_week, this_week + timedelta(weeks=1))
    found = set()
    for notice in db.session.scalars(db.select(Notice).where(Notice.week.in_(weeks))):
        found |= spoken(notice)
    holidays = board_queries.holidays()
    for week in weeks:
        for _day, holiday in rules.closed_days(week, holidays):
            for language in i18n.available():
                words = _closed_words(holiday, language.code)
                found.add((read_aloud(words), language.code))
    return found


# --- The parents' taps -----------------------------------------------------------------


def record_tap(notice: Notice, tap_id: str, answer: str, lang: str, kiosk: str) -> bool:
    """Count one "I understand" / "not clear"; False when this tap id was counted before
    (a double tap, a retry): it keeps one tap, with the latest answer."""
    db.session.add(
        UnderstandingTap(tap_id=tap_id, notice_id=notice.id, answer=answer, lang=lang, kiosk=kiosk)
    )
    try:
        db.session.commit()
        return True
    except IntegrityError:
        db.session.rollback()
    db.session.execute(
        db.update(UnderstandingTap)
        .where(UnderstandingTap.tap_id == tap_id, UnderstandingTap.notice_id == notice.id)
        .values(answer=answer)
    )
    db.session.commit()
    return False


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


# --- The bridge figure's changes ---------------------------------------------------------


def _last_position(week):
    return db.session.scalar(db.select(db.func.max(Notice.position)).where(Notice.week == week))


def save(week, notice, day, chosen, texts, details, phrases=()) -> Notice:
    """Add a notice to `week` (notice None) or change one, audited and committed."""
    creating = notice is None
    if creating:
        notice = Notice(week=week, position=(_last_position(week) or 0) + 1)
        db.session.add(notice)
    elif notice.day != day:
        notice.position = (_last_position(week) or 0) + 1  # a new day: it goes last there
    notice.day = day
    notice.pictograms = chosen
    notice.texts = texts
    notice.details = details
    notice.phrases = list(phrases)
    db.session.flush()
    shown_in = texts_of(notice)
    audit.record(
        "notice.create" if creating else "notice.edit",
        f"notice {notice.id}",
        f"{rules.week_param(week)} {day or 'all week'}: {shown_in.get('nl', '')} "
        f"[{', '.join(chosen)}] ({', '.join(sorted(shown_in))})",
    )
    db.session.commit()
    return notice


def delete(notice: Notice):
    audit.record("notice.delete", f"notice {notice.id}", texts_of(notice, ["nl"]).get("nl", ""))
    db.session.delete(notice)
    db.session.commit()


def move(notice: Notice, direction: str):
    """Swap places with the item above or below on the same day (nothing at the edge)."""
    partner = rules.swap_partner(notices_in(notice.week), notice, direction)
    if partner is None:
        return
    if partner.position == notice.position:
        partner.position += 1 if direction == "down" else -1
    notice.position, partner.position = partner.position, notice.position
    audit.record("notice.move", f"notice {notice.id}", direction)
    db.session.commit()


def copy_last_week(week) -> tuple[int, int]:
    """Copy last week's items into `week`; (how many copied, how many last week had)."""
    last_week = notices_in(week - timedelta(weeks=1))
    plan = rules.copy_plan(last_week, notices_in(week), week)
    last = _last_position(week)
    for offset, fields in enumerate(plan, start=1):
        db.session.add(Notice(position=(last or 0) + offset, **fields))
    if plan:
        audit.record("notice.copy_week", rules.week_param(week), f"{len(plan)} items")
        db.session.commit()
    return len(plan), len(last_week)


def dashboard():
    count = db.session.scalar(
        db.select(db.func.count(Notice.id)).where(Notice.week == rules.this_week(clock.today()))
    )
    return [(_l("Notices this week"), count, url_for("notices_admin.admin_week"))]
