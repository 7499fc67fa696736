# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The pipeline end to end: discover, classify and extract, conclude, evaluate."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from licensecheck import __version__
from licensecheck.atomic import cache_dir
from licensecheck.cache import LastRun, ResultCache, ScanCache, decoded, file_keys
from licensecheck.config import Config
from licensecheck.discover import Discovery, LastListing, changed_since, discover
from licensecheck.kept import kept_until_exit
from licensecheck.model import DiscoveredFile, FileResult, Provenance, ScanResult, collector_paused
from licensecheck.policy import Policy

if TYPE_CHECKING:
    from licensecheck.extract import FileScan
    from licensecheck.forked import Meanwhile
    from licensecheck.parallel import Progress


class ScanError(Exception):
    """The scan cannot run as asked (a --since ref git does not know)."""


@dataclass(frozen=True)
class Options:
    lang: str = "en"
    jobs: int = 0  # 0: one per CPU, one for a small tree (parallel.default_jobs)
    since: str | None = None
    checksums: bool = False  # SHA1/SHA256 of every file, for SPDX documents
    cache: bool = True
    progress: Progress | None = None  # told (done, all) as files are read
    json: bool = False  # a JSON report is wanted (the result cache wants the JSON too)
    # This run's reports that lie inside the tree, as discovery shows paths: not scanned, or
    # the next run would read the last one's report (its examples quote SPDX tags).
    reports: frozenset[str] = frozenset()


def scan(root: Path, root_label: str, config: Config, policy: Policy, options: Options) -> ScanResult:
    """Scan the tree at `root`; `root_label` is the path as the user gave it."""
    result = _scan(root, root_label, config, policy, options)
    if options.cache:
        from licensecheck.prune import prune

        prune(cache_dir())
    return result


def _scan(root: Path, root_label: str, config: Config, policy: Policy, options: Options) -> ScanResult:
    results = ResultCache(root) if options.cache and not options.since else None
    last = results.load() if results is not None else None
    listed = LastListing(last.index, last.keys) if last is not None and last.index else None
    try:
        with collector_paused():  # a DiscoveredFile for every file: see collector_paused
            found = discover(root, config.exclude, listed, stamps=options.cache)
    except ValueError as error:  # an exclude pattern that cannot be used
        where = f"{config.source}: " if config.source else ""
        raise ScanError(f"{where}exclude: {error}") from None
    files = _project_files(found.files, options.reports, _folder_inside(root, cache_dir()))
    # What the caches know each file by: not needed by a run that uses no cache (60,000 files: 40 ms).
    keys = file_keys(files, options.checksums) if options.cache else {}
    settings = _settings_key(root_label, found, config, policy, options)
    git = repr(found.git)
    # Nothing changed since the last run with the same settings: its result stands.
    if last is not None and last.same(settings, git, keys, root):
        kept = decoded(last.encoded)
        if kept is not None:
            if results is not None and found.index != last.index:  # git rewrote its index alone
                results.keep(replace(last, index=found.index))  # (a refresh): trust the new one
            return kept
    cached = ScanCache(root) if options.cache else None
    # What changed since the last run with these settings, from its keys: when only files whose
    # key moved need reading, their facts may let the last result stand (incremental).
    changed = last.changed(files, keys, root) if last is not None and last.settings == settings else None
    result = None
    base = b""  # the kept files' JSON the result lays its patches over, when it was carried
    if changed is not None and cached is not None:
        fresh = _extract(root, changed, options)
        from licensecheck.incremental import carried

        encoded = carried(last, fresh, cached, _git_provenance(found))
        if encoded is not None and (result := decoded(encoded)) is not None:
            base = last.base
    else:
        stale = files if cached is None else cached.stale(files, keys)
        fresh = _extract(root, stale, options, meanwhile=_load_conclusion)
    scans = None
    if result is None:
        scans = _all(root, files, keys, fresh, cached, options)
        result = _conclude_and_evaluate(root, root_label, found, config, policy, options, scans)
    if cached is not None:
        cached.update(fresh, keys, options.checksums)
        cached.save()
    if results is not None:
        # Encoded once: the result cache and the JSON report share it.
        result = replace(result, encoded=result.encode())
        depends = _depends(last, fresh, scans)
        results.keep(LastRun(settings, git, keys, depends, result.encoded, base, found.index))
    kept_until_exit(scans, fresh, found)
    return result


