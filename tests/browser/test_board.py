"""'Where is my child going?' in the browser: cards tapped on one kiosk show on another,
in the counts and after the cut-off; a change of plan appears within one poll; a tap
made offline waits and arrives; other screens never see the children.

The server of this module stands on Tuesday 11 March 2031 at 8:30 (KIOSK_FAKE_NOW),
so the tests run the same on any day, and its address is one of the school's screens.
"""

import pytest

from kiosk.audit import AuditEntry
from kiosk.board import rules
from kiosk.board.models import Child, Choice, PlanSlot, SchoolClass
from kiosk.extensions import db

TODAY = "2031-03-11"
BEFORE_CUTOFF = f"{TODAY}T08:30"
AFTER_CUTOFF = f"{TODAY}T10:15"
SCHOOL_SCREENS = "127.0.0.0/8"
LANDSCAPE = {"width": 1920, "height": 1080}
PORTRAIT = {"width": 1080, "height": 1920}
POLL = 8000  # ms: a 1 s poll and the screen fetched again, on a busy two-core machine


@pytest.fixture(scope="module")
def school(live_server, tmp_path_factory):
    """A server of its own (the demo loaded) whose clock stands on a school-day morning."""
    server_class = type(live_server)
    server = server_class(
        tmp_path_factory.mktemp("board"),
        TESTING=True,
        KIOSK_FAKE_NOW=BEFORE_CUTOFF,
        KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS,
    ).setup_database()
    yield server
    server.close()


@pytest.fixture
def database_url(school):
    return school.app.config["SQLALCHEMY_DATABASE_URI"]


@pytest.fixture
def new_class(school):
    """new_class(name, [(first name, symbol, usual noon)]) -> (class id, {first name: id}).

    Added at the end of the board and removed after the test, so the demo stays as it was.
    """
    made = []

    def add(name, children, show_first_names=False):
        with school.app.app_context():
            school_class = SchoolClass(
                name=name,
                colour="#e65100",
                animal="animal_fox",
                sort_order=99,
                show_first_names=show_first_names,
            )
            for (weekday, part), slot in rules.default_template().items():
                school_class.week.append(
                    PlanSlot(weekday=weekday, part=part, activity=slot.activity, place=slot.place)
                )
            for first_name, symbol, noon in children:
                usual = {str(day): {"noon": noon, "after": "row"} for day in range(5)}
                school_class.children.append(
                    Child(first_name=first_name, symbol=symbol, usual_week=usual)
                )
            db.session.add(school_class)
            db.session.commit()
            made.append(school_class.id)
            return school_class.id, {c.first_name: c.id for c in school_class.children}

    yield add
    with school.app.app_context():
        for class_id in made:
            db.session.delete(db.session.get(SchoolClass, class_id))
        db.session.commit()


def kiosk(new_page, viewport=LANDSCAPE):
    return new_page(viewport, has_touch=True)


def choices_of(school, child_id):
    with school.app.app_context():
        return [
            (c.kind, c.code, c.kiosk)
            for c in db.session.scalars(db.select(Choice).filter_by(child_id=child_id))
        ]


