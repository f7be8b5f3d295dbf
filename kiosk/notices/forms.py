"""The bridge figure's notice form."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import TextArea

from kiosk.forms import add_text_fields, text_fields
from kiosk.notices import labels, rules


class NoticeForm(FlaskForm):
    """Day, pictograms (from the picker), a short text and a longer one per language
    (`text_<code>`, `details_<code>`); what they say is checked by rules.problems."""

    day = SelectField(_l("Day"), choices=[])
    query = StringField(_l("Search pictograms"))


# rules.problems says what is missing or too long, in the notices' own words.
add_text_fields(NoticeForm, "text", "", max_length=rules.TEXT_MAX)
add_text_fields(NoticeForm, "details", "", max_length=rules.DETAILS_MAX)


def notice_form(week) -> NoticeForm:
    """The form with the days of `week` to choose from."""
    form = NoticeForm()
    form.day.choices = [SelectChoice("", _("All week"))] + [
        SelectChoice(day.isoformat(), labels.day_label(day)) for day in rules.days_of(week)
    ]
    for field in text_fields(form, "details"):
        field.widget = TextArea()  # the longer text: a few lines
    return form
