/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "check.h"
#include "dynamic.h"
#include "emit.h"
#include "ios_crypto.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* a crypto map name is applied to some interface */
static void check_maps(struct ios_config *cfg, struct diag *d)
{
	for (size_t i = 0; i < cfg->maps.n; i++) {
		struct ios_crypto_map *m = &cfg->maps.v[i];
		int first = 1;

		for (size_t j = 0; j < i; j++)
			if (!cfg->maps.v[j].is_dynamic_map && !strcmp(cfg->maps.v[j].name, m->name))
				first = 0;
		if (!m->is_dynamic_map && first && !model_iface_with_map(cfg, m->name))
			diag_error(d, m->line, 1, "crypto map %s is applied to no interface (add "
				   "'crypto map %s' under the interface that carries L2TP)",
				   m->name, m->name);
		for (int t = 0; t < m->ntsets; t++)
			if (!model_tset(cfg, m->tsets[t]))
				diag_error(d, m->tset_line, m->tset_cols[t], "transform set %s is used "
					   "by crypto map %s %d but never defined", m->tsets[t],
					   m->name, m->seq);
		if (m->profile && !m->ntsets && !m->from_dynamic)
			diag_error(d, m->line, 1, "crypto map %s %d (profile %s) has no 'set "
				   "transform-set'", m->name, m->seq, m->profile);
		for (size_t j = 0; j < i && !m->is_dynamic_map; j++)
			if (m->profile && cfg->maps.v[j].profile &&
			    !strcmp(cfg->maps.v[j].profile, m->profile))
				diag_error(d, m->line, 1, "crypto profile %s is defined twice (also "
					   "crypto map %s %d at line %d)", m->profile,
					   cfg->maps.v[j].name, cfg->maps.v[j].seq, cfg->maps.v[j].line);
	}
	for (size_t i = 0; i < cfg->ifaces.n; i++) {
		struct ios_interface *f = &cfg->ifaces.v[i];
		int found = 0;

		if (!f->crypto_map)
			continue;
		for (size_t j = 0; j < cfg->maps.n; j++)
			if (!cfg->maps.v[j].is_dynamic_map && !strcmp(cfg->maps.v[j].name, f->crypto_map))
				found = 1;
		if (!found)
			diag_error(d, f->map_line, f->map_col, "crypto map %s is applied to %s but "
				   "never defined", f->crypto_map, f->name);
		else if (!f->has_addr && !f->dhcp)
			diag_error(d, f->map_line, f->map_col, "interface %s carries crypto map %s "
				   "but has no 'ip address'", f->name, f->crypto_map);
	}
}

/* a PSK covers addr when one key's address/mask matches it (0.0.0.0/0 covers all) */
static bool key_for(const struct ios_config *cfg, struct in_addr addr)
{
	for (size_t i = 0; i < cfg->keys.n; i++)
		if (!cfg->keys.v[i].addr6 && (addr.s_addr & cfg->keys.v[i].mask.s_addr) ==
		    (cfg->keys.v[i].addr.s_addr & cfg->keys.v[i].mask.s_addr))
			return true;
	return false;
}

/* IKE needs credentials: a key for every peer a LAC dials, and some key for an LNS */
static void check_credentials(struct ios_config *cfg, struct ios_vpdn_group *g, struct diag *d)
{
	struct ios_crypto_map *m = g->crypto_profile ? model_profile(cfg, g->crypto_profile) : NULL;
	bool certs = false;

	if (!m)
		return;
	for (size_t i = 0; i < cfg->policies.n; i++)
		certs |= !cfg->policies.v[i].psk;
	if (certs)
		return;
	if (g->accept_dialin && !cfg->keys.n)
		diag_warning(d, m->line, 1, "crypto profile %s (vpdn-group %s): no 'crypto "
			     "isakmp key' at all, so IKE has no pre-shared key for any client; add "
			     "one (0.0.0.0 0.0.0.0 for any peer)", m->profile, g->name);
	for (size_t k = 0; k < g->initiate.n; k++)
		if (!key_for(cfg, g->initiate.v[k].addr))
			diag_warning(d, g->initiate.v[k].line, 1, "no 'crypto isakmp key' covers "
				     "LNS %s: IKE cannot authenticate to it", inet_ntoa(g->initiate.v[k].addr));
}

