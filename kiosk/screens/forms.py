"""The admin's form for a screen's name."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Regexp

from kiosk.screens import rules


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class KioskNameForm(FlaskForm):
    name = StringField(
        _l("Name of the screen"),
        filters=[_strip],
        validators=[
            DataRequired(),
            Length(max=40),
            Regexp(rules.NAME, message=_l("Use letters, digits, spaces and . - _ only.")),
        ],
    )
