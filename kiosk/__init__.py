"""Schoolpoort: the kiosk at the school gate and the phone pages its QR codes open."""

import hashlib
import os
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, request, url_for
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from kiosk import (
    admin,
    auth,
    board,
    cafe,
    help,
    home,
    interpreter,
    notices,
    photos,
    readiness,
    reminders,
    screens,
    security,
    team,
    translations,
    urgent,
    voice,
)
from kiosk import config as settings
from kiosk.extensions import babel, csrf, db, limiter, login_manager
from kiosk.i18n import compile_catalogues

ROOT = Path(__file__).resolve().parent.parent

# Every capability, in the order they start: the admin menu and `flask demo` follow it.
# A new capability is a folder with `init_app(app)` and one line here.
CAPABILITIES = (
    auth,
    admin,
    home,
    notices,
    board,
    photos,
    cafe,
    interpreter,
    reminders,
    team,
    voice,
    help,
    urgent,
    screens,
    readiness,
    translations,
)


def create_app(test_config=None, *, with_migrations=True):
    """The application factory: configuration, extensions, capabilities, CLI.

    A server alone (`python -m kiosk`) passes with_migrations=False: Flask-Migrate brings
    Alembic, 10 MB of a small school machine's memory, for commands a server never runs.
    """
    _check_checkout()
    app = Flask(
        __name__,
        instance_path=os.environ.get("KIOSK_INSTANCE_PATH") or str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(settings.from_environment(Path(app.instance_path)))
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")
    if test_config:
        app.config.update(test_config)
    compile_catalogues(app.config["BABEL_TRANSLATION_DIRECTORIES"])

    security.init_app(app)  # before any blueprint: its URL converter bounds every id
    if app.config["KIOSK_PROXY_HOPS"]:
        hops = app.config["KIOSK_PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    _init_extensions(app, with_migrations)
    _init_foundation(app)
    for capability in CAPABILITIES:
        capability.init_app(app)
    _add_template_helpers(app)
    return app


def _check_checkout():
    """Schoolpoort runs from a checkout: its templates, static files, translations and
    migrations sit beside `kiosk/`, not inside it, so an installed wheel has none."""
    if not (ROOT / "templates").is_dir():
        raise RuntimeError(
            f"No templates in {ROOT}: Schoolpoort runs from a checkout of its repository "
            "(see README.md), not from an installed wheel."
        )


def _init_extensions(app, with_migrations):
    from kiosk import i18n

    db.init_app(app)
    if with_migrations:
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=i18n.select_locale, default_locale=i18n.DEFAULT)
    i18n.init_register(app)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None


def _init_foundation(app):
    """The parts every capability shares: the registry they fill, the snapshot API,
    status pages, pictograms, speech, retention, errors, the CLI."""
    from kiosk import api, cli, errors, forms, i18n, pictograms, registry, speech, status

    registry.init_app(app)
    for module in (api, pictograms, status):
        app.register_blueprint(module.bp)
    speech.init_app(app)
    registry.registry(app).purgers.append(forms.purge_form_keys)
    app.after_request(i18n.remember_choice)
    errors.register(app)
    cli.register(app)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(connection, record):
    """WAL lets the kiosk read while a sign-up writes; FULL puts each commit on the disk
    before the parent's confirmation, so a power cut loses none; busy_timeout waits
    instead of failing."""
    if type(connection).__module__.startswith("sqlite3"):
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


@cache
def _asset_version(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def _add_template_helpers(app):
    from kiosk import clock, i18n, pictograms, qr, speech
    from kiosk.admin.admin import admin_sections
    from kiosk.home.kiosk import tile_url

    def asset(filename):
        """A static file's URL with its content hash, so a new release is fetched fresh."""
        version = _asset_version(os.path.join(app.static_folder, filename))
        return url_for("static", filename=filename, v=version)

    def with_lang(code):
        """This page in another language."""
        return f"{request.path}?{urlencode(dict(request.args, lang=code))}"

    app.jinja_env.globals.update(
        asset=asset,
        admin_sections=admin_sections,
        kiosk_url=i18n.kiosk_url,
        with_lang=with_lang,
        tile_url=tile_url,
        languages=i18n.available,
        current_language=i18n.current,
        pick=i18n.pick,
        pictogram=pictograms.get,
        pictogram_url=pictograms.url,
        speech_url=speech.speech_url,
        qr_svg=qr.qr_svg,
        public_url=qr.public_url,
    )
    app.jinja_env.filters["local"] = clock.local
    app.jinja_env.add_extension("jinja2.ext.do")
