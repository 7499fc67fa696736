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
   a license file or a manifest license field (`directory` / `manifest` evidence),
   unless it could not be read (its own license is then unknown); a folder whose own
   license file matches no licence stops the search (`Concluded.cut_off`), and a chip
   vendor's file (its notice names the vendor, grants nothing and does not defer to a
   LICENSE file) takes no folder licence whose file does not name that vendor.

The license of a component library copied into a design (an Eagle library inside a
schematic) is kept as evidence but is not the design's license.

Every piece of evidence is kept in the result, applied or not; the concluded
licenses list each distinct expression, so disagreeing sources stay visible.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from licensecheck import classify, dep5, expression, manifests, reuse_toml
from licensecheck.derived import from_designs
from licensecheck.extract import POINTS_TO_LICENSE_FILE, README_PART, README_SECTION, FileScan
from licensecheck.extract.header_scan import CHINESE_COPYRIGHT_MARKERS
from licensecheck.extract.readme import names_parts
from licensecheck.extract.readme_parts import PartLicences, part_licences
from licensecheck.identify import full_texts
from licensecheck.identify.names import BSD_VARIANT_NOT_NAMED, STUDY_USE_ONLY
from licensecheck.model import Evidence, FileResult, Project, collector_paused
from licensecheck.vendors import chip_vendor, names_vendor

REUSE_TOML = "REUSE.toml"
DEP5 = ".reuse/dep5"
LICENSES_DIR = "LICENSES"
# Files about other files, not covered (REUSE 3.3 leaves out SPDX documents; licensecheck's
# own reports are of the same kind).
SPDX_DOCUMENT_FORMATS = frozenset({"spdx-document", "licensecheck-report"})
_IN_LICENSES_DIR = LICENSES_DIR + "/"


@dataclass(frozen=True)
class Concluded:
    files: tuple[FileResult, ...]
    project: Project
    license_texts: dict[str, tuple[str, ...]]  # license id -> files holding its text
    licenses_dir: dict[str, str]  # LICENSES/ file -> the id its name gives
    unrecognized_texts: tuple[str, ...]  # license-like files whose text matched no license
    # Folder -> its own license file that matched no license, where a folder above has one: the
    # files below it do not take that licence (an STM32Cube driver's LICENSE.txt names ST's terms).
    cut_off: dict[str, str]
    # File -> the chip vendor whose code it is, for the files that did not take the project's
    # licence for that reason (a GD32 library file under the maker's MIT).
    vendor_files: dict[str, str]
    covered: frozenset[str]  # files that must carry licensing information (REUSE 3.3)
    problems: tuple[tuple[str, str], ...]  # (path, reason) for files that could not be read or parsed
    license_files: frozenset[str]  # license texts by their name or place (classify.is_license_file)


def folder_of(path: str) -> str:
    return path.rpartition("/")[0]


def name_of(path: str) -> str:
    return path.rpartition("/")[2]


def in_licenses_dir(path: str) -> bool:
    return path.startswith(_IN_LICENSES_DIR) and path.count("/") == 1


def is_covered(scan: FileScan) -> bool:
    """REUSE 3.3's covered files: all but license texts, metadata files and empty files."""
    path = scan.file.path
    return _covered(scan, classify.is_license_file(path), in_licenses_dir(path))


def _covered(scan: FileScan, license_file: bool, licenses_dir: bool) -> bool:
    path = scan.file.path
    return not (
        scan.file.size == 0
        or license_file
        or licenses_dir
        or path.endswith(".license")
        or name_of(path) == REUSE_TOML
        or path.startswith(".reuse/")
        or scan.format in SPDX_DOCUMENT_FORMATS
    )


def conclude(
    scans: list[FileScan], discovery_problems: tuple[tuple[str, str], ...] = (), jobs: int = 1
) -> Concluded:
    """What the tree's files are under, from their scans; `jobs` processes conclude the files
    of a big tree (_conclude_files)."""
    with collector_paused():
        return _conclude(scans, discovery_problems, jobs)


