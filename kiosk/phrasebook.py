# ruff: noqa: E501  (one line per sentence reads best)
"""The phrasebook: school sentences with blanks, translated in every catalogue.

The bridge figure writes Dutch; parents read fifteen languages. A notice, an urgent
message or a board exception made of these sentences stores only which sentence and
what goes in its blanks ({"key": "swimming_day", "slots": {"day": "0"}}), and is
written out in the page's language when it is shown: complete in every language the
moment it is saved (spec section 10).

A blank's name says what kind of value it holds (SLOT_KINDS): a weekday, a date, a
time, a school place or a thing to bring from the translated lists below, an amount
in euro, or a class's name. Values are formatted for each language with Babel.
"""

import re
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation

from babel.dates import format_date, format_time, get_day_names
from babel.numbers import format_currency
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l


def N_(msgid: str) -> str:
    """Mark a sentence for the catalogues; it is translated when it is shown."""
    return msgid


# The kind of value each blank holds, by the blank's name.
SLOT_KINDS = {
    "day": "day",
    "date": "date",
    "end_date": "date",
    "time": "time",
    "leave": "time",
    "back": "time",
    "until": "time",
    "place": "place",
    "amount": "amount",
    "item": "item",
    "class": "class",
}
SLOT_LABELS = {
    "day": _l("Day"),
    "date": _l("Date"),
    "end_date": _l("Until (date)"),
    "time": _l("Time"),
    "leave": _l("Leaving at"),
    "back": _l("Back at"),
    "until": _l("Until (time)"),
    "place": _l("Place"),
    "amount": _l("Amount (euro)"),
    "item": _l("What"),
    "class": _l("Class"),
}
CLASS_MAX = 60
_TIME = re.compile(r"(\d{1,2})[:.hu](\d{2})")  # 08:30, 8.30, 8h30, 8u30
AMOUNT_MAX = Decimal("10000")

# Places a school sends children and parents to.
PLACES = {
    "gym": N_("the gym"),
    "sports_hall": N_("the sports hall"),
    "swimming_pool": N_("the swimming pool"),
    "library": N_("the library"),
    "playground": N_("the playground"),
    "school_gate": N_("the school gate"),
    "dining_hall": N_("the dining hall"),
    "school_hall": N_("the school hall"),
    "classroom": N_("the classroom"),
    "church_hall": N_("the parish hall"),
    "town_hall": N_("the town hall"),
    "forest": N_("the forest"),
    "park": N_("the park"),
    "museum": N_("the museum"),
    "theatre": N_("the theatre"),
    "zoo": N_("the zoo"),
    "farm": N_("the farm"),
    "seaside": N_("the seaside"),
}

# Things to bring, or to pay for.
ITEMS = {
    "lunch_box": N_("a lunch box"),
    "water_bottle": N_("a water bottle"),
    "snack": N_("a healthy snack"),
    "fruit": N_("a piece of fruit"),
    "gym_clothes": N_("gym clothes"),
    "swimwear": N_("swimwear and a towel"),
    "rain_clothes": N_("rain clothes and boots"),
    "spare_clothes": N_("spare clothes"),
    "sun_hat": N_("a sun hat"),
    "costume": N_("a costume"),
    "signed_form": N_("the signed form"),
    "library_books": N_("the library books"),
    "empty_box": N_("an empty box"),
    "school_trip": N_("the school trip"),
    "swimming_lessons": N_("the swimming lessons"),
    "class_photo": N_("the class photo"),
    "school_party": N_("the school party"),
    "school_camp": N_("the school camp"),
    "theatre_ticket": N_("the theatre ticket"),
}


@dataclass(frozen=True)
class Phrase:
    """One sentence: its key (stored), topic, pictogram key and English msgid."""

    key: str
    topic: str
    pictogram: str
    msgid: str

    @property
    def slots(self) -> list[str]:
        """The names of its blanks, in the order the English sentence has them."""
        return re.findall(r"%\((\w+)\)s", self.msgid)


