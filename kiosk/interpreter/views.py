from flask import Blueprint

bp = Blueprint("interpreter", __name__)
