# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The license knowledge base: facts, aliases and compatibility, read from ``licenses/*.toml``.

The data is ours and every fact names its source (``licenses/sources.toml``); this
module only reads, checks and answers. It is loaded once per process::

    >>> license("cc-by-nc-4.0").non_commercial
    True
    >>> alias("Creative Commons Attribution-ShareAlike 4.0")
    ('CC-BY-SA-4.0', False)
    >>> alias("GPLv3")                       # only or later? the caller should ask
    ('GPL-3.0-only', True)
    >>> compatible("Apache-2.0", "GPL-2.0-only").verdict
    'no'

``compatible`` answers: can material under *inbound* be part of a work distributed
as a whole under *outbound*? Explicit pair facts win, then the class rules of
``compatibility.toml`` in file order (its header documents the order).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from licensecheck import tomlcache
from licensecheck.resources import data_path

VERDICTS = ("yes", "no", "depends", "unknown")
COPYLEFT = ("none", "weak", "strong", "network")
KINDS = ("software", "hardware", "documentation", "content", "data")
JUDGEMENT = "J"
_FLAGS = ("non_commercial", "no_derivatives", "deprecated", "is_exception")
_REQUIRED = {
    "id": str,
    "name": str,
    "name_zh": str,
    "kind": (list, str),
    "copyleft": str,
    "osi": bool,
    "fsf_libre": bool,
    "oshwa": bool,
    "obligations": list,
    "sources": list,
}
_OPTIONAL = {
    "url": str,
    "note": str,
    "replacement": str,
    "aliases": list,
    "used_with": list,
    "open_release": str,
    "open_release_url": str,
    **{flag: bool for flag in _FLAGS},
}
_FILES = ("sources.toml", "obligations.toml", "aliases.toml", "compatibility.toml")
_PREDICATES = {
    "ids": list,
    "copyleft": list,
    "kind": list,
    "non_commercial": bool,
    "no_derivatives": bool,
    "is_exception": bool,
    "open": bool,
}
_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_LEADING_THE = re.compile(r"^the\s+")
_VERSION_WORD = re.compile(r"\bversion\b")
_NOT_KEPT = re.compile(r"[^\w+]|_")  # \w is str.isalnum() and "_"
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|[\w-]+(?:\.[\w-]+)+/)", re.IGNORECASE)
_URL_TAIL = re.compile(
    r"(?:/(?:legalcode|deed)(?:\.[\w-]+)?|/index\.\w+|(?:\.[a-z]{2}(?:[-_][a-z]{2,4})?)?"
    r"\.(?:html?|txt|php|md|pdf))$"
)


class KnowledgeError(ValueError):
    """The knowledge-base files are malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str | None


@dataclass(frozen=True)
class Obligation:
    key: str
    en: str
    zh: str


@dataclass(frozen=True)
class License:
    id: str
    name: str
    name_zh: str
    kind: tuple[str, ...]
    copyleft: str
    osi: bool
    fsf_libre: bool
    oshwa: bool
    non_commercial: bool
    no_derivatives: bool
    deprecated: bool
    replacement: str | None
    is_exception: bool
    obligations: tuple[str, ...]
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    url: str | None = None
    note: str = ""
    used_with: tuple[str, ...] = ()
    # An open licence its holder has since released the same code under, and where.
    open_release: str | None = None
    open_release_url: str | None = None

    @property
    def is_open(self) -> bool:
        """Neither NC nor ND, and OSI-approved, FSF-free or meeting the OSHW Definition."""
        return not (self.non_commercial or self.no_derivatives) and (self.osi or self.fsf_libre or self.oshwa)


@dataclass(frozen=True)
class Compatibility:
    """A verdict (yes / no / depends / unknown) with its condition, sources and deciding rule."""

    verdict: str
    condition: str
    condition_zh: str
    sources: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class _Rule:
    name: str
    same: bool
    inbound: dict[str, Any]
    outbound: dict[str, Any]
    result: Compatibility

    def matches(self, inbound: License, outbound: License) -> bool:
        if self.same and inbound.id != outbound.id:
            return False
        return _holds(self.inbound, inbound) and _holds(self.outbound, outbound)


def _holds(predicate: dict[str, Any], entry: License) -> bool:
    for key, wanted in predicate.items():
        if key == "ids":
            found = entry.id in wanted
        elif key == "kind":
            found = bool(set(wanted) & set(entry.kind))
        elif key == "copyleft":
            found = entry.copyleft in wanted
        else:  # the booleans: non_commercial, no_derivatives, is_exception, open
            found = (entry.is_open if key == "open" else getattr(entry, key)) == wanted
        if not found:
            return False
    return True


def normalize_name(text: str) -> str:
    """Alias key of a name: case, spaces and punctuation ignored; "version" = "v"; "licence" = "license"."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip().replace("licence", "license")
    folded = _VERSION_WORD.sub("v", _LEADING_THE.sub("", folded))
    # What str.isalnum() accepts, and "+": the knowledge base has 1,600 names to key at start-up.
    return _NOT_KEPT.sub("", folded)


