# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""`conflicting-file-license`: two sources of licensing information for one file disagree.

Each source that states a file's licence is a claim: the SPDX header (its tags
together), a `.license` sidecar, each field embedded in a design file, a licence notice
in a file that is not documentation, a REUSE.toml `override` annotation. Sources that add
by design (REUSE.toml `aggregate`, dep5) are not claims, nor is a `closest` annotation,
which by design yields to what the file says. A field embedded in a design
file is also weighed against the license file of its folder when nothing else in or
beside the file speaks: design tools fill those fields by default (FreeCAD's "All rights
reserved"), so a stale field is the usual cause (NORMS.md §1.5, DOC-001, DOC-002).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from licensecheck import classify, compat, declarations, manifests
from licensecheck.model import Evidence, FileResult
from licensecheck.rules import Context, Issue, Rule, views
from licensecheck.rules import wording as say

SOURCES = (
    "https://reuse.software/spec-3.3/",
    "https://github.com/FreeCAD/FreeCAD/blob/main/src/App/License.h",
    "https://spdx.github.io/spdx-spec/v2.3/file-tags/",
)
WHOLE_FILE = ("header", "sidecar")  # all tags of one of these apply together
STATING = ("header", "sidecar", "embedded", "text-match", "reuse-toml")
ADDING_PRECEDENCE = "aggregate"


@dataclass(frozen=True)
class Claim:
    source: str
    detail: str
    expression: str
    line: int | None
    # A declaration by several files (LICENSES/ texts, LICENSE beside package.json): the files
    # and what they name, said as such; none of them says the whole `expression` (A OR B).
    files: tuple[str, ...] = ()
    named: tuple[str, ...] = ()


def claims(file: FileResult) -> list[Claim]:
    return _claims(_statements(file))


def _statements(file: FileResult) -> list[Evidence]:
    """The file's evidence that states its licence."""
    return [
        item
        for item in file.evidence
        if item.expression and item.source in STATING and not _not_a_statement(item, file)
    ]


def _claim_of(item: Evidence) -> tuple[str, str]:
    return (item.source, "") if item.source in WHOLE_FILE else (item.source, item.detail)


def _claims(statements: list[Evidence]) -> list[Claim]:
    grouped: dict[tuple[str, str], list[Evidence]] = {}
    for item in statements:
        grouped.setdefault(_claim_of(item), []).append(item)
    found = []
    for (source, detail), items in grouped.items():
        expression = " AND ".join(dict.fromkeys(_wrapped(i.expression or "") for i in items))
        found.append(Claim(source, detail or items[0].detail, expression, items[0].line))
    return found


def _not_a_statement(item: Evidence, file: FileResult) -> bool:
    if item.detail == "snippet":  # a snippet licenses part of the file
        return True
    # A README saying "this project is under MIT" describes the project, not itself.
    if item.source == "text-match" and file.category == "documentation":
        return True
    if item.source == "reuse-toml" and item.detail.endswith(ADDING_PRECEDENCE):
        return True
    # A component library's description copied into an Eagle design is the library's licence.
    library = item.detail.startswith("library ") and item.detail.endswith(" description")
    return library and not file.format.endswith("-lbr")


def _wrapped(expression: str) -> str:
    return f"({expression})" if " OR " in expression or " AND " in expression else expression


def _order(claim: Claim) -> tuple[int, str]:
    return (STATING.index(claim.source) if claim.source in STATING else len(STATING), claim.detail)


def conflicts(context: Context) -> Iterator[tuple[FileResult, list[Claim]]]:
    nearest = views.nearest_declaration(context)
    license_files = context.concluded.license_files
    for file in context.concluded.files:
        if file.path in license_files or file.path.endswith(".license"):
            continue
        statements = _statements(file)
        if _one_claim_alone(statements):
            continue
        found = _claims(statements)
        folder = _folder_claim(file, found, nearest)
        if folder is not None:
            found.append(folder)
        if len({_choices(c.expression) for c in found}) > 1:
            yield file, sorted(found, key=_order)


def _one_claim_alone(statements: list[Evidence]) -> bool:
    """No claim, or one that no folder claim is weighed against: nothing can disagree (most files)."""
    if not statements:
        return True
    if statements[0].source == "embedded":
        return False
    if len(statements) == 1:
        return True
    first = _claim_of(statements[0])
    return all(_claim_of(item) == first for item in statements[1:])


@lru_cache(maxsize=4096)
def _choices(expression: str) -> frozenset[tuple[str, ...]]:
    return frozenset(compat.options(expression))


def _folder_claim(file: FileResult, found: list[Claim], nearest: declarations.Nearest) -> Claim | None:
    """The folder's license file, as a claim against fields embedded in the design alone."""
    if not found or any(c.source != "embedded" for c in found):
        return None
    declaration = nearest.of_file(file)
    if declaration is None:
        return None
    declared = set(compat.members_of(declaration.expressions))
    if all(set(compat.members(c.expression)) <= declared for c in found):
        return None
    # Several declarations (the texts in LICENSES/, LICENSE-MIT beside LICENSE-APACHE) do not
    # make the folder's files under all of them: the file fits when it is under one (above).
    expression = " OR ".join(_wrapped(e) for e in declaration.expressions)
    files, named = declaration.sources, declaration.expressions
    if all(classify.is_readme(path) for path in files):  # the parts a README's section names
        return Claim("readme", files[0], expression, None)
    kinds = {manifests.is_manifest(path) for path in files}
    kind = "declared" if len(kinds) > 1 else "manifest" if kinds == {True} else "directory"
    if len(files) == 1 and len(named) == 1:
        return Claim(kind, files[0], expression, None)
    several = kind if len(files) == 1 else kind + "-files"
    return Claim(several, ", ".join(files), expression, None, files, named)


def conflicting_file_license(context: Context) -> Iterator[Issue]:
    for file, found in conflicts(context):
        listed = context.clauses(_claims_said(context, found))
        line = next((c.line for c in found if c.line is not None), None)
        yield Issue(
            file.path,
            context.say("conflicting-file-license", path=file.path, claims=listed),
            tuple(dict.fromkeys(c.expression for c in found)),
            line,
        )


def _claims_said(context: Context, found: list[Claim]) -> Iterator[str]:
    """One clause per expression, naming every source that says it ("the SPDX header and the
    .license sidecar say MIT"), where each source had a clause of its own."""
    by_expression: dict[str, list[Claim]] = {}
    for claim in found:
        by_expression.setdefault(claim.expression, []).append(claim)
    for expression, claims in by_expression.items():
        if len(claims) == 1 and claims[0].named:
            claim = claims[0]
            files = context.say(f"claim-source.{claim.source}", detail=say.listed(context, claim.files))
            key = "claim-named" if len(claim.files) == 1 else "claims-named"
            yield context.say(key, sources=files, expressions=say.listed(context, claim.named))
            continue
        sources = [context.say(f"claim-source.{c.source}", detail=c.detail) for c in claims]
        if len(claims) == 1:
            yield context.say("claim", source=sources[0], expression=expression)
        else:
            yield context.say("claims", sources=say.listed(context, sources), expression=expression)


RULES = (Rule("conflicting-file-license", "warning", SOURCES, conflicting_file_license),)
