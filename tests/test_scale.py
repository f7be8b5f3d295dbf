"""The morning rush, two processes, a crash and a restore, against real servers (issue 10).

Every test here talks HTTP to `flask serve` processes (tests/processes.py) with CSRF
on, as phones do: fetch the form for its CSRF token and form key, then post it. They
hold on SQLite and on PostgreSQL (TEST_POSTGRESQL_URL, see tests/databases.py).
"""

import http.client
import http.cookiejar
import json
import re
import shutil
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from kiosk import clock, create_app
from kiosk.auth.models import utcnow
from kiosk.cafe.models import Meeting, Signup
from kiosk.extensions import db
from kiosk.forms import FormKey
from kiosk.retention import claim_daily
from tests.databases import fresh_database_url, is_sqlite
from tests.processes import ServerProcess, all_at_once

# --- Phones and databases ---------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Phone:
    """One parent's phone: its own cookies, and the sign-up form as a server gave it."""

    def __init__(self, server):
        self.base_url = server.url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect
        )

    def _open(self, url, data=None):
        """(HTTP status, body, Location), the whole answer read: a cut-off page raises."""
        try:
            with self.opener.open(url, data=data, timeout=60) as answer:
                return answer.status, answer.read(), None
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.read(), error.headers.get("Location")

    def open_form(self, meeting_id):
        self.path = f"/m/cafe/{meeting_id}?lang=en"
        html = self._open(self.base_url + self.path)[1].decode()
        self.hidden = {
            name: re.search(rf'name="{name}"[^>]*value="([^"]+)"', html).group(1)
            for name in ("csrf_token", "form_key")
        }
        return self

    def send(self, name, server=None):
        """POST the form (to `server`, else where it came from): (HTTP status, status token)."""
        base_url = server.url if server else self.base_url
        body = urllib.parse.urlencode(dict(self.hidden, name=name, adults="1", children="0"))
        code, _, location = self._open(base_url + self.path, body.encode())
        return code, location.rsplit("/m/s/", 1)[-1] if location and "/m/s/" in location else None

    def get(self, path, server=None):
        """GET a page, all of it; its HTTP status."""
        return self._open((server.url if server else self.base_url) + path)[0]

    def status(self, token, server=None):
        base_url = server.url if server else self.base_url
        return json.loads(self._open(f"{base_url}/api/v1/status/{token}")[1])


class Database:
    """A fresh database with the schema, and an app in this process to fill and read it."""

    def __init__(self, folder: Path):
        self.instance = folder / "instance"
        self.url = fresh_database_url(folder)
        with pytest.MonkeyPatch.context() as patch:
            # The servers read the same instance folder: one secret key for all of them.
            patch.setenv("KIOSK_INSTANCE_PATH", str(self.instance))
            self.app = create_app({"SQLALCHEMY_DATABASE_URI": self.url})
        with self.app.app_context():
            db.create_all()

    def server(self):
        return ServerProcess(self.instance, self.url)

    def meeting(self, places_left, taken=0):
        """A meeting a month ahead with `taken` places gone; its id."""
        with self.app.app_context():
            starts_at = clock.now().replace(second=0, microsecond=0) + timedelta(days=30)
            meeting = Meeting(
                topic={"nl": "Drukte"},
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=1),
                place="Refter",
                capacity=places_left + taken,
                places_left=places_left,
                languages=["nl"],
            )
            db.session.add(meeting)
            db.session.commit()
            return meeting.id

    def signups(self, meeting_id=None, name_like="%"):
        """(name, status, token) of the sign-ups, by id."""
        with self.app.app_context():
            query = select(Signup.name, Signup.status, Signup.token).where(
                Signup.name.like(name_like)
            )
            if meeting_id is not None:
                query = query.where(Signup.meeting_id == meeting_id)
            rows = db.session.execute(query.order_by(Signup.id)).all()
            db.session.remove()
            return rows

    def close(self):
        with self.app.app_context():
            db.engine.dispose()


