# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""The HTML report in a real browser: headless Chromium driven by Playwright.

Uses the system's Chromium (Debian's `chromium` package; LICENSECHECK_CHROMIUM names
another binary) and never downloads one. Skipped, saying why, when either is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from test_report_html import EVIL, NOW, big_result, make_file, make_result

from licensecheck.model import Finding
from licensecheck.report import html

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_binary() -> str | None:
    for candidate in (os.environ.get("LICENSECHECK_CHROMIUM"), "chromium", "chromium-browser"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no chromium binary on PATH (apt-get install chromium, or set LICENSECHECK_CHROMIUM)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=binary, args=ARGS)
        yield launched
        launched.close()


class Tab:
    """One browser tab that records everything a page tries: requests, dialogs, console errors.

    Every request is routed: the report file itself loads, anything else is aborted and
    recorded, so a test can assert that nothing left the page.
    """

    def __init__(self, browser, javascript: bool = True) -> None:
        self.context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
        )
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.url = ""

    def open(self, path: Path) -> Tab:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.url = path.as_uri()
        self.page.goto(self.url)
        return self

    def _route(self, route) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shown_rows(self) -> int:
        return self.page.locator("#files tr[data-c]:visible").count()

    def settle(self, typed: bool = False) -> None:
        """Wait until the filter has run (typing is debounced by 150 ms) and the page has drawn."""
        self.page.wait_for_timeout(200 if typed else 10)
        self.page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
        )


def sample_result():
    files = [
        make_file("README.md", "documentation", "markdown", ("CC-BY-4.0",)),
        make_file("firmware/src/main.c"),
        make_file("firmware/src/util.c", licenses=("GPL-3.0-or-later",)),
        make_file("firmware/lib/vendor.c", licenses=()),
        make_file(f"firmware/{EVIL}"),
        make_file("hardware/board.kicad_pcb", "hardware", "kicad-pcb", ("CERN-OHL-S-2.0",)),
        make_file("hardware/board.kicad_sch", "hardware", "kicad-sch", ("CERN-OHL-S-2.0",)),
    ]
    findings = [
        Finding("missing-license", "warning", "firmware/lib/vendor.c", "No license found for this file."),
        Finding("missing-license-text", "warning", None, "MIT text is missing.", ("MIT",)),
    ]
    return make_result(files, findings, declared=("CERN-OHL-S-2.0 AND MIT",))


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    result = sample_result()
    written = {}
    for lang in ("en", "zh"):
        written[lang] = folder / f"report-{lang}.html"
        written[lang].write_text(html.render(result, lang, now=NOW), encoding="utf-8")
    return written


@pytest.fixture(scope="module")
def tab(browser) -> Tab:
    opened = Tab(browser)
    yield opened
    opened.context.close()


def test_renders_runs_its_script_and_loads_nothing_else(tab, reports):
    page = tab.open(reports["en"]).page
    assert page.title().startswith("License compliance report")
    assert page.locator(".verdict .word").inner_text() == "PASS"
    for section in ("verdict", "findings", "inventory", "obligations", "provenance"):
        assert page.locator(f"section#{section}").is_visible()
    # The script ran and the stylesheet applied, both allowed by the page's own policy.
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.locator("#filters").is_visible()
    assert page.locator(".verdict").evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert tab.requests == [tab.url]
    assert tab.errors == []


def test_filters_narrow_the_file_table(tab, reports):
    page = tab.open(reports["en"]).page
    assert tab.shown_rows() == 7
    page.fill("#filters input[name=q]", "board")
    tab.settle(typed=True)
    assert tab.shown_rows() == 2
    assert page.locator("#filters output").inner_text() == "2 of 7 files shown"
    assert not page.locator("#k0").is_visible()  # the root component has no match left
    page.fill("#filters input[name=q]", "")
    for control, value, expected in [
        ("c", "hardware", 2),
        ("l", "GPL-3.0-or-later", 1),
        ("l", "-", 1),
        ("s", "warning", 1),
        ("k", "1", 4),
    ]:
        page.select_option(f"#filters select[name={control}]", value)
        tab.settle()
        assert tab.shown_rows() == expected, (control, value)
        page.select_option(f"#filters select[name={control}]", "")
    tab.settle()
    assert tab.shown_rows() == 7


def test_language_switch(tab, reports):
    english = tab.open(reports["en"]).page
    assert english.locator("html").get_attribute("lang") == "en"
    assert english.locator("#inventory h2").inner_text() == "Inventory"
    chinese = tab.open(reports["zh"]).page
    assert chinese.locator("html").get_attribute("lang") == "zh-CN"
    assert chinese.locator("#inventory h2").inner_text() == "文件清单"
    assert chinese.locator(".verdict .word").inner_text() == "通过"
    chinese.fill("#filters input[name=q]", "board")
    tab.settle(typed=True)
    assert chinese.locator("#filters output").inner_text() == "显示 2 / 7 个文件"
    labels = chinese.locator("h2, h3, th, label, figcaption").all_inner_texts()
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in labels if re.search(r"[a-z]{4}", text)), labels


def test_a_hostile_file_name_stays_text(tab, reports):
    page = tab.open(reports["en"]).page
    cell = page.locator("#files td", has_text="onerror=alert(1)")
    assert cell.inner_text() == f"firmware/{EVIL}"
    assert cell.is_visible()
    assert page.locator("img").count() == 0
    tab.settle()
    assert tab.dialogs == []


def test_without_javascript_findings_and_inventory_are_readable(browser, reports):
    tab = Tab(browser, javascript=False).open(reports["en"])
    page = tab.page
    assert page.locator("#findings", has_text="No license found for this file.").is_visible()
    assert tab.shown_rows() == 7
    assert not page.locator("#filters").is_visible()
    assert tab.requests == [tab.url]
    tab.context.close()


def test_a_finding_links_to_its_file_row(tab, reports):
    page = tab.open(reports["en"]).page
    page.locator("#findings a", has_text="firmware/lib/vendor.c").click()
    row = page.locator("#files tr:target")
    assert row.count() == 1 and "firmware/lib/vendor.c" in row.inner_text()
    assert row.is_visible()


def test_prints_on_a4_with_a_page_per_section(tab, reports):
    pdf = tab.open(reports["en"]).page.pdf(prefer_css_page_size=True, print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages >= 5  # verdict, findings, inventory, obligations, provenance each start a page
    width, height = (float(n) for n in re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_ten_thousand_files_open_in_under_two_seconds(tab, tmp_path):
    path = tmp_path / "big.html"
    path.write_text(html.render(big_result(10_000), "en", now=NOW), encoding="utf-8")
    assert path.stat().st_size < 5_000_000
    start = time.perf_counter()
    page = tab.open(path).page
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    page.fill("#filters input[name=q]", "module_0999")
    tab.settle(typed=True)
    assert tab.shown_rows() == 10
