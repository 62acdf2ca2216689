/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The L2TP side: the charon plugin's crypto profiles, xl2tpd.conf (one [lns] per accept-dialin
 * group, one [lac] per request-dialin group, with the l2tpsec keys the patched xl2tpd reads) and
 * the tunnel secrets.
 */
#include "emit.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#define PLUGIN "strongswan.d/charon/l2tp-security.conf: profile %s "

/* README.translation: which IOS lines profile v's settings came from */
static void plugin_wrote(struct ios_config *cfg, const struct conn_view *v)
{
	const struct ios_crypto_map *m = v->map;
	const char *c = m->profile;

	model_wrote(cfg, m->line, PLUGIN "(crypto_map %s, sequence %d)", c, m->name, m->seq);
	for (int i = 0; i < m->ntsets; i++) {
		const struct ios_transform_set *t = model_tset(cfg, m->tsets[i]);

		if (t)
			model_wrote(cfg, t->line, PLUGIN "esp_proposals = %s", c, v->esp);
		if (t)
			model_wrote(cfg, t->mode_line, PLUGIN "mode = %s", c,
				    v->transport ? "transport" : "tunnel");
	}
	model_wrote(cfg, m->tset_line, PLUGIN "esp_proposals = %s", c, v->esp);
	model_wrote(cfg, m->life_s_line, PLUGIN "lifetime_seconds = %u", c, v->life_s);
	model_wrote(cfg, m->life_kb_line, PLUGIN "lifetime_kilobytes = %u", c, v->life_kb);
	model_wrote(cfg, m->pfs_line, PLUGIN "pfs = %s", c, m->pfs_group ? "yes" : "no");
	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (g->crypto_profile && !strcmp(g->crypto_profile, c))
			model_wrote(cfg, g->profile_line, PLUGIN "keep_sa = %s", c,
				    v->keep_sa ? "yes" : "no");
	}
}

void emit_plugin(struct ios_config *cfg, const struct conn_view *v, size_t n, FILE *f,
		 const struct emit_opts *opt)
{
	emit_header(f, "#", opt);
	fprintf(f, L2TPSEC_CHARON_PLUGIN " {\n\tload = yes\n\t" L2TPSEC_CHARON_PROFILES " {\n");
	for (size_t i = 0; i < n; i++) {
		const struct ios_crypto_map *m = v[i].map;

		fprintf(f, "\t\t%s {\n", m->profile);
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_CRYPTO_MAP " = %s\n", m->name);
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_SEQUENCE " = %d\n", m->seq);
		fprintf(f, "\t\t\t# IKE settings and PSKs are borrowed from this swanctl connection\n");
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_CONNECTION " = %s\n", m->profile);
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_TRANSFORM_SETS " = ");
		for (int t = 0; t < m->ntsets; t++)
			fprintf(f, "%s%s", t ? "," : "", m->tsets[t]);
		fprintf(f, "\n\t\t\t" L2TPSEC_PROFILE_ESP " = %s\n", v[i].esp);
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_MODE " = %s\n",
			v[i].transport ? "transport" : "tunnel");
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_LIFETIME_S " = %u\n", v[i].life_s);
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_LIFETIME_KB " = %u\n", v[i].life_kb);
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_PFS " = %s\n", m->pfs_group ? "yes" : "no");
		if (m->pfs_group)
			fprintf(f, "\t\t\t" L2TPSEC_PROFILE_PFS_GROUP " = %d\n", m->pfs_group);
		fprintf(f, "\t\t\t" L2TPSEC_PROFILE_KEEP_SA " = %s\n", v[i].keep_sa ? "yes" : "no");
		/* for the reader of this file: the plugin takes addresses from each request */
		fprintf(f, "\t\t\t# local address %s; vpdn-groups %s\n", v[i].local, v[i].groups);
		fprintf(f, "\t\t}\n");
		plugin_wrote(cfg, &v[i]);
	}
	fprintf(f, "\t}\n}\n");
}

