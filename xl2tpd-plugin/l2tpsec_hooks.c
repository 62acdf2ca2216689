/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec's logic inside xl2tpd, reached through the hooks in l2tpsec_hooks.h.
 */
#include <syslog.h>

#include "l2tpsec_hooks.h"
#include "l2tpsec_config.h"
#include "l2tp.h"	/* xl2tpd's umbrella header: l2tp_log() and its types */

/* file.c keeps the [lns default]/[lac default] sections outside its lists */
extern struct lns *deflns;
extern struct lac *deflac;

static void log_section(const char *kind, const char *name, const void *item, int context)
{
	struct l2tpsec_settings s = l2tpsec_settings_for(item, context);

	if (!s.profile)
		return;
	l2tp_log(LOG_INFO, "l2tpsec: [%s %s] crypto profile %s, keep-sa %s, ip pmtu %s, "
		 "lcp renegotiation %s\n", kind, name, s.profile, s.keep_sa ? "yes" : "no",
		 s.ip_pmtu ? "yes" : "no", l2tpsec_lcp_names[s.lcp]);
}

void l2tpsec_started(int kernel_data_path)
{
	/* Say which data path runs: enforcement must never push xl2tpd into userspace mode. */
	l2tp_log(LOG_INFO, "l2tpsec %s hooks active, L2TP data path: %s, crypto socket %s\n",
		 L2TPSEC_VERSION, kernel_data_path ? "kernel (pppol2tp)" : "userspace",
		 l2tpsec_socket_path());
	if (deflns)
		log_section("lns", deflns->entname, deflns, CONTEXT_LNS);
	if (deflac)
		log_section("lac", deflac->entname, deflac, CONTEXT_LAC);
	for (struct lns *n = lnslist; n; n = n->next)
		log_section("lns", n->entname, n, CONTEXT_LNS);
	for (struct lac *c = laclist; c; c = c->next)
		log_section("lac", c->entname, c, CONTEXT_LAC);
}
