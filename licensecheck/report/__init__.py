# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Report: writers turn one ScanResult into each output format.

The format follows the output file's name; every report is written to a
temporary file beside it and renamed into place, so an interrupted run never
leaves half a report.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from licensecheck import atomic
from licensecheck.model import ScanResult

# suffix -> "module:function"; longest suffixes first so ".spdx.json" wins over ".json".
WRITERS: dict[str, str] = {
    ".spdx.json": "spdx:render_json",
    ".spdx": "spdx:render_tag_value",
    ".sarif": "sarif:render",
    ".json": "json:render",
    ".html": "html:render",
    ".htm": "html:render",
}


class UnknownFormat(ValueError):
    pass


def writer_for(path: str) -> Callable[[ScanResult, str], str | list[bytes | memoryview]]:
    name = Path(path).name.lower()
    for suffix, target in WRITERS.items():
        if name.endswith(suffix):
            module, _, function = target.partition(":")
            return getattr(import_module(f"licensecheck.report.{module}"), function)
    allowed = ", ".join(WRITERS)
    raise UnknownFormat(f"{path}: unknown report format; the file name must end in one of: {allowed}")


def is_json_result(path: str) -> bool:
    """The JSON result itself goes to this path (written from ScanResult.encode())."""
    name = Path(path).name.lower()
    return name.endswith(".json") and not name.endswith(".spdx.json")


def needs_checksums(path: str) -> bool:
    """SPDX documents carry each file's SHA1 and SHA256, which the scan then computes."""
    return Path(path).name.lower().endswith((".spdx", ".spdx.json"))


def check_writable(path: str) -> None:
    """Fail before scanning when the output path cannot be written at all."""
    writer_for(path)
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise UnknownFormat(f"{path}: the folder {folder} does not exist")


def write(path: str, result: ScanResult, lang: str) -> None:
    content = writer_for(path)(result, lang)
    data = content.encode("utf-8") if isinstance(content, str) else content  # JSON comes as UTF-8 pieces
    target = Path(path)
    atomic.write(target.resolve().parent / target.name, data, shared=True)