/* a template's 'ip unnumbered IF' gives PPP IF's address: IF must exist and have one */
static void check_unnumbered(struct ios_config *cfg, const struct ios_interface *vt, struct diag *d)
{
	const struct ios_interface *un = model_iface(cfg, vt->unnumbered);

	if (un && un->has_addr)
		return;
	diag_warning(d, vt->unnumbered_line, 1, "%s: ip unnumbered %s: %s, so the PPP side has no "
		     "local address of its own (pppd takes the LNS's)", vt->name, vt->unnumbered,
		     un ? "that interface has no 'ip address'" : "no such interface");
	model_note(cfg, vt->unnumbered_line, "not translated: %s %s", vt->unnumbered,
		   un ? "has no address" : "is not defined");
}

static void check_groups(struct ios_config *cfg, struct diag *d)
{
	for (size_t i = 0; i < cfg->groups.n; i++) {
		struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (g->crypto_profile && !model_profile(cfg, g->crypto_profile))
			diag_error(d, g->profile_line, g->profile_col, "crypto profile %s is used by "
				   "vpdn-group %s but no 'crypto map … ipsec-isakmp profile %s' "
				   "defines it", g->crypto_profile, g->name, g->crypto_profile);
		if (!g->request_dialin && !g->accept_dialin)
			diag_warning(d, g->line, 1, "vpdn-group %s has neither request-dialin nor "
				     "accept-dialin: nothing to translate", g->name);
		if (g->request_dialin && !g->initiate.n && !g->aaa_template)
			diag_error(d, g->line, 1, "vpdn-group %s requests dial-in but has no "
				   "'initiate-to ip A'", g->name);
		if (!g->request_dialin && g->busy_timeout)
			diag_warning(d, g->busy_line, 1, "vpdn-group %s: l2tp tunnel busy timeout is "
				     "a LAC's (request-dialin): not used", g->name);
		if (g->request_dialin && !g->domains.n && !g->aaa_template)
			diag_warning(d, g->line, 1, "vpdn-group %s requests dial-in for no domain: "
				     "no client is switched into it", g->name);
		for (size_t k = 0; k < g->domains.n; k++)
			for (size_t j = 0; j < i; j++)
				for (size_t m = 0; m < cfg->groups.v[j].domains.n; m++)
					if (!strcasecmp(g->domains.v[k].name,
							cfg->groups.v[j].domains.v[m].name))
						diag_error(d, g->domains.v[k].line, 3, "domain %s is "
							   "requested by vpdn-groups %s and %s",
							   g->domains.v[k].name, cfg->groups.v[j].name,
							   g->name);
		if (g->force_local_chap && !g->accept_dialin)
			diag_warning(d, g->force_chap_line, 1, "force-local-chap applies to "
				     "accept-dialin groups (the LNS): ignored in vpdn-group %s",
				     g->name);
		if (g->accept_dialin && g->virtual_template >= 0) {
			struct ios_interface *vt = model_vtemplate(cfg, g->virtual_template);

			if (!vt)
				diag_warning(d, g->vt_line, 1, "virtual-template %d is not defined "
					     "(no 'interface Virtual-Template%d'): PPP uses pppd's "
					     "defaults and clients get no address from a pool",
					     g->virtual_template, g->virtual_template);
			else if (vt->pool && !model_pool(cfg, vt->pool))
				diag_error(d, vt->line, 1, "pool %s used by %s is not defined (ip local "
					   "pool %s START END)", vt->pool, vt->name, vt->pool);

		}
		check_credentials(cfg, g, d);
		if (!g->crypto_profile)
			diag_warning(d, g->line, 1, "vpdn-group %s has no 'l2tp security "
				     "crypto-profile': its L2TP is not protected by IPsec", g->name);
	}
}

/* "crypto profile P" or "without IPsec", for messages */
static const char *protection(const struct ios_vpdn_group *g, char *buf, size_t size)
{
	if (!g->crypto_profile)
		return "without IPsec";
	snprintf(buf, size, "crypto profile %s", g->crypto_profile);
	return buf;
}

