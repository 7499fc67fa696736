# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The kind of a licence against the category of the file it is on.

- `hardware-license-on-software`: code under a licence written for hardware only. CERN-OHL
  v2 defines Source to include "digital code" [S8], and the Solderpad licences are
  Apache-2.0 adapted [S13], so they cover software; CERN-OHL 1.x (section 2.3) and
  TAPR-OHL-1.0 (section 1.6) exclude it (NORMS.md §1.1, HW-001).
- `software-license-on-hardware`: a design file (HDL included: it describes hardware)
  under a software-only licence; legal, but "source code" and "object code" map poorly to
  boards (NORMS.md OSHW-007). Advice.
- `cc-license-on-software`: code under CC BY or CC BY-SA, which Creative Commons itself
  advises against (NORMS.md SW-001). CC0 is fine.

An expression is fine when one of its choices is (`MIT OR CERN-OHL-S-2.0` on HDL is).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from licensecheck import compat, knowledge
from licensecheck.rules import Context, Issue, Rule, views

CERN_OHL_V2 = "https://ohwr.org/project/cernohl/wikis/Documents/CERN-OHL-version-2"
TAPR = "https://tapr.org/the-tapr-open-hardware-license/"
CC_FAQ = "https://creativecommons.org/faq/#can-i-apply-a-creative-commons-license-to-software"

# Hardware licences whose text covers software too.
COVERS_SOFTWARE = frozenset({"CERN-OHL-P-2.0", "CERN-OHL-W-2.0", "CERN-OHL-S-2.0", "SHL-0.5", "SHL-0.51"})
# Hardware licences whose text excludes software, and where it says so.
EXCLUDES_SOFTWARE = {"CERN-OHL-1.1": "2.3", "CERN-OHL-1.2": "2.3", "TAPR-OHL-1.0": "1.6"}
CREATIVE_COMMONS_BY = re.compile(r"^CC-BY(-|$)")


def kinds(member: str) -> frozenset[str] | None:
    """What a licence (with its exception) is written for; None when the knowledge base does not know it.
    An exception adds its kinds: Apache-2.0 WITH SHL-2.1 covers hardware too."""
    base, exception = compat.split(member)
    entry = knowledge.license(base.removesuffix("+"))
    if entry is None:
        return None
    extra = knowledge.license(exception) if exception else None
    return frozenset(entry.kind) | frozenset(extra.kind if extra else ())


def hardware_only(member: str) -> bool:
    found = kinds(member)
    if found is None or compat.split(member)[0] in COVERS_SOFTWARE:
        return False
    return "hardware" in found and "software" not in found


def software_only(member: str) -> bool:
    return kinds(member) == frozenset({"software"})


def creative_commons(member: str) -> bool:
    return CREATIVE_COMMONS_BY.match(compat.split(member)[0]) is not None


@lru_cache(maxsize=4096)
def _misfits(expression: str, misfit: Callable[[str], bool]) -> tuple[str, ...]:
    """The misfitting licences, when every choice of the expression has one and nothing that
    fits beside it: 'CERN-OHL-S-2.0 AND GPL-3.0-or-later' names a licence for the code too."""
    picked = []
    for option in compat.options(expression):
        wrong = [m for m in option if misfit(m)]
        fitting = [m for m in option if not misfit(m) and kinds(m) is not None]
        if not wrong or fitting:
            return ()
        picked.extend(wrong)
    return tuple(dict.fromkeys(picked))


def _check(context: Context, category: str, misfit: Callable[[str], bool], key: str) -> Iterator[Issue]:
    for file in views.licensed_by_category(context).get(category, ()):
        for expression in file.licenses:
            for member in _misfits(expression, misfit):
                yield Issue(file.path, _message(context, key, file.path, member), (member,))


def _message(context: Context, key: str, path: str, member: str) -> str:
    clause = EXCLUDES_SOFTWARE.get(compat.split(member)[0])
    excludes = context.say("excludes-software", section=clause) if clause else ""
    return context.say(key, path=path, license=member, excludes=excludes)


def hardware_license_on_software(context: Context) -> Iterator[Issue]:
    yield from _check(context, "software", hardware_only, "hardware-license-on-software")


def software_license_on_hardware(context: Context) -> Iterator[Issue]:
    yield from _check(context, "hardware", software_only, "software-license-on-hardware")


def cc_license_on_software(context: Context) -> Iterator[Issue]:
    yield from _check(context, "software", creative_commons, "cc-license-on-software")


RULES = (
    Rule(
        "hardware-license-on-software",
        "warning",
        (CERN_OHL_V2, "https://spdx.org/licenses/CERN-OHL-1.2.html", TAPR),
        hardware_license_on_software,
    ),
    Rule(
        "software-license-on-hardware",
        "info",
        (CERN_OHL_V2, "https://www.oshwa.org/faq/"),
        software_license_on_hardware,
    ),
    Rule(
        "cc-license-on-software",
        "warning",
        (CC_FAQ, "https://www.gnu.org/licenses/license-list.html"),
        cc_license_on_software,
    ),
)
