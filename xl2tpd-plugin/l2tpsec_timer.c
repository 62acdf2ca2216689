/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <time.h>

#include "l2tpsec_timer.h"

/* sorted by due time; a handful of entries (one per waiting dial, one for the reconnect) */
static struct l2tpsec_timer *armed;

uint64_t l2tpsec_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void l2tpsec_timer_cancel(struct l2tpsec_timer *t)
{
	if (!t->armed)
		return;
	for (struct l2tpsec_timer **p = &armed; *p; p = &(*p)->next) {
		if (*p == t) {
			*p = t->next;
			break;
		}
	}
	t->armed = 0;
	t->next = NULL;
}

void l2tpsec_timer_arm(struct l2tpsec_timer *t, uint64_t now_ms, uint64_t ms,
		       void (*fire)(void *arg), void *arg)
{
	struct l2tpsec_timer **p = &armed;

	l2tpsec_timer_cancel(t);
	t->due_ms = now_ms + ms;
	t->fire = fire;
	t->arg = arg;
	while (*p && (*p)->due_ms <= t->due_ms)
		p = &(*p)->next;
	t->next = *p;
	*p = t;
	t->armed = 1;
}

int l2tpsec_timer_pending(void)
{
	return armed != NULL;
}

int64_t l2tpsec_timer_run(uint64_t now_ms)
{
	/* a fired timer may arm or cancel others (or itself): take one at a time from the head */
	while (armed && armed->due_ms <= now_ms) {
		struct l2tpsec_timer *t = armed;

		armed = t->next;
		t->next = NULL;
		t->armed = 0;
		t->fire(t->arg);
	}
	return armed ? (int64_t)(armed->due_ms - now_ms) : -1;
}

unsigned l2tpsec_backoff_next(struct l2tpsec_backoff *b)
{
	unsigned now = b->cur_s;

	b->cur_s = b->cur_s > b->max_s / 2 ? b->max_s : b->cur_s * 2;
	return now;
}

unsigned l2tpsec_backoff_peek(const struct l2tpsec_backoff *b)
{
	return b->cur_s;
}

void l2tpsec_backoff_reset(struct l2tpsec_backoff *b)
{
	b->cur_s = b->min_s;
}