def _conclude(scans: list[FileScan], discovery_problems: tuple[tuple[str, str], ...], jobs: int) -> Concluded:
    problems = list(discovery_problems)
    roles = _Roles.of(scans)
    license_files = frozenset(roles.license_files)
    tomls = _reuse_tomls(roles.reuse_tomls, problems)
    dep5_data = _dep5(roles.dep5, problems)
    folder_evidence = _folder_evidence(roles.folder_sources, license_files)
    unrecognized = _unrecognized(roles.license_like, license_files)
    cut_off = _cut_off(unrecognized, folder_evidence)
    notices = {
        scan.file.path: " ".join(item.copyright for item in scan.evidence if item.copyright)
        for scan in roles.folder_sources
    }
    nearest = _NearestFolder(folder_evidence, frozenset(cut_off))
    parts = _readme_parts(scans)
    shared = _Shared(roles.sidecars, tomls, dep5_data, nearest, notices, {}, readme_parts=parts)

    covered = roles.covered
    # One reason a file: an unreadable .gitignore, refused by discovery, is refused again
    # when read as a file of the tree ("cannot read: Permission denied", "permission denied").
    said = {path for path, _ in discovery_problems}
    problems += [(s.file.path, s.problem) for s in scans if s.problem and s.file.path not in said]
    files = from_designs(_conclude_files(scans, covered, shared, jobs), shared.folder_licensed)
    license_like = roles.license_like
    return Concluded(
        files=tuple(files),
        project=_project(license_like, folder_evidence, license_files),
        license_texts=_license_texts(license_like, license_files),
        licenses_dir={s.file.path: _stem(s.file.path) for s in license_like if in_licenses_dir(s.file.path)},
        unrecognized_texts=unrecognized,
        cut_off=cut_off,
        vendor_files=shared.vendor_files,
        covered=frozenset(covered),
        problems=tuple(sorted(set(problems))),
        license_files=license_files,
    )


# From this many files, a forked child concludes a share of them (on Linux, jobs > 1), and
# sends them back as plain tuples: rebuilding a result costs this process a fifth of
# concluding it (4 and 22 µs). Generated trees, 2 cores, cold scan, median of 8 and 4 alternating runs:
# 11,887 files 1.47 -> 1.38 s, 59,168 files 7.04 -> 6.73 s.
SPREAD_FROM = 2000
_BATCHES_PER_PROCESS = 8
_BATCH_FILES_AT_LEAST = 64  # a smaller batch costs its process more to send than to conclude


