"""Reports opened in headless Chromium: offline, error-free, navigable, injection-proof."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from orgcheck.report import render
from tests.report_orgs import (
    EXPORTS,
    HOSTILE_STRINGS,
    hostile_result,
    make_result,
    synthetic_result,
)

CHROMIUM = os.environ.get("ORGCHECK_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None


@pytest.fixture(scope="module")
def browser():
    if sync_playwright is None:
        pytest.skip("playwright for Python is not installed (pip install playwright)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(
            f"no Chromium at {CHROMIUM} (apt-get install chromium, or set ORGCHECK_CHROMIUM)"
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Page:
    """A report opened from file://, recording console messages, requests and dialogs."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


def _open(browser, tmp_path, result, name="report.html", **kw) -> Page:
    path = tmp_path / name
    path.write_text(render(result, "html", **kw), encoding="utf-8")
    return Page(browser, path)


def test_loads_offline_without_errors_or_requests(browser, tmp_path):
    page = _open(browser, tmp_path, make_result())
    assert page.console == []
    assert page.foreign_requests() == []
    assert page.page.locator("h1").inner_text().startswith("Org check")
    page.page.close()


def test_tree_expands_and_search_reveals_the_chain(browser, tmp_path):
    page = _open(browser, tmp_path, make_result())
    pg = page.page
    # the largest root is open at load: Maya Chen's three reports are rendered
    assert pg.locator("#p-1 .nm").inner_text() == "Ravi Patel"
    assert pg.locator("#p-3").count() == 0  # Tom Okafor: not rendered until asked for
    pg.locator("#p-1 > .node-row .tog").click()
    pg.locator("#p-2 > .node-row .tog").click()
    assert pg.locator("#p-3 .nm").first.inner_text() == "Tom Okafor"
    pg.locator("#tree-collapse").click()
    assert not pg.locator("#p-3").is_visible()
    pg.fill("#tree-search", "chloe")
    pg.locator(".hit-btn").first.click()
    assert pg.locator("#p-6 > .node-row").get_attribute("class").split() == [
        "node-row",
        "chain",
        "hit",
    ]
    chain = pg.locator(".node-row.chain .nm").all_inner_texts()
    assert chain == [
        "Maya Chen",
        "Ravi Patel",
        "Lena Vogel",
        "Tom Okafor",
        "Ana Silva",
        "Chloe Martin",
    ]
    assert pg.locator("#p-6").is_visible()
    # search by title
    pg.fill("#tree-search", "vibes")
    pg.locator("#tree-search").press("Enter")  # searches at once, opens the first match
    assert pg.locator(".hit-btn").all_inner_texts() == ["Hana Ito — Chief Vibes Officer"]
    assert page.console == []
    pg.close()


def test_finding_people_link_into_the_tree(browser, tmp_path):
    page = _open(browser, tmp_path, make_result())
    pg = page.page
    pg.locator('#rule-OC201 a.person[data-pos="10"]').click()
    assert "hit" in pg.locator("#p-10 > .node-row").get_attribute("class")
    assert pg.locator("#p-10").is_visible()
    pg.close()


def test_hostile_spreadsheet_injects_nothing(browser, tmp_path):
    result = hostile_result()
    page = _open(browser, tmp_path, result)
    pg = page.page
    pg.locator("#tree-expand").click()
    pg.fill("#tree-search", "N1")
    pg.locator("#tree-search").press("Enter")
    pg.mouse.move(200, 400)
    time.sleep(0.2)
    assert page.dialogs == []
    assert page.console == []
    assert page.foreign_requests() == []
    # no element came from the data: exactly our two scripts, no img, no injected svg
    assert pg.locator("script").count() == 2
    assert pg.locator("img").count() == 0
    assert pg.locator("svg[onload], [onerror], [onmouseover]").count() == 0
    names = pg.locator("#tree-root .nm").all_inner_texts()
    assert f"{HOSTILE_STRINGS[0]} N1" in names  # shown literally
    body = pg.locator("body").inner_text()
    assert "{{ 7*7 }}" in body and "49" not in body
    assert '"><img src=x onerror=alert(1)>' in body
    pg.close()


def test_anonymized_page_shows_no_real_names(browser, tmp_path):
    page = _open(browser, tmp_path, make_result(), anonymize=True)
    pg = page.page
    pg.locator("#tree-expand").click()
    body = pg.locator("body").inner_text()
    assert "Maya Chen" not in body and "Person 0001" in body
    pg.close()


@pytest.mark.slow
def test_hundred_thousand_people_open_quickly(browser, tmp_path):
    page_path = tmp_path / "big.html"
    page_path.write_text(render(synthetic_result(100_000), "html"), encoding="utf-8")
    p = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    p.goto(page_path.resolve().as_uri())
    p.wait_for_selector("#tree-root .node")
    loaded = time.perf_counter() - start
    paint = p.evaluate("performance.getEntriesByType('paint').map(e => [e.name, e.startTime])")
    p.fill("#tree-search", "ada ng")
    p.locator("#tree-search").press("Enter")
    p.locator(".hit-btn").first.click()
    assert p.locator(".node-row.hit").count() == 1
    assert errors == []
    assert loaded < 10, (loaded, paint)
    p.close()


SAMPLES = sorted((Path(__file__).parent.parent / "sample_data").glob("*.*"))


@pytest.mark.parametrize(
    "path", [p for p in EXPORTS + SAMPLES if p.suffix != ".md"], ids=lambda p: p.name
)
def test_every_sample_and_export_opens_cleanly(browser, tmp_path, path):
    import orgcheck

    page = _open(browser, tmp_path, orgcheck.analyze(path))
    assert page.console == []
    assert page.foreign_requests() == []
    assert page.page.locator("#tree-root .node").count() >= 1
    page.page.close()
