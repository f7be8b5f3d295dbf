"""The forms of Your voice: the parent's answer on the phone and the bridge figure's question."""

from datetime import timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from kiosk import clock, pictograms
from kiosk.forms import add_text_fields, texts_from
from kiosk.voice import rules


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class PhoneAnswerForm(FlaskForm):
    """The open question on a phone; its answer choices are the question's cards."""

    question = HiddenField()
    answer = RadioField(
        _l("Your answer"),
        choices=[],
        validate_choice=False,  # the view checks the card belongs to the question
        validators=[InputRequired(message=_l("Please choose one of the answers."))],
    )
    text = TextAreaField(
        _l("Do you want to say more? (optional)"),
        filters=[_strip],
        # No maxlength in the page: a browser would cut a pasted text without a word.
        render_kw={"maxlength": False},
        validators=[
            Optional(),
            Length(
                max=rules.FREE_TEXT_MAX,
                message=_l("At most %(max)d characters, please: shorten your text a little."),
            ),
        ],
    )


def pictogram_choices():
    """The pictograms an answer card can have: the faces first, then school things."""
    groups = (
        (_l("Faces"), "face"),
        (_l("Interface"), "ui"),
        (_l("School"), "concept"),
        (_l("Board cards"), "card"),
        (_l("Places"), "place"),
    )
    choices = [SelectChoice("", "—")]
    for title, group in groups:
        choices += [
            SelectChoice(p.key, str(p.label), optgroup=str(title))
            for p in pictograms.in_group(group)
        ]
    return choices


def question_form_class(languages):
    """A question form with a text per language for the question and for each card.

    Built per request because the enabled languages are a setting.
    """

    class QuestionForm(FlaskForm):
        kind = RadioField(
            _l("Answers"),
            choices=[
                SelectChoice("cards", _l("My own answer cards (two to five)")),
                SelectChoice("scale", _l("Five faces, from very unhappy to very happy")),
            ],
            default="cards",
        )
        opens_on = DateField(
            _l("Open from"),
            default=lambda: clock.today(),
            validators=[InputRequired(message=_l("Give the first day."))],
        )
        closes_on = DateField(
            _l("Open until"),
            default=lambda: clock.today() + timedelta(days=13),
            validators=[InputRequired(message=_l("Give the last day."))],
        )

        def card_indexes(self):
            return range(rules.MAX_CARDS)

        def question_texts(self):
            return texts_from(self, "text")

        def card_texts(self, index):
            return texts_from(self, f"card{index}")

        def filled_cards(self):
            """(pictogram, texts) of each card slot the bridge figure used."""
            filled = []
            for index in self.card_indexes():
                picture = self[f"card{index}_picto"].data or ""
                texts = self.card_texts(index)
                if picture or texts:
                    filled.append((picture, texts))
            return filled

        def validate(self, extra_validators=None):
            valid = super().validate(extra_validators)
            if (
                self.opens_on.data
                and self.closes_on.data
                and self.closes_on.data < self.opens_on.data
            ):
                self.closes_on.errors.append(_l("The last day comes after the first day."))
                valid = False
            if self.kind.data == "cards":
                filled = self.filled_cards()
                if not rules.MIN_CARDS <= len(filled) <= rules.MAX_CARDS:
                    self.kind.errors.append(_l("Give two to five answer cards."))
                    valid = False
                for index in self.card_indexes():
                    picture = self[f"card{index}_picto"].data
                    texts = self.card_texts(index)
                    if (picture or texts) and not (picture and texts.get("nl")):
                        self[f"card{index}_picto"].errors.append(
                            _l(
                                "Card %(number)d needs a pictogram and a Dutch text.",
                                number=index + 1,
                            )
                        )
                        valid = False
            return valid

    add_text_fields(
        QuestionForm,
        "text",
        _l("Question (%(language)s)"),
        dutch_required=_l("The question in Dutch is needed."),
        languages=languages,
    )
    for index in range(rules.MAX_CARDS):
        setattr(
            QuestionForm,
            f"card{index}_picto",
            SelectField(
                _l("Card %(number)d: pictogram", number=index + 1),
                choices=pictogram_choices(),
                default="",
            ),
        )
        # Built within a request: the number goes in now, the language per field.
        label = _("Card %(number)d (%(language)s)", number=index + 1, language="%(language)s")
        add_text_fields(QuestionForm, f"card{index}", label, max_length=60, languages=languages)
    return QuestionForm