# What a phone sees when the server dies under it: a refused, reset or cut-off answer.
BROKEN = (OSError, http.client.HTTPException)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One database with one server process on it, shared by the rush tests."""
    database = Database(tmp_path_factory.mktemp("served"))
    server = database.server().start()
    yield database, server
    server.stop()
    database.close()


# --- The rush ---------------------------------------------------------------------------


def test_fifty_parents_race_for_the_last_four_places(served):
    database, server = served
    meeting_id = database.meeting(places_left=4, taken=16)
    phones = [Phone(server).open_form(meeting_id) for _ in range(50)]

    answers = all_at_once(
        [lambda p=phone, n=n: p.send(f"racer {n}") for n, phone in enumerate(phones)]
    )

    assert [code for code, _ in answers] == [302] * 50, answers
    statuses = [phone.status(token) for phone, (_, token) in zip(phones, answers, strict=True)]
    assert sum(s["status"] == "confirmed" for s in statuses) == 4
    waiting = sorted(s["position"] for s in statuses if s["status"] == "waiting")
    assert waiting == list(range(1, 47))
    rows = database.signups(meeting_id)
    assert len(rows) == 50 and len({token for _, _, token in rows}) == 50
    with database.app.app_context():
        assert db.session.get(Meeting, meeting_id).places_left == 0


RUSH = 200  # sign-ups
RUSH_SECONDS = 12  # the issue asks for 200 in 60 s: this rush comes five times as fast
RUSH_CLIENTS = 8


def test_two_hundred_sign_ups_in_a_rush_without_an_error(served):
    database, server = served
    meetings = [database.meeting(places_left=20) for _ in range(8)]
    latencies, failures = [], []
    began = time.perf_counter()

    def parent_after_parent(client):
        """Every RUSH_CLIENTS-th parent of a steady stream, each on a phone of their own."""
        for n in range(client, RUSH, RUSH_CLIENTS):
            time.sleep(max(0, began + n * RUSH_SECONDS / RUSH - time.perf_counter()))
            try:
                phone = Phone(server).open_form(meetings[n % len(meetings)])
                sent = time.perf_counter()
                code, token = phone.send(f"rush {n}")
                latencies.append(time.perf_counter() - sent)
                if code != 302 or phone.get(f"/m/s/{token}") != 200:
                    failures.append((n, code))
            except BROKEN as error:  # a refused or dropped connection is an error too
                failures.append((n, repr(error)))

    all_at_once([lambda c=c: parent_after_parent(c) for c in range(RUSH_CLIENTS)])
    elapsed = time.perf_counter() - began

    assert failures == []
    assert len(database.signups(name_like="rush %")) == RUSH
    assert elapsed < 60
    # How fast each POST answered is a figure, not a check: bench/throughput.py measures it
    # alone on the machine, where a neighbouring test cannot slow it down.
    p95 = sorted(latencies)[int(RUSH * 0.95) - 1]
    print(f"\n{RUSH} sign-ups in {elapsed:.1f} s, p95 of the sign-up POST {p95 * 1000:.0f} ms")


def test_one_form_sent_to_two_processes_makes_one_sign_up(served):
    database, first = served
    second = database.server().start()
    try:
        meeting_id = database.meeting(places_left=5)
        phone = Phone(first).open_form(meeting_id)

        answers = all_at_once(
            [lambda: phone.send("two doors", first), lambda: phone.send("two doors", second)]
        )

        assert [code for code, _ in answers] == [302, 302], answers
        assert answers[0][1] == answers[1][1]
        assert phone.get(f"/m/s/{answers[0][1]}", first) == 200
        assert phone.get(f"/m/s/{answers[0][1]}", second) == 200
        rows = database.signups(meeting_id)
        assert [(name, token) for name, _, token in rows] == [("two doors", answers[0][1])]
        with database.app.app_context():
            assert db.session.get(Meeting, meeting_id).places_left == 4
    finally:
        second.stop()


# --- Scheduled work ---------------------------------------------------------------------


def test_the_daily_run_is_claimed_by_one_of_two_processes_a_day(make_app):
    apps = [make_app(), make_app()]  # two processes' apps on one database
    morning = utcnow().replace(hour=3, minute=0, second=0, microsecond=0)

    def claim(app, now):
        with app.app_context():
            try:
                return claim_daily("purge", now)
            finally:
                db.session.remove()

    for day in range(3):
        now = morning + timedelta(days=day)
        first_tries = all_at_once([lambda a=a, now=now: claim(a, now) for a in apps * 2])
        assert sorted(first_tries) == [False, False, False, True], (day, first_tries)
        later = now + timedelta(hours=12)
        assert [claim(app, later) for app in apps] == [False, False]


# --- A crash in the middle of the rush --------------------------------------------------


def test_a_killed_server_loses_no_confirmed_sign_up_and_doubles_none(tmp_path):
    database = Database(tmp_path)
    meeting_id = database.meeting(places_left=1000)
    server = database.server().start()
    confirmed, unanswered, wrong = {}, {}, []  # name -> (phone, token); name -> phone
    killed = threading.Event()

    def parent_after_parent(client):
        n = 0
        while not killed.is_set():
            name, n = f"crash {client}-{n}", n + 1
            try:
                phone = Phone(server).open_form(meeting_id)
            except BROKEN:
                return  # the server is gone before this form was sent
            try:
                code, token = phone.send(name)
                page = phone.get(f"/m/s/{token}") if code == 302 else None
            except BROKEN:
                unanswered[name] = phone  # sent; whether it counted, the phone cannot know
                return
            if page == 200:
                confirmed[name] = (phone, token)
            else:
                wrong.append((name, code, page))

    threads = [threading.Thread(target=parent_after_parent, args=(c,)) for c in range(6)]
    for thread in threads:
        thread.start()
    deadline = time.time() + 30
    while len(confirmed) < 40 and time.time() < deadline:
        time.sleep(0.05)
    server.kill()
    killed.set()
    for thread in threads:
        thread.join(timeout=60)
    assert wrong == []
    assert len(confirmed) >= 40
    print(f"\nkilled after {len(confirmed)} confirmed, with {len(unanswered)} unanswered")

    restarted = database.server().start()
    try:
        for phone, token in confirmed.values():
            assert phone.get(f"/api/v1/status/{token}", restarted) == 200
        # The parents whose answer never came send the same form again, as phones do.
        for name, phone in unanswered.items():
            code, token = phone.send(name, restarted)
            assert code == 302 and phone.get(f"/m/s/{token}", restarted) == 200
    finally:
        restarted.stop()

    rows = database.signups(name_like="crash %")
    names = [name for name, _, _ in rows]
    assert len(names) == len(set(names)), "a sign-up is doubled"
    assert set(names) == set(confirmed) | set(unanswered)
    tokens = {name: token for name, _, token in rows}
    assert all(tokens[name] == token for name, (_, token) in confirmed.items())
    with database.app.app_context():
        keys = db.session.scalars(select(FormKey.token)).all()
        assert sorted(keys) == sorted(tokens.values())
    database.close()
    if is_sqlite(database.url):
        with sqlite3.connect(make_url(database.url).database) as connection:
            assert connection.execute("pragma integrity_check").fetchall() == [("ok",)]


# --- Backup while serving, and the restore the README describes ------------------------


def _restore(database, backup, folder):
    """README, section Backup: the database URL a new server starts on."""
    if is_sqlite(database.url):
        target = Path(make_url(database.url).database)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(backup, target)
        return database.url
    url = fresh_database_url(folder)
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", plain, str(backup)],
        check=True,
        capture_output=True,
    )
    return url


def test_a_backup_taken_while_serving_restores_the_sign_ups(tmp_path):
    database = Database(tmp_path)
    meeting_id = database.meeting(places_left=10)
    server = database.server().start()
    try:
        kept = [Phone(server).open_form(meeting_id) for _ in range(3)]
        kept_tokens = [phone.send(f"kept {n}")[1] for n, phone in enumerate(kept)]
        backup = tmp_path / "backup.dump"
        server.flask("backup", str(backup))
        late = Phone(server).open_form(meeting_id)
        late_token = late.send("after the backup")[1]
    finally:
        database.close()  # the server stops last, as systemd stops it: its WAL stays behind
        server.stop()

    restored = ServerProcess(database.instance, _restore(database, backup, tmp_path)).start()
    try:
        for phone, token in zip(kept, kept_tokens, strict=True):
            assert phone.status(token, restored) == {"kind": "cafe", "status": "confirmed"}
        assert late.get(f"/api/v1/status/{late_token}", restored) == 404
        page = urllib.request.urlopen(f"{restored.url}/m/cafe/{meeting_id}?lang=en").read()
        assert b'data-places-left="7"' in page
    finally:
        restored.stop()
    if is_sqlite(database.url):
        engine = create_engine(database.url)
        with engine.connect() as connection:
            assert connection.execute(text("pragma integrity_check")).scalar() == "ok"
            count = connection.execute(select(func.count()).select_from(Signup.__table__))
            assert count.scalar() == 3
        engine.dispose()
