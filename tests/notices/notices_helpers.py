"""What the notices' tests share: a stored notice, the stored rows, a parent's tap."""

import uuid

from kiosk import audit
from kiosk.extensions import db
from kiosk.notices.models import Notice


def add_notice(app, week, day=None, pictograms=("swimming",), texts=None, details=None, position=1):
    with app.app_context():
        notice = Notice(
            week=week,
            day=day,
            position=position,
            pictograms=list(pictograms),
            texts=texts or {"nl": "Zwemmen voor het derde leerjaar", "ar": "سباحة للسنة الثالثة"},
            details=details or {},
        )
        db.session.add(notice)
        db.session.commit()
        return notice.id


def notices(app):
    with app.app_context():
        return db.session.scalars(db.select(Notice).order_by(Notice.id)).all()


def notice_actions():
    actions = db.session.scalars(db.select(audit.AuditEntry.action).order_by(audit.AuditEntry.id))
    return [action for action in actions if action.startswith("notice.")]


def new_tap():
    return str(uuid.uuid4())


def tap(client, notice_id, answer, tap_id=None, lang="ar", kiosk="gate"):
    return client.post(
        f"/kiosk/notices/{notice_id}/understanding",
        json={"tap": tap_id or new_tap(), "answer": answer, "lang": lang, "kiosk": kiosk},
    )
