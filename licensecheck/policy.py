# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The active policy: a profile (data in licenses/profiles/) plus the user's config.

Order of precedence for a rule's severity: the config file's `[rules.ID]`, then
the profile, then the rule's default; command-line options win over the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from licensecheck import tomlcache
from licensecheck.config import PROFILES, Config, ConfigError, Waiver
from licensecheck.resources import data_path

if TYPE_CHECKING:
    import pathspec

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    severities: dict[str, str] = field(default_factory=dict)
    promote_warnings: bool = False  # strict: every warning is an error
    fail_on: str = "error"


@cache
def profile(name: str) -> Profile:
    if name not in PROFILES:
        raise ConfigError(f"unknown profile {name!r}; use one of: {', '.join(PROFILES)}")
    file = f"{name}.toml"
    data = tomlcache.parsed("profile", {file: (data_path("licenses") / "profiles" / file).read_bytes()})[file]
    return Profile(
        name=name,
        description=data.get("description", ""),
        severities=dict(data.get("severity", {})),
        promote_warnings=bool(data.get("promote-warnings", False)),
        fail_on=data.get("fail-on", "error"),
    )


@dataclass(frozen=True)
class Policy:
    profile: Profile
    config: Config
    fail_on: str

    def severity(self, rule_id: str, default: str) -> str:
        """The rule's severity, or 'off'."""
        chosen = self.config.severities.get(rule_id) or self.profile.severities.get(rule_id) or default
        if chosen == "warning" and self.profile.promote_warnings and rule_id not in self.config.severities:
            return "error"
        return chosen

    def waiver(self, rule_id: str, path: str | None) -> Waiver | None:
        for waiver in self.config.waivers:
            if waiver.rule == rule_id and _matches(waiver.paths, path):
                return waiver
        return None

    def allowed(self, category: str) -> tuple[str, ...] | None:
        """The licenses allowed for a category, or None when the config sets no allow list."""
        found = self.config.allow.get(category, self.config.allow.get("*"))
        return found

    def denied(self, category: str) -> tuple[str, ...]:
        return self.config.deny.get("*", ()) + self.config.deny.get(category, ())

    def fails(self, severity: str) -> bool:
        if self.fail_on == "never":
            return False
        return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[self.fail_on]


def _matches(patterns: tuple[str, ...], path: str | None) -> bool:
    if path is None:  # a project-level finding is waived only by a waiver for everything
        return "**" in patterns or "*" in patterns
    return _spec(patterns).match_file(path)


@cache
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    import pathspec  # late: 20 ms to import, needed only when patterns are used

    return pathspec.PathSpec.from_lines("gitignore", patterns)


def build(config: Config, profile_name: str | None, fail_on: str | None) -> Policy:
    chosen = profile(profile_name or config.profile or "default")
    return Policy(profile=chosen, config=config, fail_on=fail_on or config.fail_on or chosen.fail_on)
