/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec's own timers (reconnect to charon, wait for SECURED, retry a dial). xl2tpd's scheduler
 * is not used: its tunnel teardown reads every event's data as one of xl2tpd's own buffers.
 * Timers live in their owner's structure; the select() timeout is shortened to the next one.
 */
#ifndef L2TPSEC_TIMER_H
#define L2TPSEC_TIMER_H

#include <stdint.h>

struct l2tpsec_timer {
	uint64_t due_ms;		/* CLOCK_MONOTONIC */
	void (*fire)(void *arg);
	void *arg;
	struct l2tpsec_timer *next;
	int armed;
};

uint64_t l2tpsec_now_ms(void);

/* (re)arm t to fire in ms milliseconds from now_ms */
void l2tpsec_timer_arm(struct l2tpsec_timer *t, uint64_t now_ms, uint64_t ms,
		       void (*fire)(void *arg), void *arg);

void l2tpsec_timer_cancel(struct l2tpsec_timer *t);

/* fire every timer due at now_ms; milliseconds until the next one, or -1 when none is armed */
int64_t l2tpsec_timer_run(uint64_t now_ms);

#endif
