# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Conclude: merge every source of evidence into each file's licenses and copyrights.

Precedence, following REUSE 3.3 and documented in the README:

1. a REUSE.toml `override` annotation (the one closest to the root) decides alone;
2. a `FILE.license` sidecar replaces what the file itself says;
3. otherwise the file's own evidence (SPDX tags in comments, fields embedded in
   design files, a recognised license text);
4. a REUSE.toml `closest` annotation fills in what 2-3 left empty, separately for
   licensing and copyright; `aggregate` annotations and `.reuse/dep5` always add;
5. a file still without a license takes the license of the nearest folder that has
   a license file or a manifest license field (`directory` / `manifest` evidence).

The license of a component library copied into a design (an Eagle library inside a
schematic) is kept as evidence but is not the design's license.

Every piece of evidence is kept in the result, applied or not; the concluded
licenses list each distinct expression, so disagreeing sources stay visible.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from licensecheck import classify, dep5, expression, manifests, reuse_toml
from licensecheck.extract import FileScan
from licensecheck.model import Evidence, FileResult, Project

REUSE_TOML = "REUSE.toml"
DEP5 = ".reuse/dep5"
LICENSES_DIR = "LICENSES"
SPDX_DOCUMENT_FORMATS = frozenset({"spdx-document"})


@dataclass(frozen=True)
class Concluded:
    files: tuple[FileResult, ...]
    project: Project
    license_texts: dict[str, tuple[str, ...]]  # license id -> files holding its text
    licenses_dir: dict[str, str]  # LICENSES/ file -> the id its name gives
    unrecognized_texts: tuple[str, ...]  # license-like files whose text matched no license
    covered: frozenset[str]  # files that must carry licensing information (REUSE 3.3)
    problems: tuple[tuple[str, str], ...]  # (path, reason) for files that could not be read or parsed


def folder_of(path: str) -> str:
    return path.rpartition("/")[0]


def name_of(path: str) -> str:
    return path.rpartition("/")[2]


def in_licenses_dir(path: str) -> bool:
    return path.startswith(LICENSES_DIR + "/") and path.count("/") == 1


def is_covered(scan: FileScan) -> bool:
    """REUSE 3.3's covered files: all but license texts, metadata files and empty files."""
    path = scan.file.path
    name = name_of(path)
    return not (
        scan.file.size == 0
        or classify.is_license_file(path)
        or in_licenses_dir(path)
        or name.endswith(".license")
        or name == REUSE_TOML
        or path.startswith(".reuse/")
        or scan.format in SPDX_DOCUMENT_FORMATS
    )


def conclude(scans: list[FileScan], discovery_problems: tuple[tuple[str, str], ...] = ()) -> Concluded:
    by_path = {scan.file.path: scan for scan in scans}
    problems = list(discovery_problems)
    problems += [(scan.file.path, scan.problem) for scan in scans if scan.problem]
    tomls = _reuse_tomls(scans, problems)
    dep5_data = _dep5(by_path.get(DEP5), problems)
    folder_evidence = _folder_evidence(scans)

    files = []
    covered = set()
    for scan in scans:
        if is_covered(scan):
            covered.add(scan.file.path)
        files.append(_conclude_file(scan, by_path, tomls, dep5_data, folder_evidence))
    return Concluded(
        files=tuple(files),
        project=_project(scans, folder_evidence),
        license_texts=_license_texts(scans),
        licenses_dir={s.file.path: _stem(s.file.path) for s in scans if in_licenses_dir(s.file.path)},
        unrecognized_texts=tuple(
            s.file.path
            for s in scans
            if classify.is_license_file(s.file.path)
            and not in_licenses_dir(s.file.path)
            and s.problem is None
            and not _license_evidence(s.evidence)
        ),
        covered=frozenset(covered),
        problems=tuple(sorted(set(problems))),
    )


def _conclude_file(scan, by_path, tomls, dep5_data, folder_evidence) -> FileResult:
    path = scan.file.path
    own = list(scan.evidence)
    sidecar = by_path.get(path + ".license")
    if sidecar is not None:
        applied_own = [
            replace(e, source="sidecar", detail=f"{sidecar.file.path}: {e.detail}") for e in sidecar.evidence
        ]
    else:
        applied_own = [e for e in own if _applies_to_design(e, scan.format)]
    licenses, copyrights = reuse_toml.apply(
        tomls, path, _license_evidence(applied_own), [e for e in applied_own if e.copyright]
    )
    if dep5_data is not None:
        extra_licenses, extra_copyrights = dep5.evidence(dep5_data, path)
        licenses = [*licenses, *_normalized(extra_licenses)]
        copyrights = [*copyrights, *extra_copyrights]
    licenses = _normalized(licenses)
    if not licenses and is_covered(scan):
        licenses = _nearest_folder_evidence(path, folder_evidence)
    evidence = _unique([*own, *(applied_own if sidecar else ()), *licenses, *copyrights])
    return FileResult(
        path=path,
        category=scan.category,
        format=scan.format,
        licenses=_expressions(licenses),
        copyrights=_distinct_copyrights(copyrights),
        evidence=tuple(evidence),
        size=scan.file.size,
        blob=scan.file.blob,
        problem=scan.problem,
        checksums=scan.checksums,
    )


