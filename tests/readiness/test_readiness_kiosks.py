"""Kiosks report how they are with their poll; /admin/kiosks flags what needs a fix."""

from datetime import UTC, timedelta

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.screens import queries, rules
from kiosk.screens.models import Kiosk


def paired_screen(app, name):
    with app.app_context():
        kiosk = Kiosk(name=name)
        db.session.add(kiosk)
        code = rules.issue_code(kiosk, utcnow())
        db.session.commit()
    screen = app.test_client()
    screen.get(f"/kiosk/pair/{code}")
    return screen


def report(app, client, **params):
    with app.app_context():
        db.session.execute(db.update(Kiosk).values(last_seen_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    query = "&".join(f"{key}={value}" for key, value in params.items())
    assert client.get(f"/api/v1/kiosk?kiosk=gate&{query}").status_code == 200


def ms(moment):
    """A naive UTC datetime as JavaScript's Date.now() gives it."""
    return int(moment.replace(tzinfo=UTC).timestamp() * 1000)


def row(admin_client, name):
    page = admin_client.get("/admin/kiosks?lang=en").get_data(as_text=True)
    start = page.index(f'<tr data-kiosk="{name}"')
    return page[start : page.index("</tr>", start)]


def test_a_kiosks_report_is_stored_with_its_heartbeat(app):
    screen = paired_screen(app, "hall")
    now = utcnow()
    report(
        app,
        screen,
        offline="active",
        screen="1080x1920",
        clock=ms(now),
        loaded=ms(now - timedelta(hours=2)),
    )
    with app.app_context():
        kiosk = queries.find_by_name("hall")
        assert (kiosk.offline_copy, kiosk.screen, kiosk.forwarded_hops) == (
            "active",
            "1080x1920",
            0,
        )
        assert abs(kiosk.clock_off_seconds) < 5
        assert abs(kiosk.loaded_at - (now - timedelta(hours=2))) < timedelta(seconds=5)


def test_nonsense_in_the_report_is_ignored_and_the_poll_still_answers(app):
    screen = paired_screen(app, "hall")
    report(app, screen, offline="<b>", screen="huge", clock="-1", loaded="soon")
    with app.app_context():
        kiosk = queries.find_by_name("hall")
        assert (kiosk.offline_copy, kiosk.screen, kiosk.clock_off_seconds) == (None, None, None)


def test_admin_kiosks_flags_a_kiosk_that_cannot_work_offline_with_the_fix(app, admin_client):
    report(app, paired_screen(app, "gate"), offline="insecure", screen="1920x1080")
    shown = row(admin_client, "gate")
    assert "1920x1080, landscape" in shown
    assert "Cannot work offline: the page is not on a secure origin." in shown
    assert "--unsafely-treat-insecure-origin-as-secure=http://SERVER:8080" in shown


def test_admin_kiosks_flags_a_wrong_clock_and_a_page_not_reloaded_for_30_days(app, admin_client):
    now = utcnow()
    report(
        app,
        paired_screen(app, "gate"),
        offline="active",
        screen="1080x1920",
        clock=ms(now + timedelta(minutes=5)),
        loaded=ms(now - timedelta(days=40)),
    )
    shown = row(admin_client, "gate")
    assert "1080x1920, portrait" in shown and "Works offline" in shown
    assert "Its clock is off by 5 minutes." in shown
    assert "Not reloaded for 40 days." in shown


def test_a_kiosk_that_reported_nothing_yet_shows_no_problem(app, admin_client):
    paired_screen(app, "gate")
    assert 'class="problem"' not in row(admin_client, "gate")
