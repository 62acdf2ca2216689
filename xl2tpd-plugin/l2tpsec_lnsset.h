/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * A LAC's LNSes as IOS orders them (`initiate-to ip A priority N`: the lowest number first; equal
 * numbers share the load) and which of them are held down, and why, after they failed (no
 * answer, a refusal, IPsec not established or lost) for the busy timeout. Knows nothing of
 * xl2tpd: the caller counts tunnels and sessions, so it is unit-tested without it.
 */
#ifndef L2TPSEC_LNSSET_H
#define L2TPSEC_LNSSET_H

#include <stddef.h>
#include <stdint.h>

#define L2TPSEC_LNS_REASON_LEN 96

struct l2tpsec_lns_state {
	int priority;			/* IOS: 1 (first) .. 32767 */
	uint64_t down_until_ms;		/* held down until then (monotonic); 0: never failed */
	char reason[L2TPSEC_LNS_REASON_LEN];	/* why it was last held down */
	uint64_t failures;		/* times it was held down */
	unsigned sessions;		/* the caller's count, for load sharing */
};

/* is s up (never failed, or its hold is over) at now_ms? */
int l2tpsec_lns_up(const struct l2tpsec_lns_state *s, uint64_t now_ms);

/*
 * The LNS a new tunnel goes to: of those up, the lowest priority number, and of equal ones the
 * fewest sessions (then the first listed). None up: the one whose hold ends first (then the
 * lowest priority number), so a LAC keeps trying. -1 only for n == 0.
 */
int l2tpsec_lns_pick(const struct l2tpsec_lns_state *s, size_t n, uint64_t now_ms);

/*
 * Hold s down for hold_s seconds from now_ms because of why. An LNS already held down keeps its
 * first reason and hold (one failure seen twice, as a refusal and then the tunnel's end, is one).
 * Returns 1 when it went down now, 0 when it already was.
 */
int l2tpsec_lns_down(struct l2tpsec_lns_state *s, uint64_t now_ms, unsigned hold_s,
		     const char *why);

/* do two or more LNSes share the lowest priority number of those up (load sharing)? */
int l2tpsec_lns_sharing(const struct l2tpsec_lns_state *s, size_t n, uint64_t now_ms);

/* is any LNS but `except` up at now_ms? */
int l2tpsec_lns_other_up(const struct l2tpsec_lns_state *s, size_t n, size_t except,
			 uint64_t now_ms);

#endif
