/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The l2tpsec keys of xl2tpd.conf (names: common/l2tpsec_names.h). They are kept here, keyed by xl2tpd's own section objects,
 * so xl2tpd's structures stay as upstream has them:
 *   [global]    l2tpsec crypto socket = PATH          (default /run/l2tpsec/crypto.sock)
 *               l2tpsec control socket = PATH         (default /run/l2tpsec/xl2tpd.sock)
 *               l2tpsec session limit = N             (IOS vpdn session-limit: all sessions)
 *   [lns …]/[lac …]
 *               l2tpsec crypto profile = NAME         (IPsec required; IOS crypto-profile)
 *               l2tpsec keep sa = yes|no              (default no)
 *               l2tpsec ip pmtu = yes|no              (default no)
 *               l2tpsec lcp renegotiation = off|always|on-mismatch   (default off)
 *               l2tpsec session limit = N             (the vpdn-group's session-limit: this
 *                                                     section's sessions; never inherited)
 *   [lns …]     l2tpsec terminate from = HOSTNAME    (IOS terminate-from hostname: the section
 *                                                     serves SCCRQs with that Host Name only)
 *   [lac …]     l2tpsec lns priority = HOST N        (IOS initiate-to ip HOST priority N; once
 *                                                     per lns entry, never inherited)
 *               l2tpsec busy timeout = S             (IOS l2tp tunnel busy timeout: an LNS
 *                                                     that failed is passed over; default 300)
 * A [lns default]/[lac default] section's values apply to the sections that do not set them,
 * except terminate from, session limit and lns priority: a group's own.
 */
#ifndef L2TPSEC_CONFIG_H
#define L2TPSEC_CONFIG_H

#include "l2tpsec_names.h"	/* key names, enum l2tpsec_lcp */

struct l2tpsec_settings {
	const char *profile;	/* NULL: this section does not require IPsec */
	int keep_sa;
	int ip_pmtu;
	enum l2tpsec_lcp lcp;
	const char *terminate_from;	/* NULL: any host name ([lns] only) */
	int session_limit;		/* 0: none */
	int busy_timeout;		/* seconds ([lac]) */
};

/* the priority of lac's lns entry HOST (IOS: 1 first); 1 when none is configured */
int l2tpsec_lns_priority(const void *lac, const char *host);

/* a configured lns priority whose HOST is none of lac's lns entries (is_lns(lac, host) says),
 * for the startup warning; NULL when every one names an entry */
const char *l2tpsec_stray_lns_priority(const void *lac,
				       int (*is_lns)(const void *lac, const char *host));

/* to (a run-time [lac]) takes from's settings but none of its lns priorities (they are set
 * anew); what to had before is dropped. -1: out of memory */
int l2tpsec_config_derive(const void *from, const void *to);

/* the xl2tpd keyword handler for every "l2tpsec …" key (file.c's words[] table) */
int l2tpsec_set_option(char *word, char *value, int context, void *item);

/* effective settings of one [lns]/[lac] section (context: CONTEXT_LNS or CONTEXT_LAC) */
struct l2tpsec_settings l2tpsec_settings_for(const void *item, int context);

const char *l2tpsec_socket_path(void);

/* [global] l2tpsec session limit; 0: none */
int l2tpsec_global_session_limit(void);

/* where show vpdn, clear vpdn and debug vpdn reach this xl2tpd */
const char *l2tpsec_control_path(void);

/* does any section require IPsec? (if not, l2tpsec stays out of xl2tpd's way entirely) */
int l2tpsec_any_profile(void);

/* does any [lns] section name the host name it terminates? */
int l2tpsec_any_terminate_from(void);

/* does any section (or default section) turn ip pmtu on? */
int l2tpsec_any_pmtu(void);

#endif
