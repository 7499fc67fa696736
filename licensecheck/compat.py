# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Compatibility of license expressions, on top of the pair facts of the knowledge base.

`knowledge.compatible(a, b)` answers for two licences; this module answers for the
expressions files carry (NORMS.md §2.5):

- `A OR B` is fine when either choice works, and the answer says which choice;
- `A AND B` needs both;
- `L WITH E`: a linking or generated-output exception (GCC runtime, Classpath, ...) lets
  the part be combined with a work under any licence while the part keeps its own;
- `L-or-later` and `L+` may be used under a later version (GPL-2.0-or-later as GPL-3.0-only).

>>> into("GPL-2.0-or-later", "GPL-3.0-only").verdict
'yes'
>>> answer = combine("MIT OR GPL-2.0-only", "Apache-2.0")
>>> answer.verdict, answer.choice
('yes', ('Apache-2.0', 'MIT'))
>>> combine("Apache-2.0", "GPL-2.0-only").verdict
'no'

Verdicts rank yes < depends < unknown < no: an OR (or a choice of version, or of the
licence a combined work goes under) takes the best, an AND the worst.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product

from licensecheck import i18n, knowledge

# The one parser of the process: building a second would cost its tens of milliseconds again.
from licensecheck.expression import is_current_id
from licensecheck.expression import licensing as _licensing

RANK = {"yes": 0, "depends": 1, "unknown": 2, "no": 3}
MAX_OPTIONS = 64  # an expression with more OR-branches than this is checked on its first ones
_WITH = re.compile(r"\s+WITH\s+")
_VERSIONED = re.compile(r"^(?P<stem>.+?)-(?P<version>\d+(?:\.\d+)*)(?P<suffix>(?:-[A-Za-z][\w.-]*)?)\+?$")
_GNU_SUFFIXES = ("-only", "-or-later")

# What an exception permits, by the exception's text (SPDX exceptions list [S1]; notes in
# licenses/licenses-exceptions.toml). "linking": the part may be linked or combined into a
# work under any licence; "output": what the tool generates, or a document embedding the
# font, may be under any licence; "osi": combination with OSI-approved licences only.
# Exceptions that do not appear here (SHL-2.x, KiCad-libraries-exception, LLVM-exception)
# are decided by the knowledge base's own facts.
EXCEPTION_EFFECTS = {
    "Classpath-exception-2.0": "linking",
    "GCC-exception-2.0": "linking",
    "GCC-exception-3.1": "linking",
    "eCos-exception-2.0": "linking",
    "freertos-exception-2.0": "linking",
    "u-boot-exception-2.0": "linking",
    "WxWindows-exception-3.1": "linking",
    "LGPL-3.0-linking-exception": "linking",
    "GPL-3.0-linking-exception": "linking",
    "Linux-syscall-note": "linking",
    "Bootloader-exception": "linking",
    "Qt-LGPL-exception-1.1": "linking",
    "Autoconf-exception-2.0": "output",
    "Autoconf-exception-3.0": "output",
    "Bison-exception-2.2": "output",
    "Libtool-exception": "output",
    "Font-exception-2.0": "output",
    "Universal-FOSS-exception-1.0": "osi",
}


@dataclass(frozen=True)
class Fact:
    """One licence pair as decided: `inbound` is the member as written, `used_as` the
    version it was taken under (a later one for -or-later), `outbound` the licence of the whole."""

    inbound: str
    used_as: str
    outbound: str
    compatibility: knowledge.Compatibility

    @property
    def verdict(self) -> str:
        return self.compatibility.verdict

    def condition(self, lang: str) -> str:
        return self.compatibility.condition_zh if lang == "zh" else self.compatibility.condition

    def urls(self, lang: str = "en") -> tuple[str, ...]:
        """Where the fact comes from: each source's URL, or its title where it has none (this
        knowledge base's own judgement), in `lang` when the catalog has one."""
        titles = i18n.catalog(lang)
        named = []
        for key in self.compatibility.sources:
            found = knowledge.source(key)
            if found is not None:
                named.append(found.url or titles.get(f"message.source-title.{key}", found.title))
        return tuple(dict.fromkeys(named))


@dataclass(frozen=True)
class Answer:
    """An expression-level verdict: the inbound choice it rests on (one OR-branch), the
    licence the whole goes under, and the facts that make it less than `yes`."""

    verdict: str
    choice: tuple[str, ...]
    outbound: str | None
    facts: tuple[Fact, ...]


def worse(a: str, b: str) -> str:
    return a if RANK[a] >= RANK[b] else b


# -- expressions --------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def options(expression: str) -> tuple[tuple[str, ...], ...]:
    """Disjunctive normal form: each option is one way to comply, a sorted tuple of members.

    >>> options("MIT OR (Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0)")
    (('MIT',), ('Apache-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'))
    """
    if is_current_id(expression):  # most files: the parser would give the id back (a test checks all)
        return ((expression,),)
    return _parsed_options(expression)


