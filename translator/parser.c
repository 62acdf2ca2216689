/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE
#include "parser.h"
#include "ios_crypto.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum mode { M_GLOBAL, M_VPDN, M_REQ_IN, M_ACC_IN, M_ISAKMP, M_TSET, M_CMAP, M_IFACE };

enum { OK = 0, NOT_MINE = 1 };

struct parser {
	struct ios_config *cfg;
	struct diag *d;
	struct lex_line *ln;
	int stack[4], depth;
	size_t group, policy, tset, map, iface;	/* the object the current mode edits */
	int ended;
	int oom;
};

struct args {
	int neg;	/* the command was given in its "no" form */
	int n;		/* words after the command's keywords */
	char **w;
	int *col;
};

struct command {
	enum mode mode;
	const char *words;	/* keywords, space-separated, each abbreviable to a unique prefix */
	int (*fn)(struct parser *, struct args *);
	int no_ok;		/* the "no" form means something */
};

/* --- helpers -------------------------------------------------------------------------------- */

static int line_no(struct parser *p) { return p->ln->line; }

/* README.translation: what this line became */
static void note(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	char *s;
	size_t i = (size_t)p->ln->line;

	if (i >= p->cfg->nlines)
		return;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	free(p->cfg->notes[i]);
	p->cfg->notes[i] = s;
}

static int col_of(struct args *a, int i)
{
	return i < a->n ? a->col[i] : (a->n ? a->col[a->n - 1] : 1);
}

static int need_args(struct parser *p, struct args *a, int min, int max, const char *usage)
{
	if (a->n < min) {
		diag_error(p->d, line_no(p), col_of(a, a->n), "missing argument: %s", usage);
		note(p, "error: %s", usage);
		return -1;
	}
	if (max >= 0 && a->n > max) {
		diag_error(p->d, line_no(p), a->col[max], "unexpected '%s' (%s)", a->w[max], usage);
		note(p, "error: %s", usage);
		return -1;
	}
	return 0;
}

/* one checked integer converter for every number in the grammar */
static int number(struct parser *p, struct args *a, int i, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(a->w[i], &end, 10);
	if (errno || *end || end == a->w[i] || v < min || v > max) {
		diag_error(p->d, line_no(p), a->col[i], "'%s' is not a number from %ld to %ld",
			   a->w[i], min, max);
		return -1;
	}
	*out = v;
	return 0;
}

static int address(struct parser *p, struct args *a, int i, struct in_addr *out)
{
	if (inet_pton(AF_INET, a->w[i], out) != 1) {
		diag_error(p->d, line_no(p), a->col[i], "'%s' is not an IPv4 address", a->w[i]);
		return -1;
	}
	return 0;
}

/* a netmask: contiguous ones (0.0.0.0 allowed, meaning "any" with an any address) */
static int netmask(struct parser *p, struct args *a, int i, struct in_addr *out)
{
	uint32_t m;

	if (address(p, a, i, out))
		return -1;
	m = ntohl(out->s_addr);
	if (m & (~m >> 1)) {
		diag_error(p->d, line_no(p), a->col[i], "'%s' is not a valid netmask", a->w[i]);
		return -1;
	}
	return 0;
}

static void enter(struct parser *p, enum mode m)
{
	p->stack[++p->depth] = m;
}

static char *xstrdup(struct parser *p, const char *s)
{
	char *r = strdup(s);

	if (!r)
		p->oom = 1;
	return r;
}

/* --- global commands ---------------------------------------------------------------------- */

static int h_hostname(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 1, "hostname NAME"))
		return OK;
	p->cfg->hostname = a->w[0];
	note(p, "host name %s: default L2TP host name (xl2tpd hostname) where no local name is set",
	     a->w[0]);
	return OK;
}

static const char type7_xlat[] = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";

int ios_type7_decode(const char *enc, char *out, size_t outlen)
{
	size_t len = strlen(enc), n = 0;
	int seed;

	if (len < 4 || len % 2 || !isdigit((unsigned char)enc[0]) || !isdigit((unsigned char)enc[1]))
		return -1;
	seed = (enc[0] - '0') * 10 + (enc[1] - '0');
	if (seed > 15)
		return -1;
	for (size_t i = 2; i < len; i += 2) {
		unsigned v;
		char hex[3] = { enc[i], enc[i + 1], 0 };

		if (!isxdigit((unsigned char)hex[0]) || !isxdigit((unsigned char)hex[1]))
			return -1;
		v = (unsigned)strtoul(hex, NULL, 16);
		if (n + 1 >= outlen)
			return -1;
		out[n++] = (char)(v ^ (unsigned char)type7_xlat[(seed + (i - 2) / 2) %
							 (sizeof(type7_xlat) - 1)]);
	}
	out[n] = '\0';
	return 0;
}

/* the secret after "password|secret [TYPE]" at a->w[i]; NULL (with a diagnostic) if unusable */
/* README.translation prints this line only up to word i of the arguments (its secret) */
static void redact(struct parser *p, struct args *a, int i)
{
	int w = (int)(a->w - p->ln->words) + (i < a->n ? i : a->n - 1);

	if ((size_t)p->ln->line < p->cfg->nlines && w >= 0 && w < p->ln->nwords)
		p->cfg->redact_col[p->ln->line] = p->ln->offs[w] + 1;
}

static char *secret_at(struct parser *p, struct args *a, int i, int hashed_kw, const char *what)
{
	long type = hashed_kw ? 5 : 0;
	char buf[256];

	redact(p, a, i);

	if (i < a->n - 1 && strlen(a->w[i]) == 1 && isdigit((unsigned char)a->w[i][0])) {
		type = a->w[i][0] - '0';
		i++;
	}
	if (i != a->n - 1) {
		diag_error(p->d, line_no(p), col_of(a, i), "%s: expected [TYPE] SECRET", what);
		return NULL;
	}
	switch (type) {
	case 0:
		return xstrdup(p, a->w[i]);
	case 7:
		if (ios_type7_decode(a->w[i], buf, sizeof(buf))) {
			diag_error(p->d, line_no(p), a->col[i], "%s: malformed type 7 password", what);
			return NULL;
		}
		return xstrdup(p, buf);
	case 5: case 8: case 9:
		diag_warning(p->d, line_no(p), a->col[i], "%s: type %ld is a one-way hash, the "
			     "cleartext cannot be recovered and PPP CHAP needs it: not translated "
			     "(write the password into ppp/chap-secrets yourself)", what, type);
		return NULL;
	default:
		diag_error(p->d, line_no(p), a->col[i - 1], "%s: unknown password type %ld", what, type);
		return NULL;
	}
}

