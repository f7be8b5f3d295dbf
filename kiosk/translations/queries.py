"""What the translation screens read and write: the texts a language lacks, the links, the
proposals and their approval, recordings on disk, and each language's coverage."""

import shutil
import subprocess
import uuid
from datetime import timedelta
from pathlib import Path

from flask import current_app, url_for
from flask_babel import gettext as _

from kiosk import audit, clock, i18n, speech, status
from kiosk.auth.models import utcnow
from kiosk.cafe import queries as cafe_queries
from kiosk.cafe.models import Meeting
from kiosk.extensions import db
from kiosk.notices import rules as notice_rules
from kiosk.notices.models import Notice
from kiosk.translations import rules
from kiosk.translations.models import Proposal, TranslatorLink
from kiosk.voice.models import Question

# --- The texts of this and next week -----------------------------------------------------


def _open_question(today):
    return db.session.scalar(
        db.select(Question)
        .where(Question.opens_on <= today, Question.closes_on >= today)
        .order_by(Question.opens_on.desc(), Question.id.desc())
        .limit(1)
    )


def _item(kind, thing, texts, pictograms):
    return {
        "key": f"{kind}-{thing.id}",
        "kind": kind,
        "thing": thing,
        "texts": texts or {},
        "dutch": (texts or {}).get(i18n.DEFAULT, ""),
        "pictograms": pictograms,
        # A notice made of phrases (the phrasebook's column) exists in every language.
        "phrased": bool(getattr(thing, "phrases", None)),
    }


def items(today=None) -> list[dict]:
    """This and next week's notices, the coming café topics and the open question."""
    today = today or clock.today()
    week = notice_rules.this_week(today)  # the coming week on a weekend, as the kiosk
    notices = db.session.scalars(
        db.select(Notice).where(Notice.week.in_((week, week + timedelta(weeks=1))))
    ).all()
    found = [_item("notice", n, n.texts, n.pictograms) for n in notice_rules.in_order(notices)]
    found += [
        _item("meeting", m, m.topic, [m.pictogram]) for m in cafe_queries.upcoming(clock.now())
    ]
    question = _open_question(today)
    if question is not None:
        found.append(_item("question", question, question.texts, ["voice"]))
    return found


def missing_in(lang) -> list[dict]:
    """The texts that exist in no way in `lang` and wait for no proposal in it."""
    waiting = {
        (p.kind, p.item_id)
        for p in db.session.scalars(db.select(Proposal).filter_by(lang=lang, status="waiting"))
    }
    return [
        item
        for item in items()
        if not item["phrased"]
        and not item["texts"].get(lang)
        and (item["kind"], item["thing"].id) not in waiting
    ]


def coverage() -> list[dict]:
    """Per language: how this and next week's texts exist in it, and what waits."""
    found = items()
    by_parent = {
        (p.kind, p.item_id, p.lang)
        for p in db.session.scalars(db.select(Proposal).filter_by(status="approved"))
    }
    waiting = dict(
        db.session.execute(
            db.select(Proposal.lang, db.func.count())
            .where(Proposal.status == "waiting")
            .group_by(Proposal.lang)
        ).all()
    )
    rows = []
    for language in i18n.LANGUAGES:
        counts = {"phrase": 0, "staff": 0, "parent": 0, None: 0}
        for item in found:
            key = (item["kind"], item["thing"].id, language.code)
            counts[
                rules.how_written(item["texts"], language.code, item["phrased"], key in by_parent)
            ] += 1
        rows.append(
            {
                "language": language,
                "total": len(found),
                "missing": counts.pop(None),
                "waiting": waiting.get(language.code, 0),
                **counts,
            }
        )
    return rows


def dashboard():
    """This week's notices per language: how many exist in it (a dashboard panel)."""
    week = notice_rules.this_week(clock.today())
    notices = db.session.scalars(db.select(Notice).where(Notice.week == week)).all()
    if not notices:
        return []
    url = url_for("translations_admin.index")

    def written(code):
        return sum(1 for n in notices if getattr(n, "phrases", None) or n.texts.get(code))

    return [
        (
            _("Notices this week in %(language)s", language=language.name),
            f"{written(language.code)}/{len(notices)}",
            url,
        )
        for language in i18n.LANGUAGES
    ]


# --- Links -----------------------------------------------------------------------------


def make_link(lang, first_name, made_by) -> TranslatorLink:
    now = utcnow()
    link = TranslatorLink(
        token=status.new_token(),
        lang=lang,
        first_name=first_name,
        made_by=made_by,
        made_at=now,
        expires_at=rules.expires_at(now),
    )
    db.session.add(link)
    db.session.flush()
    audit.record("translation.link", f"link {link.id}", f"{lang} for {first_name}", actor=made_by)
    db.session.commit()
    return link


def find_link(token) -> TranslatorLink | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(db.select(TranslatorLink).filter_by(token=token))


def link_state(link, now=None) -> str:
    return rules.link_state(link.expires_at, link.revoked_at, now or utcnow())


def open_links() -> list[TranslatorLink]:
    now = utcnow()
    return db.session.scalars(
        db.select(TranslatorLink)
        .where(TranslatorLink.revoked_at.is_(None), TranslatorLink.expires_at > now)
        .order_by(TranslatorLink.made_at.desc())
    ).all()


def revoke(link):
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        audit.record("translation.revoke", f"link {link.id}", f"{link.lang} {link.first_name}")
        db.session.commit()


# --- Proposals and recordings --------------------------------------------------------------


def _folder(name) -> Path:
    path = Path(current_app.instance_path) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def _run(*command, timeout=30):
    return subprocess.run(
        command, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL, check=False
    )


