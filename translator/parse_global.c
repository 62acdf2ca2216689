/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS grammar, part: global configuration commands: hostname, users, aaa, vpdn globals, pools, banners, end/exit.
 */
#define _GNU_SOURCE
#include "parse_core.h"
#include "unknown.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int h_hostname(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "hostname NAME"))
		return OK;
	p->cfg->hostname = a->w[0];
	p->cfg->hostname_line = parse_lineno(p);
	parse_note(p, "host name %s: the L2TP and PPP name of groups without a local name", a->w[0]);
	return OK;
}

static int h_username(struct parser *p, struct args *a)
{
	static const char *const kw[] = { "password", "secret", "privilege" };
	struct ios_user *u;
	int i = 1, k;

	if (parse_need_args(p, a, 3, -1, "username NAME [privilege N] password|secret [TYPE] SECRET"))
		return OK;
	if (parse_keyword(a->w[i], kw, 3) == 2 && a->n > 3)
		i += 2;
	k = parse_keyword(a->w[i], kw, 2);
	if (k < 0) {
		diag_error(p->d, parse_lineno(p), a->col[i], "username %s: expected 'password' or 'secret', "
			   "found '%s'", a->w[0], a->w[i]);
		return OK;
	}
	u = VEC_ADD(p->cfg->users);
	if (!u) {
		p->oom = 1;
		return OK;
	}
	u->name = a->w[0];
	u->line = parse_lineno(p);
	u->password = parse_secret_rest(p, a, i + 1, k == 1, "username");
	parse_note(p, u->password ? "user %s (PPP, and the L2TP tunnel secret where the name is a "
		   "tunnel peer or local name)" : "user %s: not translated (no recoverable password)",
		   u->name);
	return OK;
}

/* what every router's running-config has and L2TP/IPsec does not need: said in
 * README.translation, not warned about (a pasted "show running-config" must not bury what
 * matters under dozens of warnings) */
static int h_housekeeping(struct parser *p, struct args *a)
{
	(void)a;
	/* README.translation: "enable secret 5 …" cut where its secret starts */
	parse_redact_word(p, unknown_secret_word(p->ln, 0));
	parse_note(p, "router housekeeping: nothing for L2TP/IPsec");
	return OK;
}

/* the same for a block: the lines under it are its (terminal lines with their passwords, a
 * router's own certificates: only certificate authentication would need those, and it warns) */
static int h_housekeeping_block(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "router housekeeping, with the lines under it: nothing for L2TP/IPsec");
	parse_enter(p, M_SKIP);
	return OK;
}

static int h_vpdn_enable(struct parser *p, struct args *a)
{
	(void)a;
	p->cfg->vpdn_enable = true;
	parse_note(p, "VPDN on");
	return OK;
}

static int h_vpdn_logging(struct parser *p, struct args *a)
{
	parse_note(p, a->neg ? "nothing to do: xl2tpd logs to syslog; quiet it there" :
	     "nothing to do: xl2tpd logs to syslog");
	return OK;
}

static int h_session_limit(struct parser *p, struct args *a)
{
	long v;

	p->cfg->session_limit_line = parse_lineno(p);
	if (a->neg) {
		p->cfg->session_limit = 0;
		parse_note(p, "no vpdn session-limit: sessions are not limited");
		return OK;
	}
	if (parse_need_args(p, a, 1, 1, "vpdn session-limit N") ||
	    parse_number(p, a, 0, 1, L2TPSEC_SESSION_LIMIT_MAX, &v))
		return OK;
	p->cfg->session_limit = (int)v;
	parse_note(p, "vpdn session-limit %ld: the session past it is refused (CDN result code %d)",
		   v, L2TPSEC_CDN_NO_RESOURCES);
	return OK;
}

/* global vpdn commands Linux needs nothing for: said in README.translation, no warning */
/* vpdn tunnel authorization password WORD | network LIST: a LAC's RADIUS tunnel lookups */
static int h_tunnel_authorization(struct parser *p, struct args *a)
{
	bool password;

	if (parse_need_args(p, a, 2, 3, "vpdn tunnel authorization password [TYPE] WORD|network LIST"))
		return OK;
	password = !strncasecmp(a->w[0], "password", strlen(a->w[0]));
	if (!password && strncasecmp(a->w[0], "network", strlen(a->w[0]))) {
		diag_warning(p->d, parse_lineno(p), a->col[0], "vpdn tunnel authorization %s: not "
			     "translated", a->w[0]);
		return OK;
	}
	if (password) {
		free(p->cfg->tunnel_authz_password);
		p->cfg->tunnel_authz_password = parse_secret_at(p, a, 1, 0,
								"vpdn tunnel authorization password");
		p->cfg->tunnel_authz_password_line = parse_lineno(p);
		if (p->cfg->tunnel_authz_password && (strpbrk(p->cfg->tunnel_authz_password, " \t") ||
						     strlen(p->cfg->tunnel_authz_password) > 63))
			diag_error(p->d, parse_lineno(p), a->col[1], "vpdn tunnel authorization "
				   "password: one word of at most 63 characters");
		parse_note(p, "the password of RADIUS tunnel lookups (ppp/l2tpsec-dialin-aaa, 0600)");
	} else {
		p->cfg->tunnel_authz_list = a->w[1];
		p->cfg->tunnel_authz_list_line = parse_lineno(p);
		parse_note(p, "RADIUS tunnel lookups use network authorization list %s", a->w[1]);
	}
	return OK;
}

