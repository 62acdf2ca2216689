/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS grammar, part: vpdn-group and its request-dialin/accept-dialin sub-modes.
 */
#define _GNU_SOURCE
#include "parse_core.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define GROUP (&p->cfg->groups.v[p->group])

/* the global vpdn-template: the settings of the tunnels RADIUS names for a LAC (its crypto
 * profile, keep-sa, tunnel password, local name, busy timeout) */
static int h_vpdn_template(struct parser *p, struct args *a)
{
	struct ios_vpdn_group *g;

	if (a->n) {
		diag_warning(p->d, parse_lineno(p), a->col[0], "vpdn-template %s: named templates "
			     "(source vpdn-template) are not translated; its lines are ignored",
			     a->w[0]);
		parse_enter(p, M_SKIP);
		return OK;
	}
	for (size_t i = 0; i < p->cfg->groups.n; i++)
		if (p->cfg->groups.v[i].aaa_template) {
			p->group = i;
			parse_enter(p, M_VPDN);
			parse_note(p, "vpdn-template continued");
			return OK;
		}
	g = VEC_ADD(p->cfg->groups);
	if (!g) {
		p->oom = 1;
		return OK;
	}
	g->name = L2TPSEC_AAA_TEMPLATE;
	g->aaa_template = true;
	g->request_dialin = true;
	g->virtual_template = -1;
	g->tunnel_auth = -1;
	g->line = g->lac_line = parse_lineno(p);
	p->group = p->cfg->groups.n - 1;
	parse_enter(p, M_VPDN);
	parse_note(p, "vpdn-template: the settings of the tunnels RADIUS names (xl2tpd [lac "
		   L2TPSEC_AAA_TEMPLATE "])");
	return OK;
}

static int h_vpdn_group(struct parser *p, struct args *a)
{
	struct ios_vpdn_group *g;

	/* "vpdn X" is a global vpdn command, never an abbreviated vpdn-group X (nor template) */
	if (!strcasecmp(a->w[-1], "vpdn"))
		return NOT_MINE;
	/* one handler for both, so that "vpdn" alone is no ambiguity between them */
	if (strlen(a->w[-1]) > 5 && !strncasecmp(a->w[-1], "vpdn-template", strlen(a->w[-1])))
		return h_vpdn_template(p, a);
	if (parse_need_args(p, a, 1, 1, "vpdn-group NAME"))
		return OK;
	for (size_t i = 0; i < p->cfg->groups.n; i++)
		if (!strcmp(p->cfg->groups.v[i].name, a->w[0])) {
			p->group = i;
			parse_enter(p, M_VPDN);
			parse_note(p, "vpdn-group %s continued", a->w[0]);
			return OK;
		}
	g = VEC_ADD(p->cfg->groups);
	if (!g) {
		p->oom = 1;
		return OK;
	}
	g->name = a->w[0];
	g->virtual_template = -1;
	g->tunnel_auth = -1;
	g->line = parse_lineno(p);
	p->group = p->cfg->groups.n - 1;
	parse_enter(p, M_VPDN);
	parse_note(p, "vpdn-group %s", g->name);
	return OK;
}

static int h_request_dialin(struct parser *p, struct args *a)
{
	(void)a;
	GROUP->request_dialin = true;
	GROUP->lac_line = parse_lineno(p);
	parse_enter(p, M_REQ_IN);
	parse_note(p, "LAC role (request-dialin)");
	return OK;
}

static int h_accept_dialin(struct parser *p, struct args *a)
{
	(void)a;
	GROUP->accept_dialin = true;
	GROUP->lns_line = parse_lineno(p);
	parse_enter(p, M_ACC_IN);
	parse_note(p, "LNS role (accept-dialin)");
	return OK;
}