# The report a run writes when given no -o (CONTRACT.md), into the current folder: often the
# tree's root. There it is left out whatever this run writes, as this run's reports are.
DEFAULT_REPORT = "licensecheck-report.html"


def _project_files(
    files: tuple[DiscoveredFile, ...], reports: frozenset[str], cache_folder: str | None
) -> list[DiscoveredFile]:
    """The files of the project: not licensecheck's reports, nor a cache kept in the tree
    (with --no-cache too: the result does not depend on whether the cache is used). Found by
    bisection in `files`, sorted by path: a pass over 60,000 paths took 13 ms of a warm run."""
    path = attrgetter("path")
    dropped: list[tuple[int, int]] = []  # [start, end) index ranges
    for report in reports | {DEFAULT_REPORT}:
        at = bisect_left(files, report, key=path)
        if at < len(files) and files[at].path == report:
            dropped.append((at, at + 1))
    if cache_folder:  # "cache/": every path from "cache/" up to "cache0" ("/" + 1) is below it
        above = cache_folder[:-1] + chr(ord("/") + 1)
        dropped.append((bisect_left(files, cache_folder, key=path), bisect_left(files, above, key=path)))
    kept, at = [], 0
    for start, end in sorted(dropped):  # ranges may overlap: a report written into the cache folder
        kept += files[at:start]  # empty when this range starts inside the one before
        at = max(at, end)
    kept += files[at:]
    return kept


def _folder_inside(root: Path, folder: Path) -> str | None:
    """`folder` as discovery shows a path below `root` ("cache/"), when it is in the tree: a
    cache kept inside the tree (LICENSECHECK_CACHE_DIR=$CI_WORKSPACE/.cache, for the CI to
    keep) is not part of the project, and its files change with every run."""
    from licensecheck.pathnames import below

    inside = below(root, folder)
    return None if inside is None else inside + "/"


def _depends(
    last: LastRun | None, fresh: list[FileScan], scans: list[FileScan] | None
) -> list[tuple[str, str]]:
    """(path, stamp) of the files that extraction read besides each file itself: from every
    file's scan, or when the last result was carried over, its list updated by the files read
    again (a pair that no file reads any more only costs a warm run a stamp)."""
    read = dict(last.depends) if scans is None and last is not None else {}
    for scan in fresh if scans is None else scans:
        read.update(scan.depends)
    return sorted(read.items())


def _conclude_and_evaluate(
    root: Path,
    root_label: str,
    found: Discovery,
    config: Config,
    policy: Policy,
    options: Options,
    scans: list[FileScan],
) -> ScanResult:
    # Only a run that has this to do loads conclusion, the rules and the knowledge base.
    from licensecheck import expression, knowledge
    from licensecheck.conclude import conclude
    from licensecheck.evaluate import evaluate
    from licensecheck.parallel import default_jobs

    jobs = options.jobs or default_jobs(len(scans))
    concluded = conclude(scans, found.problems, jobs)
    only = _changed(root, options.since) if options.since else None
    with _files_json_beside(concluded.files, options, jobs) as files_json:
        findings = evaluate(concluded, policy, options.lang, only)
        encoded_files = files_json.result() if files_json is not None else None
    git = found.git
    result = ScanResult(
        root=root_label,
        profile=policy.profile.name,
        tool_version=__version__,
        project=concluded.project,
        files=concluded.files,
        findings=tuple(findings),
        provenance=Provenance(
            commit=git.commit if git else None,
            branch=git.branch if git else None,
            dirty=git.dirty if git else None,
            license_list_version=expression.list_version(),
            submodules=found.submodules,
            knowledge_version=knowledge.data_version(),
            config=config.source,
            lang=options.lang,
            fail_on=policy.fail_on,
            components=tuple(config.components.items()),
        ),
    )
    return result if encoded_files is None else result.with_files_json(encoded_files)


