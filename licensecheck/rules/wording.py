# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Shared wording of the norms rules: lists of files and compatibility facts with their sources.

Not a rule module (it has no RULES and is not in `MODULES`).
"""

from __future__ import annotations

from collections.abc import Sequence

from licensecheck.compat import Fact
from licensecheck.rules import Context

SHOWN = 3  # files named in a message before "and N more"
SHOWN_FACTS = 4


def files(context: Context, paths: Sequence[str]) -> str:
    """'a.c, b.c and 3 more'."""
    shown = ", ".join(paths[:SHOWN])
    if len(paths) <= SHOWN:
        return shown
    return context.say("more-files", files=shown, count=len(paths) - SHOWN)


def facts(context: Context, items: Sequence[Fact]) -> str:
    """The first SHOWN_FACTS facts, one clause per verdict, condition and sources: the pairs
    that share them are named together ("A → B and B → A: not allowed: ... [source]"), where a
    clause for each pair repeated the same condition and source (a copyleft pair gave the
    same sentence four times)."""
    pairs_by_said: dict[tuple[str, str, str], list[str]] = {}
    for item in items[:SHOWN_FACTS]:
        pair, said = _fact(context, item)
        pairs_by_said.setdefault(said, []).append(pair)
    clauses = []
    for (verdict, condition, sources), pairs in pairs_by_said.items():
        said = {"verdict": verdict, "condition": condition, "sources": sources}
        clauses.append(context.say("fact", pairs=listed(context, pairs), **said))
    return context.clauses(clauses)


def _fact(context: Context, item: Fact) -> tuple[str, tuple[str, str, str]]:
    """The fact's pair of licences as said, and its verdict, condition and sources as said."""
    inbound = item.inbound
    if item.used_as != item.inbound:
        inbound = context.say("used-as", license=item.inbound, version=item.used_as)
    condition = item.condition(context.lang)
    sources = ", ".join(item.urls(context.lang)) or context.say("no-source")
    return context.say("fact-pair", inbound=inbound, outbound=item.outbound), (
        context.say(f"verdict.{item.verdict}"),
        context.say("condition", condition=condition) if condition else "",
        sources,
    )


def listed(context: Context, items: Sequence[str]) -> str:
    """'a, b and c' as the language writes it."""
    if len(items) == 1:
        return items[0]
    return context.say("list-last", items=context.say("list-separator").join(items[:-1]), last=items[-1])


def declared(expressions: Sequence[str]) -> str:
    return "; ".join(expressions)