def _seconds(path) -> float | None:
    """The recording's length by ffprobe; None without ffprobe or when it cannot tell."""
    if not shutil.which("ffprobe"):
        return None
    try:
        found = _run(
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "format=duration",
            "-of",
            "default=nw=1:nk=1",
            str(path),
        )
        return float(found.stdout.decode().strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def _to_opus(path) -> Path | None:
    """The recording as Ogg Opus with ffmpeg; the file itself without ffmpeg; None when
    ffmpeg cannot read it (not audio after all)."""
    if not shutil.which("ffmpeg"):
        return path
    target = path.with_suffix(".opus.ogg")
    try:
        done = _run(
            "ffmpeg",
            "-y",
            "-v",
            "error",
            "-i",
            str(path),
            "-vn",
            "-ac",
            "1",
            "-c:a",
            "libopus",
            "-b:a",
            "32k",
            "-f",
            "ogg",
            str(target),
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        done = None
    path.unlink(missing_ok=True)
    if done is None or done.returncode != 0 or not target.is_file():
        target.unlink(missing_ok=True)
        return None
    final = target.with_name(target.name.replace(".opus.ogg", ".ogg"))
    target.rename(final)
    return final


def store_recording(data: bytes) -> tuple[str | None, str | None]:
    """(file name, None) for a recording kept as waiting; (None, problem) when refused:
    "audio" (not audio), "large" or "long"."""
    kind = rules.audio_kind(data[:16])
    if kind is None:
        return None, "audio"
    problem = rules.recording_problem(len(data), None)
    if problem:
        return None, problem
    path = _folder("translations") / f"{uuid.uuid4().hex}.{kind}"
    path.write_bytes(data)
    path = _to_opus(path)
    if path is None:
        return None, "audio"
    problem = rules.recording_problem(path.stat().st_size, _seconds(path))
    if problem:
        path.unlink(missing_ok=True)
        return None, problem
    return path.name, None


def propose(link, kind, item_id, text, recording) -> str:
    """A waiting proposal, added to the session; its id as a token (for made_once)."""
    proposal = Proposal(
        link_id=link.id, kind=kind, item_id=item_id, lang=link.lang, text=text, recording=recording
    )
    db.session.add(proposal)
    db.session.flush()
    return str(proposal.id)


def waiting() -> list[dict]:
    """The proposals that wait for the bridge figure, with the text they translate."""
    things = {item["key"]: item for item in items()}
    found = []
    for proposal in db.session.scalars(
        db.select(Proposal).filter_by(status="waiting").order_by(Proposal.made_at)
    ):
        item = things.get(f"{proposal.kind}-{proposal.item_id}") or _past_item(proposal)
        found.append({"proposal": proposal, "item": item})
    return found


_MODELS = {"notice": Notice, "meeting": Meeting, "question": Question}
_TEXTS = {"notice": "texts", "meeting": "topic", "question": "texts"}


def _past_item(proposal):
    thing = db.session.get(_MODELS[proposal.kind], proposal.item_id)
    if thing is None:
        return None
    return _item(proposal.kind, thing, getattr(thing, _TEXTS[proposal.kind]), [])


def find_proposal(proposal_id) -> Proposal | None:
    return db.session.get(Proposal, proposal_id)


def recording_url(proposal) -> str | None:
    if not proposal.recording:
        return None
    return url_for("translations_admin.recording", proposal_id=proposal.id)


def recording_path(proposal) -> Path | None:
    if not proposal.recording:
        return None
    path = _folder("translations") / proposal.recording
    return path if path.is_file() else None


def _spoken_text(kind, thing, lang, text):
    if kind == "notice":
        return notice_rules.read_aloud(text, (thing.details or {}).get(lang, ""))
    return text


def approve(proposal) -> bool:
    """Write the text into its item, the recording beside the read-aloud; audited. False
    when the item is gone."""
    thing = db.session.get(_MODELS[proposal.kind], proposal.item_id)
    if thing is None or proposal.status != "waiting":
        return False
    column = _TEXTS[proposal.kind]
    setattr(thing, column, {**(getattr(thing, column) or {}), proposal.lang: proposal.text})
    source = recording_path(proposal)
    if source is not None:
        spoken = _spoken_text(proposal.kind, thing, proposal.lang, proposal.text)
        digest = speech.text_digest(spoken, proposal.lang)
        shutil.copyfile(source, _folder("recordings") / f"{digest}{source.suffix}")
    proposal.status = "approved"
    proposal.decided_at = utcnow()
    translator = proposal.link.first_name if proposal.link else ""
    audit.record(
        "translation.approve",
        f"{proposal.kind} {proposal.item_id}",
        f"{proposal.lang} by {translator}{' (spoken)' if source else ''}: {proposal.text}",
    )
    db.session.commit()
    return True


def reject(proposal):
    if proposal.status != "waiting":
        return
    path = recording_path(proposal)
    if path is not None:
        path.unlink(missing_ok=True)
    proposal.status = "rejected"
    proposal.decided_at = utcnow()
    audit.record("translation.reject", f"{proposal.kind} {proposal.item_id}", proposal.lang)
    db.session.commit()


def purge(now, config) -> dict:
    """A translator's link (their first name) goes `KIOSK_PERSONAL_DAYS` after it closed."""
    cutoff = now - timedelta(days=config["KIOSK_PERSONAL_DAYS"])
    gone = db.session.execute(
        db.delete(TranslatorLink).where(
            db.or_(TranslatorLink.expires_at < cutoff, TranslatorLink.revoked_at < cutoff)
        )
    ).rowcount
    return {"translator links": gone}
