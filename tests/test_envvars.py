# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Limits from the environment: a number when it is one, the default otherwise."""

from __future__ import annotations

import pytest

from licensecheck import envvars
from licensecheck.extract.file import TIME_LIMIT, time_limit
from licensecheck.gitrun import GIT_TIMEOUT, git_timeout


@pytest.mark.parametrize(("value", "expected"), [("2.5", 2.5), ("10", 10.0), ("soon", 7.0), ("", 7.0)])
def test_seconds_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("LICENSECHECK_TEST_LIMIT", value)
    assert envvars.seconds("LICENSECHECK_TEST_LIMIT", 7.0) == expected


def test_unset_is_the_default(monkeypatch):
    monkeypatch.delenv("LICENSECHECK_TEST_LIMIT", raising=False)
    assert envvars.seconds("LICENSECHECK_TEST_LIMIT", 7.0) == 7.0


def test_the_file_and_git_limits_read_their_variables(monkeypatch):
    monkeypatch.setenv("LICENSECHECK_TIME_LIMIT", "0.5")
    monkeypatch.setenv("LICENSECHECK_GIT_TIMEOUT", "not a number")
    assert time_limit() == 0.5
    assert git_timeout() == GIT_TIMEOUT
    monkeypatch.delenv("LICENSECHECK_TIME_LIMIT")
    assert time_limit() == TIME_LIMIT
