"""Real servers for tests: `flask serve` processes, for what must hold across processes and
crashes, and waitress in a thread of the test process."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from kiosk.serving import make_server

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """`flask serve` in its own process, as waitress runs it in production."""

    def __init__(self, instance, database_url, **environment):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(
            os.environ,
            FLASK_APP="wsgi",
            KIOSK_INSTANCE_PATH=str(instance),
            DATABASE_URL=database_url,
            KIOSK_HOST="127.0.0.1",
            KIOSK_PORT=str(self.port),
            **{key: str(value) for key, value in environment.items()},
        )
        self.process = None

    def flask(self, *args):
        return subprocess.run(
            [sys.executable, "-m", "flask", *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )

    def start(self):
        # A file, not a pipe: nobody reads a pipe while the server runs, and once waitress's
        # queue warnings of a rush fill it, the server would hang on its next log line.
        self.log = Path(self.env["KIOSK_INSTANCE_PATH"]) / f"server-{self.port}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "flask", "serve"],
                env=self.env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1).read()
                return self
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None:
                    raise RuntimeError(self.log.read_text()) from None
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def kill(self):
        """SIGKILL: no clean shutdown, as in a power cut."""
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class ServerThread:
    """`app` under waitress, as `flask serve` runs it, in a thread of the test process."""

    def __init__(self, app, threads=4, **options):
        self.server = make_server(app, host="127.0.0.1", port=0, threads=threads, **options)
        self.port = self.server.effective_port
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.run, daemon=True)
        self._thread.start()

    def stop(self):
        """Close the sockets from the server's own loop: closed from here, they could vanish
        under the select() it is waiting in. With no socket left, the loop ends."""

        def close_all():
            for dispatcher in list(self.server._map.values()):
                dispatcher.close()

        self.server.trigger.pull_trigger(close_all)
        self._thread.join(timeout=10)
        self.server.task_dispatcher.shutdown()


def all_at_once(jobs):
    """Run the jobs in threads released together; returns their results in order."""
    results = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def run(index, job):
        start.wait()
        results[index] = job()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