def test_a_card_shows_on_every_kiosk_in_the_counts_and_locks_after_the_cut_off(
    school, new_class, new_page, staff_login, make_live_server, database_url, screenshot
):
    class_id, children = new_class(
        "Vosjes", [("Zara", "rocket", "sandwiches"), ("Ilyas", "kite", "home")]
    )
    zara = children["Zara"]

    hall = kiosk(new_page)
    hall.goto(f"{school.url}/kiosk/board?kiosk=hall")
    hall.click(f'a[data-class="{class_id}"]')
    hall.wait_for_url(f"{school.url}/kiosk/board/{class_id}")
    gate = kiosk(new_page)
    gate.goto(f"{school.url}/kiosk/board/{class_id}")
    assert gate.get_attribute(f'[data-child="{zara}"]', "data-noon") == "sandwiches"

    hall.click(f'[data-child="{zara}"]')
    assert hall.locator("dialog.chooser").is_visible()
    hall.click('[data-choice="noon:warm"]')
    # At once on this kiosk, then acknowledged (no longer waiting).
    assert hall.get_attribute(f'[data-child="{zara}"]', "data-noon") == "warm"
    hall.wait_for_selector(f'[data-child="{zara}"]:not(.waiting)', timeout=POLL)
    assert hall.get_attribute('[data-choice="noon:warm"]', "aria-pressed") == "true"
    # Within one poll on the other kiosk.
    gate.wait_for_selector(f'[data-child="{zara}"][data-noon="warm"]', timeout=POLL)
    assert choices_of(school, zara) == [("noon", "warm", "hall")]
    with school.app.app_context():
        actors = db.session.scalars(
            db.select(AuditEntry.actor).filter_by(action="board.choice", target="Vosjes: Zara")
        ).all()
    assert actors == ["kiosk hall"]

    # The kitchen counts it and sees who.
    staff = new_page(LANDSCAPE)
    staff_login(staff, school.url)
    staff.goto(f"{school.url}/admin/board/today?lang=en")
    counts = staff.locator(f'tr[data-class="{class_id}"]')
    assert counts.locator('[data-count="noon:warm"]').inner_text() == "1"
    assert counts.locator('[data-count="noon:home"]').inner_text() == "1"
    warm = staff.locator(f'section[data-class="{class_id}"] [data-card="noon:warm"]')
    assert "Zara" in warm.inner_text() and "Ilyas" not in warm.inner_text()

    # After the cut-off (a second process on the same database, its clock at 10:15).
    later = make_live_server(
        database_url=database_url,
        setup=False,
        TESTING=True,
        KIOSK_FAKE_NOW=AFTER_CUTOFF,
        KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS,
    )
    late = kiosk(new_page)
    late.goto(f"{later.url}/kiosk/board/{class_id}?kiosk=hall")
    late.click(f'[data-child="{zara}"]')
    home_card = late.locator('[data-choice="noon:home"]')
    assert home_card.get_attribute("aria-disabled") == "true"
    assert home_card.locator("img.lock-badge").is_visible()
    home_card.click(force=True)  # aria-disabled only tells assistive tech; a finger still taps
    late.wait_for_selector(".board-feedback:not([hidden]) img[src$='1F512.svg']", timeout=POLL)
    screenshot(late, "board-class-noon-locked-1920x1080", full_page=False)
    late.wait_for_selector(".board-feedback", state="hidden", timeout=POLL)
    assert late.get_attribute(f'[data-child="{zara}"]', "data-noon") == "warm"
    # The end of the day still changes, and the kitchen sees it flagged as late.
    late.click('[data-choice="after:care"]')
    late.wait_for_selector(f'[data-child="{zara}"][data-after="care"]:not(.waiting)', timeout=POLL)
    assert choices_of(school, zara) == [("noon", "warm", "hall"), ("after", "care", "hall")]
    staff.goto(f"{school.url}/admin/board/today?lang=en")
    care = staff.locator(f'section[data-class="{class_id}"] [data-card="after:care"]')
    assert "changed at 10:15 on kiosk hall" in care.inner_text()


def test_a_change_of_plan_reaches_the_kiosk_within_one_poll(
    school, new_class, new_page, staff_login, assert_accessible
):
    class_id, _ = new_class("Egels", [("Mila", "star", "warm")])
    board = kiosk(new_page)
    board.goto(f"{school.url}/kiosk/board")
    afternoon = board.locator(f'a[data-class="{class_id}"] [data-part="afternoon"]')
    assert afternoon.get_attribute("data-changed") is None

    bridge = new_page(LANDSCAPE)
    staff_login(bridge, school.url)
    bridge.goto(f"{school.url}/admin/board/class/{class_id}?lang=en")
    bridge.fill("#change-day", TODAY)
    bridge.select_option("#change-part", "afternoon")
    bridge.select_option("#change-change_activity", "forest_trip")
    bridge.select_option("#change-change_place", "forest")
    bridge.fill("#change-change_ends", "15:30")
    bridge.fill("#change-change_note_nl", "Bosuitstap, ophalen om 15:30 aan de ingang van het bos")
    bridge.click("text=The note in other languages")
    bridge.fill("#change-change_note_en", "Forest trip, pick-up 15:30 at the forest entrance")
    bridge.click("text=Save the change")
    bridge.wait_for_selector("text=The change for 2031-03-11 is saved.")
    assert_accessible(bridge)

    board.wait_for_selector(
        f'a[data-class="{class_id}"] [data-part="afternoon"][data-changed]', timeout=POLL
    )
    assert "ingang van het bos" in afternoon.inner_text()
    assert "15:30" in afternoon.inner_text()
    assert afternoon.locator(".change-badge").is_visible()
    board.goto(f"{school.url}/kiosk/board?lang=en")
    assert "forest entrance" in afternoon.inner_text()


