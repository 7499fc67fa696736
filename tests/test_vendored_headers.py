# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold licence notices of their own.
"""Third-party headers vendored into makers' firmware, as published.

Each fixture is the top of a real file: FreeRTOS V9.0.0 tasks.c and V5.1.2 (before V10 FreeRTOS
was GPL-2.0 with its exception), Eclipse Paho's MQTTFormat.h (EPL or EDL), FatFs R0.11's ff.h and
µGUI's ugui.h (ChaN's licence in its older wordings, the second under µGUI's name), uC/GUI
V5.36 (SEGGER's and Micrium's notice, no licence). Each used to be misread, mostly as the
maker's own MIT.
"""

from __future__ import annotations

import pytest
from conftest import file_entry, scan

from licensecheck.identify import identify

FREERTOS_V9 = """/*
    FreeRTOS V9.0.0 - Copyright (C) 2016 Real Time Engineers Ltd.
    All rights reserved

    VISIT http://www.FreeRTOS.org TO ENSURE YOU ARE USING THE LATEST VERSION.

    This file is part of the FreeRTOS distribution.

    FreeRTOS is free software; you can redistribute it and/or modify it under
    the terms of the GNU General Public License (version 2) as published by the
    Free Software Foundation >>>> AND MODIFIED BY <<<< the FreeRTOS exception.

    ***************************************************************************
    >>!   NOTE: The modification to the GPL is included to allow you to     !<<
    >>!   distribute a combined work that includes FreeRTOS without being   !<<
    >>!   obliged to provide the source code for proprietary components     !<<
    >>!   outside of the FreeRTOS kernel.                                   !<<
    ***************************************************************************

    FreeRTOS is distributed in the hope that it will be useful, but WITHOUT ANY
    WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS
    FOR A PARTICULAR PURPOSE.  Full license text is available on the following
    link: http://www.freertos.org/a00114.html
*/
"""
FREERTOS_V5 = """/*
	FreeRTOS.org V5.1.2 - Copyright (C) 2003-2009 Richard Barry.

	This file is part of the FreeRTOS distribution.

	FreeRTOS is free software; you can redistribute it and/or modify
	it under the terms of the GNU General Public License as published by
	the Free Software Foundation; either version 2 of the License, or
	(at your option) any later version.

	FreeRTOS is distributed in the hope that it will be useful,
	but WITHOUT ANY WARRANTY; without even the implied warranty of
	MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
	GNU General Public License for more details.

	You should have received a copy of the GNU General Public License
	along with FreeRTOS; if not, write to the Free Software
	Foundation, Inc., 59 Temple Place, Suite 330, Boston, MA  02111-1307  USA

	A special exception to the GPL can be applied should you wish to distribute
	a combined work that includes FreeRTOS, without being obliged to provide
	the source code for any proprietary components.  See the licensing section
	of http://www.FreeRTOS.org for full details of how and when the exception
	can be applied.

*/
"""
PAHO = """/*******************************************************************************
 * Copyright (c) 2014 IBM Corp.
 *
 * All rights reserved. This program and the accompanying materials
 * are made available under the terms of the Eclipse Public License v1.0
 * and Eclipse Distribution License v1.0 which accompany this distribution.
 *
 * The Eclipse Public License is available at
 *    http://www.eclipse.org/legal/epl-v10.html
 * and the Eclipse Distribution License is available at
 *   http://www.eclipse.org/org/documents/edl-v10.php.
 *
 * Contributors:
 *    Ian Craggs - initial API and implementation and/or initial documentation
 *******************************************************************************/

"""
FATFS_R011 = """/*---------------------------------------------------------------------------/
/  FatFs - FAT file system module include R0.11     (C)ChaN, 2015
/----------------------------------------------------------------------------/
/ FatFs module is a free software that opened under license policy of
/ following conditions.
/
/ Copyright (C) 2015, ChaN, all right reserved.
/
/ 1. Redistributions of source code must retain the above copyright notice,
/    this condition and the following disclaimer.
/
/ This software is provided by the copyright holder and contributors "AS IS"
/ and any warranties related to this software are DISCLAIMED.
/ The copyright owner or contributors be NOT LIABLE for any damages caused
/ by use of this software.
/---------------------------------------------------------------------------*/

"""
UGUI = """/* -------------------------------------------------------------------------------- */
/* -- µGUI - Generic GUI module (C)Achim Döbler, 2015                            -- */
/* -------------------------------------------------------------------------------- */
// µGUI is a generic GUI module for embedded systems.
// This is a free software that is open for education, research and commercial
// developments under license policy of following terms.
//
//  Copyright (C) 2015, Achim Döbler, all rights reserved.
//  URL: http://www.embeddedlightning.com/
//
// * The µGUI module is a free software and there is NO WARRANTY.
// * No restriction on use. You can use, modify and redistribute it for
//   personal, non-profit or commercial products UNDER YOUR RESPONSIBILITY.
// * Redistributions of source code must retain the above copyright notice.
//
/* -------------------------------------------------------------------------------- */
"""
UCGUI = """/*
*********************************************************************************************************
*                                             uC/GUI V5.36
*                        Universal graphic software for embedded applications
*
*                       (c) Copyright 2016, Micrium Inc., Weston, FL
*                       (c) Copyright 2016, SEGGER Microcontroller GmbH & Co. KG
*
*              uC/GUI is protected by international copyright laws. Knowledge of the
*              source code may not be used to write a similar product. This file may
*              only be used in accordance with a license and should not be redistributed
*              in any way. We appreciate your understanding and fairness.
*
*********************************************************************************************************
File        : GUI_ARRAY.h
Purpose     : Array handling routines
*********************************************************************************************************
*/
"""

