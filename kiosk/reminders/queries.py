"""The outbox in the database: messages written with their cause, claimed, sent, purged.

The functions named after a cause (`signed_up`, `moved_up`, ...) add to the caller's
session and never commit: the message is stored in the same transaction as the
sign-up, the promotion or the answer it tells about, or not at all.
"""

from datetime import datetime, timedelta

from flask import current_app, has_request_context, request
from sqlalchemy import func, select, update

from kiosk import clock, i18n
from kiosk.cafe.models import CANCELLED, CONFIRMED
from kiosk.extensions import db
from kiosk.interpreter import rules as interpreter_rules
from kiosk.reminders import rules
from kiosk.reminders.models import CALLED, FAILED, SENT, WAITING, WITHDRAWN, OutboxMessage

CLAIM_FOR = timedelta(minutes=10)  # a sender that died mid-send lets go after this


def now_utc() -> datetime:
    """The school's clock in UTC (tests may stop it with KIOSK_FAKE_NOW)."""
    return clock.utc(clock.now())


def status_link(token, lang) -> str:
    """The parent's absolute /m/s/<token> link, opening in their language."""
    base = current_app.config["KIOSK_PUBLIC_URL"]
    if not base and has_request_context():
        base = request.host_url.rstrip("/")
    return f"{base}/m/s/{token}?lang={lang}"


def _write(kind, parent, text, due, over_at):
    """Add one message for `parent` (about, call_list, contact, lang, link), unless the
    contact is no address at all or it would be over before it is due."""
    found = rules.address(parent["contact"])
    if found is None or over_at <= due:
        return None
    message = OutboxMessage(
        kind=kind,
        about=parent["about"],
        call_list=parent["call_list"],
        to=found[1],
        lang=parent["lang"],
        text=text,
        link=parent["link"],
        try_at=due,
        give_up_at=rules.give_up_at(due, over_at),
        ends_at=over_at,
    )
    db.session.add(message)
    return message


def withdraw(about) -> int:
    """Messages about this that were not sent yet will not be."""
    return db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.about == about, OutboxMessage.status == WAITING)
        .values(status=WITHDRAWN)
        .execution_options(synchronize_session=False)
    ).rowcount


# --- The causes -----------------------------------------------------------------------


def _signup_about(signup):
    if signup.id is None:
        db.session.flush()
    return f"signup {signup.id}"


def _cafe_parent(signup, meeting, with_link=True):
    return {
        "about": _signup_about(signup),
        "call_list": f"cafe {meeting.id}",
        "contact": signup.contact,
        "lang": signup.lang,
        "link": status_link(signup.token, signup.lang) if with_link else "",
    }


def _remind(signup, meeting, now, later_only=False):
    starts = clock.utc(meeting.starts_at)
    due = rules.reminder_due(starts, now)
    if due is None or (later_only and due <= now):
        return
    topic, _lang = i18n.pick(meeting.topic, signup.lang)
    text = rules.cafe_reminder(signup.lang, topic, meeting.starts_at, meeting.place)
    _write("reminder", _cafe_parent(signup, meeting), text, due, starts)


def signed_up(signup, meeting):
    """A café sign-up: a confirmed one with a contact gets its reminder (one on the
    waiting list gets it when it moves up)."""
    if signup.contact and signup.status == CONFIRMED:
        _remind(signup, meeting, now_utc())


def moved_up(signup):
    """Off the waiting list: "a place came free" now, and the reminder if that comes later."""
    if not signup.contact:
        return
    meeting, now = signup.meeting, now_utc()
    text = rules.place_came_free(signup.lang, meeting.starts_at)
    _write("place_free", _cafe_parent(signup, meeting), text, now, clock.utc(meeting.starts_at))
    _remind(signup, meeting, now, later_only=True)


def cancelled(signup):
    """The parent's sign-up is cancelled: no reminder any more."""
    withdraw(_signup_about(signup))


def meeting_cancelled(meeting):
    """The school calls a café off: everyone signed up or waiting, with a contact, is told.

    Without a link: the meeting and its status pages go with it.
    """
    now, starts = now_utc(), clock.utc(meeting.starts_at)
    for signup in meeting.signups:
        if signup.status == CANCELLED or not signup.contact:
            continue
        withdraw(_signup_about(signup))
        text = rules.meeting_cancelled(signup.lang, meeting.starts_at)
        _write("cancelled", _cafe_parent(signup, meeting, with_link=False), text, now, starts)


