"""The bridge figure's queue: handle, arrange, decline, export; and what the parent then sees."""

import csv
import io
from datetime import datetime, timedelta

import pytest

from kiosk.audit import AuditEntry
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.interpreter.models import InterpreterRequest


def _add(app, **fields):
    values = {
        "token": f"token-{fields.get('class_name', 'x')}-{fields.get('language', 'ar')}",
        "language": "ar",
        "purpose": "teacher",
        "preferred_times": "Monday morning",
        "reach_by": "phone",
        "phone": "0470123456",
        "class_name": "3B",
        "page_lang": "ar",
    }
    values.update(fields)
    with app.app_context():
        asked = InterpreterRequest(**values)
        db.session.add(asked)
        db.session.commit()
        return asked.id, asked.token


def _get(app, request_id):
    with app.app_context():
        return db.session.get(InterpreterRequest, request_id)


ARRANGE = {
    "status": "arranged",
    "staff_notes": "Booked with the interpreting agency, ref 123",
    "meeting_date": "2026-03-12",
    "meeting_time": "15:30",
    "meeting_mode": "on_site",
    "place_nl": "Klas 3B",
    "place_parent": "الصف 3ب",
    "decline_reason": "",
}


@pytest.mark.parametrize(
    "path", ["/admin/interpreter", "/admin/interpreter/1", "/admin/interpreter/export.csv"]
)
def test_anonymous_visitors_cannot_see_requests(app, client, path):
    _add(app)
    response = client.get(path)
    assert response.status_code == 302
    assert "/admin/login" in response.headers["Location"]
    assert client.post("/admin/interpreter/1", data=ARRANGE).status_code == 302
    assert _get(app, 1).status == "received"


def test_the_queue_groups_by_status_and_filters_by_language(app, admin_client):
    _add(app, class_name="A1", language="ar")
    _add(app, class_name="T1", language="tr", status="in_progress")
    _add(app, class_name="S1", language="so", status="declined", decline_reason="not_reached")
    page = admin_client.get("/admin/interpreter?lang=en").get_data(as_text=True)
    assert page.index('data-status-group="received"') < page.index('data-language="ar"')
    assert page.index('data-status-group="in_progress"') < page.index('data-language="tr"')
    assert page.index('data-status-group="declined"') < page.index('data-language="so"')
    assert "Arabic" in page and "العربية" in page
    only_turkish = admin_client.get("/admin/interpreter?language=tr").get_data(as_text=True)
    assert 'data-language="tr"' in only_turkish and 'data-language="ar"' not in only_turkish
    new_only = admin_client.get("/admin/interpreter?status=received").get_data(as_text=True)
    assert 'data-language="ar"' in new_only and 'data-language="tr"' not in new_only
    assert 'data-status-group="declined"' not in new_only


def test_the_dashboard_counts_new_requests(app, admin_client):
    _add(app, class_name="A1")
    _add(app, class_name="A2")
    _add(app, class_name="A3", status="in_progress")
    page = admin_client.get("/admin/?lang=en").get_data(as_text=True)
    assert "<strong>2</strong> <span>New interpreter requests</span>" in page
    assert "<strong>1</strong> <span>Interpreter requests in progress</span>" in page
    assert "/admin/interpreter" in page


def test_arranging_shows_the_parent_the_arrangement_but_never_the_notes(app, admin_client):
    request_id, token = _add(app)
    response = admin_client.post(f"/admin/interpreter/{request_id}", data=ARRANGE)
    assert response.status_code == 302
    saved = _get(app, request_id)
    assert saved.status == "arranged" and saved.closed_at is not None
    assert saved.place == {"nl": "Klas 3B", "ar": "الصف 3ب"}
    parent = admin_client.application.test_client()
    page = parent.get(f"/m/s/{token}?lang=ar").get_data(as_text=True)
    assert 'data-status="arranged"' in page
    assert 'data-date="2026-03-12"' in page and 'data-time="15:30"' in page
    assert 'data-mode="on_site"' in page
    assert "الصف 3ب" in page and "Klas 3B" not in page
    assert "ref 123" not in page
    assert parent.get(f"/api/v1/status/{token}").json["status"] == "arranged"
    dutch = parent.get(f"/m/s/{token}?lang=fr").get_data(as_text=True)
    assert "Klas 3B" in dutch, "a parent reading French sees the Dutch place"
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="interpreter.update"))
        assert entry.actor == "bridge" and "arranged" in entry.detail


def test_the_arranged_date_reads_in_the_parents_language(app, admin_client):
    from babel.dates import format_date

    request_id, token = _add(app)
    admin_client.post(f"/admin/interpreter/{request_id}", data=ARRANGE)
    page = admin_client.get(f"/m/s/{token}?lang=ar").get_data(as_text=True)
    assert format_date(datetime(2026, 3, 12).date(), format="full", locale="ar") in page