static bool same_name(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/*
 * The LNS picks a dial-in group by the crypto profile the peer's IPsec SA was cloned from (none
 * for plaintext) and the SCCRQ's host name: terminate-from, else the group without one. Two
 * groups that would take the same SCCRQ cannot both hold. A group without IPsec takes every
 * plaintext SCCRQ its terminate-from names: without one, or naming a protected group's host,
 * a protected group's peer whose SA is missing would be served in plaintext.
 */
static void check_group_mix(struct ios_config *cfg, struct diag *d)
{
	const struct ios_vpdn_group *protected_group = NULL;
	char a[96], b[96];

	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (!g->accept_dialin)
			continue;
		if (g->crypto_profile && !protected_group)
			protected_group = g;
		for (size_t j = 0; j < i; j++) {
			const struct ios_vpdn_group *h = &cfg->groups.v[j];

			if (!h->accept_dialin || !same_name(g->terminate_from, h->terminate_from))
				continue;
			if (same_name(g->crypto_profile, h->crypto_profile))
				diag_error(d, g->line, 1, "vpdn-groups %s and %s (%s) both accept "
					   "dial-in from %s%s: the LNS cannot tell them apart (give each a "
					   "'terminate-from hostname')", h->name, g->name,
					   protection(g, a, sizeof(a)), g->terminate_from ? "host " :
					   "any host", g->terminate_from ? g->terminate_from : "");
			else if (g->terminate_from && (!g->crypto_profile || !h->crypto_profile))
				diag_error(d, g->line, 1, "vpdn-groups %s (%s) and %s (%s) both "
					   "terminate host %s: without its SA that host would be served in "
					   "plaintext", h->name, protection(h, a, sizeof(a)), g->name,
					   protection(g, b, sizeof(b)), g->terminate_from);
		}
	}
	if (!protected_group)
		return;
	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (g->accept_dialin && !g->crypto_profile && !g->terminate_from)
			diag_error(d, g->line, 1, "vpdn-group %s accepts dial-in without IPsec from "
				   "any host: %s's peers without their SA would land in it in plaintext "
				   "(add 'terminate-from hostname NAME')", g->name,
				   protected_group->name);
	}
}

/* one PSK per peer: the same address and mask with two different keys cannot both hold */
static void check_keys(struct ios_config *cfg, struct diag *d)
{
	for (size_t i = 0; i < cfg->keys.n; i++)
		for (size_t j = 0; j < i; j++) {
			struct ios_isakmp_key *a = &cfg->keys.v[i], *b = &cfg->keys.v[j];

			bool same = a->addr6 || b->addr6 ?
				a->addr6 && b->addr6 && !strcasecmp(a->addr6, b->addr6) :
				a->addr.s_addr == b->addr.s_addr && a->mask.s_addr == b->mask.s_addr;

			if (same && strcmp(a->key, b->key))
				diag_error(d, a->line, a->col, "conflicting pre-shared keys for peer "
					   "%s (another key at line %d)",
					   a->addr6 ? a->addr6 : inet_ntoa(a->addr), b->line);
		}
}

/* what becomes of a weak DH group */
static const char *dh_fix(const struct ios_config *cfg, int group)
{
	if (!cfg->modernize)
		return "translated as written; --modernize replaces it";
	if (ios_dh_kept_by_modernize(group))
		return "kept by --modernize: Windows and Android clients may propose nothing "
		       "stronger; remove it when none of yours need it";
	return "replaced by --modernize with group 14";
}

