# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Full license texts, taken from the installed SPDX data package and varied here."""

import os

import pytest

from licensecheck import identify
from licensecheck.identify import data


@pytest.fixture(scope="session")
def texts(tmp_path_factory):
    """License texts by id; the index is built once, into a cache folder of this session."""
    if "index" not in identify._STATE:
        os.environ["LICENSECHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("identify-cache"))
    identify.identify("")
    return data.load().licenses


def expression(text):
    return identify.identify(text).expression


SAMPLE = (
    "MIT",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "Apache-2.0",
    "GPL-2.0-only",
    "GPL-3.0-only",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "AGPL-3.0-only",
    "MPL-2.0",
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC0-1.0",
    "CERN-OHL-S-2.0",
    "CERN-OHL-W-2.0",
    "CERN-OHL-P-2.0",
    "CERN-OHL-1.2",
    "TAPR-OHL-1.0",
    "SHL-0.51",
    "MulanPSL-2.0",
    "Unlicense",
    "ISC",
    "Zlib",
    "MIT-0",
    "0BSD",
)


@pytest.mark.parametrize("spdx_id", SAMPLE)
def test_full_text_is_recognized(texts, spdx_id):
    result = identify.identify(texts[spdx_id])
    assert result.expression == spdx_id
    assert result.confidence > 0.9
    assert "full text" in result.detail


def test_a_gnu_text_alone_reads_as_only(texts):
    # SPDX's "-or-later" texts are the same words; a notice is what says "or later".
    assert expression(texts["GPL-2.0-or-later"]) == "GPL-2.0-only"
    assert expression(texts["LGPL-2.1-or-later"]) == "LGPL-2.1-only"


def _wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


VARIANTS = {
    "filled copyright": lambda t: (
        "Copyright (c) 2024 Open Maker Lab e.V.\n\n"
        + t.replace("<year>", "2024").replace("<copyright holders>", "Open Maker Lab")
    ),
    "rewrapped": lambda t: _wrap(t, 52),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "hash comments": lambda t: "\n".join("# " + line for line in t.splitlines()),
    "c block comment": lambda t: (
        "/*\n" + "\n".join(" * " + line for line in t.splitlines()) + "\n */\nint x;"
    ),
    "vhdl comments": lambda t: "\n".join("-- " + line for line in t.splitlines()) + "\nentity e is end;",
    "markdown": lambda t: "## License\n\n" + "\n\n".join(f"* **{p}**" for p in t.split("\n\n")),
    "typographic quotes": lambda t: t.replace('"', "\u201d").replace("'", "\u2019"),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("spdx_id", ["MIT", "BSD-3-Clause", "Apache-2.0", "GPL-3.0-only", "CERN-OHL-S-2.0"])
def test_variants_of_a_text_are_recognized(texts, spdx_id, variant):
    assert expression(VARIANTS[variant](texts[spdx_id])) == spdx_id


def test_close_licenses_are_told_apart(texts):
    assert expression(texts["BSD-2-Clause"]) == "BSD-2-Clause"
    assert expression(texts["BSD-3-Clause"]) == "BSD-3-Clause"
    assert expression(texts["MIT-0"]) == "MIT-0"
    assert expression(texts["CERN-OHL-W-2.0"]) == "CERN-OHL-W-2.0"


def test_a_name_the_template_lets_a_file_replace_is_not_required(texts):
    # Most ISC files say "THE AUTHOR" where SPDX's text says "ISC" (a replaceable part of its
    # template); the grant's "provided that ... appear in all copies" is not 0BSD's.
    isc = texts["ISC"].replace("AND ISC DISCLAIMS", "AND THE AUTHOR DISCLAIMS")
    isc = isc.replace("SHALL ISC BE", "SHALL THE AUTHOR BE")
    assert "ISC DISCLAIMS" not in isc and "SHALL ISC" not in isc
    assert expression(isc) == "ISC"
    assert expression(texts["0BSD"]) == "0BSD"


def test_a_replaceable_name_the_text_keeps_still_counts(texts):
    # X11 as X11 headers hold it: "X Consortium" (a replaceable name) throughout, without the
    # trademark sentence. The names it keeps are X11's own wording; not X11-swapped.
    x11 = texts["X11"]
    body = x11[x11.find("Permission is hereby granted") : x11.find("X Window System is a trademark")]
    assert expression("Copyright (c) 1992  X Consortium\n\n" + body) == "X11"


def test_a_version_the_template_lets_vary_is_still_required(texts):
    # SPDX's templates mark GFDL-1.2's "Version 1.2, November 2002" and CDDL-1.0's clause
    # numbers as replaceable; they are still what tells one version from the next, so the
    # first sections of GFDL-1.3 are not GFDL-1.2, nor most of CDDL-1.1 CDDL-1.0.
    gfdl = texts["GFDL-1.3-only"]
    assert expression(gfdl[: gfdl.find("11. RELICENSING")]) != "GFDL-1.2-only"
    cddl = texts["CDDL-1.1"]
    assert expression(cddl[: len(cddl) * 4 // 5]) == "CDDL-1.1"


def test_one_language_of_a_bilingual_text_is_enough(texts):
    chinese = "".join(line for line in texts["MulanPSL-2.0"].splitlines(True) if not line.isascii())
    assert expression(chinese) == "MulanPSL-2.0"


def test_lgpl3_without_the_gpl_it_carries(texts):
    lgpl = texts["LGPL-3.0-only"]
    cut = lgpl.find("GNU GENERAL PUBLIC LICENSE")
    assert cut > 0
    assert expression(lgpl[:cut]) == "LGPL-3.0-only"


def test_a_notice_before_a_gnu_text_sets_or_later(texts):
    notice = (
        "This program is free software; you can redistribute it and/or modify it under the terms of the\n"
        "GNU General Public License as published by the Free Software Foundation; either version 2 of the\n"
        "License, or (at your option) any later version.\n\n"
    )
    assert expression(notice + texts["GPL-2.0-only"]) == "GPL-2.0-or-later"


def test_two_texts_in_one_file_are_both_reported(texts):
    assert expression(texts["MIT"] + "\n\n" + texts["Apache-2.0"]) == "MIT AND Apache-2.0"
    offer = "You may use this project under either license below, at your option.\n\n"
    assert expression(offer + texts["MIT"] + "\n\n" + texts["Apache-2.0"]) == "MIT OR Apache-2.0"


def test_repeated_notices_of_different_licenses(texts):
    two, three = texts["BSD-2-Clause"], texts["BSD-3-Clause"]
    assert (
        expression(f"/* a.c */\n{two}\n/* b.c */\n{two}\n/* c.c */\n{three}")
        == "BSD-2-Clause AND BSD-3-Clause"
    )


def test_an_exception_joins_the_license_it_modifies(texts):
    exceptions = data.load().exceptions
    text = texts["GPL-2.0-only"] + "\n\n" + exceptions["Classpath-exception-2.0"]
    assert expression(text) == "GPL-2.0-only WITH Classpath-exception-2.0"


def test_a_composite_text_is_one_license(texts):
    # Sleepycat carries two BSD texts after its own terms.
    assert expression(texts["Sleepycat"]) == "Sleepycat"
