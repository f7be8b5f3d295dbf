"""The café's forms: the parent's sign-up and topic idea, the bridge figure's meeting."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from kiosk import forms, pictograms
from kiosk.cafe.rules import MAX_ADULTS, MAX_CHILDREN
from kiosk.i18n import DEFAULT, LANGUAGES
from kiosk.reminders import rules as reminder_rules

NAME_MAX = 40
IDEA_MAX = 140

# The pictograms a parent may put on a topic idea: the café's usual themes.
IDEA_PICTOGRAMS = (
    "nap",
    "computer",
    "first_school_day",
    "language_class",
    "menu",
    "reading_home",
    "homework",
    "games",
    "doctor",
    "calm",
    "money",
    "talk_teacher",
)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _whole_number(value):
    """A number from the form, or None for anything else (NumberRange then says what is wrong)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _count_field(label, low, high, default, message):
    return RadioField(
        label,
        choices=[SelectChoice(n, str(n)) for n in range(low, high + 1)],
        coerce=_whole_number,
        default=default,
        validate_choice=False,
        validators=[NumberRange(min=low, max=high, message=message)],
    )


def interpreter_languages():
    """Every language but Dutch, by its own name."""
    return [SelectChoice(lang.code, lang.name) for lang in LANGUAGES if lang.code != DEFAULT]


def _interpreter_choices():
    """An empty first choice, so that a Dutch page preselects no language."""
    return [SelectChoice("", "—"), *interpreter_languages()]


def interpreter_language_codes():
    """The codes of interpreter_languages(), to check a chosen one against."""
    return {choice.value for choice in interpreter_languages()}


def phone_or_email(form, field):
    if not reminder_rules.is_valid_contact(field.data):
        raise ValidationError(
            _l("Please give a phone number or an e-mail address, or leave this empty.")
        )


class SignupForm(FlaskForm):
    form_key = forms.FormKeyField()
    name = StringField(
        _l("First name or nickname"),
        filters=[_strip],
        render_kw={"maxlength": NAME_MAX, "autocomplete": "given-name"},
        validators=[
            DataRequired(message=_l("Please fill in a first name or a nickname.")),
            Length(max=NAME_MAX, message=_l("At most 40 characters, please.")),
        ],
    )
    adults = _count_field(
        _l("How many adults are coming?"),
        1,
        MAX_ADULTS,
        1,
        _l("Choose between 1 and 5 adults."),
    )
    children = _count_field(
        _l("How many children need childcare?"),
        0,
        MAX_CHILDREN,
        0,
        _l("Choose between 0 and 6 children."),
    )
    interpreter = BooleanField(_l("I would like an interpreter"))
    interpreter_language = SelectField(
        _l("Language for the interpreter"),
        choices=_interpreter_choices,
        validate_choice=False,
    )
    contact = StringField(
        _l("Phone or e-mail for a reminder (optional)"),
        filters=[_strip],
        render_kw={"maxlength": 120, "autocomplete": "tel"},
        validators=[
            Optional(),
            Length(max=120, message=_l("At most 120 characters, please.")),
            phone_or_email,
        ],
    )

    def validate_interpreter_language(self, field):
        if self.interpreter.data and field.data not in interpreter_language_codes():
            raise ValidationError(_l("Choose the language for the interpreter."))


class IdeaForm(FlaskForm):
    form_key = forms.FormKeyField()
    text = StringField(
        _l("Your topic"),
        filters=[_strip],
        render_kw={"maxlength": IDEA_MAX, "dir": "auto"},
        validators=[
            DataRequired(message=_l("Please write your topic in a few words.")),
            Length(min=3, max=IDEA_MAX, message=_l("Between 3 and 140 characters, please.")),
        ],
    )
    pictogram = RadioField(
        _l("A picture for your topic (optional)"),
        choices=[SelectChoice("", _l("No picture"))]
        + [SelectChoice(key, pictograms.get(key).label) for key in IDEA_PICTOGRAMS],
        default="",
        validate_choice=False,  # WTForms' own message is not in every catalogue
    )

    def validate_pictogram(self, field):
        if field.data and field.data not in IDEA_PICTOGRAMS:
            raise ValidationError(_l("Please choose one of the answers."))


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _meeting_pictograms():
    concepts = [p for p in pictograms.in_group("concept") if p.key != "parent_cafe"]
    cafe = pictograms.get("parent_cafe")
    return [SelectChoice(cafe.key, cafe.label)] + sorted(
        (SelectChoice(p.key, p.label) for p in concepts),
        key=lambda choice: str(choice.label).casefold(),
    )


class MeetingForm(FlaskForm):
    """A café meeting; one topic field per language (`topic_nl` ...) is added below."""

    pictogram = SelectField(_l("Pictogram"), choices=_meeting_pictograms)
    day = DateField(_l("Date"), validators=[InputRequired(message=_l("Choose a date."))])
    start = TimeField(_l("Starts at"), validators=[InputRequired(message=_l("Choose a time."))])
    end = TimeField(_l("Ends at"), validators=[InputRequired(message=_l("Choose a time."))])
    place = StringField(
        _l("Place"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Where is it?")), Length(max=120)],
    )
    capacity = IntegerField(
        _l("Places (adults)"),
        validators=[
            InputRequired(message=_l("How many places are there?")),
            NumberRange(min=1, max=500, message=_l("Between 1 and 500 places.")),
        ],
    )
    languages = MultiCheckboxField(
        _l("Languages spoken"), choices=[SelectChoice(lang.code, lang.name) for lang in LANGUAGES]
    )
    interpreter = BooleanField(_l("An interpreter is there"))
    childcare = BooleanField(_l("Childcare for children"))

    def validate_end(self, field):
        if self.start.data and field.data and field.data <= self.start.data:
            raise ValidationError(_l("The end comes after the start."))


forms.add_text_fields(
    MeetingForm,
    "topic",
    "",
    dutch_required=_l("The topic in Dutch is required."),
    max_length=120,
)
