/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/random.h>

#include "l2tp.h"	/* xl2tpd: tunnels, struct tunnel/lns/lac, call_close, get_lns, gconfig */
#include "cs_build.h"
#include "l2tpsec_config.h"
#include "l2tpsec_hooks.h"
#include "l2tpsec_groups.h"
#include "l2tpsec_failover.h"
#include "l2tpsec_tunnels.h"

/* file.c keeps [lns default] outside lnslist */
extern struct lns *deflns;

struct l2tpsec_settings l2tpsec_tunnel_settings(const struct tunnel *t)
{
	struct l2tpsec_settings none = { 0 };

	if (t->l2tpsec.sa_id) {
		struct l2tpsec_settings kept = {
			.profile = t->l2tpsec.profile, .keep_sa = t->l2tpsec.keep_sa,
			.ip_pmtu = t->l2tpsec.ip_pmtu, .lcp = (enum l2tpsec_lcp)t->l2tpsec.lcp,
		};

		return kept;
	}
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

void l2tpsec_tunnel_bind(struct tunnel *t, uint32_t sa_id)
{
	struct l2tpsec_settings s = l2tpsec_tunnel_settings(t);

	if (!s.profile || t->l2tpsec.sa_id == sa_id)
		return;
	if (!t->l2tpsec.sa_id) {
		snprintf(t->l2tpsec.profile, sizeof(t->l2tpsec.profile), "%s", s.profile);
		t->l2tpsec.keep_sa = (uint8_t)s.keep_sa;
		t->l2tpsec.ip_pmtu = (uint8_t)s.ip_pmtu;
		t->l2tpsec.lcp = (uint8_t)s.lcp;
	}
	t->l2tpsec.sa_id = sa_id;
}

uint32_t l2tpsec_tunnel_sa_id(const struct tunnel *t)
{
	return t->l2tpsec.sa_id;
}

int l2tpsec_tunnel_id(const struct tunnel *t)
{
	return t->ourtid;
}

void l2tpsec_tunnel_socket_bound(struct tunnel *t)
{
	t->l2tpsec.socket_bound = 1;
}

int l2tpsec_tunnel_has_socket(const struct tunnel *t)
{
	return t->l2tpsec.socket_bound && t->udp_fd >= 0;
}

int l2tpsec_tunnel_new_socket(const struct tunnel *t, const struct cs_endpoint *local)
{
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(gconfig.port) };
	int fd, on = 1;

	(void)t;
	if (local->family != 4)
		return -EAFNOSUPPORT;	/* xl2tpd is IPv4 only */
	memcpy(&me.sin_addr, local->addr, 4);
	/* no close-on-exec: in the kernel data path pppd keeps its tunnel's socket */
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	/* the listening socket holds the port too; as xl2tpd's own kernel tunnel sockets do */
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    bind(fd, (struct sockaddr *)&me, sizeof(me))) {
		int e = errno;

		close(fd);
		return -e;
	}
	return fd;
}

int l2tpsec_tunnel_use_socket(struct tunnel *t, int fd)
{
	if (connect(fd, (const struct sockaddr *)&t->peer, sizeof(t->peer)))
		return -errno;
	t->udp_fd = fd;
	return 0;
}

void l2tpsec_tunnel_socket_failed(struct tunnel *t, int fd)
{
	if (fd >= 0 && fd != t->udp_fd)
		close(fd);
	t->l2tpsec.socket_failed = 1;
}

int l2tpsec_tunnel_socket_broken(const struct tunnel *t)
{
	return t->l2tpsec.socket_failed;
}

void l2tpsec_tunnel_close_soon(struct tunnel *t, const char *why)
{
	set_error(t->self, VENDOR_ERROR, "%s", why);
	t->self->needclose = -1;	/* network_thread() closes it before its next wait */
}

int l2tpsec_every_section_protected(void)
{
	for (struct lns *n = lnslist; n; n = n->next)
		if (!l2tpsec_settings_for(n, CONTEXT_LNS).profile)
			return 0;
	for (struct lac *c = laclist; c; c = c->next)
		if (!l2tpsec_settings_for(c, CONTEXT_LAC).profile)
			return 0;
	return 1;
}

int l2tpsec_lac_exists(const struct lac *lac)
{
	for (struct lac *l = laclist; l; l = l->next)
		if (l == lac)
			return 1;
	return 0;
}

struct lac *l2tpsec_lac_named(const char *name)
{
	for (struct lac *lac = laclist; lac; lac = lac->next)
		if (!strcasecmp(lac->entname, name))
			return lac;
	return NULL;
}

int l2tpsec_lac_protected(const struct lac *lac)
{
	return l2tpsec_settings_for(lac, CONTEXT_LAC).profile != NULL;
}

