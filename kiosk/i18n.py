"""Which language a request is in, and the languages the interface speaks.

Kiosk screens follow `?lang=` only, so that an idle kiosk is back in Dutch by
itself; phone pages remember `?lang=` in a cookie and then follow the browser's
Accept-Language; the admin is Dutch unless the staff member picks another.

Dutch speaks to the reader in one register per kind of text, the school's choice
(KIOSK_DUTCH_REGISTER): by default "je" on the kiosk, phone and admin pages and "u" in
letters (e-mails, SMS, calendar files). messages.po says "je"; u.po beside it holds the
"u" form of each string that differs.
"""

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import appcontext_pushed, current_app, has_app_context, request, url_for
from flask_babel import Domain, force_locale, get_babel, get_domain, get_locale

DEFAULT = "nl"
COOKIE = "lang"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # its own name, in its own script
    rtl: bool = False


# The interface languages of spec section 5, in the order the chooser shows them.
LANGUAGES = (
    Language("nl", "Nederlands"),
    Language("fr", "Français"),
    Language("en", "English"),
    Language("ar", "العربية", rtl=True),
    Language("tr", "Türkçe"),
    Language("pl", "Polski"),
    Language("ro", "Română"),
    Language("bg", "Български"),
    Language("uk", "Українська"),
    Language("ru", "Русский"),
    Language("so", "Soomaali"),
    Language("ti", "ትግርኛ"),
    Language("fa", "فارسی", rtl=True),
    Language("ps", "پښتو", rtl=True),
    Language("es", "Español"),
)
BY_CODE = {language.code: language for language in LANGUAGES}


@cache
def _codes(translations_dir: str) -> frozenset[str]:
    """The codes of the languages that have a catalogue, and Dutch."""
    folder = Path(translations_dir)
    found = {p.parent.parent.name for p in folder.glob("*/LC_MESSAGES/messages.po")}
    return frozenset(found & BY_CODE.keys() | {DEFAULT})


def _available_codes():
    return _codes(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])


def available() -> list[Language]:
    """The languages that have a catalogue, Dutch always among them."""
    codes = _available_codes()
    return [lang for lang in LANGUAGES if lang.code in codes]


def _known(code):
    return code if code and code in _available_codes() else None


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def select_locale() -> Locale:
    """Flask-Babel's locale selector. It hands Flask-Babel a parsed Locale, which it
    would otherwise parse again on every request, each kiosk poll among them."""
    return _locale(selected_code())


def selected_code() -> str:
    """The code of this request's language, without Flask-Babel's per-request state:
    what a kiosk's snapshot poll, which translates nothing, needs."""
    asked = _known(request.args.get("lang"))
    if asked:
        return asked
    path = request.path
    if path.startswith(("/kiosk", "/api/v1/kiosk")):
        return DEFAULT
    remembered = _known(request.cookies.get(COOKIE))
    if remembered:
        return remembered
    if path.startswith(("/m/", "/api/")):
        best = request.accept_languages.best_match([lang.code for lang in available()])
        if best:
            return best
    return DEFAULT


def current() -> Language:
    """The Language of this request."""
    locale = get_locale()
    return BY_CODE.get(locale.language if locale else DEFAULT, BY_CODE[DEFAULT])


def remember_choice(response):
    """On phone and admin pages, keep an explicit `?lang=` in a cookie; the kiosk and its
    snapshot polls follow `?lang=` alone and get no cookie."""
    if request.path.startswith(("/kiosk", "/api/")):
        return response
    asked = _known(request.args.get("lang"))
    if asked:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def pick(texts: dict | None, lang: str | None = None) -> tuple[str, str]:
    """Content text in the chosen language, else Dutch: returns (text, language it is in)."""
    texts = texts or {}
    lang = lang or current().code
    if texts.get(lang):
        return texts[lang], lang
    return texts.get(DEFAULT, ""), DEFAULT


def kiosk_url(endpoint, **values):
    """A kiosk link that keeps the chosen language."""
    if current().code != DEFAULT:
        values.setdefault("lang", current().code)
    return url_for(endpoint, **values)


def compile_catalogues(translations_dirs: str) -> list[Path]:
    """Compile each catalogue whose .mo is missing or older than its .po, as
    `pybabel compile` does (fuzzy entries left out); returns the .mo files written.

    A server without them would serve every language in English, the source text's
    language: a checkout, a new .po from a pull, a copy without the build output.
    """
    written = []
    for folder in translations_dirs.split(";"):
        for po in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
            mo = po.with_suffix(".mo")
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                continue
            try:
                with po.open("rb") as source:
                    catalog = read_po(source, locale=po.parent.parent.name)
                # Written beside it and moved in whole: another process starting at the
                # same moment reads the old file or the new one, never half of one.
                fd, partial = tempfile.mkstemp(dir=po.parent, suffix=".mo-partial")
                with os.fdopen(fd, "wb") as target:
                    write_mo(target, catalog)
                os.replace(partial, mo)
            except (OSError, ValueError) as error:
                raise RuntimeError(
                    f"The translations in {po.parent} are not compiled and could not be: "
                    f"{error}. Run `.venv/bin/pybabel compile -d translations` in the "
                    "checkout, then start again."
                ) from error
            written.append(mo)
    return written


# --- The Dutch register: "je" or "u" ------------------------------------------------------

REGISTERS = ("je", "u")


def dutch_registers(setting: str) -> tuple[str, str]:
    """(on screens, in letters) from KIOSK_DUTCH_REGISTER: "je" or "u" for both, or
    "je/u" (the default: "je" on screens, "u" in letters), "u/je"."""
    chosen = [part.strip().lower() for part in (setting or "je/u").split("/")]
    if len(chosen) == 1:
        chosen *= 2
    if len(chosen) != 2 or not set(chosen) <= set(REGISTERS):
        raise ValueError(f"KIOSK_DUTCH_REGISTER={setting!r}: use je, u, or je/u (screens/letters).")
    return chosen[0], chosen[1]


class DutchInU(Domain):
    """The app's catalogues, with Dutch read from u.po over messages.po; every other
    language as the default domain has it (one copy of each catalogue in memory)."""

    def __init__(self, translations_dir):
        super().__init__([translations_dir, translations_dir], domain="messages;u")

    def get_translations(self):
        locale = get_locale()
        if locale is None or locale.language != DEFAULT:
            return get_babel().instance.domain_instance.get_translations()
        return super().get_translations()


def init_register(app):
    """Dutch screens in the school's register: each app context (a request, a command,
    a background job) starts in it."""
    screens, letters = dutch_registers(app.config["KIOSK_DUTCH_REGISTER"])
    in_u = DutchInU(app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0])
    app.extensions["dutch_register"] = {"screens": screens, "letters": letters, "u": in_u}
    if screens == "u":
        appcontext_pushed.connect(_screens_in_u, app)


def _screens_in_u(app, **_extra):
    app.extensions["dutch_register"]["u"].as_default()


def _domain(register):
    if register == "u":
        return current_app.extensions["dutch_register"]["u"]
    return get_babel().instance.domain_instance


@contextmanager
def letter(lang: str):
    """Text that leaves the school (an e-mail, an SMS, a calendar file) in `lang`; in
    Dutch, in the letters' register. Lazy strings read inside follow it too."""
    if not has_app_context():
        yield
        return
    with force_locale(lang):
        before = get_domain()
        _domain(current_app.extensions["dutch_register"]["letters"]).as_default()
        try:
            yield
        finally:
            before.as_default()
