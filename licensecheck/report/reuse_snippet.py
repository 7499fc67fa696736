# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""A REUSE.toml a maker can paste to answer missing-license or missing-copyright for whole
folders at once (a folder of Gerbers, a vendored library), instead of one fix per file.

The values are placeholders: the report cannot know whose files they are or their licence.
"""

from __future__ import annotations

from collections import Counter

from licensecheck.model import Finding

# The key each rule's findings ask for, and its placeholder.
KEYS = {
    "missing-license": ("SPDX-License-Identifier", "<license>"),
    "missing-copyright": ("SPDX-FileCopyrightText", "<year> <holder>"),
}
AT_LEAST = 3  # findings in one folder for it to get an annotation
MOST = 12  # annotations in one snippet: the biggest folders


def snippet(rule: str, findings: tuple[Finding, ...] | list[Finding]) -> str | None:
    """REUSE.toml text annotating each folder that holds AT_LEAST of the rule's findings (not
    waived), or None when the rule asks for no such key or no folder holds that many."""
    if rule not in KEYS:
        return None
    counts = Counter(_folder(f.path) for f in findings if f.path and f.waived is None)
    folders = sorted(
        # A control character cannot be written in a TOML string as the path holds it.
        (folder for folder, count in counts.items() if folder and count >= AT_LEAST and folder.isprintable()),
        key=lambda folder: (-counts[folder], folder),
    )[:MOST]
    # "hardware/**" annotates hardware/production/ too.
    folders = [f for f in folders if not any(f.startswith(other + "/") for other in folders)]
    if not folders:
        return None
    key, placeholder = KEYS[rule]
    blocks = [
        f'[[annotations]]\npath = "{_glob(folder)}/**"\n{key} = "{placeholder}"\n'
        for folder in sorted(folders)
    ]
    return "version = 1\n\n" + "\n".join(blocks)


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


def _glob(folder: str) -> str:
    """The folder as a REUSE.toml path glob inside a TOML basic string: the glob's escapes for
    '*' and '\\', then TOML's for '\\' and '"'."""
    globbed = folder.replace("\\", "\\\\").replace("*", "\\*")
    return globbed.replace("\\", "\\\\").replace('"', '\\"')