void l2tpsec_tunnel_peer(const struct tunnel *t, struct cs_endpoint *ep)
{
	cs_endpoint_from_sin(ep, &t->peer);
}

int l2tpsec_tunnel_shares_peer(const struct tunnel *t)
{
	for (struct tunnel *u = tunnels.head; u; u = u->next)
		if (u != t && u->peer.sin_addr.s_addr == t->peer.sin_addr.s_addr &&
		    u->peer.sin_port == t->peer.sin_port)
			return 1;
	return 0;
}

int l2tpsec_unique_tunnel_id(int id)
{
	for (;;) {
		const struct tunnel *t = tunnels.head;
		uint16_t r;

		while (t && t->ourtid != id)
			t = t->next;
		if (id > 0 && id <= 0xffff && !t)
			return id;
		if (getrandom(&r, sizeof(r), 0) != sizeof(r))
			r = (uint16_t)random();
		id = r;
	}
}

int l2tpsec_tunnel_repeats(const struct tunnel *t)
{
	if (!t->lns || t->tid <= 0)
		return 0;
	for (const struct tunnel *u = tunnels.head; u; u = u->next)
		if (u != t && u->lns && u->tid == t->tid && l2tpsec_tunnel_has_socket(u) &&
		    !u->l2tpsec.superseded && !u->self->closing && !u->self->needclose &&
		    u->peer.sin_addr.s_addr == t->peer.sin_addr.s_addr &&
		    u->peer.sin_port == t->peer.sin_port)
			return u->ourtid;
	return 0;
}

/* do lns's "lac =" ranges admit `from`? (xl2tpd's get_lns() rule: the last range that
 * holds the address decides) */
static int lns_admits(const struct lns *lns, const struct sockaddr_in *from)
{
	uint32_t addr = ntohl(from->sin_addr.s_addr);
	int allow = 0;

	for (const struct iprange *r = lns->lacs; r; r = r->next)
		if (addr >= ntohl(r->start) && addr <= ntohl(r->end))
			allow = r->sense;
	return allow;
}

/* the sections an SCCRQ from `from` may reach, in xl2tpd's order: visit(lns, settings) for
 * each; a non-zero return stops the walk and is returned */
static int admitting_sections(const struct sockaddr_in *from,
			      int (*visit)(struct lns *lns, const struct l2tpsec_settings *s,
					   void *ctx), void *ctx)
{
	struct lns *order[2] = { lnslist, deflns };
	struct l2tpsec_settings s;
	int r;

	for (int i = 0; i < 2; i++)
		for (struct lns *lns = order[i]; lns; lns = i ? NULL : lns->next) {
			/* get_lns(): without "access control", [lns default] takes anyone */
			if (!lns_admits(lns, from) && (i == 0 || gconfig.accesscontrol))
				continue;
			s = l2tpsec_settings_for(lns, CONTEXT_LNS);
			r = visit(lns, &s, ctx);
			if (r)
				return r;
		}
	return 0;
}

struct best_group {
	const char *sa_profile, *host_name;
	enum l2tpsec_group_fit fit;
	struct lns *lns;
};

static int consider(struct lns *lns, const struct l2tpsec_settings *s, void *ctx)
{
	struct best_group *b = ctx;
	enum l2tpsec_group_fit fit = l2tpsec_group_fit(s->profile, s->terminate_from,
						       b->sa_profile, b->host_name);

	if (fit > b->fit) {
		b->fit = fit;
		b->lns = lns;
	}
	return fit == L2TPSEC_FIT_NAMED;	/* nothing beats the first by name */
}

struct lns *l2tpsec_sccrq_lns(const struct sockaddr_in *from, const char *sa_profile,
			      const char *host_name)
{
	struct best_group b = { sa_profile, host_name, L2TPSEC_FIT_NONE, NULL };

	admitting_sections(from, consider, &b);
	return b.lns;
}

static int unprotected(struct lns *lns, const struct l2tpsec_settings *s, void *ctx)
{
	(void)lns;
	(void)ctx;
	return !s->profile;
}

int l2tpsec_plain_group_admits(const struct sockaddr_in *from)
{
	return admitting_sections(from, unprotected, NULL);
}

int l2tpsec_peer_needs_ipsec(const struct sockaddr_in *from, int tunnel_id)
{
	for (struct tunnel *t = tunnels.head; t; t = t->next)
		if (t->ourtid == tunnel_id && t->peer.sin_addr.s_addr == from->sin_addr.s_addr)
			return t->lac || t->lns ? l2tpsec_tunnel_protected(t) :
				!l2tpsec_sccrq_lns(from, NULL, t->hostname[0] ? t->hostname : NULL);
	return 1;	/* no such tunnel: xl2tpd would discard it anyway */
}

