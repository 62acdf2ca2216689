/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * pppd: RADIUS through Debian's radius.so. Per dial-in group that authenticates with RADIUS,
 * ppp/radius/GROUP.conf (the radiusclient configuration: its servers in method order, IOS's
 * timeout and retransmissions); for all of them ppp/radius/servers (each server's secret,
 * 0600), ppp/radius/dictionary (the attributes pppd's RADIUS plugin sends and reads, by their
 * RFC 2865/2866/2869 and RFC 2548 numbers), ppp/radius/port-id-map (empty) and, with address
 * pools configured, ppp/radius/pools (each ip local pool range, for a Framed-Pool).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "emit.h"

#define RADIUS_DIR "/etc/ppp/radius"

/* radiusclient's own limits: servers per list, secret length */
#define RC_SERVERS_MAX 8
#define RC_SECRET_MAX 48

static const struct ios_aaa_list *list_named(const struct ios_config *cfg, const char *name,
					     bool accounting)
{
	for (size_t i = 0; i < cfg->aaa_lists.n; i++)
		if (cfg->aaa_lists.v[i].accounting == accounting &&
		    !cfg->aaa_lists.v[i].authorization &&
		    !strcmp(cfg->aaa_lists.v[i].name, name))
			return &cfg->aaa_lists.v[i];
	return NULL;
}

const struct ios_aaa_list *aaa_auth_list(const struct ios_config *cfg,
					 const struct ios_vpdn_group *g)
{
	const struct ios_interface *vt = g->virtual_template >= 0 ?
		model_vtemplate((struct ios_config *)cfg, g->virtual_template) : NULL;

	if (!cfg->aaa_new_model)
		return NULL;
	return list_named(cfg, vt && vt->auth_list ? vt->auth_list : "default", false);
}

const struct ios_radius_server *aaa_server_at(const struct ios_config *cfg, struct in_addr a)
{
	for (size_t i = 0; i < cfg->radius.n; i++)
		if (cfg->radius.v[i].has_addr && cfg->radius.v[i].addr.s_addr == a.s_addr)
			return &cfg->radius.v[i];
	return NULL;
}

const struct ios_radius_server *aaa_server_named(const struct ios_config *cfg, const char *n)
{
	for (size_t i = 0; i < cfg->radius.n; i++)
		if (cfg->radius.v[i].name && !strcmp(cfg->radius.v[i].name, n))
			return &cfg->radius.v[i];
	return NULL;
}

const struct ios_aaa_group *aaa_group_named(const struct ios_config *cfg, const char *name)
{
	for (size_t i = 0; i < cfg->aaa_groups.n; i++)
		if (!strcmp(cfg->aaa_groups.v[i].name, name))
			return &cfg->aaa_groups.v[i];
	return NULL;
}

/* the servers of "group radius" (all) or "group NAME", in order, with an address */
static void servers_of(const struct ios_config *cfg, const char *group, struct aaa_view *v)
{
	const struct ios_aaa_group *ag;

	v->nservers = 0;
	if (!strcasecmp(group, "radius")) {
		for (size_t i = 0; i < cfg->radius.n && v->nservers < RC_SERVERS_MAX; i++)
			if (cfg->radius.v[i].has_addr)
				v->servers[v->nservers++] = &cfg->radius.v[i];
		return;
	}
	ag = aaa_group_named(cfg, group);
	for (size_t i = 0; ag && i < ag->servers.n && v->nservers < RC_SERVERS_MAX; i++) {
		const struct ios_radius_server *s;
		struct in_addr a;

		if (ag->servers.v[i].by_name)
			s = aaa_server_named(cfg, ag->servers.v[i].ref);
		else
			s = inet_pton(AF_INET, ag->servers.v[i].ref, &a) == 1 ?
			    aaa_server_at(cfg, a) : NULL;
		if (s && s->has_addr)
			v->servers[v->nservers++] = s;
	}
}

/* the timeout and retransmissions for v's servers: the longest of theirs, else the global ones */
static void timers_of(const struct ios_config *cfg, struct aaa_view *v)
{
	v->timeout = cfg->radius_timeout_line ? cfg->radius_timeout : 5;
	v->retransmit = cfg->radius_retransmit_line ? cfg->radius_retransmit : 3;
	for (int i = 0; i < v->nservers; i++) {
		if (v->servers[i]->timeout_line && v->servers[i]->timeout > v->timeout)
			v->timeout = v->servers[i]->timeout;
		if (v->servers[i]->retransmit_line && v->servers[i]->retransmit > v->retransmit)
			v->retransmit = v->servers[i]->retransmit;
	}
}

