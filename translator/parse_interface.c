/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS grammar, part: interfaces and virtual templates.
 */
#define _GNU_SOURCE
#include "parse_core.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define IFACE (&p->cfg->ifaces.v[p->iface])

static int h_interface(struct parser *p, struct args *a)
{
	struct ios_interface *ifc;
	char *name;

	if (parse_need_args(p, a, 1, 2, "interface NAME"))
		return OK;
	/* "interface FastEthernet 0/0" and "interface FastEthernet0/0" are the same */
	if (asprintf(&name, "%s%s", a->w[0], a->n == 2 ? a->w[1] : "") < 0) {
		p->oom = 1;
		return OK;
	}
	ifc = model_iface(p->cfg, name);
	if (ifc) {
		free(name);
	} else {
		ifc = VEC_ADD(p->cfg->ifaces);
		if (!ifc) {
			free(name);
			p->oom = 1;
			return OK;
		}
		ifc->name = name;
		ifc->vt_number = -1;
		ifc->line = parse_lineno(p);
		if (!strncasecmp(name, "virtual-template", 16))
			ifc->vt_number = (int)strtol(name + 16, NULL, 10);
	}
	p->iface = (size_t)(ifc - p->cfg->ifaces.v);
	parse_enter(p, M_IFACE);
	parse_note(p, ifc->vt_number >= 0 ? "virtual template: PPP settings of the vpdn-groups "
		   "using it" : "interface: its address is the IKE/L2TP local address where a "
		   "crypto map is applied");
	return OK;
}

static int h_ip_address(struct parser *p, struct args *a)
{
	if (a->neg) {
		parse_note(p, "no address");
		return OK;
	}
	if (a->n == 1 && !strcasecmp(a->w[0], "negotiated")) {
		diag_warning(p->d, parse_lineno(p), a->col[0], "ip address negotiated: a PPP client "
			     "interface; nothing on the LAC/LNS side to translate");
		parse_note(p, "not translated: client-side PPP");
		return OK;
	}
	if (a->n >= 1 && !strcasecmp(a->w[0], "dhcp")) {
		IFACE->dhcp = true;
		IFACE->addr_line = parse_lineno(p);
		parse_note(p, "address by DHCP: IKE and L2TP take whichever address it gets");
		return OK;
	}
	if (parse_need_args(p, a, 2, 3, "ip address A MASK [secondary]"))
		return OK;
	if (a->n == 3) {
		diag_warning(p->d, parse_lineno(p), a->col[2], "secondary addresses are not translated");
		return OK;
	}
	if (parse_address(p, a, 0, &IFACE->addr) || parse_netmask(p, a, 1, &IFACE->mask))
		return OK;
	IFACE->has_addr = true;
	IFACE->addr_line = parse_lineno(p);
	parse_note(p, "address %s", a->w[0]);
	return OK;
}

static int h_if_crypto_map(struct parser *p, struct args *a)
{
	if (a->n != 1)
		return NOT_MINE;	/* "crypto map NAME SEQ …" is the global command */
	IFACE->crypto_map = a->w[0];
	IFACE->map_line = parse_lineno(p);
	IFACE->map_col = a->col[0];
	parse_note(p, "crypto map %s applied: its profiles use this interface's address", a->w[0]);
	return OK;
}

/* accepted and said so in README.translation; not a warning: nothing is lost */
static int h_nothing_on_linux(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "accepted, nothing to do on Linux (link speed and duplex: ethtool)");
	return OK;
}

/* IP forwarding details of a router interface: the Linux stack has its own (no warning) */
static int h_ip_detail(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "accepted, nothing to do on Linux (IP forwarding details are the kernel's)");
	return OK;
}

static int h_shutdown(struct parser *p, struct args *a)
{
	if (!a->neg)
		diag_warning(p->d, parse_lineno(p), p->ln->cols[0], "interface %s is shut down: "
			     "translated as if it were up", IFACE->name);
	parse_note(p, a->neg ? "interface up" : "interface down: translated as if it were up");
	return OK;
}

/* ppp encrypt mppe 40|128|auto [required] [stateful]: MPPE inside the IPsec-protected session */
static int h_mppe(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 3, "ppp encrypt mppe 40|128|auto [required] [stateful]"))
		return OK;
	if (!strcmp(a->w[0], "128")) {
		IFACE->mppe128 = true;
		IFACE->mppe_line = parse_lineno(p);
		parse_note(p, "MPPE 128 required (pppd require-mppe-128)");
		return OK;
	}
	diag_warning(p->d, parse_lineno(p), a->col[0], "ppp encrypt mppe %s: not translated (pppd "
		     "offers MPPE only when it requires it: 'ppp encrypt mppe 128' does)", a->w[0]);
	parse_note(p, "not translated: only 'ppp encrypt mppe 128'");
	return OK;
}

