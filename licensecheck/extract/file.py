# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Read one file once and run every extractor that applies to it.

Reading never follows a symlink and never blocks: the file is opened with
O_NOFOLLOW | O_NONBLOCK and read only if it is a regular file, so a FIFO or a
device swapped in after discovery is refused rather than waited on.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from licensecheck import classify, comments, envvars, expression, manifests, textio
from licensecheck.extract import (
    HEAD_ONLY_FORMATS,
    OPEN_FLAGS,
    POINTS_TO_LICENSE_FILE,
    README_PART,
    README_SECTION,
    REGISTRY,
    TIMED_OUT,
    WHOLE_FILE_FORMATS,
    ExtractError,
    FileScan,
    Source,
    extractor_for,
    read_fd,
    read_regular,
    regular_size,
)
from licensecheck.extract.header import extract_header
from licensecheck.extract.leading import notice_end
from licensecheck.model import SIZE_UNREAD, DiscoveredFile, Evidence

READ_LIMIT = 32 * 1024 * 1024  # bytes of one file that are read; tags sit near the top
WHOLE_FILE_LIMIT = 256 * 1024 * 1024  # zip-based design files, read whole up to this size
TIME_LIMIT = 30.0  # seconds for one file
KEEP_TEXT_NAMES = frozenset({"REUSE.toml", "dep5"}) | frozenset(manifests.READERS)
OWN_REPORT = "licensecheck-report"  # its text quotes other files' tags: not read for licensing


def read_bytes(path: Path, limit: int = READ_LIMIT) -> bytes:
    """The first `limit` bytes of a regular file; OSError or ExtractError otherwise."""
    return read_regular(path, limit)


def checksums(path: Path, data: bytes, size: int) -> tuple[tuple[str, str], ...]:
    """SHA1 and SHA256 of the whole file (SPDX needs both); what was read is reused."""
    sha1, sha256 = hashlib.sha1(data), hashlib.sha256(data)
    if size > len(data):  # only the head was read: stream the rest
        with open(path, "rb") as handle:
            handle.seek(len(data))
            while chunk := handle.read(1 << 20):
                sha1.update(chunk)
                sha256.update(chunk)
    return (("SHA1", sha1.hexdigest()), ("SHA256", sha256.hexdigest()))


class TimeLimitExceeded(BaseException):
    """Not an Exception: no library's `except Exception` may swallow the deadline."""


def time_limit() -> float:
    """Seconds one file may take; LICENSECHECK_TIME_LIMIT overrides the default."""
    return envvars.seconds("LICENSECHECK_TIME_LIMIT", TIME_LIMIT)


class _Watch:
    """The file being read and when it started, checked by a periodic alarm.

    Arming a timer for each file (two system calls and a handler lookup) cost more
    than reading a small file; one interval timer for a whole batch costs nothing per
    file but setting `started`.
    """

    running = False
    limit = TIME_LIMIT
    started: float | None = None


def _on_tick(signum, frame):
    started = _Watch.started
    if started is not None and time.monotonic() - started > _Watch.limit:
        _Watch.started = None  # raise once per file, however many ticks follow
        raise TimeLimitExceeded


