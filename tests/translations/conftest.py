"""Translation fixtures: a notice that lacks most languages, a link, a recording."""

import shutil
import subprocess

import pytest

from kiosk import clock
from kiosk.extensions import db
from kiosk.notices import rules as notice_rules
from kiosk.notices.models import Notice
from kiosk.translations import queries


@pytest.fixture
def notice(app):
    """A notice of this week in Dutch and French only; its id."""
    with app.app_context():
        found = Notice(
            week=notice_rules.this_week(clock.today()),
            day=None,
            pictograms=["swimming"],
            texts={"nl": "Zwemmen: breng een handdoek.", "fr": "Natation : apporte une serviette."},
        )
        db.session.add(found)
        db.session.commit()
        return found.id


@pytest.fixture
def make_link(app):
    """make_link(lang="so") -> the token of a fresh link for Asha."""

    def make(lang="so", first_name="Asha"):
        with app.app_context():
            return queries.make_link(lang, first_name, "bridge").token

    return make


@pytest.fixture(scope="session")
def recording(tmp_path_factory):
    """A second of spoken sound as a phone makes it (Ogg Opus); its bytes. Without ffmpeg,
    the first bytes of a WebM file, which is all the server can check then."""
    if not shutil.which("ffmpeg"):
        return b"\x1a\x45\xdf\xa3" + bytes(2000)
    path = tmp_path_factory.mktemp("audio") / "one.ogg"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=d=1", "-c:a", "libopus", str(path)],
        check=True,
    )
    return path.read_bytes()
