# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""License terms of an expression, and how the report names them.

A term is what a reader looks up: one license, or one license WITH its exception.

    >>> terms("(MIT OR Apache-2.0 WITH LLVM-exception) AND CC0-1.0")
    ('MIT', 'Apache-2.0 WITH LLVM-exception', 'CC0-1.0')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from licensecheck import expression, knowledge

_TOKEN = re.compile(r"[^\s()]+")
_JOINERS = frozenset({"and", "or"})


@lru_cache(maxsize=16384)
def terms(expression: str) -> tuple[str, ...]:
    found: list[str] = []
    tokens = _TOKEN.findall(expression)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.lower() in _JOINERS:
            continue
        if index + 1 < len(tokens) and tokens[index].lower() == "with":
            token = f"{token} WITH {tokens[index + 1]}"
            index += 2
        found.append(token)
    return tuple(dict.fromkeys(found))


def base(term: str) -> str:
    """The license of a term, without its exception."""
    return term.split(" WITH ", 1)[0]


@dataclass(frozen=True)
class Named:
    """A term with the knowledge base's name for it, in the report's language."""

    term: str
    name: str | None
    url: str | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.term})" if self.name and self.name != self.term else self.term


def named(term: str, lang: str) -> Named:
    entry = knowledge.license(base(term))
    if entry is None:
        return Named(term, None, None)
    name = entry.name_zh if lang == "zh" else entry.name
    if " WITH " in term:
        name = f"{name} + {term.split(' WITH ', 1)[1]}"
    return Named(term, name, entry.url if _is_web(entry.url) else _spdx_page(base(term)))


def _is_web(url: str | None) -> bool:
    return bool(url) and url.startswith(("https://", "http://"))


def _spdx_page(license_id: str) -> str | None:
    """The SPDX License List's page of a listed id: the link of a licence whose entry in the
    knowledge base names no page of its own (the GNU licences, most exceptions), so that every
    listed licence in the report links somewhere."""
    return f"https://spdx.org/licenses/{license_id}.html" if expression.is_spdx_license(license_id) else None