TOPICS = {
    "sport": _l("Sport and swimming"),
    "trips": _l("Trips"),
    "bring": _l("Things to bring"),
    "money": _l("Money"),
    "food": _l("Food and drink"),
    "health": _l("Health"),
    "parents": _l("Parents and school"),
    "times": _l("Times and changes"),
    "learning": _l("Learning"),
    "celebrations": _l("Celebrations"),
}

P = Phrase
# fmt: off
# "No school" is not here: closed days come from the school calendar (spec section 11).
PHRASES: tuple[Phrase, ...] = (
    # --- Sport and swimming ---
    P("swimming_day", "sport", "swimming", N_("Swimming on %(day)s: bring swimwear and a towel.")),
    P("swimming_class", "sport", "swimming", N_("Swimming for %(class)s on %(day)s.")),
    P("swimming_start", "sport", "swim_gear", N_("The swimming lesson starts at %(time)s.")),
    P("gym_day", "sport", "gym_lesson", N_("Gym on %(day)s: bring gym clothes and gym shoes.")),
    P("gym_place", "sport", "gym_lesson", N_("Gym for %(class)s on %(day)s in %(place)s.")),
    P("sports_day", "sport", "sports_day", N_("Sports day on %(date)s: wear sports clothes.")),
    P("sponsored_run", "sport", "running", N_("Sponsored run on %(date)s in %(place)s.")),
    P("bike_exam", "sport", "bike_exam", N_("Cycling exam on %(date)s: bring a bike that works and a helmet.")),
    P("ice_skating", "sport", "ice_skating", N_("Ice skating on %(day)s: bring gloves and warm clothes.")),
    # --- Trips ---
    P("trip_bus", "trips", "excursion_bus", N_("Trip to %(place)s by bus: leaving at %(leave)s, back at %(back)s.")),
    P("trip_train", "trips", "train", N_("Trip to %(place)s by train on %(date)s.")),
    P("trip_walk", "trips", "walk", N_("We walk to %(place)s on %(day)s.")),
    P("forest_trip", "trips", "forest_trip", N_("Forest trip on %(day)s: bring boots and rain clothes.")),
    P("forest_class", "trips", "forest_trip", N_("Forest trip for %(class)s on %(day)s.")),
    P("library_day", "trips", "library_visit", N_("Library on %(day)s: bring the library books back.")),
    P("library_class", "trips", "library_visit", N_("Library visit for %(class)s on %(day)s.")),
    P("museum", "trips", "museum", N_("Museum visit on %(date)s.")),
    P("zoo", "trips", "zoo", N_("Trip to the zoo on %(date)s.")),
    P("farm", "trips", "farm", N_("Visit to the farm on %(day)s.")),
    P("theatre", "trips", "theatre", N_("Theatre show on %(day)s at %(time)s.")),
    P("seaside", "trips", "sea", N_("Trip to the seaside on %(date)s: bring a sun hat and sun cream.")),
    P("camp", "trips", "camp", N_("School camp from %(date)s to %(end_date)s.")),
    P("back_at", "trips", "on_time", N_("The children are back at school at %(time)s.")),
    P("picnic", "trips", "picnic", N_("Picnic on %(day)s: bring a lunch box and a drink.")),
    # --- Things to bring ---
    P("bring_item", "bring", "collection", N_("Bring %(item)s on %(day)s.")),
    P("bring_item_by", "bring", "collection", N_("Bring %(item)s by %(date)s.")),
    P("lunch_box", "bring", "lunch_box", N_("Bring a lunch box on %(day)s.")),
    P("snack", "bring", "snack", N_("Bring a healthy snack on %(day)s.")),
    P("fruit_day", "bring", "fruit_day", N_("Fruit day on %(day)s: bring a piece of fruit.")),
    P("water_bottle", "bring", "water_bottle", N_("Bring a water bottle every day.")),
    P("rain_clothes", "bring", "rain_clothes", N_("Bring rain clothes and boots on %(day)s.")),
    P("warm_clothes", "bring", "warm_clothes", N_("It is cold: dress your child warmly, with a hat and gloves.")),
    P("sun_hat", "bring", "sun_hat", N_("It will be hot: bring a sun hat and a water bottle.")),
    P("sunscreen", "bring", "sunscreen", N_("Put sun cream on your child before school.")),
    P("spare_clothes", "bring", "spare_clothes", N_("Bring spare clothes in a bag with your child's name on it.")),
    P("name_label", "bring", "name_label", N_("Write your child's name on coats, boxes and bottles.")),
    P("toy_day", "bring", "toy_day", N_("Toy day on %(day)s: your child may bring one toy.")),
    P("dress_up", "bring", "dress_up", N_("Dress-up day on %(day)s: your child may come in costume.")),
    # --- Money ---
    P("money_for", "money", "money", N_("Bring %(amount)s for %(item)s.")),
    P("money_by", "money", "money", N_("Pay %(amount)s for %(item)s by %(date)s.")),
    P("money_envelope", "money", "money", N_("Put the money in an envelope with your child's name on it.")),
    P("small_change", "money", "coins", N_("Bring %(amount)s in coins on %(day)s.")),
    P("school_bill", "money", "letter", N_("The school bill is in your child's bag. Please pay by %(date)s.")),
    P("money_help", "money", "money", N_("Is paying difficult? Talk to the school: we will find a solution.")),
    # --- Food and drink ---
    P("no_warm_meal", "food", "lunch_box", N_("No warm meal on %(day)s: bring a lunch box.")),
    P("breakfast", "food", "breakfast", N_("School breakfast on %(day)s at %(time)s. Everyone is welcome.")),
    P("no_sweets", "food", "sweets", N_("No sweets at school, please.")),
    P("allergy", "food", "allergy", N_("Tell the teacher if your child has an allergy.")),
    # --- Health ---
    P("lice_check", "health", "lice_check", N_("Lice check on %(day)s.")),
    P("lice_found", "health", "lice_check", N_("There are lice in %(class)s: please check your child's hair.")),
    P("doctor", "health", "doctor", N_("The school doctor comes on %(date)s.")),
    P("health_check", "health", "health_check", N_("Health check for %(class)s on %(date)s. You may come along.")),
    P("vaccination", "health", "vaccination", N_("Vaccination for %(class)s on %(date)s: sign the form.")),
    P("dentist", "health", "dentist", N_("Dentist at school on %(day)s.")),
    P("sick_child", "health", "sick_child", N_("Is your child ill? Call the school before %(time)s.")),
    P("medicine", "health", "medicine", N_("Medicine at school only with a note from the doctor.")),
    # --- Parents and school ---
    P("parent_evening", "parents", "parent_evening", N_("Parent evening on %(date)s at %(time)s.")),
    P("parent_talks", "parents", "talk_teacher", N_("Talks with the teacher on %(date)s: choose a time on the list at the classroom door.")),
    P("ask_teacher", "parents", "talk_teacher", N_("Questions? Talk to the teacher at the gate after school.")),
    P("parent_cafe", "parents", "parent_cafe", N_("Parent café on %(day)s at %(time)s in %(place)s. Everyone is welcome.")),
    P("interpreter", "parents", "interpreter_available", N_("An interpreter will be there. Ask at the kiosk.")),
    P("report_card", "parents", "report_card", N_("Report card on %(day)s: sign it and bring it back.")),
    P("permission", "parents", "permission_slip", N_("Sign the form and bring it back by %(date)s.")),
    P("letter_home", "parents", "letter", N_("There is a letter in your child's bag.")),
    P("volunteers", "parents", "volunteers", N_("We need helpers on %(day)s. Can you help? Tell the teacher.")),
    P("open_day", "parents", "open_day", N_("Open day on %(date)s from %(time)s to %(until)s.")),
    P("enrolment", "parents", "enrolment", N_("Enrolment for next school year: until %(date)s at the office.")),
    P("photographer", "parents", "photographer", N_("The school photographer comes on %(date)s.")),
    P("class_photo", "parents", "photographer", N_("Class photo for %(class)s on %(day)s.")),
    P("dutch_lessons", "parents", "language_class", N_("Dutch lessons for parents on %(day)s at %(time)s in %(place)s.")),
    # --- Times and changes ---
    P("school_ends", "times", "half_day", N_("School ends at %(time)s on %(day)s.")),
    P("care_until", "times", "care", N_("After-school care until %(time)s.")),
    P("gate_opens", "times", "school_opens", N_("The school gate opens at %(time)s.")),
    P("on_time", "times", "on_time", N_("School starts at %(time)s. Please be on time.")),
    P("pick_up", "times", "pickup", N_("Pick up your child in %(place)s at %(time)s.")),
    P("teacher_ill", "times", "teacher_sick", N_("The teacher of %(class)s is ill. Another teacher takes the class.")),
    P("strike", "times", "strike", N_("Strike on %(date)s. The school is open for childcare.")),
    P("fire_drill", "times", "fire_drill", N_("Fire drill on %(day)s. Do not worry if you hear the alarm.")),
    # --- Learning ---
    P("test", "learning", "test", N_("Test on %(day)s. Please practise at home.")),
    P("homework", "learning", "homework", N_("Homework is in the school bag. Please look at it with your child.")),
    P("reading_home", "learning", "reading_home", N_("Read together with your child for 10 minutes every day.")),
    # --- Celebrations ---
    P("birthday", "celebrations", "birthday", N_("Birthday party in class on %(day)s.")),
    P("carnival", "celebrations", "carnival", N_("Carnival on %(day)s: your child may come in costume.")),
    P("school_party", "celebrations", "school_party", N_("School party on %(date)s from %(time)s. Everyone is welcome.")),
    P("saint_nicholas", "celebrations", "saint_nicholas", N_("Saint Nicholas visits the school on %(day)s.")),
    P("christmas", "celebrations", "christmas", N_("Christmas party on %(date)s at %(time)s.")),
    P("eid", "celebrations", "eid", N_("Happy Eid to all families!")),
    P("ramadan", "celebrations", "ramadan", N_("Ramadan: tell the teacher if your child is fasting.")),
    P("grandparents", "celebrations", "grandparents_day", N_("Grandparents' day on %(date)s: grandparents are welcome at %(time)s.")),
    P("leaving_party", "celebrations", "graduation", N_("Leaving party for %(class)s on %(date)s at %(time)s.")),
)
# fmt: on
BY_KEY = {phrase.key: phrase for phrase in PHRASES}


