# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Comment syntaxes, declared as data.

Each style says how a comment starts and ends, so the header extractor can
strip the closing syntax from a tag's value (`*/`, `-->`, `*)` ...). The
classify table names a style for every text format.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommentStyle:
    name: str
    single: tuple[str, ...] = ()  # line comment markers: ("//",)
    multi: tuple[tuple[str, str], ...] = ()  # (opening, closing) pairs: (("/*", "*/"),)
    middle: tuple[str, ...] = ()  # decorations that continue a block comment: ("*",)


STYLES: dict[str, CommentStyle] = {
    style.name: style
    for style in (
        CommentStyle("none"),
        CommentStyle("c", ("//",), (("/*", "*/"),), ("*",)),
        CommentStyle("c-block", (), (("/*", "*/"),), ("*",)),  # CSS, STEP exchange structure
        CommentStyle("python", ("#",), (('"""', '"""'), ("'''", "'''"))),
        CommentStyle("hash", ("#",)),
        CommentStyle("semicolon", (";",)),  # ini, PlatformIO, assembler, Excellon headers, Lisp
        CommentStyle("semicolon-hash", (";", "#")),
        CommentStyle("percent", ("%",)),  # TeX, Matlab, Erlang
        CommentStyle("dash", ("--",)),  # VHDL, SQL, Lua, Haskell, Ada
        CommentStyle("lua", ("--",), (("--[[", "]]"),)),
        CommentStyle("haskell", ("--",), (("{-", "-}"),)),
        CommentStyle("vhdl", ("--",), (("/*", "*/"),)),
        CommentStyle("html", (), (("<!--", "-->"),)),  # HTML, XML, SVG, Markdown
        CommentStyle("bat", ("REM ", "rem ", "::")),
        CommentStyle("apostrophe", ("'",)),  # VB, SPICE netlists use '*' too
        CommentStyle("spice", ("*", ";")),
        CommentStyle("ml", (), (("(*", "*)"),), ("*",)),  # OCaml, Pascal, Mathematica
        CommentStyle("jinja", (), (("{#", "#}"),)),
        CommentStyle("rst", (".. ",)),
        CommentStyle("man", ('.\\"', "'\\\"")),
        CommentStyle("tex", ("%",)),
        CommentStyle("fortran", ("!",)),
        CommentStyle("gerber", ("G04",)),  # G04 <text>* ; the value ends at '*'
        CommentStyle("dxf", ("999",)),  # group code 999 precedes a comment line
        CommentStyle("kicad", ("#",)),  # leading '#' lines in KiCad s-expression files
        CommentStyle("asciidoc", ("//",), (("////", "////"),)),
        CommentStyle("m4", ("dnl ", "#")),
        CommentStyle("clojure", (";;", ";")),
        CommentStyle("erlang", ("%",)),
        CommentStyle("vim", ('"',)),
    )
}


def style(name: str) -> CommentStyle:
    return STYLES.get(name, STYLES["none"])


def closers(style_name: str) -> tuple[str, ...]:
    """Closing markers that may end a line holding a tag in this style."""
    found = style(style_name)
    return tuple(close for _, close in found.multi)
