/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * swanctl.conf (and, on request, ipsec.conf + ipsec.secrets): one IKEv1 connection per crypto
 * profile, a transport-mode CHILD_SA for UDP/1701, the IOS lifetimes, the PSKs. The l2tp-security
 * plugin clones these per L2TP tunnel; loaded on their own they are a working static setup.
 */
#include "emit.h"

#include <arpa/inet.h>
#include <string.h>

/* IKEv1 rekeys by re-authentication; CHILD_SAs are renewed at 90% of the IOS lifetime */
#define REKEY(x) ((x) - (x) / 10)

#define SWANCTL "swanctl/swanctl.conf: connection %s "

/* README.translation: which IOS lines connection v's settings came from */
static void swanctl_wrote(struct ios_config *cfg, const struct conn_view *v)
{
	const struct ios_crypto_map *m = v->map;
	const struct ios_map_local *local = model_map_local(cfg, m->name);
	const char *c = m->profile;

	model_wrote(cfg, m->line, SWANCTL "(IKEv1, %s child; the plugin clones it per L2TP "
		    "tunnel)", c, v->transport ? "transport" : "tunnel");
	for (size_t i = 0; i < cfg->policies.n; i++) {
		const struct ios_isakmp_policy *p = &cfg->policies.v[i];
		const int lines[] = { p->line, p->encr_line, p->hash_line, p->group_line };

		if (p->psk != v->psk)
			continue;
		for (size_t k = 0; k < sizeof(lines) / sizeof(lines[0]); k++)
			model_wrote(cfg, lines[k], SWANCTL "proposals = %s", c, v->ike);
		model_wrote(cfg, p->auth_line, SWANCTL "auth = %s", c, v->psk ? "psk" : "pubkey");
		model_wrote(cfg, p->lifetime_line, SWANCTL "reauth_time = %us", c, v->reauth);
	}
	if (cfg->keepalive)
		model_wrote(cfg, cfg->keepalive_line, SWANCTL "dpd_delay = %ds, dpd_timeout = %ds", c,
			    cfg->keepalive, cfg->keepalive + 5 * cfg->keepalive_retry);
	for (int i = 0; i < m->ntsets; i++) {
		const struct ios_transform_set *t = model_tset(cfg, m->tsets[i]);

		if (!t)
			continue;
		model_wrote(cfg, t->line, SWANCTL "esp_proposals = %s", c, v->esp);
		model_wrote(cfg, t->mode_line, SWANCTL "mode = %s", c,
			    v->transport ? "transport" : "tunnel");
	}
	model_wrote(cfg, m->tset_line, SWANCTL "esp_proposals = %s", c, v->esp);
	model_wrote(cfg, m->pfs_line, SWANCTL "esp_proposals = %s", c, v->esp);
	model_wrote(cfg, m->life_s_line, SWANCTL "life_time = %us, rekey_time = %us", c, v->life_s,
		    REKEY(v->life_s));
	model_wrote(cfg, m->life_kb_line, SWANCTL "life_bytes = %llu, rekey_bytes = %llu", c,
		    (unsigned long long)v->life_kb * 1024,
		    (unsigned long long)REKEY(v->life_kb) * 1024);
	for (size_t i = 0; i < cfg->ifaces.n; i++) {
		const struct ios_interface *f = &cfg->ifaces.v[i];

		if (!f->crypto_map || strcmp(f->crypto_map, m->name))
			continue;
		model_wrote(cfg, f->map_line, SWANCTL "local_addrs = %s", c, v->local);
		if (!local)
			model_wrote(cfg, f->addr_line, SWANCTL "local_addrs = %s", c, v->local);
	}
	if (local)
		model_wrote(cfg, local->line, SWANCTL "local_addrs = %s", c, v->local);
	for (size_t i = 0; i < cfg->groups.n; i++) {
		const struct ios_vpdn_group *g = &cfg->groups.v[i];

		if (!g->crypto_profile || strcmp(g->crypto_profile, c))
			continue;
		model_wrote(cfg, g->profile_line, SWANCTL "(%s)", c,
			    v->lns ? "answers any peer the keys admit" : "dials the LNSes");
		for (size_t k = 0; g->request_dialin && k < g->initiate.n; k++)
			model_wrote(cfg, g->initiate.v[k].line, SWANCTL "remote_addrs = %s", c,
				    v->remote);
	}
}

