/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The SAs charon reported SECURED, keyed by the L2TP peer's address and port, so xl2tpd can ask
 * "is this packet's peer protected?" with one hash lookup per received packet. SECURED events
 * add or refresh an entry (a rekey keeps the id, SECURED comes again with the new SA's facts),
 * CLOSED events remove it.
 */
#ifndef L2TPSEC_SACACHE_H
#define L2TPSEC_SACACHE_H

#include <stddef.h>
#include <stdint.h>

#include "cs_proto.h"

struct l2tpsec_sa {
	uint32_t id;			/* crypto socket id (active < 2^31 ≤ passive) */
	struct cs_endpoint local, remote;
	uint16_t overhead;		/* ESP bytes per packet, for ip pmtu */
	uint32_t reqid;			/* kernel reqid: tunnel sockets' XFRM policies name it */
	uint32_t spi_out;		/* outbound SPI: ...and, outbound, this SA by it */
	char profile[65];		/* the crypto profile it is a clone of */
	struct l2tpsec_sa *next;	/* bucket chain */
};

struct l2tpsec_sacache;

/* an empty cache (NULL when out of memory) */
struct l2tpsec_sacache *l2tpsec_sacache_create(void);
void l2tpsec_sacache_destroy(struct l2tpsec_sacache *cache);

/* record a SECURED: a copy of sa (replaces an entry with its id); 0, or -1 when out of memory */
int l2tpsec_sacache_add(struct l2tpsec_sacache *cache, const struct l2tpsec_sa *sa);

/* forget the SA with this id; 1 with *gone filled (if not NULL) when it was there, else 0 */
int l2tpsec_sacache_remove(struct l2tpsec_sacache *cache, uint32_t id, struct l2tpsec_sa *gone);

/*
 * The SA protecting remote (address and port). local: the packet's destination address when
 * known (port ignored), or NULL. Returns NULL when no SA protects that peer.
 */
const struct l2tpsec_sa *l2tpsec_sacache_find(const struct l2tpsec_sacache *cache,
					      const struct cs_endpoint *remote,
					      const struct cs_endpoint *local);

/* drop every entry (charon went away: none of its SAs can be trusted any more) */
void l2tpsec_sacache_clear(struct l2tpsec_sacache *cache);

size_t l2tpsec_sacache_count(const struct l2tpsec_sacache *cache);

#endif
