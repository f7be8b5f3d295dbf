from flask import Blueprint

bp = Blueprint("cafe", __name__)
