# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Confirm candidate rules against a text and place them in it.

A rule is confirmed where a dense run of its shingles covers most of it. Runs
compete by a net score: shingles matched, minus rule shingles missing, minus
foreign shingles inside the run. So BSD-3-Clause beats BSD-2-Clause on a
BSD-3-Clause text (the extra clause is foreign to BSD-2-Clause) and the other
way round (the missing clause costs BSD-3-Clause). A run mostly inside a
better run is dropped; runs elsewhere stand, which is how a file holding
several licenses yields several matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, pairwise
from operator import sub

from .index import SHINGLE, Index, shingles

# Least share of a rule's shingles a text must hold (over the whole text, then in one run).
MIN_COVERAGE = {"text": 0.72, "header": 0.9, "exception": 0.75}
MIN_DENSITY = 0.55  # matched shingles per shingle of the run
MIN_PROBE_SHARE = 0.25  # candidate lookup: share of a rule's probes found in the text
# A rule with its own wording (a header's license name) must show some of it: the Apache
# boilerplate around another license's name is not the Apache header.
MIN_DISTINCT_SHARE = 0.35
MIN_DISTINCT_SHINGLES = 6
# Licenses most files carry win a near tie with a rare derivative of theirs: a truncated
# Apache-2.0 is closer to Apache-2.0 than to Pixar's modified copy of it.
COMMON = frozenset(
    {"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MPL-2.0", "GPL-2.0-only", "GPL-3.0-only"}
    | {"LGPL-2.1-only", "LGPL-3.0-only", "AGPL-3.0-only", "Zlib", "BSL-1.0", "Unlicense", "CC0-1.0"}
)
COMMON_BONUS = 1.1
OPENING = 60  # the first shingles of a run, whose return means the text starts over
REPEAT_STREAK = 32  # two license texts may open alike for a sentence (GPL and LGPL)
_STREAK = re.compile(rb"\x01{%d,}" % REPEAT_STREAK)
_WIDE = re.compile(rb"\x01")


@dataclass(frozen=True)
class TextMatch:
    expression: str
    kind: str
    first: int  # first and last word of the run
    last: int
    coverage: float
    score: int
    hits: frozenset[int] = frozenset()


def _candidates(index: Index, doc: set[int]) -> list[int]:
    counts: dict[int, int] = {}
    postings = index.postings
    for s in postings.keys() & doc:
        for rule in postings[s]:
            counts[rule] = counts.get(rule, 0) + 1
    probes = index.probes
    return [r for r, c in counts.items() if c >= 2 and c >= MIN_PROBE_SHARE * probes[r]]


def _split_gaps(hits: list[int], gap: int) -> list[list[int]]:
    wide = bytes(map(gap.__lt__, map(sub, hits[1:], hits[:-1])))
    bounds = [0, *(m.start() + 1 for m in _WIDE.finditer(wide)), len(hits)]
    return [hits[a:b] for a, b in pairwise(bounds) if b > a]


def _split_copies(run: list[int], sequence: list[int]) -> list[list[int]]:
    """A long streak of the run's opening shingles is a second copy of the text (files often
    repeat a BSD notice per source file)."""
    runs = []
    while len(run) > OPENING + REPEAT_STREAK:
        opening = set(map(sequence.__getitem__, run[:OPENING]))
        flags = bytes(map(opening.__contains__, map(sequence.__getitem__, run[OPENING:])))
        streak = _STREAK.search(flags)
        if streak is None:
            break
        runs.append(run[: OPENING + streak.start()])
        run = run[OPENING + streak.start() :]
    runs.append(run)
    return runs


def _densest(run: list[int]) -> list[int]:
    """The stretch of a run where hits outweigh misses (maximum subarray, a hit +1, a miss -1):
    a run that wandered into a neighbouring text on a few shared phrases is cut back."""
    if len(run) < 2:
        return run
    gaps = list(map(sub, run[1:], run[:-1]))
    if max(gaps) <= 2:
        return run
    sums = list(accumulate([1, *map((2).__sub__, gaps)]))
    floors = list(accumulate([0, *sums[:-1]], min))  # lowest prefix sum before each hit
    gains = list(map(sub, sums, floors))
    best = gains.index(max(gains))
    floor = floors[best]
    start = 0 if floor == 0 else sums.index(floor) + 1
    return run[start : best + 1]


