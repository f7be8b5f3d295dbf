"""Languages a team member speaks, each by its own name in its own script.

A small list of its own until a shared kiosk/spoken_languages.py exists; the
interface languages come first, then others often heard at a Flemish school gate.
"""

from kiosk.i18n import LANGUAGES

OTHER = (
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("sq", "Shqip"),
    ("ber", "Tamaziɣt"),
    ("ku", "Kurdî"),
    ("prs", "دری"),
    ("ur", "اردو"),
    ("hi", "हिन्दी"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("ta", "தமிழ்"),
    ("am", "አማርኛ"),
    ("ln", "Lingála"),
    ("sw", "Kiswahili"),
    ("hy", "Հայերեն"),
    ("ka", "ქართული"),
    ("zh", "中文"),
    ("vi", "Tiếng Việt"),
    ("vgt", "Vlaamse Gebarentaal"),
)
RTL = {"ar", "fa", "ps", "prs", "ur"}

SPOKEN = tuple((language.code, language.name) for language in LANGUAGES) + OTHER
NAMES = dict(SPOKEN)


def named(codes) -> list[dict]:
    """[{"code", "name", "rtl"}] for the known codes, in the order given."""
    return [
        {"code": code, "name": NAMES[code], "rtl": code in RTL} for code in codes if code in NAMES
    ]