static int h_protocol(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "protocol l2tp|any"))
		return OK;
	if (strcasecmp(a->w[0], "l2tp") && strcasecmp(a->w[0], "any")) {
		diag_error(p->d, parse_lineno(p), a->col[0], "protocol %s: only l2tp (or any) can be "
			   "translated; xl2tpd speaks L2TP only", a->w[0]);
		return OK;
	}
	GROUP->protocol = a->w[0];
	parse_note(p, "L2TP");
	return OK;
}

static int h_domain(struct parser *p, struct args *a)
{
	struct ios_domain *d;

	if (parse_need_args(p, a, 1, 1, "domain NAME"))
		return OK;
	d = VEC_ADD(GROUP->domains);
	if (!d) {
		p->oom = 1;
		return OK;
	}
	d->name = a->w[0];
	d->line = parse_lineno(p);
	parse_note(p, "domain %s: users @%s are tunnelled (l2tpsec LAC hand-off)", a->w[0], a->w[0]);
	return OK;
}

static int h_virtual_template(struct parser *p, struct args *a)
{
	long n;

	if (parse_need_args(p, a, 1, 1, "virtual-template N") || parse_number(p, a, 0, 1, 4095, &n))
		return OK;
	GROUP->virtual_template = (int)n;
	GROUP->vt_line = parse_lineno(p);
	parse_note(p, "PPP settings from interface Virtual-Template%ld", n);
	return OK;
}

static int h_initiate_to(struct parser *p, struct args *a)
{
	struct ios_initiate_to *t;
	long prio = 1;

	if (parse_need_args(p, a, 1, 3, "initiate-to ip A [priority N]"))
		return OK;
	t = VEC_ADD(GROUP->initiate);
	if (!t) {
		p->oom = 1;
		return OK;
	}
	t->line = parse_lineno(p);
	if (parse_address(p, a, 0, &t->addr))
		goto bad;
	if (a->n == 3 && !strcasecmp(a->w[1], "priority")) {
		if (parse_number(p, a, 2, 1, 32767, &prio))
			goto bad;
	} else if (a->n > 1) {
		diag_error(p->d, parse_lineno(p), a->col[1], "initiate-to: expected 'priority N'");
		goto bad;
	}
	t->priority = (int)prio;
	parse_note(p, "LNS %s, priority %ld (lowest number first; equal numbers share new "
		   "tunnels)", a->w[0], prio);
	return OK;
bad:
	GROUP->initiate.n--;
	return OK;
}

static int h_local_name(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "local name NAME"))
		return OK;
	GROUP->local_name = a->w[0];
	GROUP->name_line = parse_lineno(p);
	parse_note(p, "local name %s (the L2TP and PPP host name)", a->w[0]);
	return OK;
}

static int h_terminate_from(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "terminate-from hostname NAME"))
		return OK;
	GROUP->terminate_from = a->w[0];
	GROUP->terminate_line = parse_lineno(p);
	parse_note(p, "peer host name %s: SCCRQs naming it reach this group; the tunnel secret is "
		   "bound to it", a->w[0]);
	return OK;
}

static int h_lcp_renegotiation(struct parser *p, struct args *a)
{
	if (a->neg) {
		GROUP->lcp = L2TPSEC_LCP_OFF;
		GROUP->lcp_line = parse_lineno(p);
		parse_note(p, "LCP renegotiation off (the default)");
		return OK;
	}
	if (parse_need_args(p, a, 1, 1, "lcp renegotiation always|on-mismatch"))
		return OK;
	/* the shared names; "off" is not an IOS keyword (it is the command's absence) */
	if (l2tpsec_lcp_parse(a->w[0], &GROUP->lcp) || GROUP->lcp == L2TPSEC_LCP_OFF) {
		GROUP->lcp = L2TPSEC_LCP_OFF;
		diag_error(p->d, parse_lineno(p), a->col[0], "lcp renegotiation: expected always or "
			   "on-mismatch, found '%s'", a->w[0]);
		return OK;
	}
	GROUP->lcp_line = parse_lineno(p);
	parse_note(p, "LCP renegotiation %s", a->w[0]);
	return OK;
}