# --- What a blank may hold ---------------------------------------------------------------


def clean_slot(kind: str, value: str, classes=()) -> str | None:
    """The value as it is stored, or None when it is not a value of that kind.

    Days are a weekday number ("0" Monday ... "6" Sunday), so a copied week keeps
    its days; dates ISO, times "HH:MM", amounts "5.00", places and items a key.
    """
    value = (value or "").strip()
    if kind == "day":
        return value if value in {str(n) for n in range(7)} else None
    if kind == "date":
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
        return value if 1970 <= day.year <= 2999 else None
    if kind == "time":
        match = _TIME.fullmatch(value)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            return None
        return f"{int(match[1]):02d}:{match[2]}"
    if kind == "amount":
        try:
            amount = Decimal(value.replace(",", ".").replace("€", "").strip())
        except InvalidOperation:
            return None
        if not amount.is_finite() or not 0 < amount <= AMOUNT_MAX:
            return None
        return str(amount.quantize(Decimal("0.01")))
    if kind == "place":
        return value if value in PLACES else None
    if kind == "item":
        return value if value in ITEMS else None
    if kind == "class":
        return (
            value
            if value and len(value) <= CLASS_MAX and (not classes or value in classes)
            else None
        )
    return None


def check(key: str, values: dict, classes=()) -> tuple[dict | None, dict]:
    """A chosen sentence and what was typed in its blanks, checked.

    Returns ({"key", "slots"} to store, or None) and the problems per blank
    ({"day": "missing"} or "invalid"; "phrase": "unknown" for a sentence not in the book).
    """
    phrase = BY_KEY.get(key)
    if phrase is None:
        return None, {"phrase": "unknown"}
    slots, problems = {}, {}
    for name in phrase.slots:
        typed = (values.get(name) or "").strip()
        if not typed:
            problems[name] = "missing"
            continue
        cleaned = clean_slot(SLOT_KINDS[name], typed, classes)
        if cleaned is None:
            problems[name] = "invalid"
        else:
            slots[name] = cleaned
    return (None if problems else {"key": key, "slots": slots}), problems


