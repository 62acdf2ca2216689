/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <arpa/inet.h>

#include "l2tp.h"	/* xl2tpd: struct lac/host/tunnel, laclist, tunnels, magic_lac_dial */
#include "cs_build.h"
#include "vpdn_view.h"
#include "l2tpsec_config.h"
#include "l2tpsec_failover.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_lnsset.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"

/* one [lac]'s LNSes: host[i] (in lac->lns, as long as the [lac] lives) has state st[i] */
struct lac_lnses {
	struct lac *lac;		/* forgotten before "remove-lac" frees it (patch 0018) */
	size_t n;
	struct host **host;
	struct in_addr *addr;		/* as last resolved; 0 before */
	struct l2tpsec_lns_state *st;
	unsigned *tunnels;
	size_t current;			/* where the tunnel being set up goes */
	struct l2tpsec_timer redial;
	struct lac_lnses *next;
};

static struct lac_lnses *all;

static void forget(struct lac_lnses *s)
{
	for (struct lac_lnses **p = &all; *p; p = &(*p)->next)
		if (*p == s) {
			*p = s->next;
			break;
		}
	l2tpsec_timer_cancel(&s->redial);
	free(s->host);
	free(s->addr);
	free(s->st);
	free(s->tunnels);
	free(s);
}

static size_t count_lns(const struct lac *lac)
{
	size_t n = 0;

	for (const struct host *h = lac->lns; h; h = h->next)
		n++;
	return n;
}

/* lac's set, made at its first use when it has several lns entries; NULL otherwise */
static struct lac_lnses *set_of(struct lac *lac)
{
	struct lac_lnses *s;
	size_t n, i = 0;

	for (s = all; s; s = s->next)
		if (s->lac == lac)
			return s;
	n = count_lns(lac);
	if (n < 2)
		return NULL;
	s = calloc(1, sizeof(*s));
	if (s) {
		s->host = calloc(n, sizeof(*s->host));
		s->addr = calloc(n, sizeof(*s->addr));
		s->st = calloc(n, sizeof(*s->st));
		s->tunnels = calloc(n, sizeof(*s->tunnels));
	}
	if (!s || !s->host || !s->addr || !s->st || !s->tunnels) {
		if (s)
			forget(s);
		l2tp_log(LOG_ERR, "l2tpsec: out of memory: [lac %s] uses its first lns only\n",
			 lac->entname);
		return NULL;
	}
	s->lac = lac;
	s->n = n;
	for (struct host *h = lac->lns; h; h = h->next, i++) {
		s->host[i] = h;
		s->st[i].priority = l2tpsec_lns_priority(lac, h->hostname);
	}
	s->next = all;
	all = s;
	return s;
}

/* LNS i's address now (host names are looked up as xl2tpd's l2tp_call() does) */
static int resolve(struct lac_lnses *s, size_t i)
{
	struct hostent *hp;

	if (inet_aton(s->host[i]->hostname, &s->addr[i]))
		return 0;
	hp = gethostbyname(s->host[i]->hostname);
	if (!hp || hp->h_addrtype != AF_INET)
		return -1;
	memcpy(&s->addr[i], hp->h_addr, sizeof(s->addr[i]));
	return 0;
}

/* the LNS of s at addr, or -1 */
static int at(const struct lac_lnses *s, struct in_addr addr)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->addr[i].s_addr && s->addr[i].s_addr == addr.s_addr)
			return (int)i;
	return -1;
}

/* each LNS's tunnels and sessions of this [lac] now */
static void count(struct lac_lnses *s)
{
	int i;

	for (size_t k = 0; k < s->n; k++)
		s->st[k].sessions = s->tunnels[k] = 0;
	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		if (t->lac != s->lac || (i = at(s, t->peer.sin_addr)) < 0)
			continue;
		s->tunnels[i]++;
		s->st[i].sessions += (unsigned)(t->count > 0 ? t->count : 0);
	}
}

/* the LNS a new tunnel goes to now: s->current */
static size_t pick(struct lac_lnses *s)
{
	for (size_t i = 0; i < s->n; i++)
		resolve(s, i);
	count(s);
	s->current = (size_t)l2tpsec_lns_pick(s->st, s->n, l2tpsec_now_ms());
	return s->current;
}

