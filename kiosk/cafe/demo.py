"""Demo café meetings and topic ideas for a first look (`flask demo`)."""

from datetime import datetime, time, timedelta

from kiosk.cafe.models import APPROVED, NEW, Idea, IdeaVote, Meeting
from kiosk.extensions import db

MEETINGS = (
    {
        "days": 5,
        "hours": (time(8, 45), time(10, 0)),
        "pictogram": "nap",
        "topic": {
            "nl": "Slapen: hoe krijg ik mijn kind op tijd in bed?",
            "en": "Sleep: how do I get my child to bed on time?",
            "fr": "Le sommeil : comment coucher mon enfant à l'heure ?",
            "ar": "النوم: كيف أجعل طفلي ينام في الوقت المناسب؟",
            "tr": "Uyku: çocuğumu zamanında nasıl yatırırım?",
            "pl": "Sen: jak położyć dziecko spać o czasie?",
        },
        "place": "Refter",
        "capacity": 20,
        "languages": ["nl", "ar", "tr"],
        "interpreter": True,
        "childcare": True,
    },
    {
        "days": 12,
        "hours": (time(13, 30), time(14, 45)),
        "pictogram": "computer",
        "topic": {
            "nl": "Schermtijd: tablet, gsm en tv thuis",
            "en": "Screen time: tablet, phone and TV at home",
            "fr": "Le temps d'écran : tablette, GSM et télé à la maison",
            "ar": "وقت الشاشة: الجهاز اللوحي والهاتف والتلفاز في البيت",
            "tr": "Ekran süresi: evde tablet, telefon ve televizyon",
        },
        "place": "Bibliotheek, eerste verdieping",
        "capacity": 4,
        "languages": ["nl", "fr", "en"],
        "interpreter": False,
        "childcare": True,
    },
    {
        "days": 19,
        "hours": (time(8, 45), time(10, 15)),
        "pictogram": "language_class",
        "topic": {
            "nl": "Nederlands leren als ouder: waar en hoe?",
            "en": "Learning Dutch as a parent: where and how?",
            "fr": "Apprendre le néerlandais en tant que parent : où et comment ?",
            "ar": "تعلّم اللغة الهولندية كوليّ أمر: أين وكيف؟",
            "tr": "Veli olarak Felemenkçe öğrenmek: nerede ve nasıl?",
            "uk": "Вивчення нідерландської для батьків: де і як?",
        },
        "place": "Klas 3B",
        "capacity": 15,
        "languages": ["nl", "ar", "tr", "uk", "fr"],
        "interpreter": True,
        "childcare": False,
    },
)

IDEAS = (
    ("Gezond eten in de brooddoos", "menu", "nl", APPROVED, 3),
    ("Comment aider mon enfant avec les devoirs ?", "homework", "fr", APPROVED, 2),
    ("كيف أتحدث مع المعلمة؟", "talk_teacher", "ar", APPROVED, 1),
    ("Okula başlamak: ilk gün", "first_school_day", "tr", NEW, 0),
)


def _school_day(today, days):
    """`days` ahead, moved off the weekend, so a café never falls on a Saturday."""
    day = today + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def add(today):
    for spec in MEETINGS:
        day = _school_day(today, spec["days"])
        start, end = spec["hours"]
        db.session.add(
            Meeting(
                topic=spec["topic"],
                pictogram=spec["pictogram"],
                starts_at=datetime.combine(day, start),
                ends_at=datetime.combine(day, end),
                place=spec["place"],
                capacity=spec["capacity"],
                places_left=spec["capacity"],
                languages=spec["languages"],
                interpreter=spec["interpreter"],
                childcare=spec["childcare"],
            )
        )
    for text, pictogram, lang, status, votes in IDEAS:
        idea = Idea(text=text, pictogram=pictogram, lang=lang, status=status)
        idea.votes = [IdeaVote(voter=f"demo-voter-{n:02d}-{lang}") for n in range(votes)]
        db.session.add(idea)
