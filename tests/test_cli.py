import os
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

from kiosk import create_app
from kiosk.auth.models import FailedLogin, User, utcnow
from kiosk.extensions import db
from tests.databases import fresh_database_url, is_sqlite
from tests.processes import ROOT, ServerProcess, ServerThread


def test_create_user_makes_a_working_login(app, runner, client):
    result = runner.invoke(
        args=["create-user", "director", "--role", "admin", "--password", "a good password"]
    )
    assert result.exit_code == 0, result.output
    response = client.post(
        "/admin/login", data={"username": "director", "password": "a good password"}
    )
    assert response.status_code == 302


def test_create_user_prompts_for_the_password(app, runner):
    result = runner.invoke(
        args=["create-user", "leen", "--role", "editor"], input="secret pass 1\nsecret pass 1\n"
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(username="leen")).role == "editor"


def test_create_user_refuses_an_unknown_role(runner):
    result = runner.invoke(args=["create-user", "x", "--role", "king", "--password", "0123456789"])
    assert result.exit_code != 0


def test_demo_on_an_empty_database_prints_the_admin_login(tmp_path, monkeypatch):
    from kiosk import create_app

    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database_url(tmp_path)})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    password = result.output.split("admin / ")[1].split()[0]
    client = app.test_client()
    app.config["WTF_CSRF_ENABLED"] = False
    assert (
        client.post("/admin/login", data={"username": "admin", "password": password}).status_code
        == 302
    )
    # A second run adds nothing and changes no password.
    assert "no demo added" in runner.invoke(args=["demo"]).output


def test_purge_deletes_old_failed_logins_only(app, runner):
    with app.app_context():
        db.session.add(
            FailedLogin(username="a", address="1.2.3.4", at=utcnow() - timedelta(days=2))
        )
        db.session.add(FailedLogin(username="b", address="1.2.3.4", at=utcnow()))
        db.session.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert [f.username for f in db.session.scalars(db.select(FailedLogin))] == ["b"]


def test_backup_while_the_server_writes_is_consistent(app, tmp_path):
    server = ServerThread(app)
    url = f"{server.url}/admin/login"
    writing = threading.Event()
    stop = threading.Event()

    def write_failed_logins():
        n = 0
        while not stop.is_set():
            data = urllib.parse.urlencode({"username": f"user{n}", "password": "x"}).encode()
            urllib.request.urlopen(url, data=data).read()
            writing.set()
            n += 1

    writer = threading.Thread(target=write_failed_logins)
    writer.start()
    writing.wait(10)
    out = tmp_path / "out.backup"
    env = dict(os.environ, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"])
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "backup", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    stop.set()
    writer.join()
    server.stop()
    assert result.returncode == 0, result.stderr
    if is_sqlite(app.config["SQLALCHEMY_DATABASE_URI"]):
        copy = sqlite3.connect(out)
        assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert copy.execute("select count(*) from user").fetchone()[0] == 1
        assert copy.execute("select count(*) from failed_login").fetchone()[0] > 0
    else:
        restored = fresh_database_url(tmp_path)
        plain = restored.replace("postgresql+psycopg", "postgresql")
        subprocess.run(["pg_restore", "--no-owner", "-d", plain, str(out)], check=True)
        engine = create_engine(restored)
        with engine.connect() as connection:
            assert connection.execute(text('select count(*) from "user"')).scalar() == 1
            assert connection.execute(text("select count(*) from failed_login")).scalar() > 0
        engine.dispose()


def test_flask_serve_goes_on_as_a_server_without_the_migration_tools(tmp_path):
    """`flask serve` prints its addresses, then becomes `python -m kiosk` in the same
    process: Alembic, which only the database commands need, stays out of its memory."""
    server = ServerProcess(tmp_path / "instance", fresh_database_url(tmp_path))
    server.flask("init-db")
    server.start()
    try:
        command = Path(f"/proc/{server.process.pid}/cmdline").read_bytes().split(b"\0")
        assert command[1:4] == [b"-m", b"kiosk", b"--threads=8"]  # what `ps` shows
        assert urllib.request.urlopen(f"{server.url}/kiosk/").status == 200
    finally:
        server.stop()
    server_alone = "import sys; from kiosk import create_app; create_app(with_migrations=False)"
    loaded = subprocess.run(
        [sys.executable, "-c", f"{server_alone}; print('alembic' in sys.modules)"],
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "False"


def test_backup_hands_pg_dump_the_password_in_its_environment_not_its_command_line(
    tmp_path, monkeypatch
):
    """A command line is there for anyone on the machine to read with `ps`."""
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    url = "postgresql+psycopg://school:s3cret-pw@db.example:5433/schoolpoort"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: calls.append((args, kw)))

    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "out.backup")])

    assert result.exit_code == 0, result.output
    [(args, kw)] = calls
    assert args[0] == "pg_dump"
    assert not any("s3cret-pw" in arg for arg in args)
    assert "postgresql://school@db.example:5433/schoolpoort" in args
    assert kw["env"]["PGPASSWORD"] == "s3cret-pw"
