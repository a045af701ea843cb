"""The topic page in a real browser: Debian's headless Chromium driven by Playwright (pointed at
/usr/bin/chromium: nothing is downloaded). One browser for the module, a fresh context (and
profile) per test. Screenshots go to the test run's temporary folder; their paths are printed.

Without Chromium these tests fail, loudly: `.ci/run` installs it (apt-get install chromium).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_httpserver import HTTPServer

from osint.wiring import all_projectors, open_store
from projections.runner import ProjectionRunner
from tests.audit.scenario import TOPIC, load
from tests.web.conftest import poll_hostile_feed
from tests.web.hostile import TOPIC as HOSTILE_TOPIC
from tests.web.server import serving

CHROMIUM = Path("/usr/bin/chromium")
# Root in a container needs --no-sandbox; the rest keeps Chromium from calling out (this
# machine's network is closed, and a browser test must not depend on it).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the audit scenario plus the hostile feed's reports, on a real port."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'log.db'}"
    store = open_store(url)
    load(store)
    ProjectionRunner(store, all_projectors()).catch_up()
    feeds = HTTPServer(host="127.0.0.1", port=0)
    feeds.start()
    try:
        poll_hostile_feed(store, feeds)
    finally:
        feeds.stop()
    with serving(store) as base:
        yield base
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screens")


class Watched:
    """A page with everything it must not do recorded: dialogs, console errors, page errors."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def clean(self) -> None:
        assert self.dialogs == [], self.dialogs
        assert self.errors == [], self.errors


