"""The bridge figure's link form and the parent's translation form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from kiosk import forms
from kiosk.i18n import DEFAULT, LANGUAGES
from kiosk.translations import rules


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class LinkForm(FlaskForm):
    """`/admin/translations`: a one-time link for one parent and one language."""

    lang = SelectField(
        _l("Language"),
        choices=[SelectChoice(lang.code, lang.name) for lang in LANGUAGES if lang.code != DEFAULT],
    )
    first_name = StringField(
        _l("First name"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Please give your first name.")),
            Length(max=60, message=_l("Please keep this to %(max)d characters.")),
        ],
    )


class TranslationForm(FlaskForm):
    """`/t/<token>`: one text's translation, typed, and if the parent likes spoken too."""

    form_key = forms.FormKeyField()
    item = HiddenField()
    text = TextAreaField(
        _l("Your translation"),
        filters=[_strip],
        render_kw={"rows": 3, "dir": "auto"},
        validators=[
            DataRequired(message=_l("Please write your translation.")),
            Length(max=rules.MAX_TEXT, message=_l("Please keep this to %(max)d characters.")),
        ],
    )
    recording = FileField(_l("Record it spoken (optional)"), render_kw={"accept": "audio/*"})
