# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The HTML compliance report: one self-contained page from the templates in templates/.

Everything shown is escaped (autoescape is on for every template): file names,
copyright lines and license texts come from the scanned tree. As a second line of
defence the page carries a Content-Security-Policy that loads nothing from anywhere
and runs only its own script, pinned by hash, so an injected handler would not run.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
from datetime import UTC, datetime
from functools import cache

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, select_autoescape
from jinja2.bccache import Bucket
from markupsafe import Markup

from licensecheck import i18n, tomlcache
from licensecheck.atomic import cache_dir
from licensecheck.model import CATEGORIES, EVIDENCE_SOURCES, Evidence, ScanResult
from licensecheck.prune import TEMPLATES
from licensecheck.report import view
from licensecheck.report.evidence_detail import worded
from licensecheck.report.inventory_view import STATUSES, Row
from licensecheck.resources import data_path

TEMPLATE = "report.html.j2"
TEMPLATE_CACHE = "template-%s.cache"  # %s: a hash of the template's name and compiler
# Inventory rows per table: the browser lays out only the tables on screen, which keeps a
# 10,000-file report opening fast (content-visibility in report.css).
CHUNK_ROWS = 100
# The SPDX header of report.css / report.js licenses those files, not the reports
# made with them: a report saved into a project must not look licensed by it.
_SOURCE_HEADER = re.compile(r"\A(?:\s*(?:/\*.*?\*/|//[^\n]*)\s*\n)*", re.DOTALL)


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(data_path("templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_compiled_templates(),
    )


class _CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, in licensecheck's cache folder: compiling the six
    templates took 60 ms of every run that writes a report (a small project's whole scan
    takes 0.2 s). Jinja checks each against its template's source and the Python version,
    and writes it whole (a temporary file renamed); the file's name also says which Jinja
    and which html.py (the environment's options, autoescaping first) compiled it. A
    cache that cannot be read or written only costs the compilation."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        compiler = f"{jinja2.__version__}|{tomlcache.code_digest(__file__)}"
        return hashlib.sha1(f"{name}|{filename}|{compiler}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 (a damaged file: pickle and marshal raise many kinds)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_templates() -> _CompiledTemplates | None:
    """The template cache, in a folder of the cache folder made for this user alone: what is
    kept there is code that runs (as in __pycache__), so a folder that another user owns or
    that others may write to is not used."""
    folder = cache_dir() / TEMPLATES
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_mode & 0o022 or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        return None
    return _CompiledTemplates(str(folder), TEMPLATE_CACHE)


@cache
def _asset(name: str) -> str:
    text = (data_path("templates") / name).read_text(encoding="utf-8")
    return _SOURCE_HEADER.sub("", text, count=1)


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(script: str, style: str) -> str:
    return (
        f"default-src 'none'; script-src '{_digest(script)}'; style-src '{_digest(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _now() -> datetime:
    # SOURCE_DATE_EPOCH makes the report reproducible (https://reproducible-builds.org/specs/).
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)


def escape(text: str) -> str:
    """What autoescaping writes for a string (markupsafe.escape's five replacements), as a
    plain string: a Markup object per table cell cost more than the rest of the cell."""
    if not _SPECIAL.search(text):
        return text
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


_SPECIAL = re.compile("[&<>'\"]")


def inventory_rows(
    rows: list[Row],
    status_label: dict[str, str],
    category_label: dict[str, str],
    source_label: dict[str, str],
    lang: str = "en",
) -> Markup:
    """The inventory table's rows (report-inventory.html.j2), each value escaped: a 60,000-file
    report has 60,000 of them, which took Jinja 50 µs each. Rows are lean: optional end tags
    left out, lists as lines of a pre-line cell. Evidence details are worded in `lang`."""
    out = []
    for row in rows:
        file = row.file
        anchor = f' id="f{row.index}"' if row.linked else ""
        evidence = "\n".join(
            f"<b>{escape(source_label.get(e.source, e.source))}{f':{e.line}' if e.line else ''}</b> "
            f"{escape(worded(e.detail, lang))}{_value(e)}"
            for e in file.evidence
        )
        if file.problem:
            evidence += f"{chr(10) if file.evidence else ''}<i>{escape(file.problem)}</i>"
        out.append(
            f'<tr data-c="{escape(file.category)}" data-s="{escape(row.status)}"{anchor}>'
            f"<td>{escape(status_label.get(row.status, ''))}<td>{escape(file.path)}"
            f"<td>{escape(category_label.get(file.category, file.category))}<td>{escape(file.format)}"
            f"<td>{escape(chr(10).join(file.licenses))}<td>{escape(chr(10).join(file.copyrights))}"
            f"<td>{evidence}\n"
        )
    return Markup("".join(out))


def _value(evidence: Evidence) -> str:
    value = evidence.expression or evidence.raw or evidence.copyright
    return f" → {escape(value)}" if value else ""


def _has(lang: str, key: str) -> bool:
    """Whether a catalog defines `key`: optional texts are left out rather than shown as keys."""
    return key in i18n.catalog(lang) or key in i18n.catalog("en")


def render(result: ScanResult, lang: str = "en", *, now: datetime | None = None) -> str:
    script, style = _asset("report.js"), _asset("report.css")
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            report=view.build(result, lang, now or _now()),
            result=result,
            lang=lang,
            t=lambda key, **params: i18n.text(lang, key, **params),
            has=lambda key: _has(lang, key),
            labels=lambda prefix, keys: {key: i18n.text(lang, prefix + key) for key in keys},
            statuses=STATUSES,
            inventory_rows=inventory_rows,
            chunk_rows=CHUNK_ROWS,
            categories=CATEGORIES,
            sources=EVIDENCE_SOURCES,
            script=Markup(script),
            style=Markup(style),
            csp=content_security_policy(script, style),
        )
    )
