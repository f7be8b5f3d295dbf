"""Messages reach parents through a real SMTP server and a real HTTP gateway, once each."""

import socket
import time
from datetime import timedelta

from icalendar import Calendar

from kiosk import clock
from kiosk.audit import AuditEntry
from kiosk.extensions import db
from kiosk.reminders.models import OutboxMessage
from tests.reminders.conftest import REFUSED


def test_an_email_sign_up_gets_one_reminder_in_its_language(
    make_app, channels, mail_server, add_meeting, sign_up, send_due
):
    mail_server.start()
    app = make_app(**channels)
    meeting_id = add_meeting(app, hours=20)
    token = sign_up(app.test_client(), meeting_id, "amina@example.org", lang="fr")

    assert send_due(app) == "sent: 1, to try again: 0, failed: 0"
    assert send_due(app) == "sent: 0, to try again: 0, failed: 0"

    [(recipients, message)] = mail_server.received
    assert recipients == ["amina@example.org"]
    assert message["From"] == "Schoolpoort <school@example.org>"
    assert message["Subject"].startswith("Rappel : café des parents « Le sommeil »")
    body = message.get_content()
    assert "Refter" in body
    assert f"https://school.example.org/m/s/{token}?lang=fr" in body


def test_an_sms_sign_up_reaches_the_gateway_once_with_its_token(
    make_app, channels, sms_gateway, add_meeting, sign_up, send_due
):
    app = make_app(**channels)
    token = sign_up(app.test_client(), add_meeting(app), "0470 12 34 56", lang="en")

    send_due(app)
    send_due(app)

    [(authorization, body)] = sms_gateway.received
    assert authorization == "Bearer gateway-secret"
    assert body["to"] == "+32470123456"
    assert body["text"].startswith("Reminder: parent café “Sleep”")
    assert token in body["text"]
    assert len(body["text"]) <= 160


def test_a_cancelled_place_moves_the_next_parent_up_and_tells_them(
    make_app, channels, mail_server, add_meeting, sign_up, send_due
):
    mail_server.start()
    app = make_app(**channels)
    meeting_id = add_meeting(app, capacity=1)
    client = app.test_client()
    first = sign_up(client, meeting_id, "first@example.org", lang="en")
    second = sign_up(client, meeting_id, "second@example.org", lang="fr", name="Yusuf")
    assert client.post(f"/m/s/{first}/cancel").status_code == 302

    send_due(app)

    # The first parent cancelled: their reminder is withdrawn. The second is told once.
    [(recipients, message)] = mail_server.received
    assert recipients == ["second@example.org"]
    assert message["Subject"].startswith("Une place s’est libérée")
    assert f"/m/s/{second}?lang=fr" in message.get_content()


def test_with_the_mail_server_down_the_reminder_waits_and_goes_when_it_is_back(
    make_app, channels, mail_server, add_meeting, sign_up, send_due
):
    app = make_app(**channels)
    sign_up(app.test_client(), add_meeting(app), "amina@example.org")

    assert send_due(app) == "sent: 0, to try again: 1, failed: 0"
    mail_server.start()
    assert send_due(app) == "sent: 0, to try again: 0, failed: 0"  # not before its next try

    two_minutes_on = clock_at(app, minutes=2)
    assert send_due(make_app(**channels, KIOSK_FAKE_NOW=two_minutes_on)).startswith("sent: 1")
    assert len(mail_server.received) == 1


def clock_at(app, minutes):
    with app.app_context():
        return (clock.now() + timedelta(minutes=minutes)).isoformat(timespec="seconds")


def test_a_refused_address_fails_that_message_only_and_the_dashboard_says_so(
    make_app, channels, mail_server, add_meeting, sign_up, send_due
):
    mail_server.start()
    app = make_app(**channels)
    client = app.test_client()
    meeting_id = add_meeting(app)
    sign_up(client, meeting_id, REFUSED)
    sign_up(client, meeting_id, "amina@example.org")

    assert send_due(app) == "sent: 1, to try again: 0, failed: 1"
    assert [recipients for recipients, _ in mail_server.received] == [["amina@example.org"]]

    client.post("/admin/login", data={"username": "bridge", "password": "correct horse battery"})
    dashboard = client.get("/admin/?lang=en").text
    assert "<strong>1</strong> <span>Messages to parents that could not be sent" in dashboard
    failed = client.get("/admin/reminders").text
    assert REFUSED in failed and "amina@example.org" not in failed


def test_a_gateway_that_does_not_answer_times_out_and_is_tried_again(
    make_app, channels, add_meeting, sign_up
):
    with socket.create_server(("127.0.0.1", 0)) as silent:  # takes the call, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sms"
        app = make_app(**{**channels, "KIOSK_SMS_URL": url, "SMS_TIMEOUT_SECONDS": 0.5})
        sign_up(app.test_client(), add_meeting(app), "+32 470 12 34 56")
        started = time.monotonic()
        result = app.test_cli_runner().invoke(args=["send-due"])
        assert time.monotonic() - started < 5
    assert "to try again: 1" in result.output
    with app.app_context():
        message = db.session.scalar(db.select(OutboxMessage))
        assert message.status == "waiting" and message.attempts == 1
        assert "SMS gateway" in message.error


