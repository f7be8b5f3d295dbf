"""/admin/translations: coverage per language, links for parents, the dashboard."""

from kiosk.extensions import db
from kiosk.help.models import HelpOffer
from kiosk.translations.models import TranslatorLink


def test_the_page_counts_each_language_and_how(app, admin_client, notice):
    page = admin_client.get("/admin/translations/").get_data(as_text=True)
    assert page.count("<tr data-lang=") == 15
    french = page.split('<tr data-lang="fr">')[1].split("</tr>")[0]
    somali = page.split('<tr data-lang="so">')[1].split("</tr>")[0]
    # Columns: phrase, staff, parent, missing, waiting.
    assert french.count("<td>") == 5 and "<td>1</td><td>0</td><td>0</td>" in french
    assert "<td>0</td><td>0</td><td>0</td><td>1</td><td>0</td>" in somali


def test_a_link_has_128_bits_at_least_and_can_be_revoked(app, admin_client):
    answer = admin_client.post(
        "/admin/translations/links", data={"lang": "so", "first_name": "Asha"}
    )
    assert answer.status_code == 302
    with app.app_context():
        link = db.session.scalar(db.select(TranslatorLink))
        assert len(link.token) >= 43 and link.lang == "so"
        assert (link.expires_at - link.made_at).days == 14
    page = admin_client.get("/admin/translations/").get_data(as_text=True)
    assert f"/t/{link.token}" in page
    admin_client.post(f"/admin/translations/links/{link.id}/revoke")
    assert f"/t/{link.token}" not in admin_client.get("/admin/translations/").get_data(as_text=True)


def test_a_link_needs_a_first_name(admin_client):
    answer = admin_client.post("/admin/translations/links", data={"lang": "so", "first_name": ""})
    assert answer.status_code == 400


def test_parents_who_offered_a_language_are_listed_beside_the_form(app, admin_client):
    with app.app_context():
        db.session.add(
            HelpOffer(
                token="t1",
                first_name="Olena",
                contact="0470 11 22 33",
                languages=["uk", "ru"],
                activities=[],
                lang="uk",
            )
        )
        db.session.commit()
    page = admin_client.get("/admin/translations/").get_data(as_text=True)
    assert "Olena" in page and 'name="lang" value="uk"' in page and 'value="ru"' in page


def test_an_editor_may_translate(app, client, auth, editor):
    auth.login(*editor)
    assert client.get("/admin/translations/").status_code == 200


def test_strangers_see_no_translations(client):
    assert client.get("/admin/translations/").status_code == 302


def test_the_dashboard_shows_the_weeks_coverage_per_language(admin_client, notice):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert "<strong>1/1</strong> <span>Mededelingen deze week in Français</span>" in page
    assert "<strong>0/1</strong> <span>Mededelingen deze week in Soomaali</span>" in page


def test_the_notices_editor_lists_the_languages_an_item_lacks(admin_client, notice):
    page = admin_client.get("/admin/notices").get_data(as_text=True)
    lacking = page.split('data-missing="')[1].split('"')[0].split()
    assert "so" in lacking and "fr" not in lacking and "nl" not in lacking
