"""The bridge figure's form for one person of "Who is who"."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from kiosk.team import rules


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TeamMemberForm(FlaskForm):
    first_name = StringField(
        _l("First name"),
        validators=[DataRequired(_l("What is this person's first name?")), Length(max=40)],
    )
    role = SelectField(
        _l("Role"), choices=[SelectChoice(role.key, role.label) for role in rules.ROLES.values()]
    )
    class_name = StringField(
        _l("Class"),
        # No Optional(): it would stop the chain before validate_class_name.
        validators=[Length(max=60)],
        render_kw={"list": "class-names", "autocomplete": "off"},
    )
    languages = CheckboxesField(
        _l("Languages this person speaks"),
        choices=[SelectChoice(code, name) for code, name in rules.language_choices()],
    )
    position = IntegerField(
        _l("Order on the screen (lower comes first)"),
        default=0,
        validators=[Optional(), NumberRange(min=-999, max=999)],
    )
    photo = FileField(_l("Photo"), render_kw={"accept": "image/jpeg,image/png,image/webp"})
    consent = BooleanField(
        _l("This person agreed that their photo is shown on the school's screens.")
    )
    remove_photo = BooleanField(_l("Remove the photo"))

    def validate_class_name(self, field):
        if rules.needs_class(self.role.data) and not (field.data or "").strip():
            raise ValidationError(_l("A teacher is shown under their class: which class?"))

    def validate_consent(self, field):
        if self.chosen_photo() and not field.data:
            raise ValidationError(
                _l("Please confirm that this person agreed to be shown. The photo was not added.")
            )

    def chosen_photo(self):
        upload = self.photo.data
        return upload if upload and getattr(upload, "filename", "") else None