static int h_username(struct parser *p, struct args *a)
{
	struct ios_user *u;
	int i = 1;

	if (need_args(p, a, 3, -1, "username NAME [privilege N] password|secret [TYPE] SECRET"))
		return OK;
	if (!strcasecmp(a->w[i], "privilege") && a->n > 3)
		i += 2;
	if (strcasecmp(a->w[i], "password") && strcasecmp(a->w[i], "secret")) {
		diag_error(p->d, line_no(p), a->col[i], "username %s: expected 'password' or 'secret', "
			   "found '%s'", a->w[0], a->w[i]);
		return OK;
	}
	u = VEC_ADD(p->cfg->users);
	if (!u) {
		p->oom = 1;
		return OK;
	}
	u->name = a->w[0];
	u->line = line_no(p);
	u->password = secret_at(p, a, i + 1, !strcasecmp(a->w[i], "secret"), "username");
	note(p, u->password ? "user %s: ppp/chap-secrets, and L2TP tunnel secrets where the name is a "
	     "tunnel peer or local name" : "user %s: not translated (no recoverable password)", u->name);
	return OK;
}

static int h_aaa_new_model(struct parser *p, struct args *a)
{
	(void)a;
	p->cfg->aaa_new_model = true;
	note(p, "nothing to do: pppd authenticates from ppp/chap-secrets (local AAA)");
	return OK;
}

static int h_aaa_authentication(struct parser *p, struct args *a)
{
	int local = 0;

	for (int i = 0; i < a->n; i++)
		if (!strcasecmp(a->w[i], "local"))
			local = 1;
	if (a->n && !strcasecmp(a->w[0], "ppp") && local) {
		note(p, "local PPP authentication: ppp/chap-secrets");
		return OK;
	}
	diag_warning(p->d, line_no(p), col_of(a, 0), "aaa authentication: only local PPP "
		     "authentication is translated (RADIUS/TACACS+ servers: configure a pppd plugin)");
	note(p, "not translated: only local authentication is");
	return OK;
}

static int h_vpdn_enable(struct parser *p, struct args *a)
{
	(void)a;
	p->cfg->vpdn_enable = true;
	note(p, "xl2tpd.conf is written (VPDN on)");
	return OK;
}

static int h_vpdn_logging(struct parser *p, struct args *a)
{
	note(p, a->neg ? "nothing to do: xl2tpd logs to syslog; quiet it there" :
	     "nothing to do: xl2tpd logs to syslog");
	return OK;
}

static int h_session_limit(struct parser *p, struct args *a)
{
	long v;

	if (need_args(p, a, 1, 1, "vpdn session-limit N") || number(p, a, 0, 1, 65535, &v))
		return OK;
	p->cfg->session_limit = (int)v;
	diag_warning(p->d, line_no(p), a->col[0], "vpdn session-limit: xl2tpd has no session "
		     "limit; not translated");
	note(p, "not translated: xl2tpd has no session limit");
	return OK;
}

static int h_vpdn_group(struct parser *p, struct args *a)
{
	struct ios_vpdn_group *g;

	if (need_args(p, a, 1, 1, "vpdn-group NAME"))
		return OK;
	for (size_t i = 0; i < p->cfg->groups.n; i++)
		if (!strcmp(p->cfg->groups.v[i].name, a->w[0])) {
			p->group = i;
			enter(p, M_VPDN);
			note(p, "vpdn-group %s continued", a->w[0]);
			return OK;
		}
	g = VEC_ADD(p->cfg->groups);
	if (!g) {
		p->oom = 1;
		return OK;
	}
	g->name = a->w[0];
	g->virtual_template = -1;
	g->tunnel_auth = -1;
	g->line = line_no(p);
	p->group = p->cfg->groups.n - 1;
	enter(p, M_VPDN);
	note(p, "vpdn-group %s: an xl2tpd [lns]/[lac] section", g->name);
	return OK;
}

static int h_isakmp_policy(struct parser *p, struct args *a)
{
	struct ios_isakmp_policy *pol;
	long prio;

	if (need_args(p, a, 1, 1, "crypto isakmp policy PRIORITY") ||
	    number(p, a, 0, 1, 10000, &prio))
		return OK;
	for (size_t i = 0; i < p->cfg->policies.n; i++)
		if (p->cfg->policies.v[i].priority == prio) {
			diag_error(p->d, line_no(p), a->col[0], "crypto isakmp policy %ld is defined "
				   "twice (first at line %d)", prio, p->cfg->policies.v[i].line);
			p->policy = i;
			enter(p, M_ISAKMP);
			return OK;
		}
	pol = VEC_ADD(p->cfg->policies);
	if (!pol) {
		p->oom = 1;
		return OK;
	}
	/* IOS defaults for a policy that sets nothing */
	pol->priority = (int)prio;
	pol->encr = "des";
	pol->hash = "sha1";
	pol->psk = false;
	pol->group = 1;
	pol->lifetime = 86400;
	pol->line = line_no(p);
	p->policy = p->cfg->policies.n - 1;
	enter(p, M_ISAKMP);
	note(p, "IKE proposal (swanctl proposals, in priority order)");
	return OK;
}

static int h_isakmp_key(struct parser *p, struct args *a)
{
	struct ios_isakmp_key *k;
	int i = 0;

	if (need_args(p, a, 3, -1, "crypto isakmp key [0] KEY address A [MASK] [no-xauth]"))
		return OK;
	if (!strcmp(a->w[0], "6")) {
		diag_error(p->d, line_no(p), a->col[0], "crypto isakmp key: type 6 keys are "
			   "encrypted with the router's master key and cannot be recovered");
		return OK;
	}
	if (!strcmp(a->w[0], "0"))
		i = 1;
	if (i + 2 >= a->n + 0 || strcasecmp(a->w[i + 1], "address")) {
		if (i + 1 < a->n && !strcasecmp(a->w[i + 1], "hostname")) {
			diag_warning(p->d, line_no(p), a->col[i + 1], "crypto isakmp key … hostname: "
				     "peers by host name are not translated (use an address)");
			note(p, "not translated: hostname peers");
			return OK;
		}
		diag_error(p->d, line_no(p), col_of(a, i + 1), "crypto isakmp key: expected "
			   "'address A [MASK]'");
		return OK;
	}
	redact(p, a, i);
	k = VEC_ADD(p->cfg->keys);
	if (!k) {
		p->oom = 1;
		return OK;
	}
	k->key = a->w[i];
	k->line = line_no(p);
	k->col = a->col[i + 2];
	k->mask.s_addr = htonl(0xffffffff);
	if (address(p, a, i + 2, &k->addr))
		goto bad;
	if (i + 3 < a->n && strcasecmp(a->w[i + 3], "no-xauth") && netmask(p, a, i + 3, &k->mask))
		goto bad;
	note(p, "swanctl.conf secrets (PSK for this peer; 0600)");
	return OK;
bad:
	p->cfg->keys.n--;
	return OK;
}

