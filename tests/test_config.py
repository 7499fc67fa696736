# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
import pytest

from licensecheck import config

RULES = frozenset({"missing-license", "non-open-license", "unreadable-file"})

FULL = """
profile = "oshwa"
fail-on = "warning"
exclude = ["vendor/**", "build/**"]

[components]
firmware = ["firmware/**", "lib/**"]

[rules.non-open-license]
severity = "warning"

[[waivers]]
rule = "missing-license"
paths = ["hardware/gerbers/**"]
reason = "fabrication outputs share the KiCad sources' license"
"""


def test_contract_example_loads(tmp_path):
    (tmp_path / ".licensecheck.toml").write_text(FULL)
    loaded = config.load(tmp_path, None, RULES)
    assert loaded.profile == "oshwa"
    assert loaded.fail_on == "warning"
    assert loaded.exclude == ("vendor/**", "build/**")
    assert loaded.components == {"firmware": ("firmware/**", "lib/**")}
    assert loaded.severities == {"non-open-license": "warning"}
    assert loaded.waivers[0].paths == ("hardware/gerbers/**",)
    assert loaded.source.endswith(".licensecheck.toml")


def test_pyproject_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.licensecheck]\nprofile = "reuse"\n'
    )
    assert config.load(tmp_path, None, RULES).profile == "reuse"


def test_own_file_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.licensecheck]\nprofile = "reuse"\n')
    (tmp_path / ".licensecheck.toml").write_text('profile = "strict"\n')
    assert config.load(tmp_path, None, RULES).profile == "strict"


def test_no_config_is_empty(tmp_path):
    assert config.load(tmp_path, None, RULES) == config.Config()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('profil = "oshwa"\n', ["profil", "allowed"]),
        ('profile = "fast"\n', ["profile", "'fast'", "oshwa"]),
        ('fail-on = "sometimes"\n', ["fail-on"]),
        ("exclude = 3\n", ["exclude", "list of strings"]),
        ('[rules.no-such-rule]\nseverity = "off"\n', ["rules.no-such-rule", "unknown rule"]),
        ('[rules.missing-license]\nseverity = "fatal"\n', ["rules.missing-license.severity"]),
        ('[rules.missing-license]\nlevel = "off"\n', ["rules.missing-license.level"]),
        ('[[waivers]]\nrule = "missing-license"\n', ["waivers[0].reason"]),
        ('[[waivers]]\nrule = "x"\nreason = "y"\n', ["waivers[0].rule"]),
        ('[[waivers]]\nrule = "missing-license"\nreason = "y"\nwhy = 1\n', ["waivers[0].why"]),
        ("this is = = not toml", ["invalid TOML"]),
        # Patterns pathspec cannot compile: re refuses a reversed range, git a trailing backslash.
        ('[components]\nfw = ["**/[b-a]*.c"]\n', ["components.fw", "invalid path pattern", "[b-a]"]),
        ('[[waivers]]\nrule = "missing-license"\nreason = "y"\npaths = ["x\\\\"]\n', ["waivers[0].paths"]),
    ],
)
def test_errors_name_the_file_and_key(tmp_path, text, names):
    path = tmp_path / ".licensecheck.toml"
    path.write_text(text)
    with pytest.raises(config.ConfigError) as error:
        config.load(tmp_path, None, RULES)
    message = str(error.value)
    assert str(path) in message
    for name in names:
        assert name in message


def test_explicit_missing_file(tmp_path):
    with pytest.raises(config.ConfigError, match="does not exist"):
        config.load(tmp_path, tmp_path / "nope.toml", RULES)


def test_undecodable_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_bytes(b'profile = "\xff\xfe"\n')
    with pytest.raises(config.ConfigError, match=r"bad\.toml"):
        config.load(tmp_path, path, RULES)


def test_license_allow_and_deny_lists(tmp_path):
    (tmp_path / ".licensecheck.toml").write_text(
        '[licenses]\ndeny = ["AGPL-3.0-only"]\n\n'
        '[licenses.hardware]\nallow = ["CERN-OHL-S-2.0", "CERN-OHL-W-2.0"]\n'
    )
    loaded = config.load(tmp_path, None, RULES)
    assert loaded.deny == {"*": ("AGPL-3.0-only",)}
    assert loaded.allow == {"hardware": ("CERN-OHL-S-2.0", "CERN-OHL-W-2.0")}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[licenses]\npermit = []\n", "licenses.permit"),
        ("[licenses.furniture]\nallow = []\n", "licenses.furniture"),
        ('[licenses.hardware]\nallow = "MIT"\nonly = []\n', "licenses.hardware.only"),
        ("[licenses]\ndeny = 1\n", "licenses.deny"),
    ],
)
def test_license_list_errors(tmp_path, text, key):
    (tmp_path / ".licensecheck.toml").write_text(text)
    with pytest.raises(config.ConfigError, match=key.replace(".", r"\.")):
        config.load(tmp_path, None, RULES)
