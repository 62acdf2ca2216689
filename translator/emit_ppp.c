/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * pppd: one options file per vpdn-group (from its virtual template) and chap-secrets.
 */
#include "emit.h"

#include <arpa/inet.h>
#include <string.h>

static const char *require_option(int bit)
{
	switch (bit) {
	case AUTH_PAP: return "require-pap";
	case AUTH_CHAP: return "require-chap";
	case AUTH_MSCHAP: return "require-mschap";
	case AUTH_MSCHAPV2: return "require-mschap-v2";
	}
	return NULL;
}

/* the interface whose subnet holds a range of the template's pool, or NULL: IOS answers ARP for
 * such clients on that LAN (proxy ARP), pppd does so with proxyarp */
static const struct ios_interface *pool_on_lan(struct ios_config *cfg,
					       const struct ios_interface *vt)
{
	for (size_t i = 0; vt && vt->pool && i < cfg->pools.n; i++) {
		const struct ios_pool *r = &cfg->pools.v[i];

		if (strcmp(r->name, vt->pool))
			continue;
		for (size_t j = 0; j < cfg->ifaces.n; j++) {
			const struct ios_interface *f = &cfg->ifaces.v[j];
			uint32_t m = f->mask.s_addr;

			if (f->vt_number < 0 && f->has_addr && m && ntohl(m) != 0xffffffff &&
			    (r->start.s_addr & m) == (f->addr.s_addr & m))
				return f;
		}
	}
	return NULL;
}

void emit_ppp_options(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f,
		      const struct emit_opts *opt)
{
	const struct ios_interface *vt = g->virtual_template >= 0 ?
		model_vtemplate(cfg, g->virtual_template) : NULL;
	const char *name = vt && vt->chap_hostname ? vt->chap_hostname :
			   g->local_name ? g->local_name : cfg->hostname;
	const struct ios_interface *lan;
	char a[INET_ADDRSTRLEN];

	char file[80];

	snprintf(file, sizeof(file), "ppp/options.%s", g->name);
	emit_header(f, "#", opt);
	fprintf(f, "# pppd options for vpdn-group %s%s\n", g->name,
		vt ? " (from its virtual template)" : "");
	if (vt) {
		model_wrote(cfg, g->vt_line, "%s: from interface Virtual-Template%d", file,
			    g->virtual_template);
		model_wrote(cfg, vt->line, "%s: PPP settings of vpdn-group %s", file, g->name);
	}
	if (name) {
		fprintf(f, "name %s\n", name);
		model_wrote(cfg, vt && vt->chap_hostname ? vt->chap_host_line :
			    g->local_name ? g->name_line : cfg->hostname_line, "%s: name %s",
			    file, name);
	}
	if (g->accept_dialin) {
		if (vt && vt->nauth) {
			for (int i = 0; i < vt->nauth; i++) {
				fprintf(f, "%s\n", require_option(vt->auth_order[i]));
				model_wrote(cfg, vt->auth_line, "%s: %s", file,
					    require_option(vt->auth_order[i]));
			}
		} else {
			/* no template: the users are there for CHAP (as in the IOS examples) */
			fprintf(f, "require-chap\n");
		}
		for (int i = 0; vt && i < vt->ndns; i++) {
			fprintf(f, "ms-dns %s\n", inet_ntop(AF_INET, &vt->dns[i], a, sizeof(a)));
			model_wrote(cfg, vt->dns_line, "%s: ms-dns %s", file, a);
		}
		for (int i = 0; vt && i < vt->nwins; i++) {
			fprintf(f, "ms-wins %s\n", inet_ntop(AF_INET, &vt->wins[i], a, sizeof(a)));
			model_wrote(cfg, vt->wins_line, "%s: ms-wins %s", file, a);
		}
	} else {
		fprintf(f, "noauth\n");
	}
	lan = g->accept_dialin ? pool_on_lan(cfg, vt) : NULL;
	if (lan) {
		fprintf(f, "proxyarp\n");
		model_wrote(cfg, vt->pool_line, "%s: proxyarp (the pool lies in %s's subnet)", file,
			    lan->name);
	}
	if (g->accept_dialin && vt && vt->mppe128) {
		fprintf(f, "require-mppe-128\n");
		model_wrote(cfg, vt->mppe_line, "%s: require-mppe-128", file);
	}
	if (vt && vt->keepalive > 0) {
		fprintf(f, "lcp-echo-interval %d\nlcp-echo-failure %d\n", vt->keepalive,
			vt->keepalive_retries);
		model_wrote(cfg, vt->keepalive_line, "%s: lcp-echo-interval %d, lcp-echo-failure %d",
			    file, vt->keepalive, vt->keepalive_retries);
	} else if (vt && vt->keepalive < 0) {
		fprintf(f, "lcp-echo-interval 0\n");
		model_wrote(cfg, vt->keepalive_line, "%s: lcp-echo-interval 0", file);
	}
	if (vt && vt->mtu) {
		fprintf(f, "mtu %d\nmru %d\n", vt->mtu, vt->mtu);
		model_wrote(cfg, vt->mtu_line, "%s: mtu %d, mru %d", file, vt->mtu, vt->mtu);
	}
	fprintf(f, "nodefaultroute\n");
	/* the l2tpsec pppd plugin carries the IOS PPP-side behaviour */
	fprintf(f, "plugin " L2TPSEC_PPPD_PLUGIN "\n");
	emit_ppp_aaa(cfg, g, f, file);
	if (g->lcp != L2TPSEC_LCP_OFF) {
		fprintf(f, L2TPSEC_PPPD_LCP " %s\n", l2tpsec_lcp_name(g->lcp));
		model_wrote(cfg, g->lcp_line, "%s: " L2TPSEC_PPPD_LCP " %s", file,
			    l2tpsec_lcp_name(g->lcp));
	}
	if (g->accept_dialin && g->force_local_chap) {
		fprintf(f, L2TPSEC_PPPD_FORCE_LOCAL_CHAP "\n");
		model_wrote(cfg, g->force_chap_line, "%s: " L2TPSEC_PPPD_FORCE_LOCAL_CHAP, file);
	}
}

