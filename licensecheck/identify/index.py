# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The candidate index: word-trigram shingles of every license text, built once, cached on disk.

Each *rule* is one text that proves an expression: a full license text, a
standard license header or an exception text. A rule is kept as the sorted set
of its word-trigram shingles (word ids packed into one int). Candidate lookup
uses an inverted index over a few of each rule's rarest shingles, spread
along the text; confirmation (match.py) compares the full shingle sets.

The index is cached per data version in ``$LICENSECHECK_CACHE_DIR`` or
``$XDG_CACHE_HOME/licensecheck`` (default ``~/.cache/licensecheck``), written
atomically (temporary file + ``os.replace``) and rebuilt when unreadable. The file is
the marshalled tables, then the shingle arrays as raw machine words, which the loaded
index views in the bytes read instead of unmarshalling and copying them (5 MB: a third
of loading the index). Not mapped into memory: a file that another host replaces on a
network file system would kill the process on the next page it reads (SIGBUS).
"""

from __future__ import annotations

import hashlib
import marshal
import struct
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from licensecheck import atomic
from licensecheck.atomic import cache_dir
from licensecheck.model import collector_paused

from . import data

FORMAT = 10  # bump when the layout or the normalization changes
SHINGLE = 3
_BITS = 21  # word ids < 2**21; three of them fit in one 63-bit int


@dataclass
class Rule:
    expression: str
    kind: str  # "text", "header" or "exception"
    words: int


@dataclass
class Index:
    version: str
    vocab: dict[str, int]
    rules: list[Rule]
    # Arrays of unsigned 64-bit ints (array("Q"), or a memoryview of the cache file's words).
    offsets: Sequence[int]  # rule i's shingles are shingles[offsets[i]:offsets[i + 1]]
    shingles: Sequence[int]
    distinct_offsets: Sequence[int]  # the same for the shingles no other license has
    distinct: Sequence[int]
    # The same for those of the distinct shingles that lie in a name the license's template
    # lets a file replace (ISC's "ISC DISCLAIMS"): required only where a text holds them.
    replaceable_offsets: Sequence[int]
    replaceable: Sequence[int]
    postings: dict[int, tuple[int, ...]]
    probes: list[int]  # how many postings each rule has
    license_names: dict[str, str]  # current SPDX licenses: id -> name
    exception_ids: list[str]
    license_ids: list[str]
    _sets: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)
    _distinct_sets: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)
    _replaceable_sets: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)
    _names: dict[str, str] | None = field(default=None, repr=False)

    @property
    def names(self) -> dict[str, str]:
        """Name key -> expression (names.py), made from the names at first use and cached apart
        from the index, keyed by the names and names.py's code: a change to the aliases
        rebuilds this table only."""
        if self._names is None:
            from licensecheck import tomlcache

            from . import names, normalize

            listed = hashlib.sha256(repr(sorted(self.license_names.items())).encode()).hexdigest()[:16]
            code = "|".join(tomlcache.code_digest(module.__file__) for module in (names, normalize))
            self._names = tomlcache.derived(
                "identify-names", f"{listed}|{code}", lambda: names.build_table(self.license_names)
            )
        return self._names

    def rule_set(self, rule: int) -> frozenset[int]:
        return _cached_slice(self._sets, self.offsets, self.shingles, rule)

    def distinct_set(self, rule: int) -> frozenset[int]:
        """The rule's shingles that no other license shares (its name, its own clauses)."""
        return _cached_slice(self._distinct_sets, self.distinct_offsets, self.distinct, rule)

    def replaceable_set(self, rule: int) -> frozenset[int]:
        """Of `distinct_set`, the shingles of a name the template lets a file replace."""
        return _cached_slice(self._replaceable_sets, self.replaceable_offsets, self.replaceable, rule)

    def ids(self, words: list[str]) -> list[int]:
        return list(map(self.vocab.get, words, repeat(0)))


def _cached_slice(
    cache: dict[int, frozenset[int]], offsets: Sequence[int], flat: Sequence[int], rule: int
) -> frozenset[int]:
    """Rule `rule`'s part of an offsets/flat array pair, as a set made once."""
    found = cache.get(rule)
    if found is None:
        found = cache[rule] = frozenset(flat[offsets[rule] : offsets[rule + 1]])
    return found