def test_the_calendar_file_reminds_a_day_before_and_links_the_status_page(
    make_app, channels, add_meeting, sign_up
):
    app = make_app(**channels)
    client = app.test_client()
    token = sign_up(client, add_meeting(app, hours=48), "", lang="fr")

    calendar = Calendar.from_ical(client.get(f"/m/s/{token}.ics").data)
    [event] = calendar.walk("VEVENT")
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(days=1)
    assert f"https://school.example.org/m/s/{token}?lang=fr" in str(event["description"])


def test_without_sms_the_bridge_figure_gets_a_call_list(
    make_app, add_meeting, sign_up, send_due, admin_client, app
):
    meeting_id = add_meeting(app)
    sign_up(admin_client, meeting_id, "0470/12.34.56", lang="ar")
    assert send_due(app) == "sent: 0, to try again: 0, failed: 0"

    page = admin_client.get(f"/admin/cafe/{meeting_id}").text
    assert 'href="tel:+32470123456"' in page
    with app.app_context():
        message_id = db.session.scalar(db.select(OutboxMessage.id))

    response = admin_client.post(
        f"/admin/reminders/{message_id}/called", data={"back": f"/admin/cafe/{meeting_id}"}
    )
    assert response.headers["Location"] == f"/admin/cafe/{meeting_id}"
    assert "tel:+32470123456" not in admin_client.get(f"/admin/cafe/{meeting_id}").text
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="reminders.called"))
        assert entry.actor == "bridge"


def test_an_arranged_interpreter_is_told_by_sms_once(make_app, channels, sms_gateway, send_due):
    from kiosk.interpreter.models import InterpreterRequest

    app = make_app(**channels)
    with app.app_context():
        asked = InterpreterRequest(
            token="interpreter-token",
            language="ar",
            purpose="teacher",
            reach_by="phone",
            phone="0470123456",
            page_lang="fr",
        )
        db.session.add(asked)
        db.session.commit()
        day = clock.today() + timedelta(days=3)
    client = app.test_client()
    client.post("/admin/login", data={"username": "bridge", "password": "correct horse battery"})
    arrange = {
        "status": "arranged",
        "meeting_date": day.isoformat(),
        "meeting_time": "15:30",
        "meeting_mode": "on_site",
        "place_nl": "Klas 3B",
        "place_parent": "Classe 3B",
    }
    client.post("/admin/interpreter/1", data=arrange)
    client.post("/admin/interpreter/1", data=arrange)  # saved again: nothing new to tell
    send_due(app)

    [(_auth, body)] = sms_gateway.received
    assert body["to"] == "+32470123456"
    assert "15:30" in body["text"] and "Classe 3B" in body["text"]
    assert "/m/s/interpreter-token?lang=fr" in body["text"]


def test_a_meeting_the_school_removes_is_announced_to_who_signed_up(
    make_app, channels, mail_server, add_meeting, sign_up, send_due
):
    mail_server.start()
    app = make_app(**channels)
    client = app.test_client()
    meeting_id = add_meeting(app, hours=48)
    sign_up(client, meeting_id, "amina@example.org", lang="en")
    client.post("/admin/login", data={"username": "bridge", "password": "correct horse battery"})
    client.post(f"/admin/cafe/{meeting_id}/delete")

    send_due(app)

    [(_recipients, message)] = mail_server.received
    assert message["Subject"].startswith("The school cancelled the parent café")


def test_messages_are_purged_with_the_other_personal_data(make_app, channels, add_meeting, sign_up):
    app = make_app(**channels)
    sign_up(app.test_client(), add_meeting(app), "amina@example.org")
    with app.app_context():
        db.session.execute(
            db.update(OutboxMessage).values(ends_at=clock.utc(clock.now()) - timedelta(days=31))
        )
        db.session.commit()
    assert "messages to parents: 1 deleted" in app.test_cli_runner().invoke(args=["purge"]).output


def test_an_address_that_cannot_be_right_is_refused_in_the_parents_language(
    app, client, add_meeting
):
    typed = "amina@example\r\nBcc: all@example.org"
    response = client.post(
        f"/m/cafe/{add_meeting(app)}?lang=fr",
        data={"name": "Amina", "adults": "1", "children": "0", "contact": typed},
    )
    assert response.status_code == 400
    assert "Veuillez donner un numéro de téléphone ou une adresse e-mail" in response.text
    assert 'value="amina@example' in response.text
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(OutboxMessage.id))) == 0