static int h_keepalive(struct parser *p, struct args *a)
{
	long s, r = 2;

	if (need_args(p, a, 1, 3, "crypto isakmp keepalive SECONDS [RETRY] [periodic|on-demand]") ||
	    number(p, a, 0, 10, 3600, &s))
		return OK;
	if (a->n > 1 && isdigit((unsigned char)a->w[1][0]) && number(p, a, 1, 2, 60, &r))
		return OK;
	p->cfg->keepalive = (int)s;
	p->cfg->keepalive_retry = (int)r;
	note(p, "dead peer detection: dpd_delay = %lds in every connection", s);
	return OK;
}

/* crypto ipsec transform-set NAME T1 [KEYLEN] [T2 [T3 …]] with IOS's combination rules */
static int h_transform_set(struct parser *p, struct args *a)
{
	struct ios_transform_set *ts;

	if (need_args(p, a, 2, -1, "crypto ipsec transform-set NAME TRANSFORM…"))
		return OK;
	if (model_tset(p->cfg, a->w[0])) {
		diag_error(p->d, line_no(p), a->col[0], "transform set %s is defined twice", a->w[0]);
		return OK;
	}
	ts = VEC_ADD(p->cfg->tsets);
	if (!ts) {
		p->oom = 1;
		return OK;
	}
	ts->name = a->w[0];
	ts->line = line_no(p);
	for (int i = 1; i < a->n; i++) {
		const struct ios_transform *t = ios_transform(a->w[i]);
		long keylen = 0;
		const char **slot = NULL;

		if (!t) {
			diag_error(p->d, line_no(p), a->col[i], "unknown transform '%s'", a->w[i]);
			continue;
		}
		if (t->keylen && i + 1 < a->n && isdigit((unsigned char)a->w[i + 1][0])) {
			if (number(p, a, i + 1, 128, 256, &keylen) || !ios_cipher_keylen(t, (int)keylen)) {
				if (keylen)
					diag_error(p->d, line_no(p), a->col[i + 1], "%s: key length must "
						   "be 128, 192 or 256", t->ios);
				i++;
				continue;
			}
			i++;
		}
		switch (t->kind) {
		case XF_ESP_ENC: slot = &ts->esp_enc; break;
		case XF_ESP_AUTH: slot = &ts->esp_auth; break;
		case XF_AH: slot = &ts->ah; break;
		case XF_COMP:
			ts->compress = true;
			continue;
		}
		if (*slot) {
			diag_error(p->d, line_no(p), a->col[t->keylen && keylen ? i - 1 : i],
				   "transform set %s: at most one %s transform ('%s' is a second one)",
				   ts->name, t->kind == XF_ESP_ENC ? "ESP encryption" :
				   t->kind == XF_ESP_AUTH ? "ESP authentication" : "AH", t->ios);
			continue;
		}
		*slot = ios_cipher_keylen(t, (int)keylen);
		if (t->kind == XF_ESP_ENC)
			ts->esp_enc_aead = t->aead;
	}
	if (ts->esp_enc_aead && ts->esp_auth)
		diag_error(p->d, line_no(p), a->col[0], "transform set %s: esp-gcm already "
			   "authenticates; it cannot be combined with an ESP HMAC", ts->name);
	if (!ts->esp_enc && !ts->esp_auth && !ts->ah)
		diag_error(p->d, line_no(p), a->col[0], "transform set %s: no ESP or AH transform",
			   ts->name);
	p->tset = p->cfg->tsets.n - 1;
	enter(p, M_TSET);
	note(p, "ESP/AH proposal (swanctl esp_proposals, profile transform_sets)");
	return OK;
}

static int h_global_sa_lifetime(struct parser *p, struct args *a)
{
	(void)a;
	diag_warning(p->d, line_no(p), p->ln->cols[0], "the global SA lifetime is not translated: set it per "
		     "crypto map (set security-association lifetime); the IOS defaults "
		     "3600 s / 4608000 KB apply");
	note(p, "not translated: global lifetime");
	return OK;
}

/* crypto map NAME SEQ ipsec-isakmp [profile P | dynamic D [discover]] */
static int crypto_map_entry(struct parser *p, struct args *a, bool dynamic_map)
{
	struct ios_crypto_map *m;
	long seq;

	if (dynamic_map) {
		if (need_args(p, a, 2, 2, "crypto dynamic-map NAME SEQ"))
			return OK;
	} else if (a->n == 2 || (a->n > 2 && strcasecmp(a->w[2], "ipsec-isakmp"))) {
		diag_warning(p->d, line_no(p), col_of(a, 2), "crypto map %s: only ipsec-isakmp "
			     "entries are translated", a->w[0]);
		note(p, "not translated: not ipsec-isakmp");
		return OK;
	} else if (need_args(p, a, 3, 5, "crypto map NAME SEQ ipsec-isakmp [profile P | dynamic D]")) {
		return OK;
	}
	if (number(p, a, 1, 1, 65535, &seq))
		return OK;
	for (size_t i = 0; i < p->cfg->maps.n; i++) {
		struct ios_crypto_map *o = &p->cfg->maps.v[i];

		if (o->seq == seq && o->is_dynamic_map == dynamic_map && !strcmp(o->name, a->w[0])) {
			diag_error(p->d, line_no(p), a->col[1], "crypto %smap %s: sequence number %ld "
				   "is used twice (first at line %d)", dynamic_map ? "dynamic-" : "",
				   a->w[0], seq, o->line);
			p->map = i;
			enter(p, M_CMAP);
			return OK;
		}
	}
	m = VEC_ADD(p->cfg->maps);
	if (!m) {
		p->oom = 1;
		return OK;
	}
	m->name = a->w[0];
	m->seq = (int)seq;
	m->line = line_no(p);
	m->is_dynamic_map = dynamic_map;
	if (a->n >= 5 && !strcasecmp(a->w[3], "profile"))
		m->profile = a->w[4];
	else if (a->n >= 5 && !strcasecmp(a->w[3], "dynamic"))
		m->dynamic = a->w[4];
	else if (a->n > 3)
		diag_error(p->d, line_no(p), a->col[3], "crypto map %s %ld: expected 'profile NAME' or "
			   "'dynamic NAME' after ipsec-isakmp", m->name, seq);
	p->map = p->cfg->maps.n - 1;
	enter(p, M_CMAP);
	if (m->profile)
		note(p, "crypto profile %s: plugin profile + swanctl connection template", m->profile);
	else
		note(p, "crypto map entry: only profiles (L2TP Security) are translated");
	return OK;
}

