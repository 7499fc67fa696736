# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""The HTML report as markup: verdict, grouping, folding, escaping, languages, size.

What only a browser can tell (the filter, scripts off, no request leaves the page)
is in test_report_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from licensecheck import i18n, knowledge
from licensecheck.model import Evidence, FileResult, Finding, Project, Provenance, ScanResult
from licensecheck.report import findings_view, html, view
from licensecheck.report.terms import terms
from licensecheck.resources import data_path

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
EVIL = "<img src=x onerror=alert(1)>.c"


def make_file(
    path: str,
    category: str = "software",
    fmt: str = "c",
    licenses: tuple[str, ...] = ("MIT",),
    copyrights: tuple[str, ...] = ("2025 Jane Maker",),
) -> FileResult:
    evidence = tuple(
        Evidence("header", expression=lic, raw=lic, line=2, detail="SPDX-License-Identifier")
        for lic in licenses
    )
    return FileResult(path, category, fmt, licenses, copyrights, evidence, size=120)


def make_result(
    files: list[FileResult] | None = None,
    findings: list[Finding] | None = None,
    declared: tuple[str, ...] = ("MIT",),
    profile: str = "default",
    **provenance,
) -> ScanResult:
    files = files if files is not None else [make_file("src/main.c")]
    return ScanResult(
        root="project",
        profile=profile,
        tool_version="9.9.9",
        project=Project(declared, ("LICENSE",)),
        files=tuple(sorted(files, key=lambda f: f.path)),
        findings=tuple(sorted(findings or [], key=Finding.sort_key)),
        provenance=Provenance(
            **{"license_list_version": "3.27", "knowledge_version": "abc123", **provenance}
        ),
    )


def render(result: ScanResult, lang: str = "en") -> str:
    return html.render(result, lang, now=NOW)


def section(page: str, name: str) -> str:
    start = page.index(f'<section id="{name}">')
    return page[start : page.index("</section>", start)]


def visible_text(markup: str) -> str:
    without = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.DOTALL)
    return html_module.unescape(re.sub(r"<[^>]+>", " ", without))


# -- verdict ------------------------------------------------------------------------------


def test_an_unwaived_error_fails_and_a_waived_one_does_not():
    error = Finding("non-open-license", "error", "src/main.c", "NC terms")
    failing = view.verdict(make_result(findings=[error]))
    assert failing.failing and failing.blocking == 1 and failing.fail_on == "error"
    waived = Finding("non-open-license", "error", "src/main.c", "NC terms", waived="accepted by the jury")
    passing = view.verdict(make_result(findings=[waived, Finding("missing-license", "warning", "a.c", "m")]))
    assert not passing.failing and passing.waived == 1
    assert dict(passing.counts) == {"error": 0, "warning": 1, "info": 0}


def test_verdict_at_the_top_says_why():
    page = render(make_result(findings=[Finding("unknown-license", "error", "src/main.c", "bad id")]))
    top = section(page, "verdict")
    assert 'class="verdict fail"' in top
    assert "FAIL" in top and "1 finding(s) at or above “error” under the default profile" in visible_text(top)
    assert page.index('id="verdict"') < page.index('id="findings"') < page.index('id="inventory"')
    assert page.index('id="inventory"') < page.index('id="obligations"') < page.index('id="provenance"')


def test_declared_licenses_are_named_in_the_report_language():
    result = make_result(declared=("CERN-OHL-S-2.0 AND MIT",))
    assert knowledge.license("CERN-OHL-S-2.0").name in render(result, "en")
    assert knowledge.license("CERN-OHL-S-2.0").name_zh in render(result, "zh")


def test_every_listed_license_links_to_a_page():
    # The knowledge base names no page for the GNU licences: the SPDX list's page stands in.
    result = make_result(declared=("CERN-OHL-S-2.0 AND GPL-3.0-or-later AND LicenseRef-Shop",))
    top = section(render(result), "verdict")
    assert 'href="https://spdx.org/licenses/GPL-3.0-or-later.html"' in top
    assert f'href="{knowledge.license("CERN-OHL-S-2.0").url}"' in top
    assert "LicenseRef-Shop" in top and "spdx.org/licenses/LicenseRef" not in top