def interpreter_answered(asked):
    """An interpreter request arranged or declined: the parent who left a phone number
    is told, once per answer (saving the same answer again sends nothing)."""
    about = f"interpreter {asked.id}"
    if asked.status not in interpreter_rules.CLOSED or not asked.phone:
        withdraw(about)  # reopened: an answer not sent yet is no answer any more
        return
    lang, now = asked.page_lang, now_utc()
    if asked.status == "arranged":
        moment = datetime.combine(asked.meeting_date, asked.meeting_time)
        place = i18n.pick(asked.place, lang)[0] if asked.meeting_mode == "on_site" else None
        text = rules.interpreter_arranged(lang, moment, place)
        over_at = clock.utc(moment)
    else:
        reason = interpreter_rules.DECLINE_REASONS[asked.decline_reason]
        note = i18n.pick(asked.decline_note, lang)[0]
        text = rules.interpreter_declined(lang, reason, note)
        over_at = now + rules.RETRY_FOR
    told = select(OutboxMessage.id).where(
        OutboxMessage.about == about,
        OutboxMessage.text == text,
        OutboxMessage.status.in_((WAITING, SENT, CALLED)),
    )
    if db.session.scalar(told.limit(1)) is not None:
        return
    withdraw(about)
    parent = {
        "about": about,
        "call_list": "interpreter",
        "contact": asked.phone,
        "lang": lang,
        "link": status_link(asked.token, lang),
    }
    _write(asked.status, parent, text, now, over_at)


# --- Sending --------------------------------------------------------------------------


def give_up(now) -> int:
    """Messages still not sent when their time is up are marked failed (the admin shows them)."""
    return db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == WAITING, OutboxMessage.give_up_at <= now)
        .where((OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now))
        .values(status=FAILED)
        .execution_options(synchronize_session=False)
    ).rowcount


def due_ids(now, channels, limit=200) -> list[int]:
    """Messages that may be tried now on one of these channels ({"email", "phone"})."""
    query = select(OutboxMessage.id, OutboxMessage.to).where(
        OutboxMessage.status == WAITING,
        OutboxMessage.try_at <= now,
        (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now),
    )
    rows = db.session.execute(query.order_by(OutboxMessage.try_at).limit(limit))
    return [id_ for id_, to in rows if rules.channel_of(to) in channels]


def claim(message_id, now) -> OutboxMessage | None:
    """Take one message for this process, or None if another took it first.

    A conditional UPDATE: on PostgreSQL the second of two processes waits for the
    first's commit, then finds the claim set and takes nothing. Commits.
    """
    taken = db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.status == WAITING,
            (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now),
        )
        .values(claimed_until=now + CLAIM_FOR)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return db.session.get(OutboxMessage, message_id) if taken == 1 else None


def mark_sent(message, now):
    message.status, message.sent_at = SENT, now
    message.attempts += 1
    message.claimed_until = None
    message.error = ""


def mark_failed(message, error):
    """Refused for good (an address the server does not know): not tried again."""
    message.status, message.error = FAILED, str(error)[:200]
    message.attempts += 1
    message.claimed_until = None


def mark_retry(message, now, error):
    """The channel is down: later, with backoff; failed once the 24 hours are over."""
    message.attempts += 1
    message.error = str(error)[:200]
    message.try_at = rules.next_try(message.attempts, now)
    message.claimed_until = None
    if message.try_at >= message.give_up_at:
        message.status = FAILED


# --- What the admin sees --------------------------------------------------------------


def to_call(call_list) -> list[OutboxMessage]:
    """Messages to a phone number that no SMS will carry, for the bridge figure to call."""
    return db.session.scalars(
        select(OutboxMessage)
        .where(
            OutboxMessage.call_list == call_list,
            OutboxMessage.status == WAITING,
            OutboxMessage.to.startswith("+"),
        )
        .order_by(OutboxMessage.try_at, OutboxMessage.id)
    ).all()


def mark_called(message) -> bool:
    """The bridge figure called: the message went by voice. False if it was not waiting."""
    if message.status != WAITING or rules.channel_of(message.to) != rules.PHONE:
        return False
    message.status, message.sent_at = CALLED, now_utc()
    return True


def failed(limit=200) -> list[OutboxMessage]:
    return db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == FAILED)
        .order_by(OutboxMessage.give_up_at.desc())
        .limit(limit)
    ).all()


def count_failed() -> int:
    return db.session.scalar(
        select(func.count(OutboxMessage.id)).where(OutboxMessage.status == FAILED)
    )


def purge(now, config):
    """Messages hold contacts: they go KIOSK_PERSONAL_DAYS after what they were about."""
    cutoff = now - timedelta(days=config["KIOSK_PERSONAL_DAYS"])
    deleted = db.session.execute(
        db.delete(OutboxMessage).where(OutboxMessage.ends_at < cutoff)
    ).rowcount
    return {"messages to parents": deleted}
