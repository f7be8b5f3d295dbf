"""Tests for kiosk.photos.processing (upload validation, rotation, stripping)."""

from __future__ import annotations

import io
import struct
import tempfile
import zlib

import pytest
from flask import Flask
from flask_babel import Babel
from PIL import ExifTags, Image, ImageDraw

from kiosk.photos import processing
from kiosk.photos.processing import (
    MAX_PIXELS,
    MAX_UPLOAD_BYTES,
    PhotoRejected,
    ProcessedPhoto,
    process_photo,
)


@pytest.fixture
def babel_ctx():
    """A tiny app with Flask-Babel, so lazy strings can be rendered."""
    app = Flask(__name__)
    Babel(app)
    with app.app_context():
        yield app


# ---------------------------------------------------------------- helpers


def _two_colour_image(size: tuple[int, int]) -> Image.Image:
    """Left half red, right half blue: shows how the picture was rotated."""
    img = Image.new("RGB", size, (0, 0, 255))
    ImageDraw.Draw(img).rectangle((0, 0, size[0] // 2, size[1]), fill=(255, 0, 0))
    return img


def _jpeg_with_metadata(size=(4000, 3000), orientation=6) -> bytes:
    img = _two_colour_image(size)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "TestCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 2.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (3.0, 43.0, 10.0)
    out = io.BytesIO()
    img.save(
        out,
        "JPEG",
        quality=85,
        exif=exif.tobytes(),
        comment=b"secret comment",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret</x:xmpmeta>',
    )
    return out.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def _png_header_only(width: int, height: int) -> bytes:
    """A 1-bit greyscale PNG claiming a huge size with a tiny, bogus IDAT.

    Costs a few bytes to build; if anything tried to decode it, it would fail
    as damaged rather than as a pixel bomb, so the test also proves the pixel
    check happens before decoding.
    """
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )


def _encode(img: Image.Image, fmt: str, **kwargs) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **kwargs)
    return out.getvalue()


def _rejected(data: bytes) -> PhotoRejected:
    with pytest.raises(PhotoRejected) as info:
        process_photo(data)
    return info.value


# ---------------------------------------------------------------- happy path


