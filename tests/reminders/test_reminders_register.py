"""A Dutch letter says "u" by default, and follows the school's one register when it
sets one everywhere (KIOSK_DUTCH_REGISTER)."""

import pytest

from tests.test_dutch_register import JE_FORMS, U_FORMS


def _moved_up_email(make_app, channels, mail_server, add_meeting, sign_up, send_due, **setting):
    """The e-mail a Dutch parent gets when a place comes free for them."""
    mail_server.start()
    app = make_app(**channels, **setting)
    meeting_id = add_meeting(app, capacity=1)
    client = app.test_client()
    first = sign_up(client, meeting_id, "", lang="nl")
    sign_up(client, meeting_id, "tweede@example.org", lang="nl", name="Yusuf")
    assert client.post(f"/m/s/{first}/cancel").status_code == 302
    send_due(app)
    [(_recipients, message)] = mail_server.received
    return message["Subject"], message.get_content()


def test_a_dutch_email_says_u_by_default(
    make_app, channels, mail_server, add_meeting, sign_up, send_due
):
    subject, body = _moved_up_email(make_app, channels, mail_server, add_meeting, sign_up, send_due)
    assert subject.startswith("Er is een plaats vrijgekomen: u bent ingeschreven")
    assert U_FORMS.search(body)
    assert JE_FORMS.findall(body) == []


def test_a_school_that_chooses_je_writes_je(
    make_app, channels, mail_server, add_meeting, sign_up, send_due
):
    subject, body = _moved_up_email(
        make_app, channels, mail_server, add_meeting, sign_up, send_due, KIOSK_DUTCH_REGISTER="je"
    )
    assert subject.startswith("Er is een plaats vrijgekomen: je bent ingeschreven")
    assert U_FORMS.findall(body) == []


@pytest.mark.parametrize(("setting", "you"), [("je/u", "u"), ("je", "je")])
def test_an_interpreter_decline_by_sms_is_in_the_letters_register(make_app, setting, you):
    from kiosk.interpreter.rules import DECLINE_REASONS
    from kiosk.reminders import rules

    app = make_app(KIOSK_DUTCH_REGISTER=setting)
    with app.test_request_context("/m/help?lang=nl"):  # a page in "je" around it
        text = rules.interpreter_declined("nl", DECLINE_REASONS["not_needed"])
        on_screen = str(DECLINE_REASONS["not_needed"])
    assert text == f"Deze keer geen tolk: De school kan {you} helpen zonder tolk."
    assert on_screen == "De school kan je helpen zonder tolk."
