"""Class photos in the browser: the bridge figure uploads, a school screen shows, others do not."""

import io
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageDraw
from playwright.sync_api import expect

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.photos.models import Photo

TRUSTED = "127.0.0.0/8"


def phone_photo(path):
    """A 4000x3000 JPEG as a phone makes it: GPS position and camera make in its EXIF."""
    image = Image.new("RGB", (4000, 3000), (90, 160, 220))
    ImageDraw.Draw(image).ellipse((1200, 700, 2800, 2300), fill=(250, 200, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 3.0, 7.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (3.0, 43.0, 10.0)
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def bad_files(folder):
    bomb = folder / "bomb.png"  # 81 million pixels in a few kB
    Image.new("1", (9000, 9000)).save(bomb, "PNG")
    text = folder / "notes.jpg"
    text.write_text("Shopping list: bread, milk, apples.\n" * 30)
    truncated = folder / "half.jpg"
    whole = io.BytesIO()
    Image.new("RGB", (1600, 1200), (200, 60, 60)).save(whole, "JPEG")
    truncated.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    return [bomb, text, truncated]


def rows_and_files(server, label=None):
    with server.app.app_context():
        query = db.select(db.func.count(Photo.id))
        if label:
            query = query.where(Photo.class_label == label)
        rows = db.session.scalar(query)
    folder = Path(server.app.instance_path) / "photos"
    return rows, sorted(p.name for p in folder.iterdir())


def test_upload_keeps_the_good_photo_without_exif_and_refuses_each_bad_file(
    live_server, new_page, staff_login, tmp_path, screenshot, assert_accessible
):
    label = f"Klas {uuid.uuid4().hex[:6]}"
    good = phone_photo(tmp_path / "garden.jpg")
    bad = bad_files(tmp_path)
    page = new_page()
    staff_login(page, live_server.url)
    page.goto(f"{live_server.url}/admin/photos?lang=en")
    assert_accessible(page)
    rows_before, files_before = rows_and_files(live_server)

    # Without the consent confirmation nothing is added.
    page.set_input_files("input[name=photos]", [good])
    page.fill("input[name=class_name]", label)
    page.fill("input[name=caption_nl]", "In de tuin")
    page.click("form button.primary")
    expect(page.locator("text=Please confirm that every child shown may be shown")).to_be_visible()
    assert page.input_value("input[name=class_name]") == label
    assert rows_and_files(live_server) == (rows_before, files_before)

    # With it, four files at once: one good, three bad.
    page.set_input_files("input[name=photos]", [good, *bad])
    page.check("input[name=consent]")
    page.click("form button.primary")
    page.wait_for_selector(".flash-success")
    assert page.locator(".flash-success").inner_text() == "1 photo added."
    errors = page.locator(".flash-error").all_inner_texts()
    assert len(errors) == 3
    assert any(e.startswith("bomb.png: This photo has too many pixels") for e in errors)
    assert any(e.startswith("notes.jpg: This file is not a photo") for e in errors)
    assert any(e.startswith("half.jpg: This photo is damaged or incomplete") for e in errors)
    screenshot(page, "admin-photos-after-upload")

    rows, files = rows_and_files(live_server)
    assert rows == rows_before + 1
    new_files = sorted(set(files) - set(files_before))
    with live_server.app.app_context():
        photo = db.session.scalar(db.select(Photo).filter_by(class_label=label))
    assert new_files == sorted([f"{photo.key}-thumb.jpg", f"{photo.key}.jpg"])
    assert set(files_before) <= set(files)

    # A logged-in staff member's browser is a school screen: the kiosk shows it.
    page.goto(f"{live_server.url}/kiosk/photos?class={label}")
    image = page.locator(".slide:not([hidden]) img")
    page.wait_for_function(
        "() => { const i = document.querySelector('.slide:not([hidden]) img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    assert image.get_attribute("alt") == "In de tuin"
    assert image.evaluate("i => i.naturalWidth") == 1920
    body = page.request.get(live_server.url + image.get_attribute("src")).body()
    served = Image.open(io.BytesIO(body))
    assert served.size == (1920, 1440)
    assert not served.getexif() and "exif" not in served.info
    assert b"Exif" not in body and b"PhoneCam" not in body
    screenshot(page, "kiosk-photos-uploaded", full_page=False)

    # Hidden: out of the snapshot, and its URL answers 404.
    url = image.get_attribute("src")
    page.goto(f"{live_server.url}/admin/photos?lang=en")
    page.locator(f"#photo-{photo.id} button", has_text="Hide").click()
    page.wait_for_selector(f"#photo-{photo.id}.is-hidden")
    snapshot = page.request.get(f"{live_server.url}/api/v1/kiosk").json()
    assert url not in [item["url"] for item in snapshot["photos"]]
    assert page.request.get(live_server.url + url).status == 404

    # Shown again, then expired: gone again.
    page.locator(f"#photo-{photo.id} button", has_text="Show").click()
    page.wait_for_selector(f"#photo-{photo.id}:not(.is-hidden)")
    assert page.request.get(live_server.url + url).status == 200
    with live_server.app.app_context():
        expired = db.session.get(Photo, photo.id)
        expired.uploaded_at = utcnow() - timedelta(days=61)
        db.session.commit()
    snapshot = page.request.get(f"{live_server.url}/api/v1/kiosk").json()
    assert url not in [item["url"] for item in snapshot["photos"]]
    assert page.request.get(live_server.url + url).status == 404

    # Deleted through the admin: row and files gone.
    page.goto(f"{live_server.url}/admin/photos?lang=en")
    page.locator(f"#photo-{photo.id} summary", has_text="Delete").click()
    page.locator(f"#photo-{photo.id} button", has_text="Delete this photo for good").click()
    page.wait_for_selector(".flash-success")
    assert rows_and_files(live_server, label)[0] == 0
    assert not set(new_files) & set(rows_and_files(live_server)[1])


@pytest.fixture
def school_and_outsider(make_live_server):
    """Servers on one database: a school screen by its network, the same screen
    going idle within seconds, and anyone else."""
    school = make_live_server(KIOSK_TRUSTED_NETWORKS=TRUSTED)
    database = school.app.config["SQLALCHEMY_DATABASE_URI"]
    impatient = make_live_server(
        database_url=database, setup=False, KIOSK_TRUSTED_NETWORKS=TRUSTED, KIOSK_IDLE_SECONDS=3
    )
    outsider = make_live_server(database_url=database, setup=False, KIOSK_TRUSTED_NETWORKS="")
    return school, impatient, outsider


def test_school_screens_show_the_slideshow_others_get_the_card(
    school_and_outsider, new_page, screenshot, assert_accessible
):
    school, impatient, outsider = school_and_outsider
    page = new_page(has_touch=True)
    page.goto(f"{school.url}/kiosk/photos")
    slides = page.locator(".slide")
    count = slides.count()
    assert count >= 8
    assert page.locator(".slide:not([hidden])").count() == 1
    first = page.locator(".slide:not([hidden])").get_attribute("data-photo")
    page.click(".slide-next")
    assert page.locator(".slide:not([hidden])").get_attribute("data-photo") != first
    assert page.locator(".slide-count").inner_text() == f"2 / {count}"
    small = page.eval_on_selector_all(
        "a, button",
        """els => els.filter(e => e.offsetParent !== null)
                  .filter(e => { const r = e.getBoundingClientRect();
                                 return r.width < 64 || r.height < 64; })
                  .map(e => e.outerHTML.slice(0, 80))""",
    )
    assert small == []
    assert page.evaluate("document.documentElement.scrollHeight") <= 1080
    assert_accessible(page)
    screenshot(page, "kiosk-photos-1920x1080", full_page=False)

    page.goto(f"{school.url}/kiosk/photos?lang=ar")
    assert page.locator(".slide:not([hidden]) figcaption").get_attribute("lang") == "ar"
    assert_accessible(page)
    screenshot(page, "kiosk-photos-ar", full_page=False)

    snapshot = page.request.get(f"{school.url}/api/v1/kiosk").json()
    urls = [item["url"] for item in snapshot["photos"]]
    assert urls and all(url.startswith("/kiosk/photos/") for url in urls)

    for width, height in ((1080, 1920), (1280, 800)):
        other_size = new_page({"width": width, "height": height})
        other_size.goto(f"{school.url}/kiosk/photos")
        box = other_size.locator(".slide:not([hidden]) img").bounding_box()
        assert box["width"] <= width and box["y"] + box["height"] <= height
        assert other_size.evaluate("document.documentElement.scrollHeight") <= height
        screenshot(other_size, f"kiosk-photos-{width}x{height}", full_page=False)

    # Left alone, the kiosk goes home and shows the same photos as its idle slideshow.
    page.goto(f"{impatient.url}/kiosk/")
    page.wait_for_selector("#slideshow:not([hidden]) img", timeout=10_000)
    assert page.get_attribute("#slideshow img", "src") in urls

    # Anyone else: the card, no photo in the snapshot, 404 on the files.
    other = new_page()
    other.goto(f"{outsider.url}/kiosk/photos")
    assert other.locator("[data-school-screens-only]").is_visible()
    assert other.locator(".slide").count() == 0
    assert other.request.get(f"{outsider.url}/api/v1/kiosk").json()["photos"] == []
    assert other.request.get(outsider.url + urls[0]).status == 404
    assert_accessible(other)
    screenshot(other, "kiosk-photos-not-a-school-screen", full_page=False)
    other.goto(f"{outsider.url}/kiosk/photos?lang=ar")
    assert_accessible(other)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_admin_photo_pages_are_accessible(
    live_server, new_page, staff_login, assert_accessible, lang
):
    page = new_page()
    staff_login(page, live_server.url)
    page.goto(f"{live_server.url}/admin/photos?lang={lang}")
    assert_accessible(page)
    page.locator(".photo-grid a[href*='/admin/photos/']").first.click()
    page.wait_for_url("**/admin/photos/*")
    assert page.locator("input[name=caption_nl]").count() == 1
    assert_accessible(page)
