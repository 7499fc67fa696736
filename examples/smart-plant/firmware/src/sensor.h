/*
 * SPDX-FileCopyrightText: 2025 Shenzhen Maker Team <team@example.cn>
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define SENSOR_PIN 34
#define PUMP_PIN 25
#define DRY_THRESHOLD 2600
