# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The pipeline end to end: discover, classify and extract, conclude, evaluate."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from licensecheck import __version__
from licensecheck.cache import ResultCache, ScanCache, file_key
from licensecheck.config import Config
from licensecheck.discover import Discovery, changed_since, discover
from licensecheck.model import DiscoveredFile, Provenance, ScanResult
from licensecheck.policy import Policy

if TYPE_CHECKING:
    from licensecheck.extract import FileScan
    from licensecheck.parallel import Progress


class ScanError(Exception):
    """The scan cannot run as asked (a --since ref git does not know)."""


@dataclass(frozen=True)
class Options:
    lang: str = "en"
    jobs: int = 0  # 0: one per CPU
    since: str | None = None
    checksums: bool = False  # SHA1/SHA256 of every file, for SPDX documents
    cache: bool = True
    progress: Progress | None = None  # told (done, all) as files are read


def scan(root: Path, root_label: str, config: Config, policy: Policy, options: Options) -> ScanResult:
    """Scan the tree at `root`; `root_label` is the path as the user gave it."""
    try:
        found = discover(root, config.exclude)
    except ValueError as error:  # an exclude pattern that cannot be used
        where = f"{config.source}: " if config.source else ""
        raise ScanError(f"{where}exclude: {error}") from None
    files = list(found.files)
    same_run = _run_key(root_label, found, config, policy, options)
    last_result = ResultCache(root) if options.cache and not options.since else None
    # Nothing changed since the last run with the same settings: its result stands.
    previous = last_result.load(same_run) if last_result is not None else None
    if previous is not None:
        return previous
    # Only a run that has work to do loads extraction, conclusion and the rules.
    from licensecheck import expression, knowledge
    from licensecheck.conclude import conclude
    from licensecheck.evaluate import evaluate

    cached = ScanCache(root).load() if options.cache else None
    scans = _extract(root, files, options, cached)
    concluded = conclude(scans, found.problems)
    only = _changed(root, options.since) if options.since else None
    findings = evaluate(concluded, policy, options.lang, only)
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
    if cached is not None:
        cached.save()
    if last_result is not None:
        # Encoded once: the JSON report and the result cache share the text.
        result = replace(result, json_text=result.to_json())
        last_result.keep(same_run, scans, result)
    return result


def _run_key(root_label: str, found: Discovery, config: Config, policy: Policy, options: Options) -> str:
    """Everything a result depends on but the files other files read (ResultCache checks
    those): the settings, what discovery saw (git state, problems) and every file's key."""
    digest = hashlib.sha256()
    settings = (
        root_label,
        repr(config),
        policy.profile.name,
        policy.fail_on,
        options.lang,
        options.checksums,
        repr(found.git),  # a commit changes the provenance, not the files
        repr(found.problems),
    )
    digest.update(repr(settings).encode())
    for file in found.files:
        digest.update(f"{file.path}\0{file_key(file, options.checksums)}\0".encode())
    return digest.hexdigest()


def _changed(root: Path, since: str) -> frozenset[str]:
    try:
        return frozenset(changed_since(root, since))
    except ValueError as error:
        raise ScanError(str(error)) from None


def _extract(
    root: Path, files: list[DiscoveredFile], options: Options, cached: ScanCache | None
) -> list[FileScan]:
    """Extraction for every file, taking unchanged files from the cache."""
    from licensecheck.parallel import default_jobs, scan_files

    jobs = options.jobs or default_jobs()
    if cached is None:
        return scan_files(root, files, jobs, options.checksums, options.progress)
    found = {file.path: cached.get(file, options.checksums) for file in files}
    missing = [file for file in files if found[file.path] is None]
    fresh = {
        scan.file.path: scan for scan in scan_files(root, missing, jobs, options.checksums, options.progress)
    }
    cached.update(list(fresh.values()), set(found), options.checksums)
    return [found[file.path] or fresh[file.path] for file in files]
