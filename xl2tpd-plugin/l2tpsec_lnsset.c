/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>

#include "l2tpsec_lnsset.h"

int l2tpsec_lns_up(const struct l2tpsec_lns_state *s, uint64_t now_ms)
{
	return s->down_until_ms <= now_ms;
}

/* is a a better choice than b among LNSes that are up */
static int better_up(const struct l2tpsec_lns_state *a, const struct l2tpsec_lns_state *b)
{
	if (a->priority != b->priority)
		return a->priority < b->priority;
	return a->sessions < b->sessions;
}

/* ... and among LNSes that are all down */
static int better_down(const struct l2tpsec_lns_state *a, const struct l2tpsec_lns_state *b)
{
	if (a->down_until_ms != b->down_until_ms)
		return a->down_until_ms < b->down_until_ms;
	return a->priority < b->priority;
}

int l2tpsec_lns_pick(const struct l2tpsec_lns_state *s, size_t n, uint64_t now_ms)
{
	int best = -1;

	for (size_t i = 0; i < n; i++)
		if (l2tpsec_lns_up(&s[i], now_ms) && (best < 0 || better_up(&s[i], &s[best])))
			best = (int)i;
	if (best >= 0)
		return best;
	for (size_t i = 0; i < n; i++)
		if (best < 0 || better_down(&s[i], &s[best]))
			best = (int)i;
	return best;
}

int l2tpsec_lns_down(struct l2tpsec_lns_state *s, uint64_t now_ms, unsigned hold_s,
		     const char *why)
{
	if (!l2tpsec_lns_up(s, now_ms))
		return 0;
	s->down_until_ms = now_ms + hold_s * 1000ull;
	snprintf(s->reason, sizeof(s->reason), "%s", why);
	s->failures++;
	return 1;
}

int l2tpsec_lns_other_up(const struct l2tpsec_lns_state *s, size_t n, size_t except,
			 uint64_t now_ms)
{
	for (size_t i = 0; i < n; i++)
		if (i != except && l2tpsec_lns_up(&s[i], now_ms))
			return 1;
	return 0;
}

int l2tpsec_lns_sharing(const struct l2tpsec_lns_state *s, size_t n, uint64_t now_ms)
{
	int best = 0;
	unsigned with_best = 0;

	for (size_t i = 0; i < n; i++) {
		if (!l2tpsec_lns_up(&s[i], now_ms))
			continue;
		if (!with_best || s[i].priority < best) {
			best = s[i].priority;
			with_best = 1;
		} else if (s[i].priority == best) {
			with_best++;
		}
	}
	return with_best > 1;
}
