"""Pairing a screen in /admin/kiosks, the one-time link, rename, revoke and the audit log."""

import re
from datetime import timedelta

from kiosk.audit import AuditEntry
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import queries, rules
from kiosk.screens.identity import COOKIE
from kiosk.screens.models import FailedPairing, Kiosk, PairingCode

LINK = re.compile(r"http://localhost/kiosk/pair/([A-Za-z0-9_-]+)")


def pair_a_screen(admin_client, name):
    """What the admin does: name a screen, get its one-time link."""
    response = admin_client.post("/admin/kiosks?lang=en", data={"name": name})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    return LINK.search(page).group(1), page


def audit_actions(app):
    with app.app_context():
        return [(e.action, e.target) for e in db.session.scalars(db.select(AuditEntry))]


def kiosk_named(app, name):
    with app.app_context():
        kiosk = queries.find_by_name(name)
        db.session.expunge(kiosk)
        return kiosk


def test_pairing_a_screen_gives_a_one_time_link_and_its_qr_code(app, admin_client):
    code, page = pair_a_screen(admin_client, "hall")
    assert len(code) >= 43  # 256 random bits, url-safe base64
    assert '<svg role="img" aria-label="Pairing link for hall"' in page
    with app.app_context():
        stored = db.session.scalar(db.select(PairingCode))
        # Only the hash is kept: the database pairs nothing on its own.
        assert stored.code_hash == rules.digest(code) and code not in stored.code_hash
        assert stored.expires_at - stored.created_at == timedelta(hours=24)
    assert ("kiosk.link", "hall") in audit_actions(app)


def test_the_link_page_is_shown_in_english_with_its_warning(admin_client):
    page = admin_client.post("/admin/kiosks?lang=en", data={"name": "hall"}).get_data(as_text=True)
    assert "Pair the screen hall" in page
    assert "Do not open it on this computer" in page


