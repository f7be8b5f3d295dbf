"""The Flask extensions, created once and bound to the app in create_app()."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()

# Limits per address for what a phone may repeat (a vote, an answer), generous enough that a
# school's Wi-Fi at drop-off never reaches them. In each process's memory: several
# processes each allow as much, which keeps the limits generous, never tighter.
limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", headers_enabled=False)