static int h_crypto_map(struct parser *p, struct args *a)
{
	if (a->n >= 2 && !strcasecmp(a->w[1], "local-address")) {
		diag_warning(p->d, line_no(p), a->col[1], "crypto map local-address: not needed, "
			     "local_addrs come from the interface address");
		note(p, "nothing to do");
		return OK;
	}
	return crypto_map_entry(p, a, false);
}

static int h_dynamic_map(struct parser *p, struct args *a)
{
	return crypto_map_entry(p, a, true);
}

static int h_interface(struct parser *p, struct args *a)
{
	struct ios_interface *ifc;
	char *name;

	if (need_args(p, a, 1, 2, "interface NAME"))
		return OK;
	/* "interface FastEthernet 0/0" and "interface FastEthernet0/0" are the same */
	if (asprintf(&name, "%s%s", a->w[0], a->n == 2 ? a->w[1] : "") < 0) {
		p->oom = 1;
		return OK;
	}
	ifc = model_iface(p->cfg, name);
	if (ifc) {
		free(name);
	} else {
		ifc = VEC_ADD(p->cfg->ifaces);
		if (!ifc) {
			free(name);
			p->oom = 1;
			return OK;
		}
		ifc->name = name;
		ifc->vt_number = -1;
		ifc->line = line_no(p);
		if (!strncasecmp(name, "virtual-template", 16))
			ifc->vt_number = (int)strtol(name + 16, NULL, 10);
	}
	p->iface = (size_t)(ifc - p->cfg->ifaces.v);
	enter(p, M_IFACE);
	note(p, ifc->vt_number >= 0 ? "virtual template: pppd options of the vpdn-groups using it" :
	     "interface: its address is the IKE/L2TP local address where a crypto map is applied");
	return OK;
}

static int h_ip_local_pool(struct parser *p, struct args *a)
{
	struct ios_pool *pl;

	if (need_args(p, a, 2, 3, "ip local pool NAME START [END]"))
		return OK;
	pl = VEC_ADD(p->cfg->pools);
	if (!pl) {
		p->oom = 1;
		return OK;
	}
	pl->name = a->w[0];
	pl->line = line_no(p);
	if (address(p, a, 1, &pl->start) || (a->n == 3 && address(p, a, 2, &pl->end))) {
		p->cfg->pools.n--;
		return OK;
	}
	if (a->n == 2)
		pl->end = pl->start;
	if (ntohl(pl->end.s_addr) < ntohl(pl->start.s_addr)) {
		diag_error(p->d, line_no(p), a->col[2], "ip local pool %s: end before start", pl->name);
		p->cfg->pools.n--;
		return OK;
	}
	note(p, "address pool: xl2tpd ip range of the groups whose template uses it");
	return OK;
}

static int h_address_pool(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 1, "ip address-pool local"))
		return OK;
	if (strcasecmp(a->w[0], "local")) {
		diag_warning(p->d, line_no(p), a->col[0], "ip address-pool %s: only local pools are "
			     "translated", a->w[0]);
		return OK;
	}
	p->cfg->address_pool_local = true;
	note(p, "addresses come from local pools: xl2tpd assigns them (ip range)");
	return OK;
}

static int h_banner(struct parser *p, struct args *a)
{
	(void)a;
	note(p, "skipped: banners have no Linux equivalent here");
	return OK;
}

static int h_end(struct parser *p, struct args *a)
{
	(void)a;
	p->ended = 1;
	note(p, "end of configuration");
	return OK;
}

static int h_exit(struct parser *p, struct args *a)
{
	(void)a;
	if (p->depth > 0)
		p->depth--;
	note(p, "leaves the sub-mode");
	return OK;
}

/* --- vpdn-group ------------------------------------------------------------------------------ */

#define GROUP (&p->cfg->groups.v[p->group])

static int h_request_dialin(struct parser *p, struct args *a)
{
	(void)a;
	GROUP->request_dialin = true;
	enter(p, M_REQ_IN);
	note(p, "LAC role: an xl2tpd [lac %s] section", GROUP->name);
	return OK;
}

static int h_accept_dialin(struct parser *p, struct args *a)
{
	(void)a;
	GROUP->accept_dialin = true;
	enter(p, M_ACC_IN);
	note(p, "LNS role: an xl2tpd [lns %s] section", GROUP->name);
	return OK;
}

static int h_protocol(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 1, "protocol l2tp|any"))
		return OK;
	if (strcasecmp(a->w[0], "l2tp") && strcasecmp(a->w[0], "any")) {
		diag_error(p->d, line_no(p), a->col[0], "protocol %s: only l2tp (or any) can be "
			   "translated; xl2tpd speaks L2TP only", a->w[0]);
		return OK;
	}
	GROUP->protocol = a->w[0];
	note(p, "L2TP (xl2tpd)");
	return OK;
}

static int h_domain(struct parser *p, struct args *a)
{
	const char **d;

	if (need_args(p, a, 1, 1, "domain NAME"))
		return OK;
	d = VEC_ADD(GROUP->domains);
	if (!d) {
		p->oom = 1;
		return OK;
	}
	*d = a->w[0];
	note(p, "domain %s: users @%s are tunnelled (l2tpsec LAC hand-off)", a->w[0], a->w[0]);
	return OK;
}

static int h_virtual_template(struct parser *p, struct args *a)
{
	long n;

	if (need_args(p, a, 1, 1, "virtual-template N") || number(p, a, 0, 1, 4095, &n))
		return OK;
	GROUP->virtual_template = (int)n;
	GROUP->vt_line = line_no(p);
	note(p, "PPP settings from interface Virtual-Template%ld: ppp/options.%s", n, GROUP->name);
	return OK;
}

static int h_initiate_to(struct parser *p, struct args *a)
{
	struct ios_initiate_to *t;
	long prio = 1;

	if (need_args(p, a, 1, 3, "initiate-to ip A [priority N]"))
		return OK;
	t = VEC_ADD(GROUP->initiate);
	if (!t) {
		p->oom = 1;
		return OK;
	}
	t->line = line_no(p);
	if (address(p, a, 0, &t->addr))
		goto bad;
	if (a->n == 3 && !strcasecmp(a->w[1], "priority")) {
		if (number(p, a, 2, 1, 32767, &prio))
			goto bad;
	} else if (a->n > 1) {
		diag_error(p->d, line_no(p), a->col[1], "initiate-to: expected 'priority N'");
		goto bad;
	}
	t->priority = (int)prio;
	note(p, "LNS %s: xl2tpd lns = … (lowest priority number first)", a->w[0]);
	return OK;
bad:
	GROUP->initiate.n--;
	return OK;
}

