# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags that are not this file's own)

import contextlib
import json
import time
import warnings
from pathlib import Path

import pytest
from hostile import assert_mutation_harmless
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.gerber import HEAD_BYTES, extract, extract_job

KICAD_ATTRIBUTES = [
    "%TF.GenerationSoftware,KiCad,Pcbnew,8.0.4*%",
    "%TF.CreationDate,2025-03-01T10:00:00+08:00*%",
    "%TF.ProjectId,smart-plant,5f3c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f,rev1.2*%",
    "%TF.SameCoordinates,Original*%",
    "%TF.FileFunction,Copper,L1,Top*%",
    "%TF.FilePolarity,Positive*%",
]


def make_gerber(header=(), body=(), traces: int = 4, attributes=KICAD_ATTRIBUTES) -> str:
    """A Gerber X2 copper layer as KiCad plots it, with extra header lines and image-data lines."""
    lines = [*attributes, *header, "%FSLAX46Y46*%",
             "G04 Gerber Fmt 4.6, Leading zero omitted, Abs format (unit mm)*",
             "%MOMM*%", "%LPD*%", "G01*", "G04 APERTURE LIST*", "%TA.AperFunction,Conductor*%",
             "%ADD10C,0.250000*%", "%TD*%", "G04 APERTURE END LIST*", "D10*"]  # fmt: skip
    for i in range(traces):
        lines += [f"X{100000000 + 10 * i}Y-80000000D02*", f"X{100000000 + 10 * i}Y-90000000D01*"]
    lines += [*body, "M02*"]
    return "\n".join(lines) + "\n"


def run(text: str | bytes, name: str = "board-F_Cu.gtl"):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source(name, data, Path("/nonexistent")))


def licenses(evidence):
    return [(e.line, e.expression or e.raw, e.detail) for e in evidence if e.is_license]


def copyrights(evidence):
    return [(e.line, e.copyright, e.detail) for e in evidence if e.copyright]


def test_fixture_is_a_gerber_a_fab_accepts():
    gerbonara = pytest.importorskip("gerbonara")
    text = make_gerber(["%TFLicense,CERN-OHL-S-2.0*%", "G04 SPDX-License-Identifier: CERN-OHL-S-2.0*"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layer = gerbonara.GerberFile.from_string(text)
    assert layer.file_attrs["License"] == ("CERN-OHL-S-2.0",)
    assert layer.file_attrs[".FileFunction"] == ("Copper", "L1", "Top")
    assert len(layer.objects) == 4


def test_kicad_plot_without_license_gives_nothing():
    assert run(make_gerber()) == []


def test_user_attribute_license_and_copyright():
    found = run(make_gerber(["%TFLicense,CERN-OHL-S-2.0*%", "%TFCopyright,2025 Shenzhen Maker Team*%"]))
    assert licenses(found) == [(7, "CERN-OHL-S-2.0", "%TF attribute License")]
    assert copyrights(found) == [(8, "2025 Shenzhen Maker Team", "%TF attribute Copyright")]
    assert all(e.source == "embedded" for e in found)


def test_license_attribute_holding_a_sentence_or_an_unknown_name():
    found = run(make_gerber(["%TFLicense,Released under CERN-OHL-W-2.0*%", "%TFLicence,Acme Licence*%"]))
    assert [(e.raw, e.expression) for e in found] == [
        ("Released under CERN-OHL-W-2.0", "CERN-OHL-W-2.0"),
        ("Acme Licence", None),  # kept raw: the rules report it
    ]


def test_g04_tags_lose_the_star_terminator():
    tags = ["G04 SPDX-FileCopyrightText: 2025 Li Lei*", "G04 SPDX-License-Identifier: CERN-OHL-S-2.0 *"]
    text = make_gerber(tags)
    found = run(text)
    assert [(e.line, e.raw, e.source) for e in found if e.is_license] == [(8, "CERN-OHL-S-2.0", "header")]
    assert copyrights(found) == [(7, "2025 Li Lei", "SPDX-FileCopyrightText")]


def test_attribute_in_comment_form():
    text = make_gerber(["G04 #@! TF.FileFunction,Copper,L1,Top*", "G04 #@! TFLicense,MIT*"], attributes=[])
    assert licenses(run(text)) == [(2, "MIT", "G04 #@! TF attribute License")]


def test_standard_attributes_are_never_licenses():
    text = make_gerber(attributes=["%TF.ProjectId,MIT-licensed-board,0000,rev1*%", "%TF.Part,Single*%"])
    assert run(text) == []


def test_license_sentence_in_a_comment():
    text = make_gerber(
        ["G04 Smart plant controller - licensed CERN-OHL-S-2.0 - source https://example.cn/x*"]
    )
    assert licenses(run(text)) == [(7, "CERN-OHL-S-2.0", "G04 comment")]


def test_designer_attribute_is_copyright_evidence_naming_the_field():
    found = run(make_gerber(["%TFDesigner,Li Lei*%", "%TFNote,Released under CERN-OHL-W-2.0*%"]))
    assert copyrights(found) == [(7, "Li Lei", "%TF attribute Designer")]
    assert licenses(found) == [(8, "CERN-OHL-W-2.0", "%TF attribute Note")]


def test_unicode_escapes_in_attribute_values():
    found = run(make_gerber(["%TFCopyright,2025 \\u674E\\u96F7*%"]))
    assert copyrights(found) == [(7, "2025 李雷", "%TF attribute Copyright")]


def test_statements_on_one_line():
    text = make_gerber(["%TFLicense,CERN-OHL-P-2.0*%G04 Copyright 2025 Jane Maker*"]).replace("\n", "")
    found = run(text)
    assert licenses(found) == [(1, "CERN-OHL-P-2.0", "%TF attribute License")]
    assert copyrights(found) == [(1, "Copyright 2025 Jane Maker", "Copyright")]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (b"X1Y1D01\xc2\xa0G04 Copyright 2025 Jane*", "Copyright 2025 Jane"),  # U+00A0 is white space
        (b"X1Y1D01\xe3\x80\x80%TFCopyright,2025 Jane*%", "2025 Jane"),  # so is U+3000
        (b"X1Y1D01\x1cG04 Copyright 2025 Jane*", "Copyright 2025 Jane"),  # and \x1c, for Python
        (b"X1Y1D01\xa0G04 Copyright 2025 Jane*", None),  # a stray byte is U+FFFD: no separator
        ("X1Y1D01*G04\u0663 Copyright 2025 Jane*".encode(), None),  # G04 and an Arabic-Indic 3: G043
        ("X1Y1D01*G04\u00b2 Copyright 2025 Jane*".encode(), "Copyright 2025 Jane"),  # '²' is no digit
        (b"%TFCopyright,2025 \xe6\x9d Jane \xe6\x9d\x8e\xff*%", "2025 \ufffd Jane \u674e\ufffd"),
    ],
)
def test_statements_are_read_as_in_decoded_text(text, holder):
    """Statements are found in the bytes; a non-ASCII character around them counts as decoded."""
    assert [e.copyright for e in run(text) if e.copyright] == ([holder] if holder else [])


