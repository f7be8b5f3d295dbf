"""The bridge figure's photo forms: upload for a class with consent, and captions per language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, MultipleFileField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from kiosk.i18n import DEFAULT, LANGUAGES

CAPTION_MAX = 200


def caption_field_name(code: str) -> str:
    return f"caption_{code}"


def with_captions(form_class):
    """Add one optional caption field per content language, Dutch first."""
    ordered = sorted(LANGUAGES, key=lambda language: language.code != DEFAULT)
    for language in ordered:
        setattr(
            form_class,
            caption_field_name(language.code),
            StringField(
                language.name,
                validators=[Optional(), Length(max=CAPTION_MAX)],
                render_kw={"lang": language.code, "dir": "rtl" if language.rtl else "ltr"},
            ),
        )
    return form_class


def caption_fields(form):
    """The caption fields of a form, with their language, in the order they are shown."""
    ordered = sorted(LANGUAGES, key=lambda language: language.code != DEFAULT)
    return [(language, form[caption_field_name(language.code)]) for language in ordered]


def captions_from(form) -> dict:
    """{"nl": ..., "ar": ...} with only the languages that were filled in."""
    texts = {}
    for language, field in caption_fields(form):
        text = " ".join((field.data or "").split())
        if text:
            texts[language.code] = text
    return texts


def fill_captions(form, captions: dict):
    for language, field in caption_fields(form):
        field.data = (captions or {}).get(language.code, "")


def chosen_files(field):
    """The files really chosen (a form sent with none still carries one empty part)."""
    return [upload for upload in (field.data or []) if upload and upload.filename]


CLASS_RENDER = {"list": "class-names", "autocomplete": "off"}


@with_captions
class UploadForm(FlaskForm):
    photos = MultipleFileField(
        _l("Photos"), render_kw={"accept": "image/jpeg,image/png,image/webp", "multiple": True}
    )
    class_name = StringField(
        _l("Class"),
        validators=[DataRequired(_l("Which class are these photos of?")), Length(max=60)],
        render_kw=CLASS_RENDER,
    )
    consent = BooleanField(
        _l(
            "I confirm that every child in these photos may be shown on the school's screens: "
            "their parents agreed."
        ),
        validators=[
            DataRequired(
                _l("Please confirm that every child shown may be shown. No photo was added.")
            )
        ],
    )

    def validate_photos(self, field):
        if not chosen_files(field):
            raise ValidationError(_l("Choose one or more photos."))


@with_captions
class PhotoEditForm(FlaskForm):
    class_name = StringField(
        _l("Class"),
        validators=[DataRequired(_l("Which class is this photo of?")), Length(max=60)],
        render_kw=CLASS_RENDER,
    )
