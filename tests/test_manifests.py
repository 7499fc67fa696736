# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
import json

import pytest

from licensecheck import manifests


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("library.json", json.dumps({"name": "ringbuf", "version": "1.0.0", "license": "MIT"}), "MIT"),
        (
            "fw/package.json",
            json.dumps({"name": "ui", "license": "(MIT OR Apache-2.0)"}),
            "(MIT OR Apache-2.0)",
        ),
        ("package.json", json.dumps({"name": "old", "license": {"type": "ISC", "url": "x"}}), "ISC"),
        ("pyproject.toml", '[project]\nname = "tool"\nlicense = "GPL-3.0-or-later"\n', "GPL-3.0-or-later"),
        ("pyproject.toml", '[project]\nname = "tool"\nlicense = {text = "MIT"}\n', "MIT"),
        ("Cargo.toml", '[package]\nname = "fw"\nlicense = "MIT/Apache-2.0"\n', "MIT OR Apache-2.0"),
        ("Cargo.toml", '[package]\nname = "fw"\nlicense = "MIT OR Apache-2.0"\n', "MIT OR Apache-2.0"),
        (
            "library.properties",
            "name=Ringbuf\nversion=1.0.0\nlicense=LGPL-2.1-or-later\n",
            "LGPL-2.1-or-later",
        ),
    ],
)
def test_license_fields(path, text, expected):
    found = manifests.evidence(path, text)
    assert found is not None
    assert found.source == "manifest"
    assert found.raw == expected
    assert found.detail.startswith(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Apache License 2.0", "Apache-2.0"),  # PlatformIO libraries often write the name
        ("MIT", "MIT"),
        ("(MIT OR Apache-2.0)", "MIT OR Apache-2.0"),
        ("Apache 2.0 with my changes", None),  # names nothing: kept raw for the rules
        ("LGPL 2.1", "LGPL-2.1-only"),  # an alias of a deprecated id gives the current one
        ("GPL 3.0", "GPL-3.0-only"),
        ("BSD", None),  # ambiguous (which BSD?): reported as written, not guessed
        ("GPLv3", None),
    ],
)
def test_a_license_name_in_a_manifest_maps_like_a_design_field(name, expected):
    found = manifests.evidence("lib/ringbuf/library.json", json.dumps({"name": "ringbuf", "license": name}))
    assert found is not None and found.raw == name
    assert found.expression == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("library.json", "{not json"),
        ("library.json", "[1, 2]"),
        ("package.json", json.dumps({"name": "x"})),
        ("pyproject.toml", "[project\n"),
        ("pyproject.toml", '[project]\nlicense = {file = "LICENSE"}\n'),
        ("library.properties", "name=Ringbuf\nauthor=Li Lei\n"),
        ("README.md", "license: MIT"),
        # Nested deeper than Python's parsers recurse: no licence, and no RecursionError.
        ("package.json", '{"license": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("Cargo.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n"),
    ],
)
def test_no_license(path, text):
    assert manifests.evidence(path, text) is None
