"""Class photos as the bridge figure uploads them and the kiosk shows them."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from kiosk import retention
from kiosk.audit import AuditEntry
from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.photos.models import Photo

TRUSTED = {"KIOSK_TRUSTED_NETWORKS": "127.0.0.1/32"}


def jpeg(size=(4000, 3000), colour=(40, 120, 200), gps=True) -> bytes:
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCam"
    if gps:
        info = exif.get_ifd(ExifTags.IFD.GPSInfo)
        info[ExifTags.GPS.GPSLatitudeRef] = "N"
        info[ExifTags.GPS.GPSLatitude] = (51.0, 3.0, 7.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def bomb() -> bytes:
    """A small PNG that would unpack to 81 million pixels."""
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, "PNG")
    return out.getvalue()


def files_in(app, folder="photos"):
    path = Path(app.instance_path) / folder
    return sorted(p.name for p in path.iterdir()) if path.exists() else []


def upload(client, *files, consent=True, class_name="3B", lang="en", **captions):
    data = {
        "photos": [(io.BytesIO(body), name) for name, body in files],
        "class_name": class_name,
        **{f"caption_{code}": text for code, text in captions.items()},
    }
    if consent:
        data["consent"] = "y"
    return client.post(f"/admin/photos?lang={lang}", data=data, content_type="multipart/form-data")


def photos(app):
    with app.app_context():
        return db.session.scalars(db.select(Photo).order_by(Photo.id)).all()


@pytest.fixture
def app(make_app):
    return make_app(**TRUSTED)


@pytest.fixture
def kiosk(app):
    """A kiosk on the school's trusted network: a client that never logs in."""
    return app.test_client()


def test_a_photo_without_the_consent_confirmation_is_not_uploaded(app, admin_client):
    response = upload(admin_client, ("class.jpg", jpeg()), consent=False, nl="Onze klas")
    assert response.status_code == 200
    assert b"Please confirm that every child shown may be shown" in response.data
    assert b'value="Onze klas"' in response.data  # what was typed stays
    assert photos(app) == []
    assert files_in(app) == []


def test_good_photos_go_through_and_each_bad_file_says_why(app, admin_client):
    good = jpeg()
    truncated = jpeg((800, 600), gps=False)[:3000]
    response = upload(
        admin_client,
        ("garden.jpg", good),
        ("bomb.png", bomb()),
        ("notes.jpg", b"This is a text file, not a photo.\n" * 20),
        ("half.jpg", truncated),
        nl="In de tuin",
        ar="في الحديقة",
    )
    assert response.status_code == 302
    page = admin_client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "1 photo added." in page
    assert "bomb.png: This photo has too many pixels" in page
    assert "notes.jpg: This file is not a photo" in page
    assert "half.jpg: This photo is damaged or incomplete" in page

    (photo,) = photos(app)
    assert (photo.width, photo.height) == (1920, 1440)
    assert photo.class_label == "3B" and photo.class_id is None
    assert photo.captions == {"nl": "In de tuin", "ar": "في الحديقة"}
    assert photo.consent_by == "bridge" and photo.consent_at is not None
    assert files_in(app) == sorted([f"{photo.key}.jpg", f"{photo.key}-thumb.jpg"])
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="photos.upload"))
    assert "1 added, 3 refused" in entry.detail


def test_when_every_file_is_refused_the_form_keeps_what_was_typed(app, admin_client):
    response = upload(admin_client, ("notes.jpg", b"hello"), nl="Sportdag", class_name="5A")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "notes.jpg" in page and "This file is not a photo" in page
    assert 'value="Sportdag"' in page and 'value="5A"' in page
    assert photos(app) == [] and files_in(app) == []


def test_an_upload_needs_a_class_and_a_file(app, admin_client):
    response = admin_client.post(
        "/admin/photos?lang=en", data={"consent": "y"}, content_type="multipart/form-data"
    )
    assert b"Which class are these photos of?" in response.data
    assert b"Choose one or more photos." in response.data
    assert photos(app) == []


def test_the_kiosk_screen_file_has_no_metadata_and_fits_the_screen(app, admin_client, kiosk):
    upload(admin_client, ("gps.jpg", jpeg()))
    (item,) = kiosk.get("/api/v1/kiosk").json["photos"]
    assert item["url"].startswith("/kiosk/photos/")
    response = kiosk.get(item["url"])
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert b"Exif" not in response.data and b"PhoneCam" not in response.data
    image = Image.open(io.BytesIO(response.data))
    assert image.size == (1920, 1440)
    assert not image.getexif() and "exif" not in image.info
    thumbnail = Image.open(io.BytesIO(kiosk.get(item["thumbnail_url"]).data))
    assert max(thumbnail.size) == 400


