/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Counting unprotected L2TP packets that were dropped, and deciding when to say so: at most one
 * log line per peer address and reason per interval, however fast a peer (or a spoofer) sends;
 * a peer refused for a new reason (a neighbour's forgery after a benign early packet) is told
 * at once. The table is
 * fixed in size, so a flood from many addresses costs no memory; a peer pushed out of its slot by
 * another simply gets logged again. Spoofed sources cannot flood the log either: at most
 * L2TPSEC_DROPLOG_LINES lines per interval in all; what they would have said is counted.
 */
#ifndef L2TPSEC_DROPLOG_H
#define L2TPSEC_DROPLOG_H

#include <stdint.h>
#include <time.h>

#include "cs_proto.h"

#define L2TPSEC_DROPLOG_SLOTS 256
#define L2TPSEC_DROPLOG_LINES 32

struct l2tpsec_droplog {
	unsigned interval;		/* seconds between two lines about one peer */
	uint64_t total;			/* every drop since start */
	time_t window;			/* start of the current interval for the line budget */
	unsigned lines;			/* lines due in it */
	uint64_t unlogged;		/* drops a line was due for but the budget was spent */
	struct {
		struct cs_endpoint peer;	/* address only; port 0 */
		unsigned reason;		/* the caller's reason code */
		time_t logged;			/* when the last line about it was due */
		uint64_t unlogged;		/* drops since then */
		int used;
	} slot[L2TPSEC_DROPLOG_SLOTS];
};

void l2tpsec_droplog_init(struct l2tpsec_droplog *log, unsigned interval);

/*
 * Count one drop from peer (its port is ignored) for reason at time now. Returns 1 when a line
 * is due, with *count = the drops from this peer for this reason the line covers (this one
 * included), else 0.
 */
int l2tpsec_droplog_note(struct l2tpsec_droplog *log, const struct cs_endpoint *peer,
			 unsigned reason, time_t now, uint64_t *count);

/* the drops that went unlogged for want of budget since the last call (and reset) */
uint64_t l2tpsec_droplog_unlogged(struct l2tpsec_droplog *log);

#endif
