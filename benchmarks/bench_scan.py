# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Scan speed: licensecheck (cold) against `reuse lint` on generated maker trees.

Usage: python benchmarks/bench_scan.py [COUNT ...]   (default: 1000 10000)
Prints one table: files, MB, reuse lint s, licensecheck cold s (no cache), warm s (cache,
nothing changed), one-change s (cache, one file edited), ratios, files/s, peak MB.
`reuse` is used only if it is installed; nothing is installed here.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from maketree import generate

REPO = Path(__file__).resolve().parent.parent


def tree_size(root: Path) -> tuple[int, float]:
    files = [p for p in root.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


# As installed by pip: bytecode compiled once, not at every start.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cache: Path | None = None) -> tuple[float, float]:
    """Wall seconds and the children's peak resident memory in MB so far."""
    env = {**CHILD_ENV, "LICENSECHECK_CACHE_DIR": str(cache)} if cache else CHILD_ENV
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main(counts: list[int]) -> None:
    licensecheck = shutil.which("licensecheck") or str(Path(sys.executable).parent / "licensecheck")
    reuse = shutil.which("reuse")
    columns = ["files", "MB", "reuse lint s", "cold s", "warm s", "one change s", "reuse/cold", "warm/cold"]
    print("| " + " | ".join([*columns, "files/s cold", "peak MB"]) + " |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    warm_up = Path(tempfile.gettempdir()) / "licensecheck-warm-up.json"
    timed([licensecheck, "scan", str(REPO / "examples"), "-o", str(warm_up)])  # bytecode, license index
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            root = generate(Path(folder) / "tree", count)
            files, megabytes = tree_size(root)
            out = Path(folder) / "result.json"
            reuse_s = timed([reuse, "--root", str(root), "lint"])[0] if reuse else float("nan")
            env_cache = Path(folder) / "cache"
            command = [licensecheck, "scan", str(root), "-o", str(out)]
            cold_s, peak = timed([*command, "--no-cache"])
            timed(command, env_cache)  # fills the cache
            warm_s, _ = timed(command, env_cache)
            edited = next(root.rglob("*.c"))
            edited.write_text(edited.read_text() + "int edited;\n")
            change_s, _ = timed(command, env_cache)
            print(
                f"| {files} | {megabytes:.0f} | {reuse_s:.2f} | {cold_s:.2f} | {warm_s:.2f} | "
                f"{change_s:.2f} | "
                f"{reuse_s / cold_s:.1f}x | {warm_s / cold_s:.2f} | {files / cold_s:.0f} | {peak:.0f} |"
            )
    self_out = Path(tempfile.gettempdir()) / "licensecheck-self.json"
    self_s, _ = timed([licensecheck, "scan", str(REPO), "-o", str(self_out)])
    print(f"\nlicensecheck scan of its own repository: {self_s:.2f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