static int h_local_name(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 1, "local name NAME"))
		return OK;
	GROUP->local_name = a->w[0];
	note(p, "xl2tpd hostname = %s", a->w[0]);
	return OK;
}

static int h_terminate_from(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 1, "terminate-from hostname NAME"))
		return OK;
	GROUP->terminate_from = a->w[0];
	note(p, "peer host name %s: the tunnel secret in xl2tpd/l2tp-secrets is bound to it", a->w[0]);
	return OK;
}

static int h_lcp_renegotiation(struct parser *p, struct args *a)
{
	if (a->neg) {
		GROUP->lcp = L2TPSEC_LCP_OFF;
		note(p, "LCP renegotiation off (the default)");
		return OK;
	}
	if (need_args(p, a, 1, 1, "lcp renegotiation always|on-mismatch"))
		return OK;
	if (!strcasecmp(a->w[0], "always"))
		GROUP->lcp = L2TPSEC_LCP_ALWAYS;
	else if (!strcasecmp(a->w[0], "on-mismatch"))
		GROUP->lcp = L2TPSEC_LCP_ON_MISMATCH;
	else {
		diag_error(p->d, line_no(p), a->col[0], "lcp renegotiation: expected always or "
			   "on-mismatch, found '%s'", a->w[0]);
		return OK;
	}
	note(p, "xl2tpd l2tpsec lcp renegotiation and pppd l2tpsec-lcp-renegotiation %s", a->w[0]);
	return OK;
}

static int h_crypto_profile(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 2, "l2tp security crypto-profile NAME [keep-sa]"))
		return OK;
	if (a->n == 2 && strcasecmp(a->w[1], "keep-sa")) {
		diag_error(p->d, line_no(p), a->col[1], "expected 'keep-sa', found '%s'", a->w[1]);
		return OK;
	}
	GROUP->crypto_profile = a->w[0];
	GROUP->profile_line = line_no(p);
	GROUP->profile_col = a->col[0];
	GROUP->keep_sa = a->n == 2;
	note(p, "IPsec required: xl2tpd l2tpsec crypto profile = %s%s", a->w[0],
	     a->n == 2 ? ", keep sa = yes" : "");
	return OK;
}

static int h_tunnel_authentication(struct parser *p, struct args *a)
{
	(void)a;
	GROUP->tunnel_auth = a->neg ? 0 : 1;
	note(p, a->neg ? "xl2tpd challenge = no" : "xl2tpd challenge = yes");
	return OK;
}

static int h_tunnel_password(struct parser *p, struct args *a)
{
	char *pw;

	if (need_args(p, a, 1, 2, "l2tp tunnel password [TYPE] SECRET"))
		return OK;
	pw = secret_at(p, a, 0, 0, "l2tp tunnel password");
	if (!pw)
		return OK;
	/* kept with the users so it is freed with them and never printed */
	{
		struct ios_user *u = VEC_ADD(p->cfg->users);

		if (!u) {
			free(pw);
			p->oom = 1;
			return OK;
		}
		u->name = NULL;		/* not a PPP user */
		u->password = pw;
		u->line = line_no(p);
	}
	GROUP->tunnel_password = pw;
	note(p, "tunnel secret: xl2tpd/l2tp-secrets (0600), challenge = yes");
	return OK;
}

static int h_tunnel_timers(struct parser *p, struct args *a, const char *what, int *slot,
			   long min, long max)
{
	long v;

	if (need_args(p, a, 1, 1, what) || number(p, a, 0, min, max, &v))
		return OK;
	*slot = (int)v;
	return OK;
}

static int h_tunnel_hello(struct parser *p, struct args *a)
{
	h_tunnel_timers(p, a, "l2tp tunnel hello SECONDS", &GROUP->hello, 0, 1000);
	diag_warning(p->d, line_no(p), col_of(a, 0), "l2tp tunnel hello: xl2tpd sends a HELLO "
		     "every 60 s and cannot be configured; not translated");
	note(p, "not translated: xl2tpd's hello interval is fixed (60 s)");
	return OK;
}

static int h_tunnel_rws(struct parser *p, struct args *a)
{
	h_tunnel_timers(p, a, "l2tp tunnel receive-window N", &GROUP->receive_window, 1, 1024);
	note(p, "xl2tpd tunnel rws");
	return OK;
}

static int h_tunnel_retransmit(struct parser *p, struct args *a)
{
	long v;

	if (need_args(p, a, 2, 3, "l2tp tunnel retransmit retries N | timeout min|max N"))
		return OK;
	if (!strcasecmp(a->w[0], "retries") && a->n == 2) {
		if (number(p, a, 1, 5, 1000, &v))
			return OK;
		GROUP->retries = (int)v;
		note(p, "xl2tpd max retries = %ld", v);
		return OK;
	}
	diag_warning(p->d, line_no(p), a->col[0], "l2tp tunnel retransmit %s: xl2tpd's "
		     "retransmission timer is not configurable; not translated", a->w[0]);
	note(p, "not translated: fixed in xl2tpd");
	return OK;
}

static int h_ip_pmtu(struct parser *p, struct args *a)
{
	GROUP->ip_pmtu = !a->neg;
	note(p, "xl2tpd l2tpsec ip pmtu = %s", a->neg ? "no" : "yes");
	return OK;
}

/* --- crypto isakmp policy -------------------------------------------------------------------- */

#define POLICY (&p->cfg->policies.v[p->policy])

static int h_encryption(struct parser *p, struct args *a)
{
	long bits = 128;

	if (need_args(p, a, 1, 2, "encryption des|3des|aes [128|192|256]"))
		return OK;
	if (!strcasecmp(a->w[0], "des") && a->n == 1)
		POLICY->encr = "des";
	else if (!strcasecmp(a->w[0], "3des") && a->n == 1)
		POLICY->encr = "3des";
	else if (!strcasecmp(a->w[0], "aes")) {
		if (a->n == 2 && number(p, a, 1, 128, 256, &bits))
			return OK;
		POLICY->encr = bits == 128 ? "aes128" : bits == 192 ? "aes192" :
			       bits == 256 ? "aes256" : NULL;
		if (!POLICY->encr) {
			diag_error(p->d, line_no(p), a->col[1], "aes key length must be 128, 192 or 256");
			POLICY->encr = "aes128";
			return OK;
		}
	} else {
		diag_error(p->d, line_no(p), a->col[0], "encryption: expected des, 3des or aes "
			   "[128|192|256], found '%s'", a->w[0]);
		return OK;
	}
	note(p, "IKE encryption %s", POLICY->encr);
	return OK;
}