static int h_vpdn_nothing(struct parser *p, struct args *a)
{
	const char *w = p->ln->words[a->neg + 1];

	(void)a;
	if (!strncasecmp(w, "search-order", strlen(w)))
		parse_note(p, "nothing to do: a LAC picks the tunnel by the user's domain "
			   "(ppp/l2tpsec-dialin)");
	else if (!strncasecmp(w, "ip", strlen(w)))
		parse_note(p, "nothing to do: Linux accepts L2TP with a zero UDP checksum");
	else
		parse_note(p, "nothing to do: failures are in the daemons' logs");
	return OK;
}

/* global vpdn commands with no xl2tpd counterpart */
static int h_vpdn_untranslated(struct parser *p, struct args *a)
{
	const char *w = p->ln->words[a->neg + 1];
	const char *why = !strncasecmp(w, "source-ip", strlen(w)) ?
		"xl2tpd sends from the address its route picks ('listen-addr' in xl2tpd.conf binds "
		"it; set it by hand)" :
		!strncasecmp(w, "authen-before-forward", strlen(w)) ?
		"the LAC forwards a domain's users without authenticating them first" :
		"no xl2tpd counterpart";

	diag_warning(p->d, parse_lineno(p), p->ln->cols[0], "vpdn %s: not translated: %s", w, why);
	parse_note(p, "not translated: %s", why);
	return OK;
}

/* ip local pool NAME START [END] [group GROUP] [cache-size N]: one range of pool NAME (a pool
 * may have several lines); IOS's pool groups only keep overlapping pools apart */
static int h_ip_local_pool(struct parser *p, struct args *a)
{
	struct ios_pool *pl;
	int n = a->n;

	if (parse_need_args(p, a, 2, 7, "ip local pool NAME START [END] [group G] [cache-size N]"))
		return OK;
	for (int i = 2; i < a->n; i++)
		if (!strcasecmp(a->w[i], "group") || !strcasecmp(a->w[i], "cache-size")) {
			if (i + 1 >= a->n) {
				diag_error(p->d, parse_lineno(p), a->col[i], "ip local pool: '%s' needs a "
					   "value", a->w[i]);
				return OK;
			}
			if (n == a->n)
				n = i;
			i++;
		} else if (i > 2 || n != a->n) {
			diag_error(p->d, parse_lineno(p), a->col[i], "unexpected '%s' (ip local pool NAME "
				   "START [END] [group G] [cache-size N])", a->w[i]);
			return OK;
		}
	pl = VEC_ADD(p->cfg->pools);
	if (!pl) {
		p->oom = 1;
		return OK;
	}
	pl->name = a->w[0];
	pl->line = parse_lineno(p);
	if (parse_address(p, a, 1, &pl->start) || (n == 3 && parse_address(p, a, 2, &pl->end))) {
		p->cfg->pools.n--;
		return OK;
	}
	if (n == 2)
		pl->end = pl->start;
	if (ntohl(pl->end.s_addr) < ntohl(pl->start.s_addr)) {
		diag_error(p->d, parse_lineno(p), a->col[2], "ip local pool %s: end before start",
			pl->name);
		p->cfg->pools.n--;
		return OK;
	}
	for (size_t i = 0; i + 1 < p->cfg->pools.n; i++)
		if (!strcmp(p->cfg->pools.v[i].name, pl->name)) {
			parse_note(p, "address pool %s, another range", pl->name);
			return OK;
		}
	parse_note(p, "address pool %s", pl->name);
	return OK;
}

static int h_address_pool(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "ip address-pool local"))
		return OK;
	if (strcasecmp(a->w[0], "local")) {
		diag_warning(p->d, parse_lineno(p), a->col[0], "ip address-pool %s: only local pools are "
			     "translated", a->w[0]);
		return OK;
	}
	p->cfg->address_pool_local = true;
	parse_note(p, "addresses come from local pools");
	return OK;
}

