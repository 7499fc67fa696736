# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Chip vendors, by the names their SDK files' copyright notices give them.

A file whose own notice is a chip vendor's copyright and grants nothing ("Copyright (c) 2016
GigaDevice", a Nuvoton or STC banner) is the vendor's code, whatever licence the maker's project
declares: conclusion does not give it the project's licence, and missing-license says why.
"""

from __future__ import annotations

import re

# The names as the vendors write them in their notices (English and Chinese).
_CHIP_VENDOR = re.compile(
    r"\b(?:STMicroelectronics|GigaDevice|Nuvoton|Nanjing\s+Qinheng|WCH|STC\s+MCU|ArteryTek|Artery\s+Technology"
    r"|MindMotion|Espressif|Nordic\s+Semiconductor|Microchip\s+Technology|Atmel|NXP|Freescale|Texas\s+Instruments"
    r"|Renesas|Infineon|Cypress\s+Semiconductor|Silicon\s+Lab(?:oratorie)?s|Holtek|SONiX|Geehy|Puya|HDSC"
    r"|Huada\s+Semiconductor|Bouffalo|Beken|Realtek|WinnerMicro|Synwit|HPMicro|AutoChips|Nations\s+Technologies"
    r"|Chipsea|ARM\s+Limited|Arm\s+Limited|Analog\s+Devices|Maxim\s+Integrated)\b"
    r"|沁恒|宏晶|兆易创新|新唐|雅特力|灵动微电子|航顺|中微半导体|芯海|国民技术|乐鑫",
    re.IGNORECASE,  # "COPYRIGHT MINDMOTION", "nuvoton Technology Corp."
)


def chip_vendor(notices: tuple[str, ...] | list[str]) -> str | None:
    """The chip vendor a copyright notice names, if any."""
    for notice in notices:
        found = _CHIP_VENDOR.search(notice)
        if found:
            return " ".join(found.group(0).split())
    return None
