"""A newcomer's first kiosk is one click: `flask demo` and `flask serve` print the gate's link."""

import re

import pytest

from kiosk import create_app, serving
from kiosk.audit import AuditEntry
from kiosk.extensions import db
from kiosk.screens import queries

LINK = re.compile(r"(https?://\S+/kiosk/pair/([A-Za-z0-9_-]+))")


@pytest.fixture
def demo_app(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'demo.sqlite'}"})
    assert app.test_cli_runner().invoke(args=["init-db"]).exit_code == 0
    return app


def serve_output(app, monkeypatch):
    """What `flask serve` prints before it starts serving."""
    monkeypatch.setattr(serving, "become_server", lambda threads: None)
    result = app.test_cli_runner().invoke(args=["serve"])
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_makes_the_gate_kiosk_and_prints_its_pairing_link(demo_app):
    result = demo_app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    link, code = LINK.search(result.output).groups()
    assert link.startswith("http://localhost:8080/kiosk/pair/")
    screen = demo_app.test_client()
    assert screen.get(f"/kiosk/pair/{code}").headers["Location"] == "/kiosk/"
    with demo_app.app_context():
        assert queries.find_by_name("gate").is_paired
        pairing = db.session.scalar(db.select(AuditEntry).filter_by(action="kiosk.pair"))
        assert pairing.target == "gate"


def test_serve_shows_the_link_until_it_is_used(demo_app, monkeypatch):
    demo_app.config["KIOSK_PUBLIC_URL"] = "https://school.example.org"
    demo_app.test_cli_runner().invoke(args=["demo"])
    output = serve_output(demo_app, monkeypatch)
    link, code = LINK.search(output).groups()
    assert link.startswith("https://school.example.org/kiosk/pair/")
    assert "Kiosk:  https://school.example.org/kiosk/" in output
    demo_app.test_client().get(f"/kiosk/pair/{code}")
    assert "/kiosk/pair/" not in serve_output(demo_app, monkeypatch)


def test_serve_shows_no_link_without_the_demo(demo_app, monkeypatch):
    assert "/kiosk/pair/" not in serve_output(demo_app, monkeypatch)


def test_behind_a_proxy_waitress_passes_the_forwarded_address_on(make_app):
    """The whole chain of `flask serve`: waitress, then ProxyFix with KIOSK_PROXY_HOPS=1."""
    import urllib.request

    from kiosk.serving import waitress_options
    from tests.processes import ServerThread

    app = make_app(KIOSK_TRUSTED_NETWORKS="10.20.0.0/16", KIOSK_PROXY_HOPS=1)
    server = ServerThread(app, **waitress_options(app.config))
    try:
        poll = urllib.request.Request(
            f"{server.url}/api/v1/kiosk?kiosk=hall",
            headers={"X-Forwarded-For": "10.20.3.4"},  # what the proxy in front adds
        )
        assert urllib.request.urlopen(poll).status == 200
    finally:
        server.stop()
    with app.app_context():
        assert queries.find_by_name("hall").last_address == "10.20.3.4"
