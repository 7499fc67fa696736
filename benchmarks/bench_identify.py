# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Measure full-text license identification: accuracy, speed, index build and cache load.

    python benchmarks/bench_identify.py [--errors N] [--bench DIR]

1. A labelled set generated from the installed SPDX data (no text is stored here):
   every SPDX license text once; the 60 most common ones again with a filled-in
   copyright line, rewrapped, with CRLF, as Markdown, behind comment prefixes and
   with typographic quotes; standard notices; dual-license files; negatives (prose
   that mentions licenses, READMEs, code). Licenses whose texts are word for word
   the same (GPL-2.0-only/-or-later, OFL-1.1-RFN/-no-RFN ...) form one class: the text
   alone cannot tell them apart, and any member of the class counts as exact.
2. detect-bench (../shared/detect-bench beside the repository, or --bench), scored by its
   own score.py, when it is there.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from licensecheck import identify  # noqa: E402
from licensecheck.identify import build, data, index  # noqa: E402
from licensecheck.identify.normalize import words_of  # noqa: E402

COMMON = (
    "MIT",
    "Apache-2.0",
    "BSD-3-Clause",
    "BSD-2-Clause",
    "GPL-2.0-only",
    "GPL-3.0-only",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "AGPL-3.0-only",
    "MPL-2.0",
    "ISC",
    "Unlicense",
    "CC0-1.0",
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "Zlib",
    "BSL-1.0",
    "EPL-1.0",
    "EPL-2.0",
    "0BSD",
    "MIT-0",
    "WTFPL",
    "Artistic-2.0",
    "OFL-1.1",
    "CDDL-1.0",
    "CDDL-1.1",
    "EUPL-1.2",
    "EUPL-1.1",
    "MPL-1.1",
    "LGPL-2.0-only",
    "GPL-1.0-only",
    "AFL-3.0",
    "OSL-3.0",
    "PostgreSQL",
    "Python-2.0",
    "PSF-2.0",
    "BlueOak-1.0.0",
    "CC-BY-3.0",
    "CC-BY-SA-3.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-NC-ND-4.0",
    "CERN-OHL-S-2.0",
    "CERN-OHL-W-2.0",
    "CERN-OHL-P-2.0",
    "CERN-OHL-1.2",
    "TAPR-OHL-1.0",
    "SHL-0.51",
    "SHL-0.5",
    "MulanPSL-2.0",
    "BSD-4-Clause",
    "BSD-3-Clause-Clear",
    "X11",
    "NCSA",
    "UPL-1.0",
    "Vim",
    "OpenSSL",
    "Ruby",
    "BSD-1-Clause",
)
HOLDER = "2024 ACME Robotics Ltd."
PLACEHOLDERS = (
    "<year>",
    "[yyyy]",
    "<copyright holders>",
    "[name of copyright owner]",
    "<owner>",
    "[year]",
    "<name of author>",
    "[fullname]",
    "<AUTHOR>",
)

# Notices written here (standard forms), with the expression they state.
NOTICES = (
    (
        "This program is free software; you can redistribute it and/or modify it under the terms of the GNU "
        "General Public License as published by the Free Software Foundation; either version 2 of the "
        "License, "
        "or (at your option) any later version.",
        "GPL-2.0-or-later",
    ),
    (
        "This program is free software: you can redistribute it and/or modify it under the terms of the GNU "
        "General Public License as published by the Free Software Foundation, version 3.",
        "GPL-3.0-only",
    ),
    (
        "This library is free software; you can redistribute it and/or modify it under the terms of the GNU "
        "Lesser General Public License as published by the Free Software Foundation; either version 2.1 of "
        "the License, or (at your option) any later version.",
        "LGPL-2.1-or-later",
    ),
    (
        "This program is free software: you can redistribute it and/or modify it under the terms of the GNU "
        "Affero General Public License as published by the Free Software Foundation, either version 3 of the "
        "License, or (at your option) any later version.",
        "AGPL-3.0-or-later",
    ),
    (
        'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except '
        "in compliance with the License.",
        "Apache-2.0",
    ),
    (
        "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of "
        "the MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.",
        "MPL-2.0",
    ),
    (
        "This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.",
        "CC-BY-SA-4.0",
    ),
    ("This source describes Open Hardware and is licensed under the CERN-OHL-W v2.", "CERN-OHL-W-2.0"),
    (
        "Copyright and related rights are licensed under the Solderpad Hardware License, Version 0.51 (the "
        '"License"); you may not use this file except in compliance with the License.',
        "SHL-0.51",
    ),
    (
        "OpenKeyboard is licensed under Mulan PSL v2. You can use this software according to the terms and "
        "conditions of the Mulan PSL v2.",
        "MulanPSL-2.0",
    ),
    ("本软件采用木兰宽松许可证，第2版（Mulan PSL v2）授权。", "MulanPSL-2.0"),
    (
        "Licensed under either of Apache License, Version 2.0 or MIT license at your option.",
        "Apache-2.0 OR MIT",
    ),
    ("This project is licensed under the terms of the MIT license. See LICENSE for details.", "MIT"),
)
NEGATIVES = (
    "This project uses the MIT license for its firmware, see LICENSE.",
    "# Badge\n\nA 16x16 LED badge with an RP2040.\n\n## Build\n\nRun `make` and flash the UF2 file.\n",
    'def add(a, b):\n    """Return the sum."""\n    return a + b\n\nprint(add(2, 3))\n',
    '#include <stdio.h>\nint main(void) { printf("GPL is a license\\n"); return 0; }\n',
    "Choosing between the GPL and the Apache License is a matter of goals; see the FSF FAQ.",
    "Changelog\n- 1.2: moved docs to CC BY 4.0 discussion page\n- 1.1: fixed the BOM\n",
    "The KiCad project files are in hardware/, the firmware in firmware/.",
    "Proprietary and confidential. Unauthorized copying of this file is strictly prohibited.",
)