int emit_wants_dialin(const struct ios_config *cfg)
{
	struct aaa_view v;

	for (size_t i = 0; i < cfg->groups.n; i++)
		if (cfg->groups.v[i].request_dialin && cfg->groups.v[i].domains.n)
			return 1;
	return aaa_tunnel_view(cfg, &v);
}

void emit_dialin_aaa(struct ios_config *cfg, const struct aaa_view *v, FILE *f,
		     const struct emit_opts *opt)
{
	const char *file = "ppp/l2tpsec-dialin-aaa";

	emit_header(f, "#", opt);
	fprintf(f, "# the LAC's tunnel authorization (" L2TPSEC_PPPD_DIALIN_AAA ", 0600): the tunnels of a\n"
		"# domain no vpdn-group serves come from these RADIUS servers (RFC 2868), in [lac "
		L2TPSEC_AAA_TEMPLATE "]'s settings\n");
	for (int i = 0; i < v->nservers; i++) {
		const struct ios_radius_server *s = v->servers[i];

		fprintf(f, "server %s %d %s\n", inet_ntoa(s->addr), s->auth_port,
			aaa_server_key(cfg, s));
		model_wrote(cfg, s->line, "%s: server %s %d (its secret; 0600)", file,
			    inet_ntoa(s->addr), s->auth_port);
	}
	fprintf(f, "timeout %d\nretransmit %d\n", v->timeout, v->retransmit);
	fprintf(f, "password %s\n", cfg->tunnel_authz_password ? cfg->tunnel_authz_password : "cisco");
	if (cfg->tunnel_authz_password)
		model_wrote(cfg, cfg->tunnel_authz_password_line, "%s: password (0600)", file);
	fprintf(f, "template " L2TPSEC_AAA_TEMPLATE "\n");
	if (cfg->hostname)
		fprintf(f, "nas-identifier %s\n", cfg->hostname);
	if (v->has_nas_ip) {
		fprintf(f, "nas-ip-address %s\n", inet_ntoa(v->nas_ip));
		model_wrote(cfg, v->nas_ip_line, "%s: nas-ip-address %s", file, inet_ntoa(v->nas_ip));
	}
	model_wrote(cfg, v->list->line, "%s: RADIUS tunnel authorization (list %s)", file,
		    v->list->name);
}

void emit_ppp_dialin(struct ios_config *cfg, FILE *f, const struct emit_opts *opt)
{
	struct aaa_view v;

	emit_header(f, "#", opt);
	fprintf(f, "# pppd options for the LAC's access side (a serial line, pppoe-server -O): a user of\n"
		"# a request-dialin domain is switched into an L2TP session of its vpdn-group's [lac]\n"
		"# section and authenticated by the LNS (proxy LCP and CHAP); the others here\n");
	if (cfg->hostname) {
		fprintf(f, "name %s\n", cfg->hostname);
		model_wrote(cfg, cfg->hostname_line, "ppp/l2tpsec-dialin: name %s", cfg->hostname);
	}
	fprintf(f, "auth\nrequire-chap\nnodefaultroute\nplugin " L2TPSEC_PPPD_PLUGIN "\n");
	if (aaa_tunnel_view(cfg, &v)) {
		fprintf(f, L2TPSEC_PPPD_DIALIN_AAA " /etc/ppp/l2tpsec-dialin-aaa\n");
		model_wrote(cfg, v.list->line, "ppp/l2tpsec-dialin: " L2TPSEC_PPPD_DIALIN_AAA
			    " /etc/ppp/l2tpsec-dialin-aaa");
	}
	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (!g->request_dialin)
			continue;
		for (size_t k = 0; k < g->domains.n; k++) {
			fprintf(f, L2TPSEC_PPPD_DIALIN " %s:%s\n", g->domains.v[k].name, g->name);
			model_wrote(cfg, g->domains.v[k].line, "ppp/l2tpsec-dialin: "
				    L2TPSEC_PPPD_DIALIN " %s:%s", g->domains.v[k].name, g->name);
		}
	}
}

void emit_chap_secrets(struct ios_config *cfg, FILE *f, const struct emit_opts *opt)
{
	emit_header(f, "#", opt);
	fprintf(f, "# client\tserver\tsecret\tIP addresses (0600)\n");
	for (size_t i = 0; i < cfg->users.n; i++) {
		const struct ios_user *u = &cfg->users.v[i];

		if (!u->name || !u->password)
			continue;
		model_wrote(cfg, u->line, "ppp/chap-secrets: user %s (0600)", u->name);
		emit_quoted(f, u->name);
		fputs("\t*\t", f);
		emit_quoted(f, u->password);
		fputs("\t*\n", f);
	}
}