def test_chart_counts_files_per_license_and_category():
    files = [
        make_file("hw/a.kicad_pcb", "hardware", "kicad-pcb", ("CERN-OHL-S-2.0",)),
        make_file("hw/b.kicad_pcb", "hardware", "kicad-pcb", ("CERN-OHL-S-2.0",)),
        make_file("hw/c.gbr", "hardware", "gerber", ()),
        make_file("fw/m.c", "software", "c", ("MIT OR Apache-2.0",)),
    ]
    panels = {
        p.category: {b.key: b.count for b in p.bars} for p in view.build(make_result(files), "en").chart
    }
    assert panels == {
        "hardware": {"CERN-OHL-S-2.0": 2, "none": 1},
        "software": {"MIT": 1, "Apache-2.0": 1},
        "documentation": {},
    }
    svg = section(render(make_result(files)), "verdict")
    assert svg.count("<svg") == 2  # documentation has no files: a sentence, not an empty chart
    assert "<title>CERN-OHL-S-2.0: 2</title>" in svg and "(no license)" in svg


def test_chart_counts_no_license_texts_as_unlicensed():
    # A project's LICENSE files, sidecars and REUSE.toml made a red "(no license)" bar: they
    # need no license of their own (REUSE 3.3), and missing-license is silent on them.
    files = [
        make_file("fw/main.c", "software", "c", ("MIT",)),
        make_file("LICENSE", "documentation", "license-text", ()),
        make_file("LICENSES/MIT.txt", "documentation", "license-text", ()),
        make_file("docs/photo.jpg.license", "other", "license-sidecar", ()),
        make_file("docs/guide.md", "documentation", "markdown", ()),
    ]
    panels = {
        p.category: {b.key: b.count for b in p.bars} for p in view.build(make_result(files), "en").chart
    }
    assert panels["documentation"] == {"none": 1}  # the guide, not the license texts


# -- findings -------------------------------------------------------------------------------


def test_folders_of_missing_licenses_get_a_reuse_toml_to_paste():
    # One fix per file buried makers: a vendored library or a folder of Gerbers is one annotation.
    missing = [Finding("missing-license", "warning", f"hw/gerbers/board-{n}.gbr", "m") for n in range(4)]
    missing += [Finding("missing-license", "warning", 'lib/odd "name"*/a.c', "m") for _ in range(3)]
    missing += [Finding("missing-license", "warning", "src/main.c", "m")]  # one file: its own fix
    missing += [Finding("missing-license", "warning", f"bad\nname/{n}.c", "m") for n in range(3)]
    missing += [Finding("missing-license", "warning", f"hw/gerbers/drill/{n}.drl", "m") for n in range(3)]
    page = section(render(make_result(findings=missing)), "findings")
    [snippet] = re.findall(r'<pre class="reuse-toml"><code>(.*?)</code></pre>', page, re.S)
    toml = html_module.unescape(snippet)
    assert toml.startswith("version = 1\n")
    assert 'path = "hw/gerbers/**"\nSPDX-License-Identifier = "<license>"' in toml
    assert 'path = "lib/odd \\"name\\"\\\\*/**"' in toml  # TOML-escaped quote, glob-escaped star
    assert "src/**" not in toml and "drill" not in toml  # hw/gerbers/** covers it
    import tomllib

    parsed = tomllib.loads(toml)
    assert [a["path"] for a in parsed["annotations"]] == ["hw/gerbers/**", 'lib/odd "name"\\*/**']


def test_no_reuse_toml_for_rules_it_cannot_answer():
    found = [Finding("non-open-license", "error", f"lib/x/{n}.c", "NC terms") for n in range(5)]
    assert "reuse-toml" not in section(render(make_result(findings=found)), "findings")