def test_arranged_without_a_date_is_refused_and_the_typing_kept(app, admin_client):
    request_id, _token = _add(app)
    response = admin_client.post(
        f"/admin/interpreter/{request_id}?lang=en",
        data={**ARRANGE, "meeting_date": "", "staff_notes": "keep me"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "An arranged talk needs a date." in page and "keep me" in page
    assert _get(app, request_id).status == "received"


def test_declining_tells_the_parent_why(app, admin_client):
    request_id, token = _add(app, page_lang="en")
    response = admin_client.post(
        f"/admin/interpreter/{request_id}",
        data={
            "status": "declined",
            "decline_reason": "other",
            "decline_note_nl": "Geen tolk beschikbaar die week.",
            "decline_note_parent": "No interpreter is free that week.",
        },
    )
    assert response.status_code == 302
    page = admin_client.get(f"/m/s/{token}?lang=en").get_data(as_text=True)
    assert 'data-status="declined"' in page
    assert "Another reason (see the note)." in page
    assert "No interpreter is free that week." in page


def test_reopening_hides_the_old_arrangement_and_stops_the_purge_clock(app, admin_client):
    request_id, token = _add(app)
    admin_client.post(f"/admin/interpreter/{request_id}", data=ARRANGE)
    admin_client.post(f"/admin/interpreter/{request_id}", data={**ARRANGE, "status": "in_progress"})
    saved = _get(app, request_id)
    assert saved.status == "in_progress" and saved.closed_at is None
    assert saved.meeting_date is None and saved.place == {}
    page = admin_client.get(f"/m/s/{token}").get_data(as_text=True)
    assert 'data-status="in_progress"' in page and "data-date" not in page


def test_parents_text_is_escaped_in_the_admin(app, admin_client):
    evil = "<script>alert(1)</script>"
    request_id, _token = _add(app, preferred_times=evil, class_name="<img src=x>")
    for path in ("/admin/interpreter", f"/admin/interpreter/{request_id}"):
        page = admin_client.get(path).get_data(as_text=True)
        assert evil not in page and "&lt;script&gt;" in page
        assert "<img src=x>" not in page


def test_csv_export_neutralises_formulas_and_keeps_every_script(app, admin_client):
    _add(app, preferred_times='=HYPERLINK("http://evil")', class_name="@3B", language="ti")
    _add(app, class_name="T1", language="tr", preferred_times="Pazartesi & <Salı>")
    response = admin_client.get("/admin/interpreter/export.csv?lang=en")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header, *body = rows
    assert header[:4] == ["Number", "Received", "Status", "Language"]
    tigrinya = next(row for row in body if "(ti)" in row[3])
    assert '\'=HYPERLINK("http://evil")' in tigrinya
    assert "'@3B" in tigrinya
    assert not any(cell[:1] in "=+-@" for row in body for cell in row if cell)
    turkish = next(row for row in body if "(tr)" in row[3])
    assert "Pazartesi & <Salı>" in turkish, "as the parent typed it, not HTML-escaped"
    only_turkish = admin_client.get("/admin/interpreter/export.csv?language=tr")
    assert len(list(csv.reader(io.StringIO(only_turkish.get_data(as_text=True))))) == 2


def test_purge_deletes_closed_requests_30_days_after_closing(app, runner):
    now = utcnow()
    _add(app, token="old-declined", status="declined", closed_at=now - timedelta(days=31))
    _add(app, token="fresh-declined", status="declined", closed_at=now - timedelta(days=2))
    _add(app, token="old-open", created_at=now - timedelta(days=90))
    _add(
        app,
        token="talk-ahead",
        status="arranged",
        closed_at=now - timedelta(days=40),
        meeting_date=(now + timedelta(days=5)).date(),
    )
    _add(
        app,
        token="talk-past",
        status="arranged",
        closed_at=now - timedelta(days=70),
        meeting_date=(now - timedelta(days=35)).date(),
    )
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "interpreter requests: 2 deleted" in result.output
    with app.app_context():
        left = set(db.session.scalars(db.select(InterpreterRequest.token)))
    assert left == {"fresh-declined", "old-open", "talk-ahead"}
    client = app.test_client()
    assert client.get("/m/s/old-declined").status_code == 404
    assert client.get("/api/v1/status/talk-past").status_code == 404


def test_the_admin_menu_has_the_queue(admin_client):
    page = admin_client.get("/admin/?lang=en").get_data(as_text=True)
    assert 'href="/admin/interpreter"' in page