int l2tpsec_lns_profiles(int (*listen)(const char *profile, const struct cs_endpoint *local))
{
	struct cs_endpoint local;
	struct in_addr addr = { .s_addr = gconfig.listenaddr };
	const char *done[64];
	size_t ndone = 0;
	int r;

	cs_endpoint_v4(&local, addr, (uint16_t)gconfig.port);
	for (struct lns *lns = deflns ? deflns : lnslist; lns;
	     lns = lns == deflns ? lnslist : lns->next) {
		struct l2tpsec_settings s = l2tpsec_settings_for(lns, CONTEXT_LNS);
		size_t i;

		if (!s.profile)
			continue;
		for (i = 0; i < ndone && strcmp(done[i], s.profile); i++)
			;
		if (i < ndone)
			continue;
		if (ndone < sizeof(done) / sizeof(done[0]))
			done[ndone++] = s.profile;
		r = listen(s.profile, &local);
		if (r)
			return r;
	}
	return 0;
}

static int same_peer(const struct tunnel *t, const struct cs_endpoint *remote)
{
	struct cs_endpoint ep;

	cs_endpoint_from_sin(&ep, &t->peer);
	return cs_endpoint_equal(&ep, remote);
}

/* did the SA sa_id to remote carry t? (its binding says; an unbound tunnel: by its peer) */
static int carried_by(const struct tunnel *t, const struct cs_endpoint *remote, uint32_t sa_id)
{
	if (!remote)
		return 1;
	return t->l2tpsec.sa_id ? t->l2tpsec.sa_id == sa_id : same_peer(t, remote);
}

void l2tpsec_tunnels_with_socket(uint32_t sa_id, void (*fn)(struct tunnel *t, int fd, void *ctx),
				 void *ctx)
{
	for (struct tunnel *t = tunnels.head; t; t = t->next)
		if (t->l2tpsec.sa_id == sa_id && l2tpsec_tunnel_has_socket(t))
			fn(t, t->udp_fd, ctx);
}

/* take t down locally: its calls and itself, no StopCCN (it would leave unprotected, or reach
 * a peer that no longer knows the tunnel) */
static void down_locally(struct tunnel *t, const char *why)
{
	l2tp_log(LOG_NOTICE, "l2tpsec: %s: tunnel %d to %s:%d and its %d call(s) go down "
		 "locally (no StopCCN: it would leave unprotected)\n", why, t->ourtid,
		 IPADDY(t->peer.sin_addr), ntohs(t->peer.sin_port), t->count);
	snprintf(t->self->errormsg, sizeof(t->self->errormsg), "%s", "IPsec SA gone");
	t->self->closing = -1;	/* call_close() then destroys it without sending */
	call_close(t->self);
}

int l2tpsec_tunnels_mark_superseded(const struct tunnel *t)
{
	int n = 0;

	if (!t->lns)
		return 0;	/* a LAC's tunnels to one LNS are its own doing */
	for (struct tunnel *u = tunnels.head; u; u = u->next) {
		if (u == t || !u->lns || u->peer.sin_addr.s_addr != t->peer.sin_addr.s_addr ||
		    u->peer.sin_port != t->peer.sin_port || !l2tpsec_tunnel_has_socket(u) ||
		    u->l2tpsec.superseded)
			continue;
		l2tp_log(LOG_NOTICE, "l2tpsec: tunnel %d to %s:%d is superseded by tunnel %d from the "
			 "same address and port (the peer started over)\n", u->ourtid,
			 IPADDY(u->peer.sin_addr), ntohs(u->peer.sin_port), t->ourtid);
		u->l2tpsec.superseded = 1;
		n++;
	}
	return n;
}

void l2tpsec_tunnels_down_superseded(void)
{
	struct tunnel *t;

again:	/* destroying a tunnel changes the list: start over after each */
	for (t = tunnels.head; t; t = t->next) {
		if (!t->l2tpsec.superseded)
			continue;
		down_locally(t, "superseded by a new tunnel of its peer");
		goto again;
	}
}

void l2tpsec_tunnels_down(const struct cs_endpoint *remote, uint32_t sa_id, const char *why)
{
	struct tunnel *t;

	if (remote)	/* an LNS's SA lost (not our own charon): a LAC passes it over for a while */
		l2tpsec_failover_sa_lost(remote, why);

again:	/* destroying a tunnel changes the list: start over after each */
	for (t = tunnels.head; t; t = t->next) {
		if (!l2tpsec_tunnel_protected(t) || !carried_by(t, remote, sa_id))
			continue;
		down_locally(t, why);
		goto again;
	}
}
