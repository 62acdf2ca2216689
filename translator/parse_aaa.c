/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS grammar, part: AAA and RADIUS — aaa new-model, aaa authentication ppp and aaa
 * accounting network method lists, radius-server host/key/timeout/retransmit, the newer
 * radius server NAME blocks and aaa group server radius NAME. emit_radius.c turns them into
 * pppd's RADIUS plugin configuration.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "parse_core.h"

#define RADSRV (&p->cfg->radius.v[p->radius])
#define AAAGRP (&p->cfg->aaa_groups.v[p->aaa_group])

static int h_aaa_new_model(struct parser *p, struct args *a)
{
	(void)a;
	p->cfg->aaa_new_model = true;
	parse_note(p, "AAA on: the method lists below decide (without one, pppd authenticates from "
		   "ppp/chap-secrets)");
	return OK;
}

/* METHOD...: local, local-case, none, group radius, group NAME; into l's methods */
static void methods(struct args *a, int first, struct ios_aaa_list *l)
{
	for (int i = first; i < a->n && l->nmethods < 4; i++) {
		int k = l->nmethods;

		l->cols[k] = a->col[i];
		if (!strcasecmp(a->w[i], "local") || !strcasecmp(a->w[i], "local-case")) {
			l->methods[k] = AAA_LOCAL;
		} else if (!strcasecmp(a->w[i], "none")) {
			l->methods[k] = AAA_NONE;
		} else if (!strcasecmp(a->w[i], "group") && i + 1 < a->n &&
			   strcasecmp(a->w[i + 1], "tacacs+")) {
			l->methods[k] = AAA_RADIUS;
			l->groups[k] = a->w[++i];
		} else {
			l->methods[k] = AAA_OTHER;
			if (!strcasecmp(a->w[i], "group") && i + 1 < a->n)
				i++;
			l->groups[k] = a->w[i];
		}
		l->nmethods++;
	}
}

static struct ios_aaa_list *new_list(struct parser *p, const char *name, bool accounting,
				     bool authorization)
{
	struct ios_aaa_list *l = NULL;

	for (size_t i = 0; i < p->cfg->aaa_lists.n; i++)
		if (p->cfg->aaa_lists.v[i].accounting == accounting &&
		    p->cfg->aaa_lists.v[i].authorization == authorization &&
		    !strcmp(p->cfg->aaa_lists.v[i].name, name))
			l = &p->cfg->aaa_lists.v[i];	/* IOS: the later line replaces it */
	if (!l && !(l = VEC_ADD(p->cfg->aaa_lists))) {
		p->oom = 1;
		return NULL;
	}
	memset(l, 0, sizeof(*l));
	l->name = name;
	l->accounting = accounting;
	l->authorization = authorization;
	l->line = parse_lineno(p);
	return l;
}

static int h_aaa_authentication(struct parser *p, struct args *a)
{
	struct ios_aaa_list *l;

	/* logging in to the router itself: nothing L2TP needs */
	if (a->n && strcasecmp(a->w[0], "ppp")) {
		parse_note(p, "router management: nothing for L2TP/IPsec");
		return OK;
	}
	if (parse_need_args(p, a, 3, -1, "aaa authentication ppp LIST METHOD..."))
		return OK;
	l = new_list(p, a->w[1], false, false);
	if (!l)
		return OK;
	methods(a, 2, l);
	if (l->methods[0] == AAA_LOCAL)
		parse_note(p, "PPP authentication list %s: local users (ppp/chap-secrets)", l->name);
	else if (l->methods[0] == AAA_RADIUS)
		parse_note(p, "PPP authentication list %s: RADIUS (pppd's RADIUS plugin)%s", l->name,
			   l->nmethods > 1 && l->methods[1] == AAA_LOCAL ?
			   ", local users when no RADIUS server answers" : "");
	else
		parse_note(p, "PPP authentication list %s", l->name);
	return OK;
}

