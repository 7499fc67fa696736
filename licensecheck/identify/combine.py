# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Turn the matches and notices found in one text into one SPDX expression.

* A notice inside a matched full license text belongs to that text (the GPL's
  own "How to Apply" section is not a notice), so it is ignored.
* A GNU full text alone reads as "-only"; a notice for the same license says
  which ("-or-later" or "-only") and wins.
* An exception joins the nearest license it can modify: "GPL-2.0-only WITH
  Classpath-exception-2.0".
* Several licenses are joined with AND, or with OR when the text offers a
  choice (dual licensing, "at your option", "alternatively", "either of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import KIND_DETAIL
from .names import BSD_VARIANT_NOT_NAMED
from .normalize import Prepared
from .notices import MPL_NO_COPYLEFT, OR_CUE, STUDY_USE_ONLY, VENDOR_CHIPS_ONLY, Notice

_GNU = re.compile(r"^(?:A|L)?GPL-|^GFDL-")
# A non-commercial licence (CC BY-NC, PolyForm Noncommercial) with a line that sums it up ("not
# for commercial use") is that licence alone: the line adds no restriction of its own.
_NON_COMMERCIAL = re.compile(r"-NC\b|Noncommercial")
# Exceptions that modify one fixed license; the others modify a GNU license.
EXCEPTION_BASE = {"SHL-2.0": "Apache-2.0", "SHL-2.1": "Apache-2.0", "LLVM-exception": "Apache-2.0"}
_UNVERSIONED = {"GPL-1.0-or-later", "LGPL-2.0-or-later", "LGPL-2.1-or-later", "AGPL-3.0-or-later"}


@dataclass(frozen=True)
class Found:
    expression: str
    start: int
    end: int
    detail: str
    confidence: float
    kind: str  # "text", "header", "exception" (from the index) or "notice"
    group: int = -1
    joiner: str = "AND"


def _inside(item: Notice, spans: list[tuple[int, int]]) -> bool:
    return any(start <= item.start and item.end <= end for start, end in spans)


def _own_gnu_notices(found: list[Found], notices: list[Notice]) -> list[Notice]:
    """A GNU text carries its notice template ("How to Apply"); when the run of a GNU text holds
    two notices of its license, the first one is the file's own, read along with the text."""
    own = []
    for text in (f for f in found if f.kind == "text" and _GNU.match(f.expression)):
        same = [
            n
            for n in notices
            if text.start <= n.start and n.end <= text.end and _base(n.expression) == _base(text.expression)
        ]
        own += same[:1] if len(same) > 1 else []
    return own


def _family(expression: str) -> str:
    return expression.split("-", 1)[0]


def _base(expression: str) -> str:
    """GPL-2.0-only -> GPL-2.0."""
    return re.sub(r"-(?:only|or-later)$", "", expression)


def _prefer_notices(licenses: list[Found]) -> list[Found]:
    """A GNU notice says what a GNU full text alone cannot: keep the notice. A versionless
    mention next to a versioned one of the same license adds nothing ("the GPL" after "the GNU
    General Public License version 2" is that one)."""
    gnu = [f for f in licenses if f.kind in ("notice", "text") and _GNU.match(f.expression)]
    noticed = {_base(f.expression) for f in gnu if f.kind == "notice"}
    versioned = {_family(f.expression) for f in gnu if f.expression not in _UNVERSIONED}
    # The notice stands for a full text it was found with, and says so: the file holds the text
    # (missing-license-text asks that of a license file).
    with_text = {_base(f.expression) for f in gnu if f.kind == "text"} & noticed
    kept = []
    for item in licenses:
        gnu_item = bool(_GNU.match(item.expression))
        if gnu_item and item.kind == "text" and _base(item.expression) in noticed:
            continue
        unversioned = item.kind == "notice" and item.expression in _UNVERSIONED
        if gnu_item and unversioned and _family(item.expression) in versioned:
            continue
        if gnu_item and item.kind == "notice" and _base(item.expression) in with_text:
            item = replace(item, detail=f"{item.detail} + {KIND_DETAIL['text']}")
        kept.append(item)
    return kept


def _attach(licenses: list[Found], exceptions: list[Found]) -> list[Found]:
    """Write each exception onto the nearest license it can modify (preferring one before it)."""
    result = list(licenses)
    seen: set[str] = set()
    for exception in sorted(exceptions, key=lambda e: e.start):
        if exception.expression in seen:
            continue
        seen.add(exception.expression)
        fixed = EXCEPTION_BASE.get(exception.expression)
        fits = [
            (i, f)
            for i, f in enumerate(result)
            if " WITH " not in f.expression
            and (f.expression == fixed if fixed else bool(_GNU.match(f.expression)))
        ]
        if fits:
            before = [(i, f) for i, f in fits if f.start <= exception.start]
            i, target = before[-1] if before else fits[0]
            expression = f"{target.expression} WITH {exception.expression}"
            result[i] = replace(target, expression=expression, detail=f"{target.detail} + {exception.detail}")
        elif fixed:
            result.append(replace(exception, expression=f"{fixed} WITH {exception.expression}"))
    return result


def _outside(prepared: Prepared, spans: list[tuple[int, int]]) -> str:
    """The cleaned text without the matched license texts (their own "at your option" and
    such are not the file's words)."""
    cleaned = prepared.cleaned
    for first, last in sorted(spans, reverse=True):
        start, end = prepared.char_span(first, last)
        cleaned = cleaned[:start] + " " + cleaned[end:]
    return cleaned


def _join(items: list[Found], offers_choice: bool) -> str:
    modified = {f.expression.split(" WITH ")[0] for f in items if " WITH " in f.expression}
    items = [f for f in items if f.expression not in modified]  # "X WITH E" already says X
    expressions = list(dict.fromkeys(f.expression for f in items))
    if len(expressions) == 1:
        return expressions[0]
    if offers_choice:
        return " OR ".join(expressions)
    clauses: list[tuple[str, list[str]]] = []
    last_group = None
    for item in items:
        if item.group >= 0 and item.group == last_group:
            clauses[-1][1].append(item.expression)
        else:
            clauses.append((item.joiner, [item.expression]))
        last_group = item.group if item.group >= 0 else None
    terms = list(dict.fromkeys(f" {joiner} ".join(dict.fromkeys(names)) for joiner, names in clauses))
    return " AND ".join(f"({t})" if " OR " in t and len(terms) > 1 else t for t in terms)


def combine(prepared: Prepared, found: list[Found], notices: list[Notice]) -> tuple[str | None, float, str]:
    """(expression, confidence, detail) for everything found in one text (positions in words)."""
    blocked = [(f.start, f.end) for f in found if f.kind == "text"]
    # An exception text names the GPL it modifies in words that grant nothing; a versioned
    # notice inside one (389-exception quotes the whole GPL notice) still counts.
    in_exception = [(f.start, f.end) for f in found if f.kind == "exception"]
    licenses = [f for f in found if f.kind in ("text", "header")]
    exceptions = [f for f in found if f.kind == "exception"]
    own = _own_gnu_notices(found, notices)
    for notice in notices:
        # A vendor's "only with our chips" clause added to a BSD text (ST's, Nordic's, Atmel's
        # fourth clause) is no part of the text it sits in: it restricts it.
        if (
            notice not in own
            and notice.expression != VENDOR_CHIPS_ONLY
            and (
                _inside(notice, blocked)
                or (notice.expression in _UNVERSIONED and _inside(notice, in_exception))
            )
        ):
            continue
        item = Found(
            notice.expression,
            notice.start,
            notice.end,
            notice.detail,
            notice.confidence,
            "notice",
            notice.group,
            notice.joiner,
        )
        (exceptions if notice.kind == "exception" else licenses).append(item)
    if any(f.kind == "text" and f.expression.startswith("BSD-") for f in licenses):
        # "The Adafruit_GFX functions are covered by the BSD licence." above the BSD text it
        # means (TFT_eSPI's license.txt): the text says which BSD licence, not an assumption.
        licenses = [f for f in licenses if not (f.kind == "notice" and BSD_VARIANT_NOT_NAMED in f.detail)]
    licenses = _attach(sorted(_prefer_notices(licenses), key=lambda f: f.start), exceptions)
    if any(_NON_COMMERCIAL.search(f.expression) for f in licenses):  # it says so already
        licenses = [f for f in licenses if f.expression != STUDY_USE_ONLY]
    if not licenses:
        return None, 0.0, ""
    if any(f.expression == "MPL-2.0" for f in licenses) and MPL_NO_COPYLEFT.search(
        _outside(prepared, blocked)
    ):
        licenses = [
            replace(f, expression="MPL-2.0-no-copyleft-exception") if f.expression == "MPL-2.0" else f
            for f in licenses
        ]
    several = len({f.expression for f in licenses}) > 1
    expression = _join(licenses, several and bool(OR_CUE.search(_outside(prepared, blocked))))
    detail = "; ".join(dict.fromkeys(f"{f.expression}: {f.detail}" for f in licenses))
    return expression, round(min(f.confidence for f in licenses), 3), detail