static void swanctl_conn(struct ios_config *cfg, const struct conn_view *v, FILE *f)
{
	const struct ios_crypto_map *m = v->map;

	fprintf(f, "\t# crypto map %s %d ipsec-isakmp %s %s (vpdn-group %s)\n", m->name,
		m->seq, m->from_dynamic ? "dynamic" : "profile", m->profile, v->groups);
	fprintf(f, "\t%s {\n", m->profile);
	fprintf(f, "\t\tversion = 1\n");
	fprintf(f, "\t\taggressive = no\n");
	fprintf(f, "\t\tlocal_addrs = %s\n", v->local);
	fprintf(f, "\t\tremote_addrs = %s\n", v->remote);
	fprintf(f, "\t\tproposals = %s\n", v->ike);
	fprintf(f, "\t\treauth_time = %us\n", v->reauth);
	if (cfg->keepalive) {
		fprintf(f, "\t\tdpd_delay = %ds\n", cfg->keepalive);
		fprintf(f, "\t\tdpd_timeout = %ds\n", cfg->keepalive + 5 * cfg->keepalive_retry);
	}
	fprintf(f, "\t\tlocal {\n\t\t\tauth = %s\n\t\t}\n", v->psk ? "psk" : "pubkey");
	fprintf(f, "\t\tremote {\n\t\t\tauth = %s\n\t\t}\n", v->psk ? "psk" : "pubkey");
	fprintf(f, "\t\tchildren {\n\t\t\t%s {\n", m->profile);
	fprintf(f, "\t\t\t\tmode = %s\n", v->transport ? "transport" : "tunnel");
	/* UDP by number: swanctl resolves "udp" through /etc/protocols, which a minimal system
	 * (no netbase) lacks, and then refuses the whole connection */
	fprintf(f, "\t\t\t\tlocal_ts = dynamic[17/1701]\n");
	/* an LNS accepts the clients' source ports (macOS/iOS use an ephemeral one) */
	fprintf(f, "\t\t\t\tremote_ts = dynamic[17%s]\n", v->lns ? "" : "/1701");
	fprintf(f, "\t\t\t\tesp_proposals = %s\n", v->esp);
	fprintf(f, "\t\t\t\tlife_time = %us\n\t\t\t\trekey_time = %us\n", v->life_s,
		REKEY(v->life_s));
	fprintf(f, "\t\t\t\tlife_bytes = %llu\n\t\t\t\trekey_bytes = %llu\n",
		(unsigned long long)v->life_kb * 1024, (unsigned long long)REKEY(v->life_kb) * 1024);
	/*
	 * Never trapped or started: on a LAC the patched xl2tpd OPENs each tunnel on the crypto
	 * socket before its first SCCRQ (the plugin clones this profile for exactly that tunnel);
	 * on an LNS this child answers the peers' quick modes.
	 */
	fprintf(f, "\t\t\t\tstart_action = none\n");
	fprintf(f, "\t\t\t}\n\t\t}\n\t}\n");
	swanctl_wrote(cfg, v);
}

/* the prefix length of a contiguous netmask */
static int prefix_len(struct in_addr mask)
{
	uint32_t m = ntohl(mask.s_addr);
	int len = 0;

	while (m & 0x80000000u) {
		len++;
		m <<= 1;
	}
	return len;
}

/* an IPv6 key's identity: the address alone for a /128, else the prefix */
static int ipv6_id_len(const char *prefix)
{
	const char *slash = strchr(prefix, '/');

	return slash && !strcmp(slash, "/128") ? (int)(slash - prefix) : (int)strlen(prefix);
}