static int h_hash(struct parser *p, struct args *a)
{
	static const char *const map[][2] = {
		{ "md5", "md5" }, { "sha", "sha1" }, { "sha256", "sha256" },
		{ "sha384", "sha384" }, { "sha512", "sha512" },
	};

	if (need_args(p, a, 1, 1, "hash md5|sha|sha256|sha384|sha512"))
		return OK;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcasecmp(a->w[0], map[i][0])) {
			POLICY->hash = map[i][1];
			note(p, "IKE integrity/PRF %s", map[i][1]);
			return OK;
		}
	diag_error(p->d, line_no(p), a->col[0], "hash: expected md5, sha, sha256, sha384 or "
		   "sha512, found '%s'", a->w[0]);
	return OK;
}

static int h_authentication(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 1, "authentication pre-share|rsa-sig"))
		return OK;
	if (!strcasecmp(a->w[0], "pre-share"))
		POLICY->psk = true;
	else if (!strcasecmp(a->w[0], "rsa-sig"))
		POLICY->psk = false;
	else {
		diag_error(p->d, line_no(p), a->col[0], "authentication: expected pre-share or rsa-sig, "
			   "found '%s'", a->w[0]);
		return OK;
	}
	note(p, POLICY->psk ? "IKE authentication: pre-shared key" :
	     "IKE authentication: certificates (swanctl auth = pubkey)");
	return OK;
}

static int h_group(struct parser *p, struct args *a)
{
	long g;

	if (need_args(p, a, 1, 1, "group 1|2|5|14|15|16|19|20|21|24") || number(p, a, 0, 1, 24, &g))
		return OK;
	if (!ios_dh_group((int)g)) {
		diag_error(p->d, line_no(p), a->col[0], "group %ld: not an IOS DH group "
			   "(1, 2, 5, 14, 15, 16, 19, 20, 21, 24)", g);
		return OK;
	}
	POLICY->group = (int)g;
	note(p, "IKE DH group %ld (%s)", g, ios_dh_group((int)g));
	return OK;
}

static int h_lifetime(struct parser *p, struct args *a)
{
	long s;

	if (need_args(p, a, 1, 1, "lifetime SECONDS") || number(p, a, 0, 60, 86400, &s))
		return OK;
	POLICY->lifetime = (unsigned)s;
	note(p, "IKE SA lifetime %lds (swanctl reauth_time; IKEv1 does not rekey in place)", s);
	return OK;
}

/* --- transform set, crypto map ---------------------------------------------------------------- */

static int h_mode(struct parser *p, struct args *a)
{
	struct ios_transform_set *ts = &p->cfg->tsets.v[p->tset];

	if (need_args(p, a, 1, 1, "mode transport|tunnel"))
		return OK;
	if (!strcasecmp(a->w[0], "transport"))
		ts->transport = true;
	else if (!strcasecmp(a->w[0], "tunnel"))
		ts->transport = false;
	else {
		diag_error(p->d, line_no(p), a->col[0], "mode: expected transport or tunnel");
		return OK;
	}
	note(p, "swanctl mode = %s", ts->transport ? "transport" : "tunnel");
	return OK;
}

#define MAP (&p->cfg->maps.v[p->map])

static int h_set_transform_set(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, -1, "set transform-set NAME [NAME2 … NAME6]"))
		return OK;
	if (a->n > 6) {
		diag_error(p->d, line_no(p), a->col[6], "set transform-set: at most 6 transform sets");
		return OK;
	}
	MAP->ntsets = a->n;
	MAP->tset_line = line_no(p);
	for (int i = 0; i < a->n; i++) {
		MAP->tsets[i] = a->w[i];
		MAP->tset_cols[i] = a->col[i];
	}
	note(p, "ESP proposals, in this order");
	return OK;
}

static int h_set_sa_lifetime(struct parser *p, struct args *a)
{
	long v;

	if (need_args(p, a, 2, 2, "set security-association lifetime seconds|kilobytes N"))
		return OK;
	if (!strcasecmp(a->w[0], "seconds")) {
		if (number(p, a, 1, 120, 86400, &v))
			return OK;
		MAP->life_seconds = (unsigned)v;
		note(p, "CHILD_SA life_time %lds, rekeyed at 90%%", v);
	} else if (!strcasecmp(a->w[0], "kilobytes")) {
		if (number(p, a, 1, 2560, 2147483647L / 1024, &v))
			return OK;
		MAP->life_kilobytes = (unsigned)v;
		note(p, "CHILD_SA life_bytes %ld KB, rekeyed at 90%%", v);
	} else {
		diag_error(p->d, line_no(p), a->col[0], "expected seconds or kilobytes, found '%s'",
			   a->w[0]);
	}
	return OK;
}

static int h_set_pfs(struct parser *p, struct args *a)
{
	long g = 1;

	if (a->neg) {
		MAP->pfs_group = 0;
		note(p, "no PFS");
		return OK;
	}
	if (need_args(p, a, 0, 1, "set pfs [group1|group2|group5|group14…]"))
		return OK;
	if (a->n == 1) {
		char *end;

		if (strncasecmp(a->w[0], "group", 5) || (g = strtol(a->w[0] + 5, &end, 10), *end) ||
		    !ios_dh_group((int)g)) {
			diag_error(p->d, line_no(p), a->col[0], "set pfs: '%s' is not an IOS DH group "
				   "(group1, group2, group5, group14 …)", a->w[0]);
			return OK;
		}
	}
	MAP->pfs_group = (int)g;
	note(p, "PFS: %s appended to every ESP proposal", ios_dh_group((int)g));
	return OK;
}

static int h_ignored_for_profile(struct parser *p, struct args *a)
{
	(void)a;
	if (MAP->profile) {
		diag_warning(p->d, line_no(p), p->ln->cols[0], "%s: ignored by crypto profiles (the peer and the "
			     "traffic come from each L2TP tunnel)", p->ln->words[0]);
		note(p, "ignored: crypto profiles take peer and traffic from each L2TP tunnel");
	} else {
		note(p, "not translated: only crypto profiles are");
	}
	return OK;
}

static int h_description(struct parser *p, struct args *a)
{
	(void)a;
	note(p, "description: kept as a comment only");
	return OK;
}

/* --- interface --------------------------------------------------------------------------------- */

#define IFACE (&p->cfg->ifaces.v[p->iface])

