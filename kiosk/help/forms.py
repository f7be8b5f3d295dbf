"""The form of What I can bring."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectMultipleField, StringField, widgets
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from kiosk import forms
from kiosk.help import rules


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes: easier to tap on a phone than a multiple select."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _at_most(limit):
    return Length(max=limit, message=_l("Please keep this to %(max)d characters.", max=limit))


def _from_the_list(message):
    """The choices' check with a message from our catalogue (WTForms' own is not in all)."""

    def check(form, field):
        allowed = {str(choice[0]) for choice in field.iter_choices()}
        if any(value not in allowed for value in field.data or []):
            raise ValidationError(message)

    return check


def _reachable(form, field):
    """A phone number (six digits or more) or an e-mail address."""
    value = field.data or ""
    if len(re.sub(r"\D", "", value)) >= 6 or re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        return
    raise ValidationError(
        _l("Give a phone number or an e-mail address, so the school can reach you.")
    )


class HelpOfferForm(FlaskForm):
    form_key = forms.FormKeyField()
    languages = CheckboxesField(
        _l("Languages I can translate for informal moments"),
        choices=lambda: [SelectChoice(code, name) for code, name in rules.language_choices()],
        validate_choice=False,
        validators=[_from_the_list(_l("Choose a language from the list."))],
    )
    activities = CheckboxesField(
        _l("I can help with"),
        choices=lambda: [SelectChoice(key, str(label)) for key, label in rules.ACTIVITIES.items()],
        validate_choice=False,
        validators=[_from_the_list(_l("Please choose one of the answers."))],
    )
    other = StringField(
        _l("Something else: what?"),
        filters=[_strip],
        validators=[Optional(), _at_most(200)],
    )
    first_name = StringField(
        _l("First name"),
        filters=[_strip],
        validators=[
            InputRequired(message=_l("Please give your first name.")),
            _at_most(60),
        ],
    )
    contact = StringField(
        _l("How can the school reach you?"),
        filters=[_strip],
        validators=[
            InputRequired(
                message=_l("Give a phone number or an e-mail address, so the school can reach you.")
            ),
            _at_most(120),
            _reachable,
        ],
    )

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not self.languages.data and not self.activities.data:
            self.languages.errors.append(
                _l("Choose at least one language or one thing you can help with.")
            )
            valid = False
        if "other" in (self.activities.data or []) and not self.other.data:
            self.other.errors.append(_l("Tell us briefly what else you can help with."))
            valid = False
        return valid
