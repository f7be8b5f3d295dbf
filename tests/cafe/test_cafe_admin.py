"""The bridge figure's café: meetings, sign-up lists, CSV, poster, ideas; the demo."""

import csv
import io
import re
from datetime import date, timedelta

from kiosk import clock
from kiosk.audit import AuditEntry
from kiosk.cafe import rules
from kiosk.cafe.models import Idea, Meeting, Signup
from kiosk.extensions import db


def _meeting_form(**changes):
    day = date.today() + timedelta(days=10)
    data = {
        "topic_nl": "Slapen",
        "topic_ar": "النوم",
        "pictogram": "nap",
        "day": day.isoformat(),
        "start": "08:45",
        "end": "10:00",
        "place": "Refter",
        "capacity": "12",
        "languages": ["nl", "ar"],
        "interpreter": "y",
    }
    data.update(changes)
    return data


def _actions(app):
    with app.app_context():
        return [e.action for e in db.session.scalars(db.select(AuditEntry))]


def _statuses(app, meeting_id):
    with app.app_context():
        signups = db.session.scalars(db.select(Signup).filter_by(meeting_id=meeting_id))
        return {s.name: s.status for s in signups}


def test_the_cafe_admin_needs_a_login(client, make_meeting):
    meeting_id = make_meeting()
    for path in (
        "/admin/cafe",
        f"/admin/cafe/{meeting_id}",
        f"/admin/cafe/{meeting_id}/poster",
        f"/admin/cafe/{meeting_id}/signups.csv",
        "/admin/cafe/ideas",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login" in response.headers["Location"]


def test_the_menu_and_dashboard_lead_to_the_cafe(admin_client):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert 'href="/admin/cafe"' in page and 'href="/admin/cafe/ideas"' in page


def test_a_new_meeting_is_stored_audited_and_on_the_kiosk(app, admin_client):
    response = admin_client.post("/admin/cafe/new", data=_meeting_form())
    assert response.status_code == 302
    with app.app_context():
        meeting = db.session.scalar(db.select(Meeting))
        assert meeting.topic == {"nl": "Slapen", "ar": "النوم"}
        assert (meeting.capacity, meeting.places_left) == (12, 12)
        assert meeting.languages == ["nl", "ar"]
        assert meeting.interpreter and not meeting.childcare
        assert meeting.starts_at.strftime("%H:%M") == "08:45"
    assert "cafe.meeting.create" in _actions(app)
    assert admin_client.get("/api/v1/kiosk?lang=ar").json["cafe"][0]["topic"] == "النوم"


def test_the_dutch_topic_is_required_and_what_was_typed_is_kept(app, admin_client):
    response = admin_client.post(
        "/admin/cafe/new", data=_meeting_form(topic_nl="", end="08:00", capacity="0")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'value="النوم"' in page and 'value="Refter"' in page
    assert page.count('class="error"') == 3
    with app.app_context():
        assert db.session.scalar(db.select(Meeting)) is None


def test_a_new_meeting_cannot_be_in_the_past(app, admin_client):
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    response = admin_client.post("/admin/cafe/new", data=_meeting_form(day=yesterday))
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(Meeting)) is None


def test_capacity_cannot_go_below_the_places_taken_and_raising_it_moves_people_up(
    app, admin_client, make_meeting, sign_up
):
    meeting_id = make_meeting(capacity=2)
    for name in ("a", "b", "c"):
        sign_up(meeting_id, name=name)
    lower = admin_client.post(
        f"/admin/cafe/{meeting_id}/edit?lang=en", data=_meeting_form(capacity="1")
    )
    assert lower.status_code == 200
    assert "2 places are taken already" in lower.get_data(as_text=True)
    raised = admin_client.post(f"/admin/cafe/{meeting_id}/edit", data=_meeting_form(capacity="3"))
    assert raised.status_code == 302
    assert _statuses(app, meeting_id) == {"a": "confirmed", "b": "confirmed", "c": "confirmed"}
    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        assert (meeting.capacity, meeting.places_left, meeting.topic["nl"]) == (3, 0, "Slapen")
    assert "cafe.meeting.update" in _actions(app)


def test_the_sign_up_list_promotes_and_cancels(app, admin_client, make_meeting, sign_up):
    meeting_id = make_meeting(capacity=1)
    for name in ("first", "second", "third"):
        sign_up(meeting_id, name=name)
    with app.app_context():
        ids = {s.name: s.id for s in db.session.scalars(db.select(Signup))}
    page = admin_client.get(f"/admin/cafe/{meeting_id}").get_data(as_text=True)
    assert all(name in page for name in ("first", "second", "third"))

    admin_client.post(f"/admin/cafe/signups/{ids['third']}/promote")
    assert _statuses(app, meeting_id)["third"] == "confirmed"
    admin_client.post(f"/admin/cafe/signups/{ids['first']}/cancel")
    statuses = _statuses(app, meeting_id)
    assert (statuses["first"], statuses["second"]) == ("cancelled", "waiting"), (
        "the extra chair is paid back before anyone moves up"
    )
    admin_client.post(f"/admin/cafe/signups/{ids['third']}/cancel")
    assert _statuses(app, meeting_id)["second"] == "confirmed"
    assert _actions(app).count("cafe.signup.cancel") == 2
    assert "cafe.signup.promote" in _actions(app)


def _sign_up_from(app, meeting_id, name, address="127.0.0.1"):
    """A sign-up as a fresh phone (no cookie, no session) at `address` sends it."""
    form = {"name": name, "adults": "1", "children": "0"}
    response = app.test_client().post(
        f"/m/cafe/{meeting_id}", data=form, environ_base={"REMOTE_ADDR": address}
    )
    assert response.status_code == 302


def test_one_client_filling_a_cafe_is_seen_cancelled_in_one_go_and_flagged(
    app, admin_client, make_meeting
):
    meeting_id = make_meeting(capacity=5)
    _sign_up_from(app, meeting_id, "Amina", address="192.0.2.7")
    for number in range(6):  # one client: four fill the meeting, two the waiting list
        _sign_up_from(app, meeting_id, f"Bot {number}")
    _sign_up_from(app, meeting_id, "Hanna", address="192.0.2.8")
    statuses = _statuses(app, meeting_id)
    assert sorted(name for name, status in statuses.items() if status == "waiting") == [
        "Bot 4", "Bot 5", "Hanna"
    ]  # fmt: skip
    dashboard = admin_client.get("/admin/?lang=en").get_data(as_text=True)
    assert "Café meetings that filled within minutes" in dashboard

    page = admin_client.get(f"/admin/cafe/{meeting_id}?lang=en").get_data(as_text=True)
    one_client = rules.address_hash(app.config["SECRET_KEY"], "127.0.0.1")
    assert page.count(f"<code>{one_client}</code>") == 6 + 1  # each sign-up's row, and the burst
    [burst] = re.findall(r'<form[^>]*data-burst="(\w+)"[^>]*>(.*?)</form>', page, re.S)
    assert burst[0] == one_client and "Cancel these 6 sign-ups" in burst[1]
    ids = re.findall(r'name="signup" value="(\d+)"', burst[1])
    response = admin_client.post(f"/admin/cafe/{meeting_id}/signups/cancel", data={"signup": ids})
    assert response.status_code == 302

    statuses = _statuses(app, meeting_id)
    assert sorted(name for name, status in statuses.items() if status == "cancelled") == [
        f"Bot {number}" for number in range(6)
    ]
    assert (statuses["Amina"], statuses["Hanna"]) == ("confirmed", "confirmed")
    assert _actions(app).count("cafe.signup.cancel_burst") == 1
    dashboard = admin_client.get("/admin/?lang=en").get_data(as_text=True)
    assert "Café meetings that filled within minutes" not in dashboard


def test_a_burst_cancel_takes_only_sign_ups_of_that_meeting(app, admin_client, make_meeting):
    meeting_id, other_id = make_meeting(capacity=4), make_meeting(capacity=4)
    _sign_up_from(app, other_id, "Elsewhere")
    with app.app_context():
        elsewhere = db.session.scalar(db.select(Signup.id).filter_by(meeting_id=other_id))
    odd = {"signup": [str(elsewhere), "99999999999999999999", "x"]}
    response = admin_client.post(f"/admin/cafe/{meeting_id}/signups/cancel", data=odd)
    assert response.status_code == 302
    assert _statuses(app, other_id) == {"Elsewhere": "confirmed"}
    assert "cafe.signup.cancel_burst" not in _actions(app)


def test_names_are_escaped_in_the_admin_and_kept_as_typed_in_the_csv(
    admin_client, make_meeting, sign_up
):
    meeting_id = make_meeting()
    sign_up(meeting_id, name="<script>x</script>", contact="+32 470 12 34 56")
    sign_up(meeting_id, name="=HYPERLINK(1)")
    sign_up(meeting_id, name='@Amina, "Mama"')
    sign_up(meeting_id, name="N'Diaye & Fatou")
    page = admin_client.get(f"/admin/cafe/{meeting_id}").get_data(as_text=True)
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x" not in page

    response = admin_client.get(f"/admin/cafe/{meeting_id}/signups.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    # A spreadsheet is no web page: the name as the parent typed it, only never a formula.
    assert [row["name"] for row in rows] == [
        "<script>x</script>",
        "'=HYPERLINK(1)",
        '\'@Amina, "Mama"',
        "N'Diaye & Fatou",
    ]
    assert rows[0]["phone or e-mail"] == "'+32 470 12 34 56"
    assert rows[0]["status"] == "confirmed" and rows[0]["adults"] == "1"


def test_the_poster_is_dutch_with_the_qr_code_to_the_meeting(admin_client, make_meeting):
    meeting_id = make_meeting(topic={"nl": "Slapen", "ar": "النوم"})
    page = admin_client.get(f"/admin/cafe/{meeting_id}/poster?lang=en").get_data(as_text=True)
    assert '<html lang="nl"' in page
    assert "Slapen" in page and "النوم" in page and "Refter" in page
    assert "<svg" in page and 'class="admin-bar"' not in page


def test_deleting_a_meeting_takes_its_sign_ups_along(app, admin_client, make_meeting, sign_up):
    meeting_id = make_meeting()
    sign_up(meeting_id)
    assert admin_client.post(f"/admin/cafe/{meeting_id}/delete").status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Signup.id))) == 0
    assert "cafe.meeting.delete" in _actions(app)


