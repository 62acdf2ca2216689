/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * What an IOS L2TP Security configuration says, once parsed: the parser fills it, the checks
 * read it, the emitters turn it into Linux configuration. Strings point into the lexer's buffer
 * or are owned here (see model_free); every object remembers its line, and each attribute an
 * emitter uses the line it came from, so README.translation says what each line became.
 */
#ifndef L2TPSEC_MODEL_H
#define L2TPSEC_MODEL_H

#include "l2tpsec_names.h"	/* enum l2tpsec_lcp */
#include <netinet/in.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define VEC(T) struct { T *v; size_t n, cap; }
/* append a zeroed element and return a pointer to it, NULL when out of memory */
void *vec_grow(void *vec, size_t elem);
#define VEC_ADD(vec) ((__typeof__((vec).v))vec_grow(&(vec), sizeof(*(vec).v)))

enum ppp_auth { AUTH_PAP = 1, AUTH_CHAP = 2, AUTH_MSCHAP = 4, AUTH_MSCHAPV2 = 8 };

struct ios_user {
	const char *name;
	char *password;		/* cleartext (type 0 or decoded type 7); NULL when hashed */
	int line;
};

struct ios_isakmp_policy {
	int priority;
	const char *encr;	/* strongSwan name: des, 3des, aes128, aes192, aes256 */
	const char *hash;	/* md5, sha1, sha256, sha384, sha512 */
	bool psk;		/* authentication pre-share (else rsa-sig) */
	int group;		/* DH group number */
	unsigned lifetime;	/* seconds */
	int encr_line, hash_line, auth_line, group_line, lifetime_line;
	int line;
};

struct ios_isakmp_key {
	const char *key;
	struct in_addr addr, mask;
	const char *addr6;	/* address ipv6 PREFIX/LEN (then addr/mask are unused) */
	const char *keyring;	/* from this crypto keyring's pre-shared-key, or NULL */
	int line, col;
};

struct ios_transform_set {
	const char *name;
	const char *esp_enc;	/* strongSwan name or NULL */
	const char *esp_auth;	/* strongSwan name or NULL (AEAD ciphers have none) */
	const char *ah;		/* strongSwan name or NULL */
	bool esp_enc_aead;
	bool transport;		/* mode transport (IOS default: tunnel) */
	bool compress;		/* comp-lzs: not available */
	int mode_line;
	int line;
};

struct ios_crypto_map {
	const char *name;
	int seq;
	const char *profile;	/* ipsec-isakmp profile P */
	const char *dynamic;	/* ipsec-isakmp dynamic D */
	bool is_dynamic_map;	/* a crypto dynamic-map entry */
	bool from_dynamic;	/* profile made from its dynamic map (translator/dynamic.c) */
	const char *tsets[6];
	int tset_cols[6];
	int tset_line;
	int ntsets;
	unsigned life_seconds, life_kilobytes;	/* 0: the IOS global default */
	int pfs_group;		/* 0: no PFS */
	int life_s_line, life_kb_line, pfs_line;
	int line;
};

/* crypto map NAME local-address INTERFACE: IKE and ESP from that interface's address (a
 * loopback a cluster's nodes share, for one) instead of the addresses carrying the map */
struct ios_map_local {
	const char *map;
	const char *iface;
	int line, col;
};

struct ios_initiate_to {
	struct in_addr addr;
	int priority;
	int line;
};

struct ios_domain {
	const char *name;
	int line;
};

struct ios_vpdn_group {
	const char *name;
	bool request_dialin, accept_dialin;
	const char *protocol;
	VEC(struct ios_domain) domains;
	int virtual_template;	/* -1: none */
	int vt_line;
	VEC(struct ios_initiate_to) initiate;
	const char *local_name;
	const char *terminate_from;
	enum l2tpsec_lcp lcp;
	const char *crypto_profile;
	int profile_line, profile_col;
	bool dynamic_profile;	/* crypto_profile given by a dynamic map, not by the group */
	bool keep_sa;
	int tunnel_auth;	/* -1: IOS default (on), 0: no l2tp tunnel authentication, 1: on */
	const char *tunnel_password;
	int hello, receive_window, retries;	/* 0: default */
	bool ip_pmtu;
	bool force_local_chap;
	bool aaa_template;	/* the global vpdn-template: RADIUS's tunnels (a LAC) take its settings */
	int session_limit;	/* 0: none */
	int busy_timeout;	/* l2tp tunnel busy timeout; 0: xl2tpd's (IOS's) 300 s */
	/* where each attribute came from (0: the default) */
	int busy_line, limit_line, lac_line, lns_line, lcp_line, name_line, auth_line, password_line, rws_line,
	    retries_line, pmtu_line, terminate_line, force_chap_line;
	int line;
};

/* radius-server host A … (name NULL) or radius server NAME + address ipv4 A … */
struct ios_radius_server {
	const char *name;
	struct in_addr addr;
	bool has_addr;
	int auth_port, acct_port;	/* IOS's defaults: 1645, 1646 */
	char *key;		/* owned; NULL: the global radius-server key */
	int timeout, retransmit;	/* set when their line is: else the global ones */
	int line, addr_line, key_line, timeout_line, retransmit_line;
};

