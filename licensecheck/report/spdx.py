# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""SPDX 2.3 documents through spdx-tools: `-o x.spdx.json` (JSON) and `-o x.spdx` (tag-value).

The project is one package (files analyzed, with its verification code) that CONTAINS
every scanned file, each with its SHA1 and SHA256 (computed by the scan when an SPDX
document is asked for), the licenses found in it and the licenses concluded for it.

The same input gives the same document, byte for byte:
- `created` is SOURCE_DATE_EPOCH when set (the reproducible-builds convention); else, in
  a clean git work tree, the commit's committer date; else the newest modification time
  of the scanned files (the state the document describes); the Unix epoch without files.
- the namespace ends in a hash of the document's own content, so two documents share a
  namespace only when they say the same thing (SPDX requires one namespace per document).
The document is in English whatever `--lang` says: it is read by tools, and one commit
should give one document.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from licensecheck.model import FileResult, ScanResult
from licensecheck.pathnames import local, shown
from licensecheck.report import spdx_licenses
from licensecheck.report.spdx_licenses import References, clean_text

NAMESPACE_BASE = "https://spdx.org/spdxdocs/"
DOCUMENT_ID = "SPDXRef-DOCUMENT"
PACKAGE_ID = "SPDXRef-Package"
PLACEHOLDER_NAMESPACE = NAMESPACE_BASE + "pending"
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
_NAME_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


def render_json(result: ScanResult, lang: str = "en", root: Path | None = None) -> str:
    import json

    from spdx_tools.spdx.jsonschema.document_converter import DocumentConverter

    document, _ = _built(result, root)
    return json.dumps(DocumentConverter().convert(document), ensure_ascii=False, indent=2) + "\n"


def render_tag_value(result: ScanResult, lang: str = "en", root: Path | None = None) -> str:
    return _built(result, root)[1]


def _tag_value(document) -> str:
    """spdx-tools' tag-value layout, written with its element writers: the package, then
    the files it contains (placement says CONTAINS), licenses, relationships. Its own
    document loop copies the document and is quadratic in the number of files."""
    from spdx_tools.spdx.writer.tagvalue import creation_info_writer, extracted_licensing_info_writer
    from spdx_tools.spdx.writer.tagvalue.file_writer import write_file
    from spdx_tools.spdx.writer.tagvalue.package_writer import write_package
    from spdx_tools.spdx.writer.tagvalue.relationship_writer import write_relationship

    out = io.StringIO()
    out.write("## Document Information\n")
    creation_info_writer.write_creation_info(document.creation_info, out)
    out.write("\n")
    sections = (
        ("", write_package, document.packages),
        ("", write_file, document.files),
        (
            "## License Information\n",
            extracted_licensing_info_writer.write_extracted_licensing_info,
            document.extracted_licensing_info,
        ),
    )
    for heading, writer, elements in sections:
        if elements:
            out.write(heading)
        for element in elements:
            writer(element, out)
            out.write("\n")
    out.write("## Relationships\n")
    for relationship in document.relationships:
        if relationship.spdx_element_id == DOCUMENT_ID:
            write_relationship(relationship, out)
    out.write("\n")
    return out.getvalue()


def build(result: ScanResult, root: Path | None = None):
    """The spdx-tools Document for a scan; `root` is where the scanned files are read
    (LICENSES/LicenseRef-* texts, file times), by default the root as given to the scan."""
    return _built(result, root)[0]


def _built(result: ScanResult, root: Path | None):
    """The document and its tag-value text, whose hash names the document."""
    from spdx_tools.spdx.model import Document, Relationship, RelationshipType

    root = Path(local(result.root)) if root is None else root
    name = project_name(result)
    references = References()
    listed, unlisted = _listed_files(result, root)
    files = [_file(file, sums, spdx_id, references) for file, sums, spdx_id in listed]
    package = _package(result, name, files, unlisted, references)
    relationships = [Relationship(DOCUMENT_ID, RelationshipType.DESCRIBES, PACKAGE_ID)]
    relationships += [Relationship(PACKAGE_ID, RelationshipType.CONTAINS, f.spdx_id) for f in files]
    document = Document(
        creation_info=_creation_info(result, name, _created(result, root)),
        packages=[package],
        files=files,
        relationships=relationships,
        extracted_licensing_info=_extracted(references.used, result.files, root),
    )
    text = _tag_value(document)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]
    namespace = f"{NAMESPACE_BASE}{quote(name, safe='')}-{digest}"
    document.creation_info.document_namespace = namespace
    placeholder = f"DocumentNamespace: {PLACEHOLDER_NAMESPACE}\n"
    return document, text.replace(placeholder, f"DocumentNamespace: {namespace}\n", 1)