/* the source interface for group's servers: the aaa group server's own, else the global one */
static void source_of(const struct ios_config *cfg, const char *group, struct aaa_view *v)
{
	const struct ios_aaa_group *ag = strcasecmp(group, "radius") ?
		aaa_group_named(cfg, group) : NULL;
	const char *name = cfg->radius_source_iface;
	const struct ios_interface *i;

	v->nas_ip_line = cfg->radius_source_line;
	if (ag && ag->source_iface) {
		name = ag->source_iface;
		v->nas_ip_line = ag->source_line;
	}
	i = name ? model_iface((struct ios_config *)cfg, name) : NULL;
	v->has_nas_ip = i && i->has_addr;
	if (v->has_nas_ip)
		v->nas_ip = i->addr;
}

bool aaa_view(const struct ios_config *cfg, const struct ios_vpdn_group *g, struct aaa_view *v)
{
	const struct ios_aaa_list *auth = aaa_auth_list(cfg, g), *acct;

	memset(v, 0, sizeof(*v));
	if (!g->accept_dialin || !auth || !auth->nmethods || auth->methods[0] != AAA_RADIUS)
		return false;
	servers_of(cfg, auth->groups[0], v);
	if (!v->nservers)
		return false;
	v->list = auth;
	v->local_fallback = auth->nmethods > 1 && auth->methods[1] == AAA_LOCAL;
	acct = list_named(cfg, "default", true);
	v->accounting = acct && acct->nmethods && acct->methods[0] == AAA_RADIUS;
	v->acct_list = v->accounting ? acct : NULL;
	/* the longest of the servers' timeouts and retransmissions: radiusclient has one of each */
	timers_of(cfg, v);
	source_of(cfg, auth->groups[0], v);
	return true;
}

const struct ios_vpdn_group *aaa_tunnel_template(const struct ios_config *cfg)
{
	for (size_t i = 0; i < cfg->groups.n; i++)
		if (cfg->groups.v[i].aaa_template)
			return &cfg->groups.v[i];
	return NULL;
}

const struct ios_aaa_list *aaa_tunnel_list(const struct ios_config *cfg)
{
	const char *name = cfg->tunnel_authz_list ? cfg->tunnel_authz_list : "default";

	if (!cfg->aaa_new_model)
		return NULL;
	for (size_t i = 0; i < cfg->aaa_lists.n; i++)
		if (cfg->aaa_lists.v[i].authorization && !strcmp(cfg->aaa_lists.v[i].name, name))
			return &cfg->aaa_lists.v[i];
	return NULL;
}

bool aaa_tunnel_view(const struct ios_config *cfg, struct aaa_view *v)
{
	const struct ios_aaa_list *l = aaa_tunnel_list(cfg);
	const struct ios_vpdn_group *t = aaa_tunnel_template(cfg);

	memset(v, 0, sizeof(*v));
	if (!l || !l->nmethods || l->methods[0] != AAA_RADIUS || !t || !t->crypto_profile)
		return false;
	servers_of(cfg, l->groups[0], v);
	if (!v->nservers)
		return false;
	v->list = l;
	timers_of(cfg, v);
	source_of(cfg, l->groups[0], v);
	return true;
}

bool emit_wants_radius(const struct ios_config *cfg)
{
	struct aaa_view v;

	for (size_t i = 0; i < cfg->groups.n; i++)
		if (aaa_view(cfg, &cfg->groups.v[i], &v))
			return true;
	return false;
}

const char *aaa_server_key(const struct ios_config *cfg, const struct ios_radius_server *s)
{
	return s->key ? s->key : cfg->radius_key;
}

static void server_list(FILE *f, const char *what, const struct aaa_view *v, bool acct)
{
	char a[INET_ADDRSTRLEN];

	fprintf(f, "%s\t", what);
	for (int i = 0; i < v->nservers; i++)
		fprintf(f, "%s%s:%d", i ? "," : "", inet_ntop(AF_INET, &v->servers[i]->addr, a,
			sizeof(a)), acct ? v->servers[i]->acct_port : v->servers[i]->auth_port);
	fputc('\n', f);
}

