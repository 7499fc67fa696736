# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Chip vendors, and the makers of the RTOSes and middleware vendored beside their SDKs, by
the names their files' copyright notices give them.

A file whose notices are all such a vendor's and grant nothing ("Copyright (C) 2016
GigaDevice", a Nuvoton or MindMotion banner, a FreeRTOS header cut down to its first line in a
tutorial's copy) is the vendor's code: conclusion does not give it the licence the maker's
project declares at its root, and missing-license says why.
"""

from __future__ import annotations

import re

# (the name as messages write it, the pattern of the names notices give it)
_VENDORS = (
    ("STMicroelectronics", r"STMicroelectronics"),
    ("GigaDevice", r"GigaDevice|兆易创新"),
    ("Nuvoton", r"Nuvoton|新唐"),
    ("WCH (Nanjing Qinheng)", r"Nanjing\s+Qinheng|WCH|沁恒"),
    ("STC", r"STC\s+MCU|宏晶"),
    ("Artery", r"ArteryTek|Artery\s+Technology|雅特力"),
    ("MindMotion", r"MindMotion|灵动微电子"),
    ("Espressif", r"Espressif|乐鑫"),
    ("Nordic Semiconductor", r"Nordic\s+Semiconductor"),
    ("Microchip", r"Microchip\s+Technology|Atmel"),
    ("NXP", r"NXP|Freescale"),
    ("Texas Instruments", r"Texas\s+Instruments"),
    ("Renesas", r"Renesas"),
    ("Infineon", r"Infineon|Cypress\s+Semiconductor"),
    ("Silicon Labs", r"Silicon\s+Lab(?:oratorie)?s"),
    ("Holtek", r"Holtek"),
    ("Geehy", r"Geehy"),
    ("Puya", r"Puya|航顺"),
    ("HDSC", r"HDSC|Huada\s+Semiconductor"),
    ("Arm", r"ARM\s+Limited"),
    ("Analog Devices", r"Analog\s+Devices|Maxim\s+Integrated"),
    ("Realtek", r"Realtek"),
    ("Bouffalo Lab", r"Bouffalo"),
    ("Beken", r"Beken"),
    # RTOS and middleware makers. Not RT-Thread: its own repositories' files say only
    # "Copyright RT-Thread Development Team" under a root LICENSE that names no holder.
    ("Real Time Engineers (FreeRTOS)", r"Real\s+Time\s+Engineers"),
    ("Micrium", r"Micri[uµ]m"),
    ("SEGGER", r"SEGGER"),
)
_PATTERNS = tuple(
    (name, re.compile(rf"(?<![\w@.-])(?:{pattern})(?![\w@-])", re.IGNORECASE)) for name, pattern in _VENDORS
)
_BY_NAME = dict(_PATTERNS)
# An e-mail address names its domain, not its holder ("Jane Doe <jane.doe@nxp.com>").
_EMAIL = re.compile(r"<[^<>\s]*>|[\w.+-]+@[\w.-]+")
_PORTIONS = re.compile(r"\bportions\b", re.IGNORECASE)


# What comes before the holder in a notice: "Copyright (c) 2016-2020, ", "(C) COPYRIGHT 2011 ".
_BEFORE_HOLDER = re.compile(r"(?:copyright\b|\(c\)|©|[\s\d,;:.\-–/])*", re.IGNORECASE)


def chip_vendor(notice: str) -> str | None:
    """The vendor a copyright notice gives as the holder, or None: not one its holder only
    names ("2021 Jane Maker, port of Micrium uC/OS-III", "logging over SEGGER RTT"), nor
    "Portions Copyright ...", which says the rest is someone else's."""
    if _PORTIONS.search(notice):
        return None
    text = _EMAIL.sub(" ", notice)
    holder = _BEFORE_HOLDER.match(text).end()
    return next((name for name, pattern in _PATTERNS if pattern.match(text, holder)), None)


def names_vendor(text: str, vendor: str) -> bool:
    """Whether `text` (a license file's notices) names the vendor, by any of its names."""
    return _BY_NAME[vendor].search(_EMAIL.sub(" ", text)) is not None
