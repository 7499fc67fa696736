/* SPDX-FileCopyrightText: 2023 Li Lei <lilei@example.com> */
/* SPDX-License-Identifier: MIT */
#include "ringbuf.h"

void ringbuf_init(RingBuf *buf) {
    buf->next = 0;
    buf->count = 0;
}

void ringbuf_push(RingBuf *buf, uint16_t value) {
    buf->values[buf->next] = value;
    buf->next = (buf->next + 1) % RINGBUF_SIZE;
    if (buf->count < RINGBUF_SIZE) {
        buf->count++;
    }
}

uint16_t ringbuf_mean(const RingBuf *buf) {
    uint32_t sum = 0;
    for (uint8_t i = 0; i < buf->count; i++) {
        sum += buf->values[i];
    }
    return buf->count ? (uint16_t)(sum / buf->count) : 0;
}
