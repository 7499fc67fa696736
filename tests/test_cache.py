# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""The scan cache: reused when nothing changed, never stale, never inside the tree."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import file_entry, git, git_repo, scan

import licensecheck.extract.file as reader
from licensecheck.cache import ScanCache

PROJECT = {
    "LICENSE": "SPDX-License-Identifier: MIT\n",
    "src/a.c": "// SPDX-License-Identifier: MIT\nint a;\n",
    "src/b.c": "// SPDX-License-Identifier: Apache-2.0\nint b;\n",
}
KICAD_PRO = '{"meta": {"filename": "board.kicad_pro", "version": 1}, "text_variables": {"LICENSE": "%s"}}\n'
KICAD_SCH = (
    '(kicad_sch (version 20231120) (generator "eeschema")\n  (paper "A4")\n'
    '  (title_block (title "Board") (comment 1 "${LICENSE}"))\n  (lib_symbols)\n)\n'
)


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def reads(monkeypatch):
    """The paths extraction actually read."""
    seen: list[str] = []
    real = reader.scan_file

    def counting(root, file, with_checksums=False):
        seen.append(file.path)
        return real(root, file, with_checksums)

    monkeypatch.setattr("licensecheck.parallel.scan_file", counting)
    return seen


@pytest.mark.parametrize("in_git", [False, True])
def test_warm_scan_reads_nothing_and_gives_identical_bytes(tree, tmp_path, cache_folder, reads, in_git):
    root = git_repo(tree(PROJECT), {}) if in_git else tree(PROJECT)
    cold, warm = tmp_path / "cold.json", tmp_path / "warm.json"
    scan(root, output=cold)
    assert sorted(reads) == sorted(PROJECT)
    reads.clear()
    scan(root, output=warm)
    assert reads == []
    assert cold.read_bytes() == warm.read_bytes()
    assert list(cache_folder.glob("scan-*")) and list(cache_folder.glob("result-*"))


def test_a_commit_that_changes_no_file_gives_the_new_commit(tree, tmp_path, cache_folder, reads):
    root = git_repo(tree(PROJECT), {})
    _, first, _ = scan(root)
    git(root, "commit", "-q", "--allow-empty", "-m", "release")
    reads.clear()
    _, second, _ = scan(root)
    assert reads == []  # the files came from the cache ...
    head = git(root, "rev-parse", "HEAD").strip()
    assert second["provenance"]["commit"] == head != first["provenance"]["commit"]


def test_a_warm_run_does_not_load_the_per_file_entries(tree, cache_folder, monkeypatch):
    root = tree(PROJECT)
    scan(root)
    monkeypatch.setattr(ScanCache, "_read", lambda self, shard: pytest.fail("per-file cache loaded"))
    code, result, _ = scan(root)
    assert code == 0 and file_entry(result, "src/a.c")["licenses"] == ["MIT"]


def test_a_changed_file_is_read_again(tree, tmp_path, cache_folder, reads):
    root = tree(PROJECT)
    scan(root)
    reads.clear()
    (root / "src" / "b.c").write_text("// SPDX-License-Identifier: BSD-3-Clause\nint b2;\n")
    _, result, _ = scan(root)
    assert reads == ["src/b.c"]
    assert file_entry(result, "src/b.c")["licenses"] == ["BSD-3-Clause"]


def test_a_file_that_depends_on_its_kicad_project_is_read_again(tree, cache_folder, reads):
    root = tree(
        {**PROJECT, "hw/board.kicad_pro": KICAD_PRO % "CERN-OHL-S-2.0", "hw/board.kicad_sch": KICAD_SCH}
    )
    _, first, _ = scan(root)
    assert file_entry(first, "hw/board.kicad_sch")["licenses"] == ["CERN-OHL-S-2.0"]
    reads.clear()
    (root / "hw" / "board.kicad_pro").write_text(KICAD_PRO % "CERN-OHL-W-2.0 ")
    _, second, _ = scan(root)
    assert set(reads) == {"hw/board.kicad_pro", "hw/board.kicad_sch"}
    assert file_entry(second, "hw/board.kicad_sch")["licenses"] == ["CERN-OHL-W-2.0"]


