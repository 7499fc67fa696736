# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""`non-open-license`: NonCommercial, NoDerivatives, all rights reserved, source-available.

Anywhere: hardware, software and documentation alike (NORMS.md §3.4, OSHW-001, SW-002).
An expression is open when one of its choices is (`MIT OR CC-BY-NC-4.0` is). What makes
a licence not open is read from the knowledge base; the message names the first reason
of `REASONS` that applies, with the criteria of the OSHWA definition and the Open Source
Definition it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from licensecheck import compat, declarations, knowledge
from licensecheck.conclude import in_licenses_dir
from licensecheck.model import FileResult
from licensecheck.report.evidence_detail import worded
from licensecheck.rules import Context, Issue, Rule
from licensecheck.rules.wording import files

SOURCES = (
    "https://www.oshwa.org/definition/",
    "https://opensource.org/osd",
    "https://www.oshwa.org/faq/",
    "https://www.gnu.org/licenses/license-list.html",
)
NO_LICENSE = frozenset({"LicenseRef-All-Rights-Reserved"})
# A chip vendor's terms (ST's SLA0044, WCH's notice, Silicon Labs' MSLA): the maker cannot
# relicense the vendor's code.
VENDOR_CHIPS_ONLY = "vendor-chips-only"
VENDOR_AGREEMENT = "vendor-agreement"
VENDOR_TERMS = frozenset({VENDOR_CHIPS_ONLY, VENDOR_AGREEMENT})
NO_LICENSE_GRANTED = "no-license-granted"  # a notice that licenses nothing (Micrium's registered licensees)

# Reason key (message.non-open-reason.KEY) -> test on a knowledge-base entry, first match wins:
# what the terms forbid comes before whose terms they are (Micrium's evaluation terms forbid
# commercial use, and are a vendor's terms).
REASONS: tuple[tuple[str, Callable[[knowledge.License], bool]], ...] = (
    # No licence at all, or a notice that licenses nothing, unless it is the chips-only clause
    # (WCH's notice grants nothing but says what the code is for).
    ("reserved", lambda entry: entry.id in NO_LICENSE or _grants_nothing(entry)),
    ("vendor", lambda entry: VENDOR_CHIPS_ONLY in entry.obligations),
    ("nc-nd", lambda entry: entry.non_commercial and entry.no_derivatives),
    ("nc", lambda entry: entry.non_commercial),
    ("nd", lambda entry: entry.no_derivatives),
    ("vendor-agreement", lambda entry: VENDOR_AGREEMENT in entry.obligations),
    ("restricted", lambda entry: True),
)


def _grants_nothing(entry: knowledge.License) -> bool:
    return NO_LICENSE_GRANTED in entry.obligations and VENDOR_CHIPS_ONLY not in entry.obligations


def reason(member: str) -> str | None:
    """Why a single licence is not open, or None when it is (or is not in the knowledge base)."""
    entry = compat.entry(member)
    if entry is None or entry.is_open or entry.is_exception:
        return None
    return next(key for key, test in REASONS if test(entry))


def closed(expression: str) -> list[tuple[str, str]]:
    """(licence, reason) for the non-open licences of an expression none of whose choices is open."""
    return list(_closed(expression))


@lru_cache(maxsize=4096)
def _closed(expression: str) -> tuple[tuple[str, str], ...]:
    if compat.is_open(expression):
        return ()
    found = {m: reason(m) for option in compat.options(expression) for m in option}
    return tuple((member, why) for member, why in found.items() if why is not None)


def non_open_license(context: Context) -> Iterator[Issue]:
    """On each file that states a non-open licence; a licence a file only inherits from its
    folder's license file or manifest is reported once, on that file; one a README gives a
    part ("硬件：CERN-OHL-S-2.0，禁止商用") once on the README, which is not under it itself."""
    by_part: dict[tuple[str, str], list[FileResult]] = {}  # (how the README gives it, licence) -> files
    for file in context.concluded.files:
        # The licences first: few files have a closed one, and then the rest is worth asking.
        if not any(_closed(expression) for expression in file.licenses):
            continue
        if in_licenses_dir(file.path) or file.path.endswith(".license"):
            continue
        if declarations.inherited(file):
            for given in declarations.given_by_readme(file):
                by_part.setdefault((given.detail, given.expression or ""), []).append(file)
            continue
        for expression in file.licenses:
            found = _closed(expression)
            if not found:
                continue
            reasons = _reasons(context, found, file.category)
            vendor = any(_vendors(member) for member, _ in found)
            yield Issue(
                file.path,
                context.say(
                    "non-open-license-vendor" if vendor else "non-open-license",
                    path=file.path,
                    license=expression,
                    reasons=reasons,
                    choices=_choices(context, file.category),
                ),
                tuple(member for member, _ in found),
            )
    for (given, expression), taking in by_part.items():
        found = _closed(expression)
        readme = given.split(" ", 1)[0]
        yield Issue(
            readme,
            context.say(
                "non-open-license-part",
                given=worded(given, context.lang),
                path=readme,
                license=expression,
                reasons=_reasons(context, found, taking[0].category),
                files=files(context, [file.path for file in taking]),
                choices=_choices(context, taking[0].category),
            ),
            tuple(member for member, _ in found),
        )


def _choices(context: Context, category: str) -> str:
    return context.say(f"open-choices.{category if category in _CHOICES else 'any'}")


def _reasons(context: Context, found: tuple[tuple[str, str], ...], category: str) -> str:
    return context.clauses(
        [
            *(context.say(f"non-open-reason.{_worded(why, category)}", license=m) for m, why in found),
            *_open_releases(context, [member for member, _ in found]),
        ]
    )


def _vendors(member: str) -> bool:
    """Whether the licence is a vendor's own terms, which the maker cannot relicense."""
    entry = compat.entry(member)
    return entry is not None and not VENDOR_TERMS.isdisjoint(entry.obligations)


def _open_releases(context: Context, members: list[str]) -> Iterator[str]:
    """Where the holder has since released the code under an open licence (Micrium's uC/OS)."""
    for member in members:
        entry = compat.entry(member)
        if entry is not None and entry.open_release:
            yield context.say(
                "non-open-open-release",
                license=member,
                release=entry.open_release,
                url=entry.open_release_url,
            )


# The categories whose files are pointed to their own open licences (others: all of them).
_CHOICES = frozenset({"hardware", "software", "documentation"})


def _worded(why: str, category: str) -> str:
    """The reason's wording for the file: "making hardware always involves money" is said of a
    hardware design, not of firmware or a README; FreeCAD's default licence, of a design; the
    software a device needs, of code."""
    if category == "hardware":
        return why
    if why == "reserved":  # code; a document's or data's words otherwise
        return "reserved-work" if category == "software" else "reserved-text"
    return "nc-work" if why == "nc" else why


RULES = (Rule("non-open-license", "error", SOURCES, non_open_license),)
