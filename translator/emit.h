/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The emitters: the model → swanctl.conf (+ ipsec.conf/ipsec.secrets), the charon plugin's
 * profiles, xl2tpd.conf + l2tp-secrets, pppd options + chap-secrets, README.translation. Every
 * crypto profile is first reduced to one "connection view" that all of them read.
 */
#ifndef L2TPSEC_EMIT_H
#define L2TPSEC_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include <arpa/inet.h>

#include "lexer.h"
#include "model.h"
#include "output.h"

struct emit_opts {
	const char *source;	/* input file name, for the headers */
	bool ipsec_conf;	/* also ipsec.conf + ipsec.secrets */
};

/* one crypto profile as the Linux side needs it */
struct conn_view {
	const struct ios_crypto_map *map;
	const struct ios_interface *iface;	/* where the map is applied (local address) */
	char local[4 * INET_ADDRSTRLEN];	/* the addresses of the interfaces carrying the map, or
						 * %any (none, or one by DHCP) */
	/* comma-separated lists (owned; see conn_views_free) */
	char *remote;		/* the LNSes a LAC dials, or %any (an LNS: the PSKs decide) */
	char *groups;		/* the vpdn-groups using it */
	char *ike;		/* IKE proposals, priority order */
	char *esp;		/* ESP proposals, transform-set order */
	bool lac, lns;		/* used by request-dialin / accept-dialin groups */
	bool keep_sa;		/* every group using it says keep-sa */
	bool psk;
	bool transport;
	unsigned reauth, life_s, life_kb;
};

/* 0, or -1 when out of memory */
int conn_views(struct ios_config *cfg, struct conn_view **views, size_t *n);
void conn_views_free(struct conn_view *views, size_t n);

void emit_header(FILE *f, const char *comment, const struct emit_opts *opt);
/* a double-quoted string as swanctl.conf, ipsec.secrets and chap-secrets read it */
void emit_quoted(FILE *f, const char *s);

void emit_swanctl(struct ios_config *cfg, const struct conn_view *v, size_t n, FILE *f,
		  const struct emit_opts *opt);
void emit_ipsec_conf(struct ios_config *cfg, const struct conn_view *v, size_t n, FILE *conf,
		     FILE *secrets, const struct emit_opts *opt);
void emit_plugin(struct ios_config *cfg, const struct conn_view *v, size_t n, FILE *f,
		 const struct emit_opts *opt);
void emit_xl2tpd(struct ios_config *cfg, FILE *conf, FILE *secrets, const struct emit_opts *opt);
void emit_ppp_options(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f,
		      const struct emit_opts *opt);
void emit_chap_secrets(struct ios_config *cfg, FILE *f, const struct emit_opts *opt);
/* the LAC's access side (request-dialin domains): ppp/l2tpsec-dialin, when some group has one */
int emit_wants_dialin(const struct ios_config *cfg);
void emit_ppp_dialin(struct ios_config *cfg, FILE *f, const struct emit_opts *opt);
/* how a dial-in group authenticates with RADIUS (emit_radius.c) */
struct aaa_view {
	const struct ios_aaa_list *list;	/* its aaa authentication ppp list */
	const struct ios_aaa_list *acct_list;	/* aaa accounting network default, to RADIUS */
	const struct ios_radius_server *servers[8];	/* in the order they are tried */
	int nservers;
	bool local_fallback;	/* local after the RADIUS group */
	bool accounting;
	int timeout, retransmit;
	/* ip radius source-interface (the group's, else the global one) with an address: the
	 * requests' source and NAS-IP-Address */
	bool has_nas_ip;
	struct in_addr nas_ip;
	int nas_ip_line;
};
/* false: the group does not authenticate with RADIUS */
bool aaa_view(const struct ios_config *cfg, const struct ios_vpdn_group *g, struct aaa_view *v);
bool emit_wants_radius(const struct ios_config *cfg);
/* a LAC's tunnel authorization (aaa authorization network … group radius, vpdn tunnel
 * authorization network): false unless its first method is RADIUS with servers and the global
 * vpdn-template names a crypto profile for RADIUS's tunnels */
bool aaa_tunnel_view(const struct ios_config *cfg, struct aaa_view *v);
const struct ios_vpdn_group *aaa_tunnel_template(const struct ios_config *cfg);
const struct ios_aaa_list *aaa_tunnel_list(const struct ios_config *cfg);
/* ppp/l2tpsec-dialin-aaa (0600): the servers and secrets lac_aaa.c reads */
void emit_dialin_aaa(struct ios_config *cfg, const struct aaa_view *v, FILE *f,
		     const struct emit_opts *opt);
const struct ios_aaa_list *aaa_auth_list(const struct ios_config *cfg,
					 const struct ios_vpdn_group *g);
const struct ios_radius_server *aaa_server_at(const struct ios_config *cfg, struct in_addr a);
const struct ios_radius_server *aaa_server_named(const struct ios_config *cfg, const char *n);
const struct ios_aaa_group *aaa_group_named(const struct ios_config *cfg, const char *name);
const char *aaa_server_key(const struct ios_config *cfg, const struct ios_radius_server *s);
void emit_radius_conf(struct ios_config *cfg, const struct ios_vpdn_group *g,
		      const struct aaa_view *v, FILE *f, const struct emit_opts *opt);
void emit_radius_servers(struct ios_config *cfg, FILE *f, const struct emit_opts *opt);
void emit_radius_dictionary(FILE *f, const struct emit_opts *opt);
void emit_radius_portmap(FILE *f, const struct emit_opts *opt);
/* every ip local pool range, for a RADIUS Framed-Pool (ppp/radius/pools) */
void emit_radius_pools(struct ios_config *cfg, FILE *f, const struct emit_opts *opt);
/* the pppd options a RADIUS group adds after plugin l2tpsec.so */
void emit_ppp_aaa(struct ios_config *cfg, const struct ios_vpdn_group *g, FILE *f,
		  const char *file);
void emit_readme(struct ios_config *cfg, const struct conn_view *v, size_t n, const struct lex *lx,
		 FILE *f, const struct emit_opts *opt);

#endif