def test_findings_grouped_by_severity_then_rule_with_why_sources_and_fix():
    findings = [
        Finding("missing-copyright", "info", "b.c", "no copyright"),
        Finding("missing-license", "warning", "b.c", "no license", line=3),
        Finding("unknown-license", "error", "a.c", "bad id"),
    ]
    part = section(render(make_result([make_file("a.c"), make_file("b.c")], findings)), "findings")
    order = [
        part.index(f'id="rule-{sev}-{rule}"')
        for sev, rule in [
            ("error", "unknown-license"),
            ("warning", "missing-license"),
            ("info", "missing-copyright"),
        ]
    ]
    assert order == sorted(order)
    text = visible_text(part)
    assert i18n.text("en", "rule.missing-license.why") in text
    assert i18n.text("en", "rule.missing-license.fix") in text
    assert '<a href="https://reuse.software/spec-3.3/">' in part
    assert "b.c:3" in text


def test_finding_links_to_its_file_in_the_inventory():
    page = render(
        make_result([make_file("a.c"), make_file("b.c")], [Finding("missing-license", "warning", "b.c", "m")])
    )
    assert '<a href="#f1">b.c</a>' in page and 'id="f1"' in page and 'id="f0"' not in page


def test_waived_findings_are_shown_as_waived_with_their_reason():
    findings = [
        Finding("missing-license", "warning", "gerbers/x.gbr", "no license", waived="outputs of KiCad")
    ]
    page = render(make_result([make_file("gerbers/x.gbr", "hardware", "gerber", ())], findings))
    assert 'class="waived"' in section(page, "findings")
    assert "outputs of KiCad" in visible_text(section(page, "findings"))
    assert '<tr data-c="hardware" data-s="waived"' in section(page, "inventory")
    assert "PASS" in section(page, "verdict")


def test_thousands_of_findings_of_one_rule_fold_into_counts_per_folder():
    paths = [f"hardware/gerbers/board{i % 3}/f{i}.gbr" for i in range(3000)] + ["top.gbr"]
    findings = [Finding("missing-license", "warning", p, f"no license in {p}") for p in paths]
    part = section(render(make_result(findings=findings)), "findings")
    group = view.build(make_result(findings=findings), "en").findings[0].rules[0]
    assert group.folded and group.total == 3001 and len(group.shown) == findings_view.EXAMPLES
    assert {row.folder: row.findings for row in group.folders} == {
        "hardware/gerbers/board0": 1000,
        "hardware/gerbers/board1": 1000,
        "hardware/gerbers/board2": 1000,
        "": 1,
    }
    assert part.count("no license in ") == findings_view.EXAMPLES
    assert "hardware/gerbers/board1/" in part and "3001 findings of this rule, folded" in visible_text(part)


def test_identical_messages_are_written_once_above_their_places():
    findings = [Finding("missing-copyright", "info", f"src/{i}.c", "No copyright notice.") for i in range(5)]
    findings.append(
        Finding("missing-copyright", "info", "src/9.c", "No copyright notice.", waived="vendored")
    )
    part = section(render(make_result(findings=findings)), "findings")
    assert part.count("No copyright notice.") == 1
    assert part.count("<li") == 6 and '<li class="waived">' in part and "vendored" in part


def test_folder_counts_stop_at_the_deepest_level_that_fits():
    findings = [Finding("r", "warning", f"a/{i}/x/f.c", "m") for i in range(10)]
    findings.append(Finding("r", "warning", "b/f.c", "m", waived="ok"))
    findings.append(Finding("r", "warning", None, "m"))
    rows = findings_view.folder_counts(findings, limit=12)
    assert [(r.folder, r.findings, r.waived) for r in rows] == (
        [(f"a/{i}/x", 1, 0) for i in range(10)] + [("b", 1, 1), (None, 1, 0)]
    )
    coarse = findings_view.folder_counts(findings, limit=5)
    assert [(r.folder, r.findings, r.waived) for r in coarse] == [("a", 10, 0), ("b", 1, 1), (None, 1, 0)]


