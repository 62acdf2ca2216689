/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LNS's use of a LAC's proxy LCP and authentication inside pppd (docs/proxy-lcp.md). pppd
 * has no LCP hook, so when the decision is to adopt, LCP is made silent before it starts (no
 * CONFREQ goes out), and on the next turn of pppd's loop the LAC's options are written into
 * lcp_gotoptions/lcp_hisoptions, the FSM is put in Opened and LCP's own "up" runs: MTU, ACCM,
 * echoes and pppd's authentication phase, exactly as after a negotiation.
 */
#ifndef L2TPSEC_LNS_PROXY_H
#define L2TPSEC_LNS_PROXY_H

#include "l2tpsec_names.h"

struct lns_settings {
	enum l2tpsec_lcp lcp;		/* IOS lcp renegotiation */
	int force_local_chap;		/* IOS force-local-chap */
	int no_proxy_auth;		/* RFC 2661 9.5: proxy authentication turned off */
};

/* LCP is about to start (PHASE_ESTABLISH, before pppd's first CONFREQ) */
void lns_proxy_establish(const struct lns_settings *s);

#endif
