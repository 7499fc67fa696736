# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""The command line and the JSON result against CONTRACT.md."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import file_entry, git_repo, rules_for, scan

from cli import main

MIT_C = (
    "// SPDX-FileCopyrightText: 2024 Jane Maker\n"
    "// SPDX-License-Identifier: MIT\n"
    "int main(void) { return 0; }\n"
)
PROJECT = {
    "LICENSES/MIT.txt": "MIT License\n\nPermission is hereby granted, free of charge...\n",
    "firmware/main.c": MIT_C,
    "firmware/util.h": "/* SPDX-License-Identifier: GPL-2.0 */\n#pragma once\n",
    "docs/guide.md": "<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n# Guide\n",
    "hardware/board.kicad_pcb": '(kicad_pcb (version 20240108) (generator "pcbnew")\n'
    '  (title_block (title "Board") (comment 1 "SPDX-License-Identifier: CERN-OHL-S-2.0")\n'
    '    (comment 2 "SPDX-FileCopyrightText: 2024 Jane Maker"))\n)\n',
}

TOP_KEYS = ["schema", "tool", "root", "profile", "project", "summary", "files", "findings"]


def tree_digest(root: Path) -> dict[str, str]:
    digest = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            stat = path.lstat()
            content = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
            digest[str(path.relative_to(root))] = (
                f"{stat.st_mode}:{stat.st_size}:{stat.st_mtime_ns}:{content}"
            )
    return digest


def test_json_result_follows_the_contract(tree):
    code, result, _ = scan(tree(PROJECT))
    assert list(result)[: len(TOP_KEYS)] == TOP_KEYS
    assert result["schema"] == "licensecheck-result/1"
    assert result["tool"]["name"] == "licensecheck"
    assert result["profile"] == "default"
    assert set(result["project"]) >= {"declared", "sources"}
    summary = result["summary"]
    assert summary["files"] == len(result["files"]) == len(PROJECT)
    assert set(summary["by_category"]) <= {"software", "hardware", "documentation", "data", "other"}
    assert sum(summary["by_category"].values()) == summary["files"]
    paths = [f["path"] for f in result["files"]]
    assert paths == sorted(paths)
    for entry in result["files"]:
        assert {"path", "category", "format", "licenses", "copyrights", "evidence"} <= set(entry)
        assert entry["licenses"] == sorted(set(entry["licenses"]))
        for item in entry["evidence"]:
            assert item["source"] in {
                "header",
                "embedded",
                "sidecar",
                "reuse-toml",
                "dep5",
                "text-match",
                "directory",
                "manifest",
            }
            assert {"source", "expression", "line", "detail"} <= set(item)
    order = {"error": 0, "warning": 1, "info": 2}
    keys = [(order[f["severity"]], f["path"] or "", f["rule"]) for f in result["findings"]]
    assert keys == sorted(keys)
    counted = [f for f in result["findings"] if "waived" not in f]
    assert summary["errors"] == sum(f["severity"] == "error" for f in counted)
    assert summary["warnings"] == sum(f["severity"] == "warning" for f in counted)
    assert summary["infos"] == sum(f["severity"] == "info" for f in counted)
    assert code == (1 if summary["errors"] else 0)


def test_file_licenses_and_evidence(tree):
    _, result, _ = scan(tree(PROJECT))
    main_c = file_entry(result, "firmware/main.c")
    assert main_c["category"] == "software"
    assert main_c["licenses"] == ["MIT"]
    assert main_c["copyrights"] == ["2024 Jane Maker"]
    license_evidence = [e for e in main_c["evidence"] if e["expression"]]
    assert license_evidence[0]["source"] == "header"
    assert license_evidence[0]["line"] == 2
    assert license_evidence[0]["expression"] == "MIT"
    board = file_entry(result, "hardware/board.kicad_pcb")
    assert board["category"] == "hardware"
    assert board["licenses"] == ["CERN-OHL-S-2.0"]
    util = file_entry(result, "firmware/util.h")
    assert util["licenses"] == ["GPL-2.0-only"]  # normalized; the deprecated id is a finding
    deprecated = [f for f in result["findings"] if f["rule"] == "deprecated-license"]
    assert deprecated and deprecated[0]["path"] == "firmware/util.h"
    assert "GPL-2.0-only" in deprecated[0]["message"]


def test_two_runs_give_identical_bytes(tree, tmp_path):
    root = git_repo(tree(PROJECT), {})
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    scan(root, output=first)
    scan(root, "-j", "2", output=second)
    assert first.read_bytes() == second.read_bytes()


