import sqlite3

import pytest

import kiosk
from kiosk import create_app


def test_settings_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("KIOSK_IDLE_SECONDS", "45")
    monkeypatch.setenv("KIOSK_MEAL_CUTOFF", "08:45")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    app = create_app()
    assert app.config["KIOSK_IDLE_SECONDS"] == 45
    assert app.config["KIOSK_POLL_SECONDS"] == 15
    assert app.config["KIOSK_MEAL_CUTOFF"] == "08:45"
    assert app.config["KIOSK_PORT"] == 8080
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("x.sqlite")


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app().config["SECRET_KEY"]
    assert len(first) >= 32
    assert create_app().config["SECRET_KEY"] == first
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert create_app().config["SECRET_KEY"] == "from-the-environment"


def test_default_database_is_sqlite_in_instance_with_wal(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'schoolpoort.sqlite'}"
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    mode = sqlite3.connect(tmp_path / "schoolpoort.sqlite").execute("pragma journal_mode")
    assert mode.fetchone()[0] == "wal"


def test_root_redirects_to_the_kiosk(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/kiosk/")


def test_pages_forbid_other_hosts_and_framing(client):
    response = client.get("/kiosk/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # Pages rendered for a school screen must never sit in a shared proxy's cache.
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_a_screen_that_only_shows_sets_no_cookie(client):
    """Only screens whose taps post (notices, board, voice) carry a CSRF token, and so a
    session cookie; a passer-by at the kiosk's home, photos or café is handed none."""
    for path in ("/kiosk/", "/kiosk/photos", "/kiosk/cafe", "/kiosk/team"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.getlist("Set-Cookie") == [], path
        assert 'name="csrf-token"' not in response.text, path
    for path in ("/kiosk/notices", "/kiosk/board", "/kiosk/voice"):
        assert 'name="csrf-token"' in client.get(path).text, path


def test_healthz_answers_with_the_database_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_an_installed_wheel_without_the_checkout_refuses_to_start(tmp_path, monkeypatch):
    """Templates, static files and translations live in the checkout, not in the wheel."""
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setattr(kiosk, "ROOT", tmp_path / "site-packages")
    with pytest.raises(RuntimeError, match="runs from a checkout"):
        create_app()
