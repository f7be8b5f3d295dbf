import os
import shutil

import pytest

from kiosk import ROOT, i18n


@pytest.mark.parametrize(
    ("lang", "direction", "home_word"),
    [("nl", "ltr", "Berichten"), ("fr", "ltr", "Annonces"), ("ar", "rtl", "إعلانات")],
)
def test_kiosk_home_speaks_the_chosen_language(client, lang, direction, home_word):
    page = client.get(f"/kiosk/?lang={lang}").get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert home_word in page


def test_kiosk_ignores_the_browsers_language(client):
    page = client.get("/kiosk/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="nl"' in page


def test_kiosk_links_keep_the_language(client):
    page = client.get("/kiosk/?lang=ar").get_data(as_text=True)
    assert 'href="/kiosk/notices?lang=ar"' in page


def test_languages_are_named_in_their_own_script(client):
    page = client.get("/kiosk/").get_data(as_text=True)
    for name in ("Nederlands", "Français", "العربية"):
        assert name in page


def test_phone_pages_follow_accept_language_then_remember_the_choice(client):
    page = client.get("/m/unknown", headers={"Accept-Language": "fr-BE,fr;q=0.9"})
    assert '<html lang="fr"' in page.get_data(as_text=True)
    client.get("/m/unknown?lang=ar")
    page = client.get("/m/unknown", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page


def test_unknown_pages_answer_404_in_the_chosen_language(client):
    response = client.get("/m/nothing-here?lang=fr")
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True)


def test_kiosk_404_keeps_the_home_button(client):
    response = client.get("/kiosk/nothing-here?lang=ar")
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert 'class="home-button" href="/kiosk/?lang=ar"' in page


def test_kiosk_pages_and_polls_leave_no_language_cookie(client):
    """A kiosk in Arabic polls every few seconds; it must not be handed a cookie each time."""
    for path in ("/kiosk/?lang=ar", "/api/v1/kiosk?lang=ar"):
        cookies = client.get(path).headers.getlist("Set-Cookie")
        assert not [cookie for cookie in cookies if cookie.startswith("lang=")], path
    assert "lang=ar" in client.get("/m/interpreter?lang=ar").headers["Set-Cookie"]


def test_a_server_without_compiled_catalogues_compiles_them(make_app, tmp_path):
    """A checkout whose .mo is missing, or older than its .po, still speaks French."""
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    (translations / "fr" / "LC_MESSAGES" / "messages.mo").unlink(missing_ok=True)
    arabic = translations / "ar" / "LC_MESSAGES" / "messages.mo"
    os.utime(arabic, (0, 0))

    client = make_app(BABEL_TRANSLATION_DIRECTORIES=str(translations)).test_client()

    assert "Annonces" in client.get("/kiosk/?lang=fr").get_data(as_text=True)
    assert arabic.stat().st_mtime > 0
    assert "إعلانات" in client.get("/kiosk/?lang=ar").get_data(as_text=True)


def test_a_server_that_cannot_compile_its_catalogues_refuses_to_start(
    make_app, tmp_path, monkeypatch
):
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    (translations / "fr" / "LC_MESSAGES" / "messages.mo").unlink(missing_ok=True)

    def read_only_disk(*args):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(i18n, "write_mo", read_only_disk)
    with pytest.raises(RuntimeError, match="pybabel compile"):
        make_app(BABEL_TRANSLATION_DIRECTORIES=str(translations))