def project_name(result: ScanResult) -> str:
    """The scanned folder's name ("." and "/" resolved to the folder they stand for)."""
    path = Path(local(result.root))
    return _shown(shown(path.name or path.resolve().name) or "project")


def _shown(name: str) -> str:
    """A name without the control characters that would break a tag-value line."""
    return _NAME_UNSAFE.sub("\ufffd", name)


def _listed_files(result: ScanResult, root: Path):
    """(file, checksums, SPDX id) for every file with a SHA1; the paths of the others."""
    listed, unlisted, taken = [], [], set()
    for file in result.files:
        sums = dict(file.checksums) or _read_checksums(root, file)
        if not sums.get("SHA1"):
            unlisted.append(file.path)
            continue
        listed.append((file, sums, _unique_id(file.path, taken)))
    return listed, unlisted


def _read_checksums(root: Path, file: FileResult) -> dict[str, str]:
    """For a result made without checksums (read back from JSON): read the file now."""
    from licensecheck.extract import ExtractError
    from licensecheck.extract.file import checksums as file_checksums
    from licensecheck.extract.file import read_bytes

    try:
        where = root / local(file.path)
        data = read_bytes(where)
        return dict(file_checksums(where, data, max(file.size, len(data))))
    except (OSError, ExtractError):
        return {}


def _unique_id(path: str, taken: set[str]) -> str:
    base = "SPDXRef-File-" + (_ID_UNSAFE.sub("-", path).strip("-") or "file")
    spdx_id, count = base, 1
    while spdx_id in taken:
        count += 1
        spdx_id = f"{base}-{count}"
    taken.add(spdx_id)
    return spdx_id


def _file(file: FileResult, sums: dict[str, str], spdx_id: str, references: References):
    from spdx_tools.spdx.model import Checksum, ChecksumAlgorithm, File, SpdxNoAssertion, SpdxNone

    found = spdx_licenses.file_licenses(file)
    concluded = references.take(found.concluded) if found.concluded else None
    in_file = [references.take(unit) for unit in found.in_file]
    # NONE: we read the file and it names no license; NOASSERTION: we could not tell.
    unknown = file.problem is not None or found.unwritable
    comment = f"licensecheck: {file.category} file, format {file.format}"
    if file.problem:
        comment += f"; could not be read or parsed: {file.problem}"
    return File(
        name="./" + _shown(file.path),
        spdx_id=spdx_id,
        checksums=[
            Checksum(ChecksumAlgorithm[algorithm], value)
            for algorithm, value in sorted(sums.items())
            if algorithm in ChecksumAlgorithm.__members__
        ],
        license_concluded=concluded if concluded is not None else SpdxNoAssertion(),
        license_info_in_file=in_file or [SpdxNoAssertion() if unknown else SpdxNone()],
        license_comment=clean_text("\n".join(found.notes)) if found.notes else None,
        copyright_text=clean_text("\n".join(file.copyrights)) if file.copyrights else SpdxNoAssertion(),
        comment=clean_text(comment),
    )


