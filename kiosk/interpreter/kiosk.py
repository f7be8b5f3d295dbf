"""Ask for an interpreter on the kiosk: what it is, and the QR code to the phone form."""

from flask import Blueprint, render_template

bp = Blueprint("interpreter_kiosk", __name__)


@bp.get("/kiosk/interpreter")
def kiosk():
    return render_template("interpreter/kiosk.html")
