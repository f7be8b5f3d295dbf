"""The café in the database: places taken by one conditional UPDATE, the waiting list,
capacity, votes, purge."""

from datetime import timedelta

import pytest

from kiosk import clock
from kiosk.cafe import queries, rules
from kiosk.cafe.models import CANCELLED, CONFIRMED, WAITING, Idea, Meeting, Signup
from kiosk.extensions import db


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


def _signup(meeting, name="Amina", adults=1):
    signup = queries.sign_up(
        meeting,
        name=name,
        adults=adults,
        children=0,
        interpreter_language=None,
        contact=None,
        lang="nl",
        now=clock.now(),
    )
    db.session.commit()
    return signup


def test_adults_take_places_until_they_no_longer_fit(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(capacity=4))
    assert _signup(meeting, adults=3).status == CONFIRMED
    assert meeting.places_left == 1
    assert _signup(meeting, adults=2).status == WAITING
    assert _signup(meeting, adults=1).status == CONFIRMED
    assert meeting.places_left == 0


def test_a_past_meeting_takes_nobody_in(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(days=-1))
    assert not rules.is_open(meeting, clock.now())
    assert not queries.take_places(meeting.id, 1, clock.now())


def test_the_waiting_list_counts_from_one_in_order_of_arrival(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(capacity=1))
    _signup(meeting, "first")
    second, third = _signup(meeting, "second"), _signup(meeting, "third")
    assert [queries.waiting_position(s) for s in (second, third)] == [1, 2]


def test_cancelling_moves_the_first_waiting_up(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(capacity=1))
    first, second, third = (_signup(meeting, name) for name in ("a", "b", "c"))
    moved = queries.cancel_signup(first, clock.now())
    db.session.commit()
    assert [s.id for s in moved] == [second.id]
    assert (first.status, second.status, third.status) == (CANCELLED, CONFIRMED, WAITING)
    assert queries.waiting_position(third) == 1
    assert meeting.places_left == 0


def test_a_family_that_does_not_fit_lets_a_single_parent_behind_it_move_up(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(capacity=2))
    one, other = _signup(meeting, adults=1), _signup(meeting, adults=1)
    family, single = _signup(meeting, adults=3), _signup(meeting, adults=1)
    queries.cancel_signup(one, clock.now())
    db.session.commit()
    assert (family.status, single.status) == (WAITING, CONFIRMED)
    assert other.status == CONFIRMED


def test_cancelling_twice_changes_nothing_the_second_time(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(capacity=2))
    signup = _signup(meeting)
    assert queries.cancel_signup(signup, clock.now()) == []
    assert queries.cancel_signup(signup, clock.now()) is None
    db.session.commit()
    assert meeting.places_left == 2


def test_capacity_cannot_drop_below_the_places_taken(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(capacity=3))
    for _ in range(3):
        _signup(meeting)
    waiting = _signup(meeting)
    assert not queries.change_capacity(meeting, 2)
    assert queries.change_capacity(meeting, 4, clock.now())
    db.session.commit()
    assert (meeting.capacity, meeting.places_left, waiting.status) == (4, 0, CONFIRMED)


def test_the_bridge_figure_may_let_one_more_in_and_then_nobody_else_gets_in(ctx, make_meeting):
    meeting = db.session.get(Meeting, make_meeting(capacity=1))
    first = _signup(meeting)
    waiting = _signup(meeting)
    assert queries.promote(waiting)
    assert not queries.promote(waiting), "a second click changes nothing"
    db.session.commit()
    assert (waiting.status, meeting.places_left) == (CONFIRMED, -1)
    assert _signup(meeting).status == WAITING
    queries.cancel_signup(first, clock.now())
    db.session.commit()
    assert meeting.places_left == 0, "the freed place pays back the extra chair"


def test_purge_forgets_names_and_contacts_after_the_personal_days(ctx, app, make_meeting):
    old = db.session.get(Meeting, make_meeting(days=-31))
    recent = db.session.get(Meeting, make_meeting(days=-29))
    for meeting in (old, recent):
        db.session.add(
            Signup(
                meeting=meeting,
                token=f"t{meeting.id}",
                name="Amina",
                adults=1,
                children=0,
                contact="amina@example.org",
                address_hash="0a1b2c3d",
                lang="nl",
                status=CONFIRMED,
            )
        )
    db.session.commit()
    from kiosk import retention
    from kiosk.auth.models import utcnow

    deleted = retention.purge(utcnow(), app.config)
    assert deleted["café sign-ups"] == 1
    old_signup, recent_signup = (m.signups[0] for m in (old, recent))
    assert (old_signup.name, old_signup.contact, old_signup.address_hash) == ("", None, None)
    assert old_signup.adults == 1, "the counts stay for the school's figures"
    assert (recent_signup.name, recent_signup.address_hash) == ("Amina", "0a1b2c3d")
    assert retention.purge(utcnow(), app.config)["café sign-ups"] == 0


def test_purge_counts_from_the_end_of_the_meeting(ctx, make_meeting):
    now = clock.now()
    meeting = db.session.get(Meeting, make_meeting(days=-30))
    meeting.starts_at = now - timedelta(days=30, hours=1)
    meeting.ends_at = now - timedelta(days=30) + timedelta(hours=1)
    signup = _signup(meeting)  # signed up when it was still ahead
    db.session.commit()
    assert queries.forget_people_before(now - timedelta(days=30)) == 0
    assert queries.forget_people_before(now - timedelta(days=29)) == 1
    db.session.refresh(signup)
    assert signup.name == ""


def test_one_phone_votes_once_per_idea(ctx):
    idea = Idea(text="Gezond eten", lang="nl", status="approved")
    other = Idea(text="Huiswerk", lang="nl", status="approved")
    db.session.add_all([idea, other])
    db.session.commit()
    assert queries.vote(idea.id, "phone-a")
    assert not queries.vote(idea.id, "phone-a")
    assert queries.vote(idea.id, "phone-b")
    assert queries.vote(other.id, "phone-a")
    tally = [(i.text, votes) for i, votes in queries.tally()]
    assert tally == [("Gezond eten", 2), ("Huiswerk", 1)]
