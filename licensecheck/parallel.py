# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Spread extraction over processes, in batches rather than one task per file.

Results come back in the order of the input, so the output does not depend on
the number of workers.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from licensecheck.extract import FileScan
from licensecheck.extract.file import scan_file
from licensecheck.model import DiscoveredFile

# Below this many files a pool costs more to start than it saves.
SERIAL_BELOW = 200
PROGRESS_EVERY = 256


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the parent reacts, so no worker prints a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _scan_batch(root: Path, batch: list[DiscoveredFile], with_checksums: bool = False) -> list[FileScan]:
    return [scan_file(root, file, with_checksums) for file in batch]


def _warm_up() -> None:
    """Import every extractor and load the knowledge base in the parent: forked workers
    inherit them instead of each importing and loading them again."""
    from importlib import import_module

    from licensecheck import knowledge
    from licensecheck.extract import REGISTRY

    for target in sorted(set(REGISTRY.values())):
        import_module(f"licensecheck.extract.{target.partition(':')[0]}")
    knowledge.all_licenses()


Progress = Callable[[int, int], None]  # (files done, files in all)


def scan_files(
    root: Path,
    files: list[DiscoveredFile],
    jobs: int,
    with_checksums: bool = False,
    progress: Progress | None = None,
) -> list[FileScan]:
    if jobs <= 1 or len(files) < SERIAL_BELOW:
        if progress is None:
            return _scan_batch(root, files, with_checksums)
        results = []
        for start in range(0, len(files), PROGRESS_EVERY):
            results += _scan_batch(root, files[start : start + PROGRESS_EVERY], with_checksums)
            progress(len(results), len(files))
        return results
    size = max(32, min(512, len(files) // (jobs * 8) or 1))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    results: list[FileScan] = []
    _warm_up()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        for scanned in pool.map(_scan_batch, repeat(root), batches, repeat(with_checksums)):
            results.extend(scanned)
            if progress is not None:
                progress(len(results), len(files))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results
