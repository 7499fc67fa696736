# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""licensecheck: license compliance for maker projects that mix open hardware and software."""

__version__ = "0.1.0"
