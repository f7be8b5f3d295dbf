"""The languages parents speak: for interpreter requests, café meetings and offers of help.

Not the interface languages (kiosk.i18n): a parent can ask for a Tigrinya
interpreter while reading the phone page in English. Each language has its own
name in its own script, so a parent finds it without reading Dutch; staff also
get an English label, which the catalogues translate into Dutch.

The order is the order a parent sees: the languages most asked for among newcomer
families in Flanders first, then the others.
"""

from flask_babel import lazy_gettext as _l

# (code, own name): ISO 639-1 where it exists, else ISO 639-3 (or 639-5 for Tamazight).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("ber", "Tamaziɣt · ⵜⴰⵎⴰⵣⵉⵖⵜ"),
    ("rif", "Tarifit · ⵜⴰⵔⵉⴼⵉⵜ"),
    ("ary", "الدارجة المغربية"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("prs", "دری"),
    ("ps", "پښتو"),
    ("fa", "فارسی"),
    ("kmr", "Kurdî (Kurmancî)"),
    ("ckb", "کوردی سۆرانی"),
    ("sq", "Shqip"),
    ("es", "Español"),
    ("pt", "Português"),
    ("fr", "Français"),
    ("en", "English"),
    # Then the others, roughly by region.
    ("am", "አማርኛ"),
    ("om", "Afaan Oromoo"),
    ("sw", "Kiswahili"),
    ("ln", "Lingála"),
    ("rw", "Ikinyarwanda"),
    ("rn", "Ikirundi"),
    ("ff", "Pulaar"),
    ("wo", "Wolof"),
    ("bm", "Bamanankan"),
    ("ak", "Twi"),
    ("yo", "Yorùbá"),
    ("ig", "Igbo"),
    ("ha", "Hausa"),
    ("kab", "Taqbaylit"),
    ("ka", "ქართული"),
    ("hy", "Հայերեն"),
    ("az", "Azərbaycanca"),
    ("ce", "Нохчийн"),
    ("tg", "Тоҷикӣ"),
    ("uz", "Oʻzbekcha"),
    ("ur", "اردو"),
    ("hi", "हिन्दी"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("bn", "বাংলা"),
    ("ta", "தமிழ்"),
    ("ne", "नेपाली"),
    ("zh", "中文"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
    ("tl", "Tagalog"),
    ("sr", "Српски"),
    ("bs", "Bosanski"),
    ("hr", "Hrvatski"),
    ("mk", "Македонски"),
    ("rom", "Romani čhib"),
    ("sk", "Slovenčina"),
    ("cs", "Čeština"),
    ("hu", "Magyar"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("el", "Ελληνικά"),
    ("it", "Italiano"),
    ("de", "Deutsch"),
    ("he", "עברית"),
    ("nl", "Nederlands"),
    ("vgt", "Vlaamse Gebarentaal"),
)

# How many of LANGUAGES a list shows first, as "most asked".
MOST_ASKED = 22

RTL = frozenset({"ar", "ary", "prs", "ps", "fa", "ckb", "ur", "he"})

# For staff, who may not read the own name: English, translated by the catalogues.
LABELS = {
    "ar": _l("Arabic"),
    "tr": _l("Turkish"),
    "ber": _l("Tamazight (Berber)"),
    "rif": _l("Tarifit (Riffian Berber)"),
    "ary": _l("Moroccan Arabic (Darija)"),
    "pl": _l("Polish"),
    "ro": _l("Romanian"),
    "bg": _l("Bulgarian"),
    "uk": _l("Ukrainian"),
    "ru": _l("Russian"),
    "so": _l("Somali"),
    "ti": _l("Tigrinya"),
    "prs": _l("Dari"),
    "ps": _l("Pashto"),
    "fa": _l("Farsi (Persian)"),
    "kmr": _l("Kurdish (Kurmanji)"),
    "ckb": _l("Kurdish (Sorani)"),
    "sq": _l("Albanian"),
    "es": _l("Spanish"),
    "pt": _l("Portuguese"),
    "fr": _l("French"),
    "en": _l("English"),
    "am": _l("Amharic"),
    "om": _l("Oromo"),
    "sw": _l("Swahili"),
    "ln": _l("Lingala"),
    "rw": _l("Kinyarwanda"),
    "rn": _l("Kirundi"),
    "ff": _l("Fula (Pulaar)"),
    "wo": _l("Wolof"),
    "bm": _l("Bambara"),
    "ak": _l("Twi (Akan)"),
    "yo": _l("Yoruba"),
    "ig": _l("Igbo"),
    "ha": _l("Hausa"),
    "kab": _l("Kabyle"),
    "ka": _l("Georgian"),
    "hy": _l("Armenian"),
    "az": _l("Azerbaijani"),
    "ce": _l("Chechen"),
    "tg": _l("Tajik"),
    "uz": _l("Uzbek"),
    "ur": _l("Urdu"),
    "hi": _l("Hindi"),
    "pa": _l("Punjabi"),
    "bn": _l("Bengali"),
    "ta": _l("Tamil"),
    "ne": _l("Nepali"),
    "zh": _l("Chinese"),
    "vi": _l("Vietnamese"),
    "th": _l("Thai"),
    "tl": _l("Tagalog"),
    "sr": _l("Serbian"),
    "bs": _l("Bosnian"),
    "hr": _l("Croatian"),
    "mk": _l("Macedonian"),
    "rom": _l("Romani"),
    "sk": _l("Slovak"),
    "cs": _l("Czech"),
    "hu": _l("Hungarian"),
    "lt": _l("Lithuanian"),
    "lv": _l("Latvian"),
    "el": _l("Greek"),
    "it": _l("Italian"),
    "de": _l("German"),
    "he": _l("Hebrew"),
    "nl": _l("Dutch"),
    "vgt": _l("Flemish Sign Language"),
}

BY_CODE = dict(LANGUAGES)


def is_known(code: str | None) -> bool:
    return code in BY_CODE


def name_of(code: str | None) -> str:
    """The language's own name (what a parent recognises), or the code itself if unknown."""
    return BY_CODE.get(code, code or "")


def label_of(code: str | None) -> str:
    """The language's name for staff, in the interface language (Dutch in the admin)."""
    label = LABELS.get(code)
    return str(label) if label is not None else (code or "")


def is_rtl(code: str | None) -> bool:
    return code in RTL


def most_asked(exclude=()) -> list[tuple[str, str]]:
    """The languages a list shows first, leaving out `exclude` (e.g. Dutch for an interpreter)."""
    return [pair for pair in LANGUAGES[:MOST_ASKED] if pair[0] not in exclude]


def others(exclude=()) -> list[tuple[str, str]]:
    """The remaining languages, in list order."""
    return [pair for pair in LANGUAGES[MOST_ASKED:] if pair[0] not in exclude]
