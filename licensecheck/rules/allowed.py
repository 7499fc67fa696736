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

from licensecheck import compat, i18n
from licensecheck.rules import Context, Issue, Rule

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
    where = policy.config.source or ".licensecheck.toml"
    for file in context.concluded.files:
        if file.path not in context.concluded.covered:
            continue
        allowed, denied = policy.allowed(file.category), policy.denied(file.category)
        if allowed is None and not denied:
            continue
        for expression in file.licenses:
            verdicts = [
                {m: refused(m, allowed, denied) for m in option} for option in compat.options(expression)
            ]
            if any(not any(v.values()) for v in verdicts):
                continue
            found = {m: why for v in verdicts for m, why in v.items() if why}
            category = i18n.text(context.lang, f"ui.category.{file.category}")
            reasons = "; ".join(
                context.say(f"not-allowed.{why}", license=m, category=category)
                for m, why in found.items()
            )
            yield Issue(
                file.path,
                context.say("license-not-allowed", path=file.path, license=expression, reasons=reasons,
                            config=where),
                tuple(found),
            )


RULES = (Rule("license-not-allowed", "error", SOURCES, license_not_allowed),)
