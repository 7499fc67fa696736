# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold licence notices of their own.
"""Chip vendors' terms on the SDK code makers build firmware from (licenses-restricted.toml).

The headers and LICENSE files below are worded as ST's STM32Cube packages, ST's USB-FS device
library and WCH's EVT packages write them. Such code took the maker's MIT or Apache-2.0 from the
root LICENSE and the report said PASS.
"""

from __future__ import annotations

import pytest
from conftest import file_entry, scan

from licensecheck.identify import identify

SLA0044_HEADER = """/**
  ******************************************************************************
  * @file    usbd_core.c
  * @author  MCD Application Team
  * @brief   This file provides all the USBD core functions.
  ******************************************************************************
  * @attention
  *
  * <h2><center>&copy; Copyright (c) 2015 STMicroelectronics.
  * All rights reserved.</center></h2>
  *
  * This software component is licensed by ST under Ultimate Liberty license
  * SLA0044, the "License"; You may not use this file except in compliance with
  * the License. You may obtain a copy of the License at:
  *                      www.st.com/SLA0044
  *
  ******************************************************************************
  */
#include "usbd_core.h"
"""
LIBERTY_V2_HEADER = """/**
  ******************************************************************************
  * @file    usb_core.c
  * @author  MCD Application Team
  * @version V4.0.0
  ******************************************************************************
  * @attention
  *
  * <h2><center>&copy; COPYRIGHT 2012 STMicroelectronics</center></h2>
  *
  * Licensed under MCD-ST Liberty SW License Agreement V2, (the "License");
  * You may not use this file except in compliance with the License.
  * You may obtain a copy of the License at:
  *
  *        http://www.st.com/software_license_agreement_liberty_v2
  *
  * Unless required by applicable law or agreed to in writing, software
  * distributed under the License is distributed on an "AS IS" BASIS,
  * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
  * See the License for the specific language governing permissions and
  * limitations under the License.
  *
  ******************************************************************************
  */
#include "usb_lib.h"
"""
WCH_HEADER = """/********************************** (C) COPYRIGHT *******************************
 * File Name          : main.c
 * Author             : WCH
 * Version            : V1.0.0
 * Date               : 2021/06/06
 * Description        : Main program body.
 *********************************************************************************
 * Copyright (c) 2021 Nanjing Qinheng Microelectronics Co., Ltd.
 * Attention: This software (modified or not) and binary are used for
 * microcontroller manufactured by Nanjing Qinheng Microelectronics.
 *******************************************************************************/
#include "debug.h"
"""
CMSIS_1_HEADER = """/**************************************************************************//**
 * @file     core_cm3.h
 * @brief    CMSIS Cortex-M3 Core Peripheral Access Layer Header File
 * @version  V1.30
 * @date     30. October 2009
 *
 * @note
 * Copyright (C) 2009 ARM Limited. All rights reserved.
 *
 * @par
 * ARM Limited (ARM) is supplying this software for use with Cortex-M
 * processor based microcontrollers.  This file can be freely distributed
 * within development tools that are supporting such ARM based processors.
 *
 * @par
 * THIS SOFTWARE IS PROVIDED "AS IS".  NO WARRANTIES, WHETHER EXPRESS, IMPLIED
 * OR STATUTORY, INCLUDING, BUT NOT LIMITED TO, IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE APPLY TO THIS SOFTWARE.
 * ARM SHALL NOT, IN ANY CIRCUMSTANCES, BE LIABLE FOR SPECIAL, INCIDENTAL, OR
 * CONSEQUENTIAL DAMAGES, FOR ANY REASON WHATSOEVER.
 *
 ******************************************************************************/
#ifndef __CM3_CORE_H__
"""
STDPERIPH_HEADER = """/**
  ******************************************************************************
  * @file    stm32f10x_gpio.c
  * @author  MCD Application Team
  * @version V3.5.0
  * @date    11-March-2011
  * @brief   This file provides all the GPIO firmware functions.
  ******************************************************************************
  * @attention
  *
  * THE PRESENT FIRMWARE WHICH IS FOR GUIDANCE ONLY AIMS AT PROVIDING CUSTOMERS
  * WITH CODING INFORMATION REGARDING THEIR PRODUCTS IN ORDER FOR THEM TO SAVE
  * TIME. AS A RESULT, STMICROELECTRONICS SHALL NOT BE HELD LIABLE FOR ANY
  * DIRECT, INDIRECT OR CONSEQUENTIAL DAMAGES WITH RESPECT TO ANY CLAIMS ARISING
  * FROM THE CONTENT OF SUCH FIRMWARE AND/OR THE USE MADE BY CUSTOMERS OF THE
  * CODING INFORMATION CONTAINED HEREIN IN CONNECTION WITH THEIR PRODUCTS.
  *
  * <h2><center>&copy; COPYRIGHT 2011 STMicroelectronics</center></h2>
  ******************************************************************************
  */
#include "stm32f10x_gpio.h"
"""
FATFS_BLOCK = """/*----------------------------------------------------------------------------/
/  FatFs - Generic FAT Filesystem Module  R0.15                               /
/-----------------------------------------------------------------------------/
/
/ Copyright (C) 2022, ChaN, all right reserved.
/
/ FatFs module is an open source software. Redistribution and use of FatFs in
/ source and binary forms, with or without modification, are permitted provided
/ that the following condition is met:
/
/ 1. Redistributions of source code must retain the above copyright notice,
/    this condition and the following disclaimer.
/
/ This software is provided by the copyright holder and contributors "AS IS"
/ and any warranties related to this software are DISCLAIMED.
/ The copyright owner or contributors be NOT LIABLE for any damages caused
/ by use of this software.
/
/----------------------------------------------------------------------------*/
"""
HAL_HEADER = """/**
  ******************************************************************************
  * @file    stm32f4xx_hal.c
  * @author  MCD Application Team
  ******************************************************************************
  * @attention
  *
  * Copyright (c) 2017 STMicroelectronics.
  * All rights reserved.
  *
  * This software is licensed under terms that can be found in the LICENSE file
  * in the root directory of this software component.
  * If no LICENSE file comes with this software, it is provided AS-IS.
  *
  ******************************************************************************
  */
#include "stm32f4xx_hal.h"
"""


