/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * A crypto profile reduced to what every emitter needs: addresses, proposals, lifetimes.
 */
#include "emit.h"
#include "ios_crypto.h"

#include <stdlib.h>
#include <string.h>

/* IOS global defaults for the SA lifetime */
#define IOS_LIFE_SECONDS 3600
#define IOS_LIFE_KILOBYTES 4608000

/* append item to the comma-separated list *list unless it is there already */
static void append_unique(char **list, const char *item, bool *oom)
{
	size_t ilen = strlen(item), len = *list ? strlen(*list) : 0;
	char *p;

	for (const char *s = *list; s && *s; ) {
		size_t l = strcspn(s, ",");

		if (l == ilen && !strncmp(s, item, l))
			return;
		s += l + (s[l] == ',');
	}
	p = realloc(*list, len + ilen + 2);
	if (!p) {
		*oom = true;
		return;
	}
	snprintf(p + len, ilen + 2, "%s%s", len ? "," : "", item);
	*list = p;
}

static int prio_cmp(const void *a, const void *b)
{
	const struct ios_isakmp_policy *x = *(struct ios_isakmp_policy *const *)a;
	const struct ios_isakmp_policy *y = *(struct ios_isakmp_policy *const *)b;

	return x->priority - y->priority;
}

static void ike_proposals(struct ios_config *cfg, struct conn_view *v, bool *oom)
{
	struct ios_isakmp_policy **sorted;
	size_t n = cfg->policies.n;
	bool any_psk = false;

	v->reauth = 86400;
	sorted = calloc(n ? n : 1, sizeof(*sorted));
	if (!sorted) {
		*oom = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		sorted[i] = &cfg->policies.v[i];
		any_psk |= sorted[i]->psk;
	}
	qsort(sorted, n, sizeof(*sorted), prio_cmp);
	/* pre-shared keys when any policy allows them (that is what the isakmp keys are for) */
	v->psk = any_psk || !n;
	for (size_t i = 0; i < n; i++) {
		char prop[64];

		if (sorted[i]->psk != v->psk)
			continue;
		if (sorted[i]->lifetime < v->reauth)
			v->reauth = sorted[i]->lifetime;
		if (cfg->modernize)
			snprintf(prop, sizeof(prop), "%s-%s-%s", modern_cipher(sorted[i]->encr),
				 modern_hash(sorted[i]->hash),
				 ios_dh_group(modern_dh(sorted[i]->group)));
		else
			snprintf(prop, sizeof(prop), "%s-%s-%s", sorted[i]->encr, sorted[i]->hash,
				 ios_dh_group(sorted[i]->group));
		append_unique(&v->ike, prop, oom);
	}
	/* no policy at all: IOS's default policy (65535: des, sha, rsa-sig, group 1) would need
	 * certificates; with keys configured the usual intent is the same suite with PSK */
	if (!v->ike)
		append_unique(&v->ike, "des-sha1-modp768", oom);
	free(sorted);
}

static void esp_proposals(struct ios_config *cfg, struct conn_view *v, bool *oom)
{
	const struct ios_crypto_map *m = v->map;
	int group = cfg->modernize ? modern_dh(m->pfs_group) : m->pfs_group;
	const char *pfs = group ? ios_dh_group(group) : NULL;
	char prop[96];

	v->transport = true;
	for (int i = 0; i < m->ntsets; i++) {
		const struct ios_transform_set *t = model_tset(cfg, m->tsets[i]);
		const char *enc, *auth;

		if (!t)
			continue;
		v->transport &= t->transport;
		if (!t->esp_enc && !t->esp_auth)
			continue;
		enc = t->esp_enc ? t->esp_enc : "null";
		auth = t->esp_auth;
		if (cfg->modernize) {
			/* an integrity-only or null-cipher set gets a cipher and keeps an HMAC */
			enc = modern_cipher(enc);
			auth = auth ? modern_hash(auth) : t->esp_enc_aead ? NULL : "sha256";
		}
		snprintf(prop, sizeof(prop), "%s%s%s%s%s", enc, auth ? "-" : "", auth ? auth : "",
			 pfs ? "-" : "", pfs ? pfs : "");
		append_unique(&v->esp, prop, oom);
	}
	v->life_s = m->life_seconds ? m->life_seconds : IOS_LIFE_SECONDS;
	v->life_kb = m->life_kilobytes ? m->life_kilobytes : IOS_LIFE_KILOBYTES;
}

