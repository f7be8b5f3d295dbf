"""Two `flask send-due` processes at once (as two servers' minute loops) send each message
once: on SQLite here, and on PostgreSQL when the suite runs there (tests/databases.py)."""

import os
import subprocess
import sys
from datetime import timedelta

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.reminders.models import OutboxMessage
from tests.processes import ROOT

MESSAGES = 60


def test_two_processes_send_each_message_once(make_app, channels, sms_gateway, tmp_path):
    app = make_app(**channels)
    with app.app_context():
        now = utcnow()
        for number in range(MESSAGES):
            db.session.add(
                OutboxMessage(
                    kind="reminder",
                    about=f"signup {number}",
                    call_list="cafe 1",
                    to=f"+324700000{number:02d}",
                    lang="nl",
                    text=f"Bericht {number}",
                    link="https://school.example.org/m/s/token",
                    try_at=now - timedelta(minutes=1),
                    give_up_at=now + timedelta(hours=1),
                    ends_at=now + timedelta(hours=2),
                )
            )
        db.session.commit()
    environment = dict(
        os.environ,
        FLASK_APP="wsgi",
        KIOSK_INSTANCE_PATH=str(tmp_path / "instance"),
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        KIOSK_SMS_URL=channels["KIOSK_SMS_URL"],
        KIOSK_SMS_TOKEN=channels["KIOSK_SMS_TOKEN"],
    )
    senders = [
        subprocess.Popen(
            [sys.executable, "-m", "flask", "send-due"],
            env=environment,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [sender.communicate(timeout=120) for sender in senders]
    assert [sender.returncode for sender in senders] == [0, 0], outputs

    texts = sorted(body["text"] for _auth, body in sms_gateway.received)
    assert len(texts) == MESSAGES
    assert len(set(texts)) == MESSAGES
    with app.app_context():
        statuses = db.session.scalars(db.select(OutboxMessage.status)).all()
        assert statuses == ["sent"] * MESSAGES
