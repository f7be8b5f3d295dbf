"""Demo content for Your voice: an open question with answers in several languages."""

import random
from datetime import timedelta

from kiosk.auth.models import utcnow
from kiosk.extensions import db
from kiosk.voice import queries
from kiosk.voice.models import Answer, AnswerCard, FreeText, Question

FEELING = {
    "nl": "Hoe voel je je op onze school?",
    "en": "How do you feel at our school?",
    "fr": "Comment vous sentez-vous dans notre école ?",
    "ar": "كيف تشعر في مدرستنا؟",
    "tr": "Okulumuzda kendinizi nasıl hissediyorsunuz?",
    "pl": "Jak czujesz się w naszej szkole?",
}
CAFE_TIME = {
    "nl": "Wanneer kom je het liefst naar het oudercafé?",
    "en": "When do you prefer to come to the parent café?",
    "fr": "Quand préférez-vous venir au café des parents ?",
    "ar": "متى تفضل المجيء إلى مقهى الأولياء؟",
    "tr": "Veli kafesine ne zaman gelmeyi tercih edersiniz?",
}
CAFE_CARDS = (
    (
        "morning",
        {"nl": "'s Ochtends", "en": "Morning", "fr": "Le matin", "ar": "صباحاً", "tr": "Sabah"},
    ),
    (
        "afternoon",
        {
            "nl": "'s Middags",
            "en": "Afternoon",
            "fr": "L'après-midi",
            "ar": "بعد الظهر",
            "tr": "Öğleden sonra",
        },
    ),
    ("night", {"nl": "'s Avonds", "en": "Evening", "fr": "Le soir", "ar": "مساءً", "tr": "Akşam"}),
)
# How many answers came in each screen language, and how they lean (weights per card).
SPREAD = {"nl": 14, "ar": 9, "tr": 6, "fr": 4, "pl": 3, "en": 2}
FREE_TEXTS = (
    ("nl", 3, "De juf neemt altijd de tijd aan de poort. Dank u!"),
    ("fr", 2, "Je ne comprends pas toujours les lettres dans le cartable."),
    ("ar", 4, "شكراً على صور الصف، ابني يحب أن يريها لي."),
)


def _answers(question, today, first_day, days, weights, seed):
    chance = random.Random(seed)
    for lang, count in SPREAD.items():
        for number in range(count):
            card = chance.choices(question.cards, weights=weights)[0]
            db.session.add(
                Answer(
                    question_id=question.id,
                    card_id=card.id,
                    answered_on=first_day + timedelta(days=chance.randrange(days)),
                    lang=lang,
                    source="phone" if number % 4 == 3 else "gate",
                    once_key=f"demo:{question.id}:{lang}:{number}",
                )
            )


def add(today):
    earlier = Question(
        texts=CAFE_TIME,
        kind="cards",
        opens_on=today - timedelta(days=40),
        closes_on=today - timedelta(days=27),
        cards=[
            AnswerCard(position=i, pictogram=key, texts=texts)
            for i, (key, texts) in enumerate(CAFE_CARDS)
        ],
    )
    feeling = Question(
        texts=FEELING, opens_on=today - timedelta(days=5), closes_on=today + timedelta(days=9)
    )
    queries.set_scale(feeling)
    db.session.add_all([earlier, feeling])
    db.session.flush()
    _answers(earlier, today, earlier.opens_on, 14, (5, 2, 4), seed=1)
    _answers(feeling, today, feeling.opens_on, 6, (1, 1, 3, 6, 5), seed=2)
    for lang, face, text in FREE_TEXTS:
        db.session.add(
            FreeText(
                question_id=feeling.id,
                card_id=feeling.cards[face - 1].id,
                lang=lang,
                text=text,
                received_at=utcnow() - timedelta(days=face),
            )
        )