static int h_aaa_accounting(struct parser *p, struct args *a)
{
	static const char *const records[] = { "start-stop", "stop-only", "none" };
	struct ios_aaa_list *l;
	int r;

	if (a->n >= 1 && !strcasecmp(a->w[0], "update")) {
		parse_note(p, "accounting updates: interim records follow the RADIUS server's "
			   "Acct-Interim-Interval (pppd's RADIUS plugin, 60 s at least)");
		return OK;
	}
	if (!a->n || strcasecmp(a->w[0], "network")) {
		parse_note(p, "not PPP (network) accounting: nothing for L2TP/IPsec");
		return OK;
	}
	if (parse_need_args(p, a, 3, -1, "aaa accounting network LIST start-stop group radius"))
		return OK;
	r = parse_keyword(a->w[2], records, 3);
	if (r < 0) {
		diag_error(p->d, parse_lineno(p), a->col[2], "aaa accounting network %s: '%s' is "
			   "not start-stop, stop-only or none", a->w[1], a->w[2]);
		return OK;
	}
	l = new_list(p, a->w[1], true, false);
	if (!l)
		return OK;
	if (r == 2)
		return OK;	/* none: no methods, no accounting */
	if (r == 1)
		diag_warning(p->d, parse_lineno(p), a->col[2], "aaa accounting network %s "
			     "stop-only: pppd's RADIUS plugin sends Start records too", a->w[1]);
	methods(a, 3, l);
	parse_note(p, "PPP accounting list %s", l->name);
	return OK;
}

static int h_aaa_authorization(struct parser *p, struct args *a)
{
	struct ios_aaa_list *l;

	if (a->n < 3 || strcasecmp(a->w[0], "network")) {
		parse_note(p, "not network authorization: nothing for L2TP/IPsec");
		return OK;
	}
	l = new_list(p, a->w[1], false, true);
	if (!l)
		return OK;
	methods(a, 2, l);
	parse_note(p, "network authorization list %s: on an LNS pppd's RADIUS plugin applies the "
		   "Access-Accept's attributes; on a LAC %s", l->name, l->methods[0] == AAA_RADIUS ?
		   "RADIUS names the tunnels of domains no vpdn-group serves (RFC 2868; "
		   "ppp/l2tpsec-dialin-aaa)" : "tunnels come from the vpdn-groups");
	return OK;
}

static struct ios_radius_server *new_server(struct parser *p, const char *name)
{
	struct ios_radius_server *s = VEC_ADD(p->cfg->radius);

	if (!s) {
		p->oom = 1;
		return NULL;
	}
	s->name = name;
	s->auth_port = 1645;
	s->acct_port = 1646;
	s->line = parse_lineno(p);
	return s;
}

/* [auth-port N] [acct-port N] [timeout N] [retransmit N] [key [0|7] K] from a->w[i] */
static void server_options(struct parser *p, struct args *a, int i, struct ios_radius_server *s)
{
	static const char *const kws[] = { "auth-port", "acct-port", "timeout", "retransmit", "key",
					   "alias", "non-standard", "test" };
	long v;

	while (i < a->n) {
		int k = parse_keyword(a->w[i], kws, sizeof(kws) / sizeof(kws[0]));

		if (k == 4) {
			s->key = parse_secret_at(p, a, i + 1, 0, "radius-server key");
			s->key_line = parse_lineno(p);
			return;
		}
		if (k < 0 || k > 3 || i + 1 >= a->n) {
			if (k < 0 || k > 3)
				diag_warning(p->d, parse_lineno(p), a->col[i], "radius-server host: "
					     "'%s' and what follows it not translated", a->w[i]);
			else
				diag_error(p->d, parse_lineno(p), a->col[i], "radius-server host: "
					   "%s needs a value", a->w[i]);
			return;
		}
		if (parse_number(p, a, i + 1, k < 2 ? 1 : k == 2 ? 1 : 0, k < 2 ? 65535 :
				 k == 2 ? 1000 : 100, &v))
			return;
		if (k == 0)
			s->auth_port = (int)v;
		else if (k == 1)
			s->acct_port = (int)v;
		else if (k == 2)
			s->timeout = (int)v, s->timeout_line = parse_lineno(p);
		else
			s->retransmit = (int)v, s->retransmit_line = parse_lineno(p);
		i += 2;
	}
}

static int h_radius_server_host(struct parser *p, struct args *a)
{
	struct ios_radius_server *s;

	if (parse_need_args(p, a, 1, -1, "radius-server host A [auth-port N] [acct-port N] "
			    "[key K]"))
		return OK;
	s = new_server(p, NULL);
	if (!s || parse_address(p, a, 0, &s->addr))
		return OK;
	s->has_addr = true;
	s->addr_line = parse_lineno(p);
	server_options(p, a, 1, s);
	parse_note(p, "RADIUS server %s (pppd's RADIUS plugin)", a->w[0]);
	return OK;
}