def test_several_outputs_in_one_run(tree, tmp_path):
    root = tree(PROJECT)
    runner = CliRunner()
    html, result = tmp_path / "r.html", tmp_path / "r.json"
    outcome = runner.invoke(main, ["scan", str(root), "-o", str(html), "-o", str(result)])
    assert outcome.exit_code in (0, 1)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(result.read_text())["schema"] == "licensecheck-result/1"
    assert str(html) in outcome.output and str(result) in outcome.output


def test_default_output_is_the_html_report_in_the_current_folder(tree, tmp_path, monkeypatch):
    root = tree(PROJECT)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    outcome = CliRunner().invoke(main, ["scan", str(root)])
    assert outcome.exit_code in (0, 1), outcome.output
    assert (work / "licensecheck-report.html").is_file()
    assert not (root / "licensecheck-report.html").exists()


def test_scan_changes_nothing_in_the_tree(tree, tmp_path):
    root = git_repo(tree({**PROJECT, "bin/blob.bin": bytes(range(256)) * 10}), {})
    before = tree_digest(root)
    scan(root, output=tmp_path / "out.json")
    scan(root, "--since", "HEAD", output=tmp_path / "out2.json")
    assert tree_digest(root) == before


@pytest.mark.parametrize("name", ["report.pdf", "report", "result.yaml"])
def test_unknown_output_suffix_is_exit_2(tree, tmp_path, name):
    outcome = CliRunner().invoke(main, ["scan", str(tree(PROJECT)), "-o", str(tmp_path / name)])
    assert outcome.exit_code == 2
    assert name in outcome.output


def test_missing_path_and_file_path_are_exit_2(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["scan", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no such file or directory" in missing.output
    a_file = tmp_path / "file.c"
    a_file.write_text("int x;\n")
    not_dir = runner.invoke(main, ["scan", str(a_file)])
    assert not_dir.exit_code == 2 and "not a directory" in not_dir.output
    assert "Traceback" not in missing.output + not_dir.output
    empty = runner.invoke(main, ["scan", ""])  # a script's unset variable: not the current folder
    assert empty.exit_code == 2 and '"": no such file or directory' in empty.output


def test_unknown_config_key_is_exit_2_naming_key_and_file(tree):
    root = tree({**PROJECT, ".licensecheck.toml": 'profile = "oshwa"\nfail_on = "warning"\n'})
    code, _, output = scan(root)
    assert code == 2
    assert "fail_on" in output and ".licensecheck.toml" in output


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("never", 0), ("error", 1), ("warning", 1), ("info", 1)],
)
def test_fail_on(tree, fail_on, expected):
    code, _, _ = scan(tree({"main.c": "int main(void) { return 0; }\n"}), "--fail-on", fail_on)
    assert code == expected  # no project license is an error


def test_fail_on_warning_counts_warnings_only_when_asked(tree):
    files = {**PROJECT, "firmware/extra.c": "int x;\n"}  # missing-license is a warning
    files.pop("firmware/util.h")
    root = tree(files)
    code_error, result, _ = scan(root, "--fail-on", "error")
    assert result["summary"]["errors"] == 0 and result["summary"]["warnings"] > 0
    assert code_error == 0
    code_warning, _, _ = scan(root, "--fail-on", "warning")
    assert code_warning == 1


def test_config_fail_on_and_command_line_wins(tree):
    files = {**PROJECT, "firmware/extra.c": "int x;\n", ".licensecheck.toml": 'fail-on = "warning"\n'}
    files.pop("firmware/util.h")
    root = tree(files)
    assert scan(root)[0] == 1
    assert scan(root, "--fail-on", "error")[0] == 0


def test_rule_severity_off_and_waivers(tree):
    config = (
        '[rules.missing-copyright]\nseverity = "off"\n\n'
        '[[waivers]]\nrule = "missing-license"\npaths = ["firmware/**"]\nreason = "vendored"\n'
    )
    root = tree({**PROJECT, "firmware/extra.c": "int x;\n", ".licensecheck.toml": config})
    _, result, _ = scan(root)
    assert "missing-copyright" not in rules_for(result)
    missing = [f for f in result["findings"] if f["rule"] == "missing-license"]
    waived = [f for f in missing if f["path"].startswith("firmware/")]
    assert waived and all(f["waived"] == "vendored" for f in waived)
    assert all("waived" not in f for f in missing if f not in waived)  # the config file itself
    assert result["summary"]["waived"] == len(waived)