def test_photo_files_carry_cache_headers_but_stay_private(app, admin_client, kiosk):
    upload(admin_client, ("a.jpg", jpeg((1200, 900))))
    url = kiosk.get("/api/v1/kiosk").json["photos"][0]["url"]
    response = kiosk.get(url)
    assert response.cache_control.max_age >= 3600
    assert response.cache_control.private and not response.cache_control.public
    assert kiosk.get(url, headers={"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_only_school_screens_get_photos(make_app, tmp_path):
    trusted = make_app(**TRUSTED)
    client = trusted.test_client()
    client.post("/admin/login", data={"username": "bridge", "password": "correct horse battery"})
    upload(client, ("a.jpg", jpeg((1200, 900))))
    url = trusted.test_client().get("/api/v1/kiosk").json["photos"][0]["url"]

    outsider = make_app(KIOSK_TRUSTED_NETWORKS="").test_client()  # same database
    assert outsider.get("/api/v1/kiosk").json["photos"] == []
    assert outsider.get(url).status_code == 404
    page = outsider.get("/kiosk/photos").get_data(as_text=True)
    assert "data-school-screens-only" in page
    assert "/kiosk/photos/screen/" not in page


def test_a_hidden_photo_leaves_the_snapshot_and_its_url_answers_404(app, admin_client, kiosk):
    upload(admin_client, ("a.jpg", jpeg((1200, 900))))
    (photo,) = photos(app)
    url = kiosk.get("/api/v1/kiosk").json["photos"][0]["url"]
    admin_client.post(f"/admin/photos/{photo.id}/visible", data={"visible": "0"})
    assert kiosk.get("/api/v1/kiosk").json["photos"] == []
    assert kiosk.get(url).status_code == 404
    assert "/kiosk/photos/screen/" not in kiosk.get("/kiosk/photos").get_data(as_text=True)
    # Staff still see it to manage it, and can show it again.
    assert admin_client.get(f"/admin/photos/{photo.id}/thumb.jpg").status_code == 200
    admin_client.post(f"/admin/photos/{photo.id}/visible", data={"visible": "1"})
    assert kiosk.get(url).status_code == 200
    with app.app_context():
        actions = db.session.scalars(db.select(AuditEntry.action)).all()
    assert "photos.hide" in actions and "photos.show" in actions


def test_an_expired_photo_leaves_the_snapshot_and_its_url_answers_404(app, admin_client, kiosk):
    upload(admin_client, ("a.jpg", jpeg((1200, 900))))
    url = kiosk.get("/api/v1/kiosk").json["photos"][0]["url"]
    with app.app_context():
        photo = db.session.scalar(db.select(Photo))
        photo.uploaded_at = utcnow() - timedelta(days=app.config["KIOSK_PHOTO_DAYS"], minutes=1)
        db.session.commit()
    assert kiosk.get("/api/v1/kiosk").json["photos"] == []
    assert kiosk.get(url).status_code == 404


def test_photo_days_follow_the_setting(make_app):
    app = make_app(KIOSK_PHOTO_DAYS=3, **TRUSTED)
    client = app.test_client()
    client.post("/admin/login", data={"username": "bridge", "password": "correct horse battery"})
    upload(client, ("a.jpg", jpeg((1200, 900))))
    with app.app_context():
        db.session.scalar(db.select(Photo)).uploaded_at = utcnow() - timedelta(days=2)
        db.session.commit()
    assert len(client.get("/api/v1/kiosk").json["photos"]) == 1
    with app.app_context():
        db.session.scalar(db.select(Photo)).uploaded_at = utcnow() - timedelta(days=3, seconds=1)
        db.session.commit()
    assert client.get("/api/v1/kiosk").json["photos"] == []


def test_purge_deletes_expired_photos_rows_and_files(app, admin_client):
    upload(admin_client, ("old.jpg", jpeg((1200, 900))), class_name="old")
    upload(admin_client, ("new.jpg", jpeg((1200, 900))), class_name="new")
    with app.app_context():
        old = db.session.scalar(db.select(Photo).filter_by(class_label="old"))
        old.uploaded_at = utcnow() - timedelta(days=61)
        db.session.commit()
        deleted = retention.purge(utcnow(), app.config)
    assert deleted["photos"] == 1
    (kept,) = photos(app)
    assert kept.class_label == "new"
    assert files_in(app) == sorted([f"{kept.key}.jpg", f"{kept.key}-thumb.jpg"])


def test_purge_from_the_command_line(app, admin_client, runner):
    upload(admin_client, ("old.jpg", jpeg((1200, 900))))
    with app.app_context():
        db.session.scalar(db.select(Photo)).uploaded_at = utcnow() - timedelta(days=90)
        db.session.commit()
    result = runner.invoke(args=["purge"])
    assert "photos: 1 deleted" in result.output
    assert photos(app) == [] and files_in(app) == []


def test_delete_removes_the_row_and_the_files(app, admin_client, kiosk):
    upload(admin_client, ("a.jpg", jpeg((1200, 900))))
    (photo,) = photos(app)
    response = admin_client.post(f"/admin/photos/{photo.id}/delete")
    assert response.status_code == 302
    assert photos(app) == [] and files_in(app) == []
    assert kiosk.get(f"/kiosk/photos/screen/{photo.key}.jpg").status_code == 404


def test_captions_come_in_the_kiosks_language_else_dutch(app, admin_client, kiosk):
    upload(admin_client, ("a.jpg", jpeg((1200, 900))), nl="Op uitstap", ar="في رحلة")
    assert kiosk.get("/api/v1/kiosk?lang=ar").json["photos"][0]["caption"] == "في رحلة"
    french = kiosk.get("/api/v1/kiosk?lang=fr").json["photos"][0]
    assert (french["caption"], french["caption_lang"]) == ("Op uitstap", "nl")
    page = kiosk.get("/kiosk/photos?lang=ar").get_data(as_text=True)
    assert 'alt="في رحلة"' in page


def test_the_bridge_figure_edits_captions_and_class(app, admin_client, kiosk):
    upload(admin_client, ("a.jpg", jpeg((1200, 900))), nl="Eerst")
    (photo,) = photos(app)
    form = admin_client.get(f"/admin/photos/{photo.id}").get_data(as_text=True)
    assert 'value="Eerst"' in form
    admin_client.post(
        f"/admin/photos/{photo.id}", data={"class_name": " 4A ", "caption_nl": "Daarna"}
    )
    item = kiosk.get("/api/v1/kiosk").json["photos"][0]
    assert (item["caption"], item["class"]) == ("Daarna", "4A")


def test_the_kiosk_filters_photos_by_class(app, admin_client, kiosk):
    upload(admin_client, ("a.jpg", jpeg((1200, 900), (200, 0, 0))), class_name="1A")
    upload(admin_client, ("b.jpg", jpeg((1200, 900), (0, 200, 0))), class_name="2B")
    items = kiosk.get("/api/v1/kiosk").json["photos"]
    by_class = {item["class"]: item["url"] for item in items}
    page = kiosk.get("/kiosk/photos?class=2B").get_data(as_text=True)
    assert by_class["2B"] in page and by_class["1A"] not in page
    everything = kiosk.get("/kiosk/photos").get_data(as_text=True)
    assert by_class["2B"] in everything and by_class["1A"] in everything
    assert 'data-class="1A"' in everything and 'data-class="2B"' in everything


def test_admin_photos_needs_a_login(client):
    assert client.get("/admin/photos").status_code == 302
    assert client.post("/admin/photos/1/delete").status_code == 302


def test_a_file_name_with_html_is_shown_as_text(app, admin_client):
    upload(admin_client, ("a.jpg", jpeg((600, 400))), ("<img src=x onerror=alert(1)>.jpg", b"no"))
    page = admin_client.get("/admin/photos?lang=en").get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(1)&gt;.jpg: This file is not a photo" in page
    assert "<img src=x" not in page


def test_a_huge_file_is_refused_without_being_stored(app, admin_client):
    from kiosk.photos.processing import MAX_UPLOAD_BYTES

    huge = jpeg((600, 400)) + b"\0" * MAX_UPLOAD_BYTES
    response = upload(admin_client, ("huge.jpg", huge))
    assert b"This file is too large" in response.data
    assert photos(app) == [] and files_in(app) == []
