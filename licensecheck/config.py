# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The configuration file: `.licensecheck.toml` or `[tool.licensecheck]` in pyproject.toml.

Every key is checked; a wrong one is a `ConfigError` naming the file, the key
and what is allowed, which the command line turns into exit code 2.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

PROFILES = ("default", "oshwa", "reuse", "strict")
FAIL_ON = ("error", "warning", "info", "never")
RULE_SEVERITIES = ("error", "warning", "info", "off")
TOP_KEYS = ("profile", "fail-on", "exclude", "components", "rules", "waivers", "licenses")
LICENSE_LIST_KEYS = ("allow", "deny")
CATEGORIES = ("software", "hardware", "documentation", "data", "other")
RULE_KEYS = ("severity",)
WAIVER_KEYS = ("rule", "paths", "reason")


class ConfigError(Exception):
    """A configuration the user must fix; the message says where and how."""


@dataclass(frozen=True)
class Waiver:
    rule: str
    paths: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Config:
    source: str | None = None  # the file it came from, for messages and provenance
    profile: str | None = None
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    components: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    waivers: tuple[Waiver, ...] = ()
    # "*" for every category, else a category name -> license ids (SPDX, case as written)
    allow: dict[str, tuple[str, ...]] = field(default_factory=dict)
    deny: dict[str, tuple[str, ...]] = field(default_factory=dict)


MAX_CONFIG_BYTES = 1024 * 1024


def find(root: Path, explicit: Path | None) -> tuple[Path, dict] | None:
    """The config file and its licensecheck table, or None when there is none.

    A configuration inside the scanned tree is read only when it is a regular file: a
    symlink is not followed out of the tree (ConfigError), a FIFO is not waited on."""
    if explicit is not None:
        return explicit, _read_table(explicit, tool_section=explicit.name == "pyproject.toml")
    own = root / ".licensecheck.toml"
    if _regular(own):
        return own, _read_table(own, tool_section=False)
    if os.path.islink(own):  # ignored in silence, its policy (fail-on, waivers) would not apply
        raise ConfigError(f"{own}: a symbolic link, not followed; pass --config to use the file it names")
    pyproject = root / "pyproject.toml"
    if _regular(pyproject):
        table = _read_table(pyproject, tool_section=True)
        if table:
            return pyproject, table
    return None


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _read_table(path: Path, tool_section: bool) -> dict:
    import tomllib  # here: a tree without a configuration file never needs the parser

    from licensecheck.extract import ExtractError, read_regular

    try:
        raw = read_regular(path, MAX_CONFIG_BYTES + 1) if path.exists() else None
        if raw is None:
            raise FileNotFoundError(path)
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: the configuration file is larger than {MAX_CONFIG_BYTES} bytes")
        data = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: the configuration file does not exist") from None
    except (OSError, UnicodeDecodeError, ExtractError) as error:
        raise ConfigError(f"{path}: cannot read the configuration file: {error}") from None
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise ConfigError(f"{path}: invalid TOML: {str(error)[:200] or 'nested too deeply'}") from None
    if tool_section:
        tool = data.get("tool", {})
        return tool.get("licensecheck", {}) if isinstance(tool, dict) else {}
    return data


def load(root: Path, explicit: Path | None, known_rules: frozenset[str]) -> Config:
    found = find(root, explicit)
    if found is None:
        return Config()
    path, table = found
    return parse(table, str(path), known_rules)