/* weak crypto: translated as written (old Windows clients need it) unless --modernize */
static void check_crypto(struct ios_config *cfg, struct diag *d)
{
	const char *fix = cfg->modernize ? "replaced by --modernize with AES-256 or SHA-256" :
			  "translated as written; --modernize replaces it";

	for (size_t i = 0; i < cfg->policies.n; i++) {
		struct ios_isakmp_policy *p = &cfg->policies.v[i];

		if (!strcmp(p->encr, "des") || !strcmp(p->encr, "3des"))
			diag_warning(d, p->line, 1, "isakmp policy %d: %s encryption is weak (%s)",
				     p->priority, p->encr, fix);
		if (!strcmp(p->hash, "md5"))
			diag_warning(d, p->line, 1, "isakmp policy %d: MD5 is weak (%s)",
				     p->priority, fix);
		if (ios_dh_weak(p->group))
			diag_warning(d, p->line, 1, "isakmp policy %d: DH group %d is weak (%s)",
				     p->priority, p->group, dh_fix(cfg, p->group));
		if (!p->psk)
			diag_warning(d, p->line, 1, "isakmp policy %d: rsa-sig needs certificates: "
				     "put them in swanctl/x509 and swanctl/private", p->priority);
	}
	for (size_t i = 0; i < cfg->tsets.n; i++) {
		struct ios_transform_set *t = &cfg->tsets.v[i];

		if (t->esp_enc && (!strcmp(t->esp_enc, "des") || !strcmp(t->esp_enc, "3des") ||
				   !strcmp(t->esp_enc, "null")))
			diag_warning(d, t->line, 1, "transform set %s: %s encryption is weak (%s)",
				     t->name, t->esp_enc, fix);
		if ((t->esp_auth && !strcmp(t->esp_auth, "md5")) || (t->ah && !strcmp(t->ah, "md5")))
			diag_warning(d, t->line, 1, "transform set %s: HMAC-MD5 is weak (%s)", t->name,
				     fix);
		if (t->ah)
			diag_warning(d, t->line, 1, "transform set %s: AH is not translated "
				     "(strongSwan negotiates ESP or AH, not an AH+ESP bundle)", t->name);
		if (t->compress)
			diag_warning(d, t->line, 1, "transform set %s: comp-lzs is not translated",
				     t->name);
		if (!t->transport)
			diag_warning(d, t->line, 1, "transform set %s: tunnel mode (the IOS default); "
				     "L2TP Security uses 'mode transport' (translated as tunnel)",
				     t->name);
	}
	for (size_t i = 0; i < cfg->maps.n; i++)
		if (cfg->maps.v[i].pfs_group && ios_dh_weak(cfg->maps.v[i].pfs_group))
			diag_warning(d, cfg->maps.v[i].line, 1, "crypto map %s %d: PFS group %d is "
				     "weak (%s)", cfg->maps.v[i].name, cfg->maps.v[i].seq,
				     cfg->maps.v[i].pfs_group, dh_fix(cfg, cfg->maps.v[i].pfs_group));
}

/* radiusclient keeps a secret of at most 48 bytes, one word, one per server address */
static void check_radius_server(struct ios_config *cfg, const struct ios_radius_server *s,
				struct diag *d)
{
	const char *key = aaa_server_key(cfg, s);
	char a[INET_ADDRSTRLEN];

	if (!s->has_addr) {
		diag_error(d, s->line, 1, "radius server %s has no 'address ipv4'", s->name);
		return;
	}
	inet_ntop(AF_INET, &s->addr, a, sizeof(a));
	if (!key)
		diag_error(d, s->line, 1, "RADIUS server %s has no key (give it one, or "
			   "'radius-server key')", a);
	else if (strlen(key) > 48)
		diag_error(d, s->key ? s->key_line : cfg->radius_key_line, 1, "RADIUS server %s: "
			   "its key is longer than the 48 characters pppd's RADIUS plugin keeps", a);
	for (size_t j = 0; j < cfg->radius.n && key; j++) {
		const struct ios_radius_server *o = &cfg->radius.v[j];
		const char *okey = aaa_server_key(cfg, o);

		if (o == s)
			break;
		if (o->has_addr && o->addr.s_addr == s->addr.s_addr && okey && strcmp(okey, key))
			diag_error(d, s->line, 1, "RADIUS server %s is defined twice with different "
				   "keys (also at line %d): pppd's RADIUS plugin keeps one secret "
				   "per address", a, o->line);
	}
}

