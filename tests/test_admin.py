from kiosk.audit import AuditEntry
from kiosk.auth.models import User
from kiosk.extensions import db


def test_dashboard_greets_the_bridge_figure_in_dutch(admin_client):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert 'lang="nl"' in page
    assert "Overzicht" in page


def test_an_admin_adds_an_editor_and_the_audit_log_says_so(app, admin_client):
    response = admin_client.post(
        "/admin/users", data={"username": "leen", "role": "editor", "password": "a long password"}
    )
    assert response.status_code == 302
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(username="leen"))
        assert user.role == "editor" and user.check_password("a long password")
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="user.create"))
        assert entry.actor == "bridge" and entry.target == "leen"
    audit_page = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "user.create" in audit_page and "leen" in audit_page


def test_a_short_password_is_refused_and_the_name_kept(admin_client):
    response = admin_client.post(
        "/admin/users", data={"username": "leen", "role": "editor", "password": "short"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Minstens 12 tekens" in page
    assert 'value="leen"' in page


def test_an_editor_cannot_manage_users(app, client, auth, editor):
    auth.login(*editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/users").status_code == 403
    assert "/admin/users" not in client.get("/admin/").get_data(as_text=True)


def test_names_are_escaped_in_the_audit_log(app, admin_client):
    with app.app_context():
        db.session.add(AuditEntry(actor="x", action="test", target="<script>alert(1)</script>"))
        db.session.commit()
    page = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_common_and_guessable_passwords_are_refused(admin_client):
    for weak in ("aaaaaaaaaaaa", "adminadminadmin", "password1234", "leenleenleen1"):
        response = admin_client.post(
            "/admin/users", data={"username": "leen", "role": "editor", "password": weak}
        )
        assert response.status_code == 200, weak
        assert "te makkelijk te raden" in response.get_data(as_text=True), weak


def test_an_editor_sees_the_content_but_not_the_audit_log(app, client, auth, editor):
    auth.login(*editor)
    assert client.get("/admin/audit").status_code == 403
    assert "/admin/audit" not in client.get("/admin/").get_data(as_text=True)