def test_a_level_that_does_not_split_gives_way_to_the_biggest_folders_below():
    findings = [Finding("r", "info", f"docs/part{i % 8}/f{i}.md", "m") for i in range(80)]
    findings += [Finding("r", "info", "docs/part0/extra.md", "m")]
    rows = findings_view.folder_counts(findings, limit=4)
    assert [(r.folder, r.findings, r.others) for r in rows] == [
        ("docs/part0", 11, 0),
        ("docs/part1", 10, 0),
        ("docs/part2", 10, 0),
        (None, 50, 5),
    ]


def test_rule_without_catalog_texts_shows_no_raw_keys():
    page = render(make_result(findings=[Finding("some-future-rule", "warning", None, "message")]))
    assert "some-future-rule" in page
    assert "rule.some-future-rule" not in page


# -- inventory -----------------------------------------------------------------------------


def test_inventory_lists_every_file_with_status_evidence_and_components():
    files = [
        make_file("README.md", "documentation", "markdown", ("CC-BY-4.0",)),
        make_file("firmware/src/main.c"),
        make_file("firmware/lib/x.c", licenses=()),
        make_file("hardware/board.kicad_pcb", "hardware", "kicad-pcb", ("CERN-OHL-S-2.0",)),
    ]
    findings = [
        Finding("missing-license", "warning", "firmware/lib/x.c", "m"),
        Finding("missing-copyright", "info", "firmware/lib/x.c", "m"),
    ]
    result = make_result(files, findings)
    inventory = view.build(result, "en").inventory
    assert [c.name for c in inventory.components] == [".", "firmware", "hardware"]
    assert {row.file.path: row.status for c in inventory.components for row in c.rows}[
        "firmware/lib/x.c"
    ] == "warning"
    part = section(render(result), "inventory")
    for file in files:
        assert f"<td>{file.path}<td>" in part
    assert '<tr data-c="software" data-s="warning" id="f1">' in part
    assert "header:2</b> SPDX-License-Identifier → CERN-OHL-S-2.0" in part
    assert '<option value="CERN-OHL-S-2.0">' in part and "(root folder)" in part


def test_unreadable_file_problem_is_shown():
    broken = FileResult("x.FCStd", "hardware", "freecad", problem="truncated zip archive")
    assert "<i>truncated zip archive</i>" in render(make_result([broken]))


# -- obligations and provenance ---------------------------------------------------------------


def test_obligations_per_license_and_missing_texts():
    files = [
        make_file("a.c", licenses=("GPL-3.0-or-later",)),
        make_file("b.c", licenses=("LicenseRef-Mine",)),
    ]
    missing = Finding("missing-license-text", "warning", None, "GPL text missing", ("GPL-3.0-or-later",))
    part = section(render(make_result(files, [missing], declared=("GPL-3.0-or-later",))), "obligations")
    for obligation in knowledge.obligations("GPL-3.0-or-later"):
        assert html_module.escape(obligation.en) in part
    assert "LicenseRef-Mine" in part and "Not in the knowledge base" in part
    assert 'class="text-missing"' in part and "GPL text missing" in part
    zh = section(render(make_result(files, [missing]), "zh"), "obligations")
    assert knowledge.obligations("GPL-3.0-or-later")[0].zh in zh


def test_provenance_shows_versions_profile_and_git_state():
    result = make_result(
        commit="0123abcd", branch="main", dirty=True, config=".licensecheck.toml", profile="reuse"
    )
    text = visible_text(section(render(result), "provenance"))
    for expected in (
        "9.9.9",
        "abc123",
        "3.27",
        "reuse",
        ".licensecheck.toml",
        "0123abcd",
        "main",
        "uncommitted changes",
        "2026-01-02 03:04:05 UTC",
    ):
        assert expected in text


