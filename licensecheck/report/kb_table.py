# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""`licensecheck licenses`: the knowledge base as a plain-text table."""

from __future__ import annotations

import unicodedata

from licensecheck import i18n
from licensecheck.knowledge import License

COLUMNS = ("id", "name", "kind", "copyleft", "osi", "fsf", "oshwa", "restrictions")


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _row(entry: License, lang: str) -> list[str]:
    def t(key: str) -> str:
        return i18n.text(lang, key)

    restrictions = [t("ui.licenses.nc")] if entry.non_commercial else []
    restrictions += [t("ui.licenses.nd")] if entry.no_derivatives else []
    restrictions += [t("ui.licenses.deprecated")] if entry.deprecated else []
    return [
        entry.id,
        entry.name_zh if lang == "zh" and entry.name_zh else entry.name,
        ", ".join(t(f"ui.licenses.kind.{kind}") for kind in entry.kind),
        t(f"ui.licenses.copyleft.{entry.copyleft}"),
        t("ui.licenses.yes") if entry.osi else "",
        t("ui.licenses.yes") if entry.fsf_libre else "",
        t("ui.licenses.yes") if entry.oshwa else "",
        ", ".join(restrictions),
    ]


def render(entries: list[License], lang: str) -> str:
    header = [i18n.text(lang, f"ui.licenses.column.{column}") for column in COLUMNS]
    rows = [header] + [_row(entry, lang) for entry in entries]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