@contextmanager
def watching():
    """Enforce the time limit on every `scan_file` call inside (POSIX main threads only)."""
    limit = time_limit()
    usable = (
        limit > 0
        and not _Watch.running
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    # The file's deadline is noticed within a quarter of the limit.
    tick = max(0.01, min(1.0, limit / 4))
    previous = signal.signal(signal.SIGALRM, _on_tick)
    _Watch.running, _Watch.limit, _Watch.started = True, limit, None
    signal.setitimer(signal.ITIMER_REAL, tick, tick)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _Watch.running, _Watch.started = False, None
        signal.signal(signal.SIGALRM, previous)


def scan_file(root: Path, file: DiscoveredFile, with_checksums: bool = False) -> FileScan:
    """Everything one file says about itself; a file taking longer than the time limit is
    reported as unreadable rather than holding up the scan."""
    if not _Watch.running:
        with watching():
            return _guarded(root, file, with_checksums)
    return _guarded(root, file, with_checksums)


def _guarded(root: Path, file: DiscoveredFile, with_checksums: bool) -> FileScan:
    try:
        try:
            _Watch.started = time.monotonic()
            return _scan_file(root, file, with_checksums)
        finally:
            # Inside the outer try: an alarm landing here is still caught below.
            _Watch.started = None
    except TimeLimitExceeded:
        problem = f"{TIMED_OUT} {_Watch.limit:g} s to read; skipped"  # only the running alarm raises it
    except Exception as error:  # noqa: BLE001 - one file a library chokes on must not end the scan
        problem = f"could not be parsed ({type(error).__name__}: {str(error)[:200]})"
    found = classify.classify(file.path, b"")
    return FileScan(_sized(root, file), found.category, found.id, problem=problem)


def _sized(root: Path, file: DiscoveredFile) -> DiscoveredFile:
    """The file with its size, where discovery left it unread and reading it failed: its
    lstat's, as discovery would have said; 0 when even that fails."""
    if file.size != SIZE_UNREAD:
        return file
    try:
        size = os.lstat(os.path.join(root, file.on_disk or file.path)).st_size
    except OSError:
        size = 0
    return file._replace(size=size)


def _read_classified(path: str, name: str) -> tuple[classify.Format, bytes, int]:
    """Classify from the first bytes, then read only as much as the format needs: nothing
    more of an image or a binary without an extractor, a zip-based design file whole. And
    the file's size."""
    fd = os.open(path, OPEN_FLAGS)
    try:
        size = regular_size(fd)
        head = os.read(fd, classify.HEAD_SIZE)
        found = classify.classify(name, head)
        if len(head) < classify.HEAD_SIZE:
            return found, head, size
        if found.id in HEAD_ONLY_FORMATS or (found.binary and found.id not in REGISTRY):
            return found, head, size
        if found.id in WHOLE_FILE_FORMATS and size > WHOLE_FILE_LIMIT:
            raise ExtractError(f"an archive larger than {WHOLE_FILE_LIMIT} bytes is not opened")
        limit = WHOLE_FILE_LIMIT if found.id in WHOLE_FILE_FORMATS else READ_LIMIT
        # Read again from the start: one buffer of the file's size, not head + rest copied.
        return found, read_fd(fd, min(limit, size), offset=0), size
    finally:
        os.close(fd)


def _scan_file(root: Path, file: DiscoveredFile, with_checksums: bool) -> FileScan:
    try:
        found, data, size = _read_classified(os.path.join(root, file.on_disk or file.path), file.path)
    except (OSError, ExtractError) as error:
        found = classify.classify(file.path, b"")
        return FileScan(_sized(root, file), found.category, found.id, problem=_reason(error))
    if file.size == SIZE_UNREAD:
        file = file._replace(size=size)
    evidence: list[Evidence] = []
    problem = None
    extractor = extractor_for(found.id)
    text = None
    depends: tuple[tuple[str, str], ...] = ()
    if extractor is not None:
        # A format extractor owns its file: it reads comments and fields as the format defines them.
        source = Source(file.path, data, root, file.size, file.on_disk)
        try:
            evidence += extractor(source)
        except ExtractError as error:
            problem = str(error)
        depends = tuple(dict.fromkeys(source.reads))
    elif not found.binary and found.id != OWN_REPORT:
        decoded = textio.text_of(data)
        text = decoded.text if decoded else None
        if text is not None:
            style = comments.style(found.comment)
            evidence += extract_header(text, style)
            if classify.is_license_file(file.path):
                evidence += _identified(text, file.path, style, whole=True)
            elif _is_notice_candidate(evidence, found) or classify.is_readme(file.path):
                evidence += _identified(text, file.path, style, whole=False)
    name = file.path.rpartition("/")[2]
    keep = text if name in KEEP_TEXT_NAMES else None
    if text is None and problem is None and extractor is None and _read_as_text(name) and data:
        # REUSE.toml, dep5, a manifest or a .license sidecar says what other files are under:
        # dropped without a word, their files silently fell back to their folder's licence.
        problem = f"binary data in a {name.rpartition('.')[2] if name.endswith('.license') else name} file"
    sums = ()
    if with_checksums:
        try:
            sums = checksums(root / (file.on_disk or file.path), data, file.size)
        except OSError as error:
            problem = problem or _reason(error)
    return FileScan(file, found.category, found.id, tuple(_normalize(evidence)), problem, keep, sums, depends)


# Words that a license notice or text contains; a file without any is never sent to the matcher.
# ISC, HPND and Zlib notices need not say "license": "Permission to use, copy, modify ...",
# "Permission is granted to anyone to use this software ...".
_NOTICE_HINT = re.compile(
    r"licen[cs]|permission is (?:hereby )?granted|permission to use|public domain|redistribution and use"
    r"|许可|版权|开源协议|許可|版權|授權|開源協議"  # and in traditional characters (Taiwan, Hong Kong)
    r"|仅供学习|只供学习|禁止商用|personal use only|commercial use",  # a restriction: not open
    re.IGNORECASE,
)
# Chip vendors' notices may say none of those: "for use solely and exclusively on TI's
# microcontroller products", WCH's "used for microcontroller manufactured by Nanjing Qinheng",
# ST's "FOR GUIDANCE ONLY" disclaimer. Looked for with str.find in the lower-cased text, and
# only in a text without a hint: more alternatives in _NOTICE_HINT slowed every comment line.
_VENDOR_NOTICE_WORDS = (
    "exclusively", "conjunction", "in connection with", "only be used with", "qinheng",
    "development tools", "guidance only", "only for reference",
)  # fmt: skip
# The same words as a line hint for notice_end, used only on a head that holds one of them:
# ST's "FOR GUIDANCE ONLY" header is a notice of its own, not the start of a longer one.
_NOTICE_OR_VENDOR_HINT = re.compile(
    _NOTICE_HINT.pattern
    + r"|exclusively|conjunction|in\W+connection\W+with|only\W+be\W+used\W+with|qinheng"
    + r"|development\W+tools|guidance\W+only|only\W+for\W+reference",
    re.IGNORECASE,
)
# What makes the code below a source file's leading notice worth reading too: another notice
# there (a BSD notice under a glibc header's #include lines) says one of these. Looked for
# with str.find in the lower-cased code: a regex of alternatives, case-blind, took a third of
# the time of scanning a vendored library.
_ANOTHER_NOTICE = (
    *("licen", "permission", "public domain", "redistribution", "copyright", "warrant"),
    *("许可", "版权", "开源协议", "許可", "版權", "授權", "開源協議"),
)
NOTICE_HEAD = 8192  # a notice sits at the top of a source file


def _vendor_words(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _VENDOR_NOTICE_WORDS)


def _vendor_notice(text: str) -> bool:
    """Whether a text without a licence word holds a vendor's notice: its words, then the
    clause itself (not "released under the GPL, exclusively for the Foo board")."""
    if not _vendor_words(text):
        return False
    from licensecheck.identify.normalize import Prepared
    from licensecheck.identify.notices import DISCLAIMER_ONLY, vendor_clause

    cleaned = Prepared(text).cleaned
    return vendor_clause(cleaned) or DISCLAIMER_ONLY.search(cleaned) is not None


def _is_notice_candidate(evidence: list[Evidence], found: classify.Format) -> bool:
    """Source files with no SPDX tag may carry a standard notice in their top comment."""
    has_tag = any(e.raw for e in evidence)
    return not has_tag and found.comment != "none" and found.category in ("software", "hardware")


def _identified(text: str, path: str, style: comments.CommentStyle, whole: bool) -> list[Evidence]:
    """Evidence from recognising a license text or notice: the whole text of a license
    file, the leading notice of a source file, or the license section of a README."""
    if whole:
        candidate, detail = text, "license text"
    elif classify.is_readme(path):  # a license section is about licensing, whatever its words
        # Imported here: its patterns take 9 ms to compile, and most runs that read a file
        # again (a warm scan with one change) read no README.
        from licensecheck.extract.readme import license_section

        candidate, detail = license_section(text), README_SECTION
        if not candidate:
            return []
    else:
        # The leading notice alone, unless the code below holds another (a BSD notice under a
        # glibc header's #include lines): then the whole head, as the notices may combine.
        head = text[:NOTICE_HEAD]
        end = notice_end(head, style, _NOTICE_OR_VENDOR_HINT if _vendor_words(head) else _NOTICE_HINT)
        candidate, detail = head if _another_notice(head[end:]) else head[:end], "license notice"
    if detail != README_SECTION and not _NOTICE_HINT.search(candidate) and not _vendor_notice(candidate):
        return []
    from licensecheck.identify import identify

    found = identify(candidate)
    if not found.expression:
        if detail == README_SECTION:  # "The hardware is under X and the firmware under Y": no grant
            return _part_licences(text)
        return _pointer(candidate) or _named_alone(candidate) if detail == "license notice" else []
    note = f"{detail}: {found.detail}" if found.detail else detail
    raw = found.expression
    named = _named_variant(raw, path) if whole else None
    if named:
        raw, note = named, f"{note}; named {named} in LICENSES/"
    said = Evidence(source="text-match", raw=raw, detail=f"{note} (confidence {found.confidence:.2f})")
    if detail != README_SECTION:
        return [said]
    parts = _part_licences(text, raw)
    # A restriction said of one part ("硬件：CERN-OHL-S-2.0，禁止商用") is that part's alone.
    restricted_part = any(_restricted(e.raw or "") for e in parts)
    return [said, *([] if restricted_part else _restriction_beside_parts(raw)), *parts]


def _restricted(expression: str) -> bool:
    from licensecheck.identify.notices import STUDY_USE_ONLY

    return STUDY_USE_ONLY in expression.split()


# ST's headers since 2021 (HAL drivers, and the main.c CubeMX generates): the licence is the one
# of the LICENSE file at the component's root, which conclusion finds as the folder's licence.
_POINTER = re.compile(
    r"licensed\W+under\W+terms\W+that\W+can\W+be\W+found\W+in\W+the\W+LICENSE\W+file"
    # RT-Thread 1.x to 3.0: "... may be found in the file LICENSE in this distribution"
    r"|license\W+and\W+distribution\W+terms\W+for\W+this\W+file\W+may\W+be\W+found\W+in\W+the\W+file\W+LICENSE",
    re.IGNORECASE,
)


def _pointer(candidate: str) -> list[Evidence]:
    if not _POINTER.search(candidate):
        return []
    return [Evidence(source="header", detail=POINTS_TO_LICENSE_FILE)]


# Adafruit's DHT and sensor libraries: "/* DHT library\n\nMIT license\nwritten by Adafruit
# Industries */". A line of a file's leading notice that is the licence's name and nothing else.
_NAMED_ALONE = re.compile(r"^[\s*#/;!-]*(?:the\s+)?mit\s+licen[cs]e\.?[\s*/]*$", re.IGNORECASE | re.MULTILINE)
NAMED_ALONE_DETAIL = "license notice: MIT license named on a line of its own"


# Words that make the notice more than the licence's name: terms of its own ("for personal,
# non-commercial projects only", "Proprietary and confidential") or another licence's.
_MORE_THAN_THE_NAME = re.compile(
    r"commercial|prohibit|proprietary|confidential|not\s+permitted|personal|permission|granted|rights\s+reserved"
    r"|redistribut|gpl|bsd|apache|mozilla|禁止|商用|授权|保留",
    re.IGNORECASE,
)
_NAMED_ALONE_CHARS = 400  # a notice of a few lines: a name, a title, an author


def _named_alone(candidate: str) -> list[Evidence]:
    if (
        len(candidate) > _NAMED_ALONE_CHARS
        or not _NAMED_ALONE.search(candidate)
        or _MORE_THAN_THE_NAME.search(candidate)
    ):
        return []
    return [Evidence(source="text-match", raw="MIT", detail=f"{NAMED_ALONE_DETAIL} (confidence 0.80)")]


def _restriction_beside_parts(identified: str) -> list[Evidence]:
    """A README section that names its parts' licences and forbids commercial use besides
    ("硬件采用 CERN-OHL-S-2.0，软件采用 MIT。禁止未经授权的商业用途"): the parts stay evidence
    (conclude.py), and the restriction, which is about the whole project, is the README's."""
    from licensecheck.extract.readme import names_parts
    from licensecheck.identify.notices import STUDY_USE_ONLY, STUDY_USE_ONLY_DETAIL

    if not _restricted(identified) or not names_parts(identified):
        return []
    detail = f"{README_SECTION}: {STUDY_USE_ONLY_DETAIL}"
    return [Evidence(source="text-match", raw=STUDY_USE_ONLY, detail=detail)]


def _part_licences(readme: str, identified: str | None = None) -> list[Evidence]:
    """The licences a README section gives the project's parts apart ("| 硬件 | CERN-OHL-W-2.0 |",
    "| 软件 | MIT |", "| 外壳 | `enclosure/` | CC BY 4.0 |"; readme_parts), one evidence per part
    and licence: the rules weigh a part's files against them, not against the project's LICENSE
    alone (the maker's MIT, beside a board the README puts under CERN-OHL-W). A part's licence
    may carry a restriction ("硬件：CERN-OHL-S-2.0，禁止商用": CERN-OHL-S-2.0 AND
    LicenseRef-Study-Use-Only). None when the parts all have one licence and the section
    (`identified`) names no other (the project's "This project is MIT licensed. The PCB files
    are under CERN-OHL-S-2.0." names two), or a part the reader does not know has one."""
    from licensecheck.extract.readme_parts import parts
    from licensecheck.identify import begins_with_name, identify
    from licensecheck.identify.notices import STUDY_USE_ONLY

    found: dict[tuple[str, str], None] = {}  # (category, or folder + "/"; licence)
    for part in parts(readme):
        # A name read as a field ("CERN-OHL-S-2.0 协议"), a sentence as written ("The firmware
        # is MIT licensed"); not "Nokia 5110 LCD", whose first word is an SPDX id.
        value = part.value
        said = identify(f"License: {value}" if begins_with_name(value) else value).expression
        licences = [key for key in said.split(" AND ") if key != STUDY_USE_ONLY] if said else []
        if len(licences) != 1:
            continue  # no licence, a restriction alone, or several licences: not one part's
        if not part.categories and not part.folders:
            return []  # "| Companion app | MIT |": the parts cannot be told apart
        found.update(((f"{folder}/", said), None) for folder in part.folders)
        found.update(((category, said), None) for category in part.categories)
    named = {said for _, said in found}
    others = set(expression.license_keys(identified or "")) - {
        key for said in named for key in expression.license_keys(said)
    }
    if not named or (len(named) < 2 and not others - {STUDY_USE_ONLY}):  # one licence for all: the project's
        return []
    return [Evidence(source="text-match", raw=said, detail=f"{README_PART} {part}") for part, said in found]


def _another_notice(code: str) -> bool:
    lowered = code.lower()
    return any(needle in lowered for needle in _ANOTHER_NOTICE)


_GNU_VARIANT = re.compile(r"-(?:only|or-later)$")


def _named_variant(identified: str, path: str) -> str | None:
    """A GNU full text reads as "-only": the text cannot say more. In LICENSES/, REUSE names
    the file after its id, which says "-or-later" when that is meant (GPL-3.0-or-later.txt)."""
    folder, _, name = path.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if folder != "LICENSES" or stem == identified or not _GNU_VARIANT.search(stem):
        return None
    same = _GNU_VARIANT.sub("", stem) == _GNU_VARIANT.sub("", identified)
    return stem if same and expression.is_spdx_license(stem) else None


def _read_as_text(name: str) -> bool:
    """Files whose text says what other files are under."""
    return name in KEEP_TEXT_NAMES or name.endswith(".license")


def _normalize(evidence: list[Evidence]) -> list[Evidence]:
    """Give each license evidence its SPDX form, unless the extractor already mapped a name to one."""
    return [
        Evidence(e.source, expression.normalize(e.raw), e.copyright, e.line, e.detail, e.raw)
        if e.raw and e.expression is None
        else e
        for e in evidence
    ]


def _reason(error: Exception) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