def test_ideas_are_moderated_and_tallied(app, admin_client):
    with app.app_context():
        ideas = [
            Idea(text="Gezond eten", lang="nl", status="approved"),
            Idea(text="<i>Pesten</i>", lang="nl"),
        ]
        db.session.add_all(ideas)
        db.session.commit()
        eat, bully = (idea.id for idea in ideas)
    phones = [app.test_client() for _ in range(3)]
    for phone in phones:
        phone.post(f"/m/cafe/ideas/{eat}/vote")
    page = admin_client.get("/admin/cafe/ideas").get_data(as_text=True)
    assert f'data-idea="{eat}"' in page and '<td data-votes="3">' in page
    assert "&lt;i&gt;Pesten&lt;/i&gt;" in page

    admin_client.post(f"/admin/cafe/ideas/{bully}/approve")
    assert "Pesten" in phones[0].get("/m/cafe/ideas").get_data(as_text=True)
    admin_client.post(f"/admin/cafe/ideas/{bully}/reject")
    assert "Pesten" not in phones[0].get("/m/cafe/ideas").get_data(as_text=True)
    admin_client.post(f"/admin/cafe/ideas/{bully}/delete")
    with app.app_context():
        assert db.session.get(Idea, bully) is None
    assert {"cafe.idea.approve", "cafe.idea.reject", "cafe.idea.delete"} <= set(_actions(app))


def test_the_demo_plans_three_cafes_one_small_in_five_languages(app):
    from kiosk import demo

    with app.app_context():
        demo.add_all(date.today())
        db.session.commit()
        meetings = db.session.scalars(db.select(Meeting)).all()
        upcoming = [m for m in meetings if m.starts_at > clock.now()]
        assert len(upcoming) >= 3
        assert 4 in {m.capacity for m in upcoming}
        for meeting in upcoming:
            assert {"nl", "en", "fr", "ar", "tr"} <= set(meeting.topic)
            assert meeting.starts_at.weekday() < 5
        assert db.session.scalar(db.select(db.func.count(Idea.id))) > 0
