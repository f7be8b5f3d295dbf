"""How a question, its cards and a screen's language read on every voice page."""

from kiosk import i18n, pictograms
from kiosk.spoken_languages import name_of
from kiosk.voice import rules


def question_text(question, lang=None):
    """(text, language it is in): the question in the chosen language, else Dutch."""
    return i18n.pick(question.texts, lang)


def card_text(card, lang=None):
    """(text, language it is in): a card's own text, or the feelings face's translated name."""
    if card.texts:
        return i18n.pick(card.texts, lang)
    found = pictograms.get(card.pictogram)
    return (str(found.label) if found else ""), lang or i18n.current().code


def language_name(code):
    """An interface language's own name (the language a kiosk or phone showed)."""
    found = i18n.BY_CODE.get(code)
    return found.name if found else code


def template_helpers():
    """What the voice templates call (each voice blueprint's context processor)."""
    return {
        "question_text": question_text,
        "card_text": card_text,
        "free_text_max": rules.FREE_TEXT_MAX,
        "language_name": language_name,
        "name_of": name_of,
    }