# Adafruit-GFX-Library's Adafruit_MonoOLED.h (its license.txt is BSD-2-Clause).
ADAFRUIT_MONO_OLED = """/*!
 * @file Adafruit_MonoOLED.h
 *
 * This is part of for Adafruit's GFX library, supplying generic support
 * for monochrome OLED displays: http://www.adafruit.com/category/63_98
 *
 * Adafruit invests time and resources providing this open source code,
 * please support Adafruit and open-source hardware by purchasing
 * products from Adafruit!
 *
 * Written by Limor Fried/Ladyada for Adafruit Industries, with
 * contributions from the open source community.
 *
 * BSD license, all text above, and the splash screen header file,
 * must be included in any redistribution.
 *
 */
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FREERTOS_V9, "GPL-2.0-only WITH freertos-exception-2.0"),
        (FREERTOS_V5, "GPL-2.0-or-later WITH freertos-exception-2.0"),
        (PAHO, "EPL-1.0 OR BSD-3-Clause"),
        (PAHO.replace("v1.0\n * and Eclipse", "v2.0\n * and Eclipse"), "EPL-2.0 OR BSD-3-Clause"),
        (FATFS_R011, "LicenseRef-FatFs"),
        (UGUI, "LicenseRef-uGUI"),
        # Mosquitto 2.x writes "License 2.0" without a "v"; emWin breaks "re-distributed".
        (
            "made available under the terms of the Eclipse Public License 2.0\n"
            "and Eclipse Distribution License v1.0 which accompany this distribution.",
            "EPL-2.0 OR BSD-3-Clause",
        ),
        (
            "emWin is protected by international copyright laws. This file may only be used in\n"
            "accordance with a license and should not be re-\ndistributed in any way.",
            "LicenseRef-All-Rights-Reserved",
        ),
        # Adafruit's one-liners: MIT is MIT; "BSD license" names the family, read as the
        # 3-clause licence unless a license file beside it says which (the test below).
        (
            "Written by Limor Fried/Ladyada for Adafruit Industries.\n"
            "MIT license, all text above must be included in any redistribution\n",
            "MIT",
        ),
        (
            "Written by Limor Fried/Ladyada for Adafruit Industries.\n"
            "BSD license, all text above must be included in any redistribution\n",
            "BSD-3-Clause",
        ),
        (ADAFRUIT_MONO_OLED, "BSD-3-Clause"),
        # Naming the exception of a bundled kernel does not put the file under it.
        (
            "This firmware is released under the GNU General Public License v3.0. The bundled\n"
            "FreeRTOS V9 kernel keeps its own licence, the GPL v2 with the FreeRTOS exception.",
            "GPL-3.0-only",
        ),
        (UCGUI, "LicenseRef-All-Rights-Reserved"),
        # Without the exception, a GPL notice stays a GPL notice.
        (FREERTOS_V9.replace(">>>> AND MODIFIED BY <<<< the FreeRTOS exception", ""), "GPL-2.0-only"),
    ],
)
def test_vendored_headers_are_read_as_published(text, expected):
    assert identify(text).expression == expected


def test_freertos_with_its_exception_links_with_apache_code_in_an_mit_firmware(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "User/main.c": "// SPDX-License-Identifier: MIT\nint main(void) { return 0; }\n",
            "Middlewares/FreeRTOS/Source/tasks.c": FREERTOS_V9 + '#include "FreeRTOS.h"\n',
            "Middlewares/CherryUSB/usbd_core.c": "// SPDX-License-Identifier: Apache-2.0\nint usbd;\n",
            "Middlewares/Paho/MQTTFormat.h": PAHO + "#define MQTTFORMAT_H\n",
            "Middlewares/uCGUI/GUI_ARRAY.h": UCGUI + "#define GUI_ARRAY_H\n",
        }
    )
    _, result, _ = scan(root)
    rules = {(f["rule"], f["path"]) for f in result["findings"]}
    assert not any(rule == "incompatible-licenses" for rule, _ in rules)
    assert ("declared-license-mismatch", "Middlewares/FreeRTOS/Source/tasks.c") not in rules
    assert file_entry(result, "Middlewares/Paho/MQTTFormat.h")["licenses"] == ["EPL-1.0 OR BSD-3-Clause"]
    assert ("non-open-license", "Middlewares/uCGUI/GUI_ARRAY.h") in rules


def _bsd_2_clause_file() -> str:
    from licensecheck.identify import data

    text = data.load().licenses["BSD-2-Clause"].replace("<year> <owner>", "2012 Adafruit Industries.")
    return "Software License Agreement (BSD License)\n\n" + text


def test_the_bsd_one_liner_takes_the_variant_of_its_librarys_license_file(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "src/main.cpp": "// SPDX-License-Identifier: MIT\nint main() { return 0; }\n",
            "lib/Adafruit_GFX/license.txt": _bsd_2_clause_file(),
            "lib/Adafruit_GFX/Adafruit_MonoOLED.h": ADAFRUIT_MONO_OLED + "#define MONO_OLED\n",
            # copied without its library's license file: not the maker's MIT, the 3-clause BSD
            "lib/Display/Adafruit_MonoOLED.h": ADAFRUIT_MONO_OLED + "#define MONO_OLED\n",
            # a plain "released under the BSD license" beside a BSD-2-Clause text, the same
            "lib/Adafruit_GFX/gfxfont.h": "// Released under the BSD license.\n#define GFXFONT_H\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "lib/Adafruit_GFX/license.txt")["licenses"] == ["BSD-2-Clause"]
    assert file_entry(result, "lib/Adafruit_GFX/Adafruit_MonoOLED.h")["licenses"] == ["BSD-2-Clause"]
    assert file_entry(result, "lib/Adafruit_GFX/gfxfont.h")["licenses"] == ["BSD-2-Clause"]
    assert file_entry(result, "lib/Display/Adafruit_MonoOLED.h")["licenses"] == ["BSD-3-Clause"]


def test_a_bsd_notice_that_names_its_variant_keeps_it_beside_another_bsd_text(tree):
    root = tree(
        {
            "lib/x/LICENSE": _bsd_2_clause_file(),
            "lib/x/a.c": "/* Licensed under the 3-clause BSD license. */\nint a;\n",
            "lib/x/b.c": "/* BSD license, all text above must be included in any redistribution */\nint b;\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "lib/x/a.c")["licenses"] == ["BSD-3-Clause"]
    assert file_entry(result, "lib/x/b.c")["licenses"] == ["BSD-2-Clause"]


def test_the_bsd_and_mit_one_liners_are_worded_in_chinese(tree):
    from licensecheck.report.evidence_detail import worded

    root = tree(
        {
            "a.h": "/* BSD license, all text above must be included in any redistribution */\n",
            "b.h": "/* This library is released under the BSD license. */\n",
            "c.h": "/* MIT license, all text above must be included in any redistribution */\n",
        }
    )
    _, result, _ = scan(root)
    details = {name: worded(file_entry(result, f"{name}.h")["evidence"][0]["detail"], "zh") for name in "abc"}
    assert "一句话的 BSD 许可声明，未写明哪一版（按 BSD-3-Clause 处理）" in details["a"], details
    assert "指明 BSD 许可证但未写明哪一版的许可声明（按 BSD-3-Clause 处理）" in details["b"], details
    assert "一句话的 MIT 许可声明（须保留上方全部文字）" in details["c"], details
    assert not any(letter in "".join(details.values()) for letter in "nmw"), details  # no English left


def _bsd_3_clause_text() -> str:
    from licensecheck.identify import data

    return data.load().licenses["BSD-3-Clause"].replace("<year> <owner>", "2015 Jane Maker")


def test_only_a_lone_unnamed_bsd_notice_takes_the_variant_beside_it(tree):
    one_liner = "/* BSD license, all text above must be included in any redistribution */\n"
    root = tree(
        {
            "LICENSE": _bsd_2_clause_file(),  # the maker's own: not a library's licence file
            "lib/A/LICENSE": _bsd_2_clause_file(),
            # its own full text says which BSD
            "lib/A/full.h": "/*\n * Released under the BSD license.\n *\n" + _bsd_3_clause_text() + "\n */\n",
            "lib/A/dual.h": "/* This file is licensed under the MIT or BSD license, at your option. */\n",
            "lib/A/closest.h": one_liner,  # its REUSE.toml annotation names the variant
            "REUSE.toml": 'version = 1\n\n[[annotations]]\npath = "lib/A/closest.h"\nprecedence = "closest"\n'
            'SPDX-License-Identifier = "BSD-3-Clause"\n',
            "lib/Dual/package.json": '{"name": "dual", "license": "(BSD-2-Clause OR GPL-2.0-only)"}\n',
            "lib/Dual/foo.h": one_liner,  # a choice beside it is no BSD variant
            "lib/Other/foo.h": one_liner,  # nothing beside it but the maker's root licence
        }
    )
    _, result, _ = scan(root)
    licenses = {f["path"]: f["licenses"] for f in result["files"]}
    assert licenses["lib/A/full.h"] == ["BSD-3-Clause"]
    assert licenses["lib/A/dual.h"] == ["MIT OR BSD-3-Clause"]
    assert licenses["lib/A/closest.h"] == ["BSD-3-Clause"]
    assert licenses["lib/Dual/foo.h"] == ["BSD-3-Clause"]
    assert licenses["lib/Other/foo.h"] == ["BSD-3-Clause"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a variant named before the one-liner: not "the BSD license" without one
        ("Simplified BSD license, all text above must be included in any redistribution\n", None),
        ("Released under the 2-clause BSD license, all text above must be included in any redistribution\n",
         "BSD-2-Clause"),
        ("This library is released under the BSD-2 license.\n", "BSD-2-Clause"),
        ("Licensed under the BSD 3 license.\n", "BSD-3-Clause"),
        # Adafruit_CC3000's: the one-liner after the author's sentence
        ("Written by Limor Fried & Kevin Townsend for Adafruit.  BSD license, all text above must be\n"
         "included in any redistribution\n", "BSD-3-Clause"),
    ],
)  # fmt: skip
def test_bsd_notices_that_name_their_variant_or_not(text, expected):
    assert identify(text).expression == expected


# Adafruit's DHT sensor library, DHT.h (adafruit/DHT-sensor-library, 1.4.x), as published.
ADAFRUIT_DHT_H = """/* DHT library

MIT license
written by Adafruit Industries
*/
#ifndef DHT_H
#define DHT_H