def _package(result: ScanResult, name: str, files: list, unlisted: list[str], references: References):
    from spdx_tools.spdx.model import Package, PackageVerificationCode, SpdxNoAssertion, SpdxNone

    declared, note = spdx_licenses.declared(result.project.declared)
    if declared is not None:
        license_declared = references.take(declared)
    else:
        license_declared = SpdxNoAssertion() if note else SpdxNone()
    from_files = sorted({str(e) for f in files for e in f.license_info_in_file if _is_expression(e)})
    comment = f"Scanned by licensecheck {result.tool_version} with the {result.profile} profile."
    if unlisted:
        comment += " Files that could not be read, hence not listed: " + ", ".join(map(_shown, unlisted))
    return Package(
        spdx_id=PACKAGE_ID,
        name=name,
        download_location=SpdxNoAssertion(),
        files_analyzed=True,
        verification_code=PackageVerificationCode(
            _verification_code(files), [f"./{_shown(p)}" for p in unlisted]
        ),
        license_concluded=SpdxNoAssertion(),
        license_info_from_files=[references.take(e) for e in from_files],
        license_declared=license_declared,
        license_comment=clean_text(note) if note else None,
        copyright_text=SpdxNoAssertion(),
        source_info=_source_info(result),
        comment=clean_text(comment),
    )


def _is_expression(value) -> bool:
    from spdx_tools.spdx.model import SpdxNoAssertion, SpdxNone

    return not isinstance(value, (SpdxNoAssertion, SpdxNone))


def _verification_code(files: list) -> str:
    """SPDX 2.3 §7.9: the SHA1 of the sorted, concatenated SHA1s of the package's files."""
    from spdx_tools.spdx.model import ChecksumAlgorithm

    sha1s = sorted(c.value for f in files for c in f.checksums if c.algorithm == ChecksumAlgorithm.SHA1)
    return hashlib.sha1("".join(sha1s).encode("ascii")).hexdigest()


def _source_info(result: ScanResult) -> str | None:
    provenance = result.provenance
    if provenance.commit is None:
        return None
    info = f"git commit {provenance.commit}"
    if provenance.branch:
        info += f" on branch {provenance.branch}"
    if provenance.dirty:
        info += ", with changes not committed"
    return clean_text(info)


def _creation_info(result: ScanResult, name: str, created: datetime):
    from spdx_tools.spdx.model import Actor, ActorType, CreationInfo, Version

    version = (result.provenance.license_list_version or "").split(".")
    list_version = Version(int(version[0]), int(version[1])) if _numeric(version) else None
    return CreationInfo(
        spdx_version="SPDX-2.3",
        spdx_id=DOCUMENT_ID,
        name=name,
        document_namespace=PLACEHOLDER_NAMESPACE,
        creators=[Actor(ActorType.TOOL, f"licensecheck-{result.tool_version}")],
        created=created,
        license_list_version=list_version,
        creator_comment=clean_text(
            f"licensecheck {result.tool_version}, profile {result.profile}, "
            f"knowledge base {result.provenance.knowledge_version or 'unknown'}"
        ),
    )


def _numeric(parts: list[str]) -> bool:
    return len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit()


def _created(result: ScanResult, root: Path) -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (OverflowError, ValueError, OSError):
            pass  # not a time this platform can represent: ignored, as if unset
    provenance = result.provenance
    if provenance.commit and provenance.dirty is False:
        when = _commit_time(root, provenance.commit)
        if when is not None:
            return when
    return _newest_file_time(root, result.files)


def _commit_time(root: Path, commit: str) -> datetime | None:
    import git

    try:
        repository = git.Repo(root, search_parent_directories=True)
        return datetime.fromtimestamp(repository.commit(commit).committed_date, UTC)
    except (git.GitError, ValueError, OSError):
        return None


def _newest_file_time(root: Path, files: tuple[FileResult, ...]) -> datetime:
    newest = 0
    for file in files:
        try:
            newest = max(newest, int((root / local(file.path)).lstat().st_mtime))
        except OSError:
            continue
    return datetime.fromtimestamp(newest, UTC)


def _extracted(used: set[str], files: tuple[FileResult, ...], root: Path):
    from spdx_tools.spdx.model import ExtractedLicensingInfo

    paths = [f.path for f in files if f.path.startswith("LICENSES/")]
    infos = []
    for ref in sorted(used):
        text, source = spdx_licenses.reference_text(ref, paths, root)
        infos.append(
            ExtractedLicensingInfo(
                license_id=ref,
                extracted_text=text,
                license_name=ref.removeprefix("LicenseRef-") or ref,
                comment=f"text from {clean_text(source)}" if source else None,
            )
        )
    return infos