def test_big_rotated_jpeg_is_resized_rotated_and_stripped():
    result = process_photo(_jpeg_with_metadata())
    assert isinstance(result, ProcessedPhoto)

    screen = Image.open(io.BytesIO(result.screen))
    assert screen.format == "JPEG"
    assert max(screen.size) <= 1920
    assert screen.size == (result.width, result.height)
    # Orientation 6: stored landscape, shown portrait.
    assert result.height > result.width
    assert screen.size == (1440, 1920)
    # Rotated 90 degrees clockwise: the stored left half (red) is now on top.
    top = screen.getpixel((screen.width // 2, 10))
    bottom = screen.getpixel((screen.width // 2, screen.height - 10))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60

    for data in (result.screen, result.thumbnail):
        img = Image.open(io.BytesIO(data))
        assert len(img.getexif()) == 0
        for key in ("exif", "comment", "xmp", "XML:com.adobe.xmp", "icc_profile"):
            assert key not in img.info
        assert b"secret" not in data
        assert b"Exif" not in data
        assert b"TestCam" not in data
        assert img.info.get("progressive") or img.info.get("progression")

    thumb = Image.open(io.BytesIO(result.thumbnail))
    assert thumb.format == "JPEG"
    assert max(thumb.size) == 400
    assert thumb.size == (300, 400)


def test_small_image_is_not_upscaled():
    result = process_photo(_encode(_two_colour_image((320, 200)), "JPEG"))
    assert (result.width, result.height) == (320, 200)
    assert Image.open(io.BytesIO(result.thumbnail)).size == (320, 200)


def test_png_transparency_is_flattened_on_white():
    img = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    ImageDraw.Draw(img).rectangle((0, 0, 99, 99), fill=(255, 0, 0, 255))
    result = process_photo(_encode(img, "PNG"))
    screen = Image.open(io.BytesIO(result.screen))
    assert screen.mode == "RGB"
    assert all(c > 245 for c in screen.getpixel((500, 300)))
    r, g, b = screen.getpixel((50, 50))
    assert r > 200 and g < 60 and b < 60


def test_webp_and_palette_png_are_accepted():
    webp = process_photo(_encode(_two_colour_image((800, 600)), "WEBP"))
    assert (webp.width, webp.height) == (800, 600)
    pal = _two_colour_image((500, 500)).convert("P")
    png = process_photo(_encode(pal, "PNG"))
    assert Image.open(io.BytesIO(png.screen)).mode == "RGB"


def test_multi_picture_jpeg_from_a_phone_is_accepted():
    # Pillow reports JPEGs with multi-picture data as "MPO".
    img = _two_colour_image((2400, 1600))
    data = _encode(img, "MPO", save_all=True, append_images=[img.resize((240, 160))])
    assert Image.open(io.BytesIO(data)).format == "MPO"
    result = process_photo(data)
    assert (result.width, result.height) == (1920, 1280)


def test_grayscale_16bit_png_keeps_its_tones():
    img = Image.new("I;16", (100, 100), 32768)
    result = process_photo(_encode(img, "PNG"))
    value = Image.open(io.BytesIO(result.screen)).getpixel((50, 50))
    assert 120 <= value[0] <= 136


def test_no_temp_file_is_left(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("TMPDIR", str(scratch))
    process_photo(_jpeg_with_metadata(size=(2000, 1500)))
    process_photo(_encode(_two_colour_image((300, 300)), "PNG"))
    with pytest.raises(PhotoRejected):
        process_photo(b"not an image")
    assert list(scratch.iterdir()) == []


# ---------------------------------------------------------------- refusals


def test_decompression_bomb_is_refused(babel_ctx):
    # 900 MP: Pillow's own DecompressionBombError path.
    exc = _rejected(_png_header_only(30_000, 30_000))
    assert exc.code == "too_many_pixels"
    assert "too many pixels" in str(exc.message)


def test_over_our_pixel_limit_is_refused_before_decoding(babel_ctx):
    # 56 MP: under Pillow's global limit, over ours; the bogus IDAT would be
    # reported as damaged if it were decoded.
    assert MAX_PIXELS < 8000 * 7000
    exc = _rejected(_png_header_only(8000, 7000))
    assert exc.code == "too_many_pixels"
    assert "too many pixels" in str(exc.message)


def test_text_file_is_not_an_image(babel_ctx):
    exc = _rejected(b"Beste ouders,\nmorgen is er geen school.\n" * 10)
    assert exc.code == "not_image"
    assert "not a photo" in str(exc.message)


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused(fmt):
    assert _rejected(_encode(Image.new("RGB", (50, 50)), fmt)).code == "not_image"


def test_empty_file_is_not_an_image():
    assert _rejected(b"").code == "not_image"


def test_jpeg_cut_in_half_is_damaged(babel_ctx):
    data = _jpeg_with_metadata(size=(1600, 1200))
    exc = _rejected(data[: len(data) // 2])
    assert exc.code == "damaged"
    assert "damaged" in str(exc.message)


def test_truncated_png_is_damaged():
    img = Image.effect_noise((400, 300), 64).convert("RGB")
    data = _encode(img, "PNG")
    assert _rejected(data[: len(data) // 2]).code == "damaged"


def test_too_large_blob_is_refused_before_decoding(babel_ctx, monkeypatch):
    def must_not_open(*args, **kwargs):
        raise AssertionError("decoded a file over the size limit")

    monkeypatch.setattr(processing.Image, "open", must_not_open)
    exc = _rejected(b"\xff\xd8\xff" + b"\x00" * MAX_UPLOAD_BYTES)
    assert exc.code == "too_large"
    assert str(exc.message) == "This file is too large. The limit is 25 MB."


def test_str_of_exception_needs_no_app_context():
    exc = _rejected(b"plain text")
    assert str(exc) == "not_image"


# ---------------------------------------------------------------- judged before decoding


def test_a_strip_of_one_by_fifty_million_pixels_is_refused_before_decoding(babel_ctx):
    # 97 KB of PNG once took the server from 135 MB to 1.58 GB.
    assert _rejected(_png_header_only(1, 50_000_000)).code == "too_many_pixels"
    exc = _rejected(_png_header_only(19_000, 100))
    assert exc.code == "odd_shape"
    assert "thin strip" in str(exc.message)


def test_a_one_bit_picture_of_49_megapixels_is_refused_before_decoding(babel_ctx):
    # Under the 50 MP limit, but Pillow keeps one byte per one-bit pixel, and its RGB
    # copy four more: a 6 KB file would take a quarter of a gigabyte.
    assert _rejected(_png_header_only(7000, 7000)).code == "too_many_pixels"


def test_one_upload_stays_within_the_memory_the_readme_states(tmp_path):
    """The largest picture the budget lets through, processed in a fresh process: its
    peak memory grows by at most 250 MB (README, "Photos")."""
    import subprocess
    import sys

    side = int((processing.MAX_DECODED_BYTES / 8) ** 0.5) - 8  # an RGB PNG just inside
    photo = tmp_path / "big.png"
    Image.new("RGB", (side, side), (30, 120, 200)).save(photo)
    # VmHWM is this process's own peak; ru_maxrss would start at the forking parent's.
    script = (
        "import re, sys\n"
        "from kiosk.photos.processing import process_photo\n"
        "def peak_kb():\n"
        "    status = open('/proc/self/status').read()\n"
        "    return int(re.search(r'VmHWM:\\s+(\\d+)', status)[1])\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "before = peak_kb()\n"
        "process_photo(data)\n"
        "print((peak_kb() - before) // 1024)\n"
    )
    grown_mb = int(
        subprocess.run(
            [sys.executable, "-c", script, str(photo)], capture_output=True, text=True, check=True
        ).stdout
    )
    assert 0 < grown_mb <= 250, grown_mb


def _icc_profile_with_red_and_green_swapped() -> bytes:
    """A minimal ICC v2 RGB profile whose red primary is sRGB's green and whose green is
    sRGB's red (D50 primaries of sRGB, gamma 2.2): a photo tagged with it that stores
    pure red means green."""

    def s15(value):
        return struct.pack(">i", round(value * 65536))

    def xyz(x, y, z):
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    red, green, blue = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)
    text = b"swapped\0"
    tags = {
        b"desc": b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + b"\0" * 79,
        b"wtpt": xyz(0.9642, 1.0, 0.8249),
        b"rXYZ": xyz(*green),
        b"gXYZ": xyz(*red),
        b"bXYZ": xyz(*blue),
        b"rTRC": b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0",
    }
    tags[b"gTRC"] = tags[b"bTRC"] = tags[b"rTRC"]
    table, body = b"", b""
    offset = 128 + 4 + 12 * len(tags)
    for signature, data in tags.items():
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + b"\0\0\0\0"
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + b"\0" * 48
    )
    return header + struct.pack(">I", len(tags)) + table + body


def test_colours_are_converted_from_the_photos_own_profile_to_srgb():
    stored_red = Image.new("RGB", (64, 48), (255, 0, 0))
    data = _encode(stored_red, "PNG", icc_profile=_icc_profile_with_red_and_green_swapped())
    screen = Image.open(io.BytesIO(process_photo(data).screen))
    red, green, blue = screen.getpixel((32, 24))
    assert green > 200 and red < 60, (red, green, blue)
    assert "icc_profile" not in screen.info
