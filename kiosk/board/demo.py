"""Demo content for the board: four classes with children, a full week, holidays, one exception."""

import random
import uuid
from datetime import datetime, time, timedelta

from kiosk import clock, pictograms
from kiosk.board import rules
from kiosk.board.models import Child, Choice, Holiday, PlanException, PlanSlot, SchoolClass
from kiosk.extensions import db

NOTES = {
    "swim_gear": {
        "nl": "Zwemgerief meebrengen",
        "en": "Bring swimming things",
        "fr": "Apportez le maillot et la serviette",
        "ar": "أحضروا ملابس السباحة",
        "tr": "Yüzme malzemelerini getirin",
    },
    "gym_clothes": {
        "nl": "Turnpantoffels mee",
        "en": "Gym shoes, please",
        "fr": "Pantoufles de gym, s'il vous plaît",
        "ar": "أحضروا حذاء الرياضة",
        "tr": "Spor ayakkabısı getirin",
    },
    "books": {
        "nl": "Boeken terugbrengen",
        "en": "Bring the library books back",
        "fr": "Rapportez les livres de la bibliothèque",
        "ar": "أعيدوا كتب المكتبة",
        "tr": "Kütüphane kitaplarını geri getirin",
    },
    "boots": {
        "nl": "Laarzen en regenjas",
        "en": "Boots and a raincoat",
        "fr": "Bottes et imperméable",
        "ar": "حذاء مطاطي ومعطف مطر",
        "tr": "Çizme ve yağmurluk",
    },
    "fruit": {
        "nl": "Een stuk fruit meegeven",
        "en": "Give a piece of fruit",
        "fr": "Donnez un fruit",
        "ar": "أعطوا قطعة فاكهة",
        "tr": "Bir meyve verin",
    },
}

FOREST_TRIP = {
    "nl": "Bosuitstap: ophalen om 15:30 aan de ingang van het bos",
    "en": "Forest trip: pick-up at 15:30 at the forest entrance",
    "fr": "Sortie en forêt : à reprendre à 15h30 à l'entrée du bois",
    "ar": "رحلة إلى الغابة: الاستلام الساعة 15:30 عند مدخل الغابة",
    "tr": "Orman gezisi: 15:30'da orman girişinden alın",
}

HOLIDAY = {
    "nl": "Schoolvakantie",
    "en": "School holiday",
    "fr": "Vacances scolaires",
    "ar": "عطلة مدرسية",
    "tr": "Okul tatili",
}
STUDY_DAY = {
    "nl": "Pedagogische studiedag",
    "en": "Teacher training day",
    "fr": "Journée pédagogique",
    "ar": "يوم تكوين المعلمين",
    "tr": "Öğretmen eğitim günü",
}

M, A = time(8, 30), time(13, 15)
NOON_BREAK, HOME_TIME = time(12, 0), time(15, 30)

# name, colour, animal, first names shown, children, week: weekday -> (morning, afternoon)
# where a part is (activity, place, note key) and None is "no school".
CLASSES = (
    ("Leeuwtjes", "#f6c445", "animal_lion", False, 14, {
        0: (("painting", "classroom", None), ("nature", "playground", None)),
        1: (("gym_lesson", "gym", "gym_clothes"), ("music", "classroom", None)),
        2: (("crafts", "classroom", "fruit"), None),
        3: (("library_visit", "library", "books"), ("singing", "classroom", None)),
        4: (("cooking", "classroom", None), ("garden", "playground", "boots")),
    }),
    ("Olifantjes", "#8fc1e3", "animal_elephant", False, 12, {
        0: (("drawing", "classroom", None), ("gym_lesson", "gym", "gym_clothes")),
        1: (("reading_home", "classroom", None), ("forest_trip", "forest", "boots")),
        2: (("music", "classroom", "fruit"), None),
        3: (("baking", "classroom", None), ("dancing", "gym", None)),
        4: (("library_visit", "library", "books"), ("crafts", "classroom", None)),
    }),
    ("Uilen", "#2e7d32", "animal_owl", True, 18, {
        0: (("homework", "classroom", None), ("swimming", "swimming_pool", "swim_gear")),
        1: (("test", "classroom", None), ("painting", "classroom", None)),
        2: (("gym_lesson", "sports_hall", "gym_clothes"), None),
        3: (("reading_home", "library", "books"), ("traffic", "out_of_school", None)),
        4: (("music", "classroom", None), ("nature", "forest", "boots")),
    }),
    ("Dolfijnen", "#6a3d9a", "animal_dolphin", True, 16, {
        0: (("swimming", "swimming_pool", "swim_gear"), ("homework", "classroom", None)),
        1: (("gym_lesson", "sports_hall", "gym_clothes"), ("theatre", "classroom", None)),
        2: (("test", "classroom", None), None),
        3: (("cooking", "classroom", "fruit"), ("bike_exam", "playground", None)),
        4: (("library_visit", "library", "books"), ("sports_day", "sports_hall", None)),
    }),
)  # fmt: skip

