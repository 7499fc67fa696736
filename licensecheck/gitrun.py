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

The child is started with `subprocess`, not through GitPython's command wrapper: importing
GitPython takes 75-80 ms here, a quarter of a warm scan of a git work tree, for what a Popen
with a time limit does. As GitPython does, git speaks English (LC_ALL=C), whose messages the
scan reads; GIT_PYTHON_GIT_EXECUTABLE still names the git to run.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
from pathlib import Path

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
        if not os.access(root, os.X_OK):  # git would fail to start in it, with a vaguer message
            raise GitUnusable(f"cannot enter {root}", broken=False)
        self._root = root
        named = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE") or "git"
        # A relative path is the user's, not one inside the scanned tree git runs in.
        self._executable = os.path.abspath(named) if os.sep in named else named
        self._environment = _config_environment(SAFE_CONFIG)
        asked = ("--is-bare-repository", "--is-inside-work-tree", "--git-path", "index", "--show-prefix")
        bare, inside, index, *prefix = [*os.fsdecode(self("rev-parse", *asked)).split("\n"), "", "", ""]
        if bare == "true":
            raise GitUnusable("bare repository", broken=False)
        if inside != "true":
            raise GitUnusable("not in a work tree", broken=False)
        self.index = os.path.join(root, index)  # the index file (relative to the root, or absolute)
        self.prefix = prefix[0]
        listing = self("config", "-z", "--get-regexp", r"^filter\.", check=False)  # exit 1: no match
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
        with self.start(*args) as running:
            return running.finish(check)

    def start(self, *args: str) -> Running:
        """git started with `args`, running while this process does other work: `finish` it
        inside a `with` block, which stops it if it is left unfinished."""
        command = [self._executable, "--no-optional-locks", *args]  # never rewrite the index
        environment = {**os.environ, **self._environment, "LC_ALL": "C", "LANGUAGE": "C"}
        try:
            # In a session of its own: at the time limit, or on Ctrl-C, the whole group goes, with
            # whatever a wrapper script (GIT_PYTHON_GIT_EXECUTABLE) started.
            child = subprocess.Popen(
                command,
                cwd=self._root,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except (FileNotFoundError, PermissionError):
            raise GitUnusable("git is not installed", broken=False) from None
        except OSError as error:
            raise GitUnusable(f"git {args[0]}: {error.strerror or error}", broken=True) from None
        return Running(child, args[0])


class Running:
    """One git command started by Git.start."""

    def __init__(self, child: subprocess.Popen, name: str) -> None:
        self._child = child
        self._name = name

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._child.returncode is None:
            _stop(self._child)

    def finish(self, check: bool = True) -> tuple[bytes, str]:
        """Its output and what it said on stderr, once it ended (GitUnusable when it failed,
        with `check`, or is still running the time limit after this call: what this process
        did meanwhile does not count against git, which may have been waiting to write)."""
        child = self._child
        try:
            out, err = child.communicate(timeout=git_timeout())
        except subprocess.TimeoutExpired:
            _stop(child)
            late = f"git {self._name}: git did not finish within {git_timeout():g} s"
            raise GitUnusable(late, broken=True) from None
        except BaseException:
            _stop(child)
            raise
        said = os.fsdecode(err)
        if check and child.returncode != 0:
            raise GitUnusable(f"git {self._name}: {describe(said)}", broken=True)
        return out, said


def _stop(child: subprocess.Popen) -> None:
    """Kill the child's process group (where there are groups: not on Windows) and reap the child."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(OSError):
            os.killpg(child.pid, signal.SIGKILL)
    child.kill()
    child.communicate()


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


def describe(said: str) -> str:
    """One line for a problem entry from what git wrote to stderr: its own message. No
    absolute paths, so that results stay the same from one machine to the next."""
    found = _GIT_SAYS.search(said)
    if found:
        return found[1].strip()
    return "git failed"


_GIT_SAYS = re.compile(r"(?:fatal|error): (.+)$", re.MULTILINE)
