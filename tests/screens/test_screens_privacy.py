"""Issue 14 end to end: with the demo loaded, nothing personal reaches a client that is not one
of the school's own screens, and everything does once it is a paired kiosk or a staff member.

"Personal" is checked against the database: every demo child's first name (as a whole word),
a child's symbol tied to that child (`data-child`), every class photo and team photo URL.
"""

import re

import pytest
from flask import url_for

from kiosk import clock, demo, i18n
from kiosk.board.models import Child, Choice, SchoolClass
from kiosk.extensions import db
from kiosk.photos.models import Photo
from kiosk.screens import queries
from kiosk.screens.identity import COOKIE
from kiosk.team.models import TeamMember

SCHOOL = "10.20.0.0/16"
KIOSK_AT_SCHOOL = "10.20.3.4"
SCREENS = ("/kiosk/", "/kiosk/board", "/kiosk/photos", "/kiosk/team")
# The other kiosk screens carry no personal content; they must not leak any either.
OTHER_SCREENS = ("/kiosk/notices", "/kiosk/cafe", "/kiosk/interpreter", "/kiosk/voice")


class Demo:
    """What the demo put in the database that only the school's own screens may show."""

    def __init__(self, app):
        with app.app_context():
            demo.add_all(clock.today())
            db.session.commit()
            classes = db.session.scalars(db.select(SchoolClass)).all()
            self.class_ids = [c.id for c in classes]
            self.named_class_ids = {c.id for c in classes if c.show_first_names}
            children = db.session.scalars(db.select(Child)).all()
            self.children = {c.id: (c.class_id, c.first_name) for c in children}
            photo_keys = db.session.scalars(db.select(Photo.key)).all()
            team_keys = db.session.scalars(
                db.select(TeamMember.photo_key).where(TeamMember.photo_key.is_not(None))
            ).all()
            self.first_names = sorted({name for _, name in self.children.values()})
        with app.test_request_context():
            self.photo_urls = [url_for("photos_kiosk.screen_file", key=key) for key in photo_keys]
            self.thumbnail_urls = [
                url_for("photos_kiosk.thumbnail_file", key=k) for k in photo_keys
            ]
            self.team_photo_urls = [url_for("team_kiosk.photo_file", key=key) for key in team_keys]
        self.languages = [language.code for language in i18n.LANGUAGES]
        # A demo without these would make every check below pass without checking anything.
        assert self.children and self.named_class_ids and self.photo_urls and self.team_photo_urls

    def pages(self):
        return [
            *SCREENS,
            *OTHER_SCREENS,
            *(f"/kiosk/board/{class_id}" for class_id in self.class_ids),
            *(f"/api/v1/kiosk?lang={lang}" for lang in self.languages),
            *(f"{page}?lang=ar" for page in SCREENS),
        ]

    def file_urls(self):
        return self.photo_urls + self.thumbnail_urls + self.team_photo_urls


@pytest.fixture
def demo_app(app):
    app.demo = Demo(app)
    return app


