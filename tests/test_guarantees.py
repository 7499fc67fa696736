# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""What a scan guarantees whatever the tree holds: nothing under PATH is created,
changed or deleted (also for a user who may not write there); reports appear whole
or not at all; Ctrl-C stops the workers and exits 130 without a traceback; peak
memory stays under 1 GB; the output does not depend on the number of workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import git_repo, write_tree
from hostile import (  # noqa: F401 (shared_tmp: a fixture)
    FIXTURES,
    bomb_member,
    directory_only_zip,
    raw_zip,
    run_cli,
    shared_tmp,
    tree_digest,
    unprivileged,
)

from licensecheck import report
from licensecheck.archive import MAX_MEMBER_SIZE

MIT = "// SPDX-License-Identifier: MIT\n"


def mixed_tree(root: Path, files: int = 0) -> Path:
    """Every format an extractor reads, hostile files, REUSE data, and `files` plain sources."""
    content: dict[str, str | bytes] = {
        "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
        "REUSE.toml": 'version = 1\n[[annotations]]\npath = "hw/**"\nSPDX-FileCopyrightText = "2025 Jane"\n',
        ".reuse/dep5": "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
        "Files: docs/*\nCopyright: 2025 Jane\nLicense: CC-BY-4.0\n",
        ".gitignore": "*.o\n",
        "docs/notes.md": "Notes.\n",
        "bad/bomb.3mf": raw_zip([bomb_member("3D/3dmodel.model", MAX_MEMBER_SIZE + 1024 * 1024)]),
        "bad/many.fzz": directory_only_zip(20_000),
        "bad/laughs.svg": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aa">]><svg>&a;</svg>',
        "bad/binary.c": bytes(range(256)) * 64,
        "bad/cut.FCStd": FIXTURES["freecad"][1][:-10],
        **{f"hw/{name}": data for name, data in FIXTURES.values()},
        **{f"src/m{i:04}.c": f"{MIT}int v{i};\n" for i in range(files)},
    }
    return write_tree(root, content)


# --- nothing under PATH changes ------------------------------------------------------------


@pytest.mark.parametrize("use_git", [False, True], ids=["walk", "git"])
def test_a_scan_creates_changes_and_deletes_nothing_under_path(tmp_path, use_git):
    root = mixed_tree(tmp_path / "project", files=250)  # enough files for the worker processes
    os.symlink("/etc/passwd", root / "passwd")
    os.mkfifo(root / "pipe")
    if use_git:
        git_repo(root, {})
    before = tree_digest(root)
    outputs = [tmp_path / name for name in ("r.html", "r.json", "r.sarif", "r.spdx.json")]
    arguments = [part for output in outputs for part in ("-o", str(output))]
    for jobs in ("1", "2"):
        done = run_cli("scan", str(root), *arguments, "-j", jobs, cwd=tmp_path)  # the cache is used
        assert done.code in (0, 1), done.stderr
    assert tree_digest(root) == before
    assert all(output.is_file() for output in outputs)


def test_a_user_who_may_not_write_the_tree_can_scan_it(shared_tmp):  # noqa: F811
    child = unprivileged()
    if child is None:
        pytest.skip("as root, neither 'nobody' nor dropping capabilities can take write access away")
    root = git_repo(mixed_tree(shared_tmp / "project"), {})
    subprocess.run(["chmod", "-R", "a+rX,a-w", str(root)], check=True)
    before = tree_digest(root)
    out = shared_tmp / "out"
    out.mkdir()
    out.chmod(0o777)
    env = {**child.pop("env", {}), "LICENSECHECK_CACHE_DIR": str(out / "cache")}
    done = run_cli("scan", str(root), "-o", str(out / "r.json"), "-j", "1", cwd=out, env=env, **child)
    after = tree_digest(root)
    subprocess.run(["chmod", "-R", "u+w", str(root)], check=True)  # so that the folder can be removed
    assert done.code in (0, 1), done.stderr
    assert json.loads((out / "r.json").read_text())["files"]
    assert after == before


# --- reports appear whole or not at all ------------------------------------------------------