static int h_banner(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "skipped: banners have no Linux equivalent here");
	return OK;
}

static int h_end(struct parser *p, struct args *a)
{
	(void)a;
	p->ended = 1;
	parse_note(p, "end of configuration");
	return OK;
}

static int h_exit(struct parser *p, struct args *a)
{
	(void)a;
	if (p->depth > 0)
		p->depth--;
	parse_note(p, "leaves the sub-mode");
	return OK;
}

const struct command parse_global_commands[] = {
	{ M_GLOBAL, "hostname", h_hostname, 0 },
	{ M_GLOBAL, "username", h_username, 0 },
	{ M_GLOBAL, "vpdn enable", h_vpdn_enable, 0 },
	{ M_GLOBAL, "vpdn logging", h_vpdn_logging, 1 },
	{ M_GLOBAL, "vpdn session-limit", h_session_limit, 1 },
	{ M_GLOBAL, "vpdn search-order", h_vpdn_nothing, 0 },
	{ M_GLOBAL, "vpdn tunnel authorization", h_tunnel_authorization, 0 },
	{ M_GLOBAL, "vpdn ip udp ignore checksum", h_vpdn_nothing, 1 },
	{ M_GLOBAL, "vpdn history failure", h_vpdn_nothing, 1 },
	{ M_GLOBAL, "vpdn source-ip", h_vpdn_untranslated, 0 },
	{ M_GLOBAL, "vpdn authen-before-forward", h_vpdn_untranslated, 1 },
	{ M_GLOBAL, "vpdn domain-delimiter", h_vpdn_untranslated, 0 },
	{ M_GLOBAL, "ip local pool", h_ip_local_pool, 0 },
	{ M_GLOBAL, "ip address-pool", h_address_pool, 0 },
	{ M_GLOBAL, "banner", h_banner, 0 },
	{ M_GLOBAL, "Building configuration...", h_housekeeping, 0 },
	{ M_GLOBAL, "Current configuration", h_housekeeping, 0 },
	{ M_GLOBAL, "version", h_housekeeping, 0 },
	{ M_GLOBAL, "service", h_housekeeping, 1 },
	{ M_GLOBAL, "boot-start-marker", h_housekeeping, 0 },
	{ M_GLOBAL, "boot-end-marker", h_housekeeping, 0 },
	{ M_GLOBAL, "boot", h_housekeeping, 1 },
	{ M_GLOBAL, "logging", h_housekeeping, 1 },
	{ M_GLOBAL, "enable secret", h_housekeeping, 0 },
	{ M_GLOBAL, "enable password", h_housekeeping, 0 },
	{ M_GLOBAL, "clock", h_housekeeping, 0 },
	{ M_GLOBAL, "ip cef", h_housekeeping, 1 },
	{ M_GLOBAL, "ipv6 cef", h_housekeeping, 1 },
	{ M_GLOBAL, "ip domain", h_housekeeping, 1 },
	{ M_GLOBAL, "ip domain-name", h_housekeeping, 1 },
	{ M_GLOBAL, "ip domain-lookup", h_housekeeping, 1 },
	{ M_GLOBAL, "ip name-server", h_housekeeping, 1 },
	{ M_GLOBAL, "ip forward-protocol", h_housekeeping, 1 },
	{ M_GLOBAL, "ip http", h_housekeeping, 1 },
	{ M_GLOBAL, "ip ssh", h_housekeeping, 1 },
	{ M_GLOBAL, "ip route", h_housekeeping, 1 },
	{ M_GLOBAL, "multilink bundle-name", h_housekeeping, 1 },
	{ M_GLOBAL, "license", h_housekeeping, 1 },
	{ M_GLOBAL, "redundancy", h_housekeeping, 0 },
	{ M_GLOBAL, "control-plane", h_housekeeping, 0 },
	{ M_GLOBAL, "scheduler", h_housekeeping, 1 },
	{ M_GLOBAL, "ntp", h_housekeeping, 1 },
	{ M_GLOBAL, "archive", h_housekeeping, 0 },
	{ M_GLOBAL, "memory-size", h_housekeeping, 0 },
	{ M_GLOBAL, "aaa session-id", h_housekeeping, 0 },
	{ M_GLOBAL, "line", h_housekeeping_block, 0 },
	{ M_GLOBAL, "crypto pki", h_housekeeping_block, 0 },
	{ M_GLOBAL, "end", h_end, 0 },
	{ M_GLOBAL, "exit", h_exit, 0 },
	{ 0 }
};
