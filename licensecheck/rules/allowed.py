# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""`license-not-allowed`: the configuration's allow and deny lists of licences.

`[licenses]` allow/deny apply to every file, `[licenses.CATEGORY]` to one category on top
(policy.allowed / policy.denied). Entries are SPDX ids, matched in any case; `*` and `?`
are wildcards (`CC-BY-NC-*`). A licence with an exception matches an entry for the whole
(`GPL-2.0-only WITH Classpath-exception-2.0`) or for the licence alone. An expression is
allowed when one of its choices has only allowed licences and no denied one.
"""

from __future__ import annotations

from collections.abc import Iterator
from fnmatch import fnmatchcase
from functools import lru_cache

from licensecheck import compat, i18n
from licensecheck.rules import Context, Issue, Rule, views

SOURCES = ("https://spdx.org/licenses/",)


def _matches(member: str, entries: tuple[str, ...]) -> bool:
    names = {member.lower(), compat.split(member)[0].lower()}
    return any(fnmatchcase(name, entry.lower()) for name in names for entry in entries)


def refused(member: str, allowed: tuple[str, ...] | None, denied: tuple[str, ...]) -> str | None:
    """'deny' or 'allow' (the list that refuses it), or None."""
    if _matches(member, denied):
        return "deny"
    if allowed is not None and not _matches(member, allowed):
        return "allow"
    return None


def license_not_allowed(context: Context) -> Iterator[Issue]:
    policy = context.policy
    if not (policy.config.allow or policy.config.deny):
        return  # no list, nothing to refuse
    where = policy.config.source or ".licensecheck.toml"
    # Category by category, as the engine sorts the findings anyway.
    for category, files in views.licensed_by_category(context).items():
        allowed, denied = policy.allowed(category), policy.denied(category)
        if allowed is None and not denied:
            continue
        category_name = i18n.text(context.lang, f"ui.category.{category}")
        for file in files:
            for expression in file.licenses:
                found = _refusals(expression, allowed, denied)
                if found is None:
                    continue
                reasons = context.clauses(
                    context.say(f"not-allowed.{why}", license=m, category=category_name) for m, why in found
                )
                yield Issue(
                    file.path,
                    context.say(
                        "license-not-allowed",
                        path=file.path,
                        license=expression,
                        reasons=reasons,
                        config=where,
                    ),
                    tuple(m for m, _ in found),
                )


@lru_cache(maxsize=4096)
def _refusals(
    expression: str, allowed: tuple[str, ...] | None, denied: tuple[str, ...]
) -> tuple[tuple[str, str], ...] | None:
    """(licence, the list that refuses it) when no choice of the expression is allowed, else None."""
    verdicts = [{m: refused(m, allowed, denied) for m in option} for option in compat.options(expression)]
    if any(not any(v.values()) for v in verdicts):
        return None
    return tuple({m: why for v in verdicts for m, why in v.items() if why}.items())


RULES = (Rule("license-not-allowed", "error", SOURCES, license_not_allowed),)
