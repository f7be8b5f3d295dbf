"""What I can bring on the phone: a parent offers languages and help, sees it, withdraws it."""

import re
from datetime import timedelta

from kiosk import retention
from kiosk.auth.models import utcnow
from kiosk.spoken_languages import LANGUAGES
from tests.status_helpers import assert_keepable


def test_the_form_says_plainly_it_is_not_for_formal_talks(client):
    page = client.get("/m/help?lang=en").get_data(as_text=True)
    assert "Not for formal talks" in page
    assert "the school books a professional interpreter" in page
    assert 'lang="pl" dir="auto">Polski</label>' in page
    assert 'value="nl"' not in page  # one translates from Dutch, not into it
    for activity in ("cafe", "trips", "reading", "cooking", "repairs", "other"):
        assert f'value="{activity}"' in page


def test_an_offer_leads_to_its_status_page_and_can_be_withdrawn(app, client, offer, offers):
    response = client.post("/m/help?lang=en", data=offer())
    assert response.status_code == 302
    token = response.headers["Location"].rsplit("/", 1)[1]
    [made] = offers()
    assert (made.languages, made.activities, made.other) == (
        ["pl", "uk"],
        ["reading", "other"],
        "Naaien",
    )
    assert made.lang == "en" and made.token == token
    page = client.get(f"/m/s/{token}?lang=en").get_data(as_text=True)
    assert "Polski" in page and "Українська" in page and "Naaien" in page
    assert "0470 11 22 33" in page and "Withdraw my offer" in page
    assert_keepable(app, page, token, "en", calendar=False)
    assert client.get(f"/api/v1/status/{token}").json == {"kind": "help", "status": "received"}
    client.post(f"/m/help/{token}/withdraw")
    assert client.get(f"/api/v1/status/{token}").json == {"kind": "help", "status": "cancelled"}
    page = client.get(f"/m/s/{token}?lang=en").get_data(as_text=True)
    assert "You withdrew this offer." in page and "Withdraw my offer" not in page


def test_an_offer_without_a_way_to_reach_is_refused_and_nothing_typed_is_lost(
    app, client, offer, offers
):
    for contact in ("", "tomorrow"):
        response = client.post("/m/help?lang=en", data=offer(contact=contact))
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Give a phone number or an e-mail address" in page
        assert 'value="Kasia"' in page and 'value="Naaien"' in page
        assert re.search(r'<input checked id="languages-\d+"[^>]* value="pl">', page)
    assert offers() == []
    client.post("/m/help", data=offer(contact="kasia@example.org"))
    assert len(offers()) == 1


def test_an_offer_of_nothing_is_refused(app, client, offer, offers):
    page = client.post("/m/help?lang=en", data=offer(languages=[], activities=[])).get_data(
        as_text=True
    )
    assert "Choose at least one language or one thing you can help with." in page
    page = client.post("/m/help?lang=en", data=offer(other="")).get_data(as_text=True)
    assert "Tell us briefly what else you can help with." in page
    assert offers() == []


def test_an_unknown_language_is_refused(app, client, offer, offers):
    response = client.post("/m/help", data=offer(languages=["klingon"]))
    assert response.status_code == 200
    assert offers() == []


def test_sending_the_same_form_twice_makes_one_offer(app, client, offer, offers):
    first = client.post("/m/help", data=offer(key="twice"))
    second = client.post("/m/help", data=offer(key="twice"))
    assert first.headers["Location"] == second.headers["Location"]
    assert len(offers()) == 1


def test_an_unknown_token_is_a_404(client):
    assert client.get("/m/s/not-a-token").status_code == 404
    assert client.post("/m/help/not-a-token/withdraw").status_code == 404


def test_purge_follows_the_personal_data_days(app, client, offer, offers):
    client.post("/m/help", data=offer(key="kept"))
    token = client.post("/m/help", data=offer(key="gone")).headers["Location"].rsplit("/", 1)[1]
    client.post(f"/m/help/{token}/withdraw")
    days = app.config["KIOSK_PERSONAL_DAYS"]
    with app.app_context():
        assert retention.purge(utcnow() + timedelta(days=days - 1), app.config)["help offers"] == 0
        assert retention.purge(utcnow() + timedelta(days=days + 1), app.config)["help offers"] == 1
    assert [o.first_name for o in offers()] == ["Kasia"]
    with app.app_context():
        # A standing offer lasts a school year, then goes with the personal-data days.
        assert (
            retention.purge(utcnow() + timedelta(days=365 + days + 1), app.config)["help offers"]
            == 1
        )


def test_the_spoken_languages_are_many_and_named_by_their_own_names():
    codes = [code for code, _ in LANGUAGES]
    assert len(LANGUAGES) >= 40 and len(set(codes)) == len(codes)
    names = dict(LANGUAGES)
    assert names["ar"] == "العربية" and names["pl"] == "Polski" and names["ti"] == "ትግርኛ"


def test_two_offers_sent_without_a_form_key_are_both_kept_and_both_lead_to_their_page(
    app, client, offer, offers
):
    """A page from before form keys (or a browser that drops the hidden field) sends an
    empty key: each send is its own offer, and neither parent lands on a 404."""
    for name in ("Kasia", "Olena"):
        response = client.post("/m/help?lang=en", data=offer(form_key="", first_name=name))
        assert response.status_code == 302
        status_page = client.get(response.headers["Location"])
        assert status_page.status_code == 200
        assert name in status_page.get_data(as_text=True)
    assert sorted(made.first_name for made in offers()) == ["Kasia", "Olena"]