/* the name this router gives itself in L2TP for a group */
static const char *local_name(struct ios_config *cfg, const struct ios_vpdn_group *g)
{
	return g->local_name ? g->local_name : cfg->hostname;
}

static const struct ios_user *user_named(struct ios_config *cfg, const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < cfg->users.n; i++)
		if (cfg->users.v[i].name && !strcmp(cfg->users.v[i].name, name))
			return &cfg->users.v[i];
	return NULL;
}

/* IOS tunnel authentication is on by default; the secret is the tunnel password, else the
 * password of the username that matches the peer's (or our) host name */
static const char *tunnel_secret(struct ios_config *cfg, const struct ios_vpdn_group *g,
				 int *line)
{
	const struct ios_user *u;

	*line = 0;
	if (g->tunnel_auth == 0)
		return NULL;
	if (g->tunnel_password) {
		*line = g->password_line;
		return g->tunnel_password;
	}
	u = user_named(cfg, g->terminate_from);
	if (!u || !u->password)
		u = user_named(cfg, local_name(cfg, g));
	*line = u && u->password ? u->line : 0;
	return u ? u->password : NULL;
}

/* the line the group's L2TP host name came from: its local name, else the hostname */
static int name_line(struct ios_config *cfg, const struct ios_vpdn_group *g)
{
	return g->local_name ? g->name_line : cfg->hostname ? cfg->hostname_line : 0;
}

static void l2tpsec_keys(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f,
			 const char *sect)
{
	if (!g->crypto_profile)
		return;
	fprintf(f, L2TPSEC_XL2TPD_PROFILE " = %s\n", g->crypto_profile);
	fprintf(f, L2TPSEC_XL2TPD_KEEP_SA " = %s\n", g->keep_sa ? "yes" : "no");
	fprintf(f, L2TPSEC_XL2TPD_IP_PMTU " = %s\n", g->ip_pmtu ? "yes" : "no");
	fprintf(f, L2TPSEC_XL2TPD_LCP " = %s\n", l2tpsec_lcp_name(g->lcp));
	model_wrote(cfg, g->profile_line, "%s: " L2TPSEC_XL2TPD_PROFILE " = %s, "
		    L2TPSEC_XL2TPD_KEEP_SA " = %s", sect, g->crypto_profile, g->keep_sa ? "yes" : "no");
	model_wrote(cfg, g->pmtu_line, "%s: " L2TPSEC_XL2TPD_IP_PMTU " = %s", sect,
		    g->ip_pmtu ? "yes" : "no");
	model_wrote(cfg, g->lcp_line, "%s: " L2TPSEC_XL2TPD_LCP " = %s", sect,
		    l2tpsec_lcp_name(g->lcp));
}

/* what an [lns] and a [lac] section share: tunnel authentication, timers, pppd, l2tpsec */
static void tunnel_keys(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f,
			const char *sect)
{
	int line;
	const char *secret = tunnel_secret(cfg, g, &line);

	fprintf(f, "challenge = %s\n", secret ? "yes" : "no");
	model_wrote(cfg, g->auth_line, "%s: challenge = %s", sect, secret ? "yes" : "no");
	if (secret)
		model_wrote(cfg, line, "%s: challenge = yes; xl2tpd/l2tp-secrets: the tunnel secret "
			    "for vpdn-group %s (0600)", sect, g->name);
	fprintf(f, "length bit = yes\n");
	if (g->receive_window) {
		fprintf(f, "tunnel rws = %d\n", g->receive_window);
		model_wrote(cfg, g->rws_line, "%s: tunnel rws = %d", sect, g->receive_window);
	}
	if (g->retries) {
		fprintf(f, "max retries = %d\n", g->retries);
		model_wrote(cfg, g->retries_line, "%s: max retries = %d", sect, g->retries);
	}
	fprintf(f, "pppoptfile = /etc/ppp/options.%s\n", g->name);
	if (g->session_limit) {
		fprintf(f, L2TPSEC_XL2TPD_SESSION_LIMIT " = %d\n", g->session_limit);
		model_wrote(cfg, g->limit_line, "%s: " L2TPSEC_XL2TPD_SESSION_LIMIT " = %d", sect,
			    g->session_limit);
	}
	l2tpsec_keys(cfg, g, f, sect);
}