def _fill(text: str) -> str:
    for placeholder in PLACEHOLDERS:
        text = text.replace(placeholder, HOLDER)
    return f"Copyright (c) {HOLDER}\n\n{text}"


def _wrap(text: str, width: int) -> str:
    out = []
    for paragraph in text.split("\n\n"):
        line = ""
        for word in paragraph.split():
            if line and len(line) + len(word) >= width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        out.append(line + "\n")
    return "\n".join(out)


def _comment(prefix: str) -> Callable[[str], str]:
    return lambda text: "\n".join(f"{prefix}{line}".rstrip() for line in text.splitlines()) + "\n"


VARIANTS: dict[str, Callable[[str], str]] = {
    "filled": _fill,
    "wrap60": lambda t: _wrap(t, 60),
    "oneline": lambda t: " ".join(t.split()),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "markdown": lambda t: (
        "# License\n\n"
        + "\n\n".join(f"**{p.strip()}**" if i == 0 else p for i, p in enumerate(t.split("\n\n")))
    ),
    "hash": _comment("# "),
    "slashes": _comment("// "),
    "block": lambda t: "/*\n" + _comment(" * ")(t) + " */\nint x;\n",
    "dashes": _comment("-- "),
    "semicolon": _comment("; "),
    "quotes": lambda t: t.replace(' "', " \u201c").replace('" ', "\u201d ").replace("'", "\u2019"),
}


def _classes(corpus: data.Corpus) -> dict[str, set[str]]:
    """License id -> the ids with the same words (the text alone cannot tell them apart)."""
    by_words: dict[tuple[str, ...], set[str]] = {}
    for spdx_id, text in corpus.licenses.items():
        if spdx_id not in corpus.deprecated:
            by_words.setdefault(tuple(words_of(text)), set()).add(spdx_id)
    return {spdx_id: group for group in by_words.values() for spdx_id in group}


def labelled_set(corpus: data.Corpus) -> list[tuple[str, str, str, set[str]]]:
    """(case name, text, expected expression or "NONE", accepted alternatives)."""
    classes = _classes(corpus)
    cases = []
    for spdx_id, text in sorted(corpus.licenses.items()):
        if spdx_id not in corpus.deprecated and len(words_of(text)) >= 8:
            cases.append((f"text:{spdx_id}", text, spdx_id, classes[spdx_id]))
    for spdx_id in COMMON:
        text = corpus.licenses.get(spdx_id)
        for variant, change in VARIANTS.items() if text else ():
            cases.append((f"{variant}:{spdx_id}", change(text), spdx_id, classes[spdx_id]))
    for number, (notice, expected) in enumerate(NOTICES):
        cases.append(
            (
                f"notice:{number}",
                f"// Copyright {HOLDER}\n//\n// {notice}\n\nint main(void);\n",
                expected,
                set(),
            )
        )
    mit, apache = corpus.licenses.get("MIT", ""), corpus.licenses.get("Apache-2.0", "")
    cases.append(("dual:and", f"{mit}\n\n-----\n\n{apache}", "MIT AND Apache-2.0", set()))
    cases.append(
        (
            "dual:or",
            f"This project is dual licensed: you may use it under either license below, "
            f"at your option.\n\n{mit}\n\n{apache}",
            "MIT OR Apache-2.0",
            set(),
        )
    )
    cases += [(f"negative:{n}", text, "NONE", set()) for n, text in enumerate(NEGATIVES)]
    return cases


