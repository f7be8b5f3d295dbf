from flask import Blueprint

bp = Blueprint("kiosks", __name__)