@pytest.fixture
def page(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = Watched(context.new_page())
    yield watched
    context.close()


def shoot(page: Page, screens: Path, name: str, full: bool = False) -> Path:
    path = screens / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    print(f"\nscreenshot: {path}")
    return path


def marks(page: Page) -> list[str]:
    return page.locator("#chart svg .mark").evaluate_all("els => els.map(e => e.dataset.figure)")


def test_hover_a_point_then_click_it_for_its_sentence(page: Watched, site: str, screens: Path):
    p = page.page
    p.goto(f"{site}/topics/{TOPIC}")
    assert len(marks(p)) == 11
    point = p.locator('#chart svg .mark[data-figure="4-0"]')
    point.hover()
    tooltip = p.locator("#tooltip")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    for expected in ("about 10,000 (10,000)", "claimed by The Pentagon", "wire-east", "2024-10-28"):
        assert expected in text, text
    assert p.locator("svg .crosshair").first.get_attribute("visibility") == "visible"
    shoot(p, screens, "topic-hover")
    point.click()
    card = p.locator("#card .card-body[data-figure='4-0']")
    card.wait_for()
    assert card.locator(".sentence").inner_text() == (
        "“The Pentagon said on Monday that about 10,000 North Korean troops had moved into Russia.”"
    )
    assert card.locator(".sentence mark").inner_text() == "about 10,000"
    assert card.locator(".claimant").inner_text() == "The Pentagon"
    assert (
        card.locator(".checks li.ok").count() == 6 and card.locator(".checks li.fail").count() == 0
    )
    assert "chain link" in card.locator(".checks").inner_text()
    assert p.url.endswith("figure=4-0")
    p.mouse.move(5, 5)
    shoot(p, screens, "topic-card")
    page.clean()


def test_the_as_of_control_moves_the_points(page: Watched, site: str, screens: Path):
    p = page.page
    p.goto(f"{site}/topics/{TOPIC}")
    assert p.locator("#as-of-label").inner_text() == "now"
    slider = p.locator("#as-of-slider")
    slider.focus()
    with p.expect_navigation():
        p.keyboard.press("Home")  # the first moment of the log clock: one figure seen
    assert marks(p) == ["1-0"]
    assert "as_of=2024-10-23T07%3A10%3A00.000000Z" in p.url
    assert p.locator("#as-of-label").inner_text() == "as of 2024-10-23 07:10Z (log position 1)"
    for _ in range(3):
        p.locator("#as-of-slider").focus()
        with p.expect_navigation():
            p.keyboard.press("ArrowRight")
    assert marks(p) == ["1-0", "2-0", "3-0", "4-0"]
    assert p.locator("#current").inner_text() == "about 10,000 (~10,000)"
    shoot(p, screens, "topic-as-of")
    p.locator("#as-of-slider").focus()
    with p.expect_navigation():
        p.keyboard.press("End")  # back to now
    assert len(marks(p)) == 11 and "as_of" not in p.url
    page.clean()


def test_a_permalink_gives_the_same_view(page: Watched, site: str, browser: Browser):
    p = page.page
    p.goto(f"{site}/topics/{TOPIC}")
    p.locator("select[name=source]").select_option("seoul-herald")
    with p.expect_navigation():
        p.locator("#filters button[type=submit]").click()
    assert p.url == f"{site}/topics/{TOPIC}?source=seoul-herald"  # empty fields left out
    for key in ("Home", *["ArrowRight"] * 6):  # as of 2024-11-04 06:00, log position 7
        p.locator("#as-of-slider").focus()
        with p.expect_navigation():
            p.keyboard.press(key)
    p.locator('#chart svg .mark[data-figure="7-0"]').click()
    p.locator("#card .card-body[data-figure='7-0']").wait_for()
    link = p.url
    assert link == (
        f"{site}/topics/{TOPIC}?source=seoul-herald&as_of=2024-11-04T06%3A00%3A00.000000Z"
        "&figure=7-0"
    )
    seen = {
        "marks": marks(p),
        "sentence": p.locator("#card .sentence").inner_text(),
        "source": p.locator("select[name=source]").input_value(),
        "summary": p.locator("#summary").inner_text(),
    }
    assert seen["marks"] == ["1-0", "7-0"]
    other = Watched(browser.new_context(viewport={"width": 1400, "height": 1000}).new_page())
    try:
        other.page.goto(link)
        assert {
            "marks": marks(other.page),
            "sentence": other.page.locator("#card .sentence").inner_text(),
            "source": other.page.locator("select[name=source]").input_value(),
            "summary": other.page.locator("#summary").inner_text(),
        } == seen
        assert other.page.locator("#chart svg .mark.selected").get_attribute("data-figure") == "7-0"
        other.clean()
    finally:
        other.page.context.close()
    page.clean()


def test_a_hostile_report_never_runs_its_script(page: Watched, site: str, screens: Path):
    p = page.page
    p.goto(f"{site}/topics/{HOSTILE_TOPIC}")
    figures = marks(p)
    assert len(figures) == 5
    for figure in figures:
        point = p.locator(f'#chart svg .mark[data-figure="{figure}"]')
        point.hover()
        point.click()
        p.locator(f"#card .card-body[data-figure='{figure}']").wait_for()
    title = p.locator("#card .report-title").inner_text()
    assert title.startswith('Border report 4 "><a href="javascript:alert(\'a\')">x')
    assert p.locator("#card a[href^='javascript']").count() == 0
    assert p.locator("#card .inert").inner_text() == "javascript:alert('link4')"
    shoot(p, screens, "hostile-card")
    first = p.locator("#steps tbody tr").first.get_attribute("data-figure")
    for path in (
        f"/figures/{first}",
        f"/topics/{HOSTILE_TOPIC}?figure={first}&superseded=true",
        "/search?q=border+report",
        "/topics",
        "/claimants",
    ):
        p.goto(site + path)
        assert p.evaluate("typeof window.pwned") == "undefined"
        # no element the report's markup would have made
        assert p.locator("[onerror], [onload], a[href^='javascript'], b > i").count() == 0, path
    p.goto(site + "/search?q=script+alert")
    assert "Border report 0 <script>alert('title')</script>" in p.locator(".hits").inner_text()
    p.locator(".hits a.report-title").first.click()
    p.wait_for_load_state()
    assert (
        p.locator("#report-title").inner_text() == "Border report 0 <script>alert('title')</script>"
    )
    shoot(p, screens, "hostile-report", full=True)
    assert p.evaluate("typeof window.pwned") == "undefined"
    page.clean()
