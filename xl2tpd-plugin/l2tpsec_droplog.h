/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Counting unprotected L2TP packets that were dropped, and deciding when to say so: at most one
 * log line per peer address per interval, however fast a peer (or a spoofer) sends. The table is
 * fixed in size, so a flood from many addresses costs no memory; a peer pushed out of its slot by
 * another simply gets logged again.
 */
#ifndef L2TPSEC_DROPLOG_H
#define L2TPSEC_DROPLOG_H

#include <stdint.h>
#include <time.h>

#include "cs_proto.h"

#define L2TPSEC_DROPLOG_SLOTS 256

struct l2tpsec_droplog {
	unsigned interval;		/* seconds between two lines about one peer */
	uint64_t total;			/* every drop since start */
	struct {
		struct cs_endpoint peer;	/* address only; port 0 */
		time_t logged;			/* when the last line about it was due */
		uint64_t unlogged;		/* drops since then */
		int used;
	} slot[L2TPSEC_DROPLOG_SLOTS];
};

void l2tpsec_droplog_init(struct l2tpsec_droplog *log, unsigned interval);

/*
 * Count one drop from peer (its port is ignored) at time now. Returns 1 when a line is due, with
 * *count = the drops from this peer the line covers (this one included), else 0.
 */
int l2tpsec_droplog_note(struct l2tpsec_droplog *log, const struct cs_endpoint *peer, time_t now,
			 uint64_t *count);

#endif
