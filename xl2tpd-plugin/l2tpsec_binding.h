/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * What l2tpsec keeps inside each of xl2tpd's tunnels (one member of struct tunnel, zeroed by
 * its calloc): the SA the tunnel is bound to and its section's settings as they were then. A
 * bound tunnel stays protected when its section goes (xl2tpd-control remove-lac clears t->lac):
 * its packets are still checked and its SA is still closed when it ends.
 */
#ifndef L2TPSEC_BINDING_H
#define L2TPSEC_BINDING_H

#include <stdint.h>

struct l2tpsec_binding {
	uint32_t sa_id;		/* crypto socket id of the SA carrying the tunnel; 0: not bound */
	uint8_t keep_sa, ip_pmtu, lcp;
	uint8_t socket_bound;	/* the tunnel's own socket holds per-socket XFRM policies */
	uint8_t socket_failed;	/* ...could not be made: the tunnel sends nothing */
	uint64_t since_ms;	/* l2tpsec_now_ms() when xl2tpd made the tunnel (show vpdn) */
	uint8_t superseded;	/* its peer started a new tunnel from the same address and port */
	int8_t outer_df;	/* IP_MTU_DISCOVER last set on that socket + 1; 0: not yet */
	char profile[65];	/* the section's crypto profile when the tunnel was bound */
};

#endif
