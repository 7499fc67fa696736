# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Evaluate: the rule catalog.

A rule is one module-level `Rule` plus a `check(context)` generator of `Issue`s.
Rules know nothing about file formats: they read the concluded scan. The engine
(`licensecheck.evaluate`) gives each issue its rule id, its severity from the
policy and its waiver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, wraps
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

from licensecheck import i18n
from licensecheck.policy import Policy

if TYPE_CHECKING:
    from licensecheck.conclude import Concluded


@dataclass(frozen=True)
class Issue:
    path: str | None
    message: str
    licenses: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Context:
    concluded: Concluded
    lang: str
    policy: Policy
    # What `shared` views have built for this evaluation, by view.
    views: dict[Callable[..., Any], Any] = field(default_factory=dict, compare=False, repr=False)

    def say(self, key: str, /, **params: object) -> str:
        return i18n.text(self.lang, f"message.{key}", **params)

    def clauses(self, parts: Iterable[str]) -> str:
        """Clauses of one message joined as the language writes them ("; ", "；")."""
        return self.say("clause-separator").join(parts)


View = TypeVar("View")


def shared(build: Callable[[Context], View]) -> Callable[[Context], View]:
    """A view of the scan that several rules read (the files that count for compatibility,
    the declarations by folder): built on first use and kept in the context, so an
    evaluation builds it once however many rules ask. Views are read, never changed."""

    @wraps(build)
    def view(context: Context) -> View:
        views = context.views
        if build not in views:
            views[build] = build(context)
        return views[build]

    return view


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # the default profile's severity
    sources: tuple[str, ...]  # the norms the rule stands on (URLs)
    check: Callable[[Context], Iterator[Issue]]


# Modules holding rules, in catalog order.
MODULES = (
    "project",
    "coverage",
    "expressions",
    "texts",
    "hardware",
    "unreadable",
    "openness",
    "compatibility",
    "conflicts",
    "kinds",
    "allowed",
    "oshwa",
    "firmware",
    "reuse",
    "kicad",
)


@cache
def catalog() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for name in MODULES:
        module = import_module(f"licensecheck.rules.{name}")
        for rule in module.RULES:
            rules[rule.id] = rule
    return rules