def _parsed_options(expression: str) -> tuple[tuple[str, ...], ...]:
    from boolean.boolean import ParseError
    from license_expression import ExpressionError

    try:
        parsed = _licensing().parse(expression)
    except (ExpressionError, ParseError):
        parsed = None
    if parsed is None:
        return ((expression.strip(),),)
    found = _dnf(parsed)[:MAX_OPTIONS]
    return tuple(dict.fromkeys(tuple(sorted(option)) for option in found))


def _dnf(node) -> list[frozenset[str]]:
    licensing = _licensing()
    if isinstance(node, licensing.OR):
        return [option for arg in node.args for option in _dnf(arg)][:MAX_OPTIONS]
    if isinstance(node, licensing.AND):
        parts = [_dnf(arg) for arg in node.args]
        combined = (frozenset().union(*choice) for choice in product(*parts))
        return [option for _, option in zip(range(MAX_OPTIONS), combined, strict=False)]
    exception = getattr(node, "exception_symbol", None)
    if exception is not None:
        return [frozenset({f"{node.license_symbol.key} WITH {exception.key}"})]
    return [frozenset({node.key})]


def split(member: str) -> tuple[str, str | None]:
    """'L WITH E' -> ('L', 'E'); 'L' -> ('L', None)."""
    parts = _WITH.split(member, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (member, None)


def members(expression: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m for option in options(expression) for m in option))


def entry(member: str) -> knowledge.License | None:
    """The knowledge base's entry of one licence of an expression ("GPL-2.0+" and
    "GPL-2.0-only WITH E": their GPL's)."""
    return knowledge.license(split(member)[0].removesuffix("+"))


# -- later versions -----------------------------------------------------------------------


@cache
def _versions() -> dict[tuple[str, str], list[tuple[tuple[int, ...], str]]]:
    """(stem, suffix family) -> [(version, id)] of the knowledge base."""
    table: dict[tuple[str, str], list[tuple[tuple[int, ...], str]]] = {}
    for key, entry in knowledge.all_licenses().items():
        match = _VERSIONED.match(key)
        if match is None or entry.is_exception or entry.deprecated:
            continue
        suffix = "gnu" if match["suffix"] in _GNU_SUFFIXES else match["suffix"]
        version = tuple(int(part) for part in match["version"].split("."))
        table.setdefault((match["stem"], suffix), []).append((version, key))
    return table


@lru_cache(maxsize=1024)
def later_versions(member: str) -> tuple[str, ...]:
    """The versions an '-or-later' or '+' member may also be used under, nearest first.

    >>> later_versions("GPL-2.0-or-later")
    ('GPL-3.0-only', 'GPL-3.0-or-later')
    >>> later_versions("GPL-2.0-only")
    ()
    """
    if split(member)[1] is not None or not (member.endswith("+") or member.endswith("-or-later")):
        return ()
    match = _VERSIONED.match(member.removesuffix("+"))
    if match is None:
        return ()
    suffix = "gnu" if match["suffix"] in _GNU_SUFFIXES else match["suffix"]
    version = tuple(int(part) for part in match["version"].split("."))
    found = sorted(v for v in _versions().get((match["stem"], suffix), []) if v[0] > version)
    return tuple(key for _, key in found)


# -- one licence into another --------------------------------------------------------------


def _exception_fact(member: str, outbound: str) -> knowledge.Compatibility | None:
    base, exception = split(member)
    effect = EXCEPTION_EFFECTS.get(exception or "")
    if effect is None:
        return None
    if effect == "osi":
        entry = knowledge.license(split(outbound)[0])
        if entry is None or not entry.osi:
            return None
    params = {"license": base, "exception": exception}
    key = f"message.compat.exception-{effect}"
    return knowledge.Compatibility(
        "yes", i18n.text("en", key, **params), i18n.text("zh", key, **params), ("S1",), f"exception-{effect}"
    )


def _decide(inbound: str, outbound: str) -> knowledge.Compatibility:
    found = knowledge.compatible(inbound, outbound)
    if found.verdict != "yes":
        return _exception_fact(inbound, outbound) or found
    return found


@lru_cache(maxsize=65536)
def member_into(inbound: str, outbound: str) -> Fact:
    """Can material under the single licence `inbound` be part of a work under `outbound`?"""
    best = Fact(inbound, inbound, outbound, _decide(inbound, outbound))
    for later in later_versions(inbound) if best.verdict != "yes" else ():
        found = _decide(later, outbound)
        if RANK[found.verdict] < RANK[best.verdict]:
            best = Fact(inbound, later, outbound, found)
    return best


def _option_into(option: tuple[str, ...], outbound: str) -> tuple[str, tuple[Fact, ...]]:
    facts = [member_into(member, outbound) for member in option]
    verdict = max((f.verdict for f in facts), key=RANK.__getitem__, default="yes")
    return verdict, tuple(f for f in facts if f.verdict != "yes")