/* hold LNS i of s down (why); 1 when another LNS of s is up */
static int hold_down(struct lac_lnses *s, size_t i, const char *why)
{
	uint64_t now = l2tpsec_now_ms();
	unsigned hold = (unsigned)l2tpsec_settings_for(s->lac, CONTEXT_LAC).busy_timeout;

	if (l2tpsec_lns_down(&s->st[i], now, hold, why))
		l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] LNS %s down for %u s: %s\n",
			 s->lac->entname, s->host[i]->hostname, hold, why);
	return l2tpsec_lns_other_up(s->st, s->n, i, now);
}

static int is_lns_of(const void *item, const char *host)
{
	for (const struct host *h = ((const struct lac *)item)->lns; h; h = h->next)
		if (!strcasecmp(h->hostname, host))
			return 1;
	return 0;
}

void l2tpsec_failover_started(void)
{
	char order[256];
	const char *stray;
	size_t used;

	for (struct lac *lac = laclist; lac; lac = lac->next) {
		stray = l2tpsec_stray_lns_priority(lac, is_lns_of);
		if (stray)
			l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] " L2TPSEC_XL2TPD_LNS_PRIORITY " for %s, "
				 "which is none of its lns entries: ignored\n", lac->entname, stray);
		if (count_lns(lac) < 2)
			continue;
		used = 0;
		order[0] = '\0';
		for (const struct host *h = lac->lns; h && used < sizeof(order); h = h->next)
			used += (size_t)snprintf(order + used, sizeof(order) - used, "%s%s priority %d",
						 used ? ", " : "", h->hostname,
						 l2tpsec_lns_priority(lac, h->hostname));
		l2tp_log(LOG_INFO, "l2tpsec: [lac %s] LNSes %s; one that fails is passed over for "
			 "%d s\n", lac->entname, order,
			 l2tpsec_settings_for(lac, CONTEXT_LAC).busy_timeout);
	}
}

struct host *l2tpsec_failover_lns(struct lac *lac)
{
	struct lac_lnses *s = set_of(lac);
	struct cs_endpoint remote;
	size_t was;

	if (!s)
		return NULL;
	/* an SA secured for the LNS picked at the dial belongs to this tunnel */
	cs_endpoint_v4(&remote, s->addr[s->current], (uint16_t)s->host[s->current]->port);
	count(s);
	if (s->addr[s->current].s_addr && !s->tunnels[s->current] && l2tpsec_guard_sa(&remote))
		return s->host[s->current];
	was = s->current;
	pick(s);
	if (s->current != was || !l2tpsec_lns_up(&s->st[s->current], l2tpsec_now_ms()))
		l2tp_log(LOG_INFO, "l2tpsec: [lac %s] new tunnel to LNS %s (priority %d%s)\n",
			 lac->entname, s->host[s->current]->hostname, s->st[s->current].priority,
			 l2tpsec_lns_up(&s->st[s->current], l2tpsec_now_ms()) ? "" :
			 ", every LNS down: the first back");
	return s->host[s->current];
}

static int usable(const struct tunnel *t)
{
	return t->state == SCCCN && t->self && !t->self->closing && !t->self->needclose;
}

/* the next call goes to LNS best: lac->t becomes the [lac]'s usable tunnel there, or NULL (a new
 * tunnel to it); the tunnel lac->t was keeps its sessions */
static void move_to(struct lac_lnses *s, struct lac *lac, size_t best)
{
	for (struct tunnel *t = tunnels.head; t; t = t->next)
		if (t->lac == lac && usable(t) && at(s, t->peer.sin_addr) == (int)best) {
			lac->t = t;
			return;
		}
	lac->t = NULL;
}