# fmt: off
FIRST_NAMES = [
    "Amira", "Noah", "Yusuf", "Lina", "Emma", "Mohamed", "Elif", "Zeynep", "Lucas",
    "Sara", "Adam", "Nour", "Mila", "Ilyas", "Hiba", "Oskar", "Maja", "Aya",
    "Rayan", "Ines", "Kacper", "Daria", "Omar", "Layla", "Milan", "Ahmed", "Fatma",
    "Jana", "Bilal", "Sofia", "Ayoub", "Marie", "Kerem", "Olga", "Youssef", "Lotte",
    "Selin", "Jonas", "Hamza", "Anna", "Mariam", "Vince", "Salma", "Ali", "Nina",
    "Mehmet", "Eva", "Idriss", "Luna", "Tymon", "Hanna", "Samir", "Julia", "Aziz",
    "Fien", "Ibrahim", "Zoë", "Mustafa", "Elena", "Abdi", "Lea", "Senna", "Arda",
]
# fmt: on


def _week_slots(week):
    for weekday, parts in week.items():
        for part, planned in zip(rules.PARTS, parts, strict=True):
            if planned is None:
                yield PlanSlot(weekday=weekday, part=part, activity=rules.NO_SCHOOL)
                continue
            activity, place, note = planned
            starts, ends = (M, NOON_BREAK) if part == "morning" else (A, HOME_TIME)
            yield PlanSlot(
                weekday=weekday,
                part=part,
                activity=activity,
                place=place,
                starts=starts,
                ends=ends,
                note=NOTES.get(note, {}),
            )


def _usual_week(draw):
    week = {}
    for weekday in rules.SCHOOL_DAYS:
        noon = None if weekday == 2 else draw.choices(rules.NOON, weights=(5, 4, 1))[0]
        after = draw.choices(rules.AFTER, weights=(4, 4, 2))[0]
        week[str(weekday)] = {"noon": noon, "after": after}
    return week


def add(today):
    draw = random.Random(13)  # the same demo every time
    symbols = [p.key for p in pictograms.in_group("symbol")]
    names = iter(FIRST_NAMES * 2)
    made = []
    for order, (name, colour, animal, show_names, size, week) in enumerate(CLASSES):
        school_class = SchoolClass(
            name=name, colour=colour, animal=animal, sort_order=order, show_first_names=show_names
        )
        school_class.week.extend(_week_slots(week))
        for symbol in draw.sample(symbols, size):
            school_class.children.append(
                Child(first_name=next(names), symbol=symbol, usual_week=_usual_week(draw))
            )
        db.session.add(school_class)
        made.append(school_class)

    monday = today - timedelta(days=today.weekday())
    db.session.add(
        PlanException(
            school_class=made[2],
            day=monday + timedelta(days=3),
            part="afternoon",
            activity="forest_trip",
            place="forest",
            starts=A,
            ends=HOME_TIME,
            note=FOREST_TRIP,
        )
    )
    # Friday of next week, counted from the week the notices call "this week" (the coming
    # one on a weekend): the notices' next week (kiosk/notices/demo.py) says "no school"
    # that day because of this one entry, and adds that childcare is on request.
    this_week = monday if today.weekday() in rules.SCHOOL_DAYS else monday + timedelta(weeks=1)
    study_day = this_week + timedelta(days=11)
    db.session.add(Holiday(name=STUDY_DAY, first_day=study_day, last_day=study_day))
    db.session.add(
        Holiday(
            name=HOLIDAY,
            first_day=monday + timedelta(days=28),
            last_day=monday + timedelta(days=32),
        )
    )
    db.session.flush()

    if today.weekday() in rules.SCHOOL_DAYS:
        # Two taps this morning on the gate kiosk, one of them after the cut-off.
        first, second = made[0].children[0], made[3].children[1]
        for child, kind, code, at in (
            (first, "noon", "home", time(8, 10)),
            (second, "after", "care", time(10, 20)),
        ):
            db.session.add(
                Choice(
                    request_id=str(uuid.UUID(int=draw.getrandbits(128))),
                    child_id=child.id,
                    day=today,
                    kind=kind,
                    code=code,
                    made_at=clock.utc(datetime.combine(today, at)),
                    kiosk="gate",
                )
            )
