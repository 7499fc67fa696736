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

from licensecheck.comments import STYLES
from licensecheck.extract import Source
from licensecheck.extract.header import extract_header
from licensecheck.model import Evidence

_FIRST_VERTEX = re.compile(rb"^[ \t]*v[ \t]", re.MULTILINE)
_COMMENT = re.compile(r"[ \t]*#")


def extract(source: Source) -> list[Evidence]:
    vertex = _FIRST_VERTEX.search(source.data)
    head = source.data[: vertex.start() if vertex else len(source.data)]
    text = head.decode("utf-8", "replace")
    # Statements other than comments become blank lines, so line numbers stay the file's.
    comments = "\n".join(line if _COMMENT.match(line) else "" for line in text.split("\n"))
    return extract_header(comments, STYLES["hash"])
