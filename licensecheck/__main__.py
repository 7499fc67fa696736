# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""`python -m licensecheck` runs the same command line as the console script."""

from cli import run

if __name__ == "__main__":
    run()
