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

from licensecheck.cache import LastRun, ScanCache
from licensecheck.extract import FileScan
from licensecheck.model import Encoded, FileResult, file_objects, with_files


def carried(
    last: LastRun, fresh: list[FileScan], cache: ScanCache, git: dict
) -> tuple[Encoded, dict[str, bytes]] | None:
    """The last run's result for the files of this one, which are those of the last run, with
    those in `fresh` read again: every file whose key moved (LastRun.changed), whose cache
    entries are not yet replaced. `git` holds the provenance's new git fields. With it, the
    JSON objects of the files read again, as they now stand. None when a licensing fact
    changed."""
    if not all(cache.same_facts(scan, last.keys[scan.file.path]) for scan in fresh):
        return None
    try:
        written = file_objects(last.encoded.files_json, [scan.file.path for scan in fresh])
        if written is None:
            return None
        objects = {}
        for scan in fresh:
            before = FileResult.from_dict(json.loads(written[scan.file.path]))
            if (before.size == 0) != (scan.file.size == 0):  # an empty file needs no license (REUSE)
                return None
            after = replace(before, size=scan.file.size, blob=scan.file.blob, checksums=scan.checksums)
            objects[scan.file.path] = after.to_json().encode("utf-8")
        files_json = with_files(last.encoded.files_json, objects)
        if files_json is None:
            return None
        head = dict(last.encoded.head)
        head["provenance"] = {**head["provenance"], **git}
    except (KeyError, TypeError, ValueError, AttributeError):  # a corrupt cache: start afresh
        return None
    return Encoded(head, files_json), objects