/* aaa group server radius NAME: its servers, by name or address (server name N / server A) */
struct ios_aaa_member {
	const char *ref;
	bool by_name;
	int line, col;
};
struct ios_aaa_group {
	const char *name;
	VEC(struct ios_aaa_member) servers;
	const char *source_iface;	/* ip radius source-interface under it; NULL: the global one */
	int source_line;
	int line;
};

/* aaa authentication ppp LIST METHODS / aaa accounting network LIST start-stop METHOD */
enum aaa_method { AAA_LOCAL = 1, AAA_RADIUS, AAA_NONE, AAA_OTHER };
struct ios_aaa_list {
	const char *name;	/* "default" or the list's name */
	bool accounting;	/* an accounting list, else an authentication one ... */
	bool authorization;	/* ... or a network authorization one */
	enum aaa_method methods[4];
	const char *groups[4];	/* for AAA_RADIUS: "radius" or an aaa group server's name */
	int cols[4];
	int nmethods;
	int line;
};

struct ios_interface {
	char *name;		/* owned */
	bool has_addr;
	bool dhcp;		/* ip address dhcp: no address known in advance */
	struct in_addr addr, mask;
	const char *crypto_map;
	int map_line, map_col;
	int vt_number;		/* Virtual-TemplateN: N, else -1 */
	const char *unnumbered;
	const char *pool;
	unsigned auth;		/* enum ppp_auth bits, in the order given */
	int auth_order[4];
	int nauth;
	const char *auth_list;	/* ppp authentication … LIST: the AAA method list; NULL: default */
	struct in_addr dns[2];
	int ndns;
	struct in_addr wins[2];
	int nwins;
	int mtu;
	int keepalive, keepalive_retries;	/* LCP echo: 0 = unset, -1 = no keepalive */
	const char *chap_hostname;
	bool mppe128;		/* ppp encrypt mppe 128 */
	int mppe_line;
	int addr_line, unnumbered_line, pool_line, auth_line, dns_line, mtu_line;
	int wins_line, keepalive_line, chap_host_line;
	int line;
};

struct ios_pool {
	const char *name;
	struct in_addr start, end;
	int line;
};

struct ios_config {
	const char *hostname;
	int hostname_line;
	VEC(struct ios_user) users;
	VEC(struct ios_isakmp_policy) policies;
	VEC(struct ios_isakmp_key) keys;
	int keepalive, keepalive_retry;	/* crypto isakmp keepalive S R; 0: off */
	int keepalive_line;
	VEC(struct ios_transform_set) tsets;
	VEC(struct ios_crypto_map) maps;
	VEC(struct ios_map_local) map_locals;
	VEC(struct ios_vpdn_group) groups;
	VEC(struct ios_interface) ifaces;
	VEC(struct ios_pool) pools;
	bool vpdn_enable, address_pool_local, aaa_new_model;
	VEC(struct ios_radius_server) radius;
	VEC(struct ios_aaa_group) aaa_groups;
	VEC(struct ios_aaa_list) aaa_lists;
	char *radius_key;	/* radius-server key (owned); NULL: none */
	int radius_timeout, radius_retransmit;	/* set when their line is: else IOS's 5 s, 3 */
	int radius_key_line, radius_timeout_line, radius_retransmit_line;
	/* ip radius source-interface IF: RADIUS requests leave from IF's address and carry it as
	 * NAS-IP-Address (what tells an LNS cluster's nodes apart at a shared server) */
	const char *radius_source_iface;
	int radius_source_line;
	int session_limit;	/* vpdn session-limit; 0: none */
	int session_limit_line;
	/* vpdn tunnel authorization password/network: a LAC's RADIUS tunnel lookups */
	char *tunnel_authz_password;	/* owned; NULL: IOS's "cisco" */
	const char *tunnel_authz_list;		/* NULL: the "default" network list */
	int tunnel_authz_password_line, tunnel_authz_list_line;
	/* per input line (index = line number), for README.translation: what the parser made of
	 * it, and what the emitters wrote from it ("FILE: what" lines) */
	char **notes;
	char **wrote;
	int *redact_col;	/* per line: 1 + byte offset where a secret starts (0: none) */
	size_t nlines;
	bool modernize;
	bool lenient;		/* unknown commands in security sub-modes: warnings, not errors */
};

void model_free(struct ios_config *cfg);

/* what input line `line` became, for README.translation (replaces what was said before) */
void model_note(struct ios_config *cfg, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void model_vnote(struct ios_config *cfg, int line, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* an emitter wrote something from input line `line` (0: nothing to attribute) */
void model_wrote(struct ios_config *cfg, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));


/* lookups by name (NULL when absent) */
struct ios_transform_set *model_tset(struct ios_config *cfg, const char *name);
struct ios_crypto_map *model_profile(struct ios_config *cfg, const char *profile);
struct ios_interface *model_iface_with_map(struct ios_config *cfg, const char *map);
/* crypto map MAP local-address IF, or NULL */
struct ios_map_local *model_map_local(struct ios_config *cfg, const char *map);
struct ios_pool *model_pool(struct ios_config *cfg, const char *name);
struct ios_interface *model_vtemplate(struct ios_config *cfg, int n);
struct ios_interface *model_iface(struct ios_config *cfg, const char *name);

#endif