def test_a_writer_that_fails_leaves_the_old_report_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("the previous report\n")

    def failing(result, lang):
        raise RuntimeError("the writer broke")

    monkeypatch.setattr(report, "writer_for", lambda path: failing)
    with pytest.raises(RuntimeError):
        report.write(str(target), None, "en")
    assert target.read_text() == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@pytest.mark.parametrize("when", ["half-written", "before-rename"])
def test_a_run_killed_while_writing_leaves_no_partial_report(tmp_path, when):
    root = write_tree(tmp_path / "project", {"LICENSE": "SPDX-License-Identifier: MIT\n", "a.c": MIT})
    target = tmp_path / "report.json"
    target.write_text("the previous report\n")
    driver = textwrap.dedent(
        f"""
        import os, signal, sys
        from licensecheck import report

        real_fdopen, real_replace = os.fdopen, os.replace

        class Dying:  # writes half of what it is given, then the process dies
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                os.kill(os.getpid(), signal.SIGKILL)

        def fdopen(fd, mode="r", *args, **kwargs):
            handle = real_fdopen(fd, mode, *args, **kwargs)
            return Dying(handle) if {when!r} == "half-written" and "w" in mode else handle

        def replace(source, target):
            if {when!r} == "before-rename" and str(target).endswith("report.json"):
                os.kill(os.getpid(), signal.SIGKILL)
            return real_replace(source, target)

        os.fdopen, os.replace = fdopen, replace
        sys.argv = ["licensecheck", "scan", {str(root)!r}, "-o", {str(target)!r}, "-j", "1", "--no-cache"]
        from cli import run
        run()
        """
    )
    done = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert target.read_text() == "the previous report\n"  # never a half report at the target


# --- Ctrl-C -------------------------------------------------------------------------------


def test_ctrl_c_stops_the_workers_and_exits_130_without_a_traceback(tmp_path):
    root = mixed_tree(tmp_path / "project", files=500)
    driver = textwrap.dedent(
        """
        import sys, time
        from licensecheck import parallel

        real = parallel.scan_file

        def slow(root, file, with_checksums=False):  # forked workers inherit it
            time.sleep(0.05)
            return real(root, file, with_checksums)

        parallel.scan_file = slow
        sys.argv = ["licensecheck", *sys.argv[1:]]
        from cli import run
        run()
        """
    )
    output = tmp_path / "r.json"
    command = [sys.executable, "-c", driver, "scan", str(root), "-o", str(output), "-j", "2", "--no-cache"]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    scan = subprocess.Popen(command, start_new_session=True, **pipes)
    time.sleep(2)  # discovery done, workers busy (500 files at 50 ms each on 2 workers: about 12 s)
    assert scan.poll() is None, scan.communicate()
    workers = _children(scan.pid)
    assert workers, "the scan had not started its workers"
    os.killpg(scan.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole process group
    started = time.monotonic()
    _, stderr = scan.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert scan.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "interrupted" in stderr
    time.sleep(0.5)
    assert [pid for pid in workers if _alive(pid)] == []
    assert not (tmp_path / "r.json").exists()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- memory and workers ----------------------------------------------------------------------


def test_peak_memory_of_a_hostile_tree_stays_under_1_gb(tmp_path):
    root = mixed_tree(tmp_path / "project", files=250)
    bomb = raw_zip([bomb_member("Document.xml", MAX_MEMBER_SIZE + 1024)])
    write_tree(root, {f"bad/bomb{i}.FCStd": bomb for i in range(4)})
    with open(root / "bad/huge.c", "wb") as handle:
        handle.write(MIT.encode())
        handle.truncate(2 * 1024**3)
    done = run_cli("scan", str(root), "-o", str(tmp_path / "r.json"), "-j", "2", "--no-cache", timeout=300)
    assert done.code in (0, 1), done.stderr
    assert done.peak_mb < 1024 and done.workers_peak_mb < 1024, (done.peak_mb, done.workers_peak_mb)


def test_the_output_is_the_same_whatever_the_number_of_workers(tmp_path):
    root = git_repo(mixed_tree(tmp_path / "project", files=300), {})
    outputs = []
    for jobs in ("1", "2", "3"):
        output = tmp_path / f"r{jobs}.json"
        done = run_cli("scan", str(root), "-o", str(output), "-j", jobs, "--no-cache")
        assert done.code in (0, 1), done.stderr
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(json.loads(outputs[0])["files"]) > 300
