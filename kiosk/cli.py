"""The commands of spec section 8: `flask --app wsgi init-db | demo | create-user | ...`."""

import os
import secrets
import sqlite3
import subprocess
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from kiosk import clock, retention
from kiosk.auth import rules
from kiosk.auth.models import ROLES, User, utcnow
from kiosk.extensions import db
from kiosk.readiness import queries as readiness_queries

DEMO_LOGIN_FILE = "demo-login.txt"


def register(app):
    for command in (init_db, demo, create_user, purge, backup, serve):
        app.cli.add_command(command)


@click.command("init-db")
@with_appcontext
def init_db():
    """Create or upgrade the database to the newest schema."""
    from flask_migrate import upgrade  # here, not at the top: `python -m kiosk` loads this module

    upgrade()
    click.echo("Database ready.")


def _add_user(name, role, password):
    user = db.session.scalar(db.select(User).filter_by(username=name)) or User(username=name)
    user.role = role
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


@click.command("create-user")
@with_appcontext
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="editor", show_default=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def create_user(name, role, password):
    """Create a staff account (or set its role and password)."""
    problem = rules.password_problem(password, name)
    if problem:
        raise click.BadParameter(problem, param_hint="--password")
    _add_user(name, role, password)
    click.echo(f"User {name} ({role}) is ready.")


@click.command("demo")
@with_appcontext
def demo():
    """Fill an empty database with demo content for a first look."""
    if db.session.scalar(db.select(db.func.count(User.id))):
        click.echo("The database already has content: no demo added.")
        return
    from kiosk import demo as demo_content  # here: a server never loads the demo's drawings

    password = secrets.token_urlsafe(9)
    _add_user("admin", "admin", password)
    demo_content.add_all(clock.today())  # the school's today, not the server's
    db.session.commit()
    login_file = Path(current_app.instance_path) / DEMO_LOGIN_FILE
    login_file.write_text(f"admin / {password}\n")
    login_file.chmod(0o600)
    click.echo(f"Demo content added. Admin login: admin / {password}")
    _echo_pairing_link(current_app.config)


def _base_url(config):
    """KIOSK_PUBLIC_URL, else this machine on KIOSK_PORT: the start of every printed link."""
    shown = "localhost" if config["KIOSK_HOST"] in ("0.0.0.0", "::") else config["KIOSK_HOST"]
    return config["KIOSK_PUBLIC_URL"] or f"http://{shown}:{config['KIOSK_PORT']}"


def _echo_pairing_link(config):
    from kiosk.screens import demo as gate

    link = gate.unused_link(_base_url(config))
    if link:
        click.echo(f"Pair the screen at the gate (open once, on that screen): {link}")


@click.command("purge")
@with_appcontext
def purge():
    """Delete the personal data whose retention time is over."""
    deleted = retention.purge(utcnow(), current_app.config)
    for what, count in deleted.items():
        click.echo(f"{what}: {count} deleted")


@click.command("backup")
@with_appcontext
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def backup(path):
    """Write a consistent copy of the database to PATH while the app runs."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(url.database)
        target = sqlite3.connect(path)
        with target:
            source.backup(target)  # SQLite's online backup: a snapshot, even mid-write
        target.close()
        source.close()
    elif url.get_backend_name() == "postgresql":
        # The password goes through the environment: a command line is there for `ps`.
        env = dict(os.environ, PGPASSWORD=url.password) if url.password else None
        plain = URL.create(
            "postgresql", url.username, None, url.host, url.port, url.database, url.query
        ).render_as_string()
        subprocess.run(["pg_dump", "--format=custom", "--file", path, plain], check=True, env=env)
    else:
        raise click.ClickException(f"No backup for {url.get_backend_name()} databases.")
    click.echo(f"Backup written to {path}")
    _copy_secret_key(path)
    try:
        readiness_queries.record_backup(utcnow())  # `flask check` asks when the last one ran
    except SQLAlchemyError as error:  # the copy is made; only its date is not noted
        db.session.rollback()
        click.echo(f"The backup's date could not be noted in the database: {error}", err=True)


def _copy_secret_key(path):
    """A key made on this machine goes with the backup: without it no kiosk stays paired."""
    key_file = Path(current_app.instance_path) / "secret_key"
    if key_file.exists() and key_file.read_text().strip() == current_app.config["SECRET_KEY"]:
        copy = Path(f"{path}.secret_key")
        copy.write_text(key_file.read_text())
        copy.chmod(0o600)
        click.echo(f"Secret key copied to {copy}")


@click.command("serve")
@with_appcontext
@click.option("--threads", default=8, show_default=True)
def serve(threads):
    """Serve with waitress on KIOSK_HOST:KIOSK_PORT, and purge daily."""
    from kiosk import serving

    config = current_app.config
    base = _base_url(config)
    click.echo(f"Kiosk:  {base}/kiosk/")
    click.echo(f"Phone:  {base}/m/interpreter")
    click.echo(f"Admin:  {base}/admin/")
    login_file = Path(current_app.instance_path) / DEMO_LOGIN_FILE
    if login_file.exists():
        click.echo(f"Demo admin login: {login_file.read_text().strip()}")
    _echo_pairing_link(config)
    serving.become_server(threads)
