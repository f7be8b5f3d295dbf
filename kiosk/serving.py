"""Waitress, as `flask serve` (become `python -m kiosk`) and the tests run it.

Every kiosk asks for the snapshot every few seconds and nearly always hears
`304 Not Modified`. Waitress 3.0 closes the connection after each 304 (and 204)
because the answer carries no Content-Length, although such an answer ends with
its headers and HTTP/1.1 lets the connection stay open. The kiosk would then
open a new connection for every poll; this task keeps it.
"""

import os
import sys

from waitress.channel import HTTPChannel
from waitress.server import create_server
from waitress.task import WSGITask

from kiosk import retention, speech
from kiosk.reminders import sending


class _BodylessKeepsAlive(WSGITask):
    def set_close_on_finish(self):
        asked_to_close = self.request.headers.get("CONNECTION", "").lower() == "close"
        if self.has_body or self.version != "1.1" or asked_to_close:
            super().set_close_on_finish()


class _Channel(HTTPChannel):
    task_class = _BodylessKeepsAlive


def make_server(app, **options):
    """A waitress server for `app` (host, port, threads ... as waitress takes them)."""
    server = create_server(app, **options)
    server.channel_class = _Channel
    return server


def waitress_options(config):
    """Waitress would drop X-Forwarded-* from every peer it was not told to trust: the app
    must see them. With KIOSK_PROXY_HOPS set, ProxyFix (create_app) takes exactly that many
    hops from them; without it, a request that carries one is never trusted by its
    address (kiosk/screens/trust.py). Waitress itself trusts no proxy either way."""
    return {"ident": "Schoolpoort", "clear_untrusted_proxy_headers": False}


def serve_app(app, threads):
    """What `python -m kiosk` does: purge daily, make missing speech, and serve on
    KIOSK_HOST:KIOSK_PORT."""
    retention.run_daily(app)
    speech.run_in_background(app)
    sending.run_every_minute(app)
    config = app.config
    host, port = config["KIOSK_HOST"], config["KIOSK_PORT"]
    make_server(app, host=host, port=port, threads=threads, **waitress_options(config)).run()


def become_server(threads):
    """Go on as `python -m kiosk`, in this same process, so a service manager's signals
    still reach it. The Flask CLI has imported every plugin's commands, Flask-Migrate's
    Alembic among them: 10 MB that a server never uses."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "kiosk", f"--threads={threads}"])