#include "Arduino.h"
"""


def test_a_notice_that_is_the_licence_s_name_alone_names_it(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n",
            "lib/DHT/DHT.h": ADAFRUIT_DHT_H,
            "lib/notes.c": "/* We follow the MIT license model here, see notes. */\nint x;\n",
            "lib/nc.c": (
                "/* MIT License\n * Permission is granted to use this code for personal, non-commercial"
                " projects only.\n * Commercial use and redistribution are prohibited. */\nint nc;\n"
            ),
        }
    )
    _, result, _ = scan(root)
    dht = file_entry(result, "lib/DHT/DHT.h")
    assert dht["licenses"] == ["MIT"]  # Adafruit's, not the maker's GPL
    assert any("MIT license named on a line of its own" in e["detail"] for e in dht["evidence"])
    assert file_entry(result, "lib/notes.c")["licenses"] == ["GPL-3.0-or-later"]  # prose: the folder's
    assert file_entry(result, "lib/nc.c")["licenses"] != ["MIT"]  # terms of its own under the name


def test_a_bsd_notice_above_the_bsd_text_it_means_assumes_no_variant():
    """TFT_eSPI's license.txt: "The Adafruit_GFX functions are covered by the BSD licence." over
    the two-clause text it quotes."""
    from licensecheck.identify import data

    bsd_2 = data.load().licenses["BSD-2-Clause"].replace("<year>", "2012").replace("<owner>", "Adafruit")
    text = "The Adafruit_GFX functions are covered by the BSD licence.\n\n" + bsd_2
    assert identify(text).expression == "BSD-2-Clause"