def _applies_to_design(item: Evidence, format_id: str) -> bool:
    """A library's description copied into a design (Eagle keeps whole libraries in
    .sch/.brd files) is the library's license, not the design's (NORMS §1.4): kept as
    evidence, not applied. Text a library draws on the sheet (a frame saying "Released
    under CC BY-SA 4.0") is printed on the design and counts. In a library file itself
    the description is the file's own license."""
    library_description = item.detail.startswith("library ") and item.detail.endswith(" description")
    return not library_description or format_id.endswith("-lbr")


def _license_evidence(evidence) -> list[Evidence]:
    return [e for e in evidence if e.is_license]


def _normalized(evidence: list[Evidence]) -> list[Evidence]:
    return [
        e if e.expression or e.raw is None else replace(e, expression=expression.normalize(e.raw))
        for e in evidence
    ]


def _expressions(evidence: list[Evidence]) -> tuple[str, ...]:
    """Distinct expressions, one per source; tags of one file or one annotation apply together (AND)."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for item in evidence:
        if item.expression:
            whole_file = item.source in ("header", "sidecar") and item.detail != "snippet"
            key = (item.source,) if whole_file else (item.source, item.detail)
            groups[key].append(item.expression)
    combined = {expression.combine_and(values) for values in groups.values()}
    return tuple(sorted(combined))


def _distinct_copyrights(evidence: list[Evidence]) -> tuple[str, ...]:
    """Each notice once; a bare holder name (a title-block company) already inside a fuller
    notice of the same file ("2025 Shenzhen Maker Team") is not listed again."""
    notices = {e.copyright.strip() for e in evidence if e.copyright and e.copyright.strip()}
    kept = {n for n in notices if not any(n != other and n in other for other in notices)}
    return tuple(sorted(kept))


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    return list(dict.fromkeys(evidence))


def _reuse_tomls(scans, problems) -> list:
    tomls = []
    for scan in scans:
        if name_of(scan.file.path) != REUSE_TOML or scan.text is None:
            continue
        try:
            tomls.append(reuse_toml.parse(scan.text, scan.file.path))
        except reuse_toml.ReuseTomlError as error:
            problems.append((scan.file.path, str(error)))
    return tomls


def _dep5(scan: FileScan | None, problems):
    if scan is None or scan.text is None:
        return None
    try:
        return dep5.parse(scan.text)
    except dep5.Dep5Error as error:
        problems.append((scan.file.path, str(error)))
        return None


def _folder_evidence(scans: list[FileScan]) -> dict[str, list[Evidence]]:
    """Folder -> license evidence from the license files and manifests it holds."""
    folders: dict[str, list[Evidence]] = defaultdict(list)
    for scan in scans:
        path = scan.file.path
        if classify.is_license_file(path) and not in_licenses_dir(path):
            for item in _normalized(_license_evidence(scan.evidence)):
                folder = folder_of(path)
                detail = f"{path} covers {folder + '/' if folder else 'the project'}"
                folders[folder].append(
                    Evidence(source="directory", expression=item.expression, raw=item.raw, detail=detail)
                )
        elif manifests.is_manifest(path) and scan.text is not None:
            found = manifests.evidence(path, scan.text)
            if found is not None:
                folders[folder_of(path)].extend(_normalized([found]))
    return folders


def _nearest_folder_evidence(path: str, folders: dict[str, list[Evidence]]) -> list[Evidence]:
    folder = folder_of(path)
    while True:
        if folders.get(folder):
            return folders[folder]
        if not folder:
            return []
        folder = folder_of(folder)


def _project(scans: list[FileScan], folders: dict[str, list[Evidence]]) -> Project:
    root_evidence = [e for e in folders.get("", []) if e.expression]
    sources = sorted({_evidence_file(e) for e in root_evidence})
    declared = {e.expression for e in root_evidence}
    root_license_files = [
        s.file.path for s in scans if "/" not in s.file.path and classify.is_license_file(s.file.path)
    ]
    licenses_dir = [s.file.path for s in scans if in_licenses_dir(s.file.path)]
    if not declared and licenses_dir:
        declared = {_stem(p) for p in licenses_dir if expression.normalize(_stem(p))}
        sources = licenses_dir
    sources = sorted(set(sources) | set(root_license_files))
    normalized = {expression.normalize(d) or d for d in declared}
    return Project(declared=tuple(sorted(normalized)), sources=tuple(sources))


def _evidence_file(item: Evidence) -> str:
    return item.detail.split(" ", 1)[0]


def _stem(path: str) -> str:
    name = name_of(path)
    return name.rsplit(".", 1)[0] if "." in name else name


def _license_texts(scans: list[FileScan]) -> dict[str, tuple[str, ...]]:
    texts: dict[str, set[str]] = defaultdict(set)
    for scan in scans:
        path = scan.file.path
        if in_licenses_dir(path):
            texts[_stem(path)].add(path)
        elif classify.is_license_file(path):
            # Only a recognised text counts: a bare SPDX tag in a LICENSE file is a notice.
            matched = [e for e in scan.evidence if e.source == "text-match"]
            for item in _normalized(matched):
                for key in expression.license_keys(item.expression or ""):
                    texts[key].add(path)
    return {key: tuple(sorted(paths)) for key, paths in sorted(texts.items())}
