# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags as test data, not as this file's own.
"""SPDX 2.3 documents: valid for spdx-tools' validator in both formats, complete, and the
same document for the same commit."""

from __future__ import annotations

import hashlib
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import git, git_repo, scan
from ply import yacc
from spdx_tools.common.spdx_licensing import spdx_licensing
from spdx_tools.spdx.model import ChecksumAlgorithm, RelationshipType, SpdxNoAssertion, SpdxNone
from spdx_tools.spdx.parser.json import json_parser
from spdx_tools.spdx.parser.tagvalue import parser as tag_value_parser
from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document
from spdx_tools.spdx.writer.json import json_writer
from spdx_tools.spdx.writer.tagvalue import tagvalue_writer

from licensecheck.model import ScanResult
from licensecheck.report import spdx

PROJECT = {
    "LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n",
    "LICENSES/LicenseRef-Maker.txt": "You may build this board for any purpose.\n",
    "firmware/main.c": (
        "// SPDX-FileCopyrightText: 2024 Jane Maker <jane@example.com>\n"
        "// SPDX-FileCopyrightText: 2025 Bob\n"
        "// SPDX-License-Identifier: GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT\n"
        "int main(void) { return 0; }\n"
    ),
    "firmware/custom.c": "// SPDX-License-Identifier: LicenseRef-Maker AND Apache-2.0\n",
    "firmware/other.c": "// SPDX-License-Identifier: LicenseRef-Elsewhere\n",
    "firmware/broken.c": "// SPDX-License-Identifier: GPLv3 AND\n",
    "firmware/unknown.c": "// SPDX-License-Identifier: GPLv3\n",
    "firmware/tricky.c": (
        "// SPDX-FileCopyrightText: 2024 Eve </text> and friends\n"
        "// SPDX-FileCopyrightText: 2025 Mallory\n"
        "// SPDX-License-Identifier: MIT\n"
    ),
    "hardware/board.bin": bytes(range(256)),
    "docs/read me.md": "# Board\n",
}
LICENSE_REF_TEXT = "You may build this board for any purpose."


@pytest.fixture(scope="module")
def tag_value_tables(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("ply") / "spdx-tag-value.pickle")


@pytest.fixture
def documents_of(monkeypatch, tag_value_tables):
    """Scan through the CLI into both formats; both parsed back with spdx-tools' parsers."""
    # spdx-tools' tag-value parser builds its grammar tables, and a new licensing index for
    # every license value (0.2 s each); the same objects, made once, keep this file fast.
    monkeypatch.setattr(tag_value_parser, "get_spdx_licensing", lambda: spdx_licensing)

    def parse(path: Path):
        if path.name.endswith(".json"):
            return json_parser.parse_from_file(str(path))
        parser = tag_value_parser.Parser(picklefile=tag_value_tables, errorlog=yacc.NullLogger())
        return parser.parse(path.read_text(encoding="utf-8"))

    def run(root: Path, out: Path, *args: str):
        out.mkdir(exist_ok=True)
        outputs = {"json": out / "x.spdx.json", "tv": out / "x.spdx"}
        _, result, _ = scan(root, "-o", str(outputs["json"]), "-o", str(outputs["tv"]), *args)
        return result, {kind: parse(path) for kind, path in outputs.items()}, outputs

    return run


@pytest.fixture
def scanned(tree, tmp_path, documents_of):
    root = tree(PROJECT)
    result, documents, outputs = documents_of(root, tmp_path / "out")
    return root, result, documents, outputs


def _files(document) -> dict:
    return {f.name.removeprefix("./"): f for f in document.files}


def test_both_formats_validate(scanned):
    _, _, documents, _ = scanned
    for kind, document in documents.items():
        assert validate_full_spdx_document(document) == [], kind


def test_the_validator_can_fail(scanned):
    _, _, documents, _ = scanned
    document = documents["json"]
    document.files[0].checksums = [c for c in document.files[0].checksums if c.algorithm.name != "SHA1"]
    assert validate_full_spdx_document(document)


def test_every_file_with_its_checksums(scanned):
    root, result, documents, _ = scanned
    for document in documents.values():
        files = _files(document)
        assert sorted(files) == [f["path"] for f in result["files"]]
        for path, file in files.items():
            data = (root / path).read_bytes()
            sums = {c.algorithm: c.value for c in file.checksums}
            assert sums[ChecksumAlgorithm.SHA1] == hashlib.sha1(data).hexdigest()
            assert sums[ChecksumAlgorithm.SHA256] == hashlib.sha256(data).hexdigest()


