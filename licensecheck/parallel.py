# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Spread extraction over processes, in batches rather than one task per file.

Results come back in the order of the input, so the output does not depend on
the number of workers.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from licensecheck import forked
from licensecheck.extract import FileScan
from licensecheck.extract.file import scan_file, watching
from licensecheck.model import DiscoveredFile, collector_paused

# Below this many files, even an explicit -j reads them in one process.
SERIAL_BELOW = 200
PROGRESS_EVERY = 256


# When the number of processes is left to licensecheck, trees below this many files are read
# in one. Forked children (Linux) pay off from a few hundred files: generated maker trees,
# 2 cores, whole scan, median of 10: 363 files 0.187 s in one process, 0.181 s in two; 712
# files 0.214 and 0.202 s; 1,195 files 0.246 and 0.228 s.
ONE_PROCESS_BELOW = 400
# A process pool (macOS, Windows) costs ~50 ms more to start (importing multiprocessing,
# its threads): 1,195 files 0.29 s in one process, 0.34 s in two; 2,398 files 0.39 s and 0.36-0.41 s.
ONE_PROCESS_BELOW_POOLED = 1500


def default_jobs(files: int) -> int:
    """Processes for reading `files` files when the user did not say: one per CPU, one for a small tree."""
    if files < (ONE_PROCESS_BELOW if forked.available() else ONE_PROCESS_BELOW_POOLED):
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the parent reacts, so no worker prints a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _scan_batch(root: Path, batch: list[DiscoveredFile], with_checksums: bool = False) -> list[FileScan]:
    with watching():  # one time-limit alarm for the batch, not one per file
        return [scan_file(root, file, with_checksums) for file in batch]


# What a worker sends back for one file: FileScan.plain(), the depends and the file's size
# (which discovery may have left to extraction), without the DiscoveredFile the parent
# already holds. Pickling dataclasses costs twice as much.
Packed = tuple


def _scan_packed(root: Path, batch: list[DiscoveredFile], with_checksums: bool) -> list[Packed]:
    return [(scan.plain(), scan.depends, scan.file.size) for scan in _scan_batch(root, batch, with_checksums)]


def _unpack(batch: list[DiscoveredFile], packed: list[Packed]) -> list[FileScan]:
    return [
        FileScan.from_plain(file if file.size == size else file._replace(size=size), plain, depends)
        for file, (plain, depends, size) in zip(batch, packed, strict=True)
    ]


def _warm_up(files: list[DiscoveredFile]) -> None:
    """Import the extractors these files will need and load the knowledge base in the parent:
    forked workers inherit them instead of each importing and loading them again."""
    from licensecheck import classify, expression, knowledge
    from licensecheck.extract import extractor_for

    # Named by the file names alone, one name per extension (a sniffed format, or a name that
    # classifies apart, may differ: the process that meets it imports its extractor then).
    names = {file.path.rpartition("/")[2].rpartition(".")[2].lower(): file.path for file in files}
    for format_id in {classify.classify(name, b"").id for name in names.values()}:
        extractor_for(format_id)
    knowledge.all_licenses()
    expression.analyze("MIT")  # the SPDX id tables that most tags are checked against


Progress = Callable[[int, int], None]  # (files done, files in all)


def scan_files(
    root: Path,
    files: list[DiscoveredFile],
    jobs: int,
    with_checksums: bool = False,
    progress: Progress | None = None,
    meanwhile: forked.Meanwhile = None,
) -> list[FileScan]:
    """Every file's extraction, in the order of `files`, read by `jobs` processes.

    `meanwhile` is run in this process while other processes read (forked.run), and not at
    all when this process reads every file."""
    # A FileScan and its evidence for every file, and no reference cycle among them: the
    # collector would walk them all again and again (60,000 files: 0.36 s of a 3.5 s scan).
    # Forked children inherit the pause.
    with collector_paused():
        return _scan_files(root, files, jobs, with_checksums, progress, meanwhile)


def _scan_files(
    root: Path,
    files: list[DiscoveredFile],
    jobs: int,
    with_checksums: bool,
    progress: Progress | None,
    meanwhile: forked.Meanwhile,
) -> list[FileScan]:
    if jobs <= 1 or len(files) < SERIAL_BELOW:
        if progress is None:
            return _scan_batch(root, files, with_checksums)
        results = []
        for start in range(0, len(files), PROGRESS_EVERY):
            results += _scan_batch(root, files[start : start + PROGRESS_EVERY], with_checksums)
            progress(len(results), len(files))
        return results
    # Enough batches for all processes to finish together; few enough for forked's tickets.
    size = max(32, min(256, len(files) // (jobs * 16) or 1), -(-len(files) // forked.MAX_BATCHES))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    jobs = min(jobs, len(batches))  # a process with no batch to read costs a fork (-j 100000)
    scanned: list[list[FileScan] | None] = [None] * len(batches)
    done = 0

    def finished(index: int, scans: list[FileScan]) -> None:
        nonlocal done
        scanned[index] = scans
        done += len(scans)
        if progress is not None:
            progress(done, len(files))

    _warm_up(files)
    if forked.available():

        def work(index: int, sent: bool) -> list:
            if sent:
                return _scan_packed(root, batches[index], with_checksums)
            return _scan_batch(root, batches[index], with_checksums)

        def received(index: int, results: list, sent: bool) -> None:
            finished(index, _unpack(batches[index], results) if sent else results)

        forked.run(len(batches), jobs - 1, work, received, meanwhile)
    else:
        _pooled(root, batches, jobs, with_checksums, finished, meanwhile)
    return [scan for scans in scanned for scan in scans or ()]


def _pool_context():
    """On Linux the pool is used when forking is not safe (another thread runs): its workers
    start from a fork server then, as on Python 3.14 by default. Elsewhere, the platform's
    default (spawn on macOS and Windows). Either way, as multiprocessing's documentation
    says, a program that calls the scan must guard its main code with
    `if __name__ == "__main__"`, and the fork server stays until that program ends."""
    import multiprocessing

    return multiprocessing.get_context("forkserver") if sys.platform.startswith("linux") else None


def _pooled(
    root: Path,
    batches: list[list[DiscoveredFile]],
    jobs: int,
    with_checksums: bool,
    finished: Callable[[int, list[FileScan]], None],
    meanwhile: forked.Meanwhile,
) -> None:
    """Batches shared with a process pool, where forked children are not (see forked.available)."""
    # This process is the last worker: it takes batches from the end for as long as no child
    # has started them (a future that has not started can be cancelled), so every core works
    # until the end and this process's own results need no pickling.
    # Imported here: multiprocessing costs 25 ms, which a run that reads a few files never needs.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs - 1, mp_context=_pool_context(), initializer=_ignore_interrupts)
    try:
        futures = [pool.submit(_scan_packed, root, batch, with_checksums) for batch in batches]
        if meanwhile is not None:
            meanwhile()
        ours = set()
        for index in reversed(range(len(batches))):
            if not futures[index].cancel():
                break
            finished(index, _scan_batch(root, batches[index], with_checksums))
            ours.add(index)
        for index, future in enumerate(futures):
            if index not in ours:
                finished(index, _unpack(batches[index], future.result()))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
