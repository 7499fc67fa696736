# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Hostile trees: symlinks out of the root and to /etc/passwd, symlink loops, FIFOs,
sockets and device files, unreadable files and folders, 100,000 files in one folder,
4,000-character paths, file names that are not UTF-8 or that carry HTML and terminal
escape sequences."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest
from conftest import file_entry, git, git_repo, rules_for, scan, write_tree
from hostile import SECRET, run_cli, shared_tmp, unprivileged  # noqa: F401 (shared_tmp: a fixture)

from licensecheck.discover import discover
from licensecheck.extract.file import scan_file
from licensecheck.model import DiscoveredFile

LICENSE = {"LICENSE": "SPDX-License-Identifier: Apache-2.0\n"}
MIT = "// SPDX-License-Identifier: MIT\n"
PASSWD = Path("/etc/passwd")


def passwd_lines() -> list[str]:
    """Lines of /etc/passwd long enough not to occur in a report by chance."""
    try:
        return [line for line in PASSWD.read_text().splitlines() if len(line) > 12]
    except OSError:
        return []


# --- symlinks -------------------------------------------------------------------------------


def symlinked_tree(root: Path, outside: Path) -> Path:
    write_tree(outside, {"secret.c": f"// {SECRET}\n// SPDX-License-Identifier: GPL-3.0-only\n"})
    annotation = 'version = 1\n[[annotations]]\npath = "**"\nSPDX-License-Identifier = "AGPL-3.0-only"\n'
    write_tree(outside, {"REUSE.toml": annotation})
    write_tree(root, {**LICENSE, "src/a.c": MIT, "docs/readme.md": "# Docs\n"})
    links = {
        "passwd": PASSWD,
        "LICENSES/passwd.txt": PASSWD,
        "src/secret.c": outside / "secret.c",
        "src/a.c.license": outside / "secret.c",
        "REUSE.toml": outside / "REUSE.toml",
        "outside": outside,
        "docs/up": root.parent,
        "loop-a": root / "loop-b",
        "loop-b": root / "loop-a",
        "self": Path("."),
        "src/dangling.c": root / "does-not-exist",
        ".gitignore": PASSWD,
    }
    for name, target in links.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / name)
    return root


@pytest.mark.parametrize("use_git", [False, True], ids=["walk", "git"])
def test_symlinks_out_of_the_root_are_never_followed(tmp_path, use_git):
    root = symlinked_tree(tmp_path / "project", tmp_path / "outside")
    if use_git:
        git_repo(root, {})
    output = tmp_path / "result.json"
    code, result, terminal = scan(root, "--no-cache", "-o", str(tmp_path / "report.html"), output=output)
    assert code in (0, 1)
    paths = [f["path"] for f in result["files"]]
    assert paths == ["LICENSE", "docs/readme.md", "src/a.c"]
    shown = output.read_text() + (tmp_path / "report.html").read_text() + terminal
    assert SECRET not in shown
    assert "GPL-3.0-only" not in shown and "AGPL-3.0-only" not in shown
    assert not any(line in shown for line in passwd_lines())
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]


def test_a_symlink_swapped_in_after_discovery_is_not_followed(tmp_path):
    root = write_tree(tmp_path / "project", {"a.c": MIT})
    listed = DiscoveredFile("a.c", 10)
    (root / "a.c").unlink()
    os.symlink(PASSWD, root / "a.c")
    found = scan_file(root, listed)
    assert found.problem and not found.evidence
    assert not any(line in repr(found) for line in passwd_lines())


# --- FIFOs, sockets, devices -----------------------------------------------------------------


