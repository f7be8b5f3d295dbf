"""Read a screenshot's QR codes as a parent's phone camera would."""

import zxingcpp
from PIL import Image


def qr_texts(path) -> list[str]:
    """The texts of the QR codes in the picture at `path`, and of nothing else: asked for
    every format, zxing once read a row of a QR code's own modules as an ITF barcode."""
    found = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in found]