static void check_aaa_list(struct ios_config *cfg, const struct ios_aaa_list *l, struct diag *d)
{
	const char *what = l->accounting ? "aaa accounting network" :
			   l->authorization ? "aaa authorization network" : "aaa authentication ppp";

	if (!cfg->aaa_new_model) {
		diag_warning(d, l->line, 1, "%s %s without 'aaa new-model': IOS does not use it; "
			     "not translated", what, l->name);
		model_note(cfg, l->line, "not translated: no aaa new-model");
		return;
	}
	if (l->accounting && strcmp(l->name, "default"))
		diag_warning(d, l->line, 1, "%s %s: only the default accounting list is translated",
			     what, l->name);
	for (int i = 0; i < l->nmethods; i++) {
		if (l->methods[i] == AAA_RADIUS && strcasecmp(l->groups[i], "radius") &&
		    !aaa_group_named(cfg, l->groups[i]))
			diag_error(d, l->line, l->cols[i], "%s %s: aaa group server radius %s is not "
				   "defined", what, l->name, l->groups[i]);
		else if (l->authorization && i >= 1)
			diag_warning(d, l->line, l->cols[i], "%s %s: only the first method is "
				     "translated (a domain RADIUS does not tunnel is served locally)",
				     what, l->name);
		else if (l->authorization)
			continue;
		else if (l->methods[i] == AAA_NONE && !l->accounting)
			diag_warning(d, l->line, l->cols[i], "%s %s: 'none' (no authentication) is not "
				     "translated: a user no method accepts is refused", what, l->name);
		else if (l->methods[i] == AAA_OTHER)
			diag_warning(d, l->line, l->cols[i], "%s %s: '%s' is not translated (RADIUS "
				     "and local only)", what, l->name, l->groups[i]);
		else if (i == 1 && l->methods[0] == AAA_LOCAL && l->methods[1] == AAA_RADIUS)
			diag_warning(d, l->line, l->cols[i], "%s %s: local comes first: translated as "
				     "local only (pppd cannot ask RADIUS for users it does not know)",
				     what, l->name);
		else if (i >= 2 && l->methods[i] != AAA_NONE)
			diag_warning(d, l->line, l->cols[i], "%s %s: only the first two methods are "
				     "translated", what, l->name);
	}
}

/* ip radius source-interface IF: IF must exist with a static address, else the requests leave
 * from the routed address with NAS-Identifier only (an error would refuse a config IOS takes) */
static void check_radius_source(struct ios_config *cfg, const char *name, int line,
				struct diag *d)
{
	const struct ios_interface *i;

	if (!name)
		return;
	i = model_iface(cfg, name);
	if (i && i->has_addr)
		return;
	diag_warning(d, line, 1, "ip radius source-interface %s: %s, so RADIUS requests leave from "
		     "the routed address and name this NAS by NAS-Identifier only", name,
		     !i ? "no such interface" : "it has no static address");
	model_note(cfg, line, "not translated: %s has no address", name);
}

/* crypto map M local-address IF: IF must exist (IOS refuses the line otherwise) */
static void check_map_locals(struct ios_config *cfg, struct diag *d)
{
	for (size_t i = 0; i < cfg->map_locals.n; i++) {
		const struct ios_map_local *l = &cfg->map_locals.v[i];
		const struct ios_interface *f = model_iface(cfg, l->iface);

		if (!f)
			diag_error(d, l->line, l->col, "crypto map %s local-address %s: no such "
				   "interface", l->map, l->iface);
		else if (!f->has_addr)
			diag_warning(d, l->line, l->col, "crypto map %s local-address %s: it has no "
				     "static address, so IKE answers on any (local_addrs = %%any)",
				     l->map, l->iface);
	}
}