def special_files(root: Path) -> list[str]:
    made = []
    for name in ("pipe.c", "LICENSE.fifo", "REUSE.toml", ".licensecheck.toml", "src/pipe.kicad_sch"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / name)
        made.append(name)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(root / "socket.c"))
        made.append("socket.c")
    except OSError:  # a path too long for a socket address
        pass
    finally:
        server.close()
    if os.geteuid() == 0:  # the same devices as /dev/zero and /dev/urandom: endless data
        for name, device in (("zero.c", os.makedev(1, 5)), ("urandom.bin", os.makedev(1, 9))):
            os.mknod(root / name, 0o644 | stat.S_IFCHR, device)
            made.append(name)
    return made


@pytest.mark.parametrize("use_git", [False, True], ids=["walk", "git"])
def test_fifos_sockets_and_devices_are_never_read(tmp_path, use_git):
    root = write_tree(tmp_path / "project", {**LICENSE, "src/a.c": MIT})
    if use_git:
        git_repo(root, {})
    made = special_files(root)
    output = tmp_path / "result.json"
    started = time.monotonic()
    run = run_cli("scan", str(root), "-o", str(output), "-j", "1", "--no-cache", timeout=60)
    assert time.monotonic() - started < 60
    assert run.code in (0, 1), run.stderr
    assert run.read_mb < 64  # /dev/zero and /dev/urandom were not read
    result = json.loads(output.read_text())
    assert [f["path"] for f in result["files"]] == ["LICENSE", "src/a.c"]
    assert not set(made) & {f["path"] for f in result["files"]}


def test_a_fifo_swapped_in_after_discovery_does_not_block(tmp_path):
    root = write_tree(tmp_path / "project", {"a.c": MIT})
    listed = DiscoveredFile("a.c", 10)
    (root / "a.c").unlink()
    os.mkfifo(root / "a.c")
    started = time.monotonic()
    found = scan_file(root, listed)
    assert time.monotonic() - started < 2
    assert found.problem == "not a regular file"


# --- unreadable files and folders ----------------------------------------------------------


@pytest.mark.parametrize("use_git", [False, True], ids=["walk", "git"])
def test_unreadable_files_and_folders_are_findings(shared_tmp, use_git):  # noqa: F811
    child = unprivileged()
    if child is None:
        pytest.skip("as root, neither 'nobody' nor dropping capabilities can take file access away")
    files = {**LICENSE, "src/a.c": MIT, "src/locked.c": MIT, "vault/x.c": MIT}
    root = write_tree(shared_tmp / "project", files)
    if use_git:
        git_repo(root, {})
        subprocess.run(["chmod", "-R", "a+rX", str(root)], check=True)
    (root / "src/locked.c").chmod(0)
    (root / "vault").chmod(0)
    out = shared_tmp / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    output = out / "result.json"
    run = run_cli("scan", str(root), "-o", str(output), "-j", "1", "--no-cache", cwd=out, **child)
    assert run.code in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    result = json.loads(output.read_text())
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]
    assert file_entry(result, "src/locked.c")["problem"] == "permission denied"
    assert "unreadable-file" in rules_for(result, "src/locked.c")
    assert "unreadable-file" in rules_for(result, "vault"), result["findings"]


# --- sizes and names -----------------------------------------------------------------------


def test_100000_files_in_one_folder_are_listed_quickly(tmp_path):
    folder = tmp_path / "project" / "flat"
    folder.mkdir(parents=True)
    for i in range(100_000):
        os.close(os.open(folder / f"f{i:06}.c", os.O_CREAT | os.O_WRONLY, 0o644))
    started = time.monotonic()
    found = discover(tmp_path / "project")
    assert time.monotonic() - started < 10
    assert len(found.files) == 100_000
    assert found.files[0].path == "flat/f000000.c" and found.files[-1].path == "flat/f099999.c"