/* commands Linux does differently: said, not lost silently */
static int h_if_untranslated(struct parser *p, struct args *a)
{
	const char *w = p->ln->words[a->neg];
	const char *why = !strcasecmp(w, "ip") && p->ln->nwords > a->neg + 1 &&
			  !strncasecmp(p->ln->words[a->neg + 1], "tcp", 3) ?
		"clamp the TCP MSS with nftables on ppp+ ('tcp flags syn tcp option maxseg size set "
		"rt mtu')" :
		!strcasecmp(w, "ip") ? "NAT is nftables' on Linux" :
		"the LNS does not authenticate itself to its clients";

	if (!strcasecmp(w, "ppp"))
		parse_redact(p, a, 0);
	diag_warning(p->d, parse_lineno(p), p->ln->cols[0], "%s %s: not translated: %s", w,
		     p->ln->words[a->neg + 1], why);
	parse_note(p, "not translated: %s", why);
	return OK;
}

static int h_unnumbered(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 2, "ip unnumbered INTERFACE"))
		return OK;
	IFACE->unnumbered = a->w[0];
	IFACE->unnumbered_line = parse_lineno(p);
	parse_note(p, "PPP local address: %s's address", a->w[0]);
	return OK;
}

static int h_peer_pool(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "peer default ip address pool NAME"))
		return OK;
	IFACE->pool = a->w[0];
	IFACE->pool_line = parse_lineno(p);
	parse_note(p, "client addresses from pool %s", a->w[0]);
	return OK;
}

static int h_ppp_authentication(struct parser *p, struct args *a)
{
	static const struct { const char *ios; int bit; } methods[] = {
		{ "pap", AUTH_PAP }, { "chap", AUTH_CHAP }, { "ms-chap", AUTH_MSCHAP },
		{ "ms-chap-v2", AUTH_MSCHAPV2 },
	};

	if (parse_need_args(p, a, 1, -1, "ppp authentication chap|ms-chap|ms-chap-v2|pap …"))
		return OK;
	IFACE->auth = 0;
	IFACE->nauth = 0;
	IFACE->auth_list = NULL;
	for (int i = 0; i < a->n; i++) {
		size_t k;

		for (k = 0; k < sizeof(methods) / sizeof(methods[0]); k++)
			if (!strcasecmp(a->w[i], methods[k].ios))
				break;
		if (k < sizeof(methods) / sizeof(methods[0])) {
			if (!(IFACE->auth & (unsigned)methods[k].bit) && IFACE->nauth < 4) {
				IFACE->auth |= (unsigned)methods[k].bit;
				IFACE->auth_order[IFACE->nauth++] = methods[k].bit;
			}
		} else if (!strcasecmp(a->w[i], "default")) {
			IFACE->auth_list = NULL;	/* the default AAA method list */
		} else if (!strcasecmp(a->w[i], "callin") || !strcasecmp(a->w[i], "eap")) {
			diag_warning(p->d, parse_lineno(p), a->col[i], "ppp authentication %s: not "
				     "translated", a->w[i]);
		} else {
			IFACE->auth_list = a->w[i];	/* a named AAA method list */
			break;
		}
	}
	IFACE->auth_line = parse_lineno(p);
	parse_note(p, "PPP authentication");
	return OK;
}

static int h_ipcp_dns(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 2, "ppp ipcp dns A [B]"))
		return OK;
	IFACE->ndns = 0;
	for (int i = 0; i < a->n; i++)
		if (!parse_address(p, a, i, &IFACE->dns[IFACE->ndns]))
			IFACE->ndns++;
	IFACE->dns_line = parse_lineno(p);
	parse_note(p, "DNS servers for the clients");
	return OK;
}

static int h_ipcp_wins(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 2, "ppp ipcp wins A [B]"))
		return OK;
	IFACE->nwins = 0;
	for (int i = 0; i < a->n; i++)
		if (!parse_address(p, a, i, &IFACE->wins[IFACE->nwins]))
			IFACE->nwins++;
	IFACE->wins_line = parse_lineno(p);
	parse_note(p, "WINS servers for the clients");
	return OK;
}

