"""The bridge figure's photo forms: upload for a class with consent, and captions per language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, MultipleFileField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from kiosk.forms import add_text_fields

CAPTION = "caption"  # the fields caption_nl, caption_fr, ...


def chosen_files(field):
    """The files really chosen (a form sent with none still carries one empty part)."""
    return [upload for upload in (field.data or []) if upload and upload.filename]


CLASS_RENDER = {"list": "class-names", "autocomplete": "off"}


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


class PhotoEditForm(FlaskForm):
    class_name = StringField(
        _l("Class"),
        validators=[DataRequired(_l("Which class is this photo of?")), Length(max=60)],
        render_kw=CLASS_RENDER,
    )


add_text_fields(UploadForm, CAPTION, "")
add_text_fields(PhotoEditForm, CAPTION, "")