@pytest.mark.skipif(
    not os.environ.get("LICENSECHECK_SLOW_TESTS"),
    reason="a full scan of 100,000 files (about 30 s on 2 CPUs); set LICENSECHECK_SLOW_TESTS=1",
)
def test_100000_files_in_one_folder_scan_end_to_end(tmp_path):
    root = write_tree(tmp_path / "project", LICENSE)
    (root / "flat").mkdir()
    for i in range(100_000):
        (root / "flat" / f"f{i:06}.c").write_text(MIT)
    output = tmp_path / "result.json"
    run = run_cli("scan", str(root), "-o", str(output), "--no-cache", timeout=600)
    assert run.code in (0, 1), run.stderr
    result = json.loads(output.read_text())
    assert len(result["files"]) == 100_001
    assert run.peak_mb < 1024 and run.workers_peak_mb < 1024


def test_paths_of_4000_characters(tmp_path):
    root = write_tree(tmp_path / "p", LICENSE)
    folder = root
    for i in range(19):  # 19 folders of 200 characters, then the file: 4,000 characters below the root
        folder = folder / (f"{i:02d}" + "d" * 198)
        folder.mkdir()
    name = "f" * (4000 - len(str(folder.relative_to(root))) - 3) + ".c"
    (folder / name).write_text(MIT)
    deep = (folder / name).relative_to(root).as_posix()
    assert len(deep) == 4000
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert file_entry(result, deep)["licenses"] == ["MIT"]


def test_paths_longer_than_the_system_allows_are_problems_not_crashes(tmp_path):
    root = write_tree(tmp_path / "p", {**LICENSE, "a.c": MIT})
    fd = os.open(root, os.O_RDONLY)
    try:  # build below the limit of one path by walking down with relative names
        for i in range(25):
            name = f"{i:02d}" + "d" * 220
            os.mkdir(name, dir_fd=fd)
            below = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = below
        os.close(os.open("deep.c", os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd))
    finally:
        os.close(fd)
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert file_entry(result, "a.c")["licenses"] == ["MIT"]


def test_file_names_that_are_not_utf8_are_read_shown_and_kept_apart(tmp_path):
    root = write_tree(tmp_path / "project", {**LICENSE, "ok.c": MIT})
    # GBK for 原理图.c (a zip made on Windows, unzipped on Linux), and two Latin-1 names that
    # differ only in an undecodable byte.
    names = {
        b"\xd4\xad\xc0\xed\xcd\xbc.c": ("\u052d\\xc0\\xed\u037c.c", "GPL-2.0-only"),  # some pairs are UTF-8
        b"a\xff.c": ("a\\xff.c", "Apache-2.0"),
        b"a\xfe.c": ("a\\xfe.c", "BSD-3-Clause"),
    }
    for raw, (_, license_id) in names.items():
        with open(os.fsencode(root) + b"/" + raw, "w") as handle:
            handle.write(f"// SPDX-License-Identifier: {license_id}\n// SPDX-FileCopyrightText: 2025 Jane\n")
    os.mkdir(os.fsencode(root) + b"/d\xff")
    for report in ("report.html", "report.sarif", "report.spdx.json"):
        code, result, terminal = scan(root, "--no-cache", "-o", str(tmp_path / report))
        assert code in (0, 1)
        (tmp_path / report).read_text(encoding="utf-8")  # valid UTF-8
    paths = [f["path"] for f in result["files"]]
    assert len(paths) == len(set(paths))
    for shown, license_id in names.values():
        assert file_entry(result, shown)["licenses"] == [license_id]
        assert file_entry(result, shown)["problem"] is None
        assert "unreadable-file" not in rules_for(result, shown)
    assert "a\\xff.c" in terminal or result["findings"] == []


def test_a_file_whose_name_is_not_utf8_is_still_read(tmp_path):
    root = write_tree(tmp_path / "project", LICENSE)
    with open(os.fsencode(root) + b"/caf\xe9.c", "w") as handle:
        handle.write(MIT)
    _, result, _ = scan(root, "--no-cache")
    assert file_entry(result, "caf\\xe9.c")["licenses"] == ["MIT"]


