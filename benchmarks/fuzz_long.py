# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""A long fuzzing session: the properties of tests/test_fuzz.py with many examples.

Usage: python benchmarks/fuzz_long.py [EXAMPLES] [TARGET ...]   (default: 20000, every target)
Targets are the extractor format ids of the registry plus expression, reuse-toml, dep5,
config, config-toml and glob. Runs the targets over one process per CPU and prints one
table: target, inputs tried, seconds, and the first failure (Hypothesis' falsifying
example) if any. Exit code 1 when a target failed.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"


def properties(test_fuzz) -> dict:
    """target -> (property, keyword arguments)"""
    extractors = test_fuzz.test_every_extractor_raises_only_extract_error
    from licensecheck.extract import REGISTRY

    return {
        **{format_id: (extractors, {"format_id": format_id}) for format_id in REGISTRY},
        "expression": (test_fuzz.test_expression_analysis_never_raises_and_its_normal_form_is_stable, {}),
        "reuse-toml": (test_fuzz.test_reuse_toml_raises_only_its_own_error, {}),
        "dep5": (test_fuzz.test_dep5_raises_only_its_own_error, {}),
        "config": (test_fuzz.test_config_parse_raises_only_config_error, {}),
        "config-toml": (test_fuzz.test_config_files_of_any_text_are_config_errors_or_tables, {}),
        "glob": (test_fuzz.test_the_glob_matcher_agrees_with_a_plain_regex, {}),
    }


def run(target: str) -> tuple[str, int, float, str]:
    import test_fuzz

    prop, arguments = properties(test_fuzz)[target]
    test_fuzz.TRIED.clear()
    started = time.monotonic()
    failure = ""
    try:
        prop(**arguments)
    except Exception as error:  # noqa: BLE001 (report every failure, keep fuzzing the other targets)
        failure = "".join(traceback.format_exception_only(type(error), error)).strip()
        failure += "\n" + "".join(traceback.format_tb(error.__traceback__)[-3:])
    return target, sum(test_fuzz.TRIED.values()), time.monotonic() - started, failure


def main(argv: list[str]) -> int:
    examples = int(argv[0]) if argv and argv[0].isdigit() else 20_000
    os.environ["LICENSECHECK_FUZZ_EXAMPLES"] = str(examples)  # read when test_fuzz is imported
    sys.path.insert(0, str(TESTS))
    import test_fuzz

    targets = [a for a in argv if not a.isdigit()] or list(properties(test_fuzz))
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"{'target':<20} {'inputs':>8} {'seconds':>8}  result", flush=True)
    failed = 0
    total_inputs, started = 0, time.monotonic()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for target, tried, seconds, failure in pool.map(run, targets):
            total_inputs += tried
            first_line = failure.splitlines()[0] if failure else "ok"
            print(f"{target:<20} {tried:>8} {seconds:>8.1f}  {first_line}", flush=True)
            if failure:
                failed += 1
                print("    " + failure.replace("\n", "\n    "), flush=True)
    print(f"{'total':<20} {total_inputs:>8} {time.monotonic() - started:>8.1f}  {failed} failing target(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