void emit_swanctl(struct ios_config *cfg, const struct conn_view *v, size_t n, FILE *f,
		  const struct emit_opts *opt)
{
	char a[INET_ADDRSTRLEN];

	emit_header(f, "#", opt);
	fprintf(f, "# Holds the pre-shared keys: keep it 0600.\n\nconnections {\n");
	for (size_t i = 0; i < n; i++)
		swanctl_conn(cfg, &v[i], f);
	fprintf(f, "}\n\nsecrets {\n");
	for (size_t i = 0; i < cfg->keys.n; i++) {
		const struct ios_isakmp_key *k = &cfg->keys.v[i];
		int len = prefix_len(k->mask);

		if (k->keyring)
			fprintf(f, "\t# crypto keyring %s: pre-shared-key address ", k->keyring);
		else
			fprintf(f, "\t# crypto isakmp key … address ");
		fprintf(f, "%s%s (line %d)\n", k->addr6 ? "ipv6 " : "",
			k->addr6 ? k->addr6 : inet_ntop(AF_INET, &k->addr, a, sizeof(a)), k->line);
		model_wrote(cfg, k->line, "swanctl/swanctl.conf: secrets ike-%zu (the key is in this "
			    "file only, 0600)", i + 1);
		fprintf(f, "\tike-%zu {\n\t\tsecret = ", i + 1);
		emit_quoted(f, k->key);
		fputc('\n', f);
		if (k->addr6)
			fprintf(f, "\t\tid = %.*s\n", ipv6_id_len(k->addr6), k->addr6);
		else if (len == 32)
			fprintf(f, "\t\tid = %s\n", a);
		else if (len > 0)
			fprintf(f, "\t\tid = %s/%d\n", a, len);
		/* 0.0.0.0 0.0.0.0: no id, the key matches any peer */
		fprintf(f, "\t}\n");
	}
	fprintf(f, "}\n");
}

void emit_ipsec_conf(struct ios_config *cfg, const struct conn_view *v, size_t n, FILE *conf,
		     FILE *secrets, const struct emit_opts *opt)
{
	char a[INET_ADDRSTRLEN];

	emit_header(conf, "#", opt);
	fprintf(conf, "\nconfig setup\n\nconn %%default\n\tkeyexchange = ikev1\n\n");
	for (size_t i = 0; i < n; i++) {
		const struct conn_view *c = &v[i];

		fprintf(conf, "# crypto map %s %d ipsec-isakmp %s %s\n", c->map->name,
			c->map->seq, c->map->from_dynamic ? "dynamic" : "profile", c->map->profile);
		fprintf(conf, "conn %s\n", c->map->profile);
		model_wrote(cfg, c->map->line, "ipsec.conf: conn %s", c->map->profile);
		fprintf(conf, "\ttype = %s\n", c->transport ? "transport" : "tunnel");
		fprintf(conf, "\tauthby = %s\n", c->psk ? "secret" : "pubkey");
		fprintf(conf, "\tleft = %s\n\tleftprotoport = 17/1701\n", c->local);
		fprintf(conf, "\tright = %s\n\trightprotoport = 17/%s\n", c->remote,
			c->lns ? "%any" : "1701");
		fprintf(conf, "\tike = %s!\n\tesp = %s!\n", c->ike, c->esp);
		fprintf(conf, "\tikelifetime = %us\n\tlifetime = %us\n\tmarginbytes = %llu\n",
			c->reauth, c->life_s, (unsigned long long)(c->life_kb / 10) * 1024);
		if (cfg->keepalive)
			fprintf(conf, "\tdpddelay = %ds\n\tdpdtimeout = %ds\n\tdpdaction = clear\n",
				cfg->keepalive, cfg->keepalive + 5 * cfg->keepalive_retry);
		fprintf(conf, "\tauto = add\n\n");	/* the patched xl2tpd asks for the SA */
	}
	emit_header(secrets, "#", opt);
	for (size_t i = 0; i < cfg->keys.n; i++) {
		const struct ios_isakmp_key *k = &cfg->keys.v[i];
		int len = prefix_len(k->mask);

		inet_ntop(AF_INET, &k->addr, a, sizeof(a));
		model_wrote(cfg, k->line, "ipsec.secrets: a PSK line (0600)");
		if (k->addr6)
			fprintf(secrets, "%.*s : PSK ", ipv6_id_len(k->addr6), k->addr6);
		else if (len == 0)
			fprintf(secrets, "%%any : PSK ");
		else if (len == 32)
			fprintf(secrets, "%s : PSK ", a);
		else
			fprintf(secrets, "%s/%d : PSK ", a, len);
		emit_quoted(secrets, k->key);
		fputc('\n', secrets);
	}
}