@pytest.mark.parametrize("in_git", [False, True], ids=["walk", "git"])
def test_a_backslash_in_a_name_is_doubled_so_no_two_names_show_alike(tmp_path, in_git):
    # A file literally named a\xff.c beside one whose name holds the byte 0xff.
    root = write_tree(tmp_path / "project", {**LICENSE, "a\\xff.c": "// SPDX-License-Identifier: MIT\n"})
    with open(os.fsencode(root) + b"/a\xff.c", "w") as handle:
        handle.write("// SPDX-License-Identifier: GPL-3.0-or-later\n")
    if in_git:
        git_repo(root, {})
    _, fresh, _ = scan(root, "--no-cache", output=tmp_path / "fresh.json")
    assert file_entry(fresh, "a\\\\xff.c")["licenses"] == ["MIT"]  # shown a\\xff.c
    assert file_entry(fresh, "a\\xff.c")["licenses"] == ["GPL-3.0-or-later"]
    for _ in range(2):  # filling the cache, then from it
        scan(root, output=tmp_path / "cached.json")
        assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def test_a_project_folder_whose_name_is_not_utf8_is_scanned(tmp_path):
    folder = os.fsencode(tmp_path) + b"/\xd6\xf7\xb0\xe5"  # GBK for 主板
    os.mkdir(folder)
    root = Path(os.fsdecode(folder))
    write_tree(root, {**LICENSE, "a.c": MIT})
    for cache in ("--no-cache", "-q"):
        code, result, _ = scan(root, cache, output=tmp_path / f"r{cache}.json")
        assert code in (0, 1), result
        assert result["root"].endswith("/\\xd6\\xf7\\xb0\\xe5")
        assert file_entry(result, "a.c")["licenses"] == ["MIT"]


