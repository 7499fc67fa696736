# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Licences that must fit together: inside one combined work, and under the declared licence.

- `incompatible-licenses`: in one component, two licence expressions for which no choice
  and no licence of the whole works (NORMS.md §2.4, §2.5; COMP-001..008).
- `declared-license-mismatch`: a file that cannot be part of a work under the licence its
  folder or the project declares; a manifest whose license field the files under it belie.
- `compatibility-review`: where the facts say "depends" or "unknown", what a person must
  decide. Never silence.

Files of different categories in one component (documentation next to code) are an
aggregate, not one derived work, so only files of the same category are paired (NORMS.md
§2.4 semantics caveat). A licence that is not open at all is left to `non-open-license`
while that rule is on, so one problem gives one error.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from operator import itemgetter

from licensecheck import compat, declarations
from licensecheck.conclude import folder_of
from licensecheck.derived import made_from_design
from licensecheck.model import FileResult
from licensecheck.rules import Context, Issue, Rule, shared, views
from licensecheck.rules import wording as say

SOURCES = (
    "https://www.osadl.org/fileadmin/checklists/matrix.html",
    "https://www.gnu.org/licenses/license-list.html",
    "https://spdx.github.io/spdx-spec/v3.0.1/annexes/spdx-license-expressions/",
)
REVIEW = ("depends", "unknown")


_Weighed = tuple[FileResult, tuple[str, ...]]  # a material file and the expressions to weigh


@shared
def _weighed(context: Context) -> list[_Weighed]:
    """Each material file, in tree order, with the expressions to weigh: its effective licences,
    of which the non-open ones are `non-open-license`'s while it is on."""
    material = views.material(context)
    if context.policy.severity("non-open-license", "error") == "off":
        return [(file, declarations.effective_licenses(file)) for file in material]
    return [(file, _open(declarations.effective_licenses(file))) for file in material]


