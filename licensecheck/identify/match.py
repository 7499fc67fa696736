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

from dataclasses import dataclass

from .index import SHINGLE, Index, shingles

# Least share of a rule's shingles a text must hold (over the whole text, then in one run).
MIN_COVERAGE = {"text": 0.72, "header": 0.9, "exception": 0.75}
MIN_DENSITY = 0.55  # matched shingles per shingle of the run
MIN_PROBE_SHARE = 0.25  # candidate lookup: share of a rule's probes found in the text


@dataclass(frozen=True)
class TextMatch:
    expression: str
    kind: str
    first: int  # first and last word of the run
    last: int
    coverage: float
    score: int


def _candidates(index: Index, doc: set[int]) -> list[int]:
    counts: dict[int, int] = {}
    postings = index.postings
    for s in doc:
        for rule in postings.get(s, ()):
            counts[rule] = counts.get(rule, 0) + 1
    probes = index.probes
    return [r for r, c in counts.items() if c >= 2 and c >= MIN_PROBE_SHARE * probes[r]]


def _runs(hits: list[int], gap: int) -> list[list[int]]:
    runs: list[list[int]] = []
    for position in hits:
        if runs and position - runs[-1][-1] <= gap:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs


def _rule_matches(index: Index, rule: int, sequence: list[int]) -> list[TextMatch]:
    wanted = index.rule_set(rule)
    kind = index.rules[rule].kind
    hits = [i for i, s in enumerate(sequence) if s in wanted]
    found = []
    for run in _runs(hits, gap=max(40, len(wanted) // 8)):
        matched = len({sequence[i] for i in run})
        coverage = matched / len(wanted)
        span = run[-1] - run[0] + 1
        if coverage < MIN_COVERAGE[kind] or len(run) / span < MIN_DENSITY:
            continue
        score = 2 * matched - len(wanted) - (span - len(run))
        found.append(
            TextMatch(index.rules[rule].expression, kind, run[0], run[-1] + SHINGLE - 1, coverage, score)
        )
    return found


def _select(matches: list[TextMatch]) -> list[TextMatch]:
    """Best first; drop a run lying mostly inside runs already kept."""
    kept: list[TextMatch] = []
    for match in sorted(matches, key=lambda m: (-m.score, -m.coverage, m.expression)):
        length = match.last - match.first + 1
        inside = sum(max(0, min(match.last, k.last) - max(match.first, k.first) + 1) for k in kept)
        if inside <= 0.5 * length:
            kept.append(match)
    return sorted(kept, key=lambda m: m.first)


def find(index: Index, words: list[str]) -> list[TextMatch]:
    """Rules whose text appears in these words, in text order."""
    sequence = shingles(index.ids(words))
    if not sequence:
        return []
    doc = set(sequence)
    matches: list[TextMatch] = []
    for rule in _candidates(index, doc):
        wanted = index.rule_set(rule)
        if len(wanted) and len(wanted & doc) >= MIN_COVERAGE[index.rules[rule].kind] * len(wanted):
            matches.extend(_rule_matches(index, rule, sequence))
    return _select(matches)