def package_license(name: str, reproduced: bool = False) -> str:
    """An STM32Cube component's LICENSE.txt: the licence that applies outside ST's package."""
    tail = " and are fully reproduced below:\n\n" if reproduced else ".\nYou may obtain a copy of it.\n"
    return (
        "This software component is provided to you as part of a software package and\n"
        "applicable license terms are in the  Package_license file. If you received this\n"
        "software component outside of a package or without applicable license terms,\n"
        f"the terms of the {name} license shall apply{tail}"
    )


# Silicon Labs' Gecko SDK headers: its own agreement (RAIL, stacks), and its Apache-2.0 files,
# which only name the MSLA as a supplement.
MSLA_HEADER = """/***************************************************************************//**
 * @file
 * @brief The main header file for the RAIL library.
 *******************************************************************************
 * # License
 * <b>Copyright 2018 Silicon Laboratories Inc. www.silabs.com</b>
 *******************************************************************************
 *
 * The licensor of this software is Silicon Laboratories Inc. Your use of this
 * software is governed by the terms of Silicon Labs Master Software License
 * Agreement (MSLA) available at
 * www.silabs.com/about-us/legal/master-software-license-agreement. This
 * software is distributed to you in Source Code format and is governed by the
 * sections of the MSLA applicable to Source Code.
 *
 ******************************************************************************/
#ifndef RAIL_H
#define RAIL_H
#endif
"""
MSLA_TAGGED_HEADER = """/*
 * SPDX-License-Identifier: LicenseRef-MSLA
 * Copyright (c) 2024 Silicon Laboratories Inc. (www.silabs.com)
 *
 * The licensor of this software is Silicon Laboratories Inc. Your use of this
 * software is governed by the terms of the Silicon Labs Master Software License
 * Agreement (MSLA) available at [1].
 */
int sl_zigbee_init(void);
"""
SILABS_APACHE_HEADER = """/***************************************************************************//**
 * # License
 * <b>Copyright 2018 Silicon Laboratories Inc. www.silabs.com</b>
 *******************************************************************************
 *
 * SPDX-License-Identifier: APACHE-2.0
 *
 * This software is subject to an open source license and is distributed by
 * Silicon Laboratories Inc. pursuant to the terms of the Apache License,
 * Version 2.0 available at https://www.apache.org/licenses/LICENSE-2.0.
 * Such terms and conditions may be further supplemented by the Silicon Labs
 * Master Software License Agreement (MSLA) available at www.silabs.com and its
 * sections applicable to open source software.
 *
 ******************************************************************************/
int se_management_acquire(void) { return 0; }
"""
# NXP's MCUXpresso SDK: the proprietary parts' two header forms.
LA_OPT_HEADER = """/*
 * Copyright 2015 Freescale Semiconductor, Inc.
 * Copyright 2015-2020 NXP.
 *
 * License: LA_OPT_NXP_Software_License
 *
 * This software is owned or controlled by NXP and may
 * only be used strictly in accordance with the applicable license terms.
 * By expressly accepting such terms or by downloading, installing,
 * activating and/or otherwise using the software, you are agreeing that
 * you have read, and that you agree to comply with and are bound by,
 * such license terms.  If you do not agree to be bound by the applicable
 * license terms, then you may not retain, install, activate or otherwise
 * use the software.
 */
int OSA_Init(void) { return 0; }
"""
LA_OPT_SHORT_HEADER = """/** @file mlan_misc.c
 *
 *  @brief  This file provides Miscellaneous functions for MLAN module
 *
 *  Copyright 2008-2022 NXP
 *
 *  Licensed under the LA_OPT_NXP_Software_License.txt (the "Agreement")
 *
 */
int mlan_misc(void) { return 0; }
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SLA0044_HEADER, "LicenseRef-ST-SLA0044"),
        (
            package_license("SLA0044", reproduced=True) + "SLA0044 Rev5/February 2018\n",
            "LicenseRef-ST-SLA0044",
        ),
        (package_license("BSD-3-Clause"), "BSD-3-Clause"),
        (package_license("Apache-2.0"), "Apache-2.0"),
        (LIBERTY_V2_HEADER, "LicenseRef-MCD-ST-Liberty-SW-2.0"),
        (WCH_HEADER, "LicenseRef-Vendor-Chips-Only"),
        (CMSIS_1_HEADER, "LicenseRef-Vendor-Chips-Only"),
        (STDPERIPH_HEADER, "LicenseRef-All-Rights-Reserved"),
        (FATFS_BLOCK, "LicenseRef-FatFs"),
        (MSLA_HEADER, "LicenseRef-MSLA"),
        (LA_OPT_HEADER, "LicenseRef-LA-OPT-NXP-Software-License"),
        (LA_OPT_SHORT_HEADER, "LicenseRef-LA-OPT-NXP-Software-License"),
        # The MSLA named as a supplement to Apache-2.0 is not the file's licence.
        (SILABS_APACHE_HEADER.replace(" * SPDX-License-Identifier: APACHE-2.0\n", ""), "Apache-2.0"),
        # Look-alikes: another maker's chips, liberty as a word, terms that do not apply a licence.
        ("/* Used for microcontrollers manufactured by Microchip. (c) 2020 Bob */", None),
        ("// Liberty BASIC port. Copyright 2019 Ann\n", None),
        ("The terms of the agreement shall apply to all users.\n", None),
    ],
)
def test_vendor_terms_are_identified(text, expected):
    assert identify(text).expression == expected


def test_st_middleware_is_not_the_projects_mit(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "Core/Src/main.c": "int main(void) { return 0; }\n",
            "Drivers/STM32F4xx_HAL_Driver/LICENSE.txt": package_license("BSD-3-Clause"),
            "Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c": HAL_HEADER,
            "Middlewares/ST/STM32_USB_Device_Library/LICENSE.txt": package_license(
                "SLA0044", reproduced=True
            ),
            "Middlewares/ST/STM32_USB_Device_Library/Core/Src/usbd_core.c": SLA0044_HEADER,
        }
    )
    _, result, _ = scan(root)
    # The HAL's LICENSE.txt names BSD-3-Clause for the files its header points to it.
    assert file_entry(result, "Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c")["licenses"] == [
        "BSD-3-Clause"
    ]
    usb = "Middlewares/ST/STM32_USB_Device_Library/Core/Src/usbd_core.c"
    assert file_entry(result, usb)["licenses"] == ["LicenseRef-ST-SLA0044"]
    [found] = [f for f in result["findings"] if f["rule"] == "non-open-license" and f["path"] == usb]
    assert (
        found["severity"] == "error"
        and "only with the chips or development tools its vendor names" in found["message"]
    )
    assert "cannot relicense" in found["message"] and "Relicense it" not in found["message"]


def test_wch_sdk_code_is_not_the_projects_apache(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
            "User/main.c": WCH_HEADER,
            "CORE/core_cm3.h": CMSIS_1_HEADER.encode("latin-1"),
            "User/app/sht30.c": "// SPDX-License-Identifier: Apache-2.0\nint sht30;\n",
        }
    )
    _, result, _ = scan(root, "--lang", "zh")
    assert file_entry(result, "User/main.c")["licenses"] == ["LicenseRef-Vendor-Chips-Only"]
    assert file_entry(result, "User/app/sht30.c")["licenses"] == ["Apache-2.0"]
    assert file_entry(result, "CORE/core_cm3.h")["licenses"] == ["LicenseRef-Vendor-Chips-Only"]
    closed = [f for f in result["findings"] if f["rule"] == "non-open-license"]
    assert [f["path"] for f in closed] == ["CORE/core_cm3.h", "User/main.c"]
    assert all("芯片或工具厂商的代码" in f["message"] for f in closed)
    # A notice, not a licence: no licence text to add for it.
    texts = [f["licenses"] for f in result["findings"] if f["rule"] == "missing-license-text"]
    assert ["LicenseRef-Vendor-Chips-Only"] not in texts


def test_the_standard_peripheral_library_is_not_the_projects_mit(tree):
    # In most STM32F1 projects: a copyright and ST's disclaimer, no licence at all.
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "FWLib/src/stm32f10x_gpio.c": STDPERIPH_HEADER})
    _, result, _ = scan(root)
    assert file_entry(result, "FWLib/src/stm32f10x_gpio.c")["licenses"] == ["LicenseRef-All-Rights-Reserved"]
    [found] = [f for f in result["findings"] if f["rule"] == "non-open-license"]
    assert "for someone else's code get their permission" in found["message"]


def test_st_library_footer_is_not_part_of_the_notice(tree):
    # The Standard Peripheral Library's files end with a banner holding the notice.
    misc = (
        "/**\n  * @file    misc.c\n  * @author  MCD Application Team\n  * @version V3.5.0\n"
        "  * <h2><center>&copy; COPYRIGHT 2011 STMicroelectronics</center></h2>\n  */\n"
        '#include "misc.h"\nvoid NVIC_Init(void) {}\n'
        "/******************* (C) COPYRIGHT 2011 STMicroelectronics *****END OF FILE****/\n"
    )
    _, result, _ = scan(tree({"STM32F10x_FWLib/src/misc.c": misc}))
    assert file_entry(result, "STM32F10x_FWLib/src/misc.c")["copyrights"] == [
        "COPYRIGHT 2011 STMicroelectronics"
    ]


def test_fatfs_is_its_own_open_licence(tree):
    # In most STM32, ESP32 and Pico firmware; matched nothing and took the project's GPL.
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n",
            "lib/FatFs/LICENSE.txt": "FatFs License\n\n" + FATFS_BLOCK,
            "lib/FatFs/source/ff.c": FATFS_BLOCK + '#include "ff.h"\n',
            "lib/FatFs/source/diskio.h": "#define DISKIO_H\n",
        }
    )
    _, result, _ = scan(root)
    for path in ("lib/FatFs/source/ff.c", "lib/FatFs/source/diskio.h"):
        assert file_entry(result, path)["licenses"] == ["LicenseRef-FatFs"]
    assert not [
        f for f in result["findings"] if f["rule"] in ("non-open-license", "unrecognized-license-text")
    ]
    # its LICENSE.txt holds the licence's whole wording, read by it: the text is there
    assert "LicenseRef-FatFs" not in {
        f["licenses"][0] for f in result["findings"] if f["rule"] == "missing-license-text"
    }


def test_a_license_file_that_matches_nothing_stops_the_projects_licence(tree):
    # A vendored library whose LICENSE names terms licensecheck does not know is not under the
    # project's MIT: its files are told why they have no licence.
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "src/main.c": "int main(void) { return 0; }\n",
            "lib/vendor/LICENSE.txt": "ACME SDK licence\n\nYou may use this SDK only with ACME radios.\n",
            "lib/vendor/src/radio.c": "int radio;\n",
            "lib/other/NOTICE": "This product includes software developed by Bob.\n",  # not its licence
            "lib/other/other.c": "int other;\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "lib/vendor/src/radio.c")["licenses"] == []
    assert file_entry(result, "lib/other/other.c")["licenses"] == ["MIT"]
    [found] = [f for f in result["findings"] if f["rule"] == "missing-license"]
    assert found["path"] == "lib/vendor/src/radio.c"
    assert "lib/vendor/LICENSE.txt, the license file over it, matches no known license" in found["message"]


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("docs/license.md", '# License\n\n--8<-- "LICENSE"\n'),  # MkDocs includes the project's LICENSE
        ("docs/license.rst", "License\n=======\n\n.. include:: ../LICENSE\n"),
        ("firmware/data/license.html", "<h1>Licenses</h1><p>See the project's LICENSE.</p>\n"),
    ],
)
def test_a_documentation_page_about_licensing_does_not_stop_the_projects_licence(tree, page, text):
    folder = page.rpartition("/")[0]
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", page: text, f"{folder}/index.md": "# Plant\n"})
    _, result, _ = scan(root)
    assert file_entry(result, f"{folder}/index.md")["licenses"] == ["MIT"]


def test_an_unknown_licence_with_no_licence_above_says_nothing_of_one(tree):
    # "so the license of a folder further up does not reach it": there was none to reach it.
    root = tree({"LICENSE": "Do what you like with it, but tell Bob.\n", "src/a.c": "int a;\n"})
    _, result, _ = scan(root)
    [found] = [f for f in result["findings"] if f["rule"] == "missing-license"]
    assert "further up" not in found["message"]


BSD_CLAUSES = (
    "Redistribution and use in source and binary forms, with or without modification,\n"
    "are permitted provided that the following conditions are met:\n\n"
    "1. Redistributions of source code must retain the above copyright notice, this\n"
    "   list of conditions and the following disclaimer.\n\n"
    "2. Redistributions in binary form must reproduce the above copyright notice,\n"
    "   this list of conditions and the following disclaimer in the documentation\n"
    "   and/or other materials provided with the distribution.\n\n"
    "3. Neither the name of the copyright holder nor the names of its\n"
    "   contributors may be used to endorse or promote products derived from this\n"
    "   software without specific prior written permission.\n\n"
)
BSD_DISCLAIMER = (
    'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"\n'
    "AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE\n"
    "IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE\n"
    "DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE\n"
    "FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL\n"
    "DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR\n"
    "SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER\n"
    "CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,\n"
    "OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE\n"
    "OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.\n"
)


def comment(text: str) -> str:
    return "/*\n" + "".join(f" * {line}\n" for line in text.splitlines()) + " */\nint x;\n"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # A vendor's fourth clause on a BSD text: the text, and the restriction it adds.
        (
            "4. This software, with or without modification, must only be used with a\n"
            "   Nordic Semiconductor ASA integrated circuit.\n\n",
            "BSD-3-Clause AND LicenseRef-Vendor-Chips-Only",
        ),
        (
            "4. This software, including modifications and/or derivative works of this\n"
            "   software, must execute solely and exclusively on microcontroller or\n"
            "   microprocessor devices manufactured by or for STMicroelectronics.\n\n",
            "BSD-3-Clause AND LicenseRef-Vendor-Chips-Only",
        ),
        (
            "4. This software may only be redistributed and used in connection with an\n"
            "   Atmel microcontroller product.\n\n",
            "BSD-3-Clause AND LicenseRef-Vendor-Chips-Only",
        ),
        ("", "BSD-3-Clause"),  # the control: the BSD text alone
    ],
)
def test_a_vendors_clause_added_to_a_bsd_text_restricts_it(clause, expected):
    text = comment(
        "Copyright (c) 2018 Vendor\nAll rights reserved.\n\n" + BSD_CLAUSES + clause + BSD_DISCLAIMER
    )
    assert identify(text).expression == expected


@pytest.mark.parametrize(
    "notice",
    [
        "Subject to your compliance with these terms, you may use Microchip software\n"
        "and any derivatives exclusively with Microchip products.",
        "Permission to use, copy, modify, and distribute this software and its\n"
        "documentation is hereby granted, under NXP Semiconductors' relevant copyright\n"
        "in the software, without fee, provided that it is used in conjunction with\n"
        "NXP Semiconductors microcontrollers.",
        "Texas Instruments (TI) is supplying this software for use solely and\n"
        "exclusively on TI's microcontroller products.",
        "This software is supplied by Renesas Electronics America Inc. and may only be used with products of"
        " Renesas\n"
        "Electronics Corp. and its affiliates.",
        "The software is provided for use and development in conjunction with Artery\nmicrocontrollers.",
    ],
)
def test_vendor_notices_tying_code_to_their_chips(tree, notice):
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "sdk/driver.c": comment(notice)})
    _, result, _ = scan(root)
    assert file_entry(result, "sdk/driver.c")["licenses"] == ["LicenseRef-Vendor-Chips-Only"]


def test_nordic_connect_sdk_tags_are_known_and_not_open(tree):
    tagged = (
        "/*\n * Copyright (c) 2021 Nordic Semiconductor ASA\n *\n"
        " * SPDX-License-Identifier: LicenseRef-Nordic-5-Clause\n */\n"
    )
    _, result, _ = scan(tree({"app/src/main.c": tagged}))
    rules = {f["rule"] for f in result["findings"] if f["path"] == "app/src/main.c"}
    assert "non-open-license" in rules and "unknown-license" not in rules


def test_a_disclaimer_beside_bsd_clauses_is_not_all_rights_reserved():
    # MindMotion's 2023 MM32 files put BSD's clauses above their "only for reference" disclaimer.
    text = comment(
        "Copyright(c) 2023 MindMotion\n\n"
        + BSD_CLAUSES
        + "THE EXISTING FIRMWARE IS ONLY FOR REFERENCE, WHICH IS "
        "DESIGNED TO PROVIDE\nCUSTOMERS WITH CODING INFORMATION ABOUT THEIR PRODUCTS SO THEY CAN SAVE TIME.\n"
    )
    assert identify(text).expression != "LicenseRef-All-Rights-Reserved"
    bare = comment("THE EXISTING FIRMWARE IS ONLY FOR REFERENCE, WHICH IS DESIGNED TO PROVIDE\nCUSTOMERS.\n")
    assert identify(bare).expression == "LicenseRef-All-Rights-Reserved"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "/**\n * @file     M480.h\n"
            " * @copyright (C) 2018 Nuvoton Technology Corp. All rights reserved.\n */\n",
            "(C) 2018 Nuvoton Technology Corp. All rights reserved.",
        ),
        (
            "/*\n * Copyright [2019] Renesas Electronics Corporation and/or its affiliates."
            "  All Rights Reserved.\n */\n",
            "Copyright [2019] Renesas Electronics Corporation and/or its affiliates. All Rights Reserved.",
        ),
        (
            "/*\n    © [2024] Microchip Technology Inc. and its subsidiaries.\n*/\n",
            "© [2024] Microchip Technology Inc. and its subsidiaries.",
        ),
    ],
)
def test_vendor_copyright_notices_are_read(tree, header, expected):
    # Read as no notice, the vendor's file was told to take the maker's own SPDX-FileCopyrightText.
    _, result, _ = scan(tree({"sdk/device.h": header + "#define DEVICE_H\n"}))
    assert file_entry(result, "sdk/device.h")["copyrights"] == [expected]


GD32_HEADER = """/*!
    \\file    gd32f1x0_gpio.c
    \\brief   GPIO driver

    \\version 2016-01-15, V1.0.0, firmware for GD32F1x0
*/

