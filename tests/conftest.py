"""Fixtures as in flaskr: an app on a fresh temporary database, its client, a logged-in admin."""

from functools import cache

import pytest
from werkzeug.security import generate_password_hash

from kiosk import create_app
from kiosk.auth.models import User
from kiosk.extensions import db
from tests.databases import fresh_database_url

ADMIN = ("bridge", "correct horse battery")


@cache
def admin_hash():
    return generate_password_hash(ADMIN[1])


@pytest.fixture
def make_app(tmp_path, monkeypatch):
    """Build an app with extra settings; its database is fresh and empty."""
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path / "instance"))
    # Every app made by one test shares its database, like processes of one server.
    database_url = fresh_database_url(tmp_path)
    made = []

    def make(**settings):
        config = {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "WTF_CSRF_ENABLED": False,
        }
        config.update(settings)
        app = create_app(config)
        with app.app_context():
            db.create_all()
            if not db.session.scalar(db.select(User).filter_by(username=ADMIN[0])):
                # scrypt is slow on purpose: hash the test password once per run.
                user = User(username=ADMIN[0], role="admin", password_hash=admin_hash())
                db.session.add(user)
                db.session.commit()
        made.append(app)
        return app

    yield make
    # Close each app's connections, so a long run never exhausts the server's.
    for app in made:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, username=ADMIN[0], password=ADMIN[1]):
        return self._client.post("/admin/login", data={"username": username, "password": password})

    def logout(self):
        return self._client.post("/admin/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def credentials():
    """The user name and password of the admin every test app starts with."""
    return ADMIN


@pytest.fixture
def editor(app):
    """An editor's account (content, not users, kiosks or the audit log): its login."""
    with app.app_context():
        user = User(username="ed", role="editor")
        user.set_password("editor password")
        db.session.add(user)
        db.session.commit()
    return ("ed", "editor password")


@pytest.fixture
def admin_client(client, auth):
    """A client logged in as the admin (the bridge figure with every right)."""
    assert auth.login().status_code == 302
    return client


def add_demo_content(app):
    """The demo school (`flask demo`'s content), beside the test's own admin."""
    from kiosk import clock, demo

    with app.app_context():
        demo.add_all(clock.today())
        db.session.commit()
