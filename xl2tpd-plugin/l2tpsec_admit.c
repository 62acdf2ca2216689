/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <syslog.h>
#include <arpa/inet.h>

#include "l2tp.h"	/* xl2tpd's umbrella header: tunnels, calls, l2tp_log() */
#include "l2tpsec_admit.h"
#include "l2tpsec_config.h"
#include "l2tpsec_hooks.h"
#include "l2tpsec_limits.h"

unsigned l2tpsec_sessions(const void *section, const struct call *except)
{
	unsigned n = 0;

	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		if (section && (const void *)t->lns != section && (const void *)t->lac != section)
			continue;
		for (struct call *c = t->call_head; c; c = c->next)
			if (c != except && !c->closing && !c->needclose)
				n++;
	}
	return n;
}

int l2tpsec_call_admitted(struct tunnel *t, struct call *c)
{
	const void *section = t->lns ? (const void *)t->lns : (const void *)t->lac;
	int context = t->lns ? CONTEXT_LNS : CONTEXT_LAC;
	struct l2tpsec_settings s;
	char why[sizeof(c->errormsg)];

	if (!section)
		return 1;
	s = l2tpsec_settings_for(section, context);
	if (!s.session_limit && !l2tpsec_global_session_limit())
		return 1;
	if (l2tpsec_limit_admit(t->lns ? t->lns->entname : t->lac->entname,
				l2tpsec_sessions(section, c), s.session_limit,
				l2tpsec_sessions(NULL, c), l2tpsec_global_session_limit(),
				why, sizeof(why)) == L2TPSEC_LIMIT_NONE)
		return 1;
	l2tp_log(LOG_WARNING, "l2tpsec: [%s %s] call %d from %s (tunnel %d) refused: %s (CDN "
		 "result code %d)\n", t->lns ? "lns" : "lac",
		 t->lns ? t->lns->entname : t->lac->entname, c->cid, IPADDY(t->peer.sin_addr),
		 t->ourtid, why, L2TPSEC_CDN_NO_RESOURCES);
	/* call_close() sends the CDN with these */
	c->result = L2TPSEC_CDN_NO_RESOURCES;
	c->error = 0;
	snprintf(c->errormsg, sizeof(c->errormsg), "%s", why);
	c->needclose = -1;
	return 0;
}

int l2tpsec_admit_switched(const struct lac *lac, unsigned waiting, unsigned waiting_all,
			   char *why, size_t len)
{
	struct l2tpsec_settings s = l2tpsec_settings_for(lac, CONTEXT_LAC);

	if (!s.session_limit && !l2tpsec_global_session_limit())
		return 0;
	if (l2tpsec_limit_admit(lac->entname, l2tpsec_sessions(lac, NULL) + waiting,
				s.session_limit, l2tpsec_sessions(NULL, NULL) + waiting_all,
				l2tpsec_global_session_limit(), why, len) == L2TPSEC_LIMIT_NONE)
		return 0;
	l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] switched session refused: %s\n", lac->entname,
		 why);
	return -1;
}
