# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Wall time of each pipeline stage on one tree, without a profiler's overhead.

Usage: python benchmarks/stages.py PATH [JOBS]
Prints one table: stage, seconds, share of the whole.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

STARTED = time.perf_counter()


def main(root: Path, jobs: int) -> None:
    marks: list[tuple[str, float]] = []
    last = STARTED

    def mark(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        marks.append((stage, now - last))
        last = now

    from licensecheck import config, policy
    from licensecheck.conclude import conclude
    from licensecheck.discover import discover
    from licensecheck.evaluate import evaluate
    from licensecheck.parallel import scan_files
    from licensecheck.report import json as json_report
    from licensecheck.rule_ids import RULE_IDS

    mark("imports")
    settings = config.load(root, None, RULE_IDS)
    active = policy.build(settings, None, None)
    mark("config and policy")
    found = discover(root, settings.exclude)
    files = list(found.files)
    mark(f"discover ({len(files)} files)")
    scans = scan_files(root, files, jobs)
    mark(f"extract (-j{jobs})")
    concluded = conclude(scans, found.problems)
    mark("conclude")
    findings = evaluate(concluded, active, "en", None)
    mark(f"evaluate ({len(findings)} findings)")
    from licensecheck.scan import Options, scan

    result = scan(root, str(root), settings, active, Options(jobs=jobs, cache=False))
    mark("whole scan() again")
    json_report.render(result, "en")  # UTF-8 pieces
    mark("JSON report")
    total = sum(seconds for _, seconds in marks)
    print("| stage | s | share |\n|---|---:|---:|")
    for stage, seconds in marks:
        print(f"| {stage} | {seconds:.3f} | {seconds / total:.0%} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)
