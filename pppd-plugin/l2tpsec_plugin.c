/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec.so for pppd: the PPP side of IOS "L2TP Security". This first part registers the
 * plugin's options and reports the settings pppd will run with once LCP starts.
 */

#include "l2tpsec_names.h"
#include "pppd_compat.h"

/* pppd refuses a plugin whose version string differs from its own */
char pppd_version[] = L2TPSEC_PPPD_VERSION;

/* IOS "lcp renegotiation {always|on-mismatch}"; without the command the LNS takes the proxy LCP */
static enum l2tpsec_lcp lcp_renegotiation = L2TPSEC_LCP_OFF;

static int set_lcp_renegotiation(char **argv)
{
	if (l2tpsec_lcp_parse(argv[0], &lcp_renegotiation) == 0)
		return 1;
	option_error(L2TPSEC_PPPD_LCP ": '%s' is not one of " L2TPSEC_LCP_CHOICES, argv[0]);
	return 0;
}

static option_t options[] = {
	{ .name = L2TPSEC_PPPD_LCP, .type = o_special,
	  .addr = (void *)set_lcp_renegotiation,
	  .description = "LNS LCP renegotiation: off, always or on-mismatch (IOS lcp renegotiation)",
	  .flags = OPT_PRIV },
	{ .name = NULL }
};

static void on_phase_change(void *arg, int phase)
{
	(void)arg;
	if (phase == PHASE_ESTABLISH)
		info("l2tpsec: LCP starting, lcp renegotiation %s",
		     l2tpsec_lcp_name(lcp_renegotiation));
}

void plugin_init(void)
{
	add_options(options);
	l2tpsec_add_phase_notifier(on_phase_change);
	info("l2tpsec plugin %s loaded (pppd %s)", L2TPSEC_VERSION, L2TPSEC_PPPD_VERSION);
}
