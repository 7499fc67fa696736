# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Turn a file's bytes into text, whatever the bytes are.

`decode` never raises: it returns None for binary data and otherwise picks
the first encoding of this order that fits:

1. a byte order mark (UTF-32, UTF-8, UTF-16), decoded with replacement;
   UTF-16 without a mark (Windows tools write it) is recognised by its NUL
   bytes, which fall on every other byte as long as most text is ASCII;
2. strict UTF-8, the common path;
3. UTF-8 with a few broken bytes (a stray byte in an otherwise UTF-8 file),
   decoded with U+FFFD replacement so its notices keep their `©` and CJK;
4. line by line, when some lines are UTF-8 and others are not (a UTF-8
   notice added to a GBK or Latin-1 file): each line as 2, 5 or 6, and the
   encoding is "mixed";
5. GB18030 (a superset of GBK, common in Chinese firmware), Big5 (Taiwan,
   Hong Kong) or Shift-JIS (Japan), whichever reads as everyday text in its
   script, GB18030 on a tie (East Asian double-byte encodings, below);
6. Windows-1252 when the bytes are that, else Latin-1, which accepts any byte
   sequence.

>>> decode("版权所有，深圳创客".encode("gbk")).encoding
'gb18030'
>>> decode("版權所有，台北創客".encode("big5")).encoding
'big5'
>>> decode(b"J\\xfcrgen M\\xfcller").text
'Jürgen Müller'
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

SNIFF_BYTES = 8192
MIXED = "mixed"  # the encoding of text whose lines are in different encodings
SAMPLE_BYTES = 64 * 1024

# UTF-32 LE starts with the UTF-16 LE mark, so the longer marks come first.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_WIDE_BOMS = tuple(bom for bom, codec, _ in _BOMS if "16" in codec or "32" in codec)

# Control bytes that plain text does not contain. Tab, newlines, form feed,
# vertical tab, backspace (man-page overstrike) and escape (ANSI colours) do occur.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x08\x1b") + b"\x7f"
_MAX_CONTROL_SHARE = 0.10
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)  # str.translate table that deletes them

# A valid multi-byte UTF-8 character; Latin-1 and GBK text seldom holds one by chance.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_MAX_RUN_LINES = 1000
_UNDECODED = re.compile("[\udc80-\udcff]")  # a byte UTF-8 could not decode (surrogateescape)

# A file that fails strict UTF-8 is still read as UTF-8 when its valid
# multi-byte characters outnumber the broken sequences this many times.
_UTF8_GOOD_PER_BAD = 20
# East Asian double-byte encodings, in the order that wins a tie (GBK first: Shenzhen).
# Text written in one of them keeps mostly to its everyday characters; the same bytes read
# in another encoding scatter over rare characters, user-defined ones or none (Big5 bytes
# read as GBK: '舦┮Τ' for 版權所有). Windows' code pages, supersets of the standards, are
# what editors there write.
@dataclass(frozen=True)
class _EastAsian:
    name: str  # as Decoded.encoding gives it
    codec: str  # what decodes the bytes
    # The everyday characters: those `written_by` writes as two bytes with the first in
    # [lead_first, lead_last] and, where `high_trail`, a second byte of 0xA1 or more.
    written_by: str
    lead_first: int
    lead_last: int
    high_trail: bool
    # What decodes the bytes where `codec` cannot: Hong Kong's Big5-HKSCS, whose characters
    # (峯, 嘅) Windows' cp950 lacks; one of them made a whole file Latin-1 mojibake.
    otherwise: str | None = None


_GBK = "gb18030"
_EAST_ASIAN = (
    # GB2312's area of GBK (both bytes from 0xA1): symbols and 6,763 simplified hanzi. Counted
    # at C speed, as the gb2312 codec writes them (_everyday_share), not character by character.
    _EastAsian(_GBK, "gb18030", "gbk", 0xA1, 0xF7, high_trail=True),
    _EastAsian("big5", "cp950", "cp950", 0xA1, 0xC6, high_trail=False, otherwise="big5hkscs"),  # 5,401 hanzi
    _EastAsian("shift_jis", "cp932", "cp932", 0x81, 0x9F, high_trail=False),  # symbols, kana, level-1 kanji
)
# GB2312's own codec writes GBK's everyday characters at C speed, all but two that GBK reads
# otherwise from the same bytes ("——" and "·", where gb2312 has U+2015 and U+30FB).
_GBK_NOT_GB2312 = ("\u2014", "\u00b7")
_MIN_EVERYDAY = 2
# Big5's and Shift-JIS's second byte may be an ASCII letter, so Latin-1 text reads as them: "Åk"
# (C5 6B) is a frequent Big5 hanzi, cp1252's "’B" (92 42) a level-1 kanji. Their real text has
# a high second byte in about two characters of three; Latin-1 text almost never does.
_MIN_HIGH_TRAIL_SHARE = 1 / 3
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# UTF-16 without a mark: the high byte of most characters is NUL (ASCII text), the low byte
# almost never is (U+xx00 characters are rare). Binary data seldom keeps to that pattern.
_UTF16_MIN_PAIRS = 8
_UTF16_MIN_NUL_HIGH = 0.5
_UTF16_MAX_NUL_LOW = 0.02


