"""Many parents at once against the running server (waitress threads, real HTTP).

The last places go to exactly as many parents as fit, the rest land on the
waiting list in order, nobody sees an error, and a form sent twice at the same
moment still makes one sign-up.
"""

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

from kiosk import clock
from kiosk.cafe.models import Meeting, Signup
from kiosk.extensions import db
from tests.processes import all_at_once

PARENTS = 24
LAST_PLACES = 4


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Phone:
    """One parent's phone: its own cookies, the form as the server gave it."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect
        )

    def open_form(self, meeting_id):
        self.path = f"/m/cafe/{meeting_id}?lang=en"
        html = self.opener.open(self.base_url + self.path, timeout=30).read().decode()
        self.hidden = {
            name: re.search(rf'name="{name}"[^>]*value="([^"]+)"', html).group(1)
            for name in ("csrf_token", "form_key")
        }

    def send(self, name):
        """POST the form; returns (HTTP status, Location)."""
        body = urllib.parse.urlencode(
            dict(self.hidden, name=name, adults="1", children="0")
        ).encode()
        try:
            response = self.opener.open(self.base_url + self.path, data=body, timeout=60)
            return response.status, None
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers.get("Location")

    def status(self, location):
        token = location.rsplit("/", 1)[-1]
        url = f"{self.base_url}/api/v1/status/{token}"
        return json.loads(self.opener.open(url, timeout=30).read())


def _meeting_with_places_left(server, places_left, taken):
    """A meeting far ahead (off the kiosk's first screen) with `taken` places gone."""
    with server.app.app_context():
        starts_at = clock.now().replace(second=0, microsecond=0) + timedelta(days=60)
        meeting = Meeting(
            topic={"nl": "Concurrency test"},
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            place="Refter",
            capacity=places_left + taken,
            places_left=places_left,
            languages=["nl"],
        )
        meeting.signups = [
            Signup(
                token=f"taken-{starts_at:%s}-{n}",
                name=f"earlier {n}",
                adults=1,
                children=0,
                lang="nl",
                status="confirmed",
            )
            for n in range(taken)
        ]
        db.session.add(meeting)
        db.session.commit()
        return meeting.id


def test_twenty_four_parents_at_once_for_the_last_four_places(live_server):
    meeting_id = _meeting_with_places_left(live_server, places_left=LAST_PLACES, taken=6)
    phones = [Phone(live_server.url) for _ in range(PARENTS)]
    for phone in phones:
        phone.open_form(meeting_id)

    answers = all_at_once(
        [lambda p=phone, n=n: p.send(f"parent {n}") for n, phone in enumerate(phones)]
    )

    assert [code for code, _ in answers] == [302] * PARENTS, answers
    statuses = [
        phone.status(location) for phone, (_, location) in zip(phones, answers, strict=True)
    ]
    confirmed = [s for s in statuses if s["status"] == "confirmed"]
    waiting = [s for s in statuses if s["status"] == "waiting"]
    assert len(confirmed) == LAST_PLACES
    assert len(waiting) == PARENTS - LAST_PLACES
    assert sorted(s["position"] for s in waiting) == list(range(1, PARENTS - LAST_PLACES + 1))
    with live_server.app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        assert meeting.places_left == 0
        assert len(meeting.signups) == 6 + PARENTS


def test_the_same_form_sent_twice_at_the_same_moment_makes_one_sign_up(live_server):
    meeting_id = _meeting_with_places_left(live_server, places_left=3, taken=0)
    phone = Phone(live_server.url)
    phone.open_form(meeting_id)

    answers = all_at_once([lambda: phone.send("double tap")] * 2)
    retry = phone.send("double tap")

    assert [code for code, _ in answers] == [302, 302], answers
    assert answers[0][1] == answers[1][1] == retry[1]
    with live_server.app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        assert [s.name for s in meeting.signups] == ["double tap"]
        assert meeting.places_left == 2
