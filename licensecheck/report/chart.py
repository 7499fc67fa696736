# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The licenses-per-category chart at the top of the HTML report, as SVG geometry.

One small panel per category (hardware, software, documentation): a bar per license
term with the number of files that carry it, the most used first, and a bar for the
files with no license. The template draws it; this module only measures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from licensecheck.model import FileResult
from licensecheck.report.terms import terms

CATEGORIES = ("hardware", "software", "documentation")
MOST = 6  # bars per panel before the rest are summed into one
WIDTH = 270
LABEL = 140  # room for the license id left of the bars
BAR_ROOM = 96  # the longest bar; the count is written after it
ROW = 20
TOP = 6
LABEL_CHARS = 20  # 11px monospace: 20 characters fit in LABEL
NO_LICENSE = "none"
OTHERS = "others"


@dataclass(frozen=True)
class Bar:
    key: str  # a license term, NO_LICENSE or OTHERS
    label: str  # the term, shortened to fit; the template names NO_LICENSE and OTHERS
    count: int
    y: int
    width: float
    extra: int = 0  # how many terms OTHERS sums

    @property
    def text_y(self) -> int:
        return self.y + 14

    @property
    def count_x(self) -> float:
        return round(LABEL + self.width + 4, 1)


@dataclass(frozen=True)
class Panel:
    category: str
    files: int
    bars: tuple[Bar, ...]

    width = WIDTH
    label_x = LABEL - 6
    bar_x = LABEL

    @property
    def height(self) -> int:
        return TOP + ROW * max(len(self.bars), 1) + 4


def panels(files: tuple[FileResult, ...]) -> tuple[Panel, ...]:
    return tuple(_panel(category, [f for f in files if f.category == category]) for category in CATEGORIES)


def _panel(category: str, files: list[FileResult]) -> Panel:
    counts: Counter[str] = Counter()
    for file in files:
        counts.update({term for lic in file.licenses for term in terms(lic)})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    rows: list[tuple[str, int, int]] = [(term, count, 0) for term, count in ranked[:MOST]]
    rest = ranked[MOST:]
    if rest:
        # Files under several of the remaining terms count once.
        rest_terms = {term for term, _ in rest}
        covered = sum(any(t in rest_terms for lic in f.licenses for t in terms(lic)) for f in files)
        rows.append((OTHERS, covered, len(rest)))
    unlicensed = sum(not file.licenses and _needs_license(file) for file in files)
    if unlicensed:
        rows.append((NO_LICENSE, unlicensed, 0))
    longest = max((count for _, count, _ in rows), default=1)
    bars = tuple(
        Bar(
            key,
            _shorten(key),
            count,
            TOP + index * ROW,
            round(max(BAR_ROOM * count / longest, 1.0), 1),
            extra,
        )
        for index, (key, count, extra) in enumerate(rows)
    )
    return Panel(category, len(files), bars)


# Files about licensing, which need no license of their own (conclude.is_covered, REUSE 3.3): told
# apart by the format classification gives them, so that the report need not load conclusion.
_LICENSING_FORMATS = frozenset(
    {"license-text", "license-sidecar", "reuse-toml", "dep5", "spdx-document", "licensecheck-report"}
)


def _needs_license(file: FileResult) -> bool:
    return file.size != 0 and file.format not in _LICENSING_FORMATS and not file.path.startswith(".reuse/")


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