static int by_priority(const void *a, const void *b)
{
	return ((const struct ios_initiate_to *)a)->priority -
	       ((const struct ios_initiate_to *)b)->priority;
}

static void lns_section(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f)
{
	const struct ios_interface *vt = g->virtual_template >= 0 ?
		model_vtemplate(cfg, g->virtual_template) : NULL;
	const struct ios_pool *pool = vt && vt->pool ? model_pool(cfg, vt->pool) : NULL;
	const struct ios_interface *un = vt && vt->unnumbered ? model_iface(cfg, vt->unnumbered) : NULL;
	char a[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN], sect[96];

	snprintf(sect, sizeof(sect), "xl2tpd/xl2tpd.conf [lns %s]", g->name);
	fprintf(f, "\n; vpdn-group %s accept-dialin (line %d)\n[lns %s]\n", g->name, g->line, g->name);
	model_wrote(cfg, g->line, "%s", sect);
	model_wrote(cfg, g->lns_line, "%s", sect);
	/* a named [lns] section refuses every LAC not listed; IOS takes any peer here and lets
	 * the crypto profile (IPsec), terminate-from and the tunnel secret decide */
	fprintf(f, "lac = 0.0.0.0-255.255.255.255\n");
	/* the group is picked by the SA's crypto profile and this host name, not by address */
	if (g->terminate_from) {
		fprintf(f, L2TPSEC_XL2TPD_TERMINATE_FROM " = %s\n", g->terminate_from);
		model_wrote(cfg, g->terminate_line, "%s: " L2TPSEC_XL2TPD_TERMINATE_FROM " = %s", sect,
			    g->terminate_from);
	}
	if (pool) {
		/* every range of the pool (IOS adds one per 'ip local pool NAME' line) */
		for (size_t i = 0; i < cfg->pools.n; i++) {
			const struct ios_pool *r = &cfg->pools.v[i];

			if (strcmp(r->name, pool->name))
				continue;
			fprintf(f, "ip range = %s-%s\n", inet_ntop(AF_INET, &r->start, a, sizeof(a)),
				inet_ntop(AF_INET, &r->end, b, sizeof(b)));
			model_wrote(cfg, r->line, "%s: ip range = %s-%s", sect, a, b);
			model_wrote(cfg, vt->pool_line, "%s: ip range = %s-%s", sect, a, b);
		}
		fprintf(f, "assign ip = yes\n");
	} else {
		fprintf(f, "assign ip = no\n");
	}
	if (un && un->has_addr) {
		fprintf(f, "local ip = %s\n", inet_ntop(AF_INET, &un->addr, a, sizeof(a)));
		model_wrote(cfg, vt->unnumbered_line, "%s: local ip = %s", sect, a);
		model_wrote(cfg, un->addr_line, "%s: local ip = %s", sect, a);
	}
	if (local_name(cfg, g)) {
		fprintf(f, "hostname = %s\nname = %s\n", local_name(cfg, g), local_name(cfg, g));
		model_wrote(cfg, name_line(cfg, g), "%s: hostname = %s, name = %s", sect,
			    local_name(cfg, g), local_name(cfg, g));
	}
	fprintf(f, "require authentication = yes\n");
	tunnel_keys(cfg, g, f, sect);
}