static int h_radius_server_key(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 2, "radius-server key [0|7] KEY"))
		return OK;
	free(p->cfg->radius_key);
	p->cfg->radius_key = parse_secret_at(p, a, 0, 0, "radius-server key");
	p->cfg->radius_key_line = parse_lineno(p);
	parse_note(p, "the RADIUS servers' shared secret (ppp/radius/servers, 0600)");
	return OK;
}

static int h_radius_server_timeout(struct parser *p, struct args *a)
{
	long v;

	if (parse_need_args(p, a, 1, 1, "radius-server timeout SECONDS") ||
	    parse_number(p, a, 0, 1, 1000, &v))
		return OK;
	p->cfg->radius_timeout = (int)v;
	p->cfg->radius_timeout_line = parse_lineno(p);
	parse_note(p, "RADIUS timeout %ld s", v);
	return OK;
}

static int h_radius_server_retransmit(struct parser *p, struct args *a)
{
	long v;

	if (parse_need_args(p, a, 1, 1, "radius-server retransmit N") ||
	    parse_number(p, a, 0, 0, 100, &v))
		return OK;
	p->cfg->radius_retransmit = (int)v;
	p->cfg->radius_retransmit_line = parse_lineno(p);
	parse_note(p, "RADIUS retransmissions %ld", v);
	return OK;
}

static int h_radius_server_other(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "RADIUS server tuning: not translated (pppd's RADIUS plugin has no such "
		   "setting)");
	return OK;
}

static int h_radius_server(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "radius server NAME"))
		return OK;
	for (size_t i = 0; i < p->cfg->radius.n; i++)
		if (p->cfg->radius.v[i].name && !strcmp(p->cfg->radius.v[i].name, a->w[0])) {
			p->radius = i;
			parse_enter(p, M_RADSRV);
			parse_note(p, "radius server %s continued", a->w[0]);
			return OK;
		}
	if (!new_server(p, a->w[0]))
		return OK;
	p->radius = p->cfg->radius.n - 1;
	parse_enter(p, M_RADSRV);
	parse_note(p, "RADIUS server %s (pppd's RADIUS plugin)", a->w[0]);
	return OK;
}

static int h_radsrv_address(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 2, -1, "address ipv4 A [auth-port N] [acct-port N]"))
		return OK;
	if (strcasecmp(a->w[0], "ipv4")) {
		diag_warning(p->d, parse_lineno(p), a->col[0], "radius server %s: address %s: only "
			     "IPv4 servers are translated", RADSRV->name, a->w[0]);
		return OK;
	}
	if (parse_address(p, a, 1, &RADSRV->addr))
		return OK;
	RADSRV->has_addr = true;
	RADSRV->addr_line = parse_lineno(p);
	server_options(p, a, 2, RADSRV);
	parse_note(p, "its address");
	return OK;
}

static int h_radsrv_key(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 2, "key [0|7] KEY"))
		return OK;
	free(RADSRV->key);
	RADSRV->key = parse_secret_at(p, a, 0, 0, "radius server key");
	RADSRV->key_line = parse_lineno(p);
	parse_note(p, "its shared secret (ppp/radius/servers, 0600)");
	return OK;
}

static int h_radsrv_timeout(struct parser *p, struct args *a)
{
	long v;

	if (parse_need_args(p, a, 1, 1, "timeout SECONDS") || parse_number(p, a, 0, 1, 1000, &v))
		return OK;
	RADSRV->timeout = (int)v;
	RADSRV->timeout_line = parse_lineno(p);
	parse_note(p, "its timeout");
	return OK;
}

static int h_radsrv_retransmit(struct parser *p, struct args *a)
{
	long v;

	if (parse_need_args(p, a, 1, 1, "retransmit N") || parse_number(p, a, 0, 0, 100, &v))
		return OK;
	RADSRV->retransmit = (int)v;
	RADSRV->retransmit_line = parse_lineno(p);
	parse_note(p, "its retransmissions");
	return OK;
}