# --- Writing a sentence out in a language ------------------------------------------------


def _value(kind: str, value: str, lang: str) -> str:
    """One stored value in the words and numbers of `lang` (inside force_locale)."""
    if kind == "day":
        return get_day_names("wide", locale=lang)[int(value)]
    if kind == "date":
        return format_date(date.fromisoformat(value), "full", locale=lang)
    if kind == "time":
        return format_time(time.fromisoformat(value), "short", locale=lang)
    if kind == "amount":
        return format_currency(Decimal(value), "EUR", locale=lang)
    if kind == "place":
        return _(PLACES[value])
    if kind == "item":
        return _(ITEMS[value])
    return value


def render(stored: dict, lang: str) -> str:
    """One stored sentence ({"key", "slots"}) written out in `lang`; "" for an unknown key."""
    phrase = BY_KEY.get((stored or {}).get("key"))
    if phrase is None:
        return ""
    slots = stored.get("slots") or {}
    with force_locale(lang):
        values = {
            name: _value(SLOT_KINDS[name], slots[name], lang)
            for name in phrase.slots
            if name in slots
        }
        if len(values) < len(phrase.slots):
            return ""
        return _(phrase.msgid, **values) if values else _(phrase.msgid)


def render_all(stored_list, lang: str) -> str:
    """Several stored sentences as one text in `lang`."""
    return " ".join(filter(None, (render(stored, lang) for stored in stored_list or ())))


