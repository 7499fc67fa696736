# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Wavefront OBJ (and MTL): SPDX tags and copyright notices in the `#` comments on top.

OBJ has no metadata; exporters write their name and the model's statistics
in `#` comment lines at the top, where a maker can add SPDX tags. The
comments are read up to the first vertex (`v`) line: past it come vertex
and face records, possibly hundreds of megabytes, and exporters' counters
(`# 1024 vertices`). Line numbers are the file's.
"""

from __future__ import annotations

import re

from licensecheck import textio
from licensecheck.comments import STYLES
from licensecheck.extract import Source
from licensecheck.extract.header import extract_header
from licensecheck.model import Evidence

_COMMENT = re.compile(r"[ \t]*#")


def extract(source: Source) -> list[Evidence]:
    decoded = textio.decode(source.data[: _first_vertex(source.data)])
    if decoded is None:
        return []
    # Statements other than comments become blank lines, so line numbers stay the file's.
    lines = decoded.text.split("\n")
    return extract_header("\n".join(line if _COMMENT.match(line) else "" for line in lines), STYLES["hash"])


def _first_vertex(data: bytes) -> int:
    """Where the first `v` line starts, or the end of the data (bytes.find scans at memchr speed)."""
    if data.startswith((b"v ", b"v\t")):
        return 0
    spaced = data.find(b"\nv ")
    end = spaced if spaced >= 0 else len(data)
    tabbed = data.find(b"\nv\t", 0, end)
    first = tabbed if tabbed >= 0 else spaced
    return first + 1 if first >= 0 else len(data)