# -- escaping, self-containment, languages, size ----------------------------------------------


def test_everything_from_the_tree_is_escaped():
    nasty = FileResult(
        EVIL,
        'software" onmouseover="alert(2)',
        "c",
        ("<b>MIT</b>",),
        ("<script>alert(3)</script>",),
        (Evidence("header", raw="x", line=1, detail="'\"><svg onload=alert(4)>"),),
    )
    finding = Finding("missing-license", "warning", EVIL, "<em>message</em>", waived="<u>why</u>")
    page = render(make_result([nasty], [finding], declared=("<i>MIT</i>",)), "en")
    for raw in (
        EVIL,
        "<script>alert(3)",
        "<svg onload",
        "<em>message",
        "<u>why",
        "<i>MIT",
        "<b>MIT",
        '" onmouseover="',
    ):
        assert raw not in page
    assert html_module.escape(EVIL) in page


def test_self_contained_and_only_its_own_script_may_run():
    page = render(make_result())
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\s(src|srcset)=", page)
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
    policy = html_module.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    )
    for name, text in (("script-src", script), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{name} 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "SPDX-License-Identifier: Apache-2.0" not in page  # the assets' own headers stay out


def test_every_key_the_templates_use_is_in_both_catalogs():
    used = set()
    for template in data_path("templates").glob("*.j2"):
        used |= set(re.findall(r"\bt\('([\w.\-]+)'\s*[,)]", template.read_text(encoding="utf-8")))
    assert len(used) > 40
    for lang in i18n.LANGUAGES:
        assert used <= set(i18n.catalog(lang)), (lang, sorted(used - set(i18n.catalog(lang))))


def test_chinese_report_has_no_english_ui_left():
    findings = [
        Finding("missing-license", "warning", "src/x.c", "没有许可证", waived="已接受"),
        Finding("missing-license-text", "warning", None, "缺少", ("MIT",)),
    ]
    page = render(make_result([make_file("src/main.c"), make_file("src/x.c", licenses=())], findings), "zh")
    text = visible_text(page)
    english = i18n.catalog("en")
    for key, value in i18n.catalog("zh").items():
        if key.startswith(("report.", "ui.report.")) and "{" not in value and value != english[key]:
            assert english[key] not in text or len(english[key]) < 4, key
    assert '<html lang="zh-CN">' in page and '<p class="word">通过</p>' in page


def test_report_is_reproducible_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    result = make_result()
    assert html.render(result) == html.render(result)
    assert "2026-01-01 00:00:00 UTC" in html.render(result)


def big_result(count: int) -> ScanResult:
    """A project of `count` files shaped like a real one: folders, formats, some unlicensed."""
    kinds = [
        ("hardware", "kicad-pcb", ".kicad_pcb"),
        ("software", "c", ".c"),
        ("documentation", "markdown", ".md"),
        ("hardware", "gerber", ".gbr"),
        ("data", "csv", ".csv"),
    ]
    files, findings = [], []
    for i in range(count):
        category, fmt, suffix = kinds[i % len(kinds)]
        path = f"part{i % 12}/sub{i % 37}/module_{i:05d}{suffix}"
        licensed = i % 7 != 0
        lic = (("MIT",) if i % 3 else ("CERN-OHL-S-2.0",)) if licensed else ()
        evidence = (
            (
                Evidence(
                    "header",
                    copyright="2024 Jane Maker <jane@example.com>",
                    line=1,
                    detail="SPDX-FileCopyrightText",
                ),
                Evidence("header", expression=lic[0], raw=lic[0], line=2, detail="SPDX-License-Identifier"),
            )
            if licensed
            else ()
        )
        files.append(
            FileResult(
                path,
                category,
                fmt,
                lic,
                ("2024 Jane Maker <jane@example.com>",) if licensed else (),
                evidence,
                size=1000,
            )
        )
        if not licensed:
            findings.append(Finding("missing-license", "warning", path, f"No license found for {path}."))
            findings.append(Finding("missing-copyright", "info", path, f"No copyright notice for {path}."))
    return make_result(files, findings)


def test_ten_thousand_files_stay_under_five_megabytes():
    result = big_result(10_000)
    start = time.perf_counter()
    page = render(result)
    elapsed = time.perf_counter() - start
    size = len(page.encode("utf-8"))
    assert size < 5_000_000, size
    assert page.count("<tr data-c=") == 10_000
    assert elapsed < 8, elapsed  # generous: rendering is about a second on a slow machine


def test_cli_writes_the_html_report(tmp_path: Path):
    project = tmp_path / "p"
    (project / "src").mkdir(parents=True)
    (project / "LICENSE").write_text("SPDX-License-Identifier: MIT\n", encoding="utf-8")
    (project / "src" / "main.c").write_text("// SPDX-License-Identifier: MIT\nint main;\n", encoding="utf-8")
    out = tmp_path / "report.html"
    outcome = CliRunner().invoke(main, ["scan", str(project), "-o", str(out), "-j", "1", "--lang", "zh"])
    assert outcome.exit_code in (0, 1), outcome.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "<td>src/main.c<td>" in page


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("MIT", ("MIT",)),
        ("(MIT OR Apache-2.0 WITH LLVM-exception) AND MIT", ("MIT", "Apache-2.0 WITH LLVM-exception")),
        ("GPL-2.0-or-later with Classpath-exception-2.0", ("GPL-2.0-or-later WITH Classpath-exception-2.0",)),
        ("", ()),
    ],
)
def test_terms_keep_exceptions_with_their_license(expression, expected):
    assert terms(expression) == expected


