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
from licensecheck.model import Encoded, FileResult, file_objects


def carried(last: LastRun, fresh: list[FileScan], cache: ScanCache, git: dict) -> Encoded | None:
    """The last run's result for the files of this one, which are those of the last run, with
    those in `fresh` read again: every file whose key moved (LastRun.changed), whose cache
    entries are not yet replaced. `git` holds the provenance's new git fields. The objects of
    the files read again are laid over the last result's files (Encoded.patches). None when a
    licensing fact changed."""
    if not all(cache.same_facts(scan, last.keys[scan.file.path]) for scan in fresh):
        return None
    encoded = last.encoded
    paths = [scan.file.path for scan in fresh]
    try:
        written = file_objects(encoded.files_json, [path for path in paths if path not in encoded.patches])
        if written is None:
            return None
        written.update((path, encoded.patches[path]) for path in paths if path in encoded.patches)
        objects = {}
        for scan in fresh:
            before = FileResult.from_dict(json.loads(written[scan.file.path]))
            if (before.size == 0) != (scan.file.size == 0):  # an empty file needs no license (REUSE)
                return None
            after = replace(before, size=scan.file.size, blob=scan.file.blob, checksums=scan.checksums)
            objects[scan.file.path] = after.to_json().encode("utf-8")
        head = dict(encoded.head)
        head["provenance"] = {**head["provenance"], **git}
    except (KeyError, TypeError, ValueError, AttributeError):  # a corrupt cache: start afresh
        return None
    return Encoded(head, encoded.files_json, {**encoded.patches, **objects})
