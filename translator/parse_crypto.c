/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS grammar, part: crypto isakmp (policies, keys, keepalive), transform sets and crypto maps.
 */
#define _GNU_SOURCE
#include "parse_core.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define POLICY (&p->cfg->policies.v[p->policy])
#define MAP (&p->cfg->maps.v[p->map])

static int h_isakmp_policy(struct parser *p, struct args *a)
{
	struct ios_isakmp_policy *pol;
	long prio;

	if (parse_need_args(p, a, 1, 1, "crypto isakmp policy PRIORITY") ||
	    parse_number(p, a, 0, 1, 10000, &prio))
		return OK;
	for (size_t i = 0; i < p->cfg->policies.n; i++)
		if (p->cfg->policies.v[i].priority == prio) {
			diag_error(p->d, parse_lineno(p), a->col[0], "crypto isakmp policy %ld is defined "
				   "twice (first at line %d)", prio, p->cfg->policies.v[i].line);
			p->policy = i;
			parse_enter(p, M_ISAKMP);
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
	pol->line = parse_lineno(p);
	p->policy = p->cfg->policies.n - 1;
	parse_enter(p, M_ISAKMP);
	parse_note(p, "ISAKMP policy %ld (an IKE proposal, in priority order)", prio);
	return OK;
}

/* ADDRESS/LENGTH with an IPv6 address and a length from 0 to 128 */
static bool ipv6_prefix(const char *s)
{
	char addr[INET6_ADDRSTRLEN];
	struct in6_addr in6;
	const char *slash = strchr(s, '/');
	char *end;
	long len;

	if (!slash || (size_t)(slash - s) >= sizeof(addr))
		return false;
	memcpy(addr, s, (size_t)(slash - s));
	addr[slash - s] = '\0';
	len = strtol(slash + 1, &end, 10);
	return inet_pton(AF_INET6, addr, &in6) == 1 && !*end && end != slash + 1 && len >= 0 &&
	       len <= 128;
}

/* a pre-shared key: argument key_i for the peer at addr_i ("ipv6" PREFIX, or an IPv4 address
 * with the mask at mask_i, -1 for a host); from crypto isakmp key and keyrings alike */
static void add_psk(struct parser *p, struct args *a, const char *what, int key_i, int addr_i,
		    int mask_i)
{
	struct ios_isakmp_key *k;

	parse_redact(p, a, key_i < addr_i ? key_i : key_i - 1);
	k = VEC_ADD(p->cfg->keys);
	if (!k) {
		p->oom = 1;
		return;
	}
	k->key = a->w[key_i];
	k->keyring = p->stack[p->depth] == M_KEYRING ? p->keyring : NULL;
	k->line = parse_lineno(p);
	k->col = a->col[addr_i];
	k->mask.s_addr = htonl(0xffffffff);
	if (!strcasecmp(a->w[addr_i], "ipv6")) {
		if (addr_i + 1 >= a->n || !ipv6_prefix(a->w[addr_i + 1])) {
			diag_error(p->d, parse_lineno(p), parse_col_of(a, addr_i + 1), "%s: expected "
				   "'address ipv6 ADDRESS/LENGTH'", what);
			goto bad;
		}
		k->addr6 = a->w[addr_i + 1];
		diag_warning(p->d, parse_lineno(p), a->col[addr_i], "%s for IPv6 peer %s: translated "
			     "for IKE, but xl2tpd serves L2TP over IPv4 only", what, k->addr6);
		parse_note(p, "pre-shared key for IPv6 %s", k->addr6);
		return;
	}
	if (parse_address(p, a, addr_i, &k->addr))
		goto bad;
	if (mask_i >= 0 && parse_netmask(p, a, mask_i, &k->mask))
		goto bad;
	parse_note(p, "pre-shared key for %s", a->w[addr_i]);
	return;
bad:
	p->cfg->keys.n--;
}

static int h_isakmp_key(struct parser *p, struct args *a)
{
	int i = 0;

	if (parse_need_args(p, a, 3, -1, "crypto isakmp key [0] KEY address A [MASK] [no-xauth]"))
		return OK;
	if (!strcmp(a->w[0], "6")) {
		parse_redact(p, a, 1);
		diag_warning(p->d, parse_lineno(p), a->col[0], "crypto isakmp key: a type 6 key is "
			     "encrypted with the router's master key and cannot be recovered: not "
			     "translated (give it as 'crypto isakmp key 0 KEY address …')");
		parse_note(p, "not translated: type 6 key");
		return OK;
	}
	if (!strcmp(a->w[0], "0"))
		i = 1;
	if (i + 2 >= a->n + 0 || strcasecmp(a->w[i + 1], "address")) {
		if (i + 1 < a->n && !strcasecmp(a->w[i + 1], "hostname")) {
			diag_warning(p->d, parse_lineno(p), a->col[i + 1], "crypto isakmp key … hostname: "
				     "peers by host name are not translated (use an address)");
			parse_note(p, "not translated: hostname peers");
			return OK;
		}
		diag_error(p->d, parse_lineno(p), parse_col_of(a, i + 1), "crypto isakmp key: expected "
			   "'address A [MASK]'");
		return OK;
	}
	add_psk(p, a, "crypto isakmp key", i, i + 2,
		i + 3 < a->n && strcasecmp(a->w[i + 3], "no-xauth") ? i + 3 : -1);
	return OK;
}

static int h_keepalive(struct parser *p, struct args *a)
{
	long s, r = 2;

	if (parse_need_args(p, a, 1, 3,
		"crypto isakmp keepalive SECONDS [RETRY] [periodic|on-demand]") ||
	    parse_number(p, a, 0, 10, 3600, &s))
		return OK;
	if (a->n > 1 && isdigit((unsigned char)a->w[1][0]) && parse_number(p, a, 1, 2, 60, &r))
		return OK;
	p->cfg->keepalive = (int)s;
	p->cfg->keepalive_retry = (int)r;
	p->cfg->keepalive_line = parse_lineno(p);
	parse_note(p, "dead peer detection every %lds", s);
	return OK;
}

/* crypto ipsec transform-set NAME T1 [KEYLEN] [T2 [T3 …]] with IOS's combination rules */
static int h_transform_set(struct parser *p, struct args *a)
{
	struct ios_transform_set *ts;

	if (parse_need_args(p, a, 2, -1, "crypto ipsec transform-set NAME TRANSFORM…"))
		return OK;
	if (model_tset(p->cfg, a->w[0])) {
		diag_error(p->d, parse_lineno(p), a->col[0], "transform set %s is defined twice", a->w[0]);
		return OK;
	}
	ts = VEC_ADD(p->cfg->tsets);
	if (!ts) {
		p->oom = 1;
		return OK;
	}
	ts->name = a->w[0];
	ts->line = parse_lineno(p);
	for (int i = 1; i < a->n; i++) {
		const struct ios_transform *t = ios_transform(a->w[i]);
		long keylen = 0;
		const char **slot = NULL;

		if (!t) {
			diag_error(p->d, parse_lineno(p), a->col[i], "unknown transform '%s'", a->w[i]);
			continue;
		}
		if (t->keylen && i + 1 < a->n && isdigit((unsigned char)a->w[i + 1][0])) {
			if (parse_number(p, a, i + 1, 128, 256, &keylen) ||
			    !ios_cipher_keylen(t, (int)keylen)) {
				if (keylen)
					diag_error(p->d, parse_lineno(p), a->col[i + 1], "%s: key length must "
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
			diag_error(p->d, parse_lineno(p), a->col[t->keylen && keylen ? i - 1 : i],
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
		diag_error(p->d, parse_lineno(p), a->col[0], "transform set %s: esp-gcm already "
			   "authenticates; it cannot be combined with an ESP HMAC", ts->name);
	if (!ts->esp_enc && !ts->esp_auth && !ts->ah)
		diag_error(p->d, parse_lineno(p), a->col[0], "transform set %s: no ESP or AH transform",
			   ts->name);
	p->tset = p->cfg->tsets.n - 1;
	parse_enter(p, M_TSET);
	parse_note(p, "transform set %s", ts->name);
	return OK;
}

static int h_global_sa_lifetime(struct parser *p, struct args *a)
{
	(void)a;
	diag_warning(p->d, parse_lineno(p), p->ln->cols[0],
		"the global SA lifetime is not translated: set it per crypto map (set "
		"security-association lifetime); the IOS defaults 3600 s / 4608000 KB apply");
	parse_note(p, "not translated: global lifetime");
	return OK;
}

/* crypto map NAME SEQ ipsec-isakmp [profile P | dynamic D [discover]] */
static int crypto_map_entry(struct parser *p, struct args *a, bool dynamic_map)
{
	struct ios_crypto_map *m;
	long seq;

	if (dynamic_map) {
		if (parse_need_args(p, a, 2, 2, "crypto dynamic-map NAME SEQ"))
			return OK;
	} else if (a->n == 2 || (a->n > 2 && strcasecmp(a->w[2], "ipsec-isakmp"))) {
		diag_warning(p->d, parse_lineno(p), parse_col_of(a, 2), "crypto map %s: only ipsec-isakmp "
			     "entries are translated", a->w[0]);
		parse_note(p, "not translated: not ipsec-isakmp");
		return OK;
	} else if (parse_need_args(p, a, 3, 5,
		"crypto map NAME SEQ ipsec-isakmp [profile P | dynamic D]")) {
		return OK;
	}
	if (parse_number(p, a, 1, 1, 65535, &seq))
		return OK;
	for (size_t i = 0; i < p->cfg->maps.n; i++) {
		struct ios_crypto_map *o = &p->cfg->maps.v[i];

		if (o->seq == seq && o->is_dynamic_map == dynamic_map && !strcmp(o->name, a->w[0])) {
			diag_error(p->d, parse_lineno(p), a->col[1], "crypto %smap %s: sequence number %ld "
				   "is used twice (first at line %d)", dynamic_map ? "dynamic-" : "",
				   a->w[0], seq, o->line);
			p->map = i;
			parse_enter(p, M_CMAP);
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
	m->line = parse_lineno(p);
	m->is_dynamic_map = dynamic_map;
	if (a->n >= 5 && !strcasecmp(a->w[3], "profile"))
		m->profile = a->w[4];
	else if (a->n >= 5 && !strcasecmp(a->w[3], "dynamic"))
		m->dynamic = a->w[4];
	else if (a->n > 3)
		diag_error(p->d, parse_lineno(p), a->col[3],
			"crypto map %s %ld: expected 'profile NAME' or "
			   "'dynamic NAME' after ipsec-isakmp", m->name, seq);
	p->map = p->cfg->maps.n - 1;
	parse_enter(p, M_CMAP);
	if (m->profile)
		parse_note(p, "crypto profile %s: a template, cloned per L2TP tunnel", m->profile);
	else
		parse_note(p, "crypto map entry: only profiles (L2TP Security) are translated");
	return OK;
}

static int h_crypto_map(struct parser *p, struct args *a)
{
	if (a->n >= 2 && !strcasecmp(a->w[1], "local-address")) {
		struct ios_map_local *l;

		if (parse_need_args(p, a, 3, 3, "crypto map NAME local-address INTERFACE"))
			return OK;
		l = model_map_local(p->cfg, a->w[0]);
		if (!l && (l = VEC_ADD(p->cfg->map_locals)))
			l->map = a->w[0];
		if (!l) {
			p->oom = 1;
			return OK;
		}
		l->iface = a->w[2];
		l->line = parse_lineno(p);
		l->col = a->col[2];
		parse_note(p, "crypto map %s: IKE and ESP from %s's address", a->w[0], a->w[2]);
		return OK;
	}
	return crypto_map_entry(p, a, false);
}

static int h_dynamic_map(struct parser *p, struct args *a)
{
	return crypto_map_entry(p, a, true);
}

static int h_encryption(struct parser *p, struct args *a)
{
	long bits = 128;

	if (parse_need_args(p, a, 1, 2, "encryption des|3des|aes [128|192|256]"))
		return OK;
	if (!strcasecmp(a->w[0], "des") && a->n == 1)
		POLICY->encr = "des";
	else if (!strcasecmp(a->w[0], "3des") && a->n == 1)
		POLICY->encr = "3des";
	else if (!strcasecmp(a->w[0], "aes")) {
		if (a->n == 2 && parse_number(p, a, 1, 128, 256, &bits))
			return OK;
		POLICY->encr = bits == 128 ? "aes128" : bits == 192 ? "aes192" :
			       bits == 256 ? "aes256" : NULL;
		if (!POLICY->encr) {
			diag_error(p->d, parse_lineno(p), a->col[1], "aes key length must be 128, 192 or 256");
			POLICY->encr = "aes128";
			return OK;
		}
	} else {
		diag_error(p->d, parse_lineno(p), a->col[0], "encryption: expected des, 3des or aes "
			   "[128|192|256], found '%s'", a->w[0]);
		return OK;
	}
	POLICY->encr_line = parse_lineno(p);
	parse_note(p, "IKE encryption %s", POLICY->encr);
	return OK;
}

static int h_hash(struct parser *p, struct args *a)
{
	static const char *const map[][2] = {
		{ "md5", "md5" }, { "sha", "sha1" }, { "sha256", "sha256" },
		{ "sha384", "sha384" }, { "sha512", "sha512" },
	};

	if (parse_need_args(p, a, 1, 1, "hash md5|sha|sha256|sha384|sha512"))
		return OK;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcasecmp(a->w[0], map[i][0])) {
			POLICY->hash = map[i][1];
			POLICY->hash_line = parse_lineno(p);
			parse_note(p, "IKE integrity/PRF %s", map[i][1]);
			return OK;
		}
	diag_error(p->d, parse_lineno(p), a->col[0], "hash: expected md5, sha, sha256, sha384 or "
		   "sha512, found '%s'", a->w[0]);
	return OK;
}

static int h_authentication(struct parser *p, struct args *a)
{
	static const char *const kw[] = { "pre-share", "rsa-sig" };
	int k;

	if (parse_need_args(p, a, 1, 1, "authentication pre-share|rsa-sig"))
		return OK;
	k = parse_keyword(a->w[0], kw, 2);
	if (k >= 0)
		POLICY->psk = k == 0;
	else {
		diag_error(p->d, parse_lineno(p), a->col[0], "authentication: expected pre-share or rsa-sig, "
			   "found '%s'", a->w[0]);
		return OK;
	}
	POLICY->auth_line = parse_lineno(p);
	parse_note(p, POLICY->psk ? "IKE authentication: pre-shared key" :
		   "IKE authentication: certificates");
	return OK;
}

static int h_group(struct parser *p, struct args *a)
{
	long g;

	if (parse_need_args(p, a, 1, 1, "group 1|2|5|14|15|16|19|20|21|24") ||
	    parse_number(p, a, 0, 1, 24, &g))
		return OK;
	if (!ios_dh_group((int)g)) {
		diag_error(p->d, parse_lineno(p), a->col[0], "group %ld: not an IOS DH group "
			   "(1, 2, 5, 14, 15, 16, 19, 20, 21, 24)", g);
		return OK;
	}
	POLICY->group = (int)g;
	POLICY->group_line = parse_lineno(p);
	parse_note(p, "IKE DH group %ld (%s)", g, ios_dh_group((int)g));
	return OK;
}

static int h_lifetime(struct parser *p, struct args *a)
{
	long s;

	if (parse_need_args(p, a, 1, 1, "lifetime SECONDS") || parse_number(p, a, 0, 60, 86400, &s))
		return OK;
	POLICY->lifetime = (unsigned)s;
	POLICY->lifetime_line = parse_lineno(p);
	parse_note(p, "IKE SA lifetime %lds (IKEv1 re-authenticates rather than rekeying)", s);
	return OK;
}

static int h_mode(struct parser *p, struct args *a)
{
	static const char *const kw[] = { "transport", "tunnel" };
	struct ios_transform_set *ts = &p->cfg->tsets.v[p->tset];
	int k;

	if (parse_need_args(p, a, 1, 1, "mode transport|tunnel"))
		return OK;
	k = parse_keyword(a->w[0], kw, 2);
	if (k >= 0)
		ts->transport = k == 0;
	else {
		diag_error(p->d, parse_lineno(p), a->col[0], "mode: expected transport or tunnel");
		return OK;
	}
	ts->mode_line = parse_lineno(p);
	parse_note(p, "%s mode", ts->transport ? "transport" : "tunnel");
	return OK;
}

static int h_set_transform_set(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, -1, "set transform-set NAME [NAME2 … NAME6]"))
		return OK;
	if (a->n > 6) {
		diag_error(p->d, parse_lineno(p), a->col[6], "set transform-set: at most 6 transform sets");
		return OK;
	}
	MAP->ntsets = a->n;
	MAP->tset_line = parse_lineno(p);
	for (int i = 0; i < a->n; i++) {
		MAP->tsets[i] = a->w[i];
		MAP->tset_cols[i] = a->col[i];
	}
	parse_note(p, "ESP proposals, in this order");
	return OK;
}

static int h_set_sa_lifetime(struct parser *p, struct args *a)
{
	long v;

	if (parse_need_args(p, a, 2, 2, "set security-association lifetime seconds|kilobytes N"))
		return OK;
	if (!strcasecmp(a->w[0], "seconds")) {
		if (parse_number(p, a, 1, 120, 86400, &v))
			return OK;
		MAP->life_seconds = (unsigned)v;
		MAP->life_s_line = parse_lineno(p);
		parse_note(p, "SA lifetime %lds, rekeyed at 90%%", v);
	} else if (!strcasecmp(a->w[0], "kilobytes")) {
		if (parse_number(p, a, 1, 2560, 2147483647L / 1024, &v))
			return OK;
		MAP->life_kilobytes = (unsigned)v;
		MAP->life_kb_line = parse_lineno(p);
		parse_note(p, "SA lifetime %ld KB, rekeyed at 90%%", v);
	} else {
		diag_error(p->d, parse_lineno(p), a->col[0], "expected seconds or kilobytes, found '%s'",
			   a->w[0]);
	}
	return OK;
}

static int h_set_pfs(struct parser *p, struct args *a)
{
	long g = 1;

	if (a->neg) {
		MAP->pfs_group = 0;
		MAP->pfs_line = parse_lineno(p);
		parse_note(p, "no PFS");
		return OK;
	}
	if (parse_need_args(p, a, 0, 1, "set pfs [group1|group2|group5|group14…]"))
		return OK;
	if (a->n == 1) {
		char *end;

		if (strncasecmp(a->w[0], "group", 5) || (g = strtol(a->w[0] + 5, &end, 10), *end) ||
		    !ios_dh_group((int)g)) {
			diag_error(p->d, parse_lineno(p), a->col[0], "set pfs: '%s' is not an IOS DH group "
				   "(group1, group2, group5, group14 …)", a->w[0]);
			return OK;
		}
	}
	MAP->pfs_group = (int)g;
	MAP->pfs_line = parse_lineno(p);
	parse_note(p, "PFS with %s", ios_dh_group((int)g));
	return OK;
}

static int h_ignored_for_profile(struct parser *p, struct args *a)
{
	(void)a;
	if (MAP->profile) {
		diag_warning(p->d, parse_lineno(p), p->ln->cols[0],
			"%s: ignored by crypto profiles (the peer and the traffic come from each L2TP "
			"tunnel)", p->ln->words[0]);
		parse_note(p, "ignored: crypto profiles take peer and traffic from each L2TP tunnel");
	} else {
		parse_note(p, "not translated: only crypto profiles are");
	}
	return OK;
}

/* crypto keyring NAME [vrf VRF]: IOS scopes its keys to the isakmp profiles naming it; swanctl
 * has one key store, so they join crypto isakmp key's (each still bound to its peer address) */
static int h_keyring(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 3, "crypto keyring NAME [vrf VRF]"))
		return OK;
	p->keyring = a->w[0];
	parse_enter(p, M_KEYRING);
	parse_note(p, "keyring %s: its keys become swanctl secrets, each for its peer's address",
		   a->w[0]);
	return OK;
}

/* pre-shared-key address A [MASK] key KEY | address ipv6 P/LEN key KEY | hostname H key KEY */
static int h_keyring_psk(struct parser *p, struct args *a)
{
	int key_i = a->n - 1;

	if (a->n >= 3 && !strcasecmp(a->w[0], "hostname")) {
		parse_redact(p, a, 2);
		diag_warning(p->d, parse_lineno(p), a->col[0], "pre-shared-key hostname: peers by "
			     "host name are not translated (use an address)");
		parse_note(p, "not translated: hostname peers");
		return OK;
	}
	if (parse_need_args(p, a, 4, 5, "pre-shared-key address A [MASK] key KEY"))
		return OK;
	if (strcasecmp(a->w[0], "address") || strcasecmp(a->w[key_i - 1], "key")) {
		parse_redact(p, a, 1);
		diag_error(p->d, parse_lineno(p), a->col[0], "pre-shared-key: expected 'address A "
			   "[MASK] key KEY'");
		return OK;
	}
	add_psk(p, a, "pre-shared-key", key_i, 1,
		key_i == 4 && strcasecmp(a->w[1], "ipv6") ? 2 : -1);
	return OK;
}

/* crypto isakmp profile NAME: IOS picks it by the peer's identity; here the keys and each
 * crypto profile's connection decide, so only its keepalive is taken */
static int h_isakmp_profile(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "crypto isakmp profile NAME"))
		return OK;
	p->iprof = a->w[0];
	parse_enter(p, M_IPROF);
	parse_note(p, "isakmp profile %s: its keyring's keys and keepalive are translated", a->w[0]);
	return OK;
}

static int h_iprof_keyring(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "keyring NAME"))
		return OK;
	parse_note(p, "keys of keyring %s (swanctl secrets)", a->w[0]);
	return OK;
}

