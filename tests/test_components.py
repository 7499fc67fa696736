# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Components: top-level folders by default, [components] patterns first."""

from __future__ import annotations

from licensecheck import components

PATHS = ["README.md", "LICENSE", "hw/board.kicad_pcb", "fw/src/main.c", "lib/ring/ring.c", "docs/a.md"]


def test_default_each_top_level_folder_and_the_root():
    grouped = components.group(PATHS, {})
    assert grouped == {
        ".": ("LICENSE", "README.md"),
        "docs": ("docs/a.md",),
        "fw": ("fw/src/main.c",),
        "hw": ("hw/board.kicad_pcb",),
        "lib": ("lib/ring/ring.c",),
    }


def test_configured_components_win_and_others_fall_back():
    grouped = components.group(PATHS, {"firmware": ("fw/**", "lib/**")})
    assert grouped["firmware"] == ("fw/src/main.c", "lib/ring/ring.c")
    assert "fw" not in grouped and "lib" not in grouped
    assert grouped["hw"] == ("hw/board.kicad_pcb",)  # in no configured component: the default rule


def test_first_configured_component_that_matches_wins():
    configured = {"drivers": ("fw/src/**",), "firmware": ("fw/**",)}
    assert components.component_of("fw/src/main.c", configured) == "drivers"
    assert components.component_of("fw/platformio.ini", configured) == "firmware"


def test_gitignore_style_patterns():
    configured = {"models": ("*.stl",), "top": ("/README.md",)}
    assert components.component_of("case/deep/part.stl", configured) == "models"
    assert components.component_of("README.md", configured) == "top"
    assert components.component_of("docs/README.md", configured) == "docs"
