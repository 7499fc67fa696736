# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The ids of the rule catalog (licensecheck.rules), without the catalog."""

# Every rule id, written out so that checking a configuration's rule names imports no rule
# module (a warm scan would spend a tenth of its time importing them), nor the rule machinery
# of licensecheck.rules (its dataclasses take 4 ms to create); a test keeps it equal to the
# catalog's ids.
RULE_IDS = frozenset(
    {
        "bom-missing", "cc-license-on-software", "compatibility-review", "conflicting-file-license",
        "declared-license-mismatch", "dep5-deprecated", "dep5-with-reuse-toml", "deprecated-license",
        "gpl-in-firmware", "hardware-license-on-software", "hardware-source-missing",
        "incompatible-licenses", "invalid-license-expression", "kicad-library-copy", "kicad-unloadable",
        "lgpl-static-linking", "license-not-allowed", "license-not-in-reuse-form",
        "license-text-not-in-licenses-dir", "missing-copyright", "missing-license", "missing-license-text",
        "no-project-license", "non-open-license", "oshwa-license-missing", "proprietary-format-only",
        "software-license-on-hardware", "unknown-license", "unreadable-file", "unrecognized-license-text",
        "unused-license-text",
    }
)  # fmt: skip