void emit_radius_conf(struct ios_config *cfg, const struct ios_vpdn_group *g,
		      const struct aaa_view *v, FILE *f, const struct emit_opts *opt)
{
	char file[160];

	snprintf(file, sizeof(file), "ppp/radius/%s.conf", g->name);
	emit_header(f, "#", opt);
	fprintf(f, "# pppd's RADIUS plugin (radius.so) for vpdn-group %s: aaa authentication ppp "
		"%s\n", g->name, v->list->name);
	server_list(f, "authserver", v, false);
	/* radius.so needs an accounting server even without accounting; l2tpsec.so then keeps
	 * it from sending anything (l2tpsec-aaa-no-accounting) */
	server_list(f, "acctserver", v, true);
	fprintf(f, "servers\t" RADIUS_DIR "/servers\ndictionary\t" RADIUS_DIR "/dictionary\n"
		"mapfile\t" RADIUS_DIR "/port-id-map\nseqfile\t/run/pppd/radius.seq\n");
	/* IOS waits timeout seconds, then retransmits N times; radiusclient counts tries */
	fprintf(f, "radius_timeout\t%d\nradius_retries\t%d\n", v->timeout, v->retransmit + 1);
	if (cfg->hostname)
		fprintf(f, "nas_identifier\t%s\n", cfg->hostname);
	if (v->has_nas_ip) {
		fprintf(f, "bindaddr\t%s\n", inet_ntoa(v->nas_ip));
		model_wrote(cfg, v->nas_ip_line, "%s: bindaddr %s", file, inet_ntoa(v->nas_ip));
	}
	model_wrote(cfg, v->list->line, "%s: authserver, the servers of %s%s", file,
		    v->list->groups[0], v->local_fallback ? " (local when none answers)" : "");
	if (v->acct_list)
		model_wrote(cfg, v->acct_list->line, "%s: acctserver (start-stop)", file);
	if (cfg->radius_timeout_line)
		model_wrote(cfg, cfg->radius_timeout_line, "%s: radius_timeout %d", file, v->timeout);
	if (cfg->radius_retransmit_line)
		model_wrote(cfg, cfg->radius_retransmit_line, "%s: radius_retries %d", file,
			    v->retransmit + 1);
	for (int i = 0; i < v->nservers; i++)
		model_wrote(cfg, v->servers[i]->addr_line, "%s: server %s:%d (accounting :%d)", file,
			    inet_ntoa(v->servers[i]->addr), v->servers[i]->auth_port,
			    v->servers[i]->acct_port);
}

void emit_radius_servers(struct ios_config *cfg, FILE *f, const struct emit_opts *opt)
{
	char a[INET_ADDRSTRLEN];

	emit_header(f, "#", opt);
	fprintf(f, "# RADIUS servers and their shared secrets (0600): address secret\n");
	for (size_t i = 0; i < cfg->radius.n; i++) {
		const struct ios_radius_server *s = &cfg->radius.v[i];
		const char *key = aaa_server_key(cfg, s);
		bool seen = false;

		if (!s->has_addr || !key)
			continue;
		for (size_t j = 0; j < i; j++)
			if (cfg->radius.v[j].has_addr && cfg->radius.v[j].addr.s_addr == s->addr.s_addr)
				seen = true;
		if (seen)
			continue;	/* one secret per address (check.c refuses two) */
		fprintf(f, "%s\t%s\n", inet_ntop(AF_INET, &s->addr, a, sizeof(a)), key);
		model_wrote(cfg, s->key ? s->key_line : cfg->radius_key_line,
			    "ppp/radius/servers: the secret for %s (0600)", a);
	}
}