void l2tpsec_failover_pick_tunnel(struct lac *lac)
{
	struct lac_lnses *s = set_of(lac);
	uint64_t now = l2tpsec_now_ms();
	size_t best;
	int cur;

	if (!s || (lac->t && !usable(lac->t)))
		return;		/* one LNS; or the tunnel being set up takes the call */
	if (!l2tpsec_lns_sharing(s->st, s->n, now)) {
		/* failover: the current tunnel's LNS held down (it refused a call: busy) while
		 * another is up: new calls go there; its tunnel keeps the calls it has */
		cur = lac->t ? at(s, lac->t->peer.sin_addr) : -1;
		if (cur < 0 || l2tpsec_lns_up(&s->st[cur], now))
			return;
		best = pick(s);
		if (!l2tpsec_lns_up(&s->st[best], now))
			return;
		l2tp_log(LOG_INFO, "l2tpsec: [lac %s] LNS %s is held down: new sessions go to LNS "
			 "%s\n", lac->entname, s->host[cur]->hostname, s->host[best]->hostname);
		move_to(s, lac, best);
		return;
	}
	best = pick(s);
	cur = lac->t ? at(s, lac->t->peer.sin_addr) : -1;
	if (cur >= 0 && ((size_t)cur == best || s->st[cur].sessions <= s->st[best].sessions))
		return;
	for (struct tunnel *t = tunnels.head; t; t = t->next)
		if (t->lac == lac && usable(t) && at(s, t->peer.sin_addr) == (int)best) {
			lac->t = t;
			return;
		}
	/* a tunnel to that LNS for this session; the other tunnels keep theirs */
	if (lac->t)
		l2tp_log(LOG_INFO, "l2tpsec: [lac %s] load sharing: LNS %s has fewer sessions (%u): "
			 "a tunnel to it for the next one\n", lac->entname, s->host[best]->hostname,
			 s->st[best].sessions);
	lac->t = NULL;
}

int l2tpsec_failover_is_current(const struct tunnel *t)
{
	return t->lac->t == t;
}

void l2tpsec_failover_lac_closing(struct lac *lac, int detach)
{
	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		if (t->lac != lac || t == lac->t || !t->self)
			continue;
		if (!t->self->closing) {
			l2tp_log(LOG_INFO, "Disconnecting from %s, Local: %d, Remote: %d\n",
				 IPADDY(t->peer.sin_addr), t->ourtid, t->tid);
			t->self->needclose = -1;
			snprintf(t->self->errormsg, sizeof(t->self->errormsg), "%s", "Goodbye!");
			call_close(t->self);
		}
		if (!detach)
			continue;
		/* freed next: nothing may point at the [lac] any more */
		t->lac = NULL;
		t->self->lac = NULL;
		for (struct call *c = t->call_head; c; c = c->next)
			c->lac = NULL;
	}
}

/* the timer: dial lac again now, in place of xl2tpd's redial timeout */
static void redial_now(void *arg)
{
	struct lac_lnses *s = arg;
	struct lac *lac = s->lac;

	if (!l2tpsec_lac_exists(lac) || !lac->active || lac->t)
		return;
	if (lac->rsched) {
		deschedule(lac->rsched);
		lac->rsched = NULL;
	}
	magic_lac_dial(lac);
}

void l2tpsec_failover_tunnel_gone(const struct tunnel *t)
{
	struct lac_lnses *s;
	char why[L2TPSEC_LNS_REASON_LEN] = "";
	uint64_t now = l2tpsec_now_ms();
	int i;

	if (!t->lac || !(s = set_of(t->lac)) || (i = at(s, t->peer.sin_addr)) < 0)
		return;
	if (t->self && !strcmp(t->self->errormsg, "Timeout"))
		snprintf(why, sizeof(why), "%s", t->state == SCCCN ? "stopped answering" :
			 "no answer to the SCCRQ");
	else if (t->state != SCCCN && t->self && t->self->result >= 0)
		/* its StopCCN, or ours (a failed tunnel authentication): its result code says */
		snprintf(why, sizeof(why), "tunnel refused (StopCCN result %d%s%.60s)",
			 t->self->result, t->self->errormsg[0] ? ": " : "", t->self->errormsg);
	else if (t->state != SCCCN)
		snprintf(why, sizeof(why), "tunnel not established");
	if (why[0])
		hold_down(s, (size_t)i, why);
	/* held down (now, or when its SA went): the next LNS at once, not after xl2tpd's redial
	 * timeout; an established tunnel closed in order is redialled as xl2tpd does */
	if (!l2tpsec_lns_up(&s->st[i], now) && l2tpsec_lns_other_up(s->st, s->n, (size_t)i, now) &&
	    t->lac->active && t->lac->redial)
		l2tpsec_timer_arm(&s->redial, now, 0, redial_now, s);
}

