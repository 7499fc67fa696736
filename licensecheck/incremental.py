# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Carry the last result over edits that change no licensing fact.

Most edits between two runs (firmware code, a moved trace, a reworded paragraph) leave
every file's licensing where it was. When each file read again says what it said last
time (same category, format, evidence, problem, kept text) and only its identity moved
(size, git blob, checksums), conclusion gives every file what it gave last time, the
edited ones with their new identity, and the rules, which read no identity field, give
the same findings: the last result with those files' identity updated is the result a
full run would give, byte for byte. Anything else (a file added or removed, new
evidence, an emptied file, other settings) makes the caller conclude and evaluate the
whole tree again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from json.encoder import encode_basestring as json_string

from licensecheck.cache import LastRun, ScanCache
from licensecheck.extract import FileScan
from licensecheck.model import Encoded, FileResult

_NEXT_FILE = b', {"path": '


def carried(last: LastRun, fresh: list[FileScan], cache: ScanCache, git: dict) -> Encoded | None:
    """The last run's result for the files of this one, which are those of the last run, with
    those in `fresh` read again: every file whose key moved (LastRun.changed), whose cache
    entries are not yet replaced. `git` holds the provenance's new git fields. None when a
    licensing fact changed."""
    if not all(cache.same_facts(scan, last.keys[scan.file.path]) for scan in fresh):
        return None
    try:
        files_json = _with_identities(last.encoded.files_json, fresh)
        if files_json is None:
            return None
        head = dict(last.encoded.head)
        head["provenance"] = {**head["provenance"], **git}
    except (KeyError, TypeError, ValueError, AttributeError):  # a corrupt cache: start afresh
        return None
    return Encoded(head, files_json)


def _with_identities(files_json: bytes, scans: list[FileScan]) -> bytes | None:
    """`files_json` with each scanned file's size, blob and checksums replaced by the scan's;
    None where a file is missing or would change more."""
    pieces = []
    start = 0
    # The files are in path order, as in the JSON: one pass finds them all. A file's object
    # ends where the next one starts: inside JSON strings every quote is escaped.
    for scan in sorted(scans, key=lambda scan: scan.file.path):
        at = files_json.find(b'{"path": %s, "category": ' % json_string(scan.file.path).encode(), start)
        if at < 0:
            return None
        end = files_json.find(_NEXT_FILE, at)
        end = len(files_json) if end < 0 else end
        before = FileResult.from_dict(json.loads(files_json[at:end]))
        if (before.size == 0) != (scan.file.size == 0):  # an empty file needs no license (REUSE)
            return None
        after = replace(before, size=scan.file.size, blob=scan.file.blob, checksums=scan.checksums)
        pieces += (files_json[start:at], after.to_json().encode("utf-8"))
        start = end
    pieces.append(files_json[start:])
    return b"".join(pieces)
