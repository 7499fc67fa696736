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
atomically (temporary file + ``os.replace``) and rebuilt when unreadable.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import data, names
from .normalize import CJK_CHAR, EQUIVALENT_WORDS, words_of

FORMAT = 3  # bump when the layout or the normalization changes
SHINGLE = 3
PROBES_PER_RULE = 40
_BITS = 21  # word ids < 2**21; three of them fit in one 63-bit int
MIN_RULE_WORDS = 8
# Licenses whose "-only" and "-or-later" texts are the same; the text alone is "-only".
GNU_FAMILY = re.compile(r"^(?:A|L)?GPL-|^GFDL-|^LGPLLR")


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
    offsets: array  # rule i's shingles are shingles[offsets[i]:offsets[i + 1]]
    shingles: array
    postings: dict[int, tuple[int, ...]]
    probes: list[int]  # how many postings each rule has
    names: dict[str, str]
    exception_ids: list[str]
    license_ids: list[str]
    _sets: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)

    def rule_set(self, rule: int) -> frozenset[int]:
        found = self._sets.get(rule)
        if found is None:
            found = frozenset(self.shingles[self.offsets[rule] : self.offsets[rule + 1]])
            self._sets[rule] = found
        return found

    def ids(self, words: list[str]) -> list[int]:
        get = self.vocab.get
        return [get(w, 0) for w in words]


def shingles(ids: list[int]) -> list[int]:
    """Packed word trigrams; a trigram with an unknown word (id 0) matches nothing."""
    return [(a << (2 * _BITS)) | (b << _BITS) | c for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)]


