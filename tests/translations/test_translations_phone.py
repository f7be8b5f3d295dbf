"""/t/<token>: a parent translates what the kiosk lacks; nothing shows before approval."""

from datetime import timedelta
from html import escape
from io import BytesIO

from flask_babel import force_locale, gettext

from kiosk.audit import AuditEntry
from kiosk.extensions import db
from kiosk.notices.models import Notice
from kiosk.translations.models import Proposal, TranslatorLink


def said(app, lang, msgid):
    with app.test_request_context(), force_locale(lang):
        return gettext(msgid)


def proposals(app):
    with app.app_context():
        return db.session.scalars(db.select(Proposal)).all()


def send(client, token, notice, text="Keen shukumaan iyo dhar.", key="k1", recording=None):
    data = {"form_key": key, "item": f"notice-{notice}", "text": text}
    if recording is not None:
        data["recording"] = (BytesIO(recording), "recording.webm")
    return client.post(f"/t/{token}", data=data, content_type="multipart/form-data")


def test_the_link_lists_the_missing_text_in_dutch_in_the_parents_language(
    app, client, notice, make_link
):
    page = client.get(f"/t/{make_link('so')}").get_data(as_text=True)
    assert '<html lang="so"' in page
    assert '<p class="dutch" lang="nl">Zwemmen: breng een handdoek.</p>' in page
    assert "<textarea" in page and 'name="recording"' in page
    assert said(app, "so", "Translate for the school") in page
    # French exists already: a French link has nothing to ask.
    assert "Zwemmen" not in client.get(f"/t/{make_link('fr')}").get_data(as_text=True)


def test_a_typed_translation_waits_for_approval_then_shows_on_the_kiosk(
    app, client, admin_client, notice, make_link
):
    token = make_link("so")
    assert send(client, token, notice).status_code == 302
    assert send(client, token, notice).status_code == 302  # sent twice: one proposal
    assert len(proposals(app)) == 1
    kiosk = client.get("/kiosk/notices?lang=so").get_data(as_text=True)
    assert "shukumaan" not in kiosk and 'lang="nl"' in kiosk
    assert "Zwemmen" not in client.get(f"/t/{token}").get_data(as_text=True)  # asked once

    admin = admin_client.get("/admin/translations/").get_data(as_text=True)
    assert "Keen shukumaan iyo dhar." in admin and "Asha" in admin
    proposal = proposals(app)[0]
    assert admin_client.post(f"/admin/translations/{proposal.id}/approve").status_code == 302

    kiosk = client.get("/kiosk/notices?lang=so").get_data(as_text=True)
    assert '<p class="notice-text" lang="so" dir="ltr">Keen shukumaan iyo dhar.</p>' in kiosk
    assert "Asha" not in kiosk
    with app.app_context():
        assert db.session.get(Notice, notice).texts["so"] == "Keen shukumaan iyo dhar."
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="translation.approve"))
        assert "Asha" in entry.detail and entry.actor == "bridge"


def test_a_rejected_translation_never_reaches_the_kiosk(
    app, client, admin_client, notice, make_link
):
    send(client, make_link("so"), notice)
    admin_client.post(f"/admin/translations/{proposals(app)[0].id}/reject")
    assert "shukumaan" not in client.get("/kiosk/notices?lang=so").get_data(as_text=True)
    assert proposals(app)[0].status == "rejected"


def test_a_recorded_translation_is_read_aloud_after_approval(
    app, client, admin_client, notice, make_link, recording
):
    assert send(client, make_link("so"), notice, recording=recording).status_code == 302
    proposal = proposals(app)[0]
    assert proposal.recording
    listen = admin_client.get(f"/admin/translations/{proposal.id}/recording")
    assert listen.status_code == 200 and listen.mimetype.startswith("audio/")
    assert "data-audio" not in client.get("/kiosk/notices?lang=so").get_data(as_text=True)

    admin_client.post(f"/admin/translations/{proposal.id}/approve")
    kiosk = client.get("/kiosk/notices?lang=so").get_data(as_text=True)
    assert 'lang="so" aria-label' in kiosk and 'data-audio="/speech/so/recorded/' in kiosk
    audio_url = kiosk.split('data-audio="')[1].split('"')[0]
    played = client.get(audio_url)
    assert played.status_code == 200 and played.mimetype.startswith("audio/")


def test_what_is_not_audio_is_refused_in_the_parents_language(app, client, notice, make_link):
    answer = send(client, make_link("so"), notice, recording=b"<html>hello</html>")
    assert answer.status_code == 400
    assert escape(said(app, "so", "This is not a recording. Please record again.")) in (
        answer.get_data(as_text=True)
    )
    assert proposals(app) == []


def test_a_recording_too_large_is_refused(app, client, notice, make_link):
    answer = send(client, make_link("ar"), notice, recording=b"OggS" + bytes(1_100_000))
    assert answer.status_code == 400
    message = said(app, "ar", "The recording is too large. Please record again, shorter.")
    assert escape(message) in answer.get_data(as_text=True)
    assert proposals(app) == []


def test_an_expired_or_revoked_link_shows_a_clear_page_and_stores_nothing(
    app, client, admin_client, notice, make_link
):
    expired, revoked = make_link("so"), make_link("ti")
    with app.app_context():
        link = db.session.scalar(db.select(TranslatorLink).filter_by(token=expired))
        link.expires_at -= timedelta(days=15)
        db.session.commit()
        revoked_id = db.session.scalar(db.select(TranslatorLink.id).filter_by(token=revoked))
    admin_client.post(f"/admin/translations/links/{revoked_id}/revoke")
    for token in (expired, revoked):
        answer = send(client, token, notice)
        assert answer.status_code == 410
        assert "Zwemmen" not in answer.get_data(as_text=True)
    assert proposals(app) == []
    assert client.get("/t/no-such-token").status_code == 404


def test_markup_is_stored_as_typed_and_shown_escaped(app, client, admin_client, notice, make_link):
    send(client, make_link("so"), notice, text="<b>Keen</b> & shukumaan")
    assert proposals(app)[0].text == "<b>Keen</b> & shukumaan"
    admin = admin_client.get("/admin/translations/").get_data(as_text=True)
    assert "&lt;b&gt;Keen&lt;/b&gt; &amp; shukumaan" in admin and "<b>Keen" not in admin
    admin_client.post(f"/admin/translations/{proposals(app)[0].id}/approve")
    kiosk = client.get("/kiosk/notices?lang=so").get_data(as_text=True)
    assert "&lt;b&gt;Keen&lt;/b&gt; &amp; shukumaan" in kiosk


def test_an_empty_translation_is_refused_in_the_parents_language(app, client, notice, make_link):
    answer = send(client, make_link("uk"), notice, text="  ")
    assert answer.status_code == 400
    assert escape(said(app, "uk", "Please write your translation.")) in answer.get_data(
        as_text=True
    )