def test_tag_deep_in_a_huge_file_is_found_and_fast():
    plots = [f"X{i}Y{i}D01*" for i in range(200_000)]  # 3.5 MB of image data
    middle = ["G04 SPDX-License-Identifier: CERN-OHL-W-2.0*"]
    body = plots[:100_000] + middle + plots[100_000:] + ["G04 Copyright 2026 Tail Team*"]
    text = make_gerber(body=body)
    data = text.encode()
    assert len(data) > 40 * HEAD_BYTES
    start = time.perf_counter()
    found = run(data)
    elapsed = time.perf_counter() - start
    tag_line = text[: text.index("SPDX-License")].count("\n") + 1
    tail_line = text[: text.index("Copyright 2026")].count("\n") + 1
    assert [(e.line, e.raw) for e in found if e.is_license] == [(tag_line, "CERN-OHL-W-2.0")]
    assert copyrights(found) == [(tail_line, "Copyright 2026 Tail Team", "Copyright")]
    assert elapsed < 1.0


def test_binary_data_is_an_extract_error():
    with pytest.raises(ExtractError):
        run(b"G04 x*\n\x00\x01\x02" * 10)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2000), st.binary(min_size=1, max_size=20))
def test_mutations_never_crash(position, noise):
    text = make_gerber(["%TFLicense,CERN-OHL-S-2.0*%", "G04 SPDX-License-Identifier: MIT*"]).encode()
    assert_mutation_harmless(run, text, position, noise)


# --- Gerber job file ---------------------------------------------------------------------

KICAD_JOB = {
    "Header": {
        "GenerationSoftware": {"Vendor": "KiCad", "Application": "Pcbnew", "Version": "9.0.6"},
        "CreationDate": "2025-11-24T17:12:21+00:00",
    },
    "GeneralSpecs": {
        "ProjectId": {"Name": "power-pcb", "GUID": "706f7765-722d-4706-9362-2e6b69636164", "Revision": "r1"},
        "Size": {"X": 26.124, "Y": 22.766},
        "LayerNumber": 2,
        "BoardThickness": 1.6,
        "Finish": "None",
    },
    "DesignRules": [{"Layers": "Outer", "PadToPad": 0.2, "PadToTrack": 0.2, "TrackToTrack": 0.2}],
    "FilesAttributes": [
        {"Path": "power-pcb-F_Cu.gtl", "FileFunction": "Copper,L1,Top", "FilePolarity": "Positive"},
        {"Path": "power-pcb-Edge_Cuts.gm1", "FileFunction": "Profile,NP", "FilePolarity": "Positive"},
    ],
}


def run_job(document) -> list:
    text = document if isinstance(document, str) else json.dumps(document, indent=2)
    return extract_job(Source("board-job.gbrjob", text.encode(), Path("/nonexistent")))


def test_kicad_job_without_license_gives_nothing():
    assert run_job(KICAD_JOB) == []


def test_job_license_and_copyright_fields():
    specs = {**KICAD_JOB["GeneralSpecs"], "License": "CERN-OHL-S-2.0", "Copyright": "2025 Maker Team"}
    text = json.dumps({**KICAD_JOB, "GeneralSpecs": specs}, indent=2)
    found = run_job(text)
    license_line = text[: text.index('"License"')].count("\n") + 1
    assert licenses(found) == [(license_line, "CERN-OHL-S-2.0", "Gerber job GeneralSpecs.License")]
    assert copyrights(found) == [(license_line + 1, "2025 Maker Team", "Gerber job GeneralSpecs.Copyright")]


def test_job_text_value_with_a_tag():
    header = {**KICAD_JOB["Header"], "Comment": "SPDX-License-Identifier: CC-BY-SA-4.0"}
    found = run_job({**KICAD_JOB, "Header": header})
    assert [(e.expression or e.raw) for e in found if e.is_license] == ["CC-BY-SA-4.0"]


@pytest.mark.parametrize("text", ["{not json", "[" * 100_000 + "]" * 100_000, "\xff\xfe"])
def test_broken_job_is_an_extract_error(text):
    with pytest.raises(ExtractError):
        run_job(text)