/* keepalive [PERIOD [RETRIES]] (IOS: 10 s, 5 retries) | no keepalive: LCP echo requests */
static int h_keepalive(struct parser *p, struct args *a)
{
	long period = 10, retries = 5;

	IFACE->keepalive_line = parse_lineno(p);
	if (a->neg) {
		IFACE->keepalive = -1;
		parse_note(p, "no LCP echo requests");
		return OK;
	}
	if (parse_need_args(p, a, 0, 2, "keepalive [PERIOD [RETRIES]]") ||
	    (a->n > 0 && parse_number(p, a, 0, 0, 32767, &period)) ||
	    (a->n > 1 && parse_number(p, a, 1, 1, 255, &retries)))
		return OK;
	IFACE->keepalive = period ? (int)period : -1;
	IFACE->keepalive_retries = (int)retries;
	parse_note(p, "LCP echo requests every %ld s, %ld missed end the session", period, retries);
	return OK;
}

static int h_chap_hostname(struct parser *p, struct args *a)
{
	if (parse_need_args(p, a, 1, 1, "ppp chap hostname NAME"))
		return OK;
	IFACE->chap_hostname = a->w[0];
	IFACE->chap_host_line = parse_lineno(p);
	parse_note(p, "the name PPP authenticates with");
	return OK;
}

static int h_mtu(struct parser *p, struct args *a)
{
	long v;

	if (a->n == 1 && !strcasecmp(a->w[0], "adaptive")) {
		diag_warning(p->d, parse_lineno(p), a->col[0], "ppp mtu adaptive: not translated "
			     "(l2tpsec ip pmtu follows the path MTU instead: 'ip pmtu' in the vpdn-group)");
		parse_note(p, "not translated: see 'ip pmtu'");
		return OK;
	}
	if (parse_need_args(p, a, 1, 1, "mtu N") || parse_number(p, a, 0, 128, 16384, &v))
		return OK;
	IFACE->mtu = (int)v;
	IFACE->mtu_line = parse_lineno(p);
	parse_note(p, "PPP MTU %ld", v);
	return OK;
}

const struct command parse_interface_commands[] = {
	{ M_GLOBAL, "interface", h_interface, 0 },
	{ M_IFACE, "ip address", h_ip_address, 1 },
	{ M_IFACE, "crypto map", h_if_crypto_map, 0 },
	{ M_IFACE, "speed", h_nothing_on_linux, 0 },
	{ M_IFACE, "half-duplex", h_nothing_on_linux, 0 },
	{ M_IFACE, "full-duplex", h_nothing_on_linux, 0 },
	{ M_IFACE, "duplex", h_nothing_on_linux, 0 },
	{ M_IFACE, "negotiation", h_nothing_on_linux, 1 },
	{ M_IFACE, "shutdown", h_shutdown, 1 },
	{ M_IFACE, "encapsulation ppp", h_ip_detail, 0 },
	{ M_IFACE, "ip route-cache", h_ip_detail, 1 },
	{ M_IFACE, "ip mroute-cache", h_ip_detail, 1 },
	{ M_IFACE, "ip virtual-reassembly", h_ip_detail, 1 },
	{ M_IFACE, "ip directed-broadcast", h_ip_detail, 1 },
	{ M_IFACE, "ip redirects", h_ip_detail, 1 },
	{ M_IFACE, "ip unreachables", h_ip_detail, 1 },
	{ M_IFACE, "ip proxy-arp", h_ip_detail, 1 },
	{ M_IFACE, "ppp encrypt mppe", h_mppe, 0 },
	{ M_IFACE, "ip tcp adjust-mss", h_if_untranslated, 0 },
	{ M_IFACE, "ip nat", h_if_untranslated, 0 },
	{ M_IFACE, "ppp chap password", h_if_untranslated, 0 },
	{ M_IFACE, "ip unnumbered", h_unnumbered, 0 },
	{ M_IFACE, "peer default ip address pool", h_peer_pool, 0 },
	{ M_IFACE, "ppp authentication", h_ppp_authentication, 0 },
	{ M_IFACE, "ppp ipcp dns", h_ipcp_dns, 0 },
	{ M_IFACE, "ppp ipcp wins", h_ipcp_wins, 0 },
	{ M_IFACE, "keepalive", h_keepalive, 1 },
	{ M_IFACE, "ppp chap hostname", h_chap_hostname, 0 },
	{ M_IFACE, "ppp mtu", h_mtu, 0 },
	{ M_IFACE, "ip mtu", h_mtu, 0 },
	{ M_IFACE, "mtu", h_mtu, 0 },
	{ M_IFACE, "description", parse_description, 0 },
	{ 0 }
};
