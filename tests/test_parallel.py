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


def test_left_to_itself_a_small_tree_is_read_in_one_process():
    import os

    from licensecheck.parallel import ONE_PROCESS_BELOW, default_jobs

    assert default_jobs(ONE_PROCESS_BELOW - 1) == 1
    assert default_jobs(ONE_PROCESS_BELOW) == len(os.sched_getaffinity(0))


def test_workers_are_forked_on_linux_whatever_the_pythons_default(tree, monkeypatch):
    """Python 3.14 starts pool workers with forkserver by default: the pool asks for fork
    itself, so that workers inherit the warmed-up parent, and they give the same results."""
    import sys
    from concurrent import futures

    if not sys.platform.startswith("linux"):
        pytest.skip("fork is chosen on Linux only")
    contexts = []
    real = futures.ProcessPoolExecutor

    def recording(*args, **kwargs):
        contexts.append(kwargs.get("mp_context"))
        return real(*args, **kwargs)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", recording)
    root = tree({f"src/f{i:03}.c": f"// SPDX-License-Identifier: MIT\nint f{i};\n" for i in range(400)})
    files = list(discover(root).files)
    results = scan_files(root, files, 2)
    assert [context.get_start_method() for context in contexts] == ["fork"]
    assert [r.evidence for r in results] == [r.evidence for r in scan_files(root, files, 1)]