def named(name, text):
    """The first name as a whole word, not as a part of another one ("Ali" in "Alinea")."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def leaks(text, content):
    """Everything personal that `text` gives away."""
    found = [f"first name {name}" for name in content.first_names if named(name, text)]
    found += [f"photo {url}" for url in content.file_urls() if url in text]
    if "data-child=" in text:
        found.append("a symbol tied to a child (data-child)")
    return found


def fetch(client, path, **kwargs):
    response = client.get(path, **kwargs)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


def assert_nothing_personal(client, content, **kwargs):
    for path in content.pages():
        assert leaks(fetch(client, path, **kwargs), content) == [], path
    for lang in content.languages:
        snapshot = client.get(f"/api/v1/kiosk?lang={lang}", **kwargs).get_json()
        assert snapshot["board"] and all("children" not in c for c in snapshot["board"])
        assert snapshot["photos"] == [] and snapshot["team"] == []
    for url in content.file_urls():
        assert client.get(url, **kwargs).status_code == 404, url
    # Photos, team and the children of each class say why instead.
    for path in ("/kiosk/photos", "/kiosk/team", "/kiosk/photos?lang=ar", "/kiosk/team?lang=ar"):
        assert "data-school-screens-only" in fetch(client, path, **kwargs), path
    for class_id in content.class_ids:
        assert "data-school-screens-only" in fetch(client, f"/kiosk/board/{class_id}", **kwargs)


def assert_everything_personal(client, content, **kwargs):
    for lang in ("nl", "ar"):
        snapshot = client.get(f"/api/v1/kiosk?lang={lang}", **kwargs).get_json()
        shown = {child["id"] for c in snapshot["board"] for child in c["children"]}
        assert shown == set(content.children)
        assert {p["url"] for p in snapshot["photos"]} == set(content.photo_urls)
        assert {p["photo_url"] for p in snapshot["team"]} == set(content.team_photo_urls)
    for class_id in content.class_ids:
        page = fetch(client, f"/kiosk/board/{class_id}", **kwargs)
        assert "data-school-screens-only" not in page
        mine = [(i, n) for i, (in_class, n) in content.children.items() if in_class == class_id]
        assert all(f'data-child="{i}"' in page for i, _ in mine)
        # First names only where the class chose to show them.
        assert all(named(n, page) == (class_id in content.named_class_ids) for _, n in mine)
    photos = fetch(client, "/kiosk/photos", **kwargs)
    assert "data-school-screens-only" not in photos
    assert any(url in photos for url in content.photo_urls)
    team = fetch(client, "/kiosk/team", **kwargs)
    assert "data-school-screens-only" not in team
    assert all(url in team for url in content.team_photo_urls)
    for url in content.file_urls():
        response = client.get(url, **kwargs)
        assert response.status_code == 200 and response.mimetype == "image/jpeg", url


def pair(app, admin_client, name):
    """Pair a screen as the school does: a link made in /admin/kiosks, opened on the screen."""
    page = admin_client.post("/admin/kiosks", data={"name": name}).get_data(as_text=True)
    code = re.search(r"/kiosk/pair/([A-Za-z0-9_-]+)", page).group(1)
    screen = app.test_client()
    response = screen.get(f"/kiosk/pair/{code}")
    assert response.status_code == 302 and response.headers["Location"] == "/kiosk/"
    return screen


def revoke(app, admin_client, name):
    with app.app_context():
        kiosk_id = queries.find_by_name(name).id
    assert admin_client.post(f"/admin/kiosks/{kiosk_id}/revoke").status_code == 302


def test_an_anonymous_client_gets_nothing_personal(demo_app):
    client = demo_app.test_client()
    assert_nothing_personal(client, demo_app.demo)
    # A tap for a real child and one for a child that does not exist: the same refusal,
    # so the answer confirms nothing, and nothing is stored.
    answers = set()
    for child in (next(iter(demo_app.demo.children)), 999_999):
        tap = {"id": f"tap-{child}-0000", "child": child, "choice": "noon:home"}
        response = client.post("/kiosk/board/choice", json=tap)
        answers.add((response.status_code, response.get_json()["error"]))
    assert len(answers) == 1 and answers.pop()[0] in (403, 404)
    with demo_app.app_context():
        assert db.session.scalar(db.select(Choice).filter(Choice.request_id.like("tap-%"))) is None


def test_a_paired_kiosk_gets_the_children_photos_and_team_until_revoked(demo_app, admin_client):
    screen = pair(demo_app, admin_client, "hall")
    assert_everything_personal(screen, demo_app.demo)

    revoke(demo_app, admin_client, "hall")
    assert_nothing_personal(screen, demo_app.demo)
    assert screen.get_cookie(COOKIE) is not None  # it still sends the cookie, to no avail


def test_a_logged_in_admin_gets_the_children_photos_and_team(demo_app, admin_client):
    assert_everything_personal(admin_client, demo_app.demo)


def test_a_forwarded_request_from_a_trusted_network_is_not_trusted(demo_app, make_app):
    at_school = make_app(KIOSK_TRUSTED_NETWORKS=SCHOOL)
    client = at_school.test_client()
    from_school = {"environ_base": {"REMOTE_ADDR": KIOSK_AT_SCHOOL}}
    assert_everything_personal(client, demo_app.demo, **from_school)
    # The same address, with a header that no proxy we were told about added.
    for forwarded in (KIOSK_AT_SCHOOL, "203.0.113.9"):
        assert_nothing_personal(
            client, demo_app.demo, headers={"X-Forwarded-For": forwarded}, **from_school
        )