def test_opening_the_link_pairs_the_screen_with_a_signed_httponly_cookie(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    screen = app.test_client()
    response = screen.get(f"/kiosk/pair/{code}", environ_base={"REMOTE_ADDR": "10.0.0.7"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/kiosk/"
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert "Max-Age=34560000" in cookie  # 400 days, the most Chromium keeps
    kiosk = kiosk_named(app, "hall")
    assert kiosk.paired_at is not None and kiosk.last_address == "10.0.0.7"
    assert ("kiosk.pair", "hall") in audit_actions(app)


def test_a_link_opened_twice_pairs_once(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    app.test_client().get(f"/kiosk/pair/{code}")
    intruder = app.test_client()
    response = intruder.get(f"/kiosk/pair/{code}?lang=en")
    assert response.status_code == 410
    page = response.get_data(as_text=True)
    assert 'data-refused="used"' in page and "This pairing link has been used" in page
    assert 'class="home-button"' in page and 'class="picto"' in page
    assert intruder.get_cookie(COOKIE) is None
    assert ("kiosk.pair_failed", "hall") in audit_actions(app)


def test_the_screen_that_used_the_link_may_open_it_again(app, admin_client):
    # A kiosk that auto-starts with its pairing link must land home, not on a refusal,
    # even after purge has forgotten the code.
    code, _ = pair_a_screen(admin_client, "hall")
    screen = app.test_client()
    screen.get(f"/kiosk/pair/{code}")
    response = screen.get(f"/kiosk/pair/{code}")
    assert response.status_code == 302 and response.headers["Location"] == "/kiosk/"
    with app.app_context():
        db.session.execute(db.delete(PairingCode))
        db.session.commit()
    response = screen.get(f"/kiosk/pair/{code}")
    assert response.status_code == 302 and response.headers["Location"] == "/kiosk/"
    assert [a for a in audit_actions(app) if a[0] == "kiosk.pair_failed"] == []


def test_an_expired_link_pairs_nothing(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    with app.app_context():
        a_moment_ago = utcnow() - timedelta(seconds=1)
        db.session.execute(db.update(PairingCode).values(expires_at=a_moment_ago))
        db.session.commit()
    screen = app.test_client()
    response = screen.get(f"/kiosk/pair/{code}?lang=en")
    assert response.status_code == 410
    assert "This pairing link has expired" in response.get_data(as_text=True)
    assert screen.get_cookie(COOKIE) is None
    assert kiosk_named(app, "hall").paired_at is None


def test_an_unknown_code_is_refused_and_audited(app, client):
    response = client.get("/kiosk/pair/" + "A" * 43, environ_base={"REMOTE_ADDR": "198.51.100.4"})
    assert response.status_code == 404
    assert 'data-refused="unknown"' in response.get_data(as_text=True)
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="kiosk.pair_failed"))
        assert "unknown" in entry.detail and "198.51.100.4" in entry.detail


def test_guessing_codes_is_limited_per_address_but_never_stops_the_right_code(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    guesser = app.test_client()
    here = {"REMOTE_ADDR": "198.51.100.4"}
    statuses = [
        guesser.get(f"/kiosk/pair/guess{n}", environ_base=here).status_code for n in range(12)
    ]
    assert statuses == [404] * 10 + [429] * 2
    response = guesser.get("/kiosk/pair/one-more-guess?lang=en", environ_base=here)
    assert "Too many wrong pairing links" in response.get_data(as_text=True)
    # Behind a tunnel the real screen shares the guesser's address: its code still pairs.
    screen = app.test_client()
    assert screen.get(f"/kiosk/pair/{code}", environ_base=here).status_code == 302
    assert screen.get_cookie(COOKIE) is not None
    failed = [a for a in audit_actions(app) if a[0] == "kiosk.pair_failed"]
    assert len(failed) == 10


def test_the_limit_counts_only_the_last_15_minutes(app, client):
    with app.app_context():
        for _ in range(10):
            queries.note_failure("198.51.100.4", utcnow() - timedelta(minutes=16))
        db.session.commit()
        assert not queries.is_locked_out("198.51.100.4", utcnow())
    response = client.get("/kiosk/pair/x", environ_base={"REMOTE_ADDR": "198.51.100.4"})
    assert response.status_code == 404


def test_a_name_is_required_unique_and_kept_on_error(app, admin_client):
    pair_a_screen(admin_client, "hall")
    page = admin_client.post("/admin/kiosks?lang=en", data={"name": "Hall"}).get_data(as_text=True)
    assert "A screen with that name exists already." in page and 'value="Hall"' in page
    page = admin_client.post("/admin/kiosks?lang=en", data={"name": "<b>"}).get_data(as_text=True)
    assert "Use letters, digits, spaces and . - _ only." in page and 'value="&lt;b&gt;"' in page
    page = admin_client.post("/admin/kiosks?lang=en", data={"name": " "}).get_data(as_text=True)
    assert 'aria-invalid="true"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Kiosk.id))) == 1


def test_rename_keeps_the_pairing_and_is_audited(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    app.test_client().get(f"/kiosk/pair/{code}")
    kiosk = kiosk_named(app, "hall")
    response = admin_client.post(
        f"/admin/kiosks/{kiosk.id}/rename", data={f"kiosk{kiosk.id}-name": "main hall"}
    )
    assert response.status_code == 302
    renamed = kiosk_named(app, "main hall")
    assert renamed.id == kiosk.id and renamed.is_paired
    assert ("kiosk.rename", "main hall") in audit_actions(app)


def test_rename_to_a_taken_name_is_refused_on_its_own_row(app, admin_client):
    pair_a_screen(admin_client, "hall")
    pair_a_screen(admin_client, "gate")
    hall = kiosk_named(app, "hall")
    page = admin_client.post(
        f"/admin/kiosks/{hall.id}/rename?lang=en", data={f"kiosk{hall.id}-name": "gate"}
    ).get_data(as_text=True)
    assert "A screen with that name exists already." in page
    assert f'id="kiosk{hall.id}-name"' in page and 'value="gate"' in page
    assert kiosk_named(app, "hall").id == hall.id


def test_revoke_is_audited_and_a_new_link_pairs_again(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    app.test_client().get(f"/kiosk/pair/{code}")
    kiosk = kiosk_named(app, "hall")
    admin_client.post(f"/admin/kiosks/{kiosk.id}/revoke")
    assert not kiosk_named(app, "hall").is_paired
    assert ("kiosk.revoke", "hall") in audit_actions(app)
    page = admin_client.get("/admin/kiosks?lang=en").get_data(as_text=True)
    assert 'data-state="revoked"' in page and "Revoked on" in page
    page = admin_client.post(f"/admin/kiosks/{kiosk.id}/link").get_data(as_text=True)
    new_code = LINK.search(page).group(1)
    assert app.test_client().get(f"/kiosk/pair/{new_code}").status_code == 302
    assert kiosk_named(app, "hall").is_paired


def test_revoking_closes_a_link_not_yet_opened(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    kiosk = kiosk_named(app, "hall")
    admin_client.post(f"/admin/kiosks/{kiosk.id}/revoke")
    assert app.test_client().get(f"/kiosk/pair/{code}").status_code == 410


def test_a_new_link_closes_the_earlier_one(app, admin_client):
    first, _ = pair_a_screen(admin_client, "hall")
    kiosk = kiosk_named(app, "hall")
    admin_client.post(f"/admin/kiosks/{kiosk.id}/link")
    assert app.test_client().get(f"/kiosk/pair/{first}").status_code == 410


def test_a_paired_kiosk_gets_no_second_link_until_revoked(app, admin_client):
    code, _ = pair_a_screen(admin_client, "hall")
    app.test_client().get(f"/kiosk/pair/{code}")
    kiosk = kiosk_named(app, "hall")
    response = admin_client.post(f"/admin/kiosks/{kiosk.id}/link")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(PairingCode.id))) == 1


def test_an_unpaired_kiosk_can_be_removed(app, admin_client):
    pair_a_screen(admin_client, "hall")
    kiosk = kiosk_named(app, "hall")
    assert admin_client.post(f"/admin/kiosks/{kiosk.id}/delete").status_code == 302
    assert 'data-kiosk="hall"' not in admin_client.get("/admin/kiosks").get_data(as_text=True)
    assert ("kiosk.delete", "hall") in audit_actions(app)


def test_the_kiosks_are_for_admins_not_editors(app, client, auth, editor):
    with app.app_context():
        kiosk = Kiosk(name="gate")
        db.session.add(kiosk)
        db.session.commit()
        kiosk_id = kiosk.id
    auth.login(*editor)
    assert client.get("/admin/kiosks").status_code == 403
    assert "/admin/kiosks" not in client.get("/admin/").get_data(as_text=True)
    assert client.post("/admin/kiosks", data={"name": "x"}).status_code == 403
    assert client.post(f"/admin/kiosks/{kiosk_id}/revoke").status_code == 403


def test_the_kiosks_page_needs_a_login(client):
    assert "/admin/login" in client.get("/admin/kiosks").headers["Location"]


def test_purge_forgets_old_failures_and_closed_codes(app, runner):
    with app.app_context():
        kiosk = Kiosk(name="gate")
        db.session.add(kiosk)
        rules.issue_code(kiosk, now=utcnow() - timedelta(days=40))
        rules.issue_code(kiosk, utcnow())
        queries.note_failure("1.2.3.4", utcnow() - timedelta(days=2))
        queries.note_failure("1.2.3.5", utcnow())
        db.session.commit()
    assert runner.invoke(args=["purge"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(PairingCode.id))) == 1
        assert [f.address for f in db.session.scalars(db.select(FailedPairing))] == ["1.2.3.5"]
