"""`flask --app wsgi check` on the set-ups a school really has, and the same findings on /admin/."""

import shutil
import socket
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_migrate import stamp

from kiosk.auth.models import User, utcnow
from kiosk.cafe import queries as cafe_queries
from kiosk.cafe.models import Meeting
from kiosk.extensions import db
from kiosk.readiness import queries
from kiosk.retention import ScheduledRun
from kiosk.screens import rules as kiosk_rules
from kiosk.screens.models import Kiosk
from tests.conftest import admin_hash

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
SCHOOL = {"KIOSK_PUBLIC_URL": "https://school.example.org", "KIOSK_PROXY_HOPS": 1}
THROUGH_PROXY = {
    "headers": {"X-Forwarded-For": "198.51.100.5"},
    "environ_base": {"REMOTE_ADDR": "10.20.0.1"},
}


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    """Every catalogue, compiled after its .po was written (as `pybabel compile` leaves it)."""
    folder = tmp_path_factory.mktemp("translations")
    for po in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        target = folder / po.relative_to(TRANSLATIONS)
        target.parent.mkdir(parents=True)
        shutil.copy(po, target)
        with po.open("rb") as source, target.with_suffix(".mo").open("wb") as mo:
            write_mo(mo, read_po(source))
    return str(folder)


@pytest.fixture
def mail_server():
    """A plain TCP listener where the mail server would be."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield f"smtp://127.0.0.1:{listener.getsockname()[1]}"


def closed_port():
    with socket.create_server(("127.0.0.1", 0)) as listener:
        return listener.getsockname()[1]


def school_app(make_app, compiled, **settings):
    """An app set up as a school runs it: migrated, backed up, its kiosk behind one proxy."""
    app = make_app(**{"BABEL_TRANSLATION_DIRECTORIES": compiled, **SCHOOL, **settings})
    with app.app_context():
        stamp()  # the tests' tables come from create_all: mark them as the newest schema
    runner = app.test_cli_runner()
    backup = Path(app.instance_path) / "backup.sqlite"
    assert runner.invoke(args=["backup", str(backup)]).exit_code == 0
    poll(app, paired_screen(app, "gate"))
    return app


def paired_screen(app, name):
    """The screen at the gate, paired through its one-time link (through the proxy)."""
    with app.app_context():
        kiosk = Kiosk(name=name)
        db.session.add(kiosk)
        code = kiosk_rules.issue_code(kiosk, utcnow())
        db.session.commit()
    screen = app.test_client()
    screen.get(f"/kiosk/pair/{code}", **THROUGH_PROXY)
    return screen


def poll(app, screen, query=""):
    """A kiosk's poll; its last heartbeat is made old enough for this one to count."""
    with app.app_context():
        db.session.execute(db.update(Kiosk).values(last_seen_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    return screen.get(f"/api/v1/kiosk{query}", **THROUGH_PROXY)


def check(app):
    return app.test_cli_runner().invoke(args=["check", "--lang", "en"])


def test_a_school_set_up_passes(make_app, compiled, mail_server):
    app = school_app(make_app, compiled, KIOSK_SMTP_URL=mail_server)
    with app.app_context():
        assert queries.forwarded_hops(utcnow()) == [1]
    result = check(app)
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output
    assert "KIOSK_PUBLIC_URL" not in result.output


@pytest.mark.parametrize("url", ["", "http://localhost:8080", "http://127.0.0.1:8080"])
def test_no_public_url_or_a_loopback_one_fails_and_names_it(make_app, compiled, url):
    result = check(school_app(make_app, compiled, KIOSK_PUBLIC_URL=url))
    assert result.exit_code == 1
    assert "Error: KIOSK_PUBLIC_URL" in result.output
    assert "https://school.example.org" in result.output  # what to do


def test_the_report_speaks_the_admins_language(make_app, compiled):
    result = (
        school_app(make_app, compiled, KIOSK_PUBLIC_URL="")
        .test_cli_runner()
        .invoke(args=["check", "--lang", "nl"])
    )
    assert result.exit_code == 1 and "Fout: KIOSK_PUBLIC_URL" in result.output


def test_a_mail_server_that_does_not_answer_fails(make_app, compiled):
    app = school_app(make_app, compiled, KIOSK_SMTP_URL=f"smtp://127.0.0.1:{closed_port()}")
    result = check(app)
    assert result.exit_code == 1
    assert "KIOSK_SMTP_URL is set, but its server does not answer" in result.output


def test_contacts_without_mail_or_sms_are_a_warning(make_app, compiled):
    app = school_app(make_app, compiled)
    with app.app_context():
        starts = utcnow() + timedelta(days=2)
        meeting = Meeting(
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            place="Hall",
            capacity=10,
            places_left=10,
        )
        db.session.add(meeting)
        db.session.flush()
        cafe_queries.sign_up(
            meeting,
            name="Amal",
            adults=1,
            children=0,
            interpreter_language=None,
            contact="0470 12 34 56",
            lang="ar",
            now=utcnow(),
        )
        db.session.commit()
    result = check(app)
    assert result.exit_code == 0, result.output
    assert "Warning: Parents left 1 contacts" in result.output


def test_an_old_backup_fails_and_a_new_one_is_recorded_with_the_secret_key(make_app, compiled):
    app = school_app(make_app, compiled)
    backup = Path(app.instance_path) / "backup.sqlite"
    key = (Path(app.instance_path) / "secret_key").read_text()
    assert Path(f"{backup}.secret_key").read_text() == key
    with app.app_context():
        assert utcnow() - queries.last_backup_at() < timedelta(minutes=1)
        db.session.get(ScheduledRun, queries.BACKUP).last_run = utcnow() - timedelta(days=8)
        db.session.commit()
    result = check(app)
    assert result.exit_code == 1 and "No backup in the last 7 days" in result.output
    assert "SECRET_KEY was made on this machine" in result.output


def test_proxy_hops_that_do_not_match_the_requests_fail(make_app, compiled):
    result = check(school_app(make_app, compiled, KIOSK_PROXY_HOPS=0))
    assert result.exit_code == 1 and "KIOSK_PROXY_HOPS is 0" in result.output


def test_catalogues_not_compiled_fail(make_app, compiled, tmp_path):
    # A server compiles what it misses when it starts; a .mo lost after that is a finding.
    bare = tmp_path / "translations"
    shutil.copytree(compiled, bare)
    app = school_app(make_app, compiled, BABEL_TRANSLATION_DIRECTORIES=str(bare))
    for compiled_catalogue in bare.glob("*/LC_MESSAGES/messages.mo"):
        compiled_catalogue.unlink()
    result = check(app)
    assert result.exit_code == 1 and "Translations not compiled" in result.output


def test_a_database_behind_the_code_fails(make_app, compiled):
    app = school_app(make_app, compiled)
    with app.app_context():
        stamp(revision="bfe241f6508e")
    result = check(app)
    assert result.exit_code == 1 and "The database is behind the code" in result.output
    assert "init-db" in result.output


def test_little_disk_space_fails(make_app, compiled, monkeypatch):
    monkeypatch.setattr("kiosk.readiness.probes.free_bytes", lambda folder: 200 * 1024**2)
    result = check(school_app(make_app, compiled))
    assert result.exit_code == 1 and "Less than 1 GB free" in result.output


def test_voices_and_fonts_missing_are_warnings(make_app, compiled, tmp_path):
    app = school_app(make_app, compiled)
    assert "No font in static/fonts" not in check(app).output  # the app ships its fonts
    app.static_folder = str(tmp_path / "static-without-fonts")
    result = check(app)
    assert "Warning: No voice reads aloud in: so, ti, ps" in result.output or (
        "espeak-ng is not installed" in result.output
    )
    assert "Warning: No font in static/fonts for the Arabic, Ethiopic, Cyrillic" in result.output


def test_the_dashboard_shows_the_findings_to_admins_only(make_app, compiled, client):
    app = school_app(make_app, compiled, KIOSK_PUBLIC_URL="http://localhost:8080")
    with app.app_context():
        db.session.add(User(username="editor", role="editor", password_hash=admin_hash()))
        db.session.commit()
    admin, editor = app.test_client(), app.test_client()
    admin.post("/admin/login", data={"username": "bridge", "password": "correct horse battery"})
    editor.post("/admin/login", data={"username": "editor", "password": "correct horse battery"})
    page = admin.get("/admin/?lang=en").get_data(as_text=True)
    assert 'data-check="public_url" data-severity="error"' in page
    assert "phones on mobile data cannot open the QR codes" in page
    assert "data-check" not in editor.get("/admin/?lang=en").get_data(as_text=True)
