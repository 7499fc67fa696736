# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Generate a deterministic synthetic maker repository for benchmarks.

The mix follows a typical open-hardware project: C and Python sources with SPDX
headers, vendored C libraries whose files carry a license notice and no tag,
KiCad boards and schematics, Gerbers and drill files, STL meshes with .license
sidecars, Markdown docs, images, a REUSE.toml for the fabrication outputs.
The same `count` and `seed` always give the same bytes.
"""

from __future__ import annotations

import random
import struct
from functools import partial
from pathlib import Path

LICENSES = ["MIT", "GPL-3.0-or-later", "Apache-2.0", "BSD-3-Clause", "CERN-OHL-S-2.0"]
VENDORED = ["BSD-3-Clause", "MIT", "Apache-2.0"]  # the notices of vendored libraries


def c_source(rng: random.Random, n: int) -> str:
    body = "\n".join(
        f"int f{n}_{i}(int x) {{ return x * {rng.randint(1, 99)}; }}" for i in range(rng.randint(20, 200))
    )
    license_id = rng.choice(LICENSES)
    return f"// SPDX-FileCopyrightText: 2025 Maker {n}\n// SPDX-License-Identifier: {license_id}\n{body}\n"


def vendored_source(rng: random.Random, n: int, notices: dict[str, str]) -> str:
    """A file of a vendored library (a HAL, an Arduino library): the library's copyright and
    license notice in its top comment, no SPDX tag; one vendor per folder writes them alike."""
    license_id = rng.choice(VENDORED)
    notice = notices.get(license_id, f"{license_id} license notice placeholder")
    lines = "".join(f" * {line}".rstrip() + "\n" for line in notice.splitlines())
    body = "\n".join(
        f"int v{n}_{i}(int x) {{ return x + {rng.randint(1, 99)}; }}" for i in range(rng.randint(20, 200))
    )
    return f"/*\n * Copyright (c) 2019 Vendor {n % 50}\n *\n{lines} */\n#include <stdint.h>\n{body}\n"


def py_source(rng: random.Random, n: int) -> str:
    body = "\n".join(
        f"def f{i}(x):\n    return x + {rng.randint(1, 99)}\n" for i in range(rng.randint(10, 100))
    )
    return (
        f"# SPDX-FileCopyrightText: 2025 Maker {n}\n# SPDX-License-Identifier: {rng.choice(LICENSES)}\n{body}"
    )


def kicad_pcb(rng: random.Random, n: int) -> str:
    items = "\n".join(
        f"  (segment (start {rng.random() * 100:.4f} {rng.random() * 100:.4f}) (end {rng.random() * 100:.4f} "
        f'{rng.random() * 100:.4f}) (width 0.25) (layer "F.Cu") (net {i % 20}))'
        for i in range(rng.randint(200, 3000))
    )
    return (
        f'(kicad_pcb (version 20240108) (generator "pcbnew")\n  (general (thickness 1.6))\n  (paper "A4")\n'
        f'  (title_block (title "Board {n}") (company "Maker {n}")\n'
        f'    (comment 1 "SPDX-License-Identifier: CERN-OHL-S-2.0"))\n{items}\n)\n'
    )


def gerber(rng: random.Random, n: int) -> str:
    moves = "\n".join(
        f"X{rng.randint(0, 99999999)}Y{rng.randint(0, 99999999)}D0{rng.choice((1, 2))}*"
        for _ in range(rng.randint(500, 5000))
    )
    return (
        "G04 #@! TF.GenerationSoftware,KiCad,Pcbnew,8.0.4*\nG04 #@! TF.FileFunction,Copper,L1,Top*\n"
        f"%FSLAX46Y46*%\n%MOMM*%\n%LPD*%\nG01*\n%ADD10C,0.250000*%\nD10*\n{moves}\nM02*\n"
    )


def stl(rng: random.Random, n: int) -> bytes:
    count = rng.randint(100, 2000)
    triangles = b"".join(struct.pack("<12fH", *(rng.random() for _ in range(12)), 0) for _ in range(count))
    return b"OpenSCAD Model".ljust(80, b" ") + struct.pack("<I", count) + triangles


def markdown(rng: random.Random, n: int) -> str:
    text = "\n\n".join(f"Step {i}: solder part R{rng.randint(1, 99)}." for i in range(rng.randint(5, 50)))
    return f"<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n# Guide {n}\n\n{text}\n"


def png(rng: random.Random, n: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + rng.randbytes(rng.randint(2000, 60000))


def license_texts() -> tuple[dict[str, str], dict[str, str]]:
    """The SPDX license texts and standard headers, from the registry packages licensecheck
    reads at run time: a REUSE tree holds the real texts in LICENSES/, which identification
    reads, and vendored files their notices. Placeholders when licensecheck or its data is not
    installed beside this Python."""
    try:
        from licensecheck.identify import data

        corpus = data.load()
    except Exception:  # noqa: BLE001 (any failure only costs realism, not the benchmark)
        return {}, {}
    return corpus.licenses, corpus.headers


def generate(root: Path, count: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "LICENSES").mkdir(exist_ok=True)
    texts, headers = license_texts()
    # A vendored file holds a short license's whole text, or Apache's standard header.
    notices = {"BSD-3-Clause": texts.get("BSD-3-Clause"), "MIT": texts.get("MIT")}
    notices["Apache-2.0"] = headers.get("Apache-2.0") or texts.get("Apache-2.0")
    notices = {lic: notice for lic, notice in notices.items() if notice}
    for lic in [*LICENSES, "CC-BY-SA-4.0"]:
        (root / "LICENSES" / f"{lic}.txt").write_text(texts.get(lic, f"{lic} license text placeholder\n"))
    (root / "REUSE.toml").write_text(
        'version = 1\n\n[[annotations]]\npath = "**/gerbers/**"\n'
        'SPDX-FileCopyrightText = "2025 Maker"\nSPDX-License-Identifier = "CERN-OHL-S-2.0"\n'
    )
    kinds = [
        ("firmware/src", "c", c_source, 30),
        ("firmware/lib", "c", partial(vendored_source, notices=notices), 10),
        ("tools", "py", py_source, 15),
        ("hardware", "kicad_pcb", kicad_pcb, 5),
        ("hardware/gerbers", "gbr", gerber, 15),
        ("mechanical", "stl", stl, 10),
        ("docs", "md", markdown, 15),
        ("docs/img", "png", png, 10),
    ]
    weights = [k[3] for k in kinds]
    for n in range(count):
        folder, suffix, make, _ = rng.choices(kinds, weights)[0]
        sub = root / folder / f"part{n % 50}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"file{n}.{suffix}"
        content = make(rng, n)
        if isinstance(content, bytes):
            path.write_bytes(content)
            Path(f"{path}.license").write_text(
                "SPDX-FileCopyrightText: 2025 Maker\nSPDX-License-Identifier: CC-BY-SA-4.0\n"
            )
        else:
            path.write_text(content)
    return root