def _script_parts(text: str, words: list[str]) -> list[list[str]]:
    """A bilingual text (Chinese + English) also yields each language alone."""
    if not CJK_CHAR.search(text):
        return []
    cjk = [w for w in words if CJK_CHAR.fullmatch(w)]
    latin = [w for w in words if not CJK_CHAR.fullmatch(w)]
    if min(len(cjk), len(latin)) >= max(30, len(words) // 5):
        return [cjk, latin]
    return []


def _prefer(candidate: str, current: str) -> bool:
    """Of two licenses with the same text, keep "-only" over "-or-later", then the shorter id."""
    return (candidate.endswith("-or-later"), len(candidate), candidate) < (
        current.endswith("-or-later"),
        len(current),
        current,
    )


def _texts(corpus: data.Corpus) -> list[tuple[str, str, list[str]]]:
    sources = [(i, "text", t) for i, t in corpus.licenses.items() if i not in corpus.deprecated]
    # GNU headers are templates of "version N or later" notices: notices.py reads those.
    sources += [
        (i, "header", t)
        for i, t in corpus.headers.items()
        if i not in corpus.deprecated and not GNU_FAMILY.match(i)
    ]
    sources += [(i, "exception", t) for i, t in corpus.exceptions.items()]
    texts: list[tuple[str, str, list[str]]] = []
    for spdx_id, kind, text in sources:
        words = words_of(text)
        texts.append((spdx_id, kind, words))
        texts.extend((spdx_id, kind, part) for part in _script_parts(text, words))
    return texts


def _vocabulary() -> dict[str, int]:
    """Word ids; both spellings of an equivalent pair share one."""
    vocab: dict[str, int] = {}
    for variant, canonical in EQUIVALENT_WORDS.items():
        vocab[variant] = vocab.setdefault(canonical, len(vocab) + 1)
    return vocab


def build(corpus: data.Corpus) -> Index:
    vocab = _vocabulary()
    unique: dict[tuple[int, ...], tuple[str, str]] = {}
    add = vocab.setdefault
    for spdx_id, kind, words in _texts(corpus):
        if len(words) < MIN_RULE_WORDS:
            continue
        key = tuple([vocab.get(w) or add(w, len(vocab) + 1) for w in words])
        held = unique.get(key)
        if held is None or (held[1] == kind and _prefer(spdx_id, held[0])):
            unique[key] = (spdx_id, kind)
    rules: list[Rule] = []
    sets: list[list[int]] = []
    for key, (spdx_id, kind) in unique.items():
        rules.append(Rule(spdx_id, kind, len(key)))
        sets.append(sorted(set(shingles(list(key)))))
    frequency = dict(Counter(s for rule_shingles in sets for s in rule_shingles))
    postings: dict[int, list[int]] = {}
    probes: list[int] = []
    offsets = array("Q", [0])
    flat = array("Q")
    for number, rule_shingles in enumerate(sets):
        flat.extend(rule_shingles)
        offsets.append(len(flat))
        chosen = _probes(rule_shingles, frequency)
        probes.append(len(chosen))
        for s in chosen:
            postings.setdefault(s, []).append(number)
    return Index(
        version=corpus.version,
        vocab=vocab,
        rules=rules,
        offsets=offsets,
        shingles=flat,
        postings={s: tuple(r) for s, r in postings.items()},
        probes=probes,
        names=names.build_table(corpus),
        exception_ids=sorted(corpus.exception_names),
        license_ids=sorted(set(corpus.names) - corpus.deprecated),
    )


def _probes(rule_shingles: list[int], frequency: dict[int, int]) -> list[int]:
    """The rarest shingle of each of PROBES_PER_RULE stretches of the rule (set order is sorted
    by value, which scatters positions; that is enough spread for a lookup)."""
    step = max(1, -(-len(rule_shingles) // PROBES_PER_RULE))
    rarity = frequency.__getitem__
    return [min(rule_shingles[i : i + step], key=rarity) for i in range(0, len(rule_shingles), step)]


# ---- cache -------------------------------------------------------------------------------


def cache_dir() -> Path:
    explicit = os.environ.get("LICENSECHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "licensecheck"


def cache_path(key: str) -> Path:
    tag = f"{key}|format {FORMAT}|python {sys.version_info[:2]}"
    digest = hashlib.sha256(tag.encode()).hexdigest()[:16]
    return cache_dir() / f"identify-index-{digest}.marshal"


def _to_payload(index: Index, key: str) -> dict:
    return {
        "key": key,
        "version": index.version,
        "format": FORMAT,
        "vocab": index.vocab,
        "rules": [(r.expression, r.kind, r.words) for r in index.rules],
        "offsets": index.offsets.tobytes(),
        "shingles": index.shingles.tobytes(),
        "postings": index.postings,
        "probes": index.probes,
        "names": index.names,
        "exception_ids": index.exception_ids,
        "license_ids": index.license_ids,
    }


def _from_payload(payload: dict, key: str) -> Index:
    if payload.get("key") != key or payload.get("format") != FORMAT:
        raise ValueError("stale index")
    offsets, flat = array("Q"), array("Q")
    offsets.frombytes(payload["offsets"])
    flat.frombytes(payload["shingles"])
    rules = [Rule(e, k, w) for e, k, w in payload["rules"]]
    if len(offsets) != len(rules) + 1 or offsets[-1] != len(flat):
        raise ValueError("inconsistent index")
    return Index(
        version=payload["version"],
        vocab=payload["vocab"],
        rules=rules,
        offsets=offsets,
        shingles=flat,
        postings=payload["postings"],
        probes=payload["probes"],
        names=payload["names"],
        exception_ids=payload["exception_ids"],
        license_ids=payload["license_ids"],
    )


def load_cached(key: str) -> Index | None:
    """The cached index for this data key, or None when absent, stale or unreadable."""
    try:
        with open(cache_path(key), "rb") as stream:
            return _from_payload(marshal.load(stream), key)
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        return None


def save(index: Index, key: str) -> Path | None:
    """Write the index atomically; concurrent writers each replace the file with a whole one."""
    target = cache_path(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".identify-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                marshal.dump(_to_payload(index, key), stream)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return None  # an unwritable cache only costs the next run a rebuild
    return target


def get_index() -> Index:
    """The cached index for the installed data, built (and cached) when missing or corrupt."""
    key = data.data_version()
    index = load_cached(key)
    if index is None:
        index = build(data.load())
        save(index, key)
    return index
