"""Photo processing for uploads: validate, auto-rotate, strip metadata, resize.

Plain functions without any Flask request use, so they can be called from a
view, a CLI command or a test. Everything happens in memory: no temporary file
is ever written. Originals are never kept (SPEC section 7): the caller stores
only the two renditions returned here.
"""

from __future__ import annotations

import io
import math
import struct
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 50_000_000
# Judged before any pixel is decoded: no side over 20,000 px, no strip thinner than 1:20,
# and what decoding needs (the decoded image, then its RGB copy) within a byte budget.
# A tiny PNG can claim 1 x 50,000,000 pixels or 7,000 x 7,000 one-bit pixels.
MAX_SIDE = 20_000
MAX_RATIO = 20
MAX_DECODED_BYTES = 160 * 1024 * 1024
SCREEN_LONG_SIDE = 1920
THUMBNAIL_LONG_SIDE = 400
SCREEN_QUALITY = 82
THUMBNAIL_QUALITY = 80

# Pillow format names we accept. MPO is what Pillow calls a JPEG with
# multi-picture data (common from phones and cameras); it is still a JPEG.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
_ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP"})

# Errors Pillow raises while decoding broken or truncated data.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


class PhotoRejected(Exception):
    """An upload that cannot be used; ``message`` is a lazy, translatable text.

    ``code`` is a stable machine-readable reason: ``not_image``, ``damaged``,
    ``too_many_pixels``, ``odd_shape`` or ``too_large``. ``str(exc)`` gives the code, so
    logging an exception never needs an app context.
    """

    def __init__(self, code: str, message) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


def _not_image() -> PhotoRejected:
    return PhotoRejected(
        "not_image",
        _l("This file is not a photo. Please choose a JPEG, PNG or WebP photo."),
    )


def _damaged() -> PhotoRejected:
    return PhotoRejected(
        "damaged",
        _l("This photo is damaged or incomplete. Please try another copy."),
    )


def _too_many_pixels() -> PhotoRejected:
    return PhotoRejected(
        "too_many_pixels",
        _l("This photo has too many pixels. Please use a smaller photo."),
    )


def _odd_shape() -> PhotoRejected:
    return PhotoRejected(
        "odd_shape",
        _l("This picture is a very thin strip, not a photo. Please choose another one."),
    )


def _too_large() -> PhotoRejected:
    return PhotoRejected(
        "too_large",
        _l(
            "This file is too large. The limit is %(mb)s MB.",
            mb=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
    )


@dataclass(frozen=True)
class ProcessedPhoto:
    screen: bytes
    thumbnail: bytes
    width: int
    height: int


def process_photo(data: bytes) -> ProcessedPhoto:
    """Turn an uploaded file into a screen JPEG and a thumbnail JPEG.

    Raises :class:`PhotoRejected` for anything that is not a usable photo.
    The output carries no EXIF (GPS included), ICC, XMP or comment.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise _too_large()
    if not data:
        raise _not_image()

    image = _open_and_load(data)
    try:
        screen_img = _normalise(image)
    finally:
        image.close()

    screen_img.thumbnail((SCREEN_LONG_SIDE, SCREEN_LONG_SIDE), Image.Resampling.LANCZOS)
    thumb_img = screen_img.copy()
    thumb_img.thumbnail((THUMBNAIL_LONG_SIDE, THUMBNAIL_LONG_SIDE), Image.Resampling.LANCZOS)

    return ProcessedPhoto(
        screen=_encode_jpeg(screen_img, SCREEN_QUALITY),
        thumbnail=_encode_jpeg(thumb_img, THUMBNAIL_QUALITY),
        width=screen_img.width,
        height=screen_img.height,
    )


def _open_and_load(data: bytes) -> Image.Image:
    """Open, check size and format, draft-scale JPEGs, then decode fully."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # pragma: no cover - guard, never set here
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False")
    try:
        image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own global limit (about 179 MP raises, 89 MP warns; the
        # warning only arrives here as an exception when warnings are errors).
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise _not_image() from None
    except _DECODE_ERRORS:
        # A recognised header that is broken already (e.g. bad PNG chunk).
        raise _damaged() from None

    try:
        if image.format not in _ACCEPTED_FORMATS:
            raise _not_image()
        width, height = image.size
        # Our own, stricter limit, checked before any pixel is decoded; no
        # global Pillow state is changed, so this is thread-safe.
        if width <= 0 or height <= 0:
            raise _damaged()
        if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
            raise _too_many_pixels()
        if max(width, height) > MAX_RATIO * min(width, height):
            raise _odd_shape()

        if image.format in ("JPEG", "MPO"):
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale (DCT scaling) while
            # keeping at least the size we need: much faster, less memory.
            scale = SCREEN_LONG_SIDE / max(width, height)
            if scale < 1:
                image.draft(
                    "RGB" if image.mode == "RGB" else None,
                    (math.ceil(width * scale), math.ceil(height * scale)),
                )

        if decoded_bytes(image) > MAX_DECODED_BYTES:
            raise _too_many_pixels()
        image.load()
    except PhotoRejected:
        image.close()
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        image.close()
        raise _too_many_pixels() from None
    except _DECODE_ERRORS:
        image.close()
        raise _damaged() from None
    return image


def decoded_bytes(image: Image.Image) -> int:
    """What decoding `image` at its (draft) size takes: Pillow's own bytes for its mode
    (one per pixel even for a one-bit image, four for RGB), plus the RGB copy made from it."""
    width, height = image.size
    per_pixel = {"1": 1, "L": 1, "P": 1, "LA": 2, "PA": 2, "I;16": 2}.get(image.mode, 4)
    return width * height * (per_pixel + 4)


def _normalise(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation and return a plain sRGB image without info."""
    try:
        rotated = ImageOps.exif_transpose(image)
    except _DECODE_ERRORS:
        # Unreadable EXIF: keep the pixels as they are rather than refuse.
        rotated = image.copy()
    if rotated is None:  # pragma: no cover - only with in_place=True
        rotated = image.copy()

    rgb = _in_srgb(rotated, image.info.get("icc_profile")) or _to_rgb(rotated)
    if rgb is not rotated and rotated is not image:
        rotated.close()
    # Drop everything Pillow read alongside the pixels (exif, icc_profile,
    # comment, xmp, dpi...): the encoder must not see any of it.
    rgb.info = {}
    return rgb


def _in_srgb(image: Image.Image, icc: bytes | None) -> Image.Image | None:
    """The photo's colours converted from its own colour profile (a phone's Display P3,
    a camera's Adobe RGB) to sRGB, which screens assume once the profile is dropped.
    None when it has no profile, or one this image cannot be converted from."""
    if not icc or image.mode not in ("RGB", "CMYK", "L"):
        return None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None  # an unreadable profile: the pixels as they are


_SRGB = ImageCms.createProfile("sRGB")


def _to_rgb(image: Image.Image) -> Image.Image:
    """Convert to RGB, flattening any transparency onto white."""
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    )
    if has_alpha:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        rgba.close()
        return background
    if image.mode == "RGB":
        return image  # already a private copy (exif_transpose made it)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit greyscale PNG: scale down to 8 bits before converting.
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("RGB")


def _encode_jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    # Only the keyword arguments given here reach the encoder (no exif,
    # icc_profile or xmp); image.info is empty, so no comment is copied.
    image.save(
        out,
        format="JPEG",
        quality=quality,
        progressive=True,
        optimize=True,
    )
    return out.getvalue()
