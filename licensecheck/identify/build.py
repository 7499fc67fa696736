# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Build the index (index.py) from the license data (data.py).

Rules are the full texts of the current (not deprecated) SPDX licenses, their
standard headers and the exception texts, plus derived parts:

* a bilingual text (MulanPSL: Chinese + English) also yields each language;
* a text that embeds another long license (SPDX's LGPL-3.0 text carries the
  whole GPL-3.0) also yields the text without it, as files usually hold it;
* texts that are word for word the same are one rule; of "-only" and
  "-or-later" twins the text alone is "-only" (the usual convention; a notice
  says otherwise, see gnu.py).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from itertools import chain

from . import data
from .index import Index, Rule, shingles
from .normalize import CJK, EQUIVALENT_WORDS, words_of

PROBES_PER_RULE = 40
MIN_RULE_WORDS = 8
# SPDX texts that carry another license whole (the LGPL-3.0 text is followed by the GPL-3.0),
# which files usually hold alone.
EMBEDDED = {"LGPL-3.0-only": "GPL-3.0-only"}
# GNU headers are templates of "version N or later" notices: gnu.py reads those.
GNU_FAMILY = re.compile(r"^(?:A|L)?GPL-|^GFDL-|^LGPLLR")
CJK_CHAR = re.compile(rf"[{CJK}]")


