# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Scan speed: licensecheck (cold) against `reuse lint` on generated maker trees.

Usage: python benchmarks/bench_scan.py [--git] [COUNT ...]   (default: 1000 10000)
--git makes each tree a git work tree, all of it committed, as a maker's repository is: files
come from git's listing and are keyed by blob id (reuse lint reads git's listing too).
Prints one table: files, MB, reuse lint s, licensecheck cold s (no cache), warm s (cache,
nothing changed), one-change s (cache, one file's code edited), tag change s (cache, one
file's license tag changed: conclusion and rules run over the whole tree), ratios, files/s,
peak MB. Every
time, reuse lint's too, is the best of three runs: a shared machine only adds noise, and both
tools get the same treatment, their runs alternating (reuse lint takes 10 to 60 s a run, so
50,000 files take ~5 minutes).
`reuse` is used only if it is installed; nothing is installed here. licensecheck is the one
beside this Python: run it from a plain `pip install ".[test]"`, as users have it (an editable
install adds ~20 ms of start-up to every run).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from maketree import generate

REPO = Path(__file__).resolve().parent.parent


def tree_size(root: Path) -> tuple[int, float]:
    files = [p for p in root.rglob("*") if p.is_file() and ".git" not in p.relative_to(root).parts]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


# As installed by pip: bytecode compiled once, not at every start.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


# The license tag of a generated source file (written in two pieces: this file's own tag is above).
TAG = re.compile("(SPDX-License-" + r"Identifier: )\S+")
REPEAT = 3  # each time is the best of this many runs


def timed(command: list[str], cache: Path | None = None, repeat: int = 1) -> tuple[float, float]:
    """Best wall seconds of `repeat` runs, and the peak resident memory in MB of the command
    (its largest process, workers included). A run that fails (an exit code other than 0 or 1,
    both tools' verdicts, or a traceback) counts as nan and says why on stderr."""
    env = {**CHILD_ENV, "LICENSECHECK_CACHE_DIR": str(cache)} if cache else CHILD_ENV
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        with tempfile.TemporaryFile() as errors:
            start = time.perf_counter()
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
            _, status, usage = os.wait4(child.pid, 0)  # this command's usage, not every child's so far
            child.returncode = 0  # reaped here; keeps Popen from waiting again
            elapsed = time.perf_counter() - start
            errors.seek(0)
            said = errors.read()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1) or b"Traceback" in said:
            last = said.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {code}"]
            print(f"{Path(command[0]).name} failed: {last[0]}", file=sys.stderr)
            return float("nan"), peak
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


def against_reuse(reuse: str | None, root: Path, cold: list[str]) -> tuple[float, float, float]:
    """Best seconds of `reuse lint` and of the cold scan, and the scan's peak MB. The runs
    alternate, so a spell when the shared machine is slow falls on both tools alike (run one
    after the other, the ratio of one 10,000-file tree moved from 8.2x to 11.4x in a session)."""
    reuse_runs, cold_runs, peak = [], [], 0.0
    for _ in range(REPEAT):
        if reuse:
            reuse_runs.append(timed([reuse, "--root", str(root), "lint"])[0])
        seconds, memory = timed(cold)
        cold_runs.append(seconds)
        peak = max(peak, memory)
    return best(reuse_runs), best(cold_runs), peak


def best(runs: list[float]) -> float:
    """The fastest run; nan when there is none or one failed (timed says why)."""
    return float("nan") if not runs or any(math.isnan(run) for run in runs) else min(runs)


def committed(root: Path) -> None:
    """`root` as a git work tree with every file committed."""
    quiet = {"check": True, "cwd": root, "stdout": subprocess.DEVNULL}
    subprocess.run(["git", "init", "-q", "-b", "main"], **quiet)
    subprocess.run(["git", "add", "-A"], **quiet)
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    # No automatic gc after the commit: it runs in the background, packing and deleting loose
    # objects while the tools run; reuse lint twice failed on a .git/objects folder gone.
    no_gc = ["-c", "gc.auto=0", "-c", "maintenance.auto=false"]
    subprocess.run(["git", *identity, *no_gc, "commit", "-q", "-m", "tree"], **quiet)


def main(counts: list[int], in_git: bool = False) -> None:
    licensecheck = shutil.which("licensecheck") or str(Path(sys.executable).parent / "licensecheck")
    reuse = shutil.which("reuse") or shutil.which("reuse", path=str(Path(sys.executable).parent))
    columns = ["files", "MB", "reuse lint s", "cold s", "warm s", "one change s", "tag change s"]
    columns += ["reuse/cold", "warm/cold", "one change/cold", "tag change/cold", "files/s cold", "peak MB"]
    if in_git:
        print("Trees: git work trees, every file committed (edits left uncommitted).\n")
    print("| " + " | ".join(columns) + " |")
    print("|" + "---:|" * len(columns))
    warm_up = Path(tempfile.gettempdir()) / "licensecheck-warm-up.json"
    timed([licensecheck, "scan", str(REPO / "examples"), "-o", str(warm_up)])  # bytecode, license index
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            root = generate(Path(folder) / "tree", count)
            if in_git:
                committed(root)
            files, megabytes = tree_size(root)
            out = Path(folder) / "result.json"
            env_cache = Path(folder) / "cache"
            command = [licensecheck, "scan", str(root), "-o", str(out)]
            reuse_s, cold_s, peak = against_reuse(reuse, root, [*command, "--no-cache"])
            timed(command, env_cache)  # fills the cache
            warm_s, _ = timed(command, env_cache, repeat=REPEAT)
            change_s = float("inf")
            # The project's own sources, which carry the tag a tag change edits (vendored ones have none).
            sources = sorted((root / "firmware" / "src").rglob("*.c"))
            for n, edited in enumerate(sources[:REPEAT]):  # a new change each time
                edited.write_text(edited.read_text() + f"int edited{n};\n")
                change_s = min(change_s, timed(command, env_cache)[0])
            tag_s = float("inf")
            for edited in sources[REPEAT : 2 * REPEAT]:
                edited.write_text(TAG.sub(r"\1BSD-2-Clause", edited.read_text(), count=1))
                tag_s = min(tag_s, timed(command, env_cache)[0])
            print(
                f"| {files} | {megabytes:.0f} | {reuse_s:.2f} | {cold_s:.2f} | {warm_s:.2f} | "
                f"{change_s:.2f} | {tag_s:.2f} | "
                f"{reuse_s / cold_s:.1f}x | {warm_s / cold_s:.2f} | {change_s / cold_s:.2f} | "
                f"{tag_s / cold_s:.2f} | {files / cold_s:.0f} | {peak:.0f} |"
            )
    self_out = Path(tempfile.gettempdir()) / "licensecheck-self.json"
    self_s, _ = timed([licensecheck, "scan", str(REPO), "-o", str(self_out)])
    print(f"\nlicensecheck scan of its own repository: {self_s:.2f} s")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    git_trees = "--git" in arguments
    main([int(a) for a in arguments if a != "--git"] or [1000, 10000], git_trees)