# From this many files, a forked child writes the files' JSON while the rules run. Generated
# trees, 2 cores, cold scan to JSON, median of 8 and 5 alternating runs: 12,043 files 0.887 s
# without, 0.845 s with; 59,970 files 3.68 s and 3.38 s.
FILES_JSON_BESIDE_FROM = 2000


@contextmanager
def _files_json_beside(files: tuple[FileResult, ...], options: Options, jobs: int):
    """The files' part of the result's JSON (Encoded.files_json), made in a forked child, when
    the JSON is wanted (a JSON report, the result cache) and a second CPU may be used (`jobs`)."""
    from licensecheck import forked

    wanted = options.json or (options.cache and not options.since)  # see _scan's ResultCache
    if not (wanted and jobs > 1 and len(files) >= FILES_JSON_BESIDE_FROM and forked.available()):
        yield None
        return
    with forked.Background(lambda: ScanResult.files_json(files)) as pending:
        yield pending


def _git_provenance(found: Discovery) -> dict:
    """The provenance fields that follow the git state (Provenance.to_dict's)."""
    git = found.git
    return {
        "commit": git.commit if git else None,
        "branch": git.branch if git else None,
        "dirty": git.dirty if git else None,
        "submodules": list(found.submodules),
    }


def _settings_key(root_label: str, found: Discovery, config: Config, policy: Policy, options: Options) -> str:
    """Everything a result depends on but the files, the files other files read (LastRun
    checks those) and the git state."""
    settings = (
        __version__,
        root_label,
        repr(config),
        policy.profile.name,
        policy.fail_on,
        options.lang,
        options.checksums,
        repr(found.problems),
    )
    return hashlib.sha256(repr(settings).encode()).hexdigest()


def _changed(root: Path, since: str) -> frozenset[str]:
    try:
        return frozenset(changed_since(root, since))
    except ValueError as error:
        raise ScanError(str(error)) from None


def _extract(
    root: Path, files: list[DiscoveredFile], options: Options, meanwhile: Meanwhile = None
) -> list[FileScan]:
    from licensecheck.parallel import default_jobs, scan_files

    jobs = options.jobs or default_jobs(len(files))
    return scan_files(root, files, jobs, options.checksums, options.progress, meanwhile)


def _load_conclusion() -> None:
    """Import conclusion and the rules, and load what they read, while other processes
    extract: 93 ms of a scan, which this process would spend alone once extraction is done."""
    from licensecheck.conclude import conclude  # noqa: F401
    from licensecheck.rules import catalog

    catalog()


def _all(
    root: Path,
    files: list[DiscoveredFile],
    keys: dict[str, str],
    fresh: list[FileScan],
    cached: ScanCache | None,
    options: Options,
) -> list[FileScan]:
    """Every file's extraction: those in `fresh`, the others from the cache (a file whose entry
    is missing, stale or cannot be decoded is read again, and added to `fresh`)."""
    if cached is None:
        return fresh
    scans = {scan.file.path: scan for scan in fresh}
    unusable = []
    with collector_paused():  # a FileScan and its evidence for every file
        for file in files:
            if file.path not in scans:
                scan = cached.get(file, keys[file.path])
                if scan is None:
                    unusable.append(file)
                else:
                    scans[file.path] = scan
    if unusable:
        again = _extract(root, unusable, options)
        fresh += again
        scans.update((scan.file.path, scan) for scan in again)
    return [scans[file.path] for file in files]