/*
    Copyright (C) 2016 GigaDevice

    2016-01-15, V1.0.0, firmware for GD32F1x0
*/
#include "gd32f1x0_gpio.h"
"""
CUBEMX_MAIN = """/* USER CODE BEGIN Header */
/**
  ******************************************************************************
  * @file           : main.c
  * @brief          : Main program body
  ******************************************************************************
  * @attention
  *
  * Copyright (c) 2023 STMicroelectronics.
  * All rights reserved.
  *
  * This software is licensed under terms that can be found in the LICENSE file
  * in the root directory of this software component.
  * If no LICENSE file comes with this software, it is provided AS-IS.
  *
  ******************************************************************************
  */
/* USER CODE END Header */
#include "main.h"
"""


def test_a_chip_vendors_file_without_a_licence_is_not_the_projects(tree):
    # GD32's, Nuvoton's and others' library files carry the vendor's copyright and nothing else.
    root = tree(
        {
            "LICENSE": "Copyright (c) 2024 Zhang San\n\nSPDX-License-Identifier: MIT\n",
            "Firmware/GD32F1x0_standard_peripheral/Source/gd32f1x0_gpio.c": GD32_HEADER,
            "Core/Src/main.c": CUBEMX_MAIN,  # ST's header defers to the project's LICENSE
            "User/app.c": "/* Copyright (c) 2024 Zhang San */\nint app;\n",
        }
    )
    _, result, _ = scan(root, "--lang", "zh")
    gd32 = "Firmware/GD32F1x0_standard_peripheral/Source/gd32f1x0_gpio.c"
    assert file_entry(result, gd32)["licenses"] == []
    assert file_entry(result, "Core/Src/main.c")["licenses"] == ["MIT"]
    assert file_entry(result, "User/app.c")["licenses"] == ["MIT"]
    [found] = [f for f in result["findings"] if f["rule"] == "missing-license"]
    assert (
        found["path"] == gd32
        and "GigaDevice" in found["message"]
        and "芯片或软件厂商的代码" in found["message"]
    )


def test_a_vendors_licence_file_covers_the_vendors_files(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "GD32F1x0_Firmware_Library/LICENSE.txt": "Copyright (c) 2016, GigaDevice Semiconductor Inc.\n\n"
            + BSD_CLAUSES
            + BSD_DISCLAIMER,
            "GD32F1x0_Firmware_Library/Source/gd32f1x0_gpio.c": GD32_HEADER,
        }
    )
    _, result, _ = scan(root)
    path = "GD32F1x0_Firmware_Library/Source/gd32f1x0_gpio.c"
    assert file_entry(result, path)["licenses"] == ["BSD-3-Clause"]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        # A vendored library's own LICENSE (a GNU or Apache text names no holder) covers it.
        (
            "lib/ESP32Ext/src/ext.cpp",
            "// Copyright (c) 2017 Espressif Systems (Shanghai) PTE LTD\n",
            "LGPL-2.1-only",
        ),
        # The maker's own files: an address at a vendor, a vendor's portion of the maker's file.
        ("src/a.c", "// Copyright (c) 2024 Jane Doe <jane.doe@nxp.com>\n", "MIT"),
        (
            "src/b.c",
            "// Copyright (c) 2024 Jane Doe\n// Portions Copyright (c) 2019 STMicroelectronics\n",
            "MIT",
        ),
    ],
)
def test_what_is_not_a_chip_vendors_unlicensed_file(tree, path, text, expected):
    from licensecheck.identify import data

    lgpl = data.load().licenses["LGPL-2.1-only"]
    root = tree(
        {"LICENSE": "SPDX-License-Identifier: MIT\n", "lib/ESP32Ext/LICENSE": lgpl, path: text + "int x;\n"}
    )
    _, result, _ = scan(root)
    assert file_entry(result, path)["licenses"] == [expected]


def test_a_vendors_file_in_a_project_without_a_licence_gets_the_plain_message(tree):
    _, result, _ = scan(tree({"sdk/gpio.c": GD32_HEADER}))
    [found] = [f for f in result["findings"] if f["rule"] == "missing-license"]
    assert "GigaDevice" not in found["message"]  # no project licence was kept from it


@pytest.mark.parametrize(
    "comment_text",
    [
        "// Released under the GNU GPL v3 for the Foo board.\n",
        "// Released under the GNU GPL v3, exclusively for the Foo board.\n",
    ],
)
def test_a_vendor_word_in_a_comment_changes_nothing(tree, comment_text):
    # "exclusively" let this comment reach the matcher, where its twin without the word did not.
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "src/foo.c": comment_text + "int foo;\n"})
    _, result, _ = scan(root)
    assert file_entry(result, "src/foo.c")["licenses"] == ["MIT"]


def test_an_st_disclaimer_is_read_as_the_header_it_is(tree):
    # A licence word in a later comment made the "notice" run on to it, and its grant cancelled
    # the disclaimer.
    text = (
        STDPERIPH_HEADER + "\n/* The font below is licensed under the SIL Open Font License. */\nint font;\n"
    )
    _, result, _ = scan(tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "FWLib/font.c": text}))
    assert file_entry(result, "FWLib/font.c")["licenses"] == ["LicenseRef-All-Rights-Reserved"]


def test_st_drivers_without_their_license_file_are_not_the_projects(tree):
    # CubeMX does not always copy Drivers/*/LICENSE.txt; the HAL's header then says the code is
    # provided AS-IS. CubeMX's Core/ files, generated into the project, take its licence.
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "Core/Src/main.c": CUBEMX_MAIN,
            "Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c": HAL_HEADER,
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "Core/Src/main.c")["licenses"] == ["MIT"]
    assert file_entry(result, "Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c")["licenses"] == []


@pytest.mark.parametrize(
    "path",
    [
        # ALIENTEK's layout: ST's libraries under their own names, outside Drivers/ and Middlewares/.
        "USB/STM32_USB_Device_Library/Core/Src/usbd_core.c",
        "FWLIB/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal.c",
        "CMSIS/Device/ST/STM32F4xx/Include/stm32f4xx.h",
    ],
)
def test_st_libraries_in_a_tutorials_layout_are_not_the_projects(tree, path):
    root = tree(
        {"LICENSE": "SPDX-License-Identifier: MIT\n", "Core/Src/main.c": CUBEMX_MAIN, path: HAL_HEADER}
    )
    _, result, _ = scan(root)
    assert file_entry(result, "Core/Src/main.c")["licenses"] == ["MIT"]
    assert file_entry(result, path)["licenses"] == []


@pytest.mark.parametrize(
    ("header", "holder"),
    [
        # A FreeRTOS V9 header cut down to its first line in a tutorial's copy (野火's book).
        (
            "/*\n    FreeRTOS V9.0.0 - Copyright (C) 2016 Real Time Engineers Ltd.\n"
            "    All rights reserved\n*/\n",
            "Real Time Engineers (FreeRTOS)",
        ),
    ],
)
def test_an_rtos_makers_file_without_a_licence_is_not_the_projects(tree, header, holder):
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "rtos/src/file.c": header + "int rtos;\n"})
    _, result, _ = scan(root)
    assert file_entry(result, "rtos/src/file.c")["licenses"] == []
    [message] = [f["message"] for f in result["findings"] if f["rule"] == "missing-license"]
    assert f"its notice names {holder}" in message and "software vendor" in message


def test_silicon_labs_and_nxp_sdk_code_is_not_the_projects_mit(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "src/main.c": "// SPDX-License-Identifier: MIT\nint main(void) { return 0; }\n",
            "gecko_sdk/platform/radio/rail_lib/common/rail.h": MSLA_HEADER,
            "gecko_sdk/protocol/zigbee/sl_zigbee.h": MSLA_TAGGED_HEADER,
            "gecko_sdk/util/se_manager/se_management.c": SILABS_APACHE_HEADER,
            "mcux/components/osa/fsl_os_abstraction.c": LA_OPT_HEADER,
            "mcux/components/wifi/mlan_misc.c": LA_OPT_SHORT_HEADER,
        }
    )
    _, result, _ = scan(root)
    closed = {
        "gecko_sdk/platform/radio/rail_lib/common/rail.h": "LicenseRef-MSLA",
        "gecko_sdk/protocol/zigbee/sl_zigbee.h": "LicenseRef-MSLA",
        "mcux/components/osa/fsl_os_abstraction.c": "LicenseRef-LA-OPT-NXP-Software-License",
        "mcux/components/wifi/mlan_misc.c": "LicenseRef-LA-OPT-NXP-Software-License",
    }
    for path, expected in closed.items():
        assert file_entry(result, path)["licenses"] == [expected]
    assert file_entry(result, "gecko_sdk/util/se_manager/se_management.c")["licenses"] == ["Apache-2.0"]
    found = {f["path"]: f["message"] for f in result["findings"] if f["rule"] == "non-open-license"}
    assert set(found) == set(closed)
    # Both are the vendor's code, which the maker cannot relicense; only NXP's is known to be
    # tied to the vendor's chips.
    assert all("which the project cannot relicense" in message for message in found.values())
    assert "a chip vendor's own agreement" in found["gecko_sdk/protocol/zigbee/sl_zigbee.h"]
    assert "only with the chips" in found["mcux/components/wifi/mlan_misc.c"]
    _, chinese, _ = scan(root, "--lang", "zh")
    [message] = [
        f["message"]
        for f in chinese["findings"]
        if f["rule"] == "non-open-license" and f["path"] == "gecko_sdk/platform/radio/rail_lib/common/rail.h"
    ]
    assert "是芯片厂商自己的协议" in message


# Micrium's headers until 2020, in the RTOS chapters of most STM32 tutorials' example projects.
UCOS_II_HEADER = """/*
*********************************************************************************************************
*                                                uC/OS-II
*                                          The Real-Time Kernel
*                                          SEMAPHORE MANAGEMENT
*
*                              (c) Copyright 1992-2009, Micrium, Weston, FL
*                                           All Rights Reserved
*
* File    : OS_SEM.C
* By      : Jean J. Labrosse
* Version : V2.91
*
* LICENSING TERMS:
* ---------------
*   uC/OS-II is provided in source form for FREE evaluation, for educational use or for peaceful research.
* If you plan on using  uC/OS-II  in a commercial product you need to contact Micrium to properly license
* its use in your product. We provide ALL the source code for your convenience and to help you experience
* uC/OS-II.   The fact that the  source is provided does  NOT  mean that you can use it without  paying a
* licensing fee.
*********************************************************************************************************
*/
#include <ucos_ii.h>
"""
UC_CPU_ASM_HEADER = """;******************************************************************************
;                                               uC/CPU
;                          (c) Copyright 2004-2009; Micrium, Inc.; Weston, FL
;
;               All rights reserved.  Protected by international copyright laws.
;
;               uC/CPU is provided in source form for FREE evaluation, for educational
;               use or peaceful research.  If you plan on using uC/CPU in a commercial
;               product you need to contact Micrium to properly license its use in your
;               product.
;******************************************************************************
    EXPORT  CPU_SR_Save
