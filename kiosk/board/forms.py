"""The bridge figure's forms for the board: classes, the week, exceptions, holidays, children."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    ColorField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from kiosk import pictograms
from kiosk.board import rules
from kiosk.forms import DUTCH_NEEDED, add_text_fields, fill_texts, texts_from

WEEKDAYS = (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"))
PART_LABELS = {"morning": _l("Morning"), "afternoon": _l("Afternoon")}
CARD_LABELS = {p.key: p.label for p in pictograms.in_group("card")}


class DayField(DateField):
    """A date input; an empty one is simply no date (DataRequired says what is missing)."""

    def process_formdata(self, valuelist):
        if valuelist and not "".join(valuelist).strip():
            self.data = None
            return
        super().process_formdata(valuelist)


class HourField(TimeField):
    """An optional time of day ("15:30"); empty is no time."""

    def __init__(self, label=None, **kwargs):
        super().__init__(label, validators=[Optional()], **kwargs)

    def process_formdata(self, valuelist):
        if valuelist and not "".join(valuelist).strip():
            self.data = None
            return
        super().process_formdata(valuelist)


def _sorted_choices(group, first=()):
    # A concept offered first (no school) is not offered again in the list.
    offered = {choice.value for choice in first}
    found = sorted(
        (
            SelectChoice(p.key, str(p.label))
            for p in pictograms.in_group(group)
            if p.key not in offered
        ),
        key=lambda choice: choice.label,
    )
    return [*first, *found]


def activity_choices():
    return _sorted_choices(
        "concept",
        first=[
            SelectChoice("", _("Nothing special")),
            SelectChoice(rules.NO_SCHOOL, _("No school")),
        ],
    )


def place_choices():
    return [SelectChoice("", "—")] + [
        SelectChoice(p.key, str(p.label)) for p in pictograms.in_group("place")
    ]


def card_choices(kind):
    return [SelectChoice("", "—")] + [
        SelectChoice(code, str(CARD_LABELS[code])) for code in rules.CHOICES[kind]
    ]


# --- Classes ---------------------------------------------------------------------------


class ClassForm(FlaskForm):
    name = StringField(
        _l("Name"),
        validators=[DataRequired(message=_l("Give the class a name.")), Length(max=60)],
    )
    colour = ColorField(
        _l("Colour"),
        default="#1d5fa8",
        validators=[Regexp(r"^#[0-9a-fA-F]{6}$", message=_l("Pick a colour."))],
    )
    animal = SelectField(_l("Animal"))
    sort_order = IntegerField(
        _l("Place on the board (lower comes first)"),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=999)],
    )
    show_first_names = BooleanField(_l("Show the children's first names on the kiosk"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.animal.choices = _sorted_choices("animal")


class DeleteClassForm(FlaskForm):
    confirm = BooleanField(
        _l("Yes, remove this class with its week, its exceptions and all its children"),
        validators=[DataRequired(message=_l("Tick the box to confirm."))],
    )


# --- The week and its exceptions --------------------------------------------------------------


class _SlotFields:
    """activity, place, starts, ends and a note per language, under one prefix."""

    @staticmethod
    def add(form_class, prefix):
        setattr(form_class, f"{prefix}_activity", SelectField(_l("Activity"), default=""))
        setattr(form_class, f"{prefix}_place", SelectField(_l("Place"), default=""))
        setattr(form_class, f"{prefix}_starts", HourField(_l("From")))
        setattr(form_class, f"{prefix}_ends", HourField(_l("Until")))
        add_text_fields(form_class, f"{prefix}_note", _l("Note"), max_length=120)

    @staticmethod
    def choose(form, prefix):
        getattr(form, f"{prefix}_activity").choices = activity_choices()
        getattr(form, f"{prefix}_place").choices = place_choices()

    @staticmethod
    def slot(form, prefix) -> rules.Slot:
        return rules.Slot(
            getattr(form, f"{prefix}_activity").data or None,
            getattr(form, f"{prefix}_place").data or None,
            getattr(form, f"{prefix}_starts").data,
            getattr(form, f"{prefix}_ends").data,
            texts_from(form, f"{prefix}_note"),
        )

    @staticmethod
    def fill(form, prefix, slot: rules.Slot):
        getattr(form, f"{prefix}_activity").data = slot.activity or ""
        getattr(form, f"{prefix}_place").data = slot.place or ""
        getattr(form, f"{prefix}_starts").data = slot.starts
        getattr(form, f"{prefix}_ends").data = slot.ends
        fill_texts(form, f"{prefix}_note", slot.note)

    @staticmethod
    def flag(form, prefix, problem):
        """Put a time problem from the rules on the field it concerns."""
        if problem == rules.END_BEFORE_START:
            getattr(form, f"{prefix}_ends").errors.append(_("The end comes before the start."))
        elif problem == rules.OVERLAP:
            getattr(form, f"{prefix}_starts").errors.append(
                _("This overlaps with the morning: the afternoon starts after the morning ends.")
            )


slot_fields = _SlotFields


class WeekForm(FlaskForm):
    """The weekly template: a cell per school day and part of the day."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for weekday in rules.SCHOOL_DAYS:
            for part in rules.PARTS:
                slot_fields.choose(self, cell_prefix(weekday, part))


