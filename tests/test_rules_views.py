# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Views of the scan that rules share: built once per evaluation, as the rules would build them."""

from __future__ import annotations

from licensecheck.conclude import Concluded
from licensecheck.config import Config
from licensecheck.model import FileResult, Project
from licensecheck.policy import build
from licensecheck.rules import Context, shared
from licensecheck.rules.compatibility import _Under


def _context(files: tuple[FileResult, ...] = ()) -> Context:
    concluded = Concluded(
        files=files,
        project=Project(),
        license_texts={},
        licenses_dir={},
        unrecognized_texts=(),
        cut_off={},
        vendor_files={},
        covered=frozenset(f.path for f in files),
        problems=(),
        license_files=frozenset(),
    )
    return Context(concluded, "en", build(Config(), None, None))


def test_a_shared_view_is_built_once_per_evaluation():
    built = []

    @shared
    def paths(context: Context) -> list[str]:
        built.append(context)
        return [f.path for f in context.concluded.files]

    first, second = _context((FileResult("a.c", "software", "c"),)), _context()
    assert paths(first) is paths(first) and paths(first) == ["a.c"]
    assert paths(second) == []
    assert built == [first, second]


def test_files_under_a_folder_keep_their_order():
    order = ["src/b.c", "src.c", "src/a/x.c", "srcs/c.c", "src/a.c", "other/src/d.c"]
    under = _Under([(FileResult(path, "software", "c"), ("MIT",)) for path in order])
    assert [f.path for f, _ in under.under("src")] == ["src/b.c", "src/a/x.c", "src/a.c"]
    assert [f.path for f, _ in under.under("src/a")] == ["src/a/x.c"]
    assert [f.path for f, _ in under.under("")] == order
    assert under.under("none") == []