def _conclude_files(scans: list[FileScan], covered: set[str], shared: _Shared, jobs: int) -> list[FileResult]:
    """Each file's conclusion, in the order of `scans`: shared with forked children in batches
    when the tree is big (see forked), as every file's conclusion reads the same `shared`
    alone. What a batch adds to `shared` (vendor_files, folder_licensed) is added in the
    order of the batches, as one process would have."""
    from licensecheck import forked

    if jobs <= 1 or len(scans) < SPREAD_FROM or not forked.available():
        return [_conclude_file(scan, scan.file.path in covered, shared) for scan in scans]
    # Batches enough for the processes to finish together, and few enough for forked's tickets.
    each = -(-len(scans) // (jobs * _BATCHES_PER_PROCESS))
    size = max(each, _BATCH_FILES_AT_LEAST, -(-len(scans) // forked.MAX_BATCHES))
    batches = [scans[start : start + size] for start in range(0, len(scans), size)]
    children = min(jobs, len(batches)) - 1  # no process without a batch (-j 100000)
    concluded: list[tuple[list[FileResult], dict[str, str], list[str]] | None] = [None] * len(batches)

    def work(index: int, sent: bool) -> list:
        own = replace(shared, vendor_files={}, folder_licensed=[])
        files = [_conclude_file(scan, scan.file.path in covered, own) for scan in batches[index]]
        return [[file.plain() for file in files] if sent else files, own.vendor_files, own.folder_licensed]

    def received(index: int, result: list, sent: bool) -> None:
        files, vendor_files, folder_licensed = result
        files = [FileResult.from_plain(plain) for plain in files] if sent else files
        concluded[index] = (files, vendor_files, folder_licensed)

    forked.run(len(batches), children, work, received)  # which runs every batch, one way or another
    files: list[FileResult] = []
    for batch_files, vendor_files, folder_licensed in concluded:  # type: ignore[misc]
        files += batch_files
        shared.vendor_files.update(vendor_files)
        shared.folder_licensed.extend(folder_licensed)
    return files


def _readme_parts(scans: list[FileScan]) -> PartLicences | None:
    """The licences the root README's licence section gives the project's parts (readme_parts)."""
    return part_licences((scan.file.path, scan.evidence) for scan in scans)


def _readme_part(parts: PartLicences, path: str, category: str) -> Evidence | None:
    """The licence a file of a part takes from the README: where the part has one licence (a
    board under CERN-OHL-W, its case under CC BY 4.0, both hardware, give none)."""
    found = parts.of(path, category)
    if found is None or len(found[1]) != 1:
        return None
    part, (expression,) = found
    to = part if part.endswith("/") else f"the {part}"
    return Evidence(
        source="readme", expression=expression, raw=expression, detail=f"{parts.readme} {README_GIVES} {to}"
    )


README_GIVES = "gives its licence to"  # "README.md gives its licence to the hardware", "… to enclosure/"


@dataclass
class _Roles:
    """The files conclude reads for more than their own licensing, in tree order: sorted out
    in one pass over the tree, which every other step then skips."""

    covered: set[str] = field(default_factory=set)  # is_covered
    license_files: set[str] = field(default_factory=set)  # classify.is_license_file
    license_like: list[FileScan] = field(default_factory=list)  # license files and LICENSES/<name>
    folder_sources: list[FileScan] = field(default_factory=list)  # license files and manifests for a folder
    reuse_tomls: list[FileScan] = field(default_factory=list)
    dep5: FileScan | None = None
    sidecars: dict[str, FileScan] = field(default_factory=dict)  # path -> its FILE.license

    @classmethod
    def of(cls, scans: list[FileScan]) -> _Roles:
        roles = cls()
        for scan in scans:
            path = scan.file.path
            license_file = classify.is_license_file(path)
            licenses_dir = in_licenses_dir(path)
            if _covered(scan, license_file, licenses_dir):
                roles.covered.add(path)
            if license_file:
                roles.license_files.add(path)
            if license_file or licenses_dir:
                roles.license_like.append(scan)
            # Extraction keeps the text of the few files read here (manifests, REUSE.toml, dep5).
            has_text = scan.text is not None
            if (license_file and not licenses_dir) or (has_text and manifests.is_manifest(path)):
                roles.folder_sources.append(scan)
            if has_text and name_of(path) == REUSE_TOML:
                roles.reuse_tomls.append(scan)
            if path.endswith(".license"):
                roles.sidecars[path.removesuffix(".license")] = scan
            elif path == DEP5:
                roles.dep5 = scan
        return roles


@dataclass(frozen=True)
class _Shared:
    """What every file's conclusion reads besides the file itself."""

    sidecars: dict[str, FileScan]
    tomls: list[reuse_toml.ReuseToml]
    dep5: dep5.Dep5 | None
    nearest_folder: _NearestFolder
    license_notices: dict[str, str]  # license file -> its copyright notices, joined
    vendor_files: dict[str, str]  # filled in: files that took no licence, being a chip vendor's
    folder_licensed: list[str] = field(default_factory=list)  # filled in: files that took their folder's
    readme_parts: PartLicences | None = None  # the licences the root README gives parts


def _conclude_file(scan: FileScan, covered: bool, shared: _Shared) -> FileResult:
    path = scan.file.path
    own = scan.evidence
    sidecar = shared.sidecars.get(path)
    if sidecar is not None:
        applied_own = [_from_sidecar(e, sidecar.file.path) for e in sidecar.evidence]
    else:
        applied_own = _applying(own, scan.format)
    licenses: list[Evidence] = []
    copyrights: list[Evidence] = []
    for item in applied_own:
        if item.is_license:
            licenses.append(item)
        if item.copyright:
            copyrights.append(item)
    if shared.tomls:
        licenses, copyrights = reuse_toml.apply(shared.tomls, path, licenses, copyrights)
    if shared.dep5 is not None:
        extra_licenses, extra_copyrights = dep5.evidence(shared.dep5, path)
        licenses = [*licenses, *_normalized(extra_licenses)]
        copyrights = [*copyrights, *extra_copyrights]
    licenses = _normalized(licenses)
    if len(licenses) == 1 and covered and _unnamed_bsd(licenses[0], shared.tomls, path):
        licenses = _bsd_variant_beside(licenses, shared.nearest_folder(path))
    # A file that could not be read may say its own license: the folder's would be a guess
    # (unreadable-file says its license is unknown until it can be read).
    if not licenses and covered and scan.problem is None:
        licenses = shared.nearest_folder(path)
        if licenses and copyrights:
            vendor = _vendor_of(path, own, copyrights, licenses, shared.license_notices)
            if vendor is not None:  # a chip vendor's code: the maker's licence is not its
                shared.vendor_files[path] = vendor
                licenses = []
        # The project's licence, for a file of a part to which the root README gives a licence
        # of its own ("| 硬件 | CERN-OHL-S-2.0 |" beside the maker's MIT LICENSE): the part's.
        if licenses and shared.readme_parts and licenses is shared.nearest_folder.folders.get(""):
            part = _readme_part(shared.readme_parts, path, scan.category)
            if part is not None:
                licenses = [part]
        if licenses:
            shared.folder_licensed.append(path)
    applied = [*applied_own, *licenses, *copyrights] if sidecar else [*licenses, *copyrights]
    evidence = _unique([*own, *applied])
    # In field order, without keywords: binding ten keywords costs as much again, for every file.
    return FileResult(
        path,
        scan.category,
        scan.format,
        _expressions(licenses),
        _distinct_copyrights(copyrights),
        evidence,
        scan.file.size,
        scan.file.blob,
        scan.problem,
        scan.checksums,
    )


# ST's own components in an STM32Cube project: their header defers to the LICENSE file at the
# component's root, which CubeMX does not always copy ("If no LICENSE file comes with this
# software, it is provided AS-IS"); the project's LICENSE is not theirs, as it is Core/'s.
_ST_COMPONENT = re.compile(
    r"(?:^|/)(?:Drivers/(?:CMSIS|BSP)|Middlewares/ST|CMSIS/Device/ST"
    # ST's libraries by their own folder names, wherever a tutorial's layout puts them
    # ("USB/STM32_USB_Device_Library/" in ALIENTEK's projects)
    r"|STM32\w*_(?:HAL|LL|StdPeriph)_Driver|STM32_USB[\w-]*_(?:Library|Driver)|STM32_\w+_Library)/"
)


# RT-Thread 1.x to 3.0, vendored in a folder of its name: its files' terms are "in the file
# LICENSE in this distribution", RT-Thread's (GPL-2.0 then), not the maker's. In RT-Thread's own
# repository the files are not below such a folder, and its LICENSE is theirs.
_RT_THREAD = re.compile(r"(?:^|/)rt-?thread[^/]*/", re.IGNORECASE)
RT_THREAD = "RT-Thread"


def _vendor_of(
    path: str,
    own: tuple[Evidence, ...],
    copyrights: list[Evidence],
    folder: list[Evidence],
    notices: dict[str, str],
) -> str | None:
    """The chip vendor whose code the file is, when the licence it would take from its folder
    is the project's, declared at the root, and does not cover it: every notice of the file is
    the vendor's (not "Portions Copyright", not the maker's), none defers to a LICENSE file
    (ST's headers), and the root's license file does not name the vendor (a vendor's own
    repository). A licence file inside the tree is a vendored library's own: it covers it."""
    pointer = any(item.detail == POINTS_TO_LICENSE_FILE for item in own)
    sources = {item.holder for item in folder}
    if any("/" in source for source in sources):
        return None
    if pointer and _RT_THREAD.search(path):  # "the file LICENSE in this distribution": RT-Thread's
        return RT_THREAD
    if pointer and not _ST_COMPONENT.search(path):
        return None
    vendors = {chip_vendor(item.copyright or "") for item in copyrights}
    if len(vendors) != 1 or None in vendors:
        return None
    vendor = vendors.pop()
    return None if any(names_vendor(notices.get(source, ""), vendor) for source in sources) else vendor


def _unnamed_bsd(item: Evidence, tomls: list[reuse_toml.ReuseToml], path: str) -> bool:
    """Whether the evidence is one notice that names "the BSD license" without its variant, and
    nothing else (not beside a full text, not "MIT or BSD license"), and no REUSE.toml annotation
    of the file says more (with `closest` precedence the notice was kept, the annotation not)."""
    if item.expression != "BSD-3-Clause" or BSD_VARIANT_NOT_NAMED not in item.detail or "; " in item.detail:
        return False
    return not reuse_toml.covers(tomls, path)


def _bsd_variant_beside(said: list[Evidence], beside: list[Evidence]) -> list[Evidence]:
    """A notice that says "the BSD license" without the variant (Adafruit's "BSD license, all
    text above must be included in any redistribution") is under the BSD licence of the license
    file its library ships beside it (Adafruit-GFX-Library's license.txt: BSD-2-Clause), when
    that file names one BSD licence; else under the 3-clause licence the name was read as. The
    project's own license file at the root is the maker's, not the library's (as for vendors);
    a REUSE.toml annotation of the file is asked before (the caller)."""
    sources = {item.holder for item in beside}
    if not beside or not all("/" in source for source in sources):
        return said
    if all(re.fullmatch(r"BSD-[\w.-]+", item.expression or "") for item in beside):
        return beside
    return said


def _from_sidecar(item: Evidence, sidecar: str) -> Evidence:
    # Built directly: dataclasses.replace costs several times more, once per evidence of every sidecar.
    return Evidence(
        source="sidecar",
        expression=item.expression,
        copyright=item.copyright,
        line=item.line,
        detail=f"{sidecar}: {item.detail}",
        raw=item.raw,
    )


def _applying(evidence: tuple[Evidence, ...], format_id: str) -> Sequence[Evidence]:
    """The file's own evidence that is its licence; the rest stays evidence, not applied:

    - a library's description copied into a design (Eagle keeps whole libraries in
      .sch/.brd files) is the library's license, not the design's (NORMS §1.4). Text a
      library draws on the sheet (a frame saying "Released under CC BY-SA 4.0") is printed
      on the design and counts. In a library file itself the description is the file's own;
    - a README's licence section that names several licences ("hardware under CERN-OHL-S,
      firmware under MulanPSL") says what the project's parts are under, not that the
      README is under all of them (it was read as "A AND B", against its folder's licence).
      A section naming one licence is the README's, as "This project is MIT" means, and so is
      one licence with a restriction: "MIT，但不允许用于商业用途". The licence it gives each part
      (README_PART) is the part's, never the README's, and where it gives parts licences, what
      it names is not the README's either."""
    library_file = format_id.endswith("-lbr")
    # Written out, not a call for each evidence: conclusion runs this for every file.
    applied = [
        e
        for e in evidence
        if library_file or not (e.detail.startswith("library ") and e.detail.endswith(" description"))
    ]
    if not any(e.detail.startswith(README_SECTION) for e in applied):  # all files but READMEs
        return applied
    # A section that gives the parts their licences says none of them is the README's ("The
    # hardware is licensed under CERN-OHL-W-2.0 and the firmware under MIT", read as one).
    parts = any(e.detail.startswith(README_PART) for e in applied)
    # A restriction beside the parts ("禁止商用") is the README's (extract.file).
    return [
        e
        for e in applied
        if not (
            e.detail.startswith(README_SECTION)
            and ((parts and e.raw != STUDY_USE_ONLY) or names_parts(e.expression or e.raw or ""))
        )
    ]


def _license_evidence(evidence) -> list[Evidence]:
    return [e for e in evidence if e.is_license]


def _normalized(evidence: list[Evidence]) -> list[Evidence]:
    return [e if e.expression or e.raw is None else _with_expression(e) for e in evidence]


@lru_cache(maxsize=16384)
def _with_expression(item: Evidence) -> Evidence:
    # Remembered: a REUSE.toml annotation or dep5 paragraph gives its evidence to every file it matches.
    return replace(item, expression=expression.normalize(item.raw or ""))


def _expressions(evidence: list[Evidence]) -> tuple[str, ...]:
    """Distinct expressions, one per source; tags of one file or one annotation apply together (AND)."""
    if len(evidence) == 1:  # most files: no grouping to do
        only = evidence[0].expression
        return (only,) if only else ()
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
    notice of the same file ("2025 Shenzhen Maker Team") is not listed again, nor is one notice
    written with another marker ("Copyright 2025 X" in the title block, "© 2025 X" on the
    silkscreen, "版权所有 2025 X" in a comment: the first of them in sorted order stays)."""
    if len(evidence) == 1:  # most files: nothing to compare
        only = (evidence[0].copyright or "").strip()
        return (only,) if only else ()
    notices = {e.copyright.strip() for e in evidence if e.copyright and e.copyright.strip()}
    kept = {n for n in notices if not any(n != other and n in other for other in notices)}
    by_holder: dict[str, str] = {}
    for notice in sorted(kept):
        by_holder.setdefault(_without_marker(notice), notice)
    return tuple(sorted(by_holder.values()))


# The words and signs that open a copyright notice, in any order and number ("Copyright (C)").
_COPYRIGHT_MARKER = re.compile(
    r"^(?:(?:copyright|" + "|".join(CHINESE_COPYRIGHT_MARKERS) + r"|\(c\)|©)\s*[:：]?\s*)+",
    re.IGNORECASE,
)


def _without_marker(notice: str) -> str:
    return " ".join(_COPYRIGHT_MARKER.sub("", notice).split()).casefold() or notice


def _unique(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))


def _reuse_tomls(scans: list[FileScan], problems) -> list[reuse_toml.ReuseToml]:
    tomls = []
    for scan in scans:
        if scan.text is None:
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


def _folder_evidence(scans: list[FileScan], license_files: frozenset[str]) -> dict[str, list[Evidence]]:
    """Folder -> license evidence from the license files and manifests it holds (`scans`:
    those files, with any others)."""
    folders: dict[str, list[Evidence]] = defaultdict(list)
    for scan in scans:
        path = scan.file.path
        if path in license_files and not in_licenses_dir(path):
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


# A license file by one of these names states its folder's own licence (not NOTICE, COPYRIGHT or
# THIRD_PARTY_LICENSES, which list or credit others), as a text: not a documentation page about
# licensing (docs/license.md including the LICENSE, a web UI's license.html).
_OWN_LICENSE_NAME = re.compile(r"(?:licen[cs]e|copying|unlicense)(?:[-_.](?!html?$)[^/]*)?", re.IGNORECASE)
_DOCUMENTATION_FOLDER = re.compile(
    r"(?:^|/)(?:docs?|documentation|site|website|web|www|public|static|assets|data)/", re.IGNORECASE
)


def _unrecognized(license_like: list[FileScan], license_files: frozenset[str]) -> tuple[str, ...]:
    """The license files, outside LICENSES/, that were read and match no licence."""
    return tuple(
        s.file.path
        for s in license_like
        if s.file.path in license_files
        and not in_licenses_dir(s.file.path)
        and s.problem is None
        and not _license_evidence(s.evidence)
    )


def _cut_off(unrecognized: tuple[str, ...], folders: dict[str, list[Evidence]]) -> dict[str, str]:
    """Folder -> its license file, for the unrecognized files that state their folder's licence
    (by name and place) below a folder with a licence: that licence does not reach the files."""
    above = _NearestFolder(folders)
    found = {}
    for path in unrecognized:
        folder = folder_of(path)
        if (
            folder
            and _OWN_LICENSE_NAME.fullmatch(name_of(path))
            and not _DOCUMENTATION_FOLDER.search(path)
            and not folders.get(folder)
            and above(folder + "/(folder)")  # the licence of the folders above it
        ):
            found[folder] = path
    return found


class _NearestFolder:
    """The license evidence of a path's nearest folder that has some, up to a folder whose own
    license file matches no licence; each folder is looked up once, not once per file in it."""

    def __init__(self, folders: dict[str, list[Evidence]], cut_off: frozenset[str] = frozenset()) -> None:
        self.folders = folders
        self.cut_off = cut_off
        self.by_folder: dict[str, list[Evidence]] = {}

    def __call__(self, path: str) -> list[Evidence]:
        start = folder_of(path)
        found = self.by_folder.get(start)
        if found is None:
            found = self.by_folder[start] = self._walk(start)
        return found

    def _walk(self, folder: str) -> list[Evidence]:
        while True:
            if self.folders.get(folder):
                return self.folders[folder]
            if not folder or folder in self.cut_off:
                return []
            folder = folder_of(folder)


def _project(
    scans: list[FileScan], folders: dict[str, list[Evidence]], license_files: frozenset[str]
) -> Project:
    """The project's licence: what covers the root, else the names of the texts in LICENSES/
    (`scans`: at least the license files and what is in LICENSES/)."""
    root_evidence = [e for e in folders.get("", []) if e.expression]
    sources = sorted({e.holder for e in root_evidence})
    declared = {e.expression for e in root_evidence}
    root_license_files = [
        s.file.path for s in scans if "/" not in s.file.path and s.file.path in license_files
    ]
    licenses_dir = [s.file.path for s in scans if in_licenses_dir(s.file.path)]
    if not declared and licenses_dir:
        declared = {_stem(p) for p in licenses_dir if expression.normalize(_stem(p))}
        sources = licenses_dir
    sources = sorted(set(sources) | set(root_license_files))
    normalized = {expression.normalize(d) or d for d in declared}
    return Project(declared=tuple(sorted(normalized)), sources=tuple(sources))


def _stem(path: str) -> str:
    name = name_of(path)
    return name.rsplit(".", 1)[0] if "." in name else name


def _license_texts(scans: list[FileScan], license_files: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """License id -> the files holding its text (`scans`: at least the license files and
    what is in LICENSES/)."""
    texts: dict[str, set[str]] = defaultdict(set)
    for scan in scans:
        path = scan.file.path
        if in_licenses_dir(path):
            texts[_stem(path)].add(path)
        elif path in license_files:
            # Only a recognised text counts: a bare SPDX tag in a LICENSE file is a notice, and
            # so is "Licensed under the MIT License." (MIT asks for its permission notice, REUSE
            # for the text).
            for item in scan.evidence:
                if item.source != "text-match":
                    continue
                for found in full_texts(item.detail.partition(": ")[2]):
                    for key in expression.license_keys(expression.normalize(found) or ""):
                        texts[key].add(path)
    return {key: tuple(sorted(paths)) for key, paths in sorted(texts.items())}
