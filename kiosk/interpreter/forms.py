"""The parent's request form and the bridge figure's handling form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import Length, Optional, ValidationError

from kiosk import forms
from kiosk.interpreter import rules

_clean = [rules.clean_text]


def _at_most(limit):
    return Length(max=limit, message=_l("Please keep this to %(max)d characters.", max=limit))


class RequestForm(FlaskForm):
    """`/m/interpreter`: every message is the parent's language, every typed value kept."""

    form_key = forms.FormKeyField()
    # Rendered by hand (own names, own script, most asked first): see the template.
    language = SelectField(
        _l("Which language do you speak?"),
        validate_choice=False,
        choices=[],
    )
    purpose = RadioField(
        _l("What is it for?"),
        choices=[SelectChoice(key, label) for key, label, _ in rules.PURPOSES],
        validate_choice=False,
    )
    preferred_times = TextAreaField(
        _l("Which days and times suit you? (optional)"),
        filters=_clean,
        validators=[_at_most(rules.MAX_PREFERRED_TIMES)],
    )
    reach_by = RadioField(
        _l("How can we reach you?"),
        choices=[
            SelectChoice("phone", _l("Call me")),
            SelectChoice("gate", _l("I will come to the gate")),
        ],
        validate_choice=False,
    )
    phone = StringField(_l("Phone number"), filters=_clean)
    class_name = StringField(
        _l("Class of your child (optional)"),
        filters=_clean,
        validators=[_at_most(rules.MAX_CLASS_NAME)],
    )

    def validate_language(self, field):
        if not field.data:
            raise ValidationError(_l("Choose the language you speak."))
        if not rules.may_interpret(field.data):
            raise ValidationError(_l("Choose a language from the list."))

    def validate_purpose(self, field):
        if field.data not in rules.PURPOSE_LABELS:
            raise ValidationError(_l("Choose what the talk is about."))

    def validate_reach_by(self, field):
        # A typed number says enough: no need to tick "call me" as well.
        if not field.data and self.phone.data:
            field.data = "phone"
        if field.data not in rules.REACH_BY:
            raise ValidationError(
                _l("Tell us how to reach you: a phone number, or that you come to the gate.")
            )

    def validate_phone(self, field):
        if not field.data:
            if self.reach_by.data == "phone":
                raise ValidationError(_l("Type your phone number."))
            return
        if rules.normalise_phone(field.data) is None:
            raise ValidationError(
                _l("This does not look like a phone number. For example: 0470 12 34 56.")
            )


class HandleForm(FlaskForm):
    """`/admin/interpreter/<id>`: the status, notes and the arrangement the parent sees."""

    status = SelectField(
        _l("Status"),
        choices=[SelectChoice(key, label) for key, label in rules.STATUS_LABELS.items()],
    )
    staff_notes = TextAreaField(
        _l("Notes (staff only, never shown to the parent)"),
        filters=_clean,
        validators=[_at_most(rules.MAX_STAFF_TEXT)],
    )
    meeting_date = DateField(_l("Date"), validators=[Optional()])
    meeting_time = TimeField(_l("Time"), validators=[Optional()])
    meeting_mode = RadioField(
        _l("The interpreter"),
        choices=[
            SelectChoice("on_site", _l("comes to school")),
            SelectChoice("phone", _l("joins by phone")),
        ],
        validate_choice=False,
    )
    place_nl = StringField(
        _l("Place (Dutch)"), filters=_clean, validators=[_at_most(rules.MAX_PLACE)]
    )
    place_parent = StringField(
        _l("Place in the parent's language (optional)"),
        filters=_clean,
        render_kw={"dir": "auto"},
        validators=[_at_most(rules.MAX_PLACE)],
    )
    decline_reason = SelectField(
        _l("Reason the parent sees"),
        choices=[SelectChoice("", "—")]
        + [SelectChoice(key, label) for key, label in rules.DECLINE_REASONS.items()],
        validate_choice=False,
    )
    decline_note_nl = TextAreaField(
        _l("Note for the parent (Dutch)"), filters=_clean, validators=[_at_most(500)]
    )
    decline_note_parent = TextAreaField(
        _l("Note in the parent's language (optional)"),
        filters=_clean,
        render_kw={"dir": "auto"},
        validators=[_at_most(500)],
    )

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        problems = rules.arrangement_problems(
            self.status.data,
            self.meeting_date.data,
            self.meeting_time.data,
            self.meeting_mode.data,
            self.place_nl.data,
            self.decline_reason.data,
            self.decline_note_nl.data,
        )
        for name, message in problems.items():
            getattr(self, name).errors.append(message)
        return ok and not problems
