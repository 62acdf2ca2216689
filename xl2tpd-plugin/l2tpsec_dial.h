/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LAC's active open: before xl2tpd sends its first SCCRQ to an LNS of a protected [lac]
 * section, l2tpsec OPENs the tunnel's 5-tuple on the crypto socket and holds the dial until
 * charon reports it SECURED; then xl2tpd dials again and the SCCRQ leaves inside ESP. A dial that
 * is not secured in time (or fails) is abandoned and retried with backoff — at once on the next
 * LNS when its [lac] has another one up (l2tpsec_failover.h) — and says why.
 */
#ifndef L2TPSEC_DIAL_H
#define L2TPSEC_DIAL_H

#include <stdint.h>
#include <netinet/in.h>

#include "cs_proto.h"

struct lac;

/* hold lac's dial to its LNS at remote until SECURED: OPEN now (or once charon is there) */
void l2tpsec_dial_request(struct lac *lac, const struct cs_endpoint *remote);

/* crypto socket events */
void l2tpsec_dial_connected(void);		/* (re)connected: send the held OPENs */
void l2tpsec_dial_lost(void);			/* connection lost: OPENs in flight are void */
/* 1: the held dial goes now; -1: nobody wants it any more (CLOSE sent); 0: not a dial's */
int l2tpsec_dial_secured(uint32_t id);
void l2tpsec_dial_failed(uint32_t id, const char *why);
void l2tpsec_dial_forget(uint32_t id);		/* the SA was closed on purpose */

#endif
