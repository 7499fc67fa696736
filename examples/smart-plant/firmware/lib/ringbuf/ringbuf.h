/* SPDX-FileCopyrightText: 2023 Li Lei <lilei@example.com> */
/* SPDX-License-Identifier: MIT */
#pragma once
#include <stdint.h>

#define RINGBUF_SIZE 16

typedef struct {
    uint16_t values[RINGBUF_SIZE];
    uint8_t next;
    uint8_t count;
} RingBuf;

void ringbuf_init(RingBuf *buf);
void ringbuf_push(RingBuf *buf, uint16_t value);
uint16_t ringbuf_mean(const RingBuf *buf);