def test_profile_strict_turns_warnings_into_errors(tree):
    code, result, _ = scan(tree(PROJECT), "--profile", "strict")
    assert result["profile"] == "strict"
    deprecated = [f for f in result["findings"] if f["rule"] == "deprecated-license"]
    assert deprecated and all(f["severity"] == "error" for f in deprecated)
    assert code == 1


def test_since_keeps_findings_of_changed_files_and_project_findings(tree):
    root = git_repo(tree({"a.c": "int a;\n", "b.c": "int b;\n"}), {})
    (root / "b.c").write_text("int b2;\n")
    _, result, _ = scan(root, "--since", "HEAD")
    paths = {f["path"] for f in result["findings"]}
    assert "b.c" in paths and "a.c" not in paths
    assert None in paths  # no-project-license stays
    assert len(result["files"]) == 2  # the inventory stays complete


def test_since_unknown_ref_is_exit_2(tree):
    root = git_repo(tree({"a.c": "int a;\n"}), {})
    code, _, output = scan(root, "--since", "no-such-ref")
    assert code == 2 and "no-such-ref" in output


def test_lang_zh_messages(tree):
    _, result, output = scan(tree({"a.c": "int a;\n"}), "--lang", "zh")
    messages = " ".join(f["message"] for f in result["findings"])
    assert "许可证" in messages
    assert "文件" in output


def test_terminal_summary_strips_escape_sequences(tree):
    root = tree({"\x1b[31mred\x1b[0m.c": "int a;\n"})
    _, _, output = scan(root, "-v")
    assert "\x1b" not in output
    assert "red.c" in output


def test_explain_every_rule_in_both_languages():
    from licensecheck.rules import catalog

    runner = CliRunner()
    for rule in catalog():
        for lang in ("en", "zh"):
            outcome = runner.invoke(main, ["explain", rule, "--lang", lang])
            assert outcome.exit_code == 0
            assert rule in outcome.output and "https://" in outcome.output
    unknown = runner.invoke(main, ["explain", "no-such-rule"])
    assert unknown.exit_code == 2


def test_version():
    outcome = CliRunner().invoke(main, ["--version"])
    assert outcome.exit_code == 0 and outcome.output.startswith("licensecheck ")


def test_licenses_table_by_kind_and_language():
    runner = CliRunner()
    everything = runner.invoke(main, ["licenses", "--lang", "en"])
    assert everything.exit_code == 0
    assert len(everything.output.splitlines()) > 150
    hardware = runner.invoke(main, ["licenses", "--kind", "hardware", "--lang", "zh"])
    rows = hardware.output.splitlines()
    assert any(row.startswith("CERN-OHL-S-2.0 ") and "强互惠" in row for row in rows)
    assert not any(row.startswith("MIT ") for row in rows)
    assert runner.invoke(main, ["licenses", "--kind", "furniture"]).exit_code == 2