@lru_cache(maxsize=16384)
def into(inbound: str, outbounds: str | tuple[str, ...]) -> Answer:
    """Can material under the expression `inbound` be part of a work under `outbounds`?

    `outbounds` is the declared licence expression (or several): they list the licences a
    project uses, for its different parts, so the material fits when it fits one of them
    (judgement: a declaration 'CERN-OHL-S-2.0 AND GPL-3.0-or-later AND CC-BY-SA-4.0' names
    the licences of hardware, firmware and documentation, not one licence for everything).
    """
    targets = members_of(outbounds)
    best: Answer | None = None
    failing: list[Fact] = []
    for option in options(inbound):
        for target in targets:
            verdict, facts = _option_into(option, target)
            if best is None or RANK[verdict] < RANK[best.verdict]:
                best = Answer(verdict, option, target, facts)
            if verdict == "no":
                failing.extend(facts)
            if verdict == "yes":
                return best
    if best is None:
        return Answer("yes", (), None, ())
    if best.verdict == "no":
        return Answer("no", best.choice, best.outbound, _unique(failing))
    return best


def members_of(expressions: str | Sequence[str]) -> tuple[str, ...]:
    listed = [expressions] if isinstance(expressions, str) else list(expressions)
    return tuple(dict.fromkeys(m for expression in listed for m in members(expression)))


# -- two works combined into one ------------------------------------------------------------


@cache
def _open_candidates() -> tuple[str, ...]:
    """Every open licence of the knowledge base, as a licence the combined work could go under."""
    entries = knowledge.all_licenses().values()
    return tuple(sorted(e.id for e in entries if e.is_open and not e.is_exception and not e.deprecated))


def _common(members_: frozenset[str], preferred: Sequence[str]) -> tuple[str, str | None, tuple[Fact, ...]]:
    """The best licence all `members_` can go under together: (verdict, licence, facts).

    The members themselves and `preferred` are tried first; the whole knowledge base only
    when none of them works (Apache-2.0 with GPL-2.0-or-later goes under GPL-3.0)."""
    option = tuple(sorted(members_))
    own = [m for member in option for m in (member, split(member)[0])]
    natural = tuple(dict.fromkeys([*own, *members_of(preferred)]))
    best: tuple[str, str | None, tuple[Fact, ...]] = ("no", None, ())
    failing: list[Fact] = []
    for index, target in enumerate((*natural, *_open_candidates())):
        verdict, facts = _option_into(option, target)
        if index < len(natural):
            failing.extend(facts)
        if RANK[verdict] < RANK[best[0]]:
            best = (verdict, target, facts)
        if verdict == "yes":
            break
    if best[0] == "no":
        return "no", None, _unique(failing)
    return best


@lru_cache(maxsize=16384)
def combine(first: str, second: str, preferred: tuple[str, ...] = ()) -> Answer:
    """Can works under the expressions `first` and `second` be one combined work?

    Yes when, for some choice in each, a licence exists that both can be part of; the answer
    names the choices and that licence. `preferred` (the component's declared licences) are
    tried first as the licence of the whole.
    """
    best: Answer | None = None
    failing: list[Fact] = []
    for left in options(first):
        for right in options(second):
            verdict, target, facts = _common(frozenset(left) | frozenset(right), preferred)
            if best is None or RANK[verdict] < RANK[best.verdict]:
                best = Answer(verdict, tuple(sorted({*left, *right})), target, facts)
            if verdict == "no":
                failing.extend(facts)
            if verdict == "yes":
                return best
    assert best is not None
    if best.verdict == "no":
        return Answer("no", best.choice, None, _unique(failing))
    return best


@lru_cache(maxsize=4096)
def consistent(expression: str, preferred: tuple[str, ...] = ()) -> Answer:
    """Can the members an expression ANDs together (in one file) be combined?"""
    best: Answer | None = None
    for option in options(expression):
        verdict, target, facts = _common(frozenset(option), preferred)
        if best is None or RANK[verdict] < RANK[best.verdict]:
            best = Answer(verdict, option, target, facts)
        if verdict == "yes":
            break
    assert best is not None
    return best


def _unique(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    seen: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        seen.setdefault((fact.inbound, fact.outbound), fact)
    return tuple(seen.values())


# -- openness -------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def member_open(member: str) -> bool:
    """Open by the knowledge base (neither NC nor ND, and OSI, FSF or OSHWA approved); a licence
    it does not know counts as open here: `unknown-license` and the review rule report those."""
    found = entry(member)
    return found is None or found.is_open


@lru_cache(maxsize=16384)
def is_open(expression: str) -> bool:
    """Some choice of the expression uses open licences only (`MIT OR CC-BY-NC-4.0` is open)."""
    return any(all(member_open(m) for m in option) for option in options(expression))