@dataclass(slots=True)  # one per text file read: not frozen (see model.Evidence), and never hashed
class Decoded:
    text: str
    # utf-8, utf-8-sig, utf-16-le/be, utf-32-le/be, gb18030, big5, shift_jis, cp1252, latin-1, mixed
    encoding: str


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold a NUL byte or too many control bytes.

    UTF-16 and UTF-32 text with a byte order mark is full of NUL bytes and is
    not binary.
    """
    sample = data[:SNIFF_BYTES]
    return not _text_for_sure(sample) and _binary_sample(sample)


def _text_for_sure(sample: bytes) -> bool:
    """Empty, or UTF-16/32 text, with a byte order mark or without one: NUL bytes and all."""
    return not sample or sample.startswith(_WIDE_BOMS) or bool(utf16_without_bom(sample))


def _binary_sample(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * _MAX_CONTROL_SHARE


def decode(data: bytes) -> Decoded | None:
    """The text of `data`, or None when it looks binary. Never raises."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, "replace"), name)
    wide = utf16_without_bom(data[:SNIFF_BYTES])
    if wide:
        return Decoded(data.decode(wide, "replace"), wide)
    if looks_binary(data):
        return None
    return _narrow(data)


def text_of(data: bytes) -> Decoded | None:
    """`decode(data)`, or None when `looks_binary(data)` (where decode would take a UTF-8 byte
    order mark first): each test once, for every text file of the tree."""
    sample = data[:SNIFF_BYTES]
    if _text_for_sure(sample):
        return decode(data)
    if _binary_sample(sample):
        return None
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8-sig")
    return _narrow(data)


def _narrow(data: bytes) -> Decoded:
    """Text without a byte order mark in a one-byte or multi-byte encoding."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for attempt, name in ((_mostly_utf8, "utf-8"), (_by_line, MIXED)):
        text = attempt(data)
        if text is not None:
            return Decoded(text, name)
    east_asian = _east_asian(data)
    if east_asian is not None:
        return east_asian
    return _single_byte(data)


def _single_byte(data: bytes) -> Decoded:
    """Windows-1252, which Windows editors write, when the bytes are that; else Latin-1, which
    takes any byte. The two differ only in 0x80-0x9F, control characters in Latin-1 that text
    does not hold, and typographic quotes, dashes and the euro sign in Windows-1252."""
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character in Windows-1252
        return Decoded(data.decode("latin-1"), "latin-1")


def _by_line(data: bytes) -> str | None:
    """Text whose lines were written in different encodings (a UTF-8 notice added to a
    Latin-1 or GBK file); None unless some line is UTF-8 with non-ASCII characters.

    The UTF-8 lines are decoded in one pass. The other lines are taken to share one legacy
    encoding, chosen on all of them at once (three decodes a line made a hostile file of
    alternating lines three times slower); each line is read in it when it reads as
    everyday text there, else as Windows-1252 or Latin-1 (a Latin-1 name beside a GBK notice).
    """
    if not _UTF8_SEQUENCE.search(data):  # the common Latin-1 or GBK file: one regex search
        return None
    text = data.decode("utf-8", "surrogateescape")
    edges = [0, *(edge for run in _undecoded_runs(text) for edge in run), len(text)]
    pieces = [text[start:end] for start, end in pairwise(edges)]  # UTF-8, a run, UTF-8, a run, ...
    if "".join(pieces[::2]).isascii():
        return None
    runs = [run.encode("utf-8", "surrogateescape") for run in pieces[1::2]]
    legacy = _east_asian(b"\n".join(runs))
    encoding = next((e for e in _EAST_ASIAN if legacy is not None and e.name == legacy.encoding), None)
    pieces[1::2] = [_not_utf8(run, encoding) for run in runs]
    return "".join(pieces)


def _undecoded_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of whole lines holding bytes UTF-8 could not decode."""
    runs: list[tuple[int, int]] = []
    pos = 0
    while match := _UNDECODED.search(text, pos):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        end = len(text) if end < 0 else end
        if runs and runs[-1][1] + 1 == start:  # the next line: one run
            start = runs.pop()[0]
        runs.append((start, end))
        pos = end
    return runs