static int h_crypto_profile(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 2, "l2tp security crypto-profile NAME [keep-sa]"))
		return OK;
	if (a->n == 2 && strcasecmp(a->w[1], "keep-sa")) {
		diag_error(p->d, parse_lineno(p), a->col[1], "expected 'keep-sa', found '%s'", a->w[1]);
		return OK;
	}
	GROUP->crypto_profile = a->w[0];
	GROUP->profile_line = parse_lineno(p);
	GROUP->profile_col = a->col[0];
	GROUP->keep_sa = a->n == 2;
	parse_note(p, "IPsec required: crypto profile %s%s", a->w[0], a->n == 2 ? ", keep-sa" : "");
	return OK;
}

static int h_tunnel_authentication(struct parser *p, struct args *a)
{
	(void)a;
	GROUP->tunnel_auth = a->neg ? 0 : 1;
	GROUP->auth_line = parse_lineno(p);
	parse_note(p, a->neg ? "no L2TP tunnel authentication" : "L2TP tunnel authentication");
	return OK;
}

static int h_tunnel_password(struct parser *p, struct args *a)
{
	char *pw;

	if (parse_need_args(p, a, 1, 2, "l2tp tunnel password [TYPE] SECRET"))
		return OK;
	pw = parse_secret_at(p, a, 0, 0, "l2tp tunnel password");
	if (!pw)
		return OK;
	/* kept with the users so it is freed with them and never printed */
	{
		struct ios_user *u = VEC_ADD(p->cfg->users);

		if (!u) {
			free(pw);
			p->oom = 1;
			return OK;
		}
		u->name = NULL;		/* not a PPP user */
		u->password = pw;
		u->line = parse_lineno(p);
	}
	GROUP->tunnel_password = pw;
	GROUP->password_line = parse_lineno(p);
	parse_note(p, "L2TP tunnel secret");
	return OK;
}

static int h_tunnel_timers(struct parser *p, struct args *a, const char *what, int *slot,
			   long min, long max)
{
	long v;

	if (parse_need_args(p, a, 1, 1, what) || parse_number(p, a, 0, min, max, &v))
		return OK;
	*slot = (int)v;
	return OK;
}

static int h_tunnel_hello(struct parser *p, struct args *a)
{
	h_tunnel_timers(p, a, "l2tp tunnel hello SECONDS", &GROUP->hello, 0, 1000);
	diag_warning(p->d, parse_lineno(p), parse_col_of(a, 0),
		"l2tp tunnel hello: xl2tpd sends a HELLO every 60 s and cannot be configured; not "
		"translated");
	parse_note(p, "not translated: xl2tpd's hello interval is fixed (60 s)");
	return OK;
}

static int h_tunnel_busy(struct parser *p, struct args *a)
{
	GROUP->busy_line = parse_lineno(p);
	if (a->neg) {
		GROUP->busy_timeout = 0;
		parse_note(p, "no l2tp tunnel busy timeout: a failed LNS is passed over for 300 s");
		return OK;
	}
	h_tunnel_timers(p, a, "l2tp tunnel busy timeout SECONDS", &GROUP->busy_timeout, 60,
			L2TPSEC_BUSY_TIMEOUT_MAX);
	if (GROUP->busy_timeout)
		parse_note(p, "an LNS that does not answer, refuses or loses its IPsec is passed "
			   "over for %d s", GROUP->busy_timeout);
	return OK;
}

static int h_tunnel_rws(struct parser *p, struct args *a)
{
	h_tunnel_timers(p, a, "l2tp tunnel receive-window N", &GROUP->receive_window, 1, 1024);
	GROUP->rws_line = parse_lineno(p);
	parse_note(p, "L2TP receive window");
	return OK;
}

