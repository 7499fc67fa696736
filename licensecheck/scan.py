# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The pipeline end to end: discover, classify and extract, conclude, evaluate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from licensecheck import __version__, expression, knowledge
from licensecheck.cache import ScanCache
from licensecheck.conclude import conclude
from licensecheck.config import Config
from licensecheck.discover import changed_since, discover
from licensecheck.evaluate import evaluate
from licensecheck.extract import FileScan
from licensecheck.model import DiscoveredFile, Provenance, ScanResult
from licensecheck.parallel import Progress, default_jobs, scan_files
from licensecheck.policy import Policy


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
    found = discover(root, config.exclude)
    scans = _extract(root, list(found.files), options)
    concluded = conclude(scans, found.problems)
    only = _changed(root, options.since) if options.since else None
    findings = evaluate(concluded, policy, options.lang, only)
    git = found.git
    return ScanResult(
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


def _changed(root: Path, since: str) -> frozenset[str]:
    try:
        return frozenset(changed_since(root, since))
    except ValueError as error:
        raise ScanError(str(error)) from None


def _extract(root: Path, files: list[DiscoveredFile], options: Options) -> list[FileScan]:
    """Extraction for every file, taking unchanged files from the cache."""
    jobs = options.jobs or default_jobs()
    if not options.cache:
        return scan_files(root, files, jobs, options.checksums, options.progress)
    cached = ScanCache(root).load()
    found = {file.path: cached.get(file, options.checksums) for file in files}
    missing = [file for file in files if found[file.path] is None]
    fresh = {
        scan.file.path: scan for scan in scan_files(root, missing, jobs, options.checksums, options.progress)
    }
    cached.update(list(fresh.values()), set(found), options.checksums)
    cached.save()
    return [found[file.path] or fresh[file.path] for file in files]