"""
UC_CPU_REGISTERED_HEADER = """/*
*********************************************************************************************************
*                                                uC/CPU
*                          (c) Copyright 2004-2011; Micrium, Inc.; Weston, FL
*
*               All rights reserved.  Protected by international copyright laws.
*
*               uC/CPU is provided in source form to registered licensees ONLY.  It is
*               illegal to distribute this source code to any third party unless you receive
*               written permission by an authorized Micrium representative.  Knowledge of
*               the source code may NOT be used to develop a similar product.
*********************************************************************************************************
*/
#include <cpu_core.h>
"""
# The 2020 release: Apache-2.0 in Silicon Labs' words (no tag in some copies).
UC_OS_APACHE_HEADER = """/*
*********************************************************************************************************
*                                              uC/OS-II
*                                        The Real-Time Kernel
*
*                    Copyright 1992-2020 Silicon Laboratories Inc. www.silabs.com
*
*               This software is subject to an open source license and is distributed by
*                Silicon Laboratories Inc. pursuant to the terms of the Apache License,
*                    Version 2.0 available at www.apache.org/licenses/LICENSE-2.0.
*
*********************************************************************************************************
*/
#include <ucos_ii.h>
"""


def test_micriums_old_terms_are_not_the_projects_mit(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "USER/main.c": "// SPDX-License-Identifier: MIT\nint main(void) { return 0; }\n",
            "UCOSII/CORE/os_sem.c": UCOS_II_HEADER,
            "UCOSII/PORT/os_cpu_a.asm": UC_CPU_ASM_HEADER,
            "UCOSIII/uC-CPU/cpu_core.c": UC_CPU_REGISTERED_HEADER,
            "uCOS-II-2020/os_core.c": UC_OS_APACHE_HEADER,
        }
    )
    _, result, _ = scan(root)
    evaluation = "LicenseRef-Micrium-Evaluation"
    assert file_entry(result, "UCOSII/CORE/os_sem.c")["licenses"] == [evaluation]
    assert file_entry(result, "UCOSII/PORT/os_cpu_a.asm")["licenses"] == [evaluation]
    assert file_entry(result, "UCOSIII/uC-CPU/cpu_core.c")["licenses"] == [
        "LicenseRef-Micrium-Registered-Licensees"
    ]
    assert file_entry(result, "uCOS-II-2020/os_core.c")["licenses"] == ["Apache-2.0"]
    found = {f["path"]: f["message"] for f in result["findings"] if f["rule"] == "non-open-license"}
    assert set(found) == {"UCOSII/CORE/os_sem.c", "UCOSII/PORT/os_cpu_a.asm", "UCOSIII/uC-CPU/cpu_core.c"}
    assert "forbids commercial use" in found["UCOSII/CORE/os_sem.c"]
    assert "grants no license at all" in found["UCOSIII/uC-CPU/cpu_core.c"]
    # Both say where the Apache-2.0 release is.
    assert all(
        "released the code under Apache-2.0 (https://github.com/weston-embedded" in m for m in found.values()
    )
    _, chinese, _ = scan(root, "--lang", "zh")
    messages = [f["message"] for f in chinese["findings"] if f["path"] == "UCOSII/CORE/os_sem.c"]
    assert any("其权利人后来已以 Apache-2.0 发布这些代码" in m for m in messages)


UCOS_III_HEADER = """/*
************************************************************************************************************
*                                                      uC/OS-III
*                                  (c) Copyright 2009-2014; Micrium, Inc.; Weston, FL
*                           All rights reserved.  Protected by international copyright laws.
*
* LICENSING TERMS:
* ---------------
*           uC/OS-III is provided in source form for FREE short-term evaluation, for educational use or
*           for peaceful research.  If you plan or intend to use uC/OS-III in a commercial application/
*           product then, you need to contact Micrium to properly license uC/OS-III for its use in your
*           application/product.
************************************************************************************************************
*/
#include <os.h>
"""


def test_micrium_terms_are_told_by_micriums_words_and_are_the_vendors(tree):
    # uC/OS-III's "short-term" wording too; another author's copy of the words is not Micrium's.
    copied = UCOS_III_HEADER.replace("Micrium, Inc.; Weston, FL", "Wang Lei").replace(
        "contact Micrium", "contact me"
    )
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "UCOSIII/uCOS-III/Source/os_task.c": UCOS_III_HEADER,
            "Modbus/mb.c": copied,
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "UCOSIII/uCOS-III/Source/os_task.c")["licenses"] == [
        "LicenseRef-Micrium-Evaluation"
    ]
    assert "LicenseRef-Micrium-Evaluation" not in file_entry(result, "Modbus/mb.c")["licenses"]
    [message] = [f["message"] for f in result["findings"] if f["rule"] == "non-open-license"]
    # Micrium's code, which the maker cannot relicense; where its open release is.
    assert "which the project cannot relicense" in message and "Relicense it" not in message
    assert "forbids commercial use" in message and "https://github.com/weston-embedded)" in message


@pytest.mark.parametrize(
    "text",
    [
        "The following notice is reproduced pursuant to Section 4 of the Apache License, Version 2.0:\n",
        "Pursuant to section 3 of the MIT License, this notice must be kept.\n",
    ],
)
def test_pursuant_to_a_section_cites_a_licence_without_granting_it(tree, text):
    root = tree({"LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n", "NOTICE": text})
    _, result, _ = scan(root)
    assert result["project"]["declared"] == ["GPL-3.0-or-later"]


def test_a_makers_files_that_mention_the_vendor_agreements_keep_their_licence(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "firmware/CMakeLists.txt": (
                "cmake_minimum_required(VERSION 3.20)\nproject(sensor C)\n"
                "install(FILES ${MCUX_SDK}/LA_OPT_NXP_Software_License.txt DESTINATION share/doc)\n"
            ),
            "firmware/src/main.c": (
                "/* Radio glue. RAIL itself is governed by the terms of the Silicon Labs Master Software\n"
                " * License Agreement; only its headers are included. */\nint main(void) { return 0; }\n"
            ),
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "firmware/CMakeLists.txt")["licenses"] == ["MIT"]
    assert file_entry(result, "firmware/src/main.c")["licenses"] == ["MIT"]
    assert not [f for f in result["findings"] if f["rule"] == "non-open-license"]


def test_an_rtos_named_in_a_makers_own_notice_leaves_the_file_the_makers(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "port/os_cpu.c": "// Copyright (c) 2021 Jane Maker, port of Micrium uC/OS-III\nint p;\n",
            "log/rtt_log.c": "/* Copyright (C) 2022 Jane Maker - logging over SEGGER RTT */\nint l;\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "port/os_cpu.c")["licenses"] == ["MIT"]
    assert file_entry(result, "log/rtt_log.c")["licenses"] == ["MIT"]


def test_rt_threads_own_files_keep_its_licence(tree):
    # RT-Thread's repository: its LICENSE (Apache-2.0) names no holder, its files only theirs.
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
            "src/kservice.c": "/*\n * Copyright (c) 2006-2018, RT-Thread Development Team\n */\nint k;\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "src/kservice.c")["licenses"] == ["Apache-2.0"]


RT_THREAD_1X_HEADER = """/*
 * File      : usart.c
 * This file is part of RT-Thread RTOS
 * COPYRIGHT (C) 2009, RT-Thread Development Team
 *
 * The license and distribution terms for this file may be
 * found in the file LICENSE in this distribution or at
 * http://www.rt-thread.org/license/LICENSE
 */
