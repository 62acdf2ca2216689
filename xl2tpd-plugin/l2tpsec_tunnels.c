/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <arpa/inet.h>

#include "l2tp.h"	/* xl2tpd: tunnels, struct tunnel/lns/lac, call_close, get_lns */
#include "cs_text.h"
#include "l2tpsec_config.h"
#include "l2tpsec_cs.h"
#include "l2tpsec_dial.h"
#include "l2tpsec_tunnels.h"

void l2tpsec_endpoint_from_sin(const struct sockaddr_in *sin, struct cs_endpoint *ep)
{
	memset(ep, 0, sizeof(*ep));
	ep->family = 4;
	memcpy(ep->addr, &sin->sin_addr, 4);
	ep->port = ntohs(sin->sin_port);
}

struct l2tpsec_settings l2tpsec_tunnel_settings(const struct tunnel *t)
{
	struct l2tpsec_settings none = { 0 };

	if (t->lac)
		return l2tpsec_settings_for(t->lac, CONTEXT_LAC);
	if (t->lns)
		return l2tpsec_settings_for(t->lns, CONTEXT_LNS);
	return none;
}

int l2tpsec_tunnel_protected(const struct tunnel *t)
{
	return l2tpsec_tunnel_settings(t).profile != NULL;
}

int l2tpsec_peer_needs_ipsec(const struct sockaddr_in *from, int tunnel_id)
{
	struct tunnel probe;
	struct lns *lns;

	if (tunnel_id) {
		for (struct tunnel *t = tunnels.head; t; t = t->next)
			if (t->ourtid == tunnel_id && t->peer.sin_addr.s_addr == from->sin_addr.s_addr)
				return t->lac || t->lns ? l2tpsec_tunnel_protected(t) :
					l2tpsec_peer_needs_ipsec(from, 0);
		return 1;	/* no such tunnel: xl2tpd would discard it anyway */
	}
	/* an SCCRQ: the [lns] section xl2tpd would pick for this peer decides */
	memset(&probe, 0, sizeof(probe));
	probe.peer = *from;
	lns = get_lns(&probe);
	return lns ? l2tpsec_settings_for(lns, CONTEXT_LNS).profile != NULL : 1;
}

static int same_peer(const struct tunnel *t, const struct cs_endpoint *remote)
{
	struct cs_endpoint ep;

	l2tpsec_endpoint_from_sin(&t->peer, &ep);
	return ep.port == remote->port && !memcmp(ep.addr, remote->addr, 4);
}

void l2tpsec_tunnels_down(const struct cs_endpoint *remote, const char *why)
{
	struct tunnel *t;

again:	/* destroying a tunnel changes the list: start over after each */
	for (t = tunnels.head; t; t = t->next) {
		if (!l2tpsec_tunnel_protected(t) || (remote && !same_peer(t, remote)))
			continue;
		l2tp_log(LOG_NOTICE, "l2tpsec: %s: tunnel %d to %s:%d and its %d call(s) go down "
			 "locally (no StopCCN: it would leave unprotected)\n", why, t->ourtid,
			 IPADDY(t->peer.sin_addr), ntohs(t->peer.sin_port), t->count);
		snprintf(t->self->errormsg, sizeof(t->self->errormsg), "%s", "IPsec SA gone");
		t->self->closing = -1;	/* call_close() then destroys it without sending */
		call_close(t->self);
		goto again;
	}
}

void l2tpsec_tunnel_gone(const struct tunnel *t)
{
	struct l2tpsec_settings s = l2tpsec_tunnel_settings(t);
	struct cs_endpoint remote;
	const struct l2tpsec_sa *sa;
	struct cs_msg m;

	if (!s.profile || !l2tpsec_cs_sas())
		return;
	l2tpsec_endpoint_from_sin(&t->peer, &remote);
	for (struct tunnel *u = tunnels.head; u; u = u->next)
		if (u != t && same_peer(u, &remote))
			return;		/* the SA still carries another tunnel */
	sa = l2tpsec_sacache_find(l2tpsec_cs_sas(), &remote, NULL);
	if (!sa)
		return;
	memset(&m, 0, sizeof(m));
	m.type = CS_CLOSE;
	m.present = 1u << CS_A_ID | 1u << CS_A_KEEP_SA;
	m.id = sa->id;
	m.keep_sa = (uint8_t)s.keep_sa;
	l2tp_log(LOG_INFO, "l2tpsec: last tunnel to %s:%d gone: closing its IPsec SA (id %u, "
		 "keep-sa %s)\n", IPADDY(t->peer.sin_addr), ntohs(t->peer.sin_port), m.id,
		 s.keep_sa ? "yes" : "no");
	/* no L2TP to this peer from now on, whatever charon answers */
	l2tpsec_sacache_remove(l2tpsec_cs_sas(), m.id, NULL);
	l2tpsec_dial_forget(m.id);
	l2tpsec_cs_send(&m);
}
