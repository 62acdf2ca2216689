/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * What an LNS does with a LAC's proxy LCP and authentication (IOS "lcp renegotiation",
 * "force-local-chap", RFC 2661 section 9.5): adopt the LCP the LAC negotiated, renegotiate it
 * with the client from the start, or refuse the call; and, when adopting, how the client is
 * authenticated. No pppd in here: the pppd plugin fills a policy from its settings and acts on
 * the decision, the unit tests drive every rule.
 *
 * Two kinds of finding (docs/proxy-lcp.md lists each one):
 *  - unacceptable: the LNS cannot run the link the LAC agreed (malformed options, an
 *    authentication protocol it does not offer, inconsistent proxy authentication, options it
 *    does not implement). Default mode refuses the call, on-mismatch renegotiates.
 *  - mismatch: the LNS can run it, but not as it would have negotiated itself (MRU). Default
 *    mode adopts, on-mismatch renegotiates.
 */
#ifndef L2TPSEC_PROXY_LCP_H
#define L2TPSEC_PROXY_LCP_H

#include "l2tpsec_names.h"
#include "lcp_conf.h"
#include "proxy_avp.h"

struct proxy_policy {
	enum l2tpsec_lcp mode;		/* IOS lcp renegotiation: off (adopt), always, on-mismatch */
	int proxy_auth;			/* 0: RFC 2661 9.5, a new round of authentication */
	int force_local_chap;		/* IOS: a CHAP challenge from the LNS after proxy auth */
	int auth_required;		/* the LNS's pppd requires the peer to authenticate */
	unsigned auth_allowed;		/* enum lcp_auth bits the LNS's pppd offers */
	uint16_t mru;			/* the largest frame the LNS takes in */
	int multilink;			/* the LNS runs multilink (MRRU, SSNHF, endpoint) */
};

enum proxy_action {
	PROXY_NEGOTIATE,	/* LCP from the start, as if no proxy data had come */
	PROXY_ADOPT,		/* take the LAC's LCP as this link's negotiated state */
	PROXY_REFUSE,		/* end the call: the LAC sees it refused */
};

enum proxy_auth_step {
	PROXY_AUTH_SKIP,	/* nobody authenticates (the LNS does not require it) */
	PROXY_AUTH_VERIFY,	/* check the proxied credentials here, then tell the client */
	PROXY_AUTH_LOCAL,	/* a new round of the adopted protocol, started by the LNS */
};

struct proxy_decision {
	enum proxy_action action;
	enum proxy_auth_step auth;
	struct lcp_conf ours;	/* Last Sent: what the client agreed to give this end */
	struct lcp_conf his;	/* Last Received: what the client asked for itself */
	char why[160];		/* the reason for NEGOTIATE, REFUSE, or a mismatch that was adopted */
};

void proxy_decide(const struct proxy_info *p, const struct proxy_policy *pol,
		  struct proxy_decision *d);

const char *proxy_action_name(enum proxy_action action);
const char *proxy_auth_step_name(enum proxy_auth_step step);

#endif
