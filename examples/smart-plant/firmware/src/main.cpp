// SPDX-FileCopyrightText: 2025 Shenzhen Maker Team <team@example.cn>
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reads the soil sensor and runs the pump when the soil is dry.

#include <Arduino.h>

#include "ringbuf.h"
#include "sensor.h"

static RingBuf readings;

void setup() {
    Serial.begin(115200);
    pinMode(PUMP_PIN, OUTPUT);
    ringbuf_init(&readings);
}

void loop() {
    ringbuf_push(&readings, analogRead(SENSOR_PIN));
    digitalWrite(PUMP_PIN, ringbuf_mean(&readings) > DRY_THRESHOLD ? HIGH : LOW);
    delay(1000);
}