def test_a_card_tapped_offline_waits_and_arrives_when_the_network_returns(
    school, new_class, new_page
):
    class_id, children = new_class("Pinguïns", [("Adam", "car", "warm")])
    adam = children["Adam"]
    page = kiosk(new_page)
    page.goto(f"{school.url}/kiosk/board/{class_id}?kiosk=corridor")
    tile = page.locator(f'[data-child="{adam}"]')
    assert tile.get_attribute("data-after") == "row"

    page.context.set_offline(True)
    tile.click()
    page.click('[data-choice="after:pickup"]')
    assert tile.get_attribute("data-after") == "pickup"
    assert "waiting" in tile.get_attribute("class")
    assert tile.locator(".waiting-badge").is_visible()
    page.wait_for_timeout(1500)  # a retry or two fail while offline
    assert choices_of(school, adam) == []
    assert "waiting" in tile.get_attribute("class")

    page.context.set_offline(False)
    page.wait_for_selector(f'[data-child="{adam}"]:not(.waiting)', timeout=8000)
    assert choices_of(school, adam) == [("after", "pickup", "corridor")]
    assert page.evaluate("localStorage.getItem('board-waiting')") == "[]"
    assert tile.get_attribute("data-after") == "pickup"


def test_a_noon_card_that_waited_past_the_cut_off_is_refused_and_the_kiosk_says_so(
    school, new_class, new_page, make_live_server, database_url
):
    class_id, children = new_class("Beertjes", [("Nour", "bee", "warm")])
    nour = children["Nour"]
    later = make_live_server(
        database_url=database_url,
        setup=False,
        TESTING=True,
        KIOSK_FAKE_NOW=AFTER_CUTOFF,
        KIOSK_TRUSTED_NETWORKS=SCHOOL_SCREENS,
    )
    page = kiosk(new_page)
    page.goto(f"{later.url}/kiosk/board/{class_id}")
    page.context.set_offline(True)
    page.click(f'[data-child="{nour}"]')
    page.locator('[data-choice="noon:home"]').click(force=True)
    tile = page.locator(f'[data-child="{nour}"]')
    assert tile.get_attribute("data-noon") == "home" and "waiting" in tile.get_attribute("class")

    page.context.set_offline(False)
    page.wait_for_selector(".board-feedback:not([hidden]) img[src$='1F512.svg']", timeout=8000)
    page.wait_for_selector(f'[data-child="{nour}"][data-noon="warm"]:not(.waiting)', timeout=POLL)
    assert choices_of(school, nour) == []


def test_other_screens_never_see_the_children(
    school, new_class, new_page, make_live_server, database_url
):
    class_id, children = new_class(
        "Koala's", [("Hiba", "tulip", "warm"), ("Omar", "drum", "home")], show_first_names=True
    )
    outside = make_live_server(
        database_url=database_url,
        setup=False,
        TESTING=True,
        KIOSK_FAKE_NOW=BEFORE_CUTOFF,
        KIOSK_TRUSTED_NETWORKS="",
    )
    page = kiosk(new_page)
    trusted = page.request.get(f"{school.url}/api/v1/kiosk").json()
    ours = next(c for c in trusted["board"] if c["id"] == class_id)
    symbols = {child["url"] for child in ours["children"]}
    assert len(symbols) == 2

    snapshot = page.request.get(f"{outside.url}/api/v1/kiosk").json()
    assert snapshot["board"] and all("children" not in c for c in snapshot["board"])
    assert next(c for c in snapshot["board"] if c["id"] == class_id)["today"]["parts"]

    for path in ("/kiosk/board", f"/kiosk/board/{class_id}"):
        page.goto(f"{outside.url}{path}")
        assert page.locator("[data-child]").count() == 0
        shown = set(page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('src'))"))
        assert not shown & symbols
        assert "Hiba" not in page.content()
    assert page.locator(".not-here").is_visible()
    answer = page.evaluate(
        """([child]) => window.Kiosk.post('/kiosk/board/choice',
             {id: crypto.randomUUID(), child, choice: 'noon:home'}).then(r => r.status)""",
        [children["Hiba"]],
    )
    assert answer == 403
    assert choices_of(school, children["Hiba"]) == []


