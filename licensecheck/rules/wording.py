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


def fact(context: Context, item: Fact) -> str:
    inbound = item.inbound
    if item.used_as != item.inbound:
        inbound = context.say("used-as", license=item.inbound, version=item.used_as)
    condition = item.condition(context.lang)
    sources = ", ".join(item.urls(context.lang)) or context.say("no-source")
    return context.say(
        "fact",
        inbound=inbound,
        outbound=item.outbound,
        verdict=context.say(f"verdict.{item.verdict}"),
        condition=context.say("condition", condition=condition) if condition else "",
        sources=sources,
    )


def facts(context: Context, items: Sequence[Fact]) -> str:
    return context.clauses(fact(context, item) for item in items[:SHOWN_FACTS])


def declared(expressions: Sequence[str]) -> str:
    return "; ".join(expressions)