static void lac_section(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f)
{
	struct ios_initiate_to *peers = malloc(g->initiate.n * sizeof(*peers) + 1);
	char a[INET_ADDRSTRLEN], sect[96];

	snprintf(sect, sizeof(sect), "xl2tpd/xl2tpd.conf [lac %s]", g->name);
	if (g->aaa_template)
		fprintf(f, "\n; vpdn-template (line %d): the tunnels RADIUS names are made from it\n"
			"[lac %s]\n", g->line, g->name);
	else
		fprintf(f, "\n; vpdn-group %s request-dialin (line %d)\n[lac %s]\n", g->name, g->line,
			g->name);
	model_wrote(cfg, g->line, "%s", sect);
	model_wrote(cfg, g->lac_line, "%s", sect);
	/* xl2tpd tries its lns entries in order: lowest IOS priority number first */
	if (peers && g->initiate.n) {	/* (the vpdn-template has none) */
		memcpy(peers, g->initiate.v, g->initiate.n * sizeof(*peers));
		qsort(peers, g->initiate.n, sizeof(*peers), by_priority);
	}
	for (size_t i = 0; i < g->initiate.n; i++) {
		const struct ios_initiate_to *t = peers ? &peers[i] : &g->initiate.v[i];

		fprintf(f, "lns = %s\n", inet_ntop(AF_INET, &t->addr, a, sizeof(a)));
		model_wrote(cfg, t->line, "%s: lns = %s", sect, a);
	}
	/* several: failover in priority order, equal numbers sharing the load */
	for (size_t i = 0; g->initiate.n > 1 && i < g->initiate.n; i++) {
		const struct ios_initiate_to *t = peers ? &peers[i] : &g->initiate.v[i];

		inet_ntop(AF_INET, &t->addr, a, sizeof(a));
		fprintf(f, L2TPSEC_XL2TPD_LNS_PRIORITY " = %s %d\n", a, t->priority);
		model_wrote(cfg, t->line, "%s: " L2TPSEC_XL2TPD_LNS_PRIORITY " = %s %d", sect, a,
			    t->priority);
	}
	free(peers);
	if (g->busy_timeout) {
		fprintf(f, L2TPSEC_XL2TPD_BUSY_TIMEOUT " = %d\n", g->busy_timeout);
		model_wrote(cfg, g->busy_line, "%s: " L2TPSEC_XL2TPD_BUSY_TIMEOUT " = %d", sect,
			    g->busy_timeout);
	}
	if (local_name(cfg, g)) {
		fprintf(f, "hostname = %s\n", local_name(cfg, g));
		model_wrote(cfg, name_line(cfg, g), "%s: hostname = %s", sect, local_name(cfg, g));
	}
	fprintf(f, "autodial = no\nredial = yes\n");
	tunnel_keys(cfg, g, f, sect);
}

void emit_xl2tpd(struct ios_config *cfg, FILE *conf, FILE *secrets, const struct emit_opts *opt)
{
	emit_header(conf, ";", opt);
	fprintf(conf, "\n[global]\nport = %d\n" L2TPSEC_XL2TPD_SOCKET " = " L2TPSEC_DEFAULT_SOCKET "\n",
		L2TPSEC_L2TP_PORT);
	if (cfg->session_limit) {
		fprintf(conf, L2TPSEC_XL2TPD_SESSION_LIMIT " = %d\n", cfg->session_limit);
		model_wrote(cfg, cfg->session_limit_line, "xl2tpd/xl2tpd.conf [global]: "
			    L2TPSEC_XL2TPD_SESSION_LIMIT " = %d", cfg->session_limit);
	}
	emit_header(secrets, "#", opt);
	fprintf(secrets, "# L2TP tunnel secrets: our host name, the peer's, the secret (0600).\n");
	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];
		int line;
		const char *secret = tunnel_secret(cfg, g, &line);

		if (g->accept_dialin)
			lns_section(cfg, g, conf);
		if (g->request_dialin)
			lac_section(cfg, g, conf);
		if (secret && (g->accept_dialin || g->request_dialin))
			fprintf(secrets, "%s %s %s\n", local_name(cfg, g) ? local_name(cfg, g) : "*",
				g->terminate_from ? g->terminate_from : "*", secret);
	}
}