static int h_ip_address(struct parser *p, struct args *a)
{
	if (a->n == 1 && !strcasecmp(a->w[0], "negotiated")) {
		diag_warning(p->d, line_no(p), a->col[0], "ip address negotiated: a PPP client "
			     "interface; nothing on the LAC/LNS side to translate");
		note(p, "not translated: client-side PPP");
		return OK;
	}
	if (need_args(p, a, 2, 3, "ip address A MASK [secondary]"))
		return OK;
	if (a->n == 3) {
		diag_warning(p->d, line_no(p), a->col[2], "secondary addresses are not translated");
		return OK;
	}
	if (address(p, a, 0, &IFACE->addr) || netmask(p, a, 1, &IFACE->mask))
		return OK;
	IFACE->has_addr = true;
	note(p, "local address %s (IKE and L2TP endpoint when a crypto map is applied here)", a->w[0]);
	return OK;
}

static int h_if_crypto_map(struct parser *p, struct args *a)
{
	if (a->n != 1)
		return NOT_MINE;	/* "crypto map NAME SEQ …" is the global command */
	IFACE->crypto_map = a->w[0];
	IFACE->map_line = line_no(p);
	IFACE->map_col = a->col[0];
	note(p, "crypto map %s applied: its profiles use this interface's address", a->w[0]);
	return OK;
}

/* accepted and said so in README.translation; not a warning: nothing is lost */
static int h_nothing_on_linux(struct parser *p, struct args *a)
{
	(void)a;
	note(p, "accepted, nothing to do on Linux (link speed and duplex: ethtool)");
	return OK;
}

static int h_unnumbered(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 2, "ip unnumbered INTERFACE"))
		return OK;
	IFACE->unnumbered = a->w[0];
	note(p, "PPP local address: %s's address (xl2tpd local ip)", a->w[0]);
	return OK;
}

static int h_peer_pool(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 1, "peer default ip address pool NAME"))
		return OK;
	IFACE->pool = a->w[0];
	note(p, "client addresses from pool %s (xl2tpd ip range)", a->w[0]);
	return OK;
}

static int h_ppp_authentication(struct parser *p, struct args *a)
{
	static const struct { const char *ios; int bit; } methods[] = {
		{ "pap", AUTH_PAP }, { "chap", AUTH_CHAP }, { "ms-chap", AUTH_MSCHAP },
		{ "ms-chap-v2", AUTH_MSCHAPV2 },
	};

	if (need_args(p, a, 1, -1, "ppp authentication chap|ms-chap|ms-chap-v2|pap …"))
		return OK;
	IFACE->auth = 0;
	IFACE->nauth = 0;
	for (int i = 0; i < a->n; i++) {
		size_t k;

		for (k = 0; k < sizeof(methods) / sizeof(methods[0]); k++)
			if (!strcasecmp(a->w[i], methods[k].ios))
				break;
		if (k < sizeof(methods) / sizeof(methods[0])) {
			if (!(IFACE->auth & (unsigned)methods[k].bit) && IFACE->nauth < 4) {
				IFACE->auth |= (unsigned)methods[k].bit;
				IFACE->auth_order[IFACE->nauth++] = methods[k].bit;
			}
		} else if (!strcasecmp(a->w[i], "callin") || !strcasecmp(a->w[i], "default") ||
			   !strcasecmp(a->w[i], "eap")) {
			diag_warning(p->d, line_no(p), a->col[i], "ppp authentication %s: not "
				     "translated", a->w[i]);
		} else {
			break;	/* a named AAA method list: the rest are list names */
		}
	}
	note(p, "pppd require-… options (auth)");
	return OK;
}

static int h_ipcp_dns(struct parser *p, struct args *a)
{
	if (need_args(p, a, 1, 2, "ppp ipcp dns A [B]"))
		return OK;
	IFACE->ndns = 0;
	for (int i = 0; i < a->n; i++)
		if (!address(p, a, i, &IFACE->dns[IFACE->ndns]))
			IFACE->ndns++;
	note(p, "pppd ms-dns");
	return OK;
}

static int h_mtu(struct parser *p, struct args *a)
{
	long v;

	if (a->n == 1 && !strcasecmp(a->w[0], "adaptive")) {
		diag_warning(p->d, line_no(p), a->col[0], "ppp mtu adaptive: not translated");
		return OK;
	}
	if (need_args(p, a, 1, 1, "mtu N") || number(p, a, 0, 128, 16384, &v))
		return OK;
	IFACE->mtu = (int)v;
	note(p, "pppd mtu/mru %ld", v);
	return OK;
}

/* --- the table ------------------------------------------------------------------------------------ */

