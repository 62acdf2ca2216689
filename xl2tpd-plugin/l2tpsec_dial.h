/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LAC's active open: before xl2tpd sends its first SCCRQ to an LNS of a protected [lac]
 * section, l2tpsec OPENs the tunnel's 5-tuple on the crypto socket and holds the dial until
 * charon reports it SECURED; then xl2tpd dials again and the SCCRQ leaves inside ESP. A dial that
 * is not secured in time (or fails) is abandoned and retried with backoff, and says why.
 */
#ifndef L2TPSEC_DIAL_H
#define L2TPSEC_DIAL_H

#include <stdint.h>
#include <netinet/in.h>

struct lac;

/* May xl2tpd dial lac's LNS at addr:port (host order) now? 0: held, l2tpsec dials it later */
int l2tpsec_dial_may(struct lac *lac, struct in_addr addr, int port);

/* crypto socket events */
void l2tpsec_dial_connected(void);		/* (re)connected: send the held OPENs */
void l2tpsec_dial_lost(void);			/* connection lost: OPENs in flight are void */
void l2tpsec_dial_secured(uint32_t id);
void l2tpsec_dial_failed(uint32_t id, const char *why);
void l2tpsec_dial_forget(uint32_t id);		/* the SA was closed on purpose */

#endif
