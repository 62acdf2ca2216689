/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec.so for pppd: the PPP side of IOS "L2TP Security". On the LNS it takes the LAC's proxy
 * LCP and authentication (lns_proxy.c) as "lcp renegotiation" and "force-local-chap" say, and
 * makes pppd's RADIUS plugin fall back as IOS AAA does (lns_aaa.c); on the LAC it switches users of request-dialin domains into L2TP sessions (lac_dialin.c).
 */

#include "l2tpsec_names.h"
#include "pppd_compat.h"
#include "lns_aaa.h"
#include "lns_proxy.h"
#include "lac_dialin.h"

/* pppd refuses a plugin whose version string differs from its own */
char pppd_version[] = L2TPSEC_PPPD_VERSION;

/* IOS "lcp renegotiation {always|on-mismatch}"; without the command the LNS takes the proxy LCP */
static struct lns_settings lns = { .lcp = L2TPSEC_LCP_OFF };
static bool force_local_chap, no_proxy_auth;

static int set_lcp_renegotiation(char **argv)
{
	if (l2tpsec_lcp_parse(argv[0], &lns.lcp) == 0)
		return 1;
	option_error(L2TPSEC_PPPD_LCP ": '%s' is not one of " L2TPSEC_LCP_CHOICES, argv[0]);
	return 0;
}

static option_t options[] = {
	{ .name = L2TPSEC_PPPD_LCP, .type = o_special,
	  .addr = (void *)set_lcp_renegotiation,
	  .description = "LNS LCP renegotiation: off, always or on-mismatch (IOS lcp renegotiation)",
	  .flags = OPT_PRIV },
	{ .name = L2TPSEC_PPPD_FORCE_LOCAL_CHAP, .type = o_bool, .addr = &force_local_chap,
	  .description = "LNS: challenge with CHAP after proxy authentication (IOS force-local-chap)",
	  .flags = OPT_PRIV | 1 },
	{ .name = L2TPSEC_PPPD_NO_PROXY_AUTH, .type = o_bool, .addr = &no_proxy_auth,
	  .description = "LNS: ignore proxy authentication, authenticate again (RFC 2661 9.5)",
	  .flags = OPT_PRIV | 1 },
	{ .name = NULL }
};

static void on_phase_change(void *arg, int phase)
{
	(void)arg;
	if (phase == PHASE_NETWORK)
		lns_aaa_network();
	if (phase != PHASE_ESTABLISH)
		return;
	lns_aaa_establish();
	info("l2tpsec: LCP starting, lcp renegotiation %s", l2tpsec_lcp_name(lns.lcp));
	lns.force_local_chap = force_local_chap;
	lns.no_proxy_auth = no_proxy_auth;
	lns_proxy_establish(&lns);
	lac_dialin_establish();
}

void plugin_init(void)
{
	add_options(options);
	lac_dialin_options();
	lns_aaa_options();
	l2tpsec_add_phase_notifier(on_phase_change);
	info("l2tpsec plugin %s loaded (pppd %s)", L2TPSEC_VERSION, L2TPSEC_PPPD_VERSION);
}