def texts_in(stored_list, typed: dict, codes) -> dict:
    """{code: text} of something made of sentences (`stored_list`) and perhaps typed text
    beside them (`typed`, per language): the sentences written out in each of `codes`,
    then the typed text. A language is there only where every part exists in it."""
    typed = typed or {}
    if not stored_list:
        return {code: typed[code] for code in codes if typed.get(code)}
    found = {}
    for code in codes:
        if typed and not typed.get(code):
            continue  # the typed part waits for its translation: Dutch stands in
        text = " ".join(filter(None, (render_all(stored_list, code), typed.get(code))))
        if text:
            found[code] = text
    return found


def label(phrase: Phrase) -> str:
    """The sentence in the admin's language with its blanks shown: "Zwemmen op [Dag]: ..."."""
    names = {name: f"[{SLOT_LABELS[name]}]" for name in phrase.slots}
    return _(phrase.msgid, **names) if names else _(phrase.msgid)


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """(topic label, [(key, label), ...]) for a <select> with one <optgroup> per topic."""
    return [
        (str(title), [(p.key, label(p)) for p in PHRASES if p.topic == topic])
        for topic, title in TOPICS.items()
    ]


def place_choices() -> list[tuple[str, str]]:
    return [(key, _(msgid)) for key, msgid in PLACES.items()]


def item_choices() -> list[tuple[str, str]]:
    return [(key, _(msgid)) for key, msgid in ITEMS.items()]


