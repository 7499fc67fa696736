# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""An evidence's detail in the report's language.

Extraction and identification write details in English, and the JSON result keeps them so
(scripts read them). Identification's are prose ("README license section: MIT: licensing
statement naming MIT (confidence 0.85)"), and so are conclusion's ("LICENSE covers the
project"). The HTML report gives those phrases in its language; the names of fields and tags
("title_block comment 1", "SPDX-License-Identifier") stay as the file writes them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from licensecheck import i18n
from licensecheck.identify.names import BSD_VARIANT_NOT_NAMED

# (the phrase as identification writes it, the catalog key of its wording), longest first where
# one phrase holds another ("license text" in "exception text" is not one: word boundaries).
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), f"report.evidence.{key}")
    for pattern, key in (
        # before the section: "README license section, part hardware" (extract.README_PART)
        (r"\bREADME license section, part hardware$", "readme_part_hardware"),
        (r"\bREADME license section, part software$", "readme_part_software"),
        (r"\bREADME license section, part documentation$", "readme_part_documentation"),
        (r"\bREADME license section\b", "readme_section"),
        (r"\blicense notice\b", "license_notice"),
        (r"\blicense text\b", "license_text"),
        # before "statement": its name is not an id ("the BSD license")
        (rf"\blicensing statement naming {re.escape(BSD_VARIANT_NOT_NAMED)}", "bsd_statement"),
        (rf"\bone-liner naming {re.escape(BSD_VARIANT_NOT_NAMED)}", "bsd_one_liner"),
        (r"\bMIT one-liner \(all text above must be kept\)", "mit_one_liner"),
        (r"\bMIT license named on a line of its own\b", "mit_named_alone"),
        (
            r"\blicensing statement naming (?P<family>CC-\S+) without a version, (?P<id>\S+) by its URL",
            "cc_version_from_url",
        ),
        (
            r"\blicensing statement naming (?P<family>CC-\S+) without a version \(4\.0 assumed\)",
            "cc_no_version",
        ),
        (r"\blicensing statement naming (?P<id>\S+?)(?=[;)]|$| \()", "statement"),
        (r"\bGNU notice \(only\)", "gnu_only"),
        (r"\bGNU notice \(or later\)", "gnu_later"),
        (r"\bGNU notice \(no version: any version\)", "gnu_any"),
        (r"\bfull text\b", "full_text"),
        (r"\bstandard header\b", "standard_header"),
        (r"\bexception text\b", "exception_text"),
        (r"\bexception named\b", "exception_named"),
        (r"\bCC0 waiver\b", "cc0_waiver"),
        (r"\bPerl's terms\b", "perl_terms"),
        (r"\bUnlicense statement\b", "unlicense_statement"),
        (r"\bstudy or non-commercial use only\b", "study_use_only"),
        (r"\bfor the vendor's chips only\b", "vendor_chips_only"),
        (r"\ba vendor's disclaimer, no licence\b", "vendor_disclaimer"),
        (r"\bFatFs licence\b", "fatfs_licence"),
        (r"^footprint of KiCad's library\b", "kicad_library"),
        (r"\bits 3D model is (?P<model>\S+)$", "kicad_model"),
        (r"\bwritten by its footprint generator$", "kicad_generator"),
        (r"^line (?P<line>\d+) starts with ';', which KiCad does not read as a comment$", "kicad_semicolon"),
        (r"^licensed as the LICENSE file at its component's root says$", "points_to_license_file"),
        (r"; named (?P<id>\S+) in LICENSES/", "named_in_licenses"),
        (r" ?\(confidence (?P<value>[\d.]+)\)", "confidence"),
        # Directory and manifest evidence (conclude.py, manifests.py): "LICENSE covers the project".
        (r"^(?P<path>\S+) covers the project$", "covers_project"),
        (r"^(?P<path>\S+) covers (?P<folder>\S+/)$", "covers_folder"),
        (r"^(?P<path>\S+) gives its licence to the hardware$", "readme_gives_hardware"),
        (r"^(?P<path>\S+) gives its licence to the software$", "readme_gives_software"),
        (r"^(?P<path>\S+) gives its licence to the documentation$", "readme_gives_documentation"),
        (r"^(?P<path>\S+) gives its licence to (?P<folder>\S+/)$", "readme_gives_folder"),
        (r"^(?P<path>\S+) license field$", "license_field"),
        (r"^(?P<path>\S+) is the design it was made from$", "made_from"),
    )
)
_ANY = re.compile(
    r"licens|licenc|GNU|text\b|header|exception|waiver|Perl|Unlicense|confidence|covers|study|vendor|KiCad|one-liner"
    r"|made from"
)


@lru_cache(maxsize=4096)
def worded(detail: str, lang: str) -> str:
    """`detail` with identification's phrases in `lang` (English: as written)."""
    if lang == "en" or not _ANY.search(detail):
        return detail
    worded = detail
    for pattern, key in _PHRASES:
        worded = pattern.sub(lambda found, key=key: i18n.text(lang, key, **found.groupdict()), worded)
    # "README license section: MIT: …" joins its parts as the language writes a colon.
    if worded == detail:
        return detail
    colon, semicolon = i18n.text(lang, "report.evidence.colon"), i18n.text(lang, "report.evidence.semicolon")
    return worded.replace(": ", colon).replace("; ", semicolon)