def test_identify_command(tmp_path):
    from licensecheck.identify import data

    mit = data.load().licenses["MIT"]
    files = {
        "LICENSE.txt": mit.replace("<year>", "2024").replace("<copyright holders>", "Jane Maker"),
        "notice.c": "/* This program is free software: you can redistribute it and/or modify\n"
        " * it under the terms of the GNU General Public License as published by\n"
        " * the Free Software Foundation, either version 3 of the License, or\n"
        " * (at your option) any later version. */\n",
        "tagged.h": "// SPDX-License-Identifier: Apache-2.0\n",
        "prose.md": "We like open source and this is a readme about soldering.\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    outcome = CliRunner().invoke(main, ["identify", *(str(tmp_path / name) for name in files)])
    assert outcome.exit_code == 0
    lines = [json.loads(line) for line in outcome.output.splitlines()]
    assert [line["expression"] for line in lines] == ["MIT", "GPL-3.0-or-later", "Apache-2.0", None]
    assert all(0.0 <= line["confidence"] <= 1.0 for line in lines)
    assert lines[3]["confidence"] == 0.0


def test_identify_reads_a_readme_as_a_scan_does(tmp_path):
    # A README's license section ("## 开源协议" over a table of parts) named nothing here while a
    # scan read it: the command is what a maker debugs a scan's result with.
    readme = tmp_path / "README.md"
    parts = "| 硬件 | CERN-OHL-S-2.0 |\n| 固件 | MIT |\n"
    readme.write_text(f"# 花盆\n\n## 开源协议\n\n{parts}", encoding="utf-8")
    outcome = CliRunner().invoke(main, ["identify", str(readme)])
    assert json.loads(outcome.output)["expression"] == "CERN-OHL-S-2.0 AND MIT"


def test_identify_says_what_is_not_a_file_and_goes_on(tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "tagged.h").write_text("// SPDX-License-Identifier: MIT\n")
    os.mkfifo(tmp_path / "pipe")
    names = ["folder", "pipe", "tagged.h"]
    outcome = CliRunner().invoke(main, ["identify", *(str(tmp_path / name) for name in names)])
    assert outcome.exit_code == 2, outcome.output  # an uncaught error would be exit code 1
    lines = [json.loads(line) for line in outcome.output.splitlines()]
    assert [line.get("error") for line in lines] == ["not a regular file", "not a regular file", None]
    assert lines[2]["expression"] == "MIT"


def test_identify_shows_a_name_that_is_not_utf8_as_scan_does(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.c"
    with open(name, "w") as handle:
        handle.write("// SPDX-License-Identifier: MIT\n")
    outcome = CliRunner().invoke(main, ["identify", os.fsdecode(name)])
    assert outcome.exit_code == 0, outcome.output
    line = json.loads(outcome.output)
    assert line["path"].endswith("/caf\\xe9.c") and line["expression"] == "MIT"


def test_the_result_root_is_the_path_as_given(tmp_path, monkeypatch):
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "a.c").write_text("// SPDX-License-Identifier: MIT\n")
    monkeypatch.chdir(tmp_path)
    outcome = CliRunner().invoke(main, ["scan", "./proj/", "-o", "r.json", "--no-cache"])
    assert outcome.exit_code in (0, 1), outcome.output
    assert json.loads((tmp_path / "r.json").read_text())["root"] == "./proj/"


def test_the_rule_ids_a_config_may_name_are_the_catalogs():
    from licensecheck.rule_ids import RULE_IDS
    from licensecheck.rules import catalog

    assert set(catalog()) == RULE_IDS


SCAN_TO_FILE = ["scan", "{root}", "-o", "{out}", "--no-cache"]


@pytest.mark.parametrize(
    ("args", "code", "stream", "expected"),
    [
        (["--version"], 0, "stdout", "licensecheck "),
        ([*SCAN_TO_FILE, "--fail-on", "warning"], 1, "stdout", "Reports written: "),
        ([*SCAN_TO_FILE, "--fail-on", "never"], 0, "stdout", "Reports written: "),
        (["scan", "{root}", "--no-such-option"], 2, "stderr", "No such option"),
        (["scan", "{root}/missing"], 2, "stderr", "missing"),
    ],
)
def test_the_console_script_ends_with_the_contracts_exit_code_and_all_its_output(
    tree, tmp_path, args, code, stream, expected
):
    """run() ends the process with os._exit, past the interpreter's teardown: the exit code
    and every line written before it must still come out, into a pipe as well."""
    import subprocess
    import sys

    root, out = tree(PROJECT), tmp_path / "r.json"
    command = [sys.executable, "-c", "from cli import run; run()"]
    command += [a.format(root=root, out=out) for a in args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert expected in getattr(done, stream)
    if "Reports written: " in expected:
        assert done.stdout.rstrip().endswith(str(out)) and json.loads(out.read_text())["files"]


def test_the_console_script_keeps_its_exit_code_with_stdout_closed(tree, tmp_path):
    """Started with standard output closed (`>&-`), Python has no sys.stdout at all: the
    end of the run must not trip over it."""
    import subprocess
    import sys

    root, out = tree(PROJECT), tmp_path / "r.json"
    script = '"$0" -c "from cli import run; run()" scan "$1" -o "$2" --no-cache --fail-on never >&-'
    done = subprocess.run(
        ["sh", "-c", script, sys.executable, str(root), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and json.loads(out.read_text())["files"]


def test_a_bug_ends_the_run_with_exit_2_and_says_so(monkeypatch, capsys):
    """Exit 1 says "findings" to CI; a crash is "the scan could not run" (2), with the
    traceback for a report."""
    import cli as console

    def broken(**_):
        raise RuntimeError("a bug")

    codes = []
    monkeypatch.setattr(console.main, "main", broken)
    monkeypatch.setattr(console, "_exit_now", codes.append)
    monkeypatch.setattr(console.gc, "disable", lambda: None)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    console.run()
    said = capsys.readouterr().err
    assert codes == [2]
    assert "Traceback" in said and "internal error" in said and "RuntimeError: a bug" in said


def test_a_terminal_that_cannot_show_a_name_gets_a_stand_in(tmp_path):
    import subprocess
    import sys

    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "中文.c").write_text("// SPDX-License-Identifier: MIT\nint a;\n")
    command = [sys.executable, "-c", "from cli import run; run()"]
    command += ["scan", "tree", "-o", "r.json", "--no-cache"]
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(command, capture_output=True, timeout=120, cwd=tmp_path, env=env)
    assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
    assert b"?.c" in done.stdout and json.loads((tmp_path / "r.json").read_text())["files"]


def test_the_reports_written_into_the_tree_are_not_scanned_by_the_next_run(tree, monkeypatch):
    """With no -o the report goes to the current folder, which is the tree when PATH is left
    out: the next run must not read it (its examples quote SPDX tags)."""
    monkeypatch.chdir(tree(PROJECT))
    runner = CliRunner()
    first = runner.invoke(main, ["scan", "-o", "result.json", "-o", "licensecheck-report.html"])
    second = runner.invoke(main, ["scan", "-o", "result.json", "-o", "licensecheck-report.html"])
    assert Path("licensecheck-report.html").is_file()
    assert first.exit_code == second.exit_code, second.output
    paths = [f["path"] for f in json.loads(Path("result.json").read_text())["files"]]
    assert "licensecheck-report.html" not in paths and "result.json" not in paths
    assert sorted(paths) == sorted(PROJECT)
    # The default report an earlier run left at the root, under a run that writes other reports.
    third = runner.invoke(main, ["scan", "-o", "other.json"])
    assert third.exit_code == first.exit_code, third.output
    assert sorted(f["path"] for f in json.loads(Path("other.json").read_text())["files"]) == sorted(
        [*PROJECT, "result.json"]
    )


def test_a_full_disk_is_no_bug_report(tmp_path):
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    command = [sys.executable, "-c", "from cli import run; run()", "licenses"]
    with open("/dev/full", "w") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "No space left on device" in done.stderr and "internal error" not in done.stderr


def test_identify_escapes_what_the_stream_cannot_carry(tmp_path):
    import subprocess
    import sys

    (tmp_path / "许可证.txt").write_text("License: MIT\n")
    command = [sys.executable, "-c", "from cli import run; run()", "identify", "许可证.txt"]
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(command, capture_output=True, timeout=120, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"path": "许可证.txt", "expression": "MIT", "confidence": 0.85}


def test_reports_an_earlier_run_left_under_other_names_are_known_by_their_content(tree, monkeypatch):
    """They quote other files' SPDX tags (findings, examples): read as their own, a stale
    SARIF log gave a run seven errors. They are listed, as licensecheck reports, not read."""
    monkeypatch.chdir(tree(PROJECT))
    runner = CliRunner()
    first = runner.invoke(main, ["scan", "-o", "old.html", "-o", "old.sarif", "-o", "old.json"])
    second = runner.invoke(main, ["scan", "-o", "new.json"])
    assert second.exit_code == first.exit_code, second.output
    before, after = (json.loads(Path(name).read_text()) for name in ("old.json", "new.json"))
    assert after["findings"] == before["findings"]
    for name in ("old.html", "old.sarif", "old.json"):
        entry = file_entry(after, name)
        assert entry["format"] == "licensecheck-report" and entry["evidence"] == [], entry


@pytest.mark.parametrize(
    ("lang", "declared", "files"),
    [
        ("zh", "声明的许可证：无", "文件：2（文档 1、软件 1）"),
        ("en", "Declared license: none", "Files: 2 (documentation 1, software 1)"),
    ],
)
def test_the_terminal_summary_lists_as_the_language_writes(tmp_path, lang, declared, files):
    # "声明的许可证：无 [无]" said "none" twice, and Chinese lists took ASCII commas.
    (tmp_path / "README.md").write_text("# 花盆\n", encoding="utf-8")
    (tmp_path / "main.c").write_text("int main(void) { return 0; }\n", encoding="utf-8")
    out = tmp_path / "result.json"
    outcome = CliRunner().invoke(main, ["scan", str(tmp_path), "-o", str(out), "--lang", lang, "-j", "1"])
    lines = outcome.output.splitlines()
    assert declared in lines and files in lines
