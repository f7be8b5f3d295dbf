"""Sending what is due: `flask --app wsgi send-due`, and every minute in the server."""

import threading
import time

import click
from flask import current_app
from flask.cli import with_appcontext

from kiosk.extensions import db
from kiosk.reminders import queries
from kiosk.reminders.models import WAITING


def send_due(now, config) -> dict:
    """Send every message that is due on a configured channel, each by one process only.

    Returns what happened, counted: {"sent", "later", "failed"}.
    """
    done = {"sent": 0, "later": 0, "failed": queries.give_up(now)}
    db.session.commit()
    if not (config.get("KIOSK_SMTP_URL") or config.get("KIOSK_SMS_URL")):
        return done  # phone numbers are on the call list; nothing to send
    # Here, not at the top: a server without channels never loads smtplib, ssl and email.
    from kiosk.reminders.channels import Channels, Refused, Unavailable

    channels = Channels(config)
    try:
        for message_id in queries.due_ids(now, channels.available()):
            message = queries.claim(message_id, now)
            if message is None:
                continue  # another process has it
            try:
                channels.send(message.to, message.lang, message.text, message.link)
            except Refused as error:
                queries.mark_failed(message, error)
                done["failed"] += 1
            except Unavailable as error:
                queries.mark_retry(message, now, error)
                done["later" if message.status == WAITING else "failed"] += 1
            else:
                queries.mark_sent(message, now)
                done["sent"] += 1
            db.session.commit()
    finally:
        channels.close()
    return done


@click.command("send-due")
@with_appcontext
def send_due_command():
    """Send the reminders and messages to parents that are due."""
    done = send_due(queries.now_utc(), current_app.config)
    click.echo(f"sent: {done['sent']}, to try again: {done['later']}, failed: {done['failed']}")


def run_every_minute(app, interval_seconds=60):
    """Start a background thread that sends what is due; every process may run one."""

    def loop():
        while True:
            time.sleep(interval_seconds)
            with app.app_context():
                try:
                    send_due(queries.now_utc(), app.config)
                except Exception:
                    app.logger.exception("sending messages to parents failed")
                    db.session.rollback()
                finally:
                    db.session.remove()

    threading.Thread(target=loop, name="send-due", daemon=True).start()
