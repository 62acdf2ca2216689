/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec's own timers (reconnect to charon, wait for SECURED, retry a dial). xl2tpd's scheduler
 * is not used: its tunnel teardown reads every event's data as one of xl2tpd's own buffers.
 * Timers live in their owner's structure; the main loop's timeout is shortened to the next one.
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

/* is any timer armed? (the main loop reads the clock only then) */
int l2tpsec_timer_pending(void);

/* fire every timer due at now_ms; milliseconds until the next one, or -1 when none is armed */
int64_t l2tpsec_timer_run(uint64_t now_ms);

/* a retry delay that doubles from min_s up to max_s, in seconds */
struct l2tpsec_backoff {
	unsigned cur_s, min_s, max_s;
};
#define L2TPSEC_BACKOFF_INIT(min_s, max_s) { (min_s), (min_s), (max_s) }

/* the delay to wait now; the next one doubles (up to max_s) */
unsigned l2tpsec_backoff_next(struct l2tpsec_backoff *b);

/* the delay next() will return */
unsigned l2tpsec_backoff_peek(const struct l2tpsec_backoff *b);

/* back to min_s (it worked) */
void l2tpsec_backoff_reset(struct l2tpsec_backoff *b);

#endif
