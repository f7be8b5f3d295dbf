"""Waitress, as `flask serve` and the tests run it.

Every kiosk asks for the snapshot every few seconds and nearly always hears
`304 Not Modified`. Waitress 3.0 closes the connection after each 304 (and 204)
because the answer carries no Content-Length, although such an answer ends with
its headers and HTTP/1.1 lets the connection stay open. The kiosk would then
open a new connection for every poll; this task keeps it.
"""

from waitress.channel import HTTPChannel
from waitress.server import create_server
from waitress.task import WSGITask


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


def serve(app, **options):
    """Serve `app` until the process ends."""
    make_server(app, **options).run()