def test_file_licenses_and_copyrights(scanned):
    _, _, documents, _ = scanned
    for document in documents.values():
        files = _files(document)
        main = files["firmware/main.c"]
        assert str(main.license_concluded) == "GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT"
        assert sorted(str(e) for e in main.license_info_in_file) == [
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
            "MIT",
        ]
        assert main.copyright_text.splitlines() == ["2024 Jane Maker <jane@example.com>", "2025 Bob"]
        assert str(files["firmware/custom.c"].license_concluded) == "LicenseRef-Maker AND Apache-2.0"
        # Covered by the root LICENSE: concluded, but not found in the file itself.
        readme = files["docs/read me.md"]
        assert str(readme.license_concluded) == "GPL-3.0-or-later"
        assert readme.license_info_in_file == [SpdxNone()]
        assert readme.copyright_text == SpdxNoAssertion()


def test_invalid_expressions_become_noassertion_with_the_raw_value(scanned):
    _, _, documents, _ = scanned
    raw = {"firmware/broken.c": "GPLv3 AND", "firmware/unknown.c": "GPLv3"}
    for document in documents.values():
        files = _files(document)
        for path, written in raw.items():
            assert files[path].license_info_in_file == [SpdxNoAssertion()]
            assert files[path].license_concluded == SpdxNoAssertion()
            assert written in files[path].license_comment
        assert "GPLv3" not in {str(e) for e in document.packages[0].license_info_from_files}


def test_text_blocks_cannot_be_closed_by_file_content(scanned):
    _, _, documents, _ = scanned
    for document in documents.values():
        tricky = _files(document)["firmware/tricky.c"]
        assert tricky.copyright_text.splitlines() == ["2024 Eve </ text> and friends", "2025 Mallory"]


def test_license_refs_are_extracted_licensing_info(scanned):
    _, _, documents, _ = scanned
    for document in documents.values():
        infos = {info.license_id: info for info in document.extracted_licensing_info}
        assert sorted(infos) == ["LicenseRef-Elsewhere", "LicenseRef-Maker"]
        assert infos["LicenseRef-Maker"].extracted_text.strip() == LICENSE_REF_TEXT
        assert infos["LicenseRef-Maker"].license_name == "Maker"
        assert "no text" in infos["LicenseRef-Elsewhere"].extracted_text


def test_the_project_is_one_package_that_contains_every_file(scanned):
    root, result, documents, _ = scanned
    for document in documents.values():
        [package] = document.packages
        assert package.name == root.name
        assert package.download_location == SpdxNoAssertion()
        assert package.files_analyzed is True
        assert str(package.license_declared) == "GPL-3.0-or-later"
        assert package.license_concluded == SpdxNoAssertion()
        relations = {
            (r.spdx_element_id, r.relationship_type, r.related_spdx_element_id)
            for r in document.relationships
        }
        assert ("SPDXRef-DOCUMENT", RelationshipType.DESCRIBES, package.spdx_id) in relations
        for file in document.files:
            assert (package.spdx_id, RelationshipType.CONTAINS, file.spdx_id) in relations
        assert len(document.files) == len(result["files"])


def test_verification_code_as_spdx_defines_it(scanned):
    root, result, documents, _ = scanned
    sha1s = sorted(hashlib.sha1((root / f["path"]).read_bytes()).hexdigest() for f in result["files"])
    expected = hashlib.sha1("".join(sha1s).encode()).hexdigest()
    for document in documents.values():
        assert document.packages[0].verification_code.value == expected


def test_same_commit_same_document(tmp_path, documents_of):
    root = git_repo(tmp_path / "board", PROJECT)
    _, _, first = documents_of(root, tmp_path / "a")
    first_bytes = {kind: path.read_bytes() for kind, path in first.items()}
    for path in root.rglob("*"):  # a fresh checkout has other file times
        if path.is_file() and ".git" not in path.parts:
            os.utime(path, (2_000_000_000, 2_000_000_000))
    _, documents, second = documents_of(root, tmp_path / "b")
    assert {kind: path.read_bytes() for kind, path in second.items()} == first_bytes
    info = documents["json"].creation_info
    assert info.created == datetime(2025, 1, 1)  # the commit's date (conftest's GIT_COMMITTER_DATE)
    assert info.document_namespace.startswith("https://spdx.org/spdxdocs/board-")
    assert documents["tv"].creation_info.document_namespace == info.document_namespace