def pictograms_of(stored_list) -> list[str]:
    """The pictogram keys of the stored sentences, each once, in order."""
    found = []
    for stored in stored_list or ():
        phrase = BY_KEY.get(stored.get("key"))
        if phrase and phrase.pictogram not in found:
            found.append(phrase.pictogram)
    return found


# --- The editor's sentence rows (notices, urgent messages, board exceptions) -------------

PROBLEMS = {
    "unknown": _l("Choose a sentence from the list."),
    "missing": _l("Fill this in for the sentence."),
    "invalid": _l("Check this: a time like 08:30, an amount like 2.50, or a choice from the list."),
}
INPUT_TYPES = {"date": "date", "time": "time", "amount": "number"}


@dataclass
class Row:
    """One sentence row of a form: `phrase` and `slot_<name>` (row 1), or `phrase_2` and
    `slot_2_<name>` (row 2, ...): what was chosen and typed, and what is wrong with it."""

    number: int
    key: str = ""
    values: dict = None
    problems: dict = None

    @property
    def phrase_name(self):
        return "phrase" if self.number == 1 else f"phrase_{self.number}"

    def slot_name(self, slot):
        return f"slot_{slot}" if self.number == 1 else f"slot_{self.number}_{slot}"


def rows_from(data, rows_max: int, classes=()) -> tuple[list[Row], list[dict]]:
    """The sentence rows posted in `data` (a form's MultiDict), checked: (rows, what to
    store). A row without a sentence is left out of what is stored."""
    rows, stored = [], []
    for number in range(1, rows_max + 1):
        row = Row(number)
        row.key = (data.get(row.phrase_name) or "").strip()
        row.values = {slot: (data.get(row.slot_name(slot)) or "").strip() for slot in SLOT_KINDS}
        row.problems = {}
        if row.key:
            sentence, row.problems = check(row.key, row.values, classes)
            if sentence:
                stored.append(sentence)
        rows.append(row)
    return rows, stored


def rows_of(stored_list, rows_max: int) -> list[Row]:
    """Rows showing stored sentences, to edit them."""
    rows = []
    for number in range(1, rows_max + 1):
        stored = stored_list[number - 1] if number <= len(stored_list or ()) else {}
        rows.append(Row(number, stored.get("key", ""), dict(stored.get("slots") or {}), {}))
    return rows


def has_problems(rows) -> bool:
    return any(row.problems for row in rows)


def shown_rows(rows, rows_max: int) -> list[Row]:
    """The rows with a sentence, and one empty row to add another (up to rows_max)."""
    chosen = [row for row in rows if row.key]
    if len(chosen) < rows_max:
        empty = next(row for row in rows if not row.key)
        chosen.append(empty)
    return chosen


def row_view(row: Row, day_choices, class_choices) -> dict:
    """What the form macro draws of a row: its select and the fields of its blanks
    (every kind of blank while no sentence is chosen, so it works without a script)."""
    phrase = BY_KEY.get(row.key)
    names = phrase.slots if phrase else list(SLOT_KINDS)
    fields = []
    for slot in names:
        kind = SLOT_KINDS[slot]
        choices = {
            "day": day_choices,
            "place": place_choices(),
            "item": item_choices(),
            "class": class_choices,
        }.get(kind)
        problem = (row.problems or {}).get(slot)
        fields.append(
            {
                "slot": slot,
                "name": row.slot_name(slot),
                "label": str(SLOT_LABELS[slot]),
                "value": (row.values or {}).get(slot, ""),
                "choices": choices or None,
                "type": INPUT_TYPES.get(kind, "text"),
                "error": str(PROBLEMS[problem]) if problem else None,
            }
        )
    unknown = (row.problems or {}).get("phrase")
    return {
        "number": row.number,
        "name": row.phrase_name,
        "key": row.key,
        "error": str(PROBLEMS[unknown]) if unknown else None,
        "fields": fields,
        "chosen": phrase is not None,
    }
