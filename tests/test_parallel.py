# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Extraction spread over processes: same results in the same order, with progress."""

from __future__ import annotations

import pytest

from licensecheck.discover import discover
from licensecheck.parallel import scan_files


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_reaches_the_total_and_results_keep_their_order(tree, jobs):
    root = tree({f"src/f{i:03}.c": f"int f{i};\n" for i in range(600)})
    files = list(discover(root).files)
    seen: list[tuple[int, int]] = []
    results = scan_files(root, files, jobs, progress=lambda done, total: seen.append((done, total)))
    assert [r.file.path for r in results] == [f.path for f in files]
    assert seen[-1] == (600, 600)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len(seen) >= 2


def test_left_to_itself_a_small_tree_is_read_in_one_process(monkeypatch):
    import os

    from licensecheck import forked
    from licensecheck.parallel import ONE_PROCESS_BELOW, ONE_PROCESS_BELOW_POOLED, default_jobs

    cpus = len(os.sched_getaffinity(0))
    for can_fork, smallest_spread in ((True, ONE_PROCESS_BELOW), (False, ONE_PROCESS_BELOW_POOLED)):
        monkeypatch.setattr(forked, "available", lambda can_fork=can_fork: can_fork)
        assert default_jobs(smallest_spread - 1) == 1
        assert default_jobs(smallest_spread) == cpus
    assert ONE_PROCESS_BELOW < ONE_PROCESS_BELOW_POOLED


def test_where_forking_is_not_safe_a_process_pool_gives_the_same_results(tree, monkeypatch):
    """macOS and Windows share the batches with a process pool instead of forked children."""
    from licensecheck import forked

    root = tree({f"src/f{i:03}.c": f"// SPDX-License-Identifier: MIT\nint f{i};\n" for i in range(400)})
    files = list(discover(root).files)
    forked_results = scan_files(root, files, 2)
    monkeypatch.setattr(forked, "available", lambda: False)
    monkeypatch.setattr(forked, "run", None)  # would fail if called
    pooled = scan_files(root, files, 2)
    assert [r.evidence for r in pooled] == [r.evidence for r in forked_results]
    assert [r.evidence for r in pooled] == [r.evidence for r in scan_files(root, files, 1)]
    assert {r.evidence[0].expression for r in pooled} == {"MIT"}



@pytest.mark.parametrize("can_fork", [True, False])
def test_meanwhile_runs_in_this_process_while_others_read(tree, monkeypatch, can_fork):
    """Forked children or a process pool: either way the next stage's imports are made here
    while the others read, once, and a run read in one process leaves them to the caller."""
    import os

    from licensecheck import forked

    monkeypatch.setattr(forked, "available", lambda: can_fork)
    root = tree({f"src/f{i:03}.c": f"int f{i};\n" for i in range(400)})
    files = list(discover(root).files)
    calls: list[int] = []
    scan_files(root, files, 2, meanwhile=lambda: calls.append(os.getpid()))
    assert calls == [os.getpid()]
    scan_files(root, files, 1, meanwhile=lambda: calls.append(os.getpid()))
    assert calls == [os.getpid()]


def test_no_more_processes_than_batches_whatever_jobs_says(tree, monkeypatch):
    """-j 100000 on 300 files: one process per batch at most, not a fork per job asked."""
    from licensecheck import forked

    root = tree({f"src/f{i:03}.c": f"int f{i};\n" for i in range(300)})
    files = list(discover(root).files)
    asked = []
    real = forked.run

    def counting(tasks, children, *args, **kwargs):
        asked.append((tasks, children))
        return real(tasks, children, *args, **kwargs)

    monkeypatch.setattr(forked, "run", counting)
    results = scan_files(root, files, 100_000)
    assert [r.file.path for r in results] == [f.path for f in files]
    [(tasks, children)] = asked
    assert children < tasks <= 10
