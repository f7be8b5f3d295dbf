"""Languages that parents and staff speak, each by its own name in its own script.

Wider than the interface languages (kiosk.i18n): a parent may translate Tigrinya or
Dari for the school although the kiosk does not speak it. Codes are ISO 639-1 where
one exists, else ISO 639-3 (e.g. "prs" Dari, "ary" Moroccan Arabic, "vgt" Flemish
Sign Language).
"""

# The interface languages first, in the chooser's order; then the others.
SPOKEN_LANGUAGES = (
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("fa", "فارسی"),
    ("ps", "پښتو"),
    ("es", "Español"),
    ("ary", "الدارجة"),
    ("ber", "Tamaziɣt"),
    ("prs", "دری"),
    ("ku", "Kurdî"),
    ("ckb", "کوردیی ناوەندی"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("sq", "Shqip"),
    ("sr", "Српски"),
    ("bs", "Bosanski"),
    ("hr", "Hrvatski"),
    ("mk", "Македонски"),
    ("el", "Ελληνικά"),
    ("hu", "Magyar"),
    ("cs", "Čeština"),
    ("sk", "Slovenčina"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("hy", "Հայերեն"),
    ("ka", "ქართული"),
    ("az", "Azərbaycan dili"),
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
    ("am", "አማርኛ"),
    ("om", "Afaan Oromoo"),
    ("sw", "Kiswahili"),
    ("ln", "Lingála"),
    ("rw", "Ikinyarwanda"),
    ("ha", "Hausa"),
    ("yo", "Yorùbá"),
    ("ff", "Fulfulde"),
    ("wo", "Wolof"),
    ("rom", "Romani čhib"),
    ("he", "עברית"),
    ("vgt", "Vlaamse Gebarentaal"),
)

BY_CODE = dict(SPOKEN_LANGUAGES)


def own_name(code: str) -> str:
    """A language's own name; an unknown code is shown as it is."""
    return BY_CODE.get(code, code)
