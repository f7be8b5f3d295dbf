from flask import Blueprint

bp = Blueprint("urgent", __name__)