#include "usart.h"
"""


def test_rt_thread_1x_vendored_in_its_folder_is_not_the_projects(tree):
    # Its terms are in RT-Thread's LICENSE ("in this distribution"), which the copy left out.
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "rt-thread/bsp/usart.c": RT_THREAD_1X_HEADER})
    _, result, _ = scan(root)
    assert file_entry(result, "rt-thread/bsp/usart.c")["licenses"] == []
    [message] = [f["message"] for f in result["findings"] if f["rule"] == "missing-license"]
    assert "its notice names RT-Thread" in message


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # RT-Thread's own repository: the distribution is the tree.
        (
            {"LICENSE": "SPDX-License-Identifier: GPL-2.0-or-later\n", "bsp/usart.c": RT_THREAD_1X_HEADER},
            "GPL-2.0-or-later",
        ),
        # A copy that kept RT-Thread's LICENSE beside it.
        (
            {
                "LICENSE": "SPDX-License-Identifier: MIT\n",
                "RT-Thread/LICENSE": "SPDX-License-Identifier: GPL-2.0-or-later\n",
                "RT-Thread/bsp/usart.c": RT_THREAD_1X_HEADER,
            },
            "GPL-2.0-or-later",
        ),
    ],
)
def test_rt_thread_1x_under_its_own_license_file_keeps_it(tree, files, expected):
    _, result, _ = scan(tree(files))
    path = next(path for path in files if path.endswith("usart.c"))
    assert file_entry(result, path)["licenses"] == [expected]
