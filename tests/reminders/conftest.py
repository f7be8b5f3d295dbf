"""Real channels for the reminders: an SMTP server (aiosmtpd) and an SMS gateway
(http.server), both on this machine, recording what reaches them."""

import json
import threading
import time
from datetime import timedelta
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from kiosk import clock
from kiosk.cafe.models import Meeting
from kiosk.extensions import db
from tests.processes import free_port

REFUSED = "nobody@example.org"  # the mail server does not know this address


class MailBox:
    """What the SMTP server received: one entry per e-mail, its recipients and message."""

    def __init__(self):
        self.received = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REFUSED:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((envelope.rcpt_tos, message))
        return "250 OK"


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def mail_server(smtp_port):
    """start() runs an SMTP server on smtp_port; its `received` lists what came in."""
    servers = []

    class Server:
        box = MailBox()

        def start(self):
            controller = Controller(self.box, hostname="127.0.0.1", port=smtp_port)
            controller.start()
            servers.append(controller)
            return self

        @property
        def received(self):
            return self.box.received

    yield Server()
    for controller in servers:
        controller.stop()


@pytest.fixture
def sms_gateway():
    """An HTTP receiver for the SMS gateway's POSTs: (authorization header, JSON body)."""
    received = []

    class Gateway(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append((self.headers["Authorization"], body))
            time.sleep(0.01)  # a real gateway takes a moment: two senders overlap
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"status": "queued"}')

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{server.server_port}/sms"
    server.received = received
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def channels(smtp_port, sms_gateway):
    """The settings that point the app at the test's mail server and gateway."""
    return {
        "KIOSK_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
        "KIOSK_MAIL_FROM": "Schoolpoort <school@example.org>",
        "KIOSK_SMS_URL": sms_gateway.url,
        "KIOSK_SMS_TOKEN": "gateway-secret",
        "KIOSK_PUBLIC_URL": "https://school.example.org",
    }


@pytest.fixture
def add_meeting():
    """add_meeting(app, hours=20, capacity=10) -> id of a café `hours` from now."""

    def add(app, hours=20, capacity=10):
        with app.app_context():
            starts_at = clock.now().replace(second=0, microsecond=0) + timedelta(hours=hours)
            meeting = Meeting(
                topic={"nl": "Slapen", "fr": "Le sommeil", "en": "Sleep"},
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=1),
                place="Refter",
                capacity=capacity,
                places_left=capacity,
                languages=["nl"],
            )
            db.session.add(meeting)
            db.session.commit()
            return meeting.id

    return add


@pytest.fixture
def sign_up():
    """sign_up(client, meeting_id, contact, lang="fr") -> the token of the status page."""

    def send(client, meeting_id, contact, lang="fr", name="Amina"):
        response = client.post(
            f"/m/cafe/{meeting_id}?lang={lang}",
            data={"name": name, "adults": "1", "children": "0", "contact": contact},
        )
        assert response.status_code == 302, response.text
        return response.headers["Location"].split("/m/s/")[1].split("?")[0]

    return send


@pytest.fixture
def send_due():
    """send_due(app) -> what `flask send-due` printed."""

    def run(app):
        result = app.test_cli_runner().invoke(args=["send-due"])
        assert result.exit_code == 0, result.output
        return result.output.strip()

    return run