def cell_prefix(weekday, part):
    return f"d{weekday}_{part}"


for _weekday in rules.SCHOOL_DAYS:
    for _part in rules.PARTS:
        slot_fields.add(WeekForm, cell_prefix(_weekday, _part))


class ExceptionForm(FlaskForm):
    day = DayField(_l("Date"), validators=[DataRequired(message=_l("Which date?"))])
    part = SelectField(
        _l("Part of the day"),
        choices=[
            SelectChoice("day", _l("Whole day")),
            SelectChoice("morning", _l("Morning")),
            SelectChoice("afternoon", _l("Afternoon")),
        ],
        default="afternoon",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slot_fields.choose(self, "change")


slot_fields.add(ExceptionForm, "change")


class HolidayForm(FlaskForm):
    first_day = DayField(_l("First day"), validators=[DataRequired(message=_l("Which date?"))])
    last_day = DayField(_l("Last day (empty: just one day)"), validators=[Optional()])

    def validate_last_day(self, field):
        if field.data and self.first_day.data and field.data < self.first_day.data:
            raise ValidationError(_("The last day comes before the first day."))


add_text_fields(HolidayForm, "name", _l("Name"), dutch_required=DUTCH_NEEDED, max_length=80)


# --- Children ------------------------------------------------------------------------------


def symbol_choices():
    return [SelectChoice(p.key, str(p.label)) for p in pictograms.in_group("symbol")]


def _add_usual_week(form_class):
    for weekday in rules.SCHOOL_DAYS:
        setattr(form_class, f"noon_{weekday}", SelectField(_l("At noon"), default=""))
        setattr(form_class, f"after_{weekday}", SelectField(_l("After school"), default=""))


class ChildForm(FlaskForm):
    first_name = StringField(
        _l("First name"),
        validators=[DataRequired(message=_l("Type the child's first name.")), Length(max=40)],
    )
    school_class = SelectField(_l("Class"), coerce=int)
    symbol = RadioField(_l("Symbol"), validators=[DataRequired(message=_l("Pick a symbol."))])

    def __init__(self, *args, classes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.school_class.choices = [SelectChoice(c.id, c.name) for c in classes]
        self.symbol.choices = symbol_choices()
        for weekday in rules.SCHOOL_DAYS:
            getattr(self, f"noon_{weekday}").choices = card_choices("noon")
            getattr(self, f"after_{weekday}").choices = card_choices("after")

    def usual_week(self) -> dict:
        week = {}
        for weekday in rules.SCHOOL_DAYS:
            noon = getattr(self, f"noon_{weekday}").data or None
            after = getattr(self, f"after_{weekday}").data or None
            week[str(weekday)] = {"noon": noon, "after": after}
        return week

    def fill_usual_week(self, week):
        for weekday in rules.SCHOOL_DAYS:
            for kind in rules.CHOICES:
                code = rules.usual_choice(week, weekday, kind)
                getattr(self, f"{kind}_{weekday}").data = code or ""


_add_usual_week(ChildForm)


class BulkChildrenForm(FlaskForm):
    names = TextAreaField(
        _l("First names, one per line"),
        validators=[DataRequired(message=_l("Paste at least one first name."))],
    )
    noon = SelectField(_l("Usually at noon"), default="warm")
    after = SelectField(_l("Usually after school"), default="row")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.noon.choices = card_choices("noon")
        self.after.choices = card_choices("after")


class EndOfYearForm(FlaskForm):
    confirm = BooleanField(
        _l("Yes, remove every child, with their usual week and their choices"),
        validators=[DataRequired(message=_l("Tick the box to confirm."))],
    )
