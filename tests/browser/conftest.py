"""Browser tests: Debian's Chromium driven by Playwright against the app under waitress.

Under CI=true a missing Chromium fails the run; elsewhere the browser tests skip.
"""

import os
import shutil
from pathlib import Path

import pytest

from kiosk import create_app
from kiosk.auth.models import User
from kiosk.extensions import db
from tests.databases import fresh_database_url
from tests.processes import ServerThread

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
KIOSK = {"width": 1920, "height": 1080}
PHONE = {"width": 360, "height": 640}
STAFF = ("bridge", "correct horse battery")
SCHOOL_SCREENS = "127.0.0.0/8"
# Every picture with a source has arrived, except lazy ones the page does not show yet
# (the hidden slides of a slideshow), which never load until they are shown.
PICTURES_ARRIVED = """() => [...document.images].every(i => !i.getAttribute('src') || i.complete
    || (i.loading === 'lazy' && !i.checkVisibility()))"""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError("CI=true but Debian's chromium is not installed: run scripts/test")
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (scripts/test installs it)")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


class LiveServer:
    """The app served by waitress in a thread, on its own instance folder and database."""

    def __init__(self, folder, database_url=None, **settings):
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["KIOSK_INSTANCE_PATH"] = str(folder)
        config = {
            "SQLALCHEMY_DATABASE_URI": database_url or fresh_database_url(folder),
            "KIOSK_POLL_SECONDS": 1,
        }
        config.update(settings)
        self.app = create_app(config)
        self.server = ServerThread(self.app, threads=8)
        self.url = self.server.url

    def setup_database(self):
        """Migrate, add the demo content and a staff login known to the tests."""
        runner = self.app.test_cli_runner()
        for command in (["init-db"], ["demo"]):
            result = runner.invoke(args=command)
            assert result.exit_code == 0, result.output
        with self.app.app_context():
            user = User(username=STAFF[0], role="admin")
            user.set_password(STAFF[1])
            db.session.add(user)
            db.session.commit()
        return self

    def close(self):
        self.server.stop()
        with self.app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("live")).setup_database()
    yield server
    server.close()


@pytest.fixture(scope="session")
def school_server(tmp_path_factory):
    """The demo school served to its own screens: this machine (127.0.0.1) is on the
    school's trusted network, so a kiosk page here shows the taps that count."""
    folder = tmp_path_factory.mktemp("school")
    server = LiveServer(folder, KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS).setup_database()
    yield server
    server.close()


@pytest.fixture
def make_live_server(tmp_path):
    """Serve another app, e.g. with other settings or a second process's view of a database."""
    servers = []

    def make(database_url=None, setup=True, **settings):
        folder = tmp_path / f"server{len(servers)}"
        server = LiveServer(folder, database_url, **settings)
        servers.append(server)
        return server.setup_database() if setup else server

    yield make
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def microphone_browser(browser):
    """A Chromium whose microphone is a fake device (a beep) that needs no permission prompt."""
    fake = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
    launched = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + fake)
    yield launched
    launched.close()


def _page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def kiosk_page(browser):
    """A page the size of the kiosk's landscape screen (1920x1080)."""
    context, page = _page(browser, KIOSK, has_touch=True)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    """A page the size of a small phone (360x640)."""
    context, page = _page(browser, PHONE, is_mobile=True, has_touch=True)
    yield page
    context.close()


@pytest.fixture
def new_page(browser):
    """Make pages of any size: new_page(viewport, **context options)."""
    contexts = []

    def make(viewport=KIOSK, **options):
        context, page = _page(browser, viewport, **options)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    """screenshot(page, name): save what the person sees under test-output/screenshots/."""

    def save(page, name, full_page=True):
        # Show the page as a person sees it once its pictures have arrived.
        page.wait_for_function(PICTURES_ARRIVED, timeout=5000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


@pytest.fixture
def staff_login():
    """staff_login(page, base_url): log in at /admin/login as the tests' bridge figure."""

    def login(page, base_url, username=STAFF[0], password=STAFF[1]):
        page.goto(f"{base_url}/admin/login")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/admin/**")

    return login


@pytest.fixture(scope="session")
def assert_accessible():
    """assert_accessible(page): axe-core finds no serious or critical violation on the page."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        violations = axe.run(page).response["violations"]
        grave = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        assert grave == [], f"{page.url}: {grave}"

    return check