static int h_tunnel_retransmit(struct parser *p, struct args *a)
{
	long v;

	if (parse_need_args(p, a, 2, 3, "l2tp tunnel retransmit retries N | timeout min|max N"))
		return OK;
	if (!strcasecmp(a->w[0], "retries") && a->n == 2) {
		if (parse_number(p, a, 1, 5, 1000, &v))
			return OK;
		GROUP->retries = (int)v;
		GROUP->retries_line = parse_lineno(p);
		parse_note(p, "L2TP control message retries %ld", v);
		return OK;
	}
	diag_warning(p->d, parse_lineno(p), a->col[0], "l2tp tunnel retransmit %s: xl2tpd's "
		     "retransmission timer is not configurable; not translated", a->w[0]);
	parse_note(p, "not translated: fixed in xl2tpd");
	return OK;
}

static int h_force_local_chap(struct parser *p, struct args *a)
{
	GROUP->force_local_chap = !a->neg;
	GROUP->force_chap_line = parse_lineno(p);
	parse_note(p, a->neg ? "no force-local-chap" : "force-local-chap: the LNS challenges the "
		   "client again after proxy authentication");
	return OK;
}

static int h_group_session_limit(struct parser *p, struct args *a)
{
	long v;

	GROUP->session_limit = 0;
	GROUP->limit_line = parse_lineno(p);
	if (a->neg) {
		parse_note(p, "no session-limit: the group's sessions are not limited");
		return OK;
	}
	if (parse_need_args(p, a, 1, 1, "session-limit N") ||
	    parse_number(p, a, 0, 1, L2TPSEC_SESSION_LIMIT_MAX, &v))
		return OK;
	GROUP->session_limit = (int)v;
	parse_note(p, "session-limit %ld: the group's session past it is refused (CDN result "
		   "code %d)", v, L2TPSEC_CDN_NO_RESOURCES);
	return OK;
}

static int h_ip_pmtu(struct parser *p, struct args *a)
{
	GROUP->ip_pmtu = !a->neg;
	GROUP->pmtu_line = parse_lineno(p);
	parse_note(p, a->neg ? "no ip pmtu" : "ip pmtu: session MTU follows the path MTU");
	return OK;
}

const struct command parse_vpdn_commands[] = {
	{ M_GLOBAL, "vpdn-group", h_vpdn_group, 0 },
	{ M_GLOBAL, "vpdn-template", h_vpdn_group, 0 },
	{ M_VPDN, "request-dialin", h_request_dialin, 0 },
	{ M_VPDN, "accept-dialin", h_accept_dialin, 0 },
	{ M_VPDN, "accept dialin", h_accept_dialin, 0 },
	{ M_VPDN, "initiate-to ip", h_initiate_to, 0 },
	{ M_VPDN, "local name", h_local_name, 0 },
	{ M_VPDN, "terminate-from hostname", h_terminate_from, 0 },
	{ M_VPDN, "lcp renegotiation", h_lcp_renegotiation, 1 },
	{ M_VPDN, "l2tp security crypto-profile", h_crypto_profile, 0 },
	{ M_VPDN, "l2tp tunnel authentication", h_tunnel_authentication, 1 },
	{ M_VPDN, "l2tp tunnel password", h_tunnel_password, 0 },
	{ M_VPDN, "l2tp tunnel hello", h_tunnel_hello, 0 },
	{ M_VPDN, "l2tp tunnel receive-window", h_tunnel_rws, 0 },
	{ M_VPDN, "l2tp tunnel busy timeout", h_tunnel_busy, 1 },
	{ M_VPDN, "l2tp tunnel retransmit", h_tunnel_retransmit, 0 },
	{ M_VPDN, "ip pmtu", h_ip_pmtu, 1 },
	{ M_VPDN, "force-local-chap", h_force_local_chap, 1 },
	{ M_VPDN, "session-limit", h_group_session_limit, 1 },
	{ M_REQ_IN, "protocol", h_protocol, 0 },
	{ M_REQ_IN, "domain", h_domain, 0 },
	{ M_ACC_IN, "protocol", h_protocol, 0 },
	{ M_ACC_IN, "virtual-template", h_virtual_template, 0 },
	{ 0 }
};
