/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Proxy authentication on the LNS: the LAC's proxied PAP or CHAP credentials are checked with
 * pppd's own machinery (pap-secrets/chap-secrets through get_secret and check_passwd, pppd's
 * CHAP digests, a plugin's verify hook such as RADIUS), and the client, who answered the LAC
 * and still waits, gets the Success or Failure (with the proxied ID) from the LNS.
 */
#ifndef L2TPSEC_LNS_AUTH_H
#define L2TPSEC_LNS_AUTH_H

#include "lcp_conf.h"
#include "proxy_avp.h"

/* check the proxied credentials for protocol auth (PAP, CHAP-MD5, MS-CHAP); 1 accepted, 0 not */
int lns_auth_check(const struct proxy_info *p, enum lcp_auth auth, char *msg, int msglen);

/* the client's answer to the authentication it did with the LAC: Success/Ack or Failure/Nak */
void lns_auth_tell_client(const struct proxy_info *p, enum lcp_auth auth, int ok,
			  const char *msg);

#endif
