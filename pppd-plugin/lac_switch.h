/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LAC's hand-off of a client's PPP into an L2TP session (compulsory tunnelling): ask the
 * patched xl2tpd for a session of one [lac] section on its switch socket, with the proxy data,
 * receive the kernel session it creates, bridge the client's PPP channel into it
 * (PPPIOCBRIDGECHAN: frames then pass in the kernel, this pppd no longer sees them) and tell
 * xl2tpd, which only then sends the ICCN. Then wait until either end goes.
 */
#ifndef L2TPSEC_LAC_SWITCH_H
#define L2TPSEC_LAC_SWITCH_H

#include <stddef.h>

#include "proxy_avp.h"

enum lac_switch_end {
	LAC_SWITCH_FAILED,	/* no session: why says it; the client can still be told */
	LAC_SWITCH_NETWORK,	/* the L2TP session ended (the LNS or xl2tpd) */
	LAC_SWITCH_CLIENT,	/* the client's line went */
	LAC_SWITCH_SIGNAL,	/* pppd was told to terminate */
};

/*
 * head: the request's first lines, "dial LAC\n" or a RADIUS tunnel set (lac_aaa_request).
 * client_fd: the client's PPP channel (pppd's devfd). Blocks for the whole session (pppd does
 * nothing else for this client meanwhile); timeout_s bounds the wait for the session.
 */
enum lac_switch_end lac_switch(const char *head, const struct proxy_info *p, int client_fd,
			       int timeout_s, char *why, size_t len);

#endif