static void check_aaa(struct ios_config *cfg, struct diag *d)
{
	check_radius_source(cfg, cfg->radius_source_iface, cfg->radius_source_line, d);
	for (size_t i = 0; i < cfg->aaa_lists.n; i++)
		check_aaa_list(cfg, &cfg->aaa_lists.v[i], d);
	for (size_t i = 0; i < cfg->aaa_groups.n; i++) {
		const struct ios_aaa_group *g = &cfg->aaa_groups.v[i];

		check_radius_source(cfg, g->source_iface, g->source_line, d);
		for (size_t j = 0; j < g->servers.n; j++) {
			struct in_addr a;

			if (g->servers.v[j].by_name ? !aaa_server_named(cfg, g->servers.v[j].ref) :
			    inet_pton(AF_INET, g->servers.v[j].ref, &a) != 1 ||
			    !aaa_server_at(cfg, a))
				diag_error(d, g->servers.v[j].line, g->servers.v[j].col, "aaa group "
					   "server radius %s: server %s is not defined (radius "
					   "server NAME / radius-server host A)", g->name,
					   g->servers.v[j].ref);
		}
	}
	for (size_t i = 0; i < cfg->radius.n; i++)
		check_radius_server(cfg, &cfg->radius.v[i], d);
	for (size_t i = 0; i < cfg->ifaces.n && cfg->aaa_new_model; i++) {
		const struct ios_interface *vt = &cfg->ifaces.v[i];
		bool found = false;

		if (vt->vt_number < 0 || !vt->auth_list)
			continue;
		for (size_t j = 0; j < cfg->aaa_lists.n; j++)
			if (!cfg->aaa_lists.v[j].accounting &&
			    !strcmp(cfg->aaa_lists.v[j].name, vt->auth_list))
				found = true;
		if (!found)
			diag_error(d, vt->auth_line, 1, "%s: ppp authentication names the method list "
				   "%s, which no 'aaa authentication ppp %s' defines", vt->name,
				   vt->auth_list, vt->auth_list);
	}
	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_aaa_list *l = aaa_auth_list(cfg, &cfg->groups.v[i]);
		struct aaa_view v;

		if (cfg->groups.v[i].accept_dialin && l && l->nmethods &&
		    l->methods[0] == AAA_RADIUS && !aaa_view(cfg, &cfg->groups.v[i], &v))
			diag_error(d, l->line, l->cols[0], "aaa authentication ppp %s: group %s has no "
				   "RADIUS server with an address", l->name, l->groups[0]);
	}
}

/* a LAC's tunnel authorization on RADIUS: the vpdn-template protects what RADIUS names */
static void check_aaa_tunnels(struct ios_config *cfg, struct diag *d)
{
	const struct ios_aaa_list *l = aaa_tunnel_list(cfg);
	const struct ios_vpdn_group *t = aaa_tunnel_template(cfg);
	bool lac = t != NULL;
	struct aaa_view v;

	for (size_t i = 0; i < cfg->groups.n; i++)
		lac |= cfg->groups.v[i].request_dialin;
	if (cfg->tunnel_authz_list && !l)
		diag_error(d, cfg->tunnel_authz_list_line, 1, "vpdn tunnel authorization network %s: "
			   "no 'aaa authorization network %s' defines it", cfg->tunnel_authz_list,
			   cfg->tunnel_authz_list);
	if (!l || !l->nmethods || l->methods[0] != AAA_RADIUS || !lac)
		return;
	if (!t)
		diag_warning(d, l->line, 1, "aaa authorization network %s: RADIUS's tunnels take "
			     "their settings from the global vpdn-template, and there is none: "
			     "not translated (no domain is tunnelled by RADIUS)", l->name);
	else if (!t->crypto_profile)
		diag_warning(d, t->line, 1, "vpdn-template: no 'l2tp security crypto-profile': "
			     "RADIUS's tunnels would carry L2TP without IPsec; not translated");
	else if (!aaa_tunnel_view(cfg, &v))
		diag_error(d, l->line, l->cols[0], "aaa authorization network %s: group %s has no "
			   "RADIUS server with an address", l->name, l->groups[0]);
	else if (!cfg->keys.n)
		diag_warning(d, t->line, 1, "vpdn-template: no 'crypto isakmp key' at all: IKE to "
			     "the LNSes RADIUS names needs one (0.0.0.0 0.0.0.0, or one per LNS)");
}

void check_config(struct ios_config *cfg, struct diag *d)
{
	resolve_dynamic_maps(cfg, d);
	check_maps(cfg, d);
	for (size_t i = 0; i < cfg->ifaces.n; i++)
		if (cfg->ifaces.v[i].vt_number >= 0 && cfg->ifaces.v[i].unnumbered)
			check_unnumbered(cfg, &cfg->ifaces.v[i], d);
	check_groups(cfg, d);
	check_group_mix(cfg, d);
	check_keys(cfg, d);
	check_crypto(cfg, d);
	check_aaa(cfg, d);
	check_map_locals(cfg, d);
	check_aaa_tunnels(cfg, d);
	if (!cfg->vpdn_enable && cfg->groups.n)
		diag_warning(d, cfg->groups.v[0].line, 1, "vpdn-groups without 'vpdn enable': "
			     "translated anyway");
}