def normalize_url(text: str) -> str:
    """Alias key of a URL: no scheme, "www.", query, trailing slash, legalcode/deed page or extension."""
    url = _SCHEME.sub("", unicodedata.normalize("NFKC", text).strip().lower()).removeprefix("www.")
    url = re.split(r"[?#]", url, maxsplit=1)[0].rstrip("/")
    return _URL_TAIL.sub("", url).rstrip("/")


def alias_key(text: str) -> str:
    return normalize_url(text) if _URL_LIKE.match(text.strip()) else normalize_name(text)


class KnowledgeBase:
    """The facts of one ``licenses/`` folder; use the module functions for the installed one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files = sorted([folder / name for name in _FILES] + list(folder.glob("licenses-*.toml")))
        contents = {path.name: _read_bytes(path) for path in self.files}
        data = tomlcache.parsed("knowledge", contents, _parse)
        self.sources = _load_sources(data["sources.toml"])
        fields = data["sources.toml"].get("field_sources", {})
        self.field_sources = {field: tuple(keys) for field, keys in fields.items()}
        self.obligation_texts = _load_obligations(data["obligations.toml"])
        self.licenses: dict[str, License] = {}
        self._by_lower: dict[str, str] = {}
        for name in sorted(data):
            for raw in data[name].get("license", []) if name.startswith("licenses-") else ():
                entry = self._license(name, raw)
                if entry.id.lower() in self._by_lower:
                    raise KnowledgeError(f"{name}: license {entry.id!r} is defined twice")
                self.licenses[entry.id], self._by_lower[entry.id.lower()] = entry, entry.id
        self._check_references()
        self.version = tomlcache.digest(contents)[:16]
        # Built from the data alone, so kept: keying 1,600 names takes a tenth of a small scan.
        self.aliases = tomlcache.derived(
            "knowledge-aliases",
            f"{self.version}|{tomlcache.code_digest(__file__)}",
            lambda: self._alias_table(data.get("aliases.toml", {})),
        )
        compat = data.get("compatibility.toml", {})
        self.pairs = self._load_pairs(compat.get("pair", []))
        self.rules = tuple(self._rule(raw) for raw in compat.get("rule", []))

    # -- loading and validation -------------------------------------------------------

    def _license(self, file: str, raw: dict[str, Any]) -> License:
        where = f"{file}: license {raw.get('id', '?')!r}"
        _check_fields(where, raw, _REQUIRED, _OPTIONAL)
        kind = (raw["kind"],) if isinstance(raw["kind"], str) else tuple(raw["kind"])
        _check_choice(where, "copyleft", raw["copyleft"], COPYLEFT)
        for item in kind:
            _check_choice(where, "kind", item, KINDS)
        for key in raw["obligations"]:
            _check_choice(where, "obligations", key, tuple(self.obligation_texts))
        self._check_sources(where, raw["sources"], raw.get("note", ""))
        if not kind:
            raise KnowledgeError(f"{where}: 'kind' must name at least one of {', '.join(KINDS)}")
        if raw.get("replacement") and not raw.get("deprecated"):
            raise KnowledgeError(f"{where}: 'replacement' is only for deprecated entries")
        if bool(raw.get("open_release")) != bool(raw.get("open_release_url")):
            raise KnowledgeError(f"{where}: 'open_release' and 'open_release_url' go together")
        return License(
            id=raw["id"],
            name=raw["name"],
            name_zh=raw["name_zh"],
            kind=kind,
            copyleft=raw["copyleft"],
            osi=raw["osi"],
            fsf_libre=raw["fsf_libre"],
            oshwa=raw["oshwa"],
            non_commercial=raw.get("non_commercial", False),
            no_derivatives=raw.get("no_derivatives", False),
            deprecated=raw.get("deprecated", False),
            replacement=raw.get("replacement"),
            is_exception=raw.get("is_exception", False),
            obligations=tuple(raw["obligations"]),
            aliases=tuple(raw.get("aliases", ())),
            sources=tuple(raw["sources"]),
            url=raw.get("url"),
            note=raw.get("note", ""),
            used_with=tuple(raw.get("used_with", ())),
            open_release=raw.get("open_release"),
            open_release_url=raw.get("open_release_url"),
        )

    def _check_sources(self, where: str, keys: list[str], note: str) -> None:
        if not keys:
            raise KnowledgeError(f"{where}: 'sources' must name at least one source")
        for key in keys:
            if key not in self.sources:
                raise KnowledgeError(f"{where}: unknown source {key!r} (not in sources.toml)")
        if JUDGEMENT in keys and not note.strip():
            raise KnowledgeError(f"{where}: cites judgement 'J' but has no 'note' saying why")

    def _check_references(self) -> None:
        for entry in self.licenses.values():
            where = f"license {entry.id!r}"
            if entry.replacement:
                self._check_expression(where, entry.replacement)
            for other in entry.used_with:
                self._check_expression(where, other)
            if entry.open_release:
                self._check_expression(where, entry.open_release)

    def _check_expression(self, where: str, expression: str) -> None:
        for token in re.split(r"[\s()]+", expression):
            if token and token.upper() not in ("AND", "OR", "WITH") and token.lower() not in self._by_lower:
                raise KnowledgeError(f"{where}: {token!r} in {expression!r} is not in the knowledge base")

    def _alias_table(self, data: dict[str, Any]) -> dict[str, tuple[str, bool]]:
        table: dict[str, tuple[str, bool]] = {}
        origin: dict[str, str] = {}
        weak_keys: set[str] = set()

        def add(text: str, target: tuple[str, bool], where: str, weak: bool = False) -> None:
            # A deprecated entry's own name is weak: it yields to any other meaning.
            key = alias_key(text)
            if not key:
                raise KnowledgeError(f"{where}: alias {text!r} is empty once normalized")
            if key in table and table[key] != target and key not in weak_keys:
                if weak:
                    return
                raise KnowledgeError(
                    f"{where}: alias {text!r} (key {key!r}) already means "
                    f"{table[key][0]!r} (from {origin[key]})"
                )
            if key not in table or key in weak_keys:
                table[key], origin[key] = target, where
                weak_keys.discard(key)
                if weak:
                    weak_keys.add(key)

        current = sorted(self.licenses.values(), key=lambda entry: entry.deprecated)
        for entry in current:
            add(entry.id, (entry.id, False), f"license {entry.id!r}")
        for entry in current:
            weak = entry.deprecated or entry.is_exception
            for text in (entry.name, entry.name_zh, *([entry.url] if entry.url else [])):
                add(text, (entry.id, False), f"license {entry.id!r}", weak)
            for text in _standard_urls(entry):
                add(text, (entry.id, False), f"license {entry.id!r}", weak=True)
            for text in entry.aliases:
                add(text, (entry.id, False), f"license {entry.id!r}")
        for index, raw in enumerate(data.get("alias", [])):
            where = f"aliases.toml: alias #{index + 1}"
            _check_fields(
                where,
                raw,
                {"texts": list, "expression": str, "ambiguous": bool, "sources": list},
                {"note": str},
            )
            self._check_expression(where, raw["expression"])
            self._check_sources(where, raw["sources"], raw.get("note", ""))
            if raw["ambiguous"] and not raw.get("note", "").strip():
                raise KnowledgeError(f"{where}: an ambiguous alias needs a 'note' for the caller to show")
            for text in raw["texts"]:
                add(text, (raw["expression"], raw["ambiguous"]), where)
        return table

    def _result(self, where: str, raw: dict[str, Any], rule: str) -> Compatibility:
        _check_choice(where, "verdict", raw["verdict"], VERDICTS)
        self._check_sources(where, raw["sources"], raw.get("condition", ""))
        explained = raw.get("condition") and raw.get("condition_zh")
        if raw["verdict"] in ("depends", "unknown") and not explained:
            raise KnowledgeError(f"{where}: verdict {raw['verdict']!r} needs 'condition' and 'condition_zh'")
        return Compatibility(
            raw["verdict"], raw.get("condition", ""), raw.get("condition_zh", ""), tuple(raw["sources"]), rule
        )

    def _load_pairs(self, raws: list[dict[str, Any]]) -> dict[tuple[str, str], Compatibility]:
        pairs: dict[tuple[str, str], Compatibility] = {}
        for index, raw in enumerate(raws):
            where = f"compatibility.toml: pair #{index + 1}"
            _check_fields(
                where,
                raw,
                {"inbound": (str, list), "outbound": (str, list), "verdict": str, "sources": list},
                {"condition": str, "condition_zh": str, "note": str},
            )
            result = self._result(where, raw, "pair")
            inbound, outbound = _as_list(raw["inbound"]), _as_list(raw["outbound"])
            for side in (*inbound, *outbound):
                if side != "*":
                    self._check_expression(where, side)
            for a in inbound:
                for b in outbound:
                    if (a, b) in pairs:
                        raise KnowledgeError(f"{where}: pair {a} -> {b} is already stated")
                    pairs[(a, b)] = result
        return pairs

    def _rule(self, raw: dict[str, Any]) -> _Rule:
        where = f"compatibility.toml: rule {raw.get('name', '?')!r}"
        optional = {"same": bool, "inbound": dict, "outbound": dict, "condition": str, "condition_zh": str}
        _check_fields(where, raw, {"name": str, "verdict": str, "sources": list}, optional)
        for side in ("inbound", "outbound"):
            _check_fields(f"{where} {side}", raw.get(side, {}), {}, _PREDICATES)
            for other in raw.get(side, {}).get("ids", []):
                self._check_expression(where, other)
        return _Rule(
            raw["name"],
            raw.get("same", False),
            raw.get("inbound", {}),
            raw.get("outbound", {}),
            self._result(where, raw, raw["name"]),
        )

    # -- answers ------------------------------------------------------------------------

    def license(self, license_id: str) -> License | None:
        key = self._by_lower.get(license_id.strip().lower())
        return self.licenses[key] if key else None

    def alias(self, text: str) -> tuple[str, bool] | None:
        if not text or not text.strip():
            return None
        exact = self._by_lower.get(text.strip().lower())
        return (exact, False) if exact else self.aliases.get(alias_key(text))

    def obligations(self, license_id: str) -> list[Obligation]:
        entry = self.license(license_id)
        return [self.obligation_texts[key] for key in entry.obligations] if entry else []

    def canonical(self, expression: str) -> str:
        """Canonical ids for ``ID`` or ``ID WITH EXCEPTION``, deprecated ids replaced."""
        resolved = []
        for part in _WITH.split(expression.strip(), maxsplit=1):
            entry = self.license(part)
            if entry is None:
                resolved.append(part.strip())
            else:
                resolved.append(self.canonical(entry.replacement) if entry.replacement else entry.id)
        return " WITH ".join(resolved)

    def compatible(self, inbound: str, outbound: str) -> Compatibility:
        a, b = self.canonical(inbound), self.canonical(outbound)
        same = next((rule for rule in self.rules if rule.same), None)
        if a == b and same is not None:
            return same.result
        for key in ((a, b), (a, "*"), ("*", b)):
            if key in self.pairs:
                return self.pairs[key]
        if _WITH.search(a):
            return self._with_inbound(a, b)
        if _WITH.search(b):
            return self._with_outbound(a, b)
        first, second = self.licenses.get(a), self.licenses.get(b)
        if first is None or second is None:
            missing = a if first is None else b
            return Compatibility(
                "unknown",
                f"{missing} is not in the knowledge base",
                f"知识库中没有 {missing}",
                (),
                "not-in-knowledge-base",
            )
        for rule in self.rules:
            if rule.matches(first, second):
                return rule.result
        return Compatibility("unknown", "no fact or rule decides this pair", "没有适用的事实或规则", (), "")

    def _with_inbound(self, inbound: str, outbound: str) -> Compatibility:
        # An exception only adds permissions, mostly about linking or generated output,
        # not about relicensing: the licence's verdict stands unless a pair fact says
        # otherwise (Apache-2.0 WITH LLVM-exception, the KiCad libraries exception).
        base, exception = _WITH.split(inbound, maxsplit=1)
        result = self.compatible(base, outbound)
        note = f"(decided as {base}; {exception} does not change this)"
        return Compatibility(
            result.verdict,
            f"{result.condition} {note}".lstrip(),
            f"{result.condition_zh}（按 {base} 判断，{exception} 不改变此结论）",
            result.sources,
            result.rule,
        )

    def _with_outbound(self, inbound: str, outbound: str) -> Compatibility:
        # The whole is offered with an extra permission; copyleft material whose holders
        # did not grant it cannot simply be passed on with it.
        base, exception = _WITH.split(outbound, maxsplit=1)
        result = self.compatible(inbound, base)
        entry = self.licenses.get(inbound)
        if result.verdict == "yes" and entry is not None and entry.copyleft != "none":
            return Compatibility(
                "depends",
                f"{inbound} material does not come with {exception}; it stays {inbound} only",
                f"{inbound} 的材料未附带 {exception}，须仅按 {inbound} 提供",
                result.sources,
                "exception-on-outbound",
            )
        return result


def _standard_urls(entry: License) -> list[str]:
    # The SPDX page of every listed id, and OSI's older pages, which were named by SPDX id.
    if entry.id.startswith("LicenseRef-"):
        return []
    urls = [f"https://spdx.org/licenses/{entry.id}.html"]
    if entry.osi and not entry.deprecated:
        urls.append(f"https://opensource.org/licenses/{entry.id}")
    return urls


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise KnowledgeError(f"{path.name}: missing from the knowledge base folder {path.parent}")
    return path.read_bytes()


def _parse(name: str, content: bytes) -> dict[str, Any]:
    try:
        return tomlcache.parse(name, content)
    except ValueError as error:
        raise KnowledgeError(str(error)) from error


def _load_sources(data: dict[str, Any]) -> dict[str, Source]:
    sources = {}
    for key, raw in data.get("source", {}).items():
        _check_fields(f"sources.toml: source {key!r}", raw, {"title": str}, {"url": str})
        sources[key] = Source(key, raw["title"], raw.get("url"))
    if JUDGEMENT not in sources:
        raise KnowledgeError("sources.toml: the judgement source 'J' is missing")
    return sources


def _load_obligations(data: dict[str, Any]) -> dict[str, Obligation]:
    texts = {}
    for key, raw in data.get("obligation", {}).items():
        _check_fields(f"obligations.toml: {key!r}", raw, {"en": str, "zh": str}, {})
        texts[key] = Obligation(key, raw["en"], raw["zh"])
    return texts


def _check_fields(where: str, raw: Any, required: dict[str, Any], optional: dict[str, Any]) -> None:
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: expected a table, got {type(raw).__name__}")
    for key in required:
        if key not in raw:
            raise KnowledgeError(f"{where}: missing field {key!r}")
    for key, value in raw.items():
        kind = required.get(key, optional.get(key))
        if kind is None:
            raise KnowledgeError(f"{where}: unknown field {key!r}")
        if not isinstance(value, kind):
            raise KnowledgeError(f"{where}: field {key!r} has the wrong type ({type(value).__name__})")


def _check_choice(where: str, field: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise KnowledgeError(f"{where}: {field} {value!r} is not one of {', '.join(choices)}")


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


# -- the installed knowledge base --------------------------------------------------------


@cache
def default() -> KnowledgeBase:
    return KnowledgeBase(data_path("licenses"))


@lru_cache(maxsize=8192)
def license(license_id: str) -> License | None:
    """The entry for an SPDX id or LicenseRef (any case), or None."""
    return default().license(license_id)


def grants_nothing(license_id: str) -> bool:
    """Whether the entry is a notice that grants no licence ("All rights reserved", "for study
    use only"): it has no licence text a project could add."""
    entry = license(license_id)
    return entry is not None and "no-license-granted" in entry.obligations


def all_licenses() -> dict[str, License]:
    return dict(default().licenses)


def alias(text: str) -> tuple[str, bool] | None:
    """(SPDX expression, ambiguous) for a licence id, name or URL; None when unknown."""
    return default().alias(text)


def compatible(inbound: str, outbound: str) -> Compatibility:
    """Can material under ``inbound`` be part of a work distributed under ``outbound``?"""
    return default().compatible(inbound, outbound)


def obligations(license_id: str) -> list[Obligation]:
    return default().obligations(license_id)


def source(key: str) -> Source | None:
    """Title and URL of a source key that a licence, fact or rule cites."""
    return default().sources.get(key)


def data_version() -> str:
    """A hash of the knowledge-base files, for reports and caches."""
    return default().version
