/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <arpa/inet.h>

#include "l2tp.h"
#include "l2tpsec_names.h"
#include "l2tpsec_config.h"
#include "l2tpsec_tunnels.h"
#include "l2tpsec_failover.h"
#include "l2tpsec_aaa_lac.h"

#define LNS_MAX 31	/* one per RADIUS tag */
#define KEY_MAX 4096

struct aaa_lns {
	struct in_addr addr;
	int priority;
	size_t secret_len;		/* 0: none (the l2tp-secrets file, as for any [lac]) */
	char secret[MAXSTRLEN];
};

/* what one request asks for */
struct tunnel_set {
	char template[STRLEN], domain[STRLEN], hostname[STRLEN];
	struct aaa_lns lns[LNS_MAX];
	size_t nlns;
};

static struct runtime {
	struct lac *lac;	/* NULL: a free slot */
	char template[STRLEN], domain[STRLEN];
	char key[KEY_MAX];	/* the set it was made for, secrets and all (never shown) */
	struct aaa_lns lns[LNS_MAX];
	size_t nlns;
} runtimes[L2TPSEC_AAA_LACS];

static int word_ok(const char *w, size_t max)
{
	size_t n = strlen(w);

	if (!n || n >= max)
		return 0;
	for (; *w; w++)
		if (*w <= ' ' || *w >= 0x7f || *w == '[' || *w == ']')
			return 0;
	return 1;
}

static int hex_secret(const char *hex, struct aaa_lns *l)
{
	size_t n = strlen(hex);

	if (!n || n % 2 || n / 2 >= sizeof(l->secret))
		return -1;
	for (size_t i = 0; i < n / 2; i++) {
		unsigned v;

		if (sscanf(hex + 2 * i, "%2x", &v) != 1 || !v)
			return -1;	/* xl2tpd's secrets are C strings: no NUL inside */
		l->secret[i] = (char)v;
	}
	l->secret[n / 2] = '\0';
	l->secret_len = n / 2;
	return 0;
}

static struct aaa_lns *lns_at(struct tunnel_set *s, struct in_addr a)
{
	for (size_t i = 0; i < s->nlns; i++)
		if (s->lns[i].addr.s_addr == a.s_addr)
			return &s->lns[i];
	return NULL;
}

/* one line of the request into s; -1 with why */
static int take_line(struct tunnel_set *s, char *line, char *why, size_t len)
{
	char word[16], a[64], b[512], extra;
	struct in_addr addr;
	struct aaa_lns *l;
	int prio, n = sscanf(line, "%15s %63s %511s %c", word, a, b, &extra);

	if (n < 2 || n > 3) {
		snprintf(why, len, "malformed line in the tunnel list");
		return -1;
	}
	if (!strcmp(word, "hostname")) {
		if (n != 2 || !word_ok(a, sizeof(s->hostname))) {
			snprintf(why, len, "a host name must be one word");
			return -1;
		}
		strcpy(s->hostname, a);
		return 0;
	}
	if (inet_pton(AF_INET, a, &addr) != 1) {
		snprintf(why, len, "'%s' is not an IPv4 address", a);
		return -1;
	}
	l = lns_at(s, addr);
	if (n != 3) {
		snprintf(why, len, "'%s' needs an address and a value", word);
		return -1;
	}
	if (!strcmp(word, "lns")) {
		if (sscanf(b, "%d%c", &prio, &extra) != 1 || prio < 1 ||
		    prio > L2TPSEC_LNS_PRIORITY_MAX) {
			snprintf(why, len, "LNS %s: priority must be 1 to %d", a,
				 L2TPSEC_LNS_PRIORITY_MAX);
			return -1;
		}
		if (l) {
			snprintf(why, len, "LNS %s named twice", a);
			return -1;
		}
		if (s->nlns == LNS_MAX) {
			snprintf(why, len, "more than %d LNSes", LNS_MAX);
			return -1;
		}
		l = &s->lns[s->nlns++];
		l->addr = addr;
		l->priority = prio;
		return 0;
	}
	if (!strcmp(word, "secret") && l && !hex_secret(b, l))
		return 0;
	snprintf(why, len, !strcmp(word, "secret") ? "a secret for an LNS not named before it, or "
		 "not hex without NUL" : "unknown line '%s'", word);
	return -1;
}

static int parse(char *msg, struct tunnel_set *s, char **rest, char *why, size_t len)
{
	char *line = msg, *nl;

	memset(s, 0, sizeof(*s));
	nl = strchr(line, '\n');
	if (!nl || (*nl = '\0', sscanf(line, L2TPSEC_SWITCH_DIAL_AAA " %99s %99s", s->template,
				       s->domain) != 2) ||
	    !word_ok(s->template, sizeof(s->template)) || !word_ok(s->domain, 60)) {
		snprintf(why, len, "malformed " L2TPSEC_SWITCH_DIAL_AAA " request");
		return -1;
	}
	for (line = nl + 1; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		if (!strcmp(line, L2TPSEC_SWITCH_END)) {
			*rest = nl + 1;
			if (!s->nlns) {
				snprintf(why, len, "no LNS in the request");
				return -1;
			}
			return 0;
		}
		if (take_line(s, line, why, len))
			return -1;
	}
	snprintf(why, len, "the tunnel list has no end");
	return -1;
}