def test_a_kicad_design_in_a_folder_whose_name_is_not_utf8_reads_its_project(tmp_path):
    root = write_tree(tmp_path / "project", LICENSE)
    folder = os.fsencode(root) + b"/\xd6\xf7\xb0\xe5"  # GBK for 主板
    os.mkdir(folder)
    with open(folder + b"/board.kicad_pro", "w") as handle:
        handle.write('{"meta": {"filename": "board.kicad_pro"},\n')
        handle.write(' "text_variables": {"LICENSE": "CERN-OHL-S-2.0"}}\n')
    with open(folder + b"/board.kicad_sch", "w") as handle:
        handle.write(
            '(kicad_sch (version 20231120) (generator "eeschema")\n  (paper "A4")\n'
            '  (title_block (title "Board") (comment 1 "${LICENSE}"))\n  (lib_symbols)\n)\n'
        )
    _, result, _ = scan(root, "--no-cache", "-o", str(tmp_path / "r.sarif"))
    entry = file_entry(result, "\\xd6\\xf7\\xb0\\xe5/board.kicad_sch")
    assert entry["licenses"] == ["CERN-OHL-S-2.0"]
    assert any("board.kicad_pro" in e["detail"] for e in entry["evidence"])
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    locations = [r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"]]
    uris = {location["artifactLocation"]["uri"] for location in locations}
    assert "%D6%F7%B0%E5/board.kicad_sch" in uris  # the name's own bytes, percent-encoded


HOSTILE_NAMES = {
    "x</script><img src=x onerror=alert(1)>.c": "<img src=x onerror=alert(1)>",
    "<b>bold</b>.c": "<b>",
    "q\"'&amp;.c": "&amp;",
    "red\x1b[31mRED\x1b[0m.c": "\x1b",
    "title\x1b]0;pwned\x07.c": "\x1b]0;",
    "bell\x07\x08\x7f.c": "\x07",
}


def test_names_with_markup_or_escape_sequences(tmp_path):
    root = write_tree(tmp_path / "project", {**LICENSE, **dict.fromkeys(HOSTILE_NAMES, "int x;\n")})
    html = tmp_path / "report.html"
    code, result, terminal = scan(root, "--no-cache", "-v", "-o", str(html))
    assert code in (0, 1)
    assert {f["path"] for f in result["files"]} >= set(HOSTILE_NAMES)  # the JSON keeps names as they are
    page = html.read_text()
    assert "<img src=x onerror=alert(1)>" not in page and "<b>bold</b>" not in page
    assert page.count("</script>") == page.count("<script")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    for raw in ("\x1b", "\x07", "\x08", "\x7f"):
        assert raw not in terminal
    assert "redRED.c" in terminal


def test_a_line_break_in_a_name_cannot_forge_terminal_lines(tmp_path):
    forged = "Findings: all clear (forged)"
    root = write_tree(tmp_path / "project", {**LICENSE, f"x.c\n{forged}": "int x;\n"})
    _, _, terminal = scan(root, "--no-cache", "-v")
    assert forged in terminal  # the file is reported...
    assert not any(line.startswith(forged) for line in terminal.splitlines())  # ...on its own line


def test_git_paths_with_special_characters(tmp_path):
    names = {"sp ace.c": MIT, "quote\"d.c": MIT, "tab\there.c": MIT, "new\nline.c": MIT, "ünïcödé.c": MIT}
    root = git_repo(tmp_path / "project", {**LICENSE, **names})
    git(root, "status")
    _, result, _ = scan(root, "--no-cache")
    for name in names:
        assert file_entry(result, name)["licenses"] == ["MIT"], name


def test_reports_of_a_folder_below_a_name_that_is_not_utf8(tmp_path, monkeypatch):
    # Scanned as "." from inside repo/dir<0xff>/, in a git work tree: SARIF's paths start at
    # the work tree's top, through the folder whose name is not UTF-8.
    repo = git_repo(write_tree(tmp_path / "repo", {"README.md": "# x\n"}), {})
    folder = os.fsencode(repo) + b"/dir\xff"
    os.mkdir(folder)
    with open(folder + b"/a.c", "w") as handle:
        handle.write("// SPDX-License-Identifier: MIT\n")
    with open(folder + b"/b\\c.c", "w") as handle:  # a backslash in a name: shown doubled
        handle.write("// SPDX-License-Identifier: MIT\n")
    os.utime(folder + b"/b\\c.c", (1_600_000_000, 1_600_000_000))
    os.utime(folder + b"/a.c", (1_000_000_000, 1_000_000_000))
    monkeypatch.chdir(os.fsdecode(folder))
    for report in ("r.sarif", "r.spdx.json", "r.spdx"):
        code, _, _ = scan(Path("."), "--no-cache", "-o", str(tmp_path / report), output=tmp_path / "r.json")
        assert code in (0, 1), report
        (tmp_path / report).read_text(encoding="utf-8")
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    locations = [r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"]]
    assert "dir%FF/a.c" in {location["artifactLocation"]["uri"] for location in locations}
    spdx = json.loads((tmp_path / "r.spdx.json").read_text(encoding="utf-8"))
    assert spdx["name"] == "dir\\xff"
    # Untracked, so the newest file's time: b\c.c's, found by the name it is shown with.
    assert spdx["creationInfo"]["created"] == "2020-09-13T12:26:40Z"


@pytest.mark.parametrize("use_git", [False, True], ids=["walk", "git"])
def test_a_symlinked_license_file_is_said_to_be_skipped(tmp_path, use_git):
    """Links are not followed (reuse does not follow them either), but a LICENSE that is one
    must not end in "add a LICENSE file" with no reason given."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "license.txt").write_text("SPDX-License-Identifier: MIT\n")
    os.symlink("docs/license.txt", root / "LICENSE")
    os.symlink("docs/license.txt", root / "notes.txt")
    if use_git:
        git_repo(root, {})
    _, result, _ = scan(root)
    unreadable = [(f["path"], f["message"]) for f in result["findings"] if f["rule"] == "unreadable-file"]
    assert [path for path, _ in unreadable] == ["LICENSE"]  # notes.txt is no licence file
    assert "a symbolic link, not followed" in unreadable[0][1]