def _canonical(expression: str | None) -> frozenset[str]:
    if not expression:
        return frozenset({"NONE"})
    operator = " OR " if " OR " in expression else " AND "
    return frozenset(term.strip("() ") for term in expression.split(operator))


def _speed(texts: list[str], passes: int = 3) -> float:
    """Files per CPU second on one core, best of a few passes (other processes add noise), each
    text identified afresh: the memos would otherwise answer every pass after the first."""
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for text in texts:
            identify.forget_identified()
            identify.identify(text)
        best = min(best, time.process_time() - start)
    return len(texts) / best


def run_labelled(errors: int) -> dict[str, float]:
    corpus = data.load()
    cases = labelled_set(corpus)
    exact = negatives = false_positives = 0
    wrong = []
    for name, text, expected, accepted in cases:
        predicted = identify.identify(text).expression
        ok = _canonical(predicted) == _canonical(expected) or (predicted in accepted)
        exact += ok
        if expected == "NONE":
            negatives += 1
            false_positives += predicted is not None
        if not ok:
            wrong.append((name, expected, predicted))
    for case in wrong[:errors]:
        print("WRONG", *case, sep=" | ")
    return {
        "cases": len(cases),
        "exact %": 100 * exact / len(cases),
        "negatives": negatives,
        "false positives": false_positives,
        "files/s": _speed([text for _, text, _, _ in cases]),
        "license files/s": _speed([text for name, text, _, _ in cases if name.startswith("text:")]),
    }


def time_index(builds: int = 2) -> tuple[float, float]:
    """(CPU seconds to build the index from the data, to load it from the cache), best of a few."""
    build_s = load_s = float("inf")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["LICENSECHECK_CACHE_DIR"] = cache
        key = data.data_key()
        for _ in range(builds):
            start = time.process_time()
            built = build.build(data.load())
            build_s = min(build_s, time.process_time() - start)
            index.save(built, key)
            start = time.process_time()
            assert index.load_cached(key) is not None
            load_s = min(load_s, time.process_time() - start)
    del os.environ["LICENSECHECK_CACHE_DIR"]
    return build_s, load_s


def run_detect_bench(bench: Path, errors: int) -> None:
    with open(bench / "manifest.csv", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    texts = [(bench / "cases" / r["file"]).read_text(encoding="utf-8", errors="replace") for r in rows]
    with tempfile.TemporaryDirectory() as out:
        predictions = Path(out) / "pred.csv"
        with open(predictions, "w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["file", "predicted"])
            for row, text in zip(rows, texts, strict=True):
                writer.writerow([row["file"], identify.identify(text).expression or ""])
        print(f"\ndetect-bench ({bench}): {len(rows)} cases, {_speed(texts):.0f} files/s\n")
        command = [sys.executable, "score.py", str(predictions), "--manifest", "manifest.csv"]
        command += ["--by", "category", "--errors", str(errors)]
        print(subprocess.run(command, cwd=bench, capture_output=True, text=True, check=False).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong cases")
    parser.add_argument("--bench", type=Path, default=None, help="detect-bench folder")
    args = parser.parse_args()
    build_s, load_s = time_index()
    identify.identify("warm up: load the index")
    result = run_labelled(args.errors)
    print(f"license data: {identify.data_version()}\n")
    print(
        "| set | cases | exact % | negatives | with a false positive | files/s (all cases) "
        "| files/s (SPDX texts) | index build s | cache load s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| generated from SPDX data | {result['cases']} | {result['exact %']:.1f} | {result['negatives']} "
        f"| {result['false positives']} | {result['files/s']:.0f} | {result['license files/s']:.0f} "
        f"| {build_s:.2f} | {load_s:.3f} |"
    )
    bench = args.bench or ROOT.parent / "shared" / "detect-bench"
    if not (bench / "manifest.csv").is_file():
        print(f"\ndetect-bench: not found at {bench}, skipped")
    else:
        run_detect_bench(bench.resolve(), args.errors)


if __name__ == "__main__":
    main()