/* everything the [lac] is made of, secrets included: equal keys, the same [lac]. Not the
 * domain: domains RADIUS sends to the same tunnels share them (an LNS takes one tunnel per LAC
 * address and port, as IOS shares its tunnels between domains) */
static void key_of(const struct tunnel_set *s, char *key)
{
	size_t off = (size_t)snprintf(key, KEY_MAX, "%s %s", s->template, s->hostname);

	for (size_t i = 0; i < s->nlns && off < KEY_MAX; i++) {
		const struct aaa_lns *l = &s->lns[i];

		off += (size_t)snprintf(key + off, KEY_MAX - off, "|%08x %d %zu:", l->addr.s_addr,
					l->priority, l->secret_len);
		for (size_t k = 0; k < l->secret_len && off < KEY_MAX; k++)
			off += (size_t)snprintf(key + off, KEY_MAX - off, "%02x",
						(unsigned char)l->secret[k]);
	}
}

static int has_tunnel(const struct lac *lac)
{
	for (struct tunnel *t = tunnels.head; t; t = t->next)
		if (t->lac == lac)
			return 1;
	return 0;
}

/* no session asked for, none placed, no tunnel: free to be remade */
static int idle(const struct runtime *r)
{
	return r->lac && !r->lac->active && !r->lac->t && !has_tunnel(r->lac);
}

/* the domain's name for r's [lac], or the first DOMAIN~N no other [lac] has */
static void name_for(const struct runtime *r, const char *domain, char *name)
{
	struct lac *other;

	snprintf(name, STRLEN, "%s", domain);
	for (int n = 2; (other = l2tpsec_lac_named(name)) && other != r->lac; n++)
		snprintf(name, STRLEN, "%s~%d", domain, n);
}

static void free_hosts(struct lac *lac)
{
	while (lac->lns) {
		struct host *h = lac->lns;

		lac->lns = h->next;
		free(h);
	}
}

static struct host *hosts_of(const struct tunnel_set *s)
{
	struct host *first = NULL, **tail = &first;

	for (size_t i = 0; i < s->nlns; i++) {
		struct host *h = calloc(1, sizeof(*h));

		if (!h)
			break;
		inet_ntop(AF_INET, &s->lns[i].addr, h->hostname, sizeof(h->hostname));
		h->port = UDP_LISTEN_PORT;
		*tail = h;
		tail = &h->next;
	}
	return first;
}

/* r's [lac] (made now when r has none) as tpl with the set's LNSes, name and secrets */
static int configure(struct runtime *r, const struct lac *tpl, const struct tunnel_set *s,
		     const char *key)
{
	struct lac *lac = r->lac, *next = NULL;
	char name[STRLEN], value[STRLEN + 16];
	int had_secret = 0;

	name_for(r, s->domain, name);
	if (lac) {
		l2tpsec_failover_forget(lac);	/* its LNSes' state: new LNSes follow */
		free_hosts(lac);
		next = lac->next;
	} else if (!(lac = new_lac())) {
		return -1;
	}
	*lac = *tpl;
	lac->next = next;
	lac->lns = hosts_of(s);
	lac->rsched = NULL;
	lac->t = NULL;
	lac->c = NULL;
	lac->active = lac->rtries = lac->autodial = 0;
	snprintf(lac->entname, sizeof(lac->entname), "%s", name);
	if (s->hostname[0])
		snprintf(lac->hostname, sizeof(lac->hostname), "%s", s->hostname);
	for (size_t i = 0; i < s->nlns; i++)
		had_secret |= s->lns[i].secret_len > 0;
	if (had_secret)
		lac->challenge = 1;	/* the secret authenticates the LNS (IOS does both ways) */
	if (!r->lac) {	/* a new section: last in xl2tpd's list, after the configured ones */
		struct lac **p = &laclist;

		while (*p)
			p = &(*p)->next;
		*p = lac;
	}
	r->lac = lac;
	snprintf(r->template, sizeof(r->template), "%s", s->template);
	snprintf(r->domain, sizeof(r->domain), "%s", s->domain);
	snprintf(r->key, sizeof(r->key), "%s", key);
	memcpy(r->lns, s->lns, sizeof(r->lns));
	r->nlns = s->nlns;
	if (l2tpsec_config_derive(tpl, lac))
		return -1;
	for (size_t i = 0; i < s->nlns; i++) {
		char addr[INET_ADDRSTRLEN];

		inet_ntop(AF_INET, &s->lns[i].addr, addr, sizeof(addr));
		snprintf(value, sizeof(value), "%s %d", addr, s->lns[i].priority);
		if (l2tpsec_set_option(L2TPSEC_XL2TPD_LNS_PRIORITY, value, CONTEXT_LAC, lac))
			return -1;
	}
	return 0;
}