def test_a_kicad_project_edited_with_size_and_mtime_kept_is_still_seen(tree, tmp_path, cache_folder):
    # The stamps of the files extraction read besides the file carry ctime as file keys do.
    root = tree(
        {**PROJECT, "hw/board.kicad_pro": KICAD_PRO % "CERN-OHL-S-2.0", "hw/board.kicad_sch": KICAD_SCH}
    )
    project = root / "hw" / "board.kicad_pro"
    scan(root)
    before = project.stat()
    with open(project, "r+") as handle:  # in place: the same inode
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace("CERN-OHL-S-2.0", "CERN-OHL-W-2.0"))
    os.utime(project, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (project.stat().st_size, project.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    _, cached, _ = scan(root, output=tmp_path / "cached.json")
    scan(root, "--no-cache", output=tmp_path / "fresh.json")
    assert file_entry(cached, "hw/board.kicad_sch")["licenses"] == ["CERN-OHL-W-2.0"]
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def test_no_cache_neither_reads_nor_writes(tree, cache_folder, reads):
    root = tree(PROJECT)
    scan(root, "--no-cache")
    # The tool's own data (the identification index, messages) may be kept there: no scan's.
    assert not list(cache_folder.glob("scan-*")) and not list(cache_folder.glob("result-*"))
    scan(root)
    assert list(cache_folder.glob("scan-*")) and list(cache_folder.glob("result-*"))
    reads.clear()
    scan(root, "--no-cache")
    assert sorted(reads) == sorted(PROJECT)


def test_no_cache_makes_no_cache_keys(tree, tmp_path, cache_folder, monkeypatch):
    """Keys are what the caches know files by: a run without a cache has no use for them."""
    root = tree(PROJECT)

    def refused(*args):
        raise AssertionError("file_keys called by a run without a cache")

    monkeypatch.setattr("licensecheck.scan.file_keys", refused)
    code, result, _ = scan(root, "--no-cache", output=tmp_path / "uncached.json")
    assert code == 0 and result["files"]
    _, cached, _ = scan(root, output=tmp_path / "cached.json")
    assert cached is None  # the check can fail: a run with a cache is refused its keys


def test_corrupt_cache_is_ignored(tree, tmp_path, cache_folder):
    root = tree(PROJECT)
    good = tmp_path / "good.json"
    scan(root, output=good)
    for path in cache_folder.iterdir():
        path.write_bytes(
            b'{"stamp": "x", "files": {"src/a.c": [1, 2]}}' if path.stat().st_size % 2 else b"\x00garbage"
        )
    again = tmp_path / "again.json"
    scan(root, output=again)
    assert good.read_bytes() == again.read_bytes()


def test_entry_with_wrong_shape_is_ignored(tree, cache_folder):
    root = tree(PROJECT)
    scan(root)
    cached = ScanCache(root)
    shard, entries = cached._shard("src/a.c")
    entries["src/a.c"] = ["wrong"]
    cached._changed.add(shard)
    cached.save()
    _, result, _ = scan(root)
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]


def test_concurrent_runs_leave_a_usable_cache(tree, tmp_path, cache_folder):
    root = tree(
        {**PROJECT, **{f"src/m{i}.c": f"// SPDX-License-Identifier: MIT\nint m{i};\n" for i in range(50)}}
    )
    env = {**os.environ, "LICENSECHECK_CACHE_DIR": str(cache_folder)}
    command = [sys.executable, "-m", "licensecheck", "scan", str(root), "-j", "1"]
    runs = [
        subprocess.Popen([*command, "-o", str(tmp_path / f"r{i}.json")], env=env, cwd=tmp_path)
        for i in range(3)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0, 0]
    outputs = {(tmp_path / f"r{i}.json").read_bytes() for i in range(3)}
    assert len(outputs) == 1
    entries = ScanCache(root).entries
    assert set(entries) == {f["path"] for f in json.loads(outputs.pop())["files"]}


def test_cache_lives_outside_the_tree(tree, cache_folder):
    root = tree(PROJECT)
    before = sorted(str(p) for p in Path(root).rglob("*"))
    scan(root, output=root.parent / "r.json")
    assert sorted(str(p) for p in Path(root).rglob("*")) == before


def test_a_warm_run_with_other_settings_is_evaluated_again(tree, cache_folder, reads):
    root = tree({**PROJECT, "src/c.c": "int c;\n"})
    _, english, _ = scan(root)
    reads.clear()
    _, chinese, _ = scan(root, "--lang", "zh")
    assert reads == []  # extraction came from the cache ...
    messages = " ".join(f["message"] for f in chinese["findings"])
    assert "许可证" in messages or "版权" in messages  # ... the findings did not
    (root / ".licensecheck.toml").write_text(
        '# SPDX-License-Identifier: MIT\n[rules.missing-copyright]\nseverity = "off"\n'
    )
    _, configured, _ = scan(root)
    assert "missing-copyright" not in {f["rule"] for f in configured["findings"]}
    assert "missing-copyright" in {f["rule"] for f in english["findings"]}


def _concluding(monkeypatch) -> list[int]:
    """How many times conclusion ran (once per run that concluded the tree)."""
    import licensecheck.conclude

    calls: list[int] = []
    real = licensecheck.conclude.conclude

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(licensecheck.conclude, "conclude", counted)
    return calls


SIDECARED = {
    **PROJECT,
    "REUSE.toml": 'version = 1\n[[annotations]]\npath = "docs/**"\nSPDX-License-Identifier = "CC-BY-4.0"\n',
    "docs/guide.md": "# Guide\n\nHow to build it.\n",
    "src/plain.c": "int plain;\n",  # no license from anywhere: a missing-license finding
    "img/logo.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    "img/logo.png.license": "SPDX-FileCopyrightText: 2025 Jane\nSPDX-License-Identifier: CC0-1.0\n",
}


def _append(path: str, text: str):
    def edit(root: Path) -> None:
        with open(root / path, "a", encoding="utf-8") as handle:
            handle.write(text)

    return edit


def _write(path: str, text: str):
    return lambda root: (root / path).write_text(text, encoding="utf-8")


# (edit, whether the last result can be carried over without concluding again)
EDITS = {
    "code below the header": (_append("src/a.c", "int more;\n"), True),
    "a paragraph of a covered doc": (_append("docs/guide.md", "More steps.\n"), True),
    "the license text reworded": (_write("LICENSE", "SPDX-License-Identifier:  MIT\n"), True),
    "the image itself": (lambda root: (root / "img/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n"), True),
    "the license tag": (_write("src/a.c", "// SPDX-License-Identifier: BSD-2-Clause\nint a;\n"), False),
    "a copyright added": (_write("src/b.c", "// SPDX-FileCopyrightText: 2026 Li\nint b;\n"), False),
    "the file emptied": (_write("src/b.c", ""), False),
    "an unlicensed file emptied": (_write("src/plain.c", ""), False),  # empty files need none
    "the sidecar": (_write("img/logo.png.license", "SPDX-License-Identifier: MIT\n"), False),
    "REUSE.toml": (_append("REUSE.toml", "# reviewed\n"), False),
    "a file added": (_write("src/c.c", "int c;\n"), False),
    "a file removed": (lambda root: (root / "src/b.c").unlink(), False),
}


@pytest.mark.parametrize("in_git", [False, True], ids=["walk", "git"])
@pytest.mark.parametrize("edit", EDITS)
def test_after_an_edit_the_cached_run_gives_the_bytes_of_an_uncached_one(
    tree, tmp_path, cache_folder, monkeypatch, edit, in_git
):
    root = git_repo(tree(SIDECARED), {}) if in_git else tree(SIDECARED)
    scan(root)
    change, carried = EDITS[edit]
    change(root)
    concluded = _concluding(monkeypatch)
    cached, fresh = tmp_path / "cached.json", tmp_path / "fresh.json"
    scan(root, output=cached)
    assert concluded == ([] if carried else [1])
    scan(root, "--no-cache", output=fresh)
    assert cached.read_bytes() == fresh.read_bytes()
    scan(root, output=cached)  # and the run after it, from the result it kept
    assert cached.read_bytes() == fresh.read_bytes()


def test_a_carried_result_follows_a_new_commit_and_asked_checksums(tree, tmp_path, cache_folder, monkeypatch):
    root = git_repo(tree(SIDECARED), {})
    outputs = ["-o", str(tmp_path / "bom.spdx.json")]
    scan(root, *outputs)
    _append("src/a.c", "int more;\n")(root)
    git(root, "commit", "-q", "-am", "more")
    concluded = _concluding(monkeypatch)
    _, result, _ = scan(root, *outputs, output=tmp_path / "cached.json")
    assert concluded == []
    assert result["provenance"]["commit"] == git(root, "rev-parse", "HEAD").strip()
    entry = file_entry(result, "src/a.c")
    assert entry["blob"] == git(root, "rev-parse", "HEAD:src/a.c").strip()
    assert entry["checksums"]["SHA1"] == hashlib.sha1((root / "src/a.c").read_bytes()).hexdigest()
    scan(root, *outputs, "--no-cache", output=tmp_path / "fresh.json")
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


# The files' JSON kept under the right token: cut short, emptied, altered to the same length
# (MIT read as BSD: still JSON, and a wrong report if used); or written by another run.
DAMAGES = {
    "cut-short": lambda token, check, files: token + check + b'{"path": "src/a.c", "category": ',
    "emptied": lambda token, check, files: token + check,
    "altered": lambda token, check, files: token + check + files.replace(b'"MIT"', b'"BSD"'),
    "other-run": lambda token, check, files: b"\x00" * 16 + check + files,
}


@pytest.mark.parametrize("edited", [True, False], ids=["one-change", "warm"])
@pytest.mark.parametrize("damage", DAMAGES)
def test_a_corrupt_or_mismatched_kept_result_is_concluded_again(tree, tmp_path, cache_folder, damage, edited):
    from licensecheck.cache import ResultCache

    root = tree(PROJECT)
    scan(root)
    kept = ResultCache(root)
    last = kept.load()
    assert last is not None and len(last.base) == 16
    written = kept.files_path.read_bytes()
    token, check, files = written[:16], written[16:20], last.encoded.files_json
    assert written == token + check + files
    damaged = DAMAGES[damage](token, check, files)
    assert damaged != token + check + files and (damage != "altered" or len(damaged) == 20 + len(files))
    kept.files_path.write_bytes(damaged)
    assert kept.load() is None
    if edited:
        _append("src/a.c", "int more;\n")(root)
    scan(root, output=tmp_path / "cached.json")
    scan(root, "--no-cache", output=tmp_path / "fresh.json")
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def test_a_carried_result_writes_only_what_changed_until_too_much_did(
    tree, tmp_path, cache_folder, monkeypatch
):
    from licensecheck import atomic
    from licensecheck.cache import ResultCache

    root = tree(SIDECARED)
    scan(root)
    written: list[str] = []
    real = atomic.write
    monkeypatch.setattr(
        atomic, "write", lambda path, *rest, **kw: written.append(path.name) or real(path, *rest, **kw)
    )
    monkeypatch.setattr("licensecheck.cache.MAX_PATCHES", 1)
    base = ResultCache(root).load().base
    for edit, path in enumerate(["src/a.c", "docs/guide.md"]):
        written.clear()
        _append(path, f"edit {edit}\n")(root)
        scan(root, output=tmp_path / "cached.json")
        scan(root, "--no-cache", output=tmp_path / "fresh.json")
        assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()
        last = ResultCache(root).load()
        if edit == 0:  # one file patched over the kept files' JSON, which is not rewritten
            assert not any(name.endswith(".files") for name in written)
            assert last.base == base and set(last.encoded.patches) == {"src/a.c"}
        else:  # two patches are more than MAX_PATCHES: the files' JSON is written anew
            assert any(name.endswith(".files") for name in written)
            assert last.base != base and last.encoded.patches == {}
        scan(root, output=tmp_path / "warm.json")  # a warm run reads the patched result back
        assert (tmp_path / "warm.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def test_no_rule_reads_a_files_identity():
    """What lets an edit that changes no licensing fact carry the last findings over
    (licensecheck.incremental): the rules, and what they read the files through, never look
    at a file's size, blob or checksums."""
    import ast

    import licensecheck.rules

    folder = Path(licensecheck.rules.__file__).parent
    sources = [*folder.glob("*.py"), *(folder.parent / name for name in RULE_HELPERS)]
    assert len(sources) > 15 and all(path.is_file() for path in sources)
    read = {
        (path.name, node.attr)
        for path in sources
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in ("size", "blob", "checksums")
    }
    assert read == set()


RULE_HELPERS = ("evaluate.py", "declarations.py", "compat.py", "components.py", "policy.py")


def test_a_kept_result_without_its_per_file_cache_still_gives_the_right_bytes(tree, tmp_path, cache_folder):
    root = tree(SIDECARED)
    scan(root)
    for path in cache_folder.glob("scan-*"):
        path.unlink()
    _append("src/a.c", "int more;\n")(root)
    scan(root, output=tmp_path / "cached.json")
    scan(root, "--no-cache", output=tmp_path / "fresh.json")
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def test_an_edit_reads_and_writes_only_the_per_file_shard_of_the_edited_file(tree, cache_folder, monkeypatch):
    from licensecheck import atomic
    from licensecheck.cache import SHARDS

    root = tree(
        {**PROJECT, **{f"src/m{i}.c": f"// SPDX-License-Identifier: MIT\nint m{i};\n" for i in range(64)}}
    )
    scan(root)
    assert len(list(cache_folder.glob("scan-*"))) == SHARDS  # 67 files fill every shard
    touched: list[str] = []
    for name in ("read_stamped", "write_stamped"):
        real = getattr(atomic, name)
        monkeypatch.setattr(
            atomic, name, lambda path, *rest, real=real: touched.append(path.name) or real(path, *rest)
        )
    _append("src/m7.c", "int more;\n")(root)
    _, result, _ = scan(root)
    shards = {name for name in touched if name.startswith("scan-")}
    assert len(shards) == 1 and touched.count(shards.pop()) == 2  # read once, written once
    assert file_entry(result, "src/m7.c")["size"] == len(
        "// SPDX-License-Identifier: MIT\nint m7;\nint more;\n"
    )


def test_a_run_that_keeps_its_result_encodes_it_once(tree, tmp_path, cache_folder, monkeypatch):
    from licensecheck.model import ScanResult

    root = tree(PROJECT)
    encodings: list[int] = []
    real = ScanResult._head

    def counted(self):
        encodings.append(1)
        return real(self)

    monkeypatch.setattr(ScanResult, "_head", counted)
    scan(root, output=tmp_path / "r.json")
    assert encodings == [1]


@pytest.mark.parametrize("in_git", [False, True], ids=["walk", "untracked-in-git"])
def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tree, tmp_path, cache_folder, in_git):
    # `cp -p`, `rsync -t --inplace` or `touch -r` put the mtime back; the inode stays; only
    # ctime, which nothing sets back, moves.
    root = tree(PROJECT)
    if in_git:
        git_repo(root, {})
        (root / "new.c").write_text("// SPDX-License-Identifier: MIT\nint n;\n")  # untracked: no blob
    edited = root / ("new.c" if in_git else "src/a.c")
    scan(root)
    before = edited.stat()
    edited.write_text(edited.read_text().replace("MIT", "ISC"))
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = edited.stat()
    kept = ("st_size", "st_mtime_ns", "st_ino")
    assert [getattr(after, name) for name in kept] == [getattr(before, name) for name in kept]
    _, cached, _ = scan(root, output=tmp_path / "cached.json")
    scan(root, "--no-cache", output=tmp_path / "fresh.json")
    assert file_entry(cached, edited.relative_to(root).as_posix())["licenses"] == ["ISC"]
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def test_file_keys_are_each_files_file_key():
    from licensecheck.cache import file_key, file_keys
    from licensecheck.model import DiscoveredFile

    files = [
        DiscoveredFile("a.c", 12, "3b18e512dba79e4c8300dd08aeb37f8e728b8dad", 1_700_000_000_123_456_789, 42),
        DiscoveredFile("b/c.kicad_pcb", 0, None, 5, 7, 6),
        DiscoveredFile("许可/d.txt", 1 << 40, None, 0, 0),
        DiscoveredFile("a\\xff.c", 3, None, 1, 2, 3, "a\udcff.c"),
    ]
    for with_checksums in (False, True):
        keys = file_keys(files, with_checksums)
        assert keys == {file.path: file_key(file, with_checksums) for file in files}
    assert file_keys(files, False)["b/c.kicad_pcb"] == "0:5:6:7:0"
    assert file_keys(files, False)["许可/d.txt"] == f"{1 << 40}:0:0:0"  # ctime as mtime: left out
    assert file_keys(files, True)["a.c"] == "3b18e512dba79e4c8300dd08aeb37f8e728b8dad:12:1"


def test_in_git_sizes_come_from_the_cache_for_the_files_not_read_again(tree, tmp_path, cache_folder, reads):
    """Discovery does not lstat what git vouches for; a run that concludes again from the
    cache (a licence changed in one file) gives every file its size on disk all the same."""
    root = git_repo(tree(PROJECT), {})
    scan(root)
    _write("src/b.c", "// SPDX-License-Identifier: BSD-2-Clause\nint b;\n")(root)
    reads.clear()
    _, result, _ = scan(root)
    assert reads == ["src/b.c"]
    assert {f["path"]: f["size"] for f in result["files"]} == {
        path: (root / path).stat().st_size for path in PROJECT
    }


def test_in_git_a_file_that_cannot_be_read_still_has_its_size(tree, tmp_path, cache_folder, monkeypatch):
    root = git_repo(tree(PROJECT), {})
    real = reader._read_classified

    def refuse(path, name):  # as for a file of mode 000, which root would read anyway
        if name == "src/a.c":
            raise PermissionError(13, "Permission denied")
        return real(path, name)

    monkeypatch.setattr(reader, "_read_classified", refuse)
    _, result, _ = scan(root, "--no-cache")
    assert file_entry(result, "src/a.c")["size"] == len(PROJECT["src/a.c"])
    assert "unreadable-file" in {f["rule"] for f in result["findings"] if f["path"] == "src/a.c"}


@pytest.mark.parametrize("other_change", [False, True], ids=["alone", "with-another-edit"])
def test_a_blob_checked_out_as_other_bytes_is_read_again(tree, tmp_path, cache_folder, reads, other_change):
    """git's line-end conversion writes one blob as other bytes (here CRLF): git status calls
    the file unchanged, but its size on disk, part of its key, moved."""
    root = git_repo(tree(PROJECT), {})
    scan(root)
    git(root, "config", "core.autocrlf", "true")
    (root / "src/a.c").unlink()
    git(root, "checkout", "-q", "--", "src/a.c")
    assert (root / "src/a.c").read_bytes() == PROJECT["src/a.c"].replace("\n", "\r\n").encode()
    if other_change:
        _write("src/new.c", "// SPDX-License-Identifier: MIT\nint n;\n")(root)
    reads.clear()
    _, result, _ = scan(root, output=tmp_path / "cached.json")
    assert "src/a.c" in reads
    assert file_entry(result, "src/a.c")["size"] == (root / "src/a.c").stat().st_size
    scan(root, "--no-cache", output=tmp_path / "fresh.json")
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


@pytest.fixture
def lstats(monkeypatch):
    """The paths discovery lstat'd, relative to the tree (the index file's stamp left out)."""
    seen: list[str] = []
    real = os.lstat

    def counting(path, *args, **kwargs):
        seen.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", counting)
    return seen


def _lstat_of(seen: list[str], root: Path) -> set[str]:
    """The tree's files among `seen`."""
    inside = [os.path.relpath(path, root) for path in seen if path.startswith(f"{root}/")]
    return {path for path in inside if not path.startswith(".git") and (root / path).is_file()}


def test_in_git_while_the_index_is_unchanged_files_git_calls_unchanged_are_not_lstat(
    tree, tmp_path, cache_folder, lstats
):
    root = git_repo(tree(PROJECT), {})
    _index_written(root, 60)
    scan(root, output=tmp_path / "first.json")
    assert _lstat_of(lstats, root) == set(PROJECT)
    lstats.clear()
    _append("src/a.c", "int more;\n")(root)  # an edit: git status names the file
    _, result, _ = scan(root, output=tmp_path / "cached.json")
    assert _lstat_of(lstats, root) == {"src/a.c"}
    assert {f["path"]: f["size"] for f in result["files"]} == {p: (root / p).stat().st_size for p in PROJECT}
    scan(root, "--no-cache", output=tmp_path / "fresh.json")
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def _index_written(root: Path, seconds_ago: float) -> None:
    """git's index as if (re)written that long ago: a new stamp, however coarse the clock."""
    when = time.time_ns() - int(seconds_ago * 1e9)
    os.utime(root / ".git" / "index", ns=(when, when))


def test_in_git_a_new_index_has_every_file_lstat_again_and_is_trusted_after(
    tree, tmp_path, cache_folder, lstats
):
    root = git_repo(tree(PROJECT), {})
    _index_written(root, 60)
    scan(root)
    git(root, "update-index", "--refresh")  # as an editor's git status does; a checkout might have
    _index_written(root, 30)  # rewritten files as other bytes
    lstats.clear()
    scan(root, output=tmp_path / "second.json")
    assert _lstat_of(lstats, root) == set(PROJECT)
    lstats.clear()  # the result stood, and keeps the new index's stamp
    scan(root, output=tmp_path / "third.json")
    assert _lstat_of(lstats, root) == set()
    assert (tmp_path / "second.json").read_bytes() == (tmp_path / "third.json").read_bytes()


def test_in_git_an_index_written_just_now_is_not_trusted_next_run(tree, cache_folder, lstats):
    """Two writes within the clock's resolution may leave the index the same stamp."""
    root = git_repo(tree(PROJECT), {})
    _index_written(root, 0)
    scan(root)
    lstats.clear()
    scan(root)
    assert _lstat_of(lstats, root) == set(PROJECT)


def test_in_git_an_empty_tracked_file_is_always_lstat(tree, tmp_path, cache_folder, lstats):
    """Its size decides whether it needs a license, and git compares an empty file's content."""
    root = git_repo(tree({**PROJECT, "src/empty.c": ""}), {})
    _index_written(root, 60)
    scan(root)
    lstats.clear()
    scan(root)
    assert _lstat_of(lstats, root) == {"src/empty.c"}


def test_a_cache_kept_inside_the_tree_is_not_scanned(tree, monkeypatch):
    """CI keeps a cache in its workspace: the cache's files are not the project's."""
    files = {"LICENSE": "SPDX-License-Identifier: MIT\n", "a.c": "// SPDX-License-Identifier: MIT\nint a;\n"}
    root = tree(files)
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(root / ".ci-cache" / "licensecheck"))
    results = [scan(root)[1] for _ in range(3)]
    assert any((root / ".ci-cache" / "licensecheck").iterdir())
    results.append(scan(root, "--no-cache")[1])  # the same result, cache or not
    for result in results:
        assert [f["path"] for f in result["files"]] == ["LICENSE", "a.c"]
    assert results[0]["findings"] == results[2]["findings"] == results[3]["findings"]


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    """The XDG base directory spec: a relative path is invalid (it would put the cache in
    whatever folder the scan starts from, often the tree)."""
    from licensecheck.atomic import cache_dir

    monkeypatch.delenv("LICENSECHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", ".cache")
    assert cache_dir() == tmp_path / ".cache" / "licensecheck"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "licensecheck"


def test_a_report_written_into_an_in_tree_cache_drops_nothing_else():
    """The report's place and the cache folder's range overlap: each file is dropped once,
    and the file after the cache folder stays."""
    from licensecheck.model import DiscoveredFile
    from licensecheck.scan import _project_files

    paths = [".ci-cache/a", ".ci-cache/r.json", ".ci-cache/z", "a.c", "b.c", "licensecheck-report.html"]
    files = tuple(DiscoveredFile(path, 1, None) for path in paths)
    kept = _project_files(files, frozenset({".ci-cache/r.json"}), ".ci-cache/")
    assert [file.path for file in kept] == ["a.c", "b.c"]
    assert [file.path for file in _project_files(files, frozenset(), None)] == paths[:-1]
