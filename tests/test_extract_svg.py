# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags that are not this file's own)

import contextlib
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hostile import assert_mutation_harmless
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.svg import extract

CC = "http://creativecommons.org/ns#"
OLD_CC = "http://web.resource.org/cc/"  # Inkscape 0.4x


def agent(name: str) -> str:
    return f"<cc:Agent><dc:title>{name}</dc:title></cc:Agent>"


def make_svg(comments=(), work="", extra_rdf="", cc=CC, paths: int = 1, after: str = "") -> str:
    """An Inkscape drawing: comments before the root, RDF metadata, then the drawing."""
    head = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>', *(f"<!-- {c} -->" for c in comments)]
    drawing = [f'  <path id="p{i}" d="M {i} 0 L {i} 10 Z" style="fill:#c3e6d9"/>' for i in range(paths)]
    lines = [*head,
             '<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
             f'     xmlns:cc="{cc}" xmlns:dc="http://purl.org/dc/elements/1.1/"',
             '     width="36mm" height="37mm" viewBox="0 0 36 37" version="1.1">',
             "  <metadata>", "    <rdf:RDF>", '      <cc:Work rdf:about="">',
             "        <dc:format>image/svg+xml</dc:format>", "        <dc:title>Front panel</dc:title>",
             *work.splitlines(), "      </cc:Work>", *extra_rdf.splitlines(), "    </rdf:RDF>",
             "  </metadata>", *drawing, after, "</svg>"]  # fmt: skip
    return "\n".join(lines) + "\n"


def run(text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source("panel.svg", data, Path("/nonexistent")))


def licenses(evidence):
    return [(e.line, e.expression or e.raw, e.detail) for e in evidence if e.is_license]


def copyrights(evidence):
    return [(e.line, e.copyright, e.detail) for e in evidence if e.copyright]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


NORMS_WORK = f"""<dc:creator>{agent("Li Lei")}</dc:creator>
<cc:license rdf:resource="http://creativecommons.org/licenses/by-sa/4.0/"/>"""
NORMS_LICENSE = """<cc:License rdf:about="http://creativecommons.org/licenses/by-sa/4.0/">
  <cc:permits rdf:resource="http://creativecommons.org/ns#Reproduction"/>
</cc:License>"""


def test_fixture_is_well_formed_svg():
    text = make_svg(["SPDX-License-Identifier: CC-BY-SA-4.0"], NORMS_WORK, NORMS_LICENSE)
    root = ElementTree.fromstring(text)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.find(f".//{{{CC}}}license").get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource")


def test_norms_example_comments_and_rdf():
    text = make_svg(["SPDX-FileCopyrightText: 2025 Li Lei", "SPDX-License-Identifier: CC-BY-SA-4.0"],
                    NORMS_WORK, NORMS_LICENSE)  # fmt: skip
    found = run(text)
    assert [(e.line, e.raw, e.source) for e in found if e.source == "header" and e.is_license] == [
        (3, "CC-BY-SA-4.0", "header")
    ]
    assert licenses([e for e in found if e.source == "embedded"]) == [
        (line_of(text, "<cc:license"), "CC-BY-SA-4.0", "SVG RDF cc:license")  # cc:License repeats it
    ]
    assert copyrights(found) == [
        (2, "2025 Li Lei", "SPDX-FileCopyrightText"),
        (line_of(text, "<dc:creator"), "Li Lei", "SVG RDF dc:creator"),
    ]


def test_openclipart_public_domain_url_goes_through_the_alias_table():
    knowledge = pytest.importorskip("licensecheck.knowledge")
    url = "http://creativecommons.org/licenses/publicdomain/"
    work = f'<cc:license rdf:resource="{url}"/>\n<dc:publisher><cc:Agent rdf:about="http://openclipart.org/">'
    work += "<dc:title>Openclipart</dc:title></cc:Agent></dc:publisher>"
    found = run(make_svg(work=work, extra_rdf=f'<cc:License rdf:about="{url}"/>'))
    expected = knowledge.alias(url)
    assert expected is not None
    assert [(e.raw, e.expression) for e in found if e.is_license] == [(url, expected[0])]
    assert [c for _, c, d in copyrights(found) if d == "SVG RDF dc:publisher"] == ["Openclipart"]