def parse(table: dict, source: str, known_rules: frozenset[str]) -> Config:
    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}: {key}: {problem}")

    for key in table:
        if key not in TOP_KEYS:
            raise fail(key, f"unknown key; allowed: {', '.join(TOP_KEYS)}")
    profile = _choice(table, "profile", PROFILES, fail)
    fail_on = _choice(table, "fail-on", FAIL_ON, fail)
    exclude = _strings(table.get("exclude", []), "exclude", fail)

    components_table = table.get("components", {})
    if not isinstance(components_table, dict):
        raise fail("components", "must be a table of name = [patterns]")
    components = {
        name: _patterns(patterns, f"components.{name}", fail) for name, patterns in components_table.items()
    }

    rules_table = table.get("rules", {})
    if not isinstance(rules_table, dict):
        raise fail("rules", "must be a table of [rules.RULE-ID] tables")
    severities: dict[str, str] = {}
    for rule, settings in rules_table.items():
        if rule not in known_rules:
            raise fail(f"rules.{rule}", f"unknown rule; known rules: {', '.join(sorted(known_rules))}")
        if not isinstance(settings, dict):
            raise fail(f"rules.{rule}", "must be a table with a severity key")
        for key in settings:
            if key not in RULE_KEYS:
                raise fail(f"rules.{rule}.{key}", f"unknown key; allowed: {', '.join(RULE_KEYS)}")
        severity = _choice(settings, "severity", RULE_SEVERITIES, fail, prefix=f"rules.{rule}.")
        if severity is not None:
            severities[rule] = severity

    allow, deny = _license_lists(table.get("licenses", {}), fail)
    return Config(
        source=source,
        allow=allow,
        deny=deny,
        profile=profile,
        fail_on=fail_on,
        exclude=exclude,
        components=components,
        severities=severities,
        waivers=_waivers(table.get("waivers", []), known_rules, fail),
    )


def _waivers(items: object, known_rules: frozenset[str], fail) -> tuple[Waiver, ...]:
    if not isinstance(items, list):
        raise fail("waivers", "must be an array of [[waivers]] tables")
    waivers = []
    for index, item in enumerate(items):
        where = f"waivers[{index}]"
        if not isinstance(item, dict):
            raise fail(where, "must be a table with rule, paths and reason")
        for key in item:
            if key not in WAIVER_KEYS:
                raise fail(f"{where}.{key}", f"unknown key; allowed: {', '.join(WAIVER_KEYS)}")
        rule = item.get("rule")
        if not isinstance(rule, str) or rule not in known_rules:
            raise fail(
                f"{where}.rule", f"unknown rule {_short(rule)}; known rules: {', '.join(sorted(known_rules))}"
            )
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise fail(f"{where}.reason", "a waiver needs a reason (a non-empty string)")
        paths = _patterns(item.get("paths", ["**"]), f"{where}.paths", fail)
        waivers.append(Waiver(rule, paths, reason.strip()))
    return tuple(waivers)


def _license_lists(table: object, fail) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """`[licenses]` allow/deny for every category, `[licenses.CATEGORY]` for one."""
    if not isinstance(table, dict):
        raise fail("licenses", "must be a table with allow/deny lists or [licenses.CATEGORY] tables")
    lists: dict[str, dict[str, tuple[str, ...]]] = {"allow": {}, "deny": {}}
    for key, value in table.items():
        if key in LICENSE_LIST_KEYS:
            lists[key]["*"] = _strings(value, f"licenses.{key}", fail)
        elif key in CATEGORIES:
            if not isinstance(value, dict):
                raise fail(f"licenses.{key}", "must be a table with allow and/or deny lists")
            for inner, items in value.items():
                if inner not in LICENSE_LIST_KEYS:
                    raise fail(
                        f"licenses.{key}.{inner}", f"unknown key; allowed: {', '.join(LICENSE_LIST_KEYS)}"
                    )
                lists[inner][key] = _strings(items, f"licenses.{key}.{inner}", fail)
        else:
            allowed = ", ".join(LICENSE_LIST_KEYS + CATEGORIES)
            raise fail(f"licenses.{key}", f"unknown key; allowed: {allowed}")
    return lists["allow"], lists["deny"]


def _choice(table: dict, key: str, allowed: tuple[str, ...], fail, prefix: str = "") -> str | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, str) or value not in allowed:
        raise fail(prefix + key, f"{_short(value)} is not allowed; use one of: {', '.join(allowed)}")
    return value


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _patterns(value: object, key: str, fail) -> tuple[str, ...]:
    """Gitignore-style path patterns, each one pathspec can compile."""
    patterns = _strings(value, key, fail)
    if patterns:
        from licensecheck.discover import COST_LIMITS, costly, valid_pattern

        for pattern in patterns:
            if not valid_pattern(pattern):
                raise fail(key, f"invalid path pattern {_short(pattern)}")
            # Matched against every path, as exclude patterns are (discover.costly): one that
            # backtracks ("*a*a*a*a*b" on a long name) would hold the scan for minutes.
            if costly(pattern):
                raise fail(key, f"path pattern too costly to match {_short(pattern)} ({COST_LIMITS})")
    return patterns


def _strings(value: object, key: str, fail) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(key, "must be a list of strings")
    return tuple(value)