def _not_utf8(run: bytes, encoding: _EastAsian | None) -> str:
    """Lines that are not UTF-8, one by one; a long run (a whole file but one line) as a block."""
    if encoding is None:
        return _single_byte(run).text
    lines = run.split(b"\n") if run.count(b"\n") < _MAX_RUN_LINES else [run]
    return "\n".join(_line_not_utf8(line, encoding) for line in lines)


def _line_not_utf8(line: bytes, encoding: _EastAsian) -> str:
    text = _read_as(line, encoding)
    if text is not None and _everyday_share(text, encoding) is not None:
        return text
    return _single_byte(line).text


def utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `sample` reads as UTF-16 text written without a
    byte order mark, else None.

    >>> utf16_without_bom("// SPDX-License-Identifier: MIT".encode("utf-16-le"))
    'utf-16-le'
    """
    pairs = len(sample) // 2
    # UTF-16 of mostly ASCII text is full of NUL bytes: one memchr settles nearly every file.
    if pairs < _UTF16_MIN_PAIRS or b"\x00" not in sample:
        return None
    even, odd = sample[0 : pairs * 2 : 2].count(0), sample[1 : pairs * 2 : 2].count(0)
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= pairs * _UTF16_MIN_NUL_HIGH and low <= pairs * _UTF16_MAX_NUL_LOW:
            text = sample[: pairs * 2].decode(codec, "replace")
            controls = len(text) - len(text.translate(_CONTROL_CHARS))
            return codec if controls <= len(text) * _MAX_CONTROL_SHARE else None
    return None


def _non_ascii_count(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _mostly_utf8(data: bytes) -> str | None:
    # Judge a sample first: decoding a whole GBK or Latin-1 file with
    # replacement only to reject it is the slow part of this path.
    if not _few_broken(data[:SAMPLE_BYTES].decode("utf-8", "replace")):
        return None
    text = data.decode("utf-8", "replace")
    return text if _few_broken(text) else None


def _few_broken(text: str) -> bool:
    bad = text.count("\ufffd")
    good = _non_ascii_count(text) - bad
    return good >= bad * _UTF8_GOOD_PER_BAD


def _east_asian(data: bytes) -> Decoded | None:
    """The text of `data` in the East Asian encoding it reads best in, when it reads as
    everyday text in one of them.

    Latin-1 text often decodes as GB18030 too: an accented letter followed by
    an ASCII letter forms a valid two-byte character ("J\\xfcrgen" becomes
    "J黵gen"). Those characters fall outside GB2312, the everyday simplified
    Chinese set, where both bytes are high; real Chinese text is mostly
    inside it. So more than half the non-ASCII characters must be everyday
    ones, and one such character alone (two stray high bytes) is not enough.
    """
    best: tuple[float, Decoded] | None = None
    for encoding in _EAST_ASIAN:
        text = _read_as(data, encoding)
        share = _everyday_share(text, encoding) if text is not None else None
        if share is not None and (best is None or share > best[0]):
            best = (share, Decoded(text, encoding.name))
    return best[1] if best is not None else None


def _read_as(data: bytes, encoding: _EastAsian) -> str | None:
    for codec in (encoding.codec, encoding.otherwise):
        if codec is None:
            break
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _everyday_share(text: str, encoding: _EastAsian) -> float | None:
    """The share of everyday characters among the non-ASCII ones of `text` (of its first
    65,536 characters from the first non-ASCII one), None when too few for the text to
    read as that encoding."""
    first = _NOT_ASCII.search(text)
    if first is None:
        return None
    sample = text[first.start() : first.start() + SAMPLE_BYTES]
    if encoding.name == _GBK:  # the common case, read at C speed; both bytes are high
        ascii_count = len(sample.encode("ascii", "ignore"))
        in_gb2312 = (len(sample.encode("gb2312", "ignore")) - ascii_count) // 2
        everyday = high = in_gb2312 + sum(map(sample.count, _GBK_NOT_GB2312))
        non_ascii = len(sample) - ascii_count
    else:
        everyday, non_ascii, high = _everyday_counts(sample, encoding)
    if everyday < _MIN_EVERYDAY or everyday * 2 <= non_ascii or high < everyday * _MIN_HIGH_TRAIL_SHARE:
        return None
    return everyday / non_ascii


def _everyday_counts(sample: str, encoding: _EastAsian) -> tuple[int, int, int]:
    """(everyday, non-ASCII, everyday with a high second byte) characters of `sample`."""
    everyday = non_ascii = high = 0
    for char, count in Counter(sample).items():  # each distinct character once
        if char.isascii():
            continue
        non_ascii += count
        written = char.encode(encoding.written_by, "ignore")
        if (
            len(written) == 2
            and encoding.lead_first <= written[0] <= encoding.lead_last
            and (written[1] >= 0xA1 or not encoding.high_trail)
        ):
            everyday += count
            high += count if written[1] >= 0x80 else 0
    return everyday, non_ascii, high