def test_verdict_follows_the_fail_on_of_the_run(tree, tmp_path):
    from click.testing import CliRunner

    from cli import main

    # LICENSE names MIT without its text: missing-license-text is a warning, under the default fail-on
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "a.c": "int a;\n"})
    report = tmp_path / "r.html"
    outcome = CliRunner().invoke(main, ["scan", str(root), "-o", str(report), "--fail-on", "warning"])
    assert outcome.exit_code == 1
    assert '<div class="verdict fail">' in report.read_text(encoding="utf-8")
    outcome = CliRunner().invoke(main, ["scan", str(root), "-o", str(report)])
    assert outcome.exit_code == 0
    assert '<div class="verdict pass">' in report.read_text(encoding="utf-8")


# --- compiled templates -------------------------------------------------------------------


@pytest.fixture
def fresh_environment(tmp_path, monkeypatch):
    """A cache folder of this test's and a Jinja environment made anew, as in a new process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(folder))
    html._environment.cache_clear()
    yield folder
    html._environment.cache_clear()


def _compilations(monkeypatch) -> list[str]:
    from jinja2 import Environment

    compiled: list[str] = []
    real = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    return compiled


def test_a_new_process_reads_the_compiled_templates_instead_of_compiling_them(fresh_environment, monkeypatch):
    compiled = _compilations(monkeypatch)
    first = html.render(make_result(), "en", now=NOW)
    assert "report.html.j2" in compiled
    assert len(list((fresh_environment / "templates").glob("template-*.cache"))) == len(compiled)
    compiled.clear()
    html._environment.cache_clear()
    assert html.render(make_result(), "en", now=NOW) == first
    assert compiled == []


def test_damaged_compiled_templates_are_compiled_again(fresh_environment, monkeypatch):
    first = html.render(make_result(), "zh", now=NOW)
    for path in (fresh_environment / "templates").glob("template-*.cache"):
        path.write_bytes(path.read_bytes()[:40])
    html._environment.cache_clear()
    compiled = _compilations(monkeypatch)
    assert html.render(make_result(), "zh", now=NOW) == first
    assert "report.html.j2" in compiled


@pytest.mark.parametrize("mode", [0o777, 0o775])
def test_a_template_folder_others_may_write_to_is_not_used(fresh_environment, mode):
    (fresh_environment / "templates").mkdir(parents=True)
    (fresh_environment / "templates").chmod(mode)
    html.render(make_result(), "en", now=NOW)
    assert not list((fresh_environment / "templates").glob("template-*.cache"))


def test_the_template_folder_is_made_for_this_user_alone(fresh_environment):
    html.render(make_result(), "en", now=NOW)
    assert (fresh_environment / "templates").stat().st_mode & 0o077 == 0
    assert list((fresh_environment / "templates").glob("template-*.cache"))


def test_templates_compiled_by_other_code_are_not_used(fresh_environment, monkeypatch):
    """Options such as autoescaping live in html.py, not in the templates: code that changed
    them must not run what the old code compiled."""
    html.render(make_result(), "en", now=NOW)
    html._environment.cache_clear()
    monkeypatch.setattr(html.tomlcache, "code_digest", lambda path: "another html.py")
    compiled = _compilations(monkeypatch)
    html.render(make_result(), "en", now=NOW)
    assert "report.html.j2" in compiled


# --- inventory rows, written without Jinja ------------------------------------------------

# The loop that report-inventory.html.j2 had before html.inventory_rows took over its rows.
JINJA_ROWS = """{% for row in chunk %}
{% set file = row.file %}
<tr data-c="{{ file.category }}" data-s="{{ row.status }}"\
{% if row.linked %} id="f{{ row.index }}"{% endif %}>\
<td>{{ status_label[row.status] }}<td>{{ file.path }}\
<td>{{ category_label.get(file.category, file.category) }}\
<td>{{ file.format }}<td>{{ file.licenses|join('\\n') }}<td>{{ file.copyrights|join('\\n') }}<td>\
{% for e in file.evidence %}<b>{{ source_label.get(e.source, e.source) }}\
{% if e.line %}:{{ e.line }}{% endif %}</b> \
{{ e.detail }}{% set value = e.expression or e.raw or e.copyright %}{% if value %} → {{ value }}{% endif %}\
{% if not loop.last %}{{ '\\n' }}{% endif %}{% endfor %}\
{% if file.problem %}{{ '\\n' if file.evidence else '' }}<i>{{ file.problem }}</i>{% endif %}

