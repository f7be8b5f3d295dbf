"""`flask --app wsgi check`: every finding about this set-up, gathered from the facts."""

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _

from kiosk import i18n
from kiosk.auth.models import utcnow
from kiosk.readiness import probes, queries, rules

# The settings of the mail and SMS gateways (kiosk/config.py); a probe tries each one set.
MESSAGING = ("KIOSK_SMTP_URL", "KIOSK_SMS_URL")
CACHE_SECONDS = 60


def findings(app) -> list[rules.Finding]:
    """Every finding about this app's set-up and machine, errors first."""
    config = app.config
    enabled = [language.code for language in i18n.available()]
    voiced, espeak_found = probes.voiced_languages()
    heads = queries.migration_heads()
    behind = rules.migrations(*heads) if heads else []
    found = [
        *rules.public_url(config["KIOSK_PUBLIC_URL"]),
        *rules.catalogues(probes.catalogue_times(config["BABEL_TRANSLATION_DIRECTORIES"])),
        *rules.voices(enabled, voiced, espeak_found),
        *rules.fonts(enabled, probes.font_files(app.static_folder)),
        *rules.disk(probes.free_bytes(app.instance_path)),
        *behind,
        # A database behind the code lacks the tables and columns these read.
        *([] if behind else _database_findings(app)),
    ]
    return sorted(found, key=lambda finding: not finding.is_error)


def _database_findings(app):
    config, now = app.config, utcnow()
    made_here, made_at = probes.secret_key_file(Path(app.instance_path), config["SECRET_KEY"])
    last_backup = queries.last_backup_at()
    reachable = {name: probes.answers(config[name]) for name in MESSAGING if config.get(name)}
    return [
        *rules.secret_key(made_here, made_at and _utc(made_at), last_backup),
        *rules.proxy_hops(config["KIOSK_PROXY_HOPS"], queries.forwarded_hops(now)),
        *rules.messaging(reachable, queries.contacts_left()),
        *rules.backup(last_backup, now),
    ]


def _utc(timestamp):
    """A file's modification time as the naive UTC datetime the database keeps."""
    return datetime.fromtimestamp(timestamp, UTC).replace(tzinfo=None)


def cached_findings(app) -> list[rules.Finding]:
    """The findings, gathered at most once a minute: the dashboard shows them, and a mail
    server that does not answer costs a probe's timeout."""
    at, found = app.extensions.get("readiness", (0, None))
    if found is None or time.monotonic() - at > CACHE_SECONDS:
        found = findings(app)
        app.extensions["readiness"] = (time.monotonic(), found)
    return found


def _language_from_environment():
    code = os.environ.get("LANG", "")[:2]
    return code if code in i18n.BY_CODE else i18n.DEFAULT


@click.command("check")
@with_appcontext
@click.option("--lang", default=_language_from_environment, help="Language of the report.")
def check(lang):
    """Check this set-up for what would fail at the gate; exit 1 when something would."""
    app = current_app._get_current_object()
    with force_locale(lang):
        found = findings(app)
        for finding in found:
            label = _("Error") if finding.is_error else _("Warning")
            click.echo(f"{label}: {finding.message}")
            click.echo(f"    -> {finding.fix}")
        errors = sum(finding.is_error for finding in found)
        warnings = len(found) - errors
        click.echo(_("%(errors)s errors, %(warnings)s warnings.", errors=errors, warnings=warnings))
    if errors:
        raise SystemExit(1)
