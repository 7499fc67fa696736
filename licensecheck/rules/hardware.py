# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Open hardware norms that look at which files a project ships.

`hardware-source-missing`: fabrication outputs without the editable design they come
from (OSHWA definition, criterion 1). The pairs of outputs and sources are data, in
licenses/fabrication.toml.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from licensecheck.resources import data_path
from licensecheck.rules import Context, Issue, Rule, views

OSHWA_DEFINITION = "https://www.oshwa.org/definition/"
SHOWN_OUTPUTS = 5


@dataclass(frozen=True)
class DesignKind:
    key: str
    outputs: frozenset[str]
    sources: frozenset[str]


@cache
def design_kinds() -> tuple[DesignKind, ...]:
    with open(data_path("licenses") / "fabrication.toml", "rb") as handle:
        table = tomllib.load(handle)
    return tuple(
        DesignKind(key, frozenset(kind["outputs"]), frozenset(kind["sources"])) for key, kind in table.items()
    )


def hardware_source_missing(context: Context) -> Iterator[Issue]:
    by_format = views.paths_by_format(context)
    for kind in design_kinds():
        if not by_format.keys().isdisjoint(kind.sources):
            continue
        outputs = sorted(path for format_id in kind.outputs for path in by_format.get(format_id, ()))
        if not outputs:
            continue
        shown = ", ".join(outputs[:SHOWN_OUTPUTS]) + (" …" if len(outputs) > SHOWN_OUTPUTS else "")
        yield Issue(
            None,
            context.say(
                "hardware-source-missing",
                kind=context.say(f"design-kind.{kind.key}"),
                count=len(outputs),
                outputs=shown,
                expected=context.say(f"design-source.{kind.key}"),
            ),
        )


RULES = (Rule("hardware-source-missing", "warning", (OSHWA_DEFINITION,), hardware_source_missing),)
