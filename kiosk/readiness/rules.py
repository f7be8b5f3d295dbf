"""What a real school's set-up needs, as plain functions over facts (no app, no database).

Each check takes values that kiosk/readiness/probes.py and queries.py gathered and
returns findings: an error is something parents would meet as a failure (`flask check`
then exits non-zero), a warning is something the product quietly does less for.
"""

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

ERROR = "error"
WARNING = "warning"

BACKUP_EVERY = timedelta(days=7)
MIN_FREE_BYTES = 1024**3
CLOCK_TOLERANCE = timedelta(minutes=2)
RELOAD_EVERY = timedelta(days=30)

# The scripts whose letters the default fonts of a kiosk may lack, and who needs them.
SCRIPTS = {
    "Arabic": ("ar", "fa", "ps"),
    "Ethiopic": ("ti",),
    "Cyrillic": ("bg", "uk", "ru"),
}
# A font file covers a script when its name says so; Noto Sans itself has Cyrillic.
FONT_NAMES = {
    "Arabic": ("arabic",),
    "Ethiopic": ("ethiopic",),
    "Cyrillic": ("cyrillic", "notosans-"),
}

# What a kiosk's page may say of its offline copy (static/js/kiosk.js).
OFFLINE_STATES = ("active", "inactive", "insecure", "unsupported")


@dataclass(frozen=True)
class Finding:
    check: str  # a stable name, e.g. "public_url"
    severity: str  # ERROR or WARNING
    message: str  # what is wrong, in the admin's language
    fix: str  # what to do

    @property
    def is_error(self):
        return self.severity == ERROR