def shingles(ids: list[int]) -> list[int]:
    """Packed word trigrams; a trigram with an unknown word (id 0) matches nothing."""
    return [(a << (2 * _BITS)) | (b << _BITS) | c for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)]


# ---- cache -------------------------------------------------------------------------------


def cache_path(key: str) -> Path:
    tag = f"{key}|format {FORMAT}|python {sys.version_info[:2]}|{sys.byteorder}"
    digest = hashlib.sha256(tag.encode()).hexdigest()[:16]
    return cache_dir() / f"identify-index-{digest}.marshal"


_ARRAYS = ("offsets", "shingles", "distinct_offsets", "distinct", "replaceable_offsets", "replaceable")
_WORD = 8  # bytes of an array("Q") item
_HEAD = struct.Struct("<Q")  # the length of the marshalled tables


def _to_file(index: Index, key: str) -> list[bytes]:
    """The cache file's pieces: head, tables, padding to a word, each array's words."""
    arrays = [array("Q", getattr(index, name)).tobytes() for name in _ARRAYS]
    tables = marshal.dumps(
        {
            "key": key,
            "version": index.version,
            "format": FORMAT,
            "vocab": index.vocab,
            "rules": [(r.expression, r.kind, r.words) for r in index.rules],
            "lengths": [len(words) // _WORD for words in arrays],
            "postings": index.postings,
            "probes": index.probes,
            "license_names": index.license_names,
            "exception_ids": index.exception_ids,
            "license_ids": index.license_ids,
        }
    )
    padding = b"\0" * (-(_HEAD.size + len(tables)) % _WORD)
    return [_HEAD.pack(len(tables)), tables, padding, *arrays]


def _from_file(view: memoryview, key: str) -> Index:
    (size,) = _HEAD.unpack_from(view)
    payload = marshal.loads(view[_HEAD.size : _HEAD.size + size])
    if payload.get("key") != key or payload.get("format") != FORMAT:
        raise ValueError("stale index")
    arrays = {}
    start = _HEAD.size + size + (-(_HEAD.size + size) % _WORD)
    for name, length in zip(_ARRAYS, payload["lengths"], strict=True):
        arrays[name] = view[start : start + length * _WORD].cast("Q")
        start += length * _WORD
    rules = [Rule(e, k, w) for e, k, w in payload["rules"]]
    for offsets, flat in (
        ("offsets", "shingles"),
        ("distinct_offsets", "distinct"),
        ("replaceable_offsets", "replaceable"),
    ):
        if len(arrays[offsets]) != len(rules) + 1 or arrays[offsets][-1] != len(arrays[flat]):
            raise ValueError("inconsistent index")
    if start != len(view):
        raise ValueError("truncated index")
    return Index(
        version=payload["version"],
        vocab=payload["vocab"],
        rules=rules,
        offsets=arrays["offsets"],
        shingles=arrays["shingles"],
        distinct_offsets=arrays["distinct_offsets"],
        distinct=arrays["distinct"],
        replaceable_offsets=arrays["replaceable_offsets"],
        replaceable=arrays["replaceable"],
        postings=payload["postings"],
        probes=payload["probes"],
        license_names=payload["license_names"],
        exception_ids=payload["exception_ids"],
        license_ids=payload["license_ids"],
    )


def load_cached(key: str) -> Index | None:
    """The cached index for this data key, or None when absent, stale or unreadable."""
    try:
        path = cache_path(key)
        data = path.read_bytes()  # marshal.load of the file reads in small pieces: 4 times slower
        with collector_paused():  # a hundred thousand tuples: see atomic.read_stamped
            index = _from_file(memoryview(data), key)
        atomic.mark_used(path)
        return index
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError, struct.error):
        return None  # AttributeError: tables that are not a dict


def save(index: Index, key: str) -> Path | None:
    """Write the index atomically; concurrent writers each replace the file with a whole one."""
    target = cache_path(key)
    return target if atomic.write_cache(target, _to_file(index, key)) else None


def get_index() -> Index:
    """The cached index for the installed data, built (and cached) when missing or corrupt."""
    key = data.data_key()
    index = load_cached(key)
    if index is None:
        from .build import build

        index = build(data.load())
        save(index, key)
    return index