@lru_cache(maxsize=4096)
def _open(expressions: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(e for e in expressions if compat.is_open(e))


# -- components ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    component: str
    first: str
    first_paths: tuple[str, ...]
    second: str
    second_paths: tuple[str, ...]
    answer: compat.Answer
    preferred: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        """Report on the likelier intruder: the side with fewer files, else the one the folder
        does not declare."""
        first = (len(self.first_paths), self.first in self.preferred)
        second = (len(self.second_paths), self.second in self.preferred)
        return (self.first_paths if first < second else self.second_paths)[0]


@shared
def component_pairs(context: Context) -> list[Pair]:
    """Within each component and category, each expression with itself (when it ANDs licences)
    and each two expressions, as decided."""
    component_of = views.component_of(context)
    # components.group, holding what is weighed beside each path.
    members: dict[str, list[_Weighed]] = {}
    for file, expressions in _weighed(context):
        members.setdefault(component_of(file.path), []).append((file, expressions))
    nearest = views.nearest_declaration(context)
    pairs: list[Pair] = []
    for name, weighed in sorted(members.items(), key=itemgetter(0)):
        weighed.sort(key=_path_of)
        declaration = nearest(weighed[0][0].path)
        preferred = declaration.expressions if declaration else ()
        by_category: dict[str, dict[str, list[str]]] = {}
        for file, expressions in weighed:
            if expressions:
                used = by_category.setdefault(file.category, {})
                for expression in expressions:
                    used.setdefault(expression, []).append(file.path)
        for _, used in sorted(by_category.items()):
            pairs += _pairs(name, {e: tuple(p) for e, p in used.items()}, preferred)
    return pairs


def _pairs(component: str, used: dict[str, tuple[str, ...]], preferred: tuple[str, ...]) -> Iterator[Pair]:
    for expression, paths in sorted(used.items()):
        if _ands(expression):
            answer = compat.consistent(expression, preferred)
            yield Pair(component, expression, paths, expression, paths, answer, preferred)
    for first, second in combinations(sorted(used), 2):
        answer = compat.combine(first, second, preferred)
        yield Pair(component, first, used[first], second, used[second], answer, preferred)


def _path_of(weighed: _Weighed) -> str:
    return weighed[0].path


@lru_cache(maxsize=4096)
def _ands(expression: str) -> bool:
    return any(len(option) > 1 for option in compat.options(expression))


def _pair_params(context: Context, pair: Pair) -> dict[str, object]:
    return {
        "component": pair.component,
        "first": pair.first,
        "first_files": say.files(context, pair.first_paths),
        "second": pair.second,
        "second_files": say.files(context, pair.second_paths),
        "facts": say.facts(context, pair.answer.facts),
        "outbound": pair.answer.outbound or "",
    }


def incompatible_licenses(context: Context) -> Iterator[Issue]:
    for pair in component_pairs(context):
        if pair.answer.verdict == "no":
            key = "incompatible-licenses" if pair.first != pair.second else "incompatible-within-file"
            yield Issue(pair.path, context.say(key, **_pair_params(context, pair)), (pair.first, pair.second))


# -- declared licences ------------------------------------------------------------------------


@dataclass(frozen=True)
class Mismatch:
    path: str
    expression: str
    declaration: declarations.Declaration
    answer: compat.Answer


@shared
def file_mismatches(context: Context) -> list[Mismatch]:
    """Each file against the licence its folder (or the project) declares in a license file,
    where the answer is not a plain yes."""
    nearest = views.nearest_declaration(context)
    # (expressions, declaration) -> the answers that are not a plain yes: a few such pairs stand
    # for thousands of files. By the declaration's id, which `nearest` keeps alive meanwhile.
    misfits: dict[tuple[tuple[str, ...], int], list[tuple[str, compat.Answer]]] = {}
    found = []
    for file, expressions in _weighed(context):
        declaration = nearest.of_file(file) if expressions else None
        if declaration is None:
            continue
        key = (expressions, id(declaration))
        answers = misfits.get(key)
        if answers is None:
            answers = misfits[key] = _misfits(expressions, declaration.expressions)
        # Most files fit: whether they only inherit the declaration is worth asking of the rest.
        if (
            answers
            and not declarations.inherited_from(file, declaration)
            and not _said_for_design(file, nearest)
        ):
            found += [Mismatch(file.path, e, declaration, a) for e, a in answers]
    return found


def _said_for_design(file: FileResult, nearest) -> bool:
    """An output made from a design (a Gerber of the board) under the design's declaration: its
    mismatch is said once, for the design."""
    design = made_from_design(file)
    return design is not None and nearest(design) is nearest(file.path)


def _misfits(expressions: tuple[str, ...], declared: tuple[str, ...]) -> list[tuple[str, compat.Answer]]:
    """(expression, answer) for each expression that is not plainly fine under the declaration."""
    answers = ((e, compat.into(e, declared)) for e in expressions)
    return [(e, answer) for e, answer in answers if answer.verdict != "yes"]


@shared
def manifest_mismatches(context: Context) -> list[Mismatch]:
    """Each file under a manifest, and each license file beside it, against its license field,
    where the answer is not a plain yes."""
    # A package manifest speaks for the package's code, not for a board beside it.
    code = _Under([item for item in _weighed(context) if item[0].category == "software"])
    texts = views.license_files_by_folder(context)
    found = []
    for manifest in views.manifests(context):
        for file, expressions in code.under(manifest.folder):
            if file.path in manifest.sources or declarations.inherited_from(file, manifest):
                continue
            for expression in expressions:
                answer = compat.into(expression, manifest.expressions)
                if answer.verdict != "yes":
                    found.append(Mismatch(file.path, expression, manifest, answer))
        for text in texts.get(manifest.folder, ()):
            for expression in text.licenses:
                if not _same(expression, manifest.expressions):
                    found.append(Mismatch(text.path, expression, manifest, compat.Answer("no", (), None, ())))
    return found


class _Under:
    """Weighed files by folder: those anywhere under a folder, in their order, without trying
    every file for every folder asked about (a tree can hold hundreds of manifests)."""

    def __init__(self, files: list[_Weighed]) -> None:
        self.files = files
        self.by_path = sorted((file.path, index) for index, (file, _) in enumerate(files))

    def under(self, folder: str) -> list[_Weighed]:
        if not folder:
            return self.files
        prefix = folder + "/"
        found = []
        for position in range(bisect_left(self.by_path, (prefix,)), len(self.by_path)):
            path, index = self.by_path[position]
            if not path.startswith(prefix):
                break
            found.append(index)
        return [self.files[index] for index in sorted(found)]


def _same(expression: str, declared: tuple[str, ...]) -> bool:
    """A license file agrees with a manifest when it names licences the manifest names
    (LICENSE-MIT and LICENSE-APACHE beside 'MIT OR Apache-2.0')."""
    return set(compat.members(expression)) <= set(compat.members_of(declared))


def declared_license_mismatch(context: Context) -> Iterator[Issue]:
    for found in file_mismatches(context):
        if found.answer.verdict == "no":
            weak = _weak_copyleft(found.expression)
            key = "declared-license-mismatch-weak" if weak else "declared-license-mismatch"
            yield Issue(found.path, context.say(key, **_params(context, found)), (found.expression,))
    by_manifest: dict[str, list[Mismatch]] = {}
    for found in manifest_mismatches(context):
        if found.answer.verdict == "no":
            by_manifest.setdefault(found.declaration.sources[0], []).append(found)
    for manifest, items in sorted(by_manifest.items()):
        listed = sorted({f"{m.path} ({m.expression})" for m in items})
        yield Issue(
            manifest,
            context.say(
                "manifest-mismatch",
                manifest=manifest,
                declared=say.declared(items[0].declaration.expressions),
                folder=folder_of(manifest) or ".",
                count=len(listed),
                files=say.files(context, listed),
                facts=_manifest_facts(context, [f for m in items for f in m.answer.facts]),
            ),
            tuple(sorted({m.expression for m in items})),
        )


@lru_cache(maxsize=1024)
def _weak_copyleft(expression: str) -> bool:
    """Every licence of the expression is a weak copyleft software licence (LGPL, MPL, EPL,
    CDDL): a library the work may link while it keeps its licence, not a file to relicense or
    replace. Not CERN-OHL-W (hardware) or the OFL (fonts), whose terms are not about linking."""
    entries = [compat.entry(member) for member in compat.members(expression)]
    return bool(entries) and all(
        entry is not None and entry.copyleft == "weak" and entry.kind == ("software",) for entry in entries
    )


def _manifest_facts(context: Context, facts: list[compat.Fact]) -> str:
    return context.say("manifest-facts", facts=say.facts(context, facts)) if facts else ""


def _params(context: Context, found: Mismatch) -> dict[str, object]:
    return {
        "path": found.path,
        "license": found.expression,
        "declared": say.declared(found.declaration.expressions),
        "source": ", ".join(found.declaration.sources),
        "facts": say.facts(context, found.answer.facts),
        "outbound": found.answer.outbound or "",
    }


# -- what a person must decide -------------------------------------------------------------


@lru_cache(maxsize=4096)
def _unknown(expression: str) -> bool:
    """Names a licence the knowledge base does not know: one question per file, not per pair."""
    return any(compat.entry(member) is None for member in compat.members(expression))


@dataclass
class _Asked:
    """What the component questions already asked, so the declared ones do not repeat it."""

    facts: set[tuple[str, str, str]] = field(default_factory=set)  # (path, inbound, outbound)
    unknown: set[tuple[str, str]] = field(default_factory=set)  # (path, expression)


def _component_reviews(context: Context, asked: _Asked) -> Iterator[Issue]:
    strangers: dict[tuple[str, str], tuple[tuple[str, ...], set[str]]] = {}
    for pair in component_pairs(context):
        if pair.answer.verdict not in REVIEW:
            continue
        sides = [(pair.first, pair.first_paths, pair.second), (pair.second, pair.second_paths, pair.first)]
        unknown = [side for side in sides if _unknown(side[0])]
        for expression, paths, other in unknown:
            strangers.setdefault((pair.component, expression), (paths, set()))[1].add(other)
        if not unknown:
            asked.facts.update((pair.path, f.inbound, f.outbound) for f in pair.answer.facts)
            params = _pair_params(context, pair)
            yield Issue(pair.path, context.say("compatibility-review", **params), (pair.first, pair.second))
    for (component, expression), (paths, others) in sorted(strangers.items()):
        others -= {expression}
        asked.unknown.update((path, expression) for path in paths)
        message = context.say(
            "review-unknown" if others else "review-unknown-alone",  # alone: its members together
            component=component,
            license=expression,
            files=say.files(context, paths),
            others=", ".join(sorted(others)),
        )
        yield Issue(paths[0], message, (expression,))


def compatibility_review(context: Context) -> Iterator[Issue]:
    """One question per thing to decide: a licence the knowledge base does not know is asked
    about once per component, and a declared-licence question already asked there is not repeated."""
    asked = _Asked()
    yield from _component_reviews(context, asked)
    for found in (*file_mismatches(context), *manifest_mismatches(context)):
        if found.answer.verdict not in REVIEW or (found.path, found.expression) in asked.unknown:
            continue
        facts = {(found.path, f.inbound, f.outbound) for f in found.answer.facts}
        if not (facts and facts <= asked.facts):
            message = context.say("review-declared", **_params(context, found))
            yield Issue(found.path, message, (found.expression,))


RULES = (
    Rule("incompatible-licenses", "error", SOURCES, incompatible_licenses),
    Rule("declared-license-mismatch", "warning", SOURCES, declared_license_mismatch),
    Rule("compatibility-review", "warning", SOURCES, compatibility_review),
)