def _is_private_host(host: str) -> bool:
    """True for localhost, a private or link-local address, or a name no phone outside resolves."""
    if host == "localhost" or host.endswith((".local", ".lan", ".internal", ".localhost")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # a bare machine name
    return not address.is_global


def public_url(url: str) -> list[Finding]:
    """KIOSK_PUBLIC_URL: QR codes carry it; a phone on mobile data must reach it."""
    fix = _l(
        "Set KIOSK_PUBLIC_URL to the school's address on the internet, e.g. "
        "https://school.example.org."
    )
    if not url:
        return [
            Finding(
                "public_url",
                ERROR,
                _l(
                    "KIOSK_PUBLIC_URL is not set: QR codes carry the kiosk's own address, which "
                    "phones on mobile data cannot open."
                ),
                fix,
            )
        ]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [
            Finding(
                "public_url",
                ERROR,
                _l("KIOSK_PUBLIC_URL is not a web address: %(url)s", url=url),
                fix,
            )
        ]
    if _is_private_host(parts.hostname):
        return [
            Finding(
                "public_url",
                ERROR,
                _l(
                    "KIOSK_PUBLIC_URL (%(url)s) is a local address: phones on mobile data cannot "
                    "open the QR codes.",
                    url=url,
                ),
                fix,
            )
        ]
    if parts.scheme == "http":
        return [
            Finding(
                "public_url",
                WARNING,
                _l(
                    "KIOSK_PUBLIC_URL (%(url)s) is plain http://: what parents send travels "
                    "unencrypted.",
                    url=url,
                ),
                _l("Serve the site over HTTPS and start KIOSK_PUBLIC_URL with https://."),
            )
        ]
    return []


def secret_key(
    made_here: bool, made_at: datetime | None, last_backup_at: datetime | None
) -> list[Finding]:
    """A key made in instance/secret_key must travel with the backup (`flask backup` copies it)."""
    if not made_here or (last_backup_at and made_at and last_backup_at >= made_at):
        return []
    return [
        Finding(
            "secret_key",
            WARNING,
            _l(
                "SECRET_KEY was made on this machine (instance/secret_key) and is in no backup: "
                "losing it unpairs every kiosk."
            ),
            _l("Run flask --app wsgi backup: it copies the key beside the backup. Keep both."),
        )
    ]


def proxy_hops(hops: int, forwarded: list[int]) -> list[Finding]:
    """KIOSK_PROXY_HOPS against the X-Forwarded-For addresses the kiosks' recent polls carried."""
    if not forwarded:
        return []
    seen = max(forwarded)
    if hops == 0 and seen > 0:
        return [
            Finding(
                "proxy_hops",
                ERROR,
                _l(
                    "The kiosks' requests come through a proxy, but KIOSK_PROXY_HOPS is 0: the "
                    "server sees only the proxy's address, so trusted networks do not work."
                ),
                _l(
                    "Set KIOSK_PROXY_HOPS to the number of proxies in front of the server "
                    "(usually 1)."
                ),
            )
        ]
    if hops > min(forwarded):
        return [
            Finding(
                "proxy_hops",
                ERROR,
                _l(
                    "KIOSK_PROXY_HOPS is %(hops)s, but requests arrive with fewer forwarded "
                    "addresses: anyone can pretend to come from the school's network.",
                    hops=hops,
                ),
                _l(
                    "Set KIOSK_PROXY_HOPS to the number of proxies in front of the server, and "
                    "let no one reach the server but through them."
                ),
            )
        ]
    return []


def catalogues(states: dict[str, tuple[float, float | None]]) -> list[Finding]:
    """Each language's catalogue: {code: (.po modified, .mo modified or None)}."""
    missing = sorted(code for code, (_, mo) in states.items() if mo is None)
    stale = sorted(code for code, (po, mo) in states.items() if mo is not None and mo < po)
    fix = _l("Run: pybabel compile -d translations, then restart the server.")
    findings = []
    if missing:
        findings.append(
            Finding(
                "catalogues",
                ERROR,
                _l(
                    "Translations not compiled for: %(codes)s. Parents see these pages "
                    "untranslated.",
                    codes=", ".join(missing),
                ),
                fix,
            )
        )
    if stale:
        findings.append(
            Finding(
                "catalogues",
                WARNING,
                _l(
                    "Compiled translations older than their .po file: %(codes)s.",
                    codes=", ".join(stale),
                ),
                fix,
            )
        )
    return findings


def voices(enabled: list[str], voiced: set[str], espeak_found: bool) -> list[Finding]:
    """Read-aloud needs espeak-ng and a voice per language; parents' recordings fill the gap."""
    if not espeak_found:
        return [
            Finding(
                "voices",
                WARNING,
                _l("espeak-ng is not installed: no text is read aloud."),
                _l("Install it: apt-get install espeak-ng."),
            )
        ]
    silent = [code for code in enabled if code not in voiced]
    if not silent:
        return []
    return [
        Finding(
            "voices",
            WARNING,
            _l("No voice reads aloud in: %(codes)s.", codes=", ".join(silent)),
            _l("Ask parents to record the words in these languages (Admin, Your voice)."),
        )
    ]


def fonts(enabled: list[str], font_files: list[str]) -> list[Finding]:
    """The scripts an enabled language needs, against the fonts in static/fonts."""
    names = [name.lower() for name in font_files]
    lacking = [
        script
        for script, codes in SCRIPTS.items()
        if any(code in enabled for code in codes)
        and not any(part in name for name in names for part in FONT_NAMES[script])
    ]
    if not lacking:
        return []
    return [
        Finding(
            "fonts",
            WARNING,
            _l(
                "No font in static/fonts for the %(scripts)s script: a kiosk without it shows "
                "empty boxes.",
                scripts=", ".join(lacking),
            ),
            _l(
                "Put Noto Sans fonts for these scripts in static/fonts, or install fonts-noto on "
                "every kiosk."
            ),
        )
    ]


def messaging(reachable: dict[str, bool], contacts_left: int) -> list[Finding]:
    """Mail and SMS: {setting name: its server answered} for each one set.

    Without either, parents who left a phone number or e-mail are called from the list.
    """
    findings = [
        Finding(
            "messaging",
            ERROR,
            _l(
                "%(setting)s is set, but its server does not answer: reminders do not reach "
                "parents.",
                setting=setting,
            ),
            _l("Check the address, the port and the firewall of %(setting)s.", setting=setting),
        )
        for setting, answered in reachable.items()
        if not answered
    ]
    if not reachable and contacts_left:
        findings.append(
            Finding(
                "messaging",
                WARNING,
                _l(
                    "Parents left %(count)s contacts, but neither KIOSK_SMTP_URL nor "
                    "KIOSK_SMS_URL is set: reminders are not sent.",
                    count=contacts_left,
                ),
                _l("Set KIOSK_SMTP_URL or KIOSK_SMS_URL, or use the call list in the admin."),
            )
        )
    return findings


def backup(last_backup_at: datetime | None, now: datetime) -> list[Finding]:
    if last_backup_at and now - last_backup_at <= BACKUP_EVERY:
        return []
    return [
        Finding(
            "backup",
            ERROR,
            _l("No backup in the last 7 days."),
            _l("Run flask --app wsgi backup PATH every night (cron), to another disk."),
        )
    ]


def disk(free_bytes: int) -> list[Finding]:
    """Photos and speech files are written beside the database, in the instance folder."""
    if free_bytes >= MIN_FREE_BYTES:
        return []
    return [
        Finding(
            "disk",
            ERROR,
            _l("Less than 1 GB free beside the photos: new photos and sign-ups may fail."),
            _l(
                "Free disk space or move the instance folder (KIOSK_INSTANCE_PATH) to a larger "
                "disk."
            ),
        )
    ]


def migrations(current: set[str], heads: set[str]) -> list[Finding]:
    if current == heads:
        return []
    return [
        Finding(
            "migrations",
            ERROR,
            _l("The database is behind the code: its tables lack what new pages need."),
            _l("Run: flask --app wsgi init-db"),
        )
    ]


def kiosk_report(args, forwarded_for: str | None, now: datetime) -> dict:
    """The columns of a kiosk's row from its poll's ?offline=&screen=&clock=&loaded= (ms).

    A value that does not parse is left out, never an error: the poll must answer.
    """
    values = {"forwarded_hops": len(forwarded_for.split(",")) if forwarded_for else 0}
    offline = args.get("offline")
    if offline in OFFLINE_STATES:
        values["offline_copy"] = offline
    screen = args.get("screen", "")
    width, _, height = screen.partition("x")
    if width.isdigit() and height.isdigit() and len(screen) <= 11:
        values["screen"] = screen
    clock, loaded = args.get("clock", ""), args.get("loaded", "")
    if clock.isdigit() and len(clock) <= 15:
        off = timedelta(milliseconds=int(clock)) - (now - datetime(1970, 1, 1))
        values["clock_off_seconds"] = round(off.total_seconds())
        if loaded.isdigit() and int(loaded) <= int(clock):
            values["loaded_at"] = now - timedelta(milliseconds=int(clock) - int(loaded))
    return values


def kiosk_problems(offline_copy, clock_off_seconds, loaded_at, now) -> list[Finding]:
    """What /admin/kiosks flags for one kiosk, from what its page reported."""
    findings = []
    if offline_copy == "insecure":
        findings.append(
            Finding(
                "offline",
                WARNING,
                _l("Cannot work offline: the page is not on a secure origin."),
                _l(
                    "Serve the site over HTTPS, or start Chromium with "
                    "--unsafely-treat-insecure-origin-as-secure=http://SERVER:8080 and its own "
                    "--user-data-dir (docs/kiosk-guide.md)."
                ),
            )
        )
    elif offline_copy == "unsupported":
        findings.append(
            Finding(
                "offline",
                WARNING,
                _l("Cannot work offline: this browser keeps no offline copy."),
                _l("Use Chromium, Chrome or Edge."),
            )
        )
    elif offline_copy == "inactive":
        findings.append(
            Finding(
                "offline",
                WARNING,
                _l("The offline copy is not active yet."),
                _l("Reload the kiosk's page once."),
            )
        )
    if clock_off_seconds is not None and abs(clock_off_seconds) > CLOCK_TOLERANCE.total_seconds():
        findings.append(
            Finding(
                "clock",
                WARNING,
                _l(
                    "Its clock is off by %(minutes)s minutes.",
                    minutes=round(abs(clock_off_seconds) / 60),
                ),
                _l("Let the kiosk set its time from the network (NTP)."),
            )
        )
    if loaded_at is not None and now - loaded_at > RELOAD_EVERY:
        findings.append(
            Finding(
                "reload",
                WARNING,
                _l("Not reloaded for %(days)s days.", days=(now - loaded_at).days),
                _l("Restart the kiosk once a month (or switch it off at night)."),
            )
        )
    return findings
