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

static void append(char *buf, size_t len, const char *item)
{
	size_t used = strlen(buf);

	snprintf(buf + used, len - used, "%s%s", used ? "," : "", item);
}

/* avoid listing one peer or proposal twice */
static void append_unique(char *buf, size_t len, const char *item)
{
	char *copy = strdup(buf), *tok, *save = NULL;

	if (copy)
		for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			if (!strcmp(tok, item)) {
				free(copy);
				return;
			}
	free(copy);
	append(buf, len, item);
}

static int prio_cmp(const void *a, const void *b)
{
	const struct ios_isakmp_policy *x = *(struct ios_isakmp_policy *const *)a;
	const struct ios_isakmp_policy *y = *(struct ios_isakmp_policy *const *)b;

	return x->priority - y->priority;
}

static void ike_proposals(struct ios_config *cfg, struct conn_view *v)
{
	struct ios_isakmp_policy **sorted;
	size_t n = cfg->policies.n;
	bool any_psk = false;

	v->reauth = 86400;
	if (cfg->modernize) {
		snprintf(v->ike, sizeof(v->ike), "%s", MODERN_IKE_PROPOSAL);
	}
	sorted = calloc(n ? n : 1, sizeof(*sorted));
	if (!sorted)
		return;
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
			continue;
		snprintf(prop, sizeof(prop), "%s-%s-%s", sorted[i]->encr, sorted[i]->hash,
			 ios_dh_group(sorted[i]->group));
		append_unique(v->ike, sizeof(v->ike), prop);
	}
	/* no policy at all: IOS's default policy (65535: des, sha, rsa-sig, group 1) would need
	 * certificates; with keys configured the usual intent is the same suite with PSK */
	if (!v->ike[0])
		snprintf(v->ike, sizeof(v->ike), "des-sha1-modp768");
	free(sorted);
}

static void esp_proposals(struct ios_config *cfg, struct conn_view *v)
{
	const struct ios_crypto_map *m = v->map;
	const char *pfs = m->pfs_group ? ios_dh_group(m->pfs_group) : NULL;

	v->transport = true;
	if (cfg->modernize) {
		char *p = v->esp;

		for (const char *s = MODERN_ESP_PROPOSAL; *s; ) {
			size_t l = strcspn(s, ",");

			p += snprintf(p, sizeof(v->esp) - (size_t)(p - v->esp), "%s%.*s%s%s",
				      p == v->esp ? "" : ",", (int)l, s, pfs ? "-" : "",
				      pfs ? MODERN_DH : "");
			s += l + (s[l] == ',');
		}
	}
	for (int i = 0; i < m->ntsets; i++) {
		const struct ios_transform_set *t = model_tset(cfg, m->tsets[i]);
		char prop[96];

		if (!t)
			continue;
		v->transport &= t->transport;
		if (cfg->modernize || (!t->esp_enc && !t->esp_auth))
			continue;
		snprintf(prop, sizeof(prop), "%s%s%s%s%s", t->esp_enc ? t->esp_enc : "null",
			 t->esp_auth ? "-" : "", t->esp_auth ? t->esp_auth : "",
			 pfs ? "-" : "", pfs ? pfs : "");
		append_unique(v->esp, sizeof(v->esp), prop);
	}
	v->life_s = m->life_seconds ? m->life_seconds : IOS_LIFE_SECONDS;
	v->life_kb = m->life_kilobytes ? m->life_kilobytes : IOS_LIFE_KILOBYTES;
}

/* remote peers: LNS groups accept the PSK peers (any for 0.0.0.0/0), LAC groups dial theirs */
static void remotes(struct ios_config *cfg, struct conn_view *v)
{
	char a[64];

	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (!g->crypto_profile || strcmp(g->crypto_profile, v->map->profile))
			continue;
		append(v->groups, sizeof(v->groups), g->name);
		v->keep_sa = (v->lac || v->lns) ? v->keep_sa && g->keep_sa : g->keep_sa;
		v->lac |= g->request_dialin;
		v->lns |= g->accept_dialin;
		if (g->request_dialin)
			for (size_t k = 0; k < g->initiate.n; k++)
				append_unique(v->remote, sizeof(v->remote),
					      inet_ntop(AF_INET, &g->initiate.v[k].addr, a, sizeof(a)));
	}
	if (v->lns) {
		for (size_t k = 0; k < cfg->keys.n; k++) {
			const struct ios_isakmp_key *key = &cfg->keys.v[k];
			uint32_t mask = ntohl(key->mask.s_addr);
			int len = 0;

			while (mask & 0x80000000u) {
				len++;
				mask <<= 1;
			}
			if (len == 0) {
				snprintf(v->remote, sizeof(v->remote), "%%any");
				return;
			}
			inet_ntop(AF_INET, &key->addr, a, sizeof(a));
			if (len < 32)
				snprintf(a + strlen(a), sizeof(a) - strlen(a), "/%d", len);
			append_unique(v->remote, sizeof(v->remote), a);
		}
		if (!cfg->keys.n)
			snprintf(v->remote, sizeof(v->remote), "%%any");
	}
	if (!v->remote[0])
		snprintf(v->remote, sizeof(v->remote), "%%any");
}

int conn_views(struct ios_config *cfg, struct conn_view **views, size_t *n)
{
	struct conn_view *out = calloc(cfg->maps.n ? cfg->maps.n : 1, sizeof(*out));

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
		if (v->iface && v->iface->has_addr)
			inet_ntop(AF_INET, &v->iface->addr, v->local, sizeof(v->local));
		else
			snprintf(v->local, sizeof(v->local), "%%any");
		ike_proposals(cfg, v);
		esp_proposals(cfg, v);
		remotes(cfg, v);
	}
	*views = out;
	return 0;
}

void emit_header(FILE *f, const char *comment, const struct emit_opts *opt)
{
	fprintf(f, "%s Generated by l2tpsec translate from %s; edit the IOS configuration and\n"
		"%s translate again rather than this file.\n", comment, opt->source, comment);
}