/* where a set goes: the [lac] made for it, an idle one of its domain, a free slot, any idle */
static struct runtime *slot_for(const struct tunnel_set *s, const char *key, int *same)
{
	struct runtime *free_slot = NULL, *domain_idle = NULL, *any_idle = NULL;

	*same = 0;
	for (size_t i = 0; i < L2TPSEC_AAA_LACS; i++) {
		struct runtime *r = &runtimes[i];

		if (!r->lac) {
			free_slot = free_slot ? free_slot : r;
			continue;
		}
		if (!strcmp(r->key, key)) {
			*same = 1;
			return r;
		}
		if (idle(r) && !strcasecmp(r->domain, s->domain))
			domain_idle = r;
		else if (idle(r))
			any_idle = any_idle ? any_idle : r;
	}
	return domain_idle ? domain_idle : free_slot ? free_slot : any_idle;
}

static void log_made(const struct runtime *r, int remade)
{
	char list[LNS_MAX * 32] = "";
	size_t off = 0;

	for (size_t i = 0; i < r->nlns && off < sizeof(list); i++) {
		char addr[INET_ADDRSTRLEN];

		inet_ntop(AF_INET, &r->lns[i].addr, addr, sizeof(addr));
		off += (size_t)snprintf(list + off, sizeof(list) - off, "%s%s priority %d%s",
					i ? ", " : "", addr, r->lns[i].priority,
					r->lns[i].secret_len ? " (tunnel password)" : "");
	}
	l2tp_log(LOG_INFO, "l2tpsec: [lac %s] %s from [lac %s] for RADIUS's tunnels of %s: %s\n",
		 r->lac->entname, remade ? "remade" : "made", r->template, r->domain, list);
}

struct lac *l2tpsec_aaa_lac(char *msg, char **rest, char *why, size_t len)
{
	static struct tunnel_set s;
	static char key[KEY_MAX];
	struct runtime *r = NULL;
	struct lac *tpl;
	int same, remade;

	if (parse(msg, &s, rest, why, len))
		goto out;
	tpl = l2tpsec_lac_named(s.template);
	if (!tpl || l2tpsec_aaa_is_runtime(tpl)) {
		snprintf(why, len, "no [lac %s] section to make RADIUS's tunnels from", s.template);
		goto out;
	}
	if (!l2tpsec_lac_protected(tpl)) {
		/* RADIUS (or whoever answers as it) must not steer L2TP out in plaintext */
		snprintf(why, len, "[lac %s] names no crypto profile: RADIUS's tunnels are not made "
			 "without IPsec", s.template);
		goto out;
	}
	key_of(&s, key);
	r = slot_for(&s, key, &same);
	if (!r) {
		snprintf(why, len, "all %d run-time [lac] sections for RADIUS's tunnels are in use",
			 L2TPSEC_AAA_LACS);
		goto out;
	}
	if (!same) {
		remade = r->lac != NULL;
		if (configure(r, tpl, &s, key)) {
			snprintf(why, len, "out of memory making the [lac]");
			r = NULL;	/* a half-made one is remade by the next request */
			goto out;
		}
		log_made(r, remade);
	}
out:
	memset(&s, 0, sizeof(s));
	memset(key, 0, sizeof(key));
	return r ? r->lac : NULL;
}

static const struct runtime *runtime_of(const struct lac *lac)
{
	for (size_t i = 0; lac && i < L2TPSEC_AAA_LACS; i++)
		if (runtimes[i].lac == lac)
			return &runtimes[i];
	return NULL;
}

int l2tpsec_aaa_secret(const struct tunnel *t, unsigned char *secret, size_t size)
{
	const struct runtime *r = runtime_of(t->lac);

	for (size_t i = 0; r && i < r->nlns; i++)
		if (r->lns[i].addr.s_addr == t->peer.sin_addr.s_addr && r->lns[i].secret_len &&
		    r->lns[i].secret_len < size) {
			memcpy(secret, r->lns[i].secret, r->lns[i].secret_len + 1);
			return 1;
		}
	return 0;
}

int l2tpsec_aaa_is_runtime(const struct lac *lac)
{
	return runtime_of(lac) != NULL;
}

void l2tpsec_aaa_forget(const struct lac *lac)
{
	struct runtime *r = (struct runtime *)runtime_of(lac);

	if (r)
		memset(r, 0, sizeof(*r));
}
