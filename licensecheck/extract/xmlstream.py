# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""XML design files read as a stream, through defusedxml, with line numbers.

Eagle boards and Fritzing sketches run to megabytes of geometry after the few
elements that hold a license, so no tree is built: a handler sees each element
as it starts and ends, keeps the text of the few it wants, and raises `Stop`
once it has read all it needs. defusedxml refuses entity declarations and
external references, so a billion-laughs or XXE file is an `ExtractError`,
never an expansion.
"""

from __future__ import annotations

from typing import Any, Protocol
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from licensecheck.extract import ExtractError

CHUNK = 256 * 1024  # bytes fed to expat at a time, so a handler's Stop saves the rest of the parse
MAX_DEPTH = 512  # design formats nest a dozen levels; deeper is a hostile or broken file


class Stop(Exception):
    """Raised by a handler that has read everything it needs."""


def attribute(attributes: list[str], name: str) -> str:
    """The value of one attribute in expat's flat [name, value, name, value...] list, or ""."""
    for i in range(0, len(attributes) - 1, 2):
        if attributes[i] == name:
            return attributes[i + 1]
    return ""


class Handler(Protocol):
    def start(self, tag: str, attributes: list[str], line: int) -> None:
        """`attributes` is expat's flat list; read it with `attribute()`."""

    def end(self, tag: str, text: str | None) -> None:
        """`text` is the element's character data when `start` asked to capture it."""

    def comment(self, text: str, line: int) -> None: ...


class _Target:
    """Adapts expat's callbacks to a Handler: element names without namespace, captured text."""

    def __init__(self, handler: Handler, capture: frozenset[str], limit: int) -> None:
        self.handler = handler
        self.capture = capture
        self.limit = limit
        self.parser: Any = None  # the expat parser, for line numbers
        self.stack: list[str] = []
        self.parts: list[list[str]] = []  # text of the captured elements that are open
        self.sizes: list[int] = []

    def _line(self) -> int:
        return self.parser.CurrentLineNumber if self.parser else 0

    def start(self, tag: str, attributes: list[str]) -> None:
        name = tag.rpartition("}")[2]
        self.stack.append(name)
        if len(self.stack) > MAX_DEPTH:
            raise ExtractError(f"XML nested deeper than {MAX_DEPTH} elements")
        if name in self.capture:
            self.parts.append([])
            self.sizes.append(0)
        self.handler.start(name, attributes, self._line())

    def end(self, tag: str) -> None:
        name = self.stack.pop() if self.stack else tag.rpartition("}")[2]
        text = None
        if name in self.capture and self.parts:
            text = "".join(self.parts.pop())
            self.sizes.pop()
        self.handler.end(name, text)

    def data(self, text: str) -> None:
        if self.parts and self.sizes[-1] < self.limit:
            self.parts[-1].append(text)
            self.sizes[-1] += len(text)

    def comment(self, text: str) -> None:
        self.handler.comment(text, self._line())


def parse(data: bytes, handler: Handler, capture: frozenset[str], text_limit: int = 64 * 1024) -> list[str]:
    """Stream `data` through `handler`; return the path of open elements where it stopped.

    The character data of elements named in `capture` is collected (at most
    `text_limit` characters each) and handed to `handler.end`. Malformed XML,
    DTD entities and external references raise ExtractError.
    """
    target = _Target(handler, capture, text_limit)
    parser = DefusedXMLParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    # defusedxml has installed its guards (entity declarations, external references) on
    # the expat parser; the element callbacks go straight to the target, without
    # ElementTree's per-element name and attribute handling.
    expat = target.parser = parser.parser
    expat.StartElementHandler = target.start
    expat.EndElementHandler = target.end
    expat.CharacterDataHandler = target.data
    expat.CommentHandler = target.comment
    try:
        for offset in range(0, len(data), CHUNK):
            expat.Parse(data[offset : offset + CHUNK], False)
        expat.Parse(b"", True)
    except Stop:
        pass
    except DefusedXmlException as error:
        raise ExtractError(f"XML refused: {type(error).__name__} ({error})") from None
    except (ExpatError, ValueError, UnicodeError, LookupError) as error:
        raise ExtractError(f"not well-formed XML: {error}") from None
    return target.stack
