/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LAC's tunnel authorization on RADIUS (IOS: aaa authorization network default group radius,
 * vpdn search-order domain): for a user's domain that no request-dialin group serves, an
 * Access-Request with the domain as User-Name and the tunnel authorization password (IOS's
 * default "cisco"); an Access-Accept's L2TP tunnels (RFC 2868) say which LNSes to dial, in which
 * order, with which tunnel secret and host name. The servers are in the file of
 * l2tpsec-dialin-aaa (0600, not readable by others), one directive a line ('#' starts a comment
 * line):
 *   server ADDRESS PORT SECRET...   (tried in order; the secret is the rest of the line)
 *   timeout SECONDS                  (per try; default 5)
 *   retransmit N                     (tries after the first, per server; default 3)
 *   password WORD                    (IOS vpdn tunnel authorization password; default cisco)
 *   template SECTION                 (the [lac] whose settings the domain's tunnels take)
 *   nas-identifier NAME              (optional)
 *   nas-ip-address A                 (optional: requests from A, as their NAS-IP-Address)
 */
#ifndef L2TPSEC_LAC_AAA_H
#define L2TPSEC_LAC_AAA_H

#include <stddef.h>

#include "radius_tunnel.h"

enum lac_aaa_answer {
	LAC_AAA_TUNNELS,	/* an Access-Accept with usable L2TP tunnels */
	LAC_AAA_NO_TUNNEL,	/* rejected, or accepted without a usable tunnel: why says */
	LAC_AAA_SILENT,		/* no server answered (or none was usable): why says */
};

/* the option's handler: load FILE (all or nothing; why says what is wrong) */
int lac_aaa_load(const char *path, char *why, size_t len);

/* is tunnel authorization on RADIUS configured? */
int lac_aaa_enabled(void);

/* the [lac] section the run-time ones are made from */
const char *lac_aaa_template(void);

/* ask the servers about domain; the reply's tunnels (LAC_AAA_TUNNELS) in out */
enum lac_aaa_answer lac_aaa_lookup(const char *domain, struct radius_reply *out, char *why,
				   size_t len);

/*
 * The switch request's head for out's tunnels (L2TPSEC_SWITCH_DIAL_AAA TEMPLATE DOMAIN, then
 * "lns ADDRESS PRIORITY", "secret ADDRESS HEX", "hostname NAME" lines, then
 * L2TPSEC_SWITCH_END): endpoints resolved to IPv4 addresses, preferences made priorities.
 * Returns its length, -1 (why) when no tunnel has an address or it does not fit.
 */
int lac_aaa_request(const char *domain, const struct radius_reply *r, char *buf, size_t space,
		    char *why, size_t len);

#endif