@pytest.mark.parametrize(("name", "viewport"), [("1920x1080", LANDSCAPE), ("1080x1920", PORTRAIT)])
def test_board_and_class_fit_the_kiosk_screens(school, new_page, screenshot, name, viewport):
    page = kiosk(new_page, viewport)
    page.goto(f"{school.url}/kiosk/board")
    cards = page.locator("a.class-card")
    assert cards.count() >= 4
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.evaluate("document.documentElement.scrollHeight") <= viewport["height"]
    screenshot(page, f"board-{name}", full_page=False)

    page.click("a.class-card >> text=Uilen")
    page.wait_for_selector("[data-child]")
    assert page.locator("[data-child]").count() >= 8
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    screenshot(page, f"board-class-{name}", full_page=False)
    page.locator("button.child").first.click()
    screenshot(page, f"board-class-choosing-{name}", full_page=False)
    small = page.eval_on_selector_all(
        "a, button",
        """els => els.filter(e => e.offsetParent !== null)
                  .map(e => e.getBoundingClientRect())
                  .filter(r => r.width < 64 || r.height < 64).length""",
    )
    assert small == 0


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_board_screens_are_accessible(school, new_page, assert_accessible, lang):
    page = kiosk(new_page)
    page.goto(f"{school.url}/kiosk/board?lang={lang}")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert_accessible(page)
    page.click("a.class-card >> nth=2")
    page.wait_for_selector("[data-child]")
    assert_accessible(page)
    page.locator("button.child").first.click()
    assert_accessible(page)


def test_the_admin_board_pages_are_accessible_and_today_prints(
    school, new_page, staff_login, assert_accessible, screenshot
):
    page = new_page(LANDSCAPE)
    staff_login(page, school.url)
    page.goto(f"{school.url}/admin/board")
    assert_accessible(page)
    first = page.locator("tbody tr[data-class] a").first
    first.click()
    page.wait_for_url("**/admin/board/class/*")
    class_url = page.url
    assert_accessible(page)
    for link in ("Week", "Add a child"):
        page.goto(class_url + "?lang=en")
        page.click(f"text={link}" if link != "Week" else "text=The usual week (day plan)")
        page.wait_for_url(f"{class_url}/{'week' if link == 'Week' else 'children/new'}*")
        assert_accessible(page)
    page.goto(class_url + "?lang=en")
    page.locator("text=Edit or move").first.click()
    page.wait_for_url("**/admin/board/child/*")
    assert_accessible(page)
    for path in ("/holidays", "/end-of-year", "/preview", "/today"):
        page.goto(f"{school.url}/admin/board{path}?lang=ar")
        assert_accessible(page)

    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(f"{school.url}/admin/board/today?lang=en")
    page.emulate_media(media="print")
    assert not page.locator(".admin-bar").is_visible()
    assert page.locator("section.class-day").count() >= 4
    # One A4 per class: each class section starts a new page.
    breaks = page.eval_on_selector_all(
        "section.print-page", "els => els.map(e => getComputedStyle(e).breakAfter)"
    )
    assert breaks[:-1] == ["page"] * (len(breaks) - 1)
    screenshot(page, "board-today-print")
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == len(breaks)


def kitchen_counts(staff, school, class_id):
    staff.goto(f"{school.url}/admin/board/today?lang=en")
    row = staff.locator(f'tr[data-class="{class_id}"]')
    return {
        f"noon:{code}": row.locator(f'[data-count="noon:{code}"]').inner_text()
        for code in rules.NOON
    }