/* the attributes, by RFC number; radius.so adds only those its dictionary names */
static const struct {
	const char *name;
	int number;
	const char *type;
} ietf[] = {
	{ "User-Name", 1, "string" }, { "User-Password", 2, "string" },
	{ "CHAP-Password", 3, "string" }, { "NAS-IP-Address", 4, "ipaddr" },
	{ "NAS-Port", 5, "integer" }, { "Service-Type", 6, "integer" },
	{ "Framed-Protocol", 7, "integer" }, { "Framed-IP-Address", 8, "ipaddr" },
	{ "Framed-IP-Netmask", 9, "ipaddr" }, { "Framed-Routing", 10, "integer" },
	{ "Filter-Id", 11, "string" }, { "Framed-MTU", 12, "integer" },
	{ "Framed-Compression", 13, "integer" }, { "Reply-Message", 18, "string" },
	{ "Framed-Route", 22, "string" }, { "State", 24, "string" }, { "Class", 25, "string" },
	{ "Vendor-Specific", 26, "string" }, { "Session-Timeout", 27, "integer" },
	{ "Idle-Timeout", 28, "integer" }, { "Termination-Action", 29, "integer" },
	{ "Called-Station-Id", 30, "string" }, { "Calling-Station-Id", 31, "string" },
	{ "NAS-Identifier", 32, "string" }, { "Proxy-State", 33, "string" },
	{ "Acct-Status-Type", 40, "integer" }, { "Acct-Delay-Time", 41, "integer" },
	{ "Acct-Input-Octets", 42, "integer" }, { "Acct-Output-Octets", 43, "integer" },
	{ "Acct-Session-Id", 44, "string" }, { "Acct-Authentic", 45, "integer" },
	{ "Acct-Session-Time", 46, "integer" }, { "Acct-Input-Packets", 47, "integer" },
	{ "Acct-Output-Packets", 48, "integer" }, { "Acct-Terminate-Cause", 49, "integer" },
	{ "Acct-Multi-Session-Id", 50, "string" }, { "Acct-Link-Count", 51, "integer" },
	{ "Acct-Input-Gigawords", 52, "integer" }, { "Acct-Output-Gigawords", 53, "integer" },
	{ "Event-Timestamp", 55, "date" }, { "CHAP-Challenge", 60, "string" },
	{ "NAS-Port-Type", 61, "integer" }, { "Port-Limit", 62, "integer" },
	{ "Connect-Info", 77, "string" }, { "Acct-Interim-Interval", 85, "integer" },
	{ "NAS-Port-Id", 87, "string" }, { "Framed-Pool", 88, "string" },
	/* RADIUS plugin extensions (Roaring Penguin's numbers, as radius.so reads them) */
	{ "Session-Octets-Limit", 227, "integer" }, { "Octets-Direction", 228, "integer" },
}, microsoft[] = {
	/* RFC 2548, vendor 311 */
	{ "MS-CHAP-Response", 1, "string" }, { "MS-CHAP-Error", 2, "string" },
	{ "MS-MPPE-Encryption-Policy", 7, "string" }, { "MS-MPPE-Encryption-Types", 8, "string" },
	{ "MS-CHAP-Domain", 10, "string" }, { "MS-CHAP-Challenge", 11, "string" },
	{ "MS-CHAP-MPPE-Keys", 12, "string" }, { "MS-MPPE-Send-Key", 16, "string" },
	{ "MS-MPPE-Recv-Key", 17, "string" }, { "MS-CHAP2-Response", 25, "string" },
	{ "MS-CHAP2-Success", 26, "string" }, { "MS-Primary-DNS-Server", 28, "ipaddr" },
	{ "MS-Secondary-DNS-Server", 29, "ipaddr" }, { "MS-Primary-NBNS-Server", 30, "ipaddr" },
	{ "MS-Secondary-NBNS-Server", 31, "ipaddr" },
};

/* the values radius.so names (it sends them as numbers; FreeRADIUS logs them by name) */
static const struct {
	const char *attribute, *name;
	int value;
} values[] = {
	{ "Service-Type", "Framed-User", 2 }, { "Framed-Protocol", "PPP", 1 },
	{ "Acct-Status-Type", "Start", 1 }, { "Acct-Status-Type", "Stop", 2 },
	{ "Acct-Status-Type", "Interim-Update", 3 }, { "Acct-Authentic", "RADIUS", 1 },
	{ "Acct-Authentic", "Local", 2 }, { "NAS-Port-Type", "Async", 0 },
	{ "NAS-Port-Type", "Sync", 1 }, { "NAS-Port-Type", "Virtual", 5 },
	{ "Acct-Terminate-Cause", "User-Request", 1 }, { "Acct-Terminate-Cause", "Lost-Carrier", 2 },
	{ "Acct-Terminate-Cause", "Idle-Timeout", 4 }, { "Acct-Terminate-Cause", "Session-Timeout", 5 },
	{ "Acct-Terminate-Cause", "Admin-Reset", 6 }, { "Acct-Terminate-Cause", "NAS-Error", 9 },
	{ "Acct-Terminate-Cause", "NAS-Request", 10 },
};

