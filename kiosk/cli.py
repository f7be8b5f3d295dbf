"""The commands of spec section 8: `flask --app wsgi init-db | demo | create-user | ...`."""

import secrets
import sqlite3
import subprocess
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url

from kiosk import clock, retention
from kiosk.auth.models import ROLES, User, utcnow
from kiosk.extensions import db

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
    if len(password) < 10:
        raise click.BadParameter("at least 10 characters", param_hint="--password")
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
        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        subprocess.run(["pg_dump", "--format=custom", "--file", path, plain], check=True)
    else:
        raise click.ClickException(f"No backup for {url.get_backend_name()} databases.")
    click.echo(f"Backup written to {path}")


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