int l2tpsec_failover_busy(const struct tunnel *t, const char *why)
{
	struct lac_lnses *s = t->lac ? set_of(t->lac) : NULL;
	int i;

	if (!s || (i = at(s, t->peer.sin_addr)) < 0)
		return 0;
	return hold_down(s, (size_t)i, why);
}

int l2tpsec_failover_any_up(struct lac *lac)
{
	struct lac_lnses *s = set_of(lac);
	uint64_t now = l2tpsec_now_ms();

	for (size_t i = 0; s && i < s->n; i++)
		if (l2tpsec_lns_up(&s->st[i], now))
			return 1;
	return 0;
}

int l2tpsec_failover_ipsec_failed(struct lac *lac, const struct cs_endpoint *remote,
				  const char *why)
{
	struct lac_lnses *s = set_of(lac);
	char reason[L2TPSEC_LNS_REASON_LEN];
	struct in_addr addr;
	int i;

	memcpy(&addr, remote->addr, sizeof(addr));
	if (!s || (i = at(s, addr)) < 0)
		return 0;
	snprintf(reason, sizeof(reason), "IPsec not established (%s)", why);
	return hold_down(s, (size_t)i, reason);
}

void l2tpsec_failover_sa_lost(const struct cs_endpoint *remote, const char *why)
{
	char reason[L2TPSEC_LNS_REASON_LEN];
	struct in_addr addr;
	int i;

	memcpy(&addr, remote->addr, sizeof(addr));
	snprintf(reason, sizeof(reason), "%s", why);
	for (struct lac_lnses *s = all; s; s = s->next) {
		count(s);
		/* only where this [lac] had a tunnel: another [lac]'s SA says nothing of it */
		if ((i = at(s, addr)) >= 0 && s->tunnels[i])
			hold_down(s, (size_t)i, reason);
	}
}

void l2tpsec_failover_redirect(struct lac *lac, struct cs_endpoint *remote)
{
	struct lac_lnses *s = set_of(lac);
	size_t i;

	if (!s)
		return;
	i = pick(s);
	if (!s->addr[i].s_addr)
		return;		/* cannot be looked up now: the dial tries the last one again */
	cs_endpoint_v4(remote, s->addr[i], (uint16_t)s->host[i]->port);
}

void l2tpsec_failover_forget(struct lac *lac)
{
	for (struct lac_lnses *s = all; s; s = s->next)
		if (s->lac == lac) {
			forget(s);
			return;
		}
}

void l2tpsec_failover_collect(struct vpdn_state *st)
{
	uint64_t now = l2tpsec_now_ms();
	struct vpdn_lns_view *grown, *v;

	for (struct lac *lac = laclist; lac; lac = lac->next)
		set_of(lac);	/* every [lac] with several LNSes, used or not */
	for (struct lac_lnses *s = all; s; s = s->next) {
		count(s);
		for (size_t i = 0; i < s->n; i++) {
			grown = realloc(st->lnses, (st->nlnses + 1) * sizeof(*grown));
			if (!grown)
				return;
			st->lnses = grown;
			v = &grown[st->nlnses++];
			memset(v, 0, sizeof(*v));
			snprintf(v->group, sizeof(v->group), "%s", s->lac->entname);
			snprintf(v->lns, sizeof(v->lns), "%s", s->host[i]->hostname);
			v->priority = s->st[i].priority;
			v->up = l2tpsec_lns_up(&s->st[i], now);
			v->down_for = v->up ? 0 : (long)((s->st[i].down_until_ms - now + 999) / 1000);
			snprintf(v->reason, sizeof(v->reason), "%s", s->st[i].reason);
			v->failures = s->st[i].failures;
			v->tunnels = s->tunnels[i];
			v->sessions = s->st[i].sessions;
		}
	}
}