static int h_aaa_group_server(struct parser *p, struct args *a)
{
	struct ios_aaa_group *g;

	if (parse_need_args(p, a, 2, 2, "aaa group server radius NAME"))
		return OK;
	if (strcasecmp(a->w[0], "radius")) {
		diag_warning(p->d, parse_lineno(p), a->col[0], "aaa group server %s: only RADIUS "
			     "groups are translated", a->w[0]);
		parse_enter(p, M_SKIP);
		return OK;
	}
	for (size_t i = 0; i < p->cfg->aaa_groups.n; i++)
		if (!strcmp(p->cfg->aaa_groups.v[i].name, a->w[1])) {
			p->aaa_group = i;
			parse_enter(p, M_AAAGRP);
			parse_note(p, "aaa group server radius %s continued", a->w[1]);
			return OK;
		}
	g = VEC_ADD(p->cfg->aaa_groups);
	if (!g) {
		p->oom = 1;
		return OK;
	}
	g->name = a->w[1];
	g->line = parse_lineno(p);
	p->aaa_group = p->cfg->aaa_groups.n - 1;
	parse_enter(p, M_AAAGRP);
	parse_note(p, "RADIUS server group %s", g->name);
	return OK;
}

/* server name NAME | server A [auth-port N] [acct-port N] */
static int h_aaagrp_server(struct parser *p, struct args *a)
{
	bool by_name = a->n >= 2 && !strcasecmp(a->w[0], "name");
	struct in_addr addr;
	struct ios_aaa_member *s;

	if (parse_need_args(p, a, 1, -1, "server name NAME | server A"))
		return OK;
	if (!by_name && parse_address(p, a, 0, &addr))
		return OK;
	s = VEC_ADD(AAAGRP->servers);
	if (!s) {
		p->oom = 1;
		return OK;
	}
	s->ref = a->w[by_name ? 1 : 0];
	s->by_name = by_name;
	s->line = parse_lineno(p);
	s->col = a->col[by_name ? 1 : 0];
	if (!by_name && a->n > 1)
		diag_warning(p->d, parse_lineno(p), a->col[1], "server %s: ports here are not "
			     "translated (the radius-server host line's are used)", a->w[0]);
	parse_note(p, "a server of group %s", AAAGRP->name);
	return OK;
}

/* ip radius source-interface INTERFACE into *iface / *line: globally, or (group, under aaa
 * group server radius) for that group's servers */
static int radius_source(struct parser *p, struct args *a, const char **iface, int *line,
			 const char *group)
{
	if (parse_need_args(p, a, 1, 1, "ip radius source-interface INTERFACE"))
		return OK;
	*iface = a->w[0];
	*line = parse_lineno(p);
	if (group)
		parse_note(p, "group %s's RADIUS requests leave from %s's address, their "
			   "NAS-IP-Address", group, a->w[0]);
	else
		parse_note(p, "RADIUS requests leave from %s's address, their NAS-IP-Address",
			   a->w[0]);
	return OK;
}

static int h_radius_source(struct parser *p, struct args *a)
{
	return radius_source(p, a, &p->cfg->radius_source_iface, &p->cfg->radius_source_line,
			     NULL);
}

static int h_aaagrp_source(struct parser *p, struct args *a)
{
	return radius_source(p, a, &AAAGRP->source_iface, &AAAGRP->source_line, AAAGRP->name);
}

const struct command parse_aaa_commands[] = {
	{ M_GLOBAL, "aaa new-model", h_aaa_new_model, 0 },
	{ M_GLOBAL, "aaa authentication", h_aaa_authentication, 0 },
	{ M_GLOBAL, "aaa accounting", h_aaa_accounting, 0 },
	{ M_GLOBAL, "aaa authorization", h_aaa_authorization, 0 },
	{ M_GLOBAL, "aaa group server", h_aaa_group_server, 0 },
	{ M_GLOBAL, "radius-server host", h_radius_server_host, 0 },
	{ M_GLOBAL, "radius-server key", h_radius_server_key, 0 },
	{ M_GLOBAL, "radius-server timeout", h_radius_server_timeout, 0 },
	{ M_GLOBAL, "radius-server retransmit", h_radius_server_retransmit, 0 },
	{ M_GLOBAL, "radius-server", h_radius_server_other, 1 },
	{ M_GLOBAL, "radius server", h_radius_server, 0 },
	{ M_GLOBAL, "ip radius source-interface", h_radius_source, 0 },
	{ M_RADSRV, "address", h_radsrv_address, 0 },
	{ M_RADSRV, "key", h_radsrv_key, 0 },
	{ M_RADSRV, "timeout", h_radsrv_timeout, 0 },
	{ M_RADSRV, "retransmit", h_radsrv_retransmit, 0 },
	{ M_AAAGRP, "server", h_aaagrp_server, 0 },
	{ M_AAAGRP, "ip radius source-interface", h_aaagrp_source, 0 },
	{ 0 }
};