static int h_iprof_match(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, -1, "match identity address A [MASK] | host H | user U"))
		return OK;
	diag_warning(p->d, parse_lineno(p), p->ln->cols[0], "isakmp profile %s: match identity is not "
		     "translated: any peer whose pre-shared key matches is admitted", p->iprof);
	parse_note(p, "not translated: the pre-shared keys decide who gets in");
	return OK;
}

static int h_iprof_keepalive(struct parser *p, struct args *a)
{
	long s, r = 2;

	if (parse_need_args(p, a, 1, 3, "keepalive SECONDS [retry SECONDS]") ||
	    parse_number(p, a, 0, 10, 3600, &s) ||
	    (a->n == 3 && parse_number(p, a, 2, 2, 60, &r)))
		return OK;
	if (!p->cfg->keepalive) {
		p->cfg->keepalive = (int)s;
		p->cfg->keepalive_retry = (int)r;
		p->cfg->keepalive_line = parse_lineno(p);
	}
	parse_note(p, "dead peer detection every %ld s", s);
	return OK;
}

static int h_nothing_here(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "nothing to do: charon identifies itself by its address");
	return OK;
}

static int h_set_isakmp_profile(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "set isakmp-profile NAME"))
		return OK;
	parse_note(p, "isakmp profile %s: its keys are global swanctl secrets", a->w[0]);
	return OK;
}