def test_old_inkscape_namespace():
    work = '<cc:license rdf:resource="http://creativecommons.org/licenses/by/3.0/"/>'
    assert [e.expression for e in run(make_svg(work=work, cc=OLD_CC))] == ["CC-BY-3.0"]


def test_rights_statements():
    work = f"<dc:rights>{agent('CC BY-SA 4.0')}</dc:rights>"
    assert [e.expression for e in run(make_svg(work=work))] == ["CC-BY-SA-4.0"]
    work = f"<dc:rights>{agent('Copyright 2025 Shenzhen Maker Team')}</dc:rights>"
    assert [c for _, c, _ in copyrights(run(make_svg(work=work)))] == ["Copyright 2025 Shenzhen Maker Team"]


def test_description_sentence():
    work = "<dc:description>Front panel. Licensed under the CERN-OHL-W-2.0.</dc:description>"
    text = make_svg(work=work)
    line = line_of(text, "<dc:description")
    assert licenses(run(text)) == [(line, "CERN-OHL-W-2.0", "SVG RDF dc:description")]


def test_several_creators_in_a_bag():
    work = "<dc:creator><rdf:Bag><rdf:li>Li Lei</rdf:li><rdf:li>Han Meimei</rdf:li></rdf:Bag></dc:creator>"
    assert [c for _, c, _ in copyrights(run(make_svg(work=work)))] == ["Li Lei", "Han Meimei"]


def test_work_title_is_not_a_person():
    assert run(make_svg()) == []


def test_metadata_after_the_drawing_keeps_line_numbers():
    text = make_svg(paths=0, after="\n".join(f'<circle cx="{i}" cy="1" r="1"/>' for i in range(500)))
    text = text.replace("  <metadata>", "\n".join(f'<rect x="{i}" width="1" height="1"/>' for i in range(500))
                        + "\n  <metadata>")  # fmt: skip
    text = text.replace("<dc:title>Front panel</dc:title>", NORMS_WORK)
    assert [e.line for e in run(text) if e.is_license] == [line_of(text, "<cc:license")]


def test_drawing_around_the_rdf_block_is_not_parsed():
    text = make_svg(work=NORMS_WORK, paths=0, after="<g><unclosed></g>")
    text = text.replace("<metadata>", "<g></h><metadata>")
    with pytest.raises(ElementTree.ParseError):
        ElementTree.fromstring(text)
    assert [e.expression for e in run(text) if e.is_license] == ["CC-BY-SA-4.0"]


def test_malformed_rdf_block_is_an_extract_error():
    text = make_svg(work=NORMS_WORK).replace("</cc:Work>", "</cc:Wrok>", 1)
    with pytest.raises(ExtractError):
        run(text)


def test_drawing_without_rdf_is_not_parsed():
    text = '<svg xmlns="http://www.w3.org/2000/svg"><!-- Copyright 2025 Li Lei --><g></svg>'
    assert copyrights(run(text)) == [(1, "Copyright 2025 Li Lei", "Copyright")]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<!-- SPDX-License-Identifier: MIT -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <metadata><rdf:RDF><cc:Work><dc:creator>&lol9;</dc:creator></cc:Work></rdf:RDF></metadata>
</svg>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <metadata><rdf:RDF><dc:rights>&secret;</dc:rights></rdf:RDF></metadata>
</svg>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, XXE])
def test_entities_are_never_expanded(text):
    start = time.perf_counter()
    found = run(text)
    assert time.perf_counter() - start < 0.5
    assert [e for e in found if e.source == "embedded"] == []
    assert all(len(e.raw or e.copyright or "") < 100 for e in found)


def test_entity_declaring_drawing_still_gives_its_comments():
    assert [e.raw for e in run(BILLION_LAUGHS)] == ["MIT"]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 3000), st.binary(min_size=1, max_size=20))
def test_mutations_never_crash(position, noise):
    text = make_svg(["SPDX-License-Identifier: CC-BY-SA-4.0"], NORMS_WORK, NORMS_LICENSE).encode()
    assert_mutation_harmless(run, text, position, noise)