def test_a_tapped_card_shows_big_with_an_undo_that_leaves_the_kitchen_count_unchanged(
    school, new_class, new_page, staff_login, screenshot
):
    class_id, children = new_class("Mussen", [("Sami", "kite", "sandwiches")])
    sami = children["Sami"]
    staff = new_page(LANDSCAPE)
    staff_login(staff, school.url)
    before = kitchen_counts(staff, school, class_id)

    page = kiosk(new_page)
    page.goto(f"{school.url}/kiosk/board/{class_id}")
    page.click(f'[data-child="{sami}"]')
    page.click('[data-choice="noon:warm"]')
    chosen = page.locator("dialog.chooser .chosen")
    assert chosen.is_visible()
    assert chosen.locator(".chosen-child img.symbol").get_attribute("src").endswith(".svg")
    warm = page.locator('[data-choice="noon:warm"]')
    assert chosen.locator(".chosen-label").inner_text() == warm.locator("span").inner_text()
    assert (
        chosen.locator(".chosen-card")
        .get_attribute("src")
        .endswith(warm.locator("img").get_attribute("src"))
    )
    assert page.locator('dialog.chooser [data-choice="noon:home"]').is_hidden()
    page.wait_for_selector(f'[data-child="{sami}"][data-noon="warm"]:not(.waiting)', timeout=POLL)
    screenshot(page, "board-class-chosen-undo-1920x1080", full_page=False)
    assert kitchen_counts(staff, school, class_id) != before

    chosen.locator("[data-undo]").click()
    page.wait_for_selector(
        f'[data-child="{sami}"][data-noon="sandwiches"]:not(.waiting)', timeout=POLL
    )
    assert choices_of(school, sami) == [("noon", "warm", "gate"), ("noon", "sandwiches", "gate")]
    assert kitchen_counts(staff, school, class_id) == before
    assert page.locator('dialog.chooser [data-choice="noon:home"]').is_visible()


def test_the_chooser_closes_by_itself_after_its_delay(school, new_class, new_page):
    class_id, children = new_class("Zwaluwen", [("Lina", "star", "home")])
    page = kiosk(new_page)
    page.goto(f"{school.url}/kiosk/board/{class_id}")
    page.eval_on_selector("dialog.chooser", "d => { d.dataset.closeSeconds = '2'; }")
    page.click(f'[data-child="{children["Lina"]}"]')
    page.click('[data-choice="after:care"]')
    assert page.locator("dialog.chooser .chosen").is_visible()
    page.wait_for_selector("dialog.chooser", state="hidden", timeout=5000)
    assert choices_of(school, children["Lina"]) == [("after", "care", "gate")]


@pytest.mark.parametrize("show_first_names", [False, True])
def test_the_class_grid_keeps_its_places_and_its_names_in_every_language(
    school, new_class, new_page, show_first_names
):
    class_id, _ = new_class(
        "Merels",
        [("Ayoub", "rocket", "warm"), ("Bo", "kite", "home"), ("Chaima", "bee", "warm")],
        show_first_names=show_first_names,
    )
    page = kiosk(new_page)
    seen = {}
    for lang in ("nl", "ar", "so", "uk"):
        page.goto(f"{school.url}/kiosk/board/{class_id}?lang={lang}")
        seen[lang] = page.eval_on_selector_all(
            "button.child",
            """els => els.map(e => [e.dataset.child, Math.round(e.getBoundingClientRect().x),
                 Math.round(e.getBoundingClientRect().y - els[0].getBoundingClientRect().y),
                 e.querySelector('.first-name')?.textContent ?? null])""",
        )
    assert seen["ar"] == seen["nl"] == seen["so"] == seen["uk"]
    names = [name for *_, name in seen["nl"]]
    assert names == (["Ayoub", "Bo", "Chaima"] if show_first_names else [None] * 3)
    xs = [x for _, x, *_ in seen["ar"]]
    assert xs == sorted(xs), "the first child stands on the left in Arabic too"
