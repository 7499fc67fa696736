# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Running git in a tree nobody vetted.

A repository's own configuration can make git run commands: `core.fsmonitor` on
every status, and the clean filter of any driver `.gitattributes` names whenever a
file is hashed. Its files can make git wait forever: a FIFO where git reads
`.git/HEAD`, `.git/config` or a `.gitignore`. So git runs here

- with those commands switched off by configuration given in its environment,
  which wins over the repository's (filter drivers are first listed with
  `git config`, which runs nothing);
- with a time limit, after which the scan walks the folder instead;
- only as a child process: GitPython's in-process reading of `.git` (HEAD, config
  and its includes) would block on a FIFO where no time limit can reach it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from licensecheck import envvars

GIT_TIMEOUT = 60.0  # seconds one git command may take; LICENSECHECK_GIT_TIMEOUT overrides
# Configuration that wins over the repository's: nothing git could be told to run.
SAFE_CONFIG = (
    ("core.fsmonitor", "false"),
    ("core.hooksPath", os.devnull),
    ("core.untrackedCache", "false"),
    ("protocol.allow", "never"),
)
_FILTER_KEY = re.compile(r"filter\.(.+)\.(?:clean|smudge|process|required)", re.DOTALL)


class GitUnusable(Exception):
    """git cannot list this tree. `broken` tells a damaged repository (worth a
    problem line) from the ordinary cases: no git installed, not a repository, bare."""

    def __init__(self, reason: str, broken: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.broken = broken


def git_timeout() -> float:
    return envvars.seconds("LICENSECHECK_GIT_TIMEOUT", GIT_TIMEOUT)


class Git:
    """git run in the scan root, so that ls-files output and pathspecs are relative to it."""

    def __init__(self, root: Path) -> None:
        try:
            import git  # late: GitPython raises ImportError at import when git is not installed
        except ImportError:
            raise GitUnusable("git is not installed", broken=False) from None
        self._module: Any = git
        if not os.access(root, os.X_OK):  # GitPython would silently run git in the process's cwd
            raise GitUnusable(f"cannot enter {root}", broken=False)
        self._git = git.Git(root)
        self._environment = _config_environment(SAFE_CONFIG)
        where = self("rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--show-prefix")
        bare, inside, *rest = [*os.fsdecode(where).split("\n"), "", ""]
        if bare == "true":
            raise GitUnusable("bare repository", broken=False)
        if inside != "true":
            raise GitUnusable("not in a work tree", broken=False)
        self.prefix = rest[0]
        listing, said = self.with_stderr("config", "-z", "--get-regexp", r"^filter\.", check=False)
        if "did not complete in" in said:  # exits 1 when nothing matches, so only a timeout is a failure
            raise GitUnusable(f"git config: {describe(RuntimeError(said))}", broken=True)
        drivers = _filter_drivers(listing)
        switched_off = [
            (f"filter.{name}.{key}", "false" if key == "required" else "")
            for name in drivers
            for key in ("clean", "smudge", "process", "required")
        ]
        self._environment = _config_environment(SAFE_CONFIG + tuple(switched_off))

    def __call__(self, *args: str, check: bool = True) -> bytes:
        return self.with_stderr(*args, check=check)[0]

    def with_stderr(self, *args: str, check: bool = True) -> tuple[bytes, str]:
        executable = self._module.Git.GIT_PYTHON_GIT_EXECUTABLE or "git"
        command = [executable, "--no-optional-locks", *args]  # never rewrite the index
        failures = (self._module.exc.GitError, OSError, ValueError)
        try:
            _status, out, err = self._git.execute(
                command,
                with_extended_output=True,
                with_exceptions=check,
                stdout_as_string=False,
                strip_newline_in_stdout=False,
                kill_after_timeout=git_timeout(),
                env=self._environment,
            )
        except self._module.exc.GitCommandNotFound:
            raise GitUnusable("git is not installed", broken=False) from None
        except failures as error:
            raise GitUnusable(f"git {args[0]}: {describe(error)}", broken=True) from None
        return out, err if isinstance(err, str) else os.fsdecode(err)


def _config_environment(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Configuration in GIT_CONFIG_* variables: no quoting trouble whatever a name holds."""
    environment = {"GIT_CONFIG_COUNT": str(len(pairs)), "GIT_TERMINAL_PROMPT": "0"}
    for i, (key, value) in enumerate(pairs):
        environment[f"GIT_CONFIG_KEY_{i}"] = key
        environment[f"GIT_CONFIG_VALUE_{i}"] = value
    return environment


def _filter_drivers(listing: bytes) -> list[str]:
    """Driver names in `git config -z --get-regexp` output (records of "key\\nvalue\\0")."""
    names = []
    for record in listing.split(b"\0"):
        match = _FILTER_KEY.fullmatch(os.fsdecode(record.partition(b"\n")[0]))
        if match:
            names.append(match[1])
    return sorted(set(names))


def describe(error: Exception) -> str:
    """One line for a problem entry: git's own message when there is one. No absolute
    paths, so that results stay the same from one machine to the next."""
    if "did not complete in" in str(error):
        return f"git did not finish within {git_timeout():g} s"
    said = _GIT_SAYS.search(str(error))
    if said:
        return said[1].strip()
    return _GITPYTHON_SAYS.get(type(error).__name__, type(error).__name__)


_GIT_SAYS = re.compile(r"(?:fatal|error): (.+?)'?$", re.MULTILINE)  # GitPython quotes git's stderr
_GITPYTHON_SAYS = {
    "InvalidGitRepositoryError": "no valid git repository found",
    "NoSuchPathError": "the repository's folder does not exist",
    "GitCommandError": "git failed",
}