{% endfor %}
"""


@pytest.mark.parametrize("text", ["plain", EVIL, "a & b", "\"quoted\" 'single'", "<&>\"'", "", "许可 → ©"])
def test_escape_writes_what_autoescaping_writes(text):
    from markupsafe import escape

    assert html.escape(text) == str(escape(text))


def test_inventory_rows_are_what_the_template_loop_wrote():
    from jinja2 import Environment

    from licensecheck.report.inventory_view import Row

    files = [
        make_file(EVIL, licenses=("MIT", "Apache-2.0"), copyrights=("2025 A & B <a@b>", "2024 'Q' \"R\"")),
        FileResult("docs/a.md", "documentation", "markdown", (), (), (), problem="bad <utf-8> & more"),
        FileResult(
            "hw/b.kicad_sch",
            "hardware",
            "kicad-sch",
            ("CERN-OHL-S-2.0",),
            (),
            (
                Evidence("embedded", raw="Licence: <CERN>", detail='property "L"'),
                Evidence("embedded", copyright="2025 Jane & Co", line=7, detail="title_block comment 1"),
            ),
            problem="truncated",
        ),
    ]
    statuses = ["error", "ok", "waived"]
    rows = [Row(i, f, status, i == 1) for i, (f, status) in enumerate(zip(files, statuses, strict=True))]
    labels = {
        "status_label": {"error": "错误 <e>", "ok": "ok", "waived": "waived & kept"},
        "category_label": {"software": "soft'ware"},
        "source_label": {"header": 'header "tag"'},
    }
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    expected = env.from_string(JINJA_ROWS).render(chunk=rows, **labels)
    assert str(html.inventory_rows(rows, **labels)) == expected
    assert "<img" not in expected


def inventory_text(tmp_path, project, lang: str) -> str:
    """The visible text of the inventory of `project`'s HTML report in `lang`."""
    out = tmp_path / "report.html"
    outcome = CliRunner().invoke(main, ["scan", str(project), "-o", str(out), "-j", "1", "--lang", lang])
    assert outcome.exit_code in (0, 1), outcome.output
    return visible_text(section(out.read_text(encoding="utf-8"), "inventory"))


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        (
            "zh",
            [
                "README 的许可证章节：MIT：指明 MIT 的许可声明（置信度 0.85）",
                "GNU 许可声明（或更高版本）",
                "LICENSE 适用于整个项目",  # what main.c inherits
            ],
            "naming",
        ),
        (
            "en",
            [
                "README license section: MIT: licensing statement naming MIT (confidence 0.85)",
                "LICENSE covers the project",
            ],
            "许可声明",
        ),
    ],
)
def test_identifications_evidence_is_worded_in_the_reports_language(tmp_path, lang, expected, absent):
    project = tmp_path / "project"
    (project / "lib").mkdir(parents=True)
    (project / "README.md").write_text(
        "# 花盆\n\n## 许可证\n\n[MIT](LICENSE) © 2025 张三\n", encoding="utf-8"
    )
    grant = "This file is licensed under the GNU General Public License version 2 or any later version."
    (project / "lib" / "ring.c").write_text(f"/* {grant} */\nint ring;\n", encoding="utf-8")
    (project / "LICENSE").write_text("SPDX-License-Identifier: MIT\n", encoding="utf-8")
    (project / "main.c").write_text("int main(void) { return 0; }\n", encoding="utf-8")
    inventory = inventory_text(tmp_path, project, lang)
    assert all(phrase in inventory for phrase in expected), inventory
    assert absent not in inventory


