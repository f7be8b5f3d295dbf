"""QR codes as inline SVG, pointing at absolute URLs (spec section 2)."""

import io

import qrcode
import qrcode.image.svg
from flask import current_app, request, url_for
from markupsafe import Markup


def public_url(endpoint, **values):
    """An absolute URL from KIOSK_PUBLIC_URL, or from the request's own host."""
    base = current_app.config["KIOSK_PUBLIC_URL"] or request.host_url.rstrip("/")
    return base + url_for(endpoint, **values)


def qr_svg(url, label=""):
    """An SVG QR code that encodes `url`, with a quiet zone a phone camera can find."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
        image_factory=qrcode.image.svg.SvgPathFillImage,
    )
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    svg = buffer.getvalue().decode().split("?>", 1)[-1].strip()
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1)
    # qrcode names every path "qr-path": two codes on one page would share an id.
    svg = svg.replace(' id="qr-path"', "", 1)
    return Markup(svg)