def _script_parts(text: str, words: list[str]) -> list[list[str]]:
    """A bilingual text (Chinese + English) also yields each language alone."""
    if not CJK_CHAR.search(text):
        return []
    cjk = [w for w in words if CJK_CHAR.fullmatch(w)]
    latin = [w for w in words if not CJK_CHAR.fullmatch(w)]
    if min(len(cjk), len(latin)) >= max(30, len(words) // 5):
        return [cjk, latin]
    return []


def _without_title(text: str, spdx_id: str, name: str) -> str:
    """The text without a first line that only names the license ("MIT License",
    "BSD-4-Clause (University of California-Specific)"): files often lack or reword it."""
    first, _, rest = text.strip().partition("\n")
    line, name = first.strip().casefold(), name.casefold()
    if rest and len(line) < 80 and (spdx_id.casefold() in line or (line and (line in name or name in line))):
        return rest
    return text


def _prefer(candidate: str, current: str) -> bool:
    """Of two licenses with the same text, keep "-only" over "-or-later", then the shorter id."""
    return (candidate.endswith("-or-later"), len(candidate), candidate) < (
        current.endswith("-or-later"),
        len(current),
        current,
    )


def _texts(corpus: data.Corpus) -> list[tuple[str, str, list[str]]]:
    sources = [(i, "text", t) for i, t in corpus.licenses.items() if i not in corpus.deprecated]
    sources += [
        (i, "header", t)
        for i, t in corpus.headers.items()
        if i not in corpus.deprecated and not GNU_FAMILY.match(i)
    ]
    sources += [(i, "exception", t) for i, t in corpus.exceptions.items()]
    texts: list[tuple[str, str, list[str]]] = []
    for spdx_id, kind, text in sources:
        if kind == "text":
            text = _without_title(text, spdx_id, corpus.names.get(spdx_id, ""))
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


def _unique_rules(corpus: data.Corpus, vocab: dict[str, int]) -> dict[tuple[int, ...], tuple[str, str]]:
    unique: dict[tuple[int, ...], tuple[str, str]] = {}
    for spdx_id, kind, words in _texts(corpus):
        if len(words) < MIN_RULE_WORDS:
            continue
        for new in set(words).difference(vocab):
            vocab[new] = len(vocab) + 1
        key = tuple(map(vocab.__getitem__, words))
        held = unique.get(key)
        if held is None or (held[1] == kind and _prefer(spdx_id, held[0])):
            unique[key] = (spdx_id, kind)
    return unique


Listed = list[tuple[tuple[int, ...], str, str]]


def _embedded_block(key: tuple[int, ...], inner: set[int]) -> tuple[int, int] | None:
    """Where another text lies whole, as one block, inside this one (first and last word)."""
    runs: list[list[int]] = []
    for i, s in enumerate(shingles(list(key))):
        if s in inner:
            if runs and i - runs[-1][-1] <= 8:
                runs[-1].append(i)
            else:
                runs.append([i])
    longest = max(runs, key=len, default=[])
    return (longest[0], longest[-1] + 2) if len(longest) >= 0.9 * len(inner) else None


def _without_embedded(rules: Listed, sets: list[set[int]]) -> Listed:
    """Each text of EMBEDDED without the license text it carries."""
    where = {(spdx_id, kind): i for i, (_, spdx_id, kind) in enumerate(rules)}
    parts = []
    for outer, inner in EMBEDDED.items():
        i, j = where.get((outer, "text")), where.get((inner, "text"))
        if i is None or j is None:
            continue
        key = rules[i][0]
        block = _embedded_block(key, sets[j])
        rest = key[: block[0]] + key[block[1] + 1 :] if block else ()
        if len(rest) >= MIN_RULE_WORDS:
            parts.append((rest, outer, "text"))
    return parts


def _license_frequency(rules: list[Rule], sets: list[set[int]]) -> Counter[int]:
    """In how many licenses each shingle occurs (a header and its text count once)."""
    by_expression: dict[str, set[int]] = {}
    for rule, rule_shingles in zip(rules, sets, strict=True):
        held = by_expression.get(rule.expression)
        by_expression[rule.expression] = rule_shingles if held is None else held | rule_shingles
    return Counter(chain.from_iterable(by_expression.values()))


def _probes(rule_shingles: list[int], frequency: Counter[int]) -> list[int]:
    """The rarest shingle of each of PROBES_PER_RULE stretches of the rule (set order scatters
    positions; that is enough spread for a lookup)."""
    step = max(1, -(-len(rule_shingles) // PROBES_PER_RULE))
    rarity = frequency.__getitem__
    return [min(rule_shingles[i : i + step], key=rarity) for i in range(0, len(rule_shingles), step)]


def _fixed_shingles(corpus: data.Corpus, vocab: dict[str, int]) -> dict[str, set[int]]:
    """License id -> the shingles of its fixed wording (data.Corpus.fixed), each piece apart."""
    found: dict[str, set[int]] = {}
    for spdx_id, pieces in corpus.fixed.items():
        found[spdx_id] = set().union(*(shingles([vocab.get(w, 0) for w in words_of(p)]) for p in pieces))
    return found


# The longest run of a text's shingles outside its template's fixed wording that is taken for
# a replaceable name: a name of one to four words spans up to six trigrams. Longer runs are
# the template's optional text (a section a file may leave out), which is the license's own
# wording where present: GFDL-1.3's section 11 is what tells it from GFDL-1.2.
REPLACEABLE_RUN = 6


def _distinct(
    rule: Rule,
    words: tuple[int, ...],
    frequency: Counter[int],
    fixed: dict[str, set[int]],
    numbers: set[int],
) -> tuple[list[int], list[int]]:
    """The rule's shingles that no other license has, and those of them in a name that the
    template of a license text lets a file replace (ISC's "ISC DISCLAIMS" is "THE AUTHOR
    DISCLAIMS" in most ISC files): a replaced name is no wording of the license to require
    where a text lacks it. A replaceable part that holds a number stays required: templates
    mark versions and clause numbers so too ("Version 1.2, November 2002", "6.3"), and those
    tell GFDL-1.2 from GFDL-1.3."""
    ordered = shingles(list(words))
    own = {s for s in ordered if frequency[s] == 1}
    wording = fixed.get(rule.expression) if rule.kind == "text" else None
    if not wording:
        return sorted(own), []
    replaceable: set[int] = set()
    run: list[int] = []
    for at, shingle in enumerate([*ordered, None]):  # None ends the last run
        if shingle is not None and shingle not in wording and numbers.isdisjoint(words[at : at + 3]):
            run.append(shingle)
            continue
        if len(run) <= REPLACEABLE_RUN:
            replaceable.update(run)
        run = []
    return sorted(own), sorted(own & replaceable)


def _flatten(lists: list[list[int]]) -> tuple[array, array]:
    offsets, flat = array("Q", [0]), array("Q")
    for values in lists:
        flat.extend(values)
        offsets.append(len(flat))
    return offsets, flat


def build(corpus: data.Corpus) -> Index:
    vocab = _vocabulary()
    listed = [(key, spdx_id, kind) for key, (spdx_id, kind) in _unique_rules(corpus, vocab).items()]
    unsorted = [set(shingles(list(key))) for key, _, _ in listed]
    parts = _without_embedded(listed, unsorted)
    listed += parts
    unsorted += [set(shingles(list(key))) for key, _, _ in parts]
    rules = [Rule(spdx_id, kind, len(key)) for key, spdx_id, kind in listed]
    frequency = _license_frequency(rules, unsorted)
    sets = [list(s) for s in unsorted]
    postings: dict[int, list[int]] = {}
    probes: list[int] = []
    for number, rule_shingles in enumerate(sets):
        chosen = _probes(rule_shingles, frequency)
        probes.append(len(chosen))
        for s in chosen:
            postings.setdefault(s, []).append(number)
    offsets, flat = _flatten(sets)
    # The shingles of no other license: a header's own name, a license's own clauses.
    fixed = _fixed_shingles(corpus, vocab)
    numbers = {number for word, number in vocab.items() if word[:1].isdigit()}
    owned = [
        _distinct(rule, key, frequency, fixed, numbers)
        for rule, (key, _, _) in zip(rules, listed, strict=True)
    ]
    distinct_offsets, distinct = _flatten([own for own, _ in owned])
    replaceable_offsets, replaceable = _flatten([names for _, names in owned])
    return Index(
        version=corpus.version,
        vocab=vocab,
        rules=rules,
        offsets=offsets,
        shingles=flat,
        distinct_offsets=distinct_offsets,
        distinct=distinct,
        replaceable_offsets=replaceable_offsets,
        replaceable=replaceable,
        postings={s: tuple(r) for s, r in postings.items()},
        probes=probes,
        license_names={i: n for i, n in corpus.names.items() if i not in corpus.deprecated},
        exception_ids=sorted(corpus.exception_names),
        license_ids=sorted(set(corpus.names) - corpus.deprecated),
    )