/*
 * Remote peers: a LAC dials its initiate-to LNSes; an LNS takes IKE from any peer, as an IOS
 * crypto profile does (the seed's "Current peer:0.0.0.0"): the PSKs decide who gets in.
 */
static void remotes(struct ios_config *cfg, struct conn_view *v, bool *oom)
{
	char a[INET_ADDRSTRLEN];
	bool any_group = false;

	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (!g->crypto_profile || strcmp(g->crypto_profile, v->map->profile))
			continue;
		append_unique(&v->groups, g->name, oom);
		v->keep_sa = any_group ? v->keep_sa && g->keep_sa : g->keep_sa;
		any_group = true;
		v->lac |= g->request_dialin;
		v->lns |= g->accept_dialin;
		if (g->request_dialin)
			for (size_t k = 0; k < g->initiate.n; k++)
				append_unique(&v->remote, inet_ntop(AF_INET, &g->initiate.v[k].addr, a,
								    sizeof(a)), oom);
	}
	if (v->lns || !v->remote) {
		free(v->remote);
		v->remote = NULL;
		append_unique(&v->remote, "%any", oom);
	}
	if (!v->groups)
		append_unique(&v->groups, "none", oom);
}

/* the addresses of every interface carrying the map (IOS applies it on each); %any when one
 * of them has none of its own (DHCP) or there are more than the list holds */
static void local_addrs(struct ios_config *cfg, struct conn_view *v)
{
	const struct ios_map_local *l = model_map_local(cfg, v->map->name);
	char a[INET_ADDRSTRLEN];
	size_t len = 0;

	v->local[0] = '\0';
	/* crypto map M local-address IF: only IF's address (checked: IF exists) */
	if (l) {
		const struct ios_interface *f = model_iface(cfg, l->iface);

		if (f && f->has_addr)
			inet_ntop(AF_INET, &f->addr, v->local, sizeof(v->local));
		else
			snprintf(v->local, sizeof(v->local), "%%any");
		return;
	}
	for (size_t i = 0; i < cfg->ifaces.n; i++) {
		const struct ios_interface *f = &cfg->ifaces.v[i];

		if (!f->crypto_map || strcmp(f->crypto_map, v->map->name))
			continue;
		if (!f->has_addr || len + sizeof(a) + 1 >= sizeof(v->local)) {
			len = 0;
			break;
		}
		inet_ntop(AF_INET, &f->addr, a, sizeof(a));
		len += (size_t)snprintf(v->local + len, sizeof(v->local) - len, "%s%s", len ? "," : "",
					a);
	}
	if (!len)
		snprintf(v->local, sizeof(v->local), "%%any");
}

int conn_views(struct ios_config *cfg, struct conn_view **views, size_t *n)
{
	struct conn_view *out = calloc(cfg->maps.n ? cfg->maps.n : 1, sizeof(*out));
	bool oom = false;

	if (!out)
		return -1;
	*n = 0;
	for (size_t i = 0; i < cfg->maps.n; i++) {
		const struct ios_crypto_map *m = &cfg->maps.v[i];
		struct conn_view *v;

		if (!m->profile || m->is_dynamic_map)
			continue;
		v = &out[(*n)++];
		v->map = m;
		v->iface = model_iface_with_map(cfg, m->name);
		local_addrs(cfg, v);
		ike_proposals(cfg, v, &oom);
		esp_proposals(cfg, v, &oom);
		remotes(cfg, v, &oom);
		if (!v->esp)
			append_unique(&v->esp, "null", &oom);	/* no usable transform: checks said so */
	}
	*views = out;
	if (oom) {
		conn_views_free(out, *n);
		*views = NULL;
		return -1;
	}
	return 0;
}

void conn_views_free(struct conn_view *views, size_t n)
{
	for (size_t i = 0; views && i < n; i++) {
		free(views[i].remote);
		free(views[i].groups);
		free(views[i].ike);
		free(views[i].esp);
	}
	free(views);
}

void emit_header(FILE *f, const char *comment, const struct emit_opts *opt)
{
	fprintf(f, "%s Generated by l2tpsec translate from %s; edit the IOS configuration and\n"
		"%s translate again rather than this file.\n", comment, opt->source, comment);
}

void emit_quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}
