"""The bridge figure's urgent message form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from kiosk import i18n, pictograms
from kiosk.forms import add_text_fields
from kiosk.urgent import rules

DUTCH_REQUIRED = _l("The Dutch text is required: every kiosk falls back to it.")


class UrgentForm(FlaskForm):
    """A pictogram, one short text per language of the interface (`text_<code>`), an end."""

    pictogram = SelectField(_l("Pictogram"), default="warning")
    ends_at = DateTimeLocalField(
        _l("Ends at"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[InputRequired(message=_l("Say when the message ends."))],
    )


def urgent_form():
    """The form with a text field per language that has a catalogue, Dutch required."""

    class Form(UrgentForm):
        pass

    # Dutch is needed unless a phrasebook sentence says it: the view checks that.
    add_text_fields(Form, "text", "", max_length=rules.MAX_TEXT, languages=i18n.available())
    form = Form()
    form.pictogram.choices = _pictogram_choices()
    return form


def _pictogram_choices():
    """The warning sign first, then the school's concepts (storm, closed, strike, ...)."""
    choices = [pictograms.get("warning")] + pictograms.in_group("concept")
    return [SelectChoice(p.key, p.label) for p in choices]