def test_another_content_another_namespace(tmp_path, documents_of):
    root = git_repo(tmp_path / "board", PROJECT)
    _, before, _ = documents_of(root, tmp_path / "a")
    (root / "firmware/main.c").write_text("// SPDX-License-Identifier: MIT\n", encoding="utf-8")
    os.utime(root / "firmware/main.c", (1_800_000_000, 1_800_000_000))
    _, dirty, _ = documents_of(root, tmp_path / "b")
    assert dirty["json"].creation_info.document_namespace != before["json"].creation_info.document_namespace
    # A dirty tree is not the commit: the time is that of the newest file.
    assert dirty["json"].creation_info.created >= datetime(2027, 1, 15)
    git(root, "commit", "-qam", "relicense")
    _, committed, _ = documents_of(root, tmp_path / "c")
    assert committed["json"].creation_info.created == datetime(2025, 1, 1)


def test_outside_git_the_newest_file_dates_the_document(tree, tmp_path, monkeypatch, documents_of):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = tree({"a.c": "// SPDX-License-Identifier: MIT\n", "b.c": "int b;\n"})
    os.utime(root / "a.c", (1_700_000_000, 1_700_000_000))
    os.utime(root / "b.c", (1_600_000_000, 1_600_000_000))
    _, documents, _ = documents_of(root, tmp_path / "a")
    expected = datetime.fromtimestamp(1_700_000_000, UTC).replace(tzinfo=None)
    assert documents["tv"].creation_info.created == expected
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    _, documents, _ = documents_of(root, tmp_path / "b")
    expected = datetime.fromtimestamp(1_234_567_890, UTC).replace(tzinfo=None)
    assert documents["json"].creation_info.created == expected


def test_project_without_a_license(tree, tmp_path, documents_of):
    root = tree({"a.c": "int a;\n"})
    _, documents, _ = documents_of(root, tmp_path / "out")
    for document in documents.values():
        assert validate_full_spdx_document(document) == []
        assert document.packages[0].license_declared == SpdxNone()
        assert _files(document)["a.c"].license_concluded == SpdxNoAssertion()


def test_several_declared_licenses_are_not_joined_into_one(tree, tmp_path, documents_of):
    # A REUSE project's LICENSES/ holds texts; nothing says the whole is under all of them.
    root = tree({"LICENSES/MIT.txt": "MIT License\n", "LICENSES/CERN-OHL-S-2.0.txt": "CERN OHL\n",
                 "a.c": "// SPDX-FileCopyrightText: 2025 Li Lei\n// SPDX-License-Identifier: MIT\nint a;\n"})
    _, documents, _ = documents_of(root, tmp_path / "out")
    for document in documents.values():
        assert validate_full_spdx_document(document) == []
        [package] = document.packages
        assert package.license_declared == SpdxNoAssertion()
        assert "CERN-OHL-S-2.0; MIT" in package.license_comment


def test_written_as_spdx_tools_writes_it(scanned):
    """Our tag-value loop and JSON serialization give what spdx-tools' own writers give."""
    root, result, _, outputs = scanned
    document = spdx.build(ScanResult.from_dict(result), root)
    tag_value = io.StringIO()
    tagvalue_writer.write_document_to_stream(document, tag_value, validate=True)
    assert outputs["tv"].read_text(encoding="utf-8") == tag_value.getvalue()
    as_json = io.StringIO()
    json_writer.write_document_to_stream(document, as_json, validate=True)
    assert json.loads(outputs["json"].read_text(encoding="utf-8")) == json.loads(as_json.getvalue())


def test_a_result_without_checksums_is_read_again(scanned):
    root, result, documents, _ = scanned
    for entry in result["files"]:
        entry.pop("checksums", None)
    (root / "docs/read me.md").unlink()
    document = spdx.build(ScanResult.from_dict(result), root)
    assert validate_full_spdx_document(document) == []
    expected = {f.name: f.checksums for f in documents["json"].files}
    assert {f.name: f.checksums for f in document.files} == {
        name: sums for name, sums in expected.items() if name != "./docs/read me.md"
    }
    package = document.packages[0]
    assert package.verification_code.excluded_files == ["./docs/read me.md"]
    assert "docs/read me.md" in package.comment