static int h_nat_keepalive(struct parser *p, struct args *a)
{
	(void)a;
	diag_warning(p->d, parse_lineno(p), p->ln->cols[0], "crypto isakmp nat keepalive: not "
		     "translated: charon sends NAT-T keepalives every 20 s (charon.keep_alive in "
		     "strongswan.conf)");
	parse_note(p, "not translated: charon.keep_alive");
	return OK;
}

/* set nat demux: IOS's way to tell clients behind one NAT address apart; the plugin's
 * steering always does (by the SA each packet came under) */
static int h_nat_demux(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "nothing to do: the charon plugin always tells clients behind one NAT apart");
	return OK;
}

static int h_cmap_untranslated(struct parser *p, struct args *a)
{
	(void)a;
	diag_warning(p->d, parse_lineno(p), p->ln->cols[0], "crypto map %s %d: '%s%s%s' is not "
		     "translated (routes to clients come with their PPP sessions)", MAP->name, MAP->seq,
		     a->neg ? "no " : "", p->ln->words[a->neg],
		     p->ln->nwords > a->neg + 1 ? " …" : "");
	parse_note(p, "not translated");
	return OK;
}

const struct command parse_crypto_commands[] = {
	{ M_GLOBAL, "crypto keyring", h_keyring, 0 },
	{ M_KEYRING, "pre-shared-key", h_keyring_psk, 0 },
	{ M_KEYRING, "description", parse_description, 0 },
	{ M_GLOBAL, "crypto isakmp profile", h_isakmp_profile, 0 },
	{ M_GLOBAL, "crypto isakmp nat keepalive", h_nat_keepalive, 0 },
	{ M_IPROF, "keyring", h_iprof_keyring, 0 },
	{ M_IPROF, "match identity", h_iprof_match, 0 },
	{ M_IPROF, "keepalive", h_iprof_keepalive, 0 },
	{ M_IPROF, "self-identity", h_nothing_here, 0 },
	{ M_IPROF, "local-address", h_nothing_here, 0 },
	{ M_IPROF, "description", parse_description, 0 },
	{ M_CMAP, "set isakmp-profile", h_set_isakmp_profile, 0 },
	{ M_GLOBAL, "crypto isakmp policy", h_isakmp_policy, 0 },
	{ M_GLOBAL, "crypto isakmp key", h_isakmp_key, 0 },
	{ M_GLOBAL, "crypto isakmp keepalive", h_keepalive, 0 },
	{ M_GLOBAL, "crypto ipsec transform-set", h_transform_set, 0 },
	{ M_GLOBAL, "crypto ipsec security-association lifetime", h_global_sa_lifetime, 0 },
	{ M_GLOBAL, "crypto map", h_crypto_map, 0 },
	{ M_GLOBAL, "crypto dynamic-map", h_dynamic_map, 0 },
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
	{ M_CMAP, "set nat demux", h_nat_demux, 0 },
	{ M_CMAP, "set reverse-route", h_cmap_untranslated, 0 },
	{ M_CMAP, "reverse-route", h_cmap_untranslated, 1 },
	{ M_CMAP, "set security-association idle-time", h_cmap_untranslated, 0 },
	{ M_CMAP, "qos pre-classify", h_cmap_untranslated, 0 },
	{ M_CMAP, "match address", h_ignored_for_profile, 0 },
	{ M_CMAP, "description", parse_description, 0 },
	{ 0 }
};
