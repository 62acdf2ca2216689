/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <string.h>

#include "l2tpsec_droplog.h"

void l2tpsec_droplog_init(struct l2tpsec_droplog *log, unsigned interval)
{
	memset(log, 0, sizeof(*log));
	log->interval = interval;
}

static unsigned slot_of(const struct cs_endpoint *peer, unsigned reason)
{
	unsigned h = 2166136261u ^ reason;

	for (int i = 0; i < (peer->family == 6 ? 16 : 4); i++) {
		h ^= peer->addr[i];
		h *= 16777619u;
	}
	return h % L2TPSEC_DROPLOG_SLOTS;
}

/* a line is due for count drops: within the budget of this interval? */
static int budget(struct l2tpsec_droplog *log, time_t now, uint64_t count)
{
	if (now - log->window >= (time_t)log->interval) {
		log->window = now;
		log->lines = 0;
	}
	if (log->lines >= L2TPSEC_DROPLOG_LINES) {
		log->unlogged += count;
		return 0;
	}
	log->lines++;
	return 1;
}

uint64_t l2tpsec_droplog_unlogged(struct l2tpsec_droplog *log)
{
	uint64_t n = log->unlogged;

	log->unlogged = 0;
	return n;
}

int l2tpsec_droplog_note(struct l2tpsec_droplog *log, const struct cs_endpoint *peer,
			 unsigned reason, time_t now, uint64_t *count)
{
	unsigned i = slot_of(peer, reason);
	struct cs_endpoint addr = *peer;

	addr.port = 0;
	log->total++;
	if (!log->slot[i].used || log->slot[i].reason != reason ||
	    memcmp(&log->slot[i].peer, &addr, sizeof(addr))) {
		/* a new peer or reason (or one that lost its slot): say so now */
		log->slot[i].used = 1;
		log->slot[i].peer = addr;
		log->slot[i].reason = reason;
		log->slot[i].logged = now;
		log->slot[i].unlogged = 0;
		*count = 1;
		return budget(log, now, 1);
	}
	log->slot[i].unlogged++;
	if (now - log->slot[i].logged < (time_t)log->interval)
		return 0;
	*count = log->slot[i].unlogged;
	log->slot[i].logged = now;
	log->slot[i].unlogged = 0;
	return budget(log, now, *count);
}
