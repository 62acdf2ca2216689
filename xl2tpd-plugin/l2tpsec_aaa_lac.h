/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Run-time [lac] sections for the tunnels RADIUS names (only from a template that requires IPsec) (RFC 2868, IOS aaa authorization network
 * on a LAC): the LAC's pppd sends a switch request (L2TPSEC_SWITCH_DIAL_AAA TEMPLATE DOMAIN, then
 * "lns ADDRESS PRIORITY", "secret ADDRESS HEX", "hostname NAME" lines up to L2TPSEC_SWITCH_END)
 * and gets a session of a [lac] made from the TEMPLATE section: its settings (crypto profile,
 * keep-sa, busy timeout, …), the LNSes with their priorities (failover and load sharing as for
 * configured ones), Tunnel-Client-Auth-ID as our host name and each LNS's Tunnel-Password as the
 * tunnel secret, which authenticates that LNS (challenge on). The [lac] is named after the first
 * domain it served and kept for the next user of the same tunnels, whatever the domain (one
 * tunnel per LNS, as IOS shares them); an idle one is remade when RADIUS answers otherwise, or
 * reused for other tunnels when L2TPSEC_AAA_LACS are in use.
 */
#ifndef L2TPSEC_AAA_LAC_H
#define L2TPSEC_AAA_LAC_H

#include "l2tp.h"

#define L2TPSEC_AAA_LACS 64

/*
 * The [lac] for the request in msg (its head; *rest: where the proxy data starts), made or
 * reused; NULL with why (for the log and the requester) when the request is malformed, the
 * template is not a [lac] section, or every run-time one is busy.
 */
struct lac *l2tpsec_aaa_lac(char *msg, char **rest, char *why, size_t len);

/* t's tunnel secret when its [lac] is a run-time one with a secret for t's LNS: 1 (secret set) */
int l2tpsec_aaa_secret(const struct tunnel *t, unsigned char *secret, size_t size);

/* is lac a run-time one? */
int l2tpsec_aaa_is_runtime(const struct lac *lac);

/* lac leaves laclist (xl2tpd-control remove-lac): forget it */
void l2tpsec_aaa_forget(const struct lac *lac);

#endif
