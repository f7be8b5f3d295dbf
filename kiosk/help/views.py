from flask import Blueprint

bp = Blueprint("help", __name__)