void emit_radius_dictionary(FILE *f, const struct emit_opts *opt)
{
	emit_header(f, "#", opt);
	fprintf(f, "# The RADIUS attributes pppd's RADIUS plugin uses, by RFC 2865, 2866, 2869 and "
		"2548 number.\n");
	for (size_t i = 0; i < sizeof(ietf) / sizeof(ietf[0]); i++)
		fprintf(f, "ATTRIBUTE\t%s\t%d\t%s\n", ietf[i].name, ietf[i].number, ietf[i].type);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		fprintf(f, "VALUE\t%s\t%s\t%d\n", values[i].attribute, values[i].name, values[i].value);
	fprintf(f, "VENDOR\tMicrosoft\t311\n");
	for (size_t i = 0; i < sizeof(microsoft) / sizeof(microsoft[0]); i++)
		fprintf(f, "ATTRIBUTE\t%s\t%d\t%s\tMicrosoft\n", microsoft[i].name,
			microsoft[i].number, microsoft[i].type);
}

void emit_radius_portmap(FILE *f, const struct emit_opts *opt)
{
	emit_header(f, "#", opt);
	fprintf(f, "# radius.so's tty -> NAS-Port map: L2TP sessions have no tty, nothing to map\n");
}

void emit_radius_pools(struct ios_config *cfg, FILE *f, const struct emit_opts *opt)
{
	char a[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN];

	emit_header(f, "#", opt);
	fprintf(f, "# Address pools a RADIUS Framed-Pool may name (ip local pool): NAME FIRST LAST\n");
	for (size_t i = 0; i < cfg->pools.n; i++) {
		const struct ios_pool *p = &cfg->pools.v[i];

		fprintf(f, "%s\t%s\t%s\n", p->name, inet_ntop(AF_INET, &p->start, a, sizeof(a)),
			inet_ntop(AF_INET, &p->end, b, sizeof(b)));
		model_wrote(cfg, p->line, "ppp/radius/pools: %s %s-%s (for a RADIUS Framed-Pool)",
			    p->name, a, b);
	}
}

void emit_ppp_aaa(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f,
		  const char *file)
{
	struct aaa_view v;

	if (!aaa_view(cfg, g, &v))
		return;
	/* after l2tpsec.so: its local fallback sees radius.so's requests (lns_aaa.h) */
	fprintf(f, "plugin radius.so\nradius-config-file " RADIUS_DIR "/%s.conf\n", g->name);
	model_wrote(cfg, v.list->line, "%s: plugin radius.so (aaa authentication ppp %s)", file,
		    v.list->name);
	if (v.local_fallback) {
		fprintf(f, L2TPSEC_PPPD_AAA_LOCAL "\n");
		model_wrote(cfg, v.list->line, "%s: " L2TPSEC_PPPD_AAA_LOCAL " (local after %s)",
			    file, v.list->groups[0]);
	}
	if (cfg->pools.n)
		fprintf(f, L2TPSEC_PPPD_AAA_POOLS " " RADIUS_DIR "/pools\n");
	if (!v.accounting)
		fprintf(f, L2TPSEC_PPPD_AAA_NO_ACCT "\n");
	else
		model_wrote(cfg, v.acct_list->line, "%s: RADIUS accounting (Start, Interim-Update "
			    "at the server's Acct-Interim-Interval, Stop)", file);
	/* radius.so sends NAS-IP-Address only without a NAS-Identifier: this adds it to every
	 * request (a shared server's pools and accounting key sessions on it) */
	if (v.has_nas_ip) {
		fprintf(f, "avpair NAS-IP-Address=%s\n", inet_ntoa(v.nas_ip));
		model_wrote(cfg, v.nas_ip_line, "%s: avpair NAS-IP-Address=%s", file,
			    inet_ntoa(v.nas_ip));
	}
}