def test_vendor_evidence_is_worded_in_chinese(tmp_path):
    project = tmp_path / "project"
    (project / "Core").mkdir(parents=True)
    (project / "sdk").mkdir()
    (project / "Core" / "main.c").write_text(
        "/* Copyright (c) 2023 STMicroelectronics.\n"
        " * This software is licensed under terms that can be found in the LICENSE file\n"
        " * in the root directory of this software component. */\nint main(void) { return 0; }\n",
        encoding="utf-8",
    )
    (project / "sdk" / "gpio.c").write_text(
        "/* Copyright (c) 2021 Nanjing Qinheng Microelectronics Co., Ltd.\n"
        " * Attention: This software (modified or not) and binary are used for\n"
        " * microcontroller manufactured by Nanjing Qinheng Microelectronics. */\nint gpio;\n",
        encoding="utf-8",
    )
    inventory = inventory_text(tmp_path, project, "zh")
    assert "按其组件根目录的 LICENSE 文件授权" in inventory and "仅限用于厂商的芯片" in inventory
    assert "component's root" not in inventory and "vendor's chips" not in inventory


def test_kicad_facts_are_worded_in_chinese(tmp_path):
    project = tmp_path / "project"
    (project / "lib.pretty").mkdir(parents=True)
    (project / "lib.pretty" / "R_0603_1608Metric.kicad_mod").write_text(
        '(footprint "R_0603_1608Metric" (version 20240108) (generator "pcbnew") (layer "F.Cu")\n'
        '  (model "${KICAD8_3DMODEL_DIR}/Resistor_SMD.3dshapes/R_0603_1608Metric.wrl")\n)\n',
        encoding="utf-8",
    )
    (project / "board.kicad_sch").write_text(
        '; a note\n(kicad_sch (version 20231120) (generator "eeschema") (paper "A4"))\n', encoding="utf-8"
    )
    inventory = inventory_text(tmp_path, project, "zh")
    assert "KiCad 官方库的封装" in inventory and "第 1 行以 ';' 开头" in inventory
    assert "footprint of KiCad's library" not in inventory and "does not read as a comment" not in inventory