static const struct command commands[] = {
	{ M_GLOBAL, "hostname", h_hostname, 0 },
	{ M_GLOBAL, "username", h_username, 0 },
	{ M_GLOBAL, "aaa new-model", h_aaa_new_model, 0 },
	{ M_GLOBAL, "aaa authentication", h_aaa_authentication, 0 },
	{ M_GLOBAL, "vpdn enable", h_vpdn_enable, 0 },
	{ M_GLOBAL, "vpdn logging", h_vpdn_logging, 1 },
	{ M_GLOBAL, "vpdn session-limit", h_session_limit, 0 },
	{ M_GLOBAL, "vpdn-group", h_vpdn_group, 0 },
	{ M_GLOBAL, "crypto isakmp policy", h_isakmp_policy, 0 },
	{ M_GLOBAL, "crypto isakmp key", h_isakmp_key, 0 },
	{ M_GLOBAL, "crypto isakmp keepalive", h_keepalive, 0 },
	{ M_GLOBAL, "crypto ipsec transform-set", h_transform_set, 0 },
	{ M_GLOBAL, "crypto ipsec security-association lifetime", h_global_sa_lifetime, 0 },
	{ M_GLOBAL, "crypto map", h_crypto_map, 0 },
	{ M_GLOBAL, "crypto dynamic-map", h_dynamic_map, 0 },
	{ M_GLOBAL, "interface", h_interface, 0 },
	{ M_GLOBAL, "ip local pool", h_ip_local_pool, 0 },
	{ M_GLOBAL, "ip address-pool", h_address_pool, 0 },
	{ M_GLOBAL, "banner", h_banner, 0 },
	{ M_GLOBAL, "end", h_end, 0 },
	{ M_GLOBAL, "exit", h_exit, 0 },

	{ M_VPDN, "request-dialin", h_request_dialin, 0 },
	{ M_VPDN, "accept-dialin", h_accept_dialin, 0 },
	{ M_VPDN, "accept dialin", h_accept_dialin, 0 },
	{ M_VPDN, "initiate-to ip", h_initiate_to, 0 },
	{ M_VPDN, "local name", h_local_name, 0 },
	{ M_VPDN, "terminate-from hostname", h_terminate_from, 0 },
	{ M_VPDN, "lcp renegotiation", h_lcp_renegotiation, 1 },
	{ M_VPDN, "l2tp security crypto-profile", h_crypto_profile, 0 },
	{ M_VPDN, "l2tp tunnel authentication", h_tunnel_authentication, 1 },
	{ M_VPDN, "l2tp tunnel password", h_tunnel_password, 0 },
	{ M_VPDN, "l2tp tunnel hello", h_tunnel_hello, 0 },
	{ M_VPDN, "l2tp tunnel receive-window", h_tunnel_rws, 0 },
	{ M_VPDN, "l2tp tunnel retransmit", h_tunnel_retransmit, 0 },
	{ M_VPDN, "ip pmtu", h_ip_pmtu, 1 },

	{ M_REQ_IN, "protocol", h_protocol, 0 },
	{ M_REQ_IN, "domain", h_domain, 0 },
	{ M_ACC_IN, "protocol", h_protocol, 0 },
	{ M_ACC_IN, "virtual-template", h_virtual_template, 0 },

	{ M_ISAKMP, "encryption", h_encryption, 0 },
	{ M_ISAKMP, "hash", h_hash, 0 },
	{ M_ISAKMP, "authentication", h_authentication, 0 },
	{ M_ISAKMP, "group", h_group, 0 },
	{ M_ISAKMP, "lifetime", h_lifetime, 0 },

	{ M_TSET, "mode", h_mode, 0 },

	{ M_CMAP, "set transform-set", h_set_transform_set, 0 },
	{ M_CMAP, "set security-association lifetime", h_set_sa_lifetime, 0 },
	{ M_CMAP, "set pfs", h_set_pfs, 1 },
	{ M_CMAP, "set peer", h_ignored_for_profile, 0 },
	{ M_CMAP, "match address", h_ignored_for_profile, 0 },
	{ M_CMAP, "description", h_description, 0 },

	{ M_IFACE, "ip address", h_ip_address, 0 },
	{ M_IFACE, "crypto map", h_if_crypto_map, 0 },
	{ M_IFACE, "speed", h_nothing_on_linux, 0 },
	{ M_IFACE, "half-duplex", h_nothing_on_linux, 0 },
	{ M_IFACE, "full-duplex", h_nothing_on_linux, 0 },
	{ M_IFACE, "duplex", h_nothing_on_linux, 0 },
	{ M_IFACE, "ip unnumbered", h_unnumbered, 0 },
	{ M_IFACE, "peer default ip address pool", h_peer_pool, 0 },
	{ M_IFACE, "ppp authentication", h_ppp_authentication, 0 },
	{ M_IFACE, "ppp ipcp dns", h_ipcp_dns, 0 },
	{ M_IFACE, "ppp mtu", h_mtu, 0 },
	{ M_IFACE, "ip mtu", h_mtu, 0 },
	{ M_IFACE, "mtu", h_mtu, 0 },
	{ M_IFACE, "description", h_description, 0 },
};

/*
 * Match the line's words from `start` against one command's keywords. Returns the number of
 * keywords (0: no match); *exact says whether every word was spelled out in full.
 */
static int match_words(const struct command *c, const struct lex_line *l, int start, int *exact)
{
	const char *kw = c->words;
	int n = 0;

	*exact = 1;
	while (*kw) {
		size_t klen = strcspn(kw, " ");
		const char *w;
		size_t wlen;

		if (start + n >= l->nwords)
			return 0;
		w = l->words[start + n];
		wlen = strlen(w);
		if (wlen > klen || strncasecmp(w, kw, wlen))
			return 0;
		if (wlen < klen)
			*exact = 0;
		n++;
		kw += klen;
		while (*kw == ' ')
			kw++;
	}
	return n;
}

/* the best command for the line in one mode; *ambiguous set when two match equally well */
static const struct command *lookup(enum mode m, const struct lex_line *l, int start, int *nkw,
				    const struct command **other)
{
	const struct command *best = NULL;
	int best_score = 0;

	*other = NULL;
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		int exact, n, score;

		if (commands[i].mode != m)
			continue;
		n = match_words(&commands[i], l, start, &exact);
		if (!n)
			continue;
		score = n * 2 + exact;
		if (score > best_score) {
			best = &commands[i];
			best_score = score;
			*nkw = n;
			*other = NULL;
		} else if (score == best_score && commands[i].fn != best->fn) {
			*other = &commands[i];
		}
	}
	return best;
}

static void parse_line(struct parser *p)
{
	struct lex_line *l = p->ln;
	int neg = !strcasecmp(l->words[0], "no") && l->nwords > 1;
	int start = neg ? 1 : 0;

	for (int d = p->depth; d >= 0; d--) {
		const struct command *c, *other;
		int nkw = 0, saved = p->depth;
		struct args a;

		c = lookup(p->stack[d], l, start, &nkw, &other);
		if (!c)
			continue;
		if (other) {
			diag_error(p->d, l->line, l->cols[start], "ambiguous command: '%s' could be "
				   "'%s' or '%s'", l->words[start], c->words, other->words);
			return;
		}
		if (neg && !c->no_ok) {
			diag_warning(p->d, l->line, l->cols[0], "'no %s': the no form is not "
				     "translated", c->words);
			note(p, "not translated: no form");
			return;
		}
		a.neg = neg;
		a.n = l->nwords - start - nkw;
		a.w = l->words + start + nkw;
		a.col = l->cols + start + nkw;
		p->depth = d;
		if (c->fn(p, &a) == NOT_MINE) {
			p->depth = saved;
			continue;
		}
		return;
	}
	/* IOS prints global commands at column 0: an unknown one there leaves any sub-mode */
	if (l->indent == 0)
		p->depth = 0;
	/* only the first word: the rest of an unknown line may be a secret ("password cisco") */
	diag_warning(p->d, l->line, l->cols[0], "unsupported command, not translated: '%s%s'",
		     l->words[start], l->nwords > start + 1 ? " …" : "");
	if (l->nwords > start + 1 && (size_t)l->line < p->cfg->nlines)
		p->cfg->redact_col[l->line] = l->offs[start + 1] + 1;
	note(p, "not translated: unsupported");
}

int parse_config(struct lex *lx, struct ios_config *cfg, struct diag *d)
{
	struct parser p = { .cfg = cfg, .d = d };
	size_t last = lx->n ? (size_t)lx->lines[lx->n - 1].line : 0;

	cfg->nlines = last + 1;
	cfg->notes = calloc(cfg->nlines, sizeof(char *));
	cfg->redact_col = calloc(cfg->nlines, sizeof(int));
	if (!cfg->notes || !cfg->redact_col)
		return -1;
	/* the mode stack: a sub-mode sits above the mode it was entered from */
	p.stack[0] = M_GLOBAL;
	for (size_t i = 0; i < lx->n && !p.ended && !p.oom; i++) {
		p.ln = &lx->lines[i];
		parse_line(&p);
	}
	return p.oom ? -1 : 0;
}