def _evaluate(index: Index, rule: int, sequence: list[int], hits: list[int]) -> TextMatch | None:
    """The rule matched on these hits, if they cover enough of it densely enough."""
    wanted = index.rule_set(rule)
    kind = index.rules[rule].kind
    run = _densest(hits)
    matched = set(map(sequence.__getitem__, run))
    coverage = len(matched) / len(wanted)
    span = run[-1] - run[0] + 1
    if coverage < MIN_COVERAGE[kind] or len(run) / span < MIN_DENSITY:
        return None
    # A replaceable name of the license's own wording counts where the text holds it; where
    # the text names someone else ("THE AUTHOR" for ISC's "ISC"), it is not required.
    own = index.distinct_set(rule)
    held = len(own & matched)
    required = len(own) - len(index.replaceable_set(rule) - matched)
    if required >= MIN_DISTINCT_SHINGLES and held < MIN_DISTINCT_SHARE * required:
        return None
    score = 2 * len(matched) - len(wanted) - (span - len(run))
    if index.rules[rule].expression in COMMON:
        score = int(score * COMMON_BONUS)
    expression = index.rules[rule].expression
    return TextMatch(expression, kind, run[0], run[-1] + SHINGLE - 1, coverage, score, frozenset(run))


def _rule_matches(index: Index, rule: int, sequence: list[int]) -> list[TextMatch]:
    wanted = index.rule_set(rule)
    hits = list(compress(range(len(sequence)), map(wanted.__contains__, sequence)))
    found = []
    least = MIN_COVERAGE[index.rules[rule].kind] * len(wanted)
    for run in _split_gaps(hits, gap=max(40, len(wanted) // 8)):
        if len(run) < least:
            continue  # too few hits to cover the rule, even all distinct
        copies = _split_copies(run, sequence)
        matches = [m for m in (_evaluate(index, rule, sequence, copy) for copy in copies) if m]
        if len(matches) < len(copies):
            # Some "copy" is no license alone: the text is one license made of parts that open
            # alike (Sleepycat holds two BSD texts), so the whole run is read as well.
            whole = _evaluate(index, rule, sequence, run) if len(copies) > 1 else None
            matches += [whole] if whole else []
        found += matches
    return found


class _Selection:
    """Greedy choice of runs, best score first; a run whose matched words mostly belong to runs
    already kept is dropped. (Matched words, not spans: an exception appended to the GPL lies
    inside the GPL's run, yet the GPL matches only a few of its words.)"""

    def __init__(self) -> None:
        self.kept: list[TextMatch] = []
        self.taken: set[int] = set()
        self.pending: list[TextMatch] = []

    def offer(self, matches: list[TextMatch]) -> None:
        self.pending.extend(matches)

    def settle(self, above: float) -> None:
        """Decide every pending run that scores at least `above` (no later run can beat it)."""
        self.pending.sort(key=lambda m: (m.score, m.coverage), reverse=True)
        while self.pending and self.pending[0].score >= above:
            match = self.pending.pop(0)
            if len(match.hits & self.taken) <= 0.5 * len(match.hits):
                self.kept.append(match)
                self.taken |= match.hits


def find(index: Index, words: list[str]) -> list[TextMatch]:
    """Rules whose text appears in these words, in text order.

    Candidates are read in order of the best score they could reach (every shingle they share
    with the text matched, nothing foreign); once the text is taken by better runs, the rest
    cannot win and are not read at all."""
    sequence = shingles(index.ids(words))
    if not sequence:
        return []
    doc = set(sequence)
    bounds = []
    for rule in _candidates(index, doc):
        wanted = index.rule_set(rule)
        shared = len(wanted & doc)
        if shared >= MIN_COVERAGE[index.rules[rule].kind] * len(wanted):
            bounds.append((2 * shared - len(wanted), rule))
    selection = _Selection()
    for bound, rule in sorted(bounds, reverse=True):
        selection.settle(above=bound)
        free = len(sequence) - len(selection.taken)
        if free < 0.5 * MIN_COVERAGE[index.rules[rule].kind] * len(index.rule_set(rule)):
            continue
        selection.offer(_rule_matches(index, rule, sequence))
    selection.settle(above=float("-inf"))
    return sorted(selection.kept, key=lambda m: m.first)
