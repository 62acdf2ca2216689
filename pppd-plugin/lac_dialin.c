/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pppd_compat.h"
#include "l2tpsec_names.h"
#include "lac_aaa.h"
#include "lac_switch.h"
#include "lac_dialin.h"
#include "local_chap.h"

#define DIALIN_MAX 32
#define PROTO_LCP 0xc021
#define CODE_CONFREQ 1

static struct dialin {
	char domain[128];
	char lac[64];
} dialin[DIALIN_MAX];
static int dialins;
static int switch_timeout = 30;
static bool refuse_others;

/* what the client said, for the LNS: LCP CONFREQs both ways, its authentication */
static struct proxy_info proxy;

static int (*chained_chap_verify)(char *, char *, int, struct chap_digest_type *,
				  unsigned char *, unsigned char *, char *, int);
static int (*chained_pap_auth)(char *, char *, char **, struct wordlist **, struct wordlist **);
static int (*chained_chap_check)(void);
static int (*chained_pap_check)(void);
static void (*chained_snoop_recv)(unsigned char *, int);
static void (*chained_snoop_send)(unsigned char *, int);

/* one proxy value, replacing what an earlier packet gave (a renegotiation) */
static void keep(unsigned attr, const uint8_t *v, size_t len)
{
	const char *why;

	proxy.present &= ~(1u << (attr - PROXY_FIRST));
	if (proxy_avp_parse(&proxy, attr, v, len, &why))
		dbglog("l2tpsec: not kept for the LNS: %s (%s)", proxy_avp_name(attr), why);
}

static void keep_authen(unsigned type, const char *name, uint8_t id)
{
	uint8_t t[2] = { 0, (uint8_t)type }, i[2] = { 0, id };

	keep(PROXY_AUTHEN_TYPE, t, 2);
	keep(PROXY_AUTHEN_NAME, (const uint8_t *)name, strlen(name));
	keep(PROXY_AUTHEN_ID, i, 2);
}

/* pppd's packets start with address and control (FF 03), then protocol, code, id, length */
static void snoop(unsigned char *p, int len, int sent)
{
	unsigned proto, code, plen;
	const uint8_t *body;

	if (len < 8)
		return;
	proto = (unsigned)p[2] << 8 | p[3];
	code = p[4];
	plen = (unsigned)p[6] << 8 | p[7];
	if (plen < 4 || plen > (unsigned)len - 4)
		return;
	body = p + 8;
	plen -= 4;
	if (proto == PROTO_LCP && code == CODE_CONFREQ) {
		if (sent) {
			keep(PROXY_LCP_LAST_SENT, body, plen);
		} else {
			if (!PROXY_HAS(&proxy, PROXY_LCP_INITIAL_RECEIVED))
				keep(PROXY_LCP_INITIAL_RECEIVED, body, plen);
			keep(PROXY_LCP_LAST_RECEIVED, body, plen);
		}
	} else if (proto == PPP_CHAP && code == CHAP_CHALLENGE && sent && plen >= 1 &&
		   body[0] && body[0] < plen) {
		keep(PROXY_AUTHEN_CHALLENGE, body + 1, body[0]);
	}
}

static void snoop_recv(unsigned char *p, int len)
{
	snoop(p, len, 0);
	if (chained_snoop_recv)
		chained_snoop_recv(p, len);
}

static void snoop_send(unsigned char *p, int len)
{
	snoop(p, len, 1);
	if (chained_snoop_send)
		chained_snoop_send(p, len);
}

/* the [lac] section serving user's domain (after the last '@'), or NULL */
static const char *lac_for(const char *user)
{
	const char *at = strrchr(user, '@');
	int i;

	if (!at)
		return NULL;
	for (i = 0; i < dialins; i++)
		if (!strcasecmp(at + 1, dialin[i].domain))
			return dialin[i].lac;
	return NULL;
}

/* a domain RADIUS may be asked about: one printable word that fits a run-time [lac]'s name (the
 * client chose it: it must not add lines to the switch request) */
static int domain_ok(const char *d)
{
	size_t n = strlen(d);

	if (!n || n >= 60)
		return 0;
	for (; *d; d++)
		if (*d <= ' ' || *d >= 0x7f || *d == '[' || *d == ']')
			return 0;
	return 1;
}

/* the tunnels RADIUS names for user's domain as the switch request's head; 0 when none */
static int radius_tunnels(const char *user, char *head, size_t space, char *label, size_t llen)
{
	const char *domain = strrchr(user, '@');
	struct radius_reply reply;
	char why[300];
	int n;

	if (!domain || !domain[1] || !lac_aaa_enabled())
		return 0;
	domain++;
	if (!domain_ok(domain)) {
		warn("l2tpsec: domain %q is not asked of RADIUS: not one printable word of at most 59 "
		     "characters", domain);
		return 0;
	}
	switch (lac_aaa_lookup(domain, &reply, why, sizeof(why))) {
	case LAC_AAA_TUNNELS:
		break;
	case LAC_AAA_NO_TUNNEL:
		notice("l2tpsec: domain %q is not tunnelled: %s", domain, why);
		return 0;
	case LAC_AAA_SILENT:
		error("l2tpsec: domain %q: no tunnel authorization: %s", domain, why);
		return 0;
	}
	n = lac_aaa_request(domain, &reply, head, space, why, sizeof(why));
	if (n < 0) {
		error("l2tpsec: domain %q: RADIUS's tunnels unusable: %s", domain, why);
		memset(&reply, 0, sizeof(reply));
		return 0;
	}
	for (size_t i = 0; i < reply.ntunnels; i++)
		info("l2tpsec: domain %q: RADIUS tunnel %u to %s, preference %u%s%s%s", domain,
		     reply.tunnels[i].tag, reply.tunnels[i].server_endpoint,
		     reply.tunnels[i].preference, reply.tunnels[i].has_password ?
		     ", tunnel password" : "", reply.tunnels[i].client_auth_id[0] ?
		     ", our name " : "", reply.tunnels[i].client_auth_id);
	memset(&reply, 0, sizeof(reply));	/* the tunnel passwords */
	snprintf(label, llen, "RADIUS's tunnels for %s ([lac %s] settings)", domain,
		 lac_aaa_template());
	return 1;
}

/*
 * Is user's session tunnelled? A request-dialin domain first (IOS: the local VPDN groups), then
 * RADIUS (aaa authorization network). head: the switch request's first lines; label: for logs.
 */
static int tunnelled(const char *user, char *head, size_t space, char *label, size_t llen)
{
	const char *lac = lac_for(user);

	if (lac) {
		snprintf(head, space, L2TPSEC_SWITCH_DIAL " %s\n", lac);
		snprintf(label, llen, "[lac %s]", lac);
		return 1;
	}
	return radius_tunnels(user, head, space, label, llen);
}

/* returns only when the client could not be switched (message says why, for the client) */
static void switch_client(const char *head, const char *label, const char *user, char *message,
			  int space)
{
	enum lac_switch_end end;
	char why[300];

	notice("l2tpsec: %q is in a tunnelled domain: switching into %s", user, label);
	end = lac_switch(head, &proxy, devfd, switch_timeout, why, sizeof(why));
	memset(&proxy, 0, sizeof(proxy));
	if (end == LAC_SWITCH_FAILED) {
		error("l2tpsec: %s: no L2TP session for %q: %s", label, user, why);
		snprintf(message, (size_t)space, "no tunnel to the home network");
		return;
	}
	notice("l2tpsec: switched session of %q ended: %s", user,
	       end == LAC_SWITCH_NETWORK ? "the L2TP session closed" :
	       end == LAC_SWITCH_CLIENT ? "the client's line went" : "terminated");
	die(end == LAC_SWITCH_SIGNAL ? EXIT_USER_REQUEST : EXIT_HANGUP);
}

static int refused_here(const char *user, char *message, int space)
{
	warn("l2tpsec: %q is in no tunnelled domain and others are refused", user);
	snprintf(message, (size_t)space, "domain not served");
	return 0;
}

static int chap_verify(char *name, char *ourname, int id, struct chap_digest_type *digest,
		       unsigned char *challenge, unsigned char *response, char *message,
		       int space)
{
	static char head[4096];
	char label[200];
	int ok;

	if (tunnelled(name, head, sizeof(head), label, sizeof(label))) {
		/* RFC 2661 has proxy MS-CHAPv1 but no MS-CHAPv2: then the LNS asks again */
		if (digest->code == CHAP_MD5 || digest->code == CHAP_MICROSOFT) {
			keep_authen(digest->code == CHAP_MD5 ? PROXY_AUTH_CHAP : PROXY_AUTH_MSCHAPV1,
				    name, (uint8_t)id);
			keep(PROXY_AUTHEN_CHALLENGE, challenge + 1, challenge[0]);
			keep(PROXY_AUTHEN_RESPONSE, response + 1, response[0]);
		}
		switch_client(head, label, name, message, space);
		memset(head, 0, sizeof(head));
		return 0;
	}
	if (refuse_others)
		return refused_here(name, message, space);
	if (chained_chap_verify)
		return chained_chap_verify(name, ourname, id, digest, challenge, response, message,
					   space);
	ok = local_chap_verify(name, ourname, id, digest, challenge, response, message, space);
	if (ok < 0)
		error("No CHAP secret found for authenticating %q", name);
	return ok > 0;
}

/* the ID of the PAP request being answered: pppd hands the hook only name and password */
static uint8_t pap_id;

static void snoop_pap(unsigned char *p, int len)
{
	if (len >= 8 && ((unsigned)p[2] << 8 | p[3]) == PPP_PAP && p[4] == 1)
		pap_id = p[5];
	snoop_recv(p, len);
}

static int pap_auth(char *user, char *passwd, char **msgp, struct wordlist **paddrs,
		    struct wordlist **popts)
{
	static char message[128], head[4096];
	char label[200];

	if (!tunnelled(user, head, sizeof(head), label, sizeof(label))) {
		if (refuse_others) {
			*msgp = message;
			return refused_here(user, message, sizeof(message));
		}
		return chained_pap_auth ? chained_pap_auth(user, passwd, msgp, paddrs, popts) : -1;
	}
	keep_authen(PROXY_AUTH_PAP, user, pap_id);
	keep(PROXY_AUTHEN_RESPONSE, (const uint8_t *)passwd, strlen(passwd));
	switch_client(head, label, user, message, sizeof(message));
	memset(head, 0, sizeof(head));
	*msgp = message;
	return 0;
}

/* with a domain configured, every user can be authenticated (here or by the LNS) */
static int can_check(void)
{
	return 1;
}

static void install_hooks(void)
{
	chained_chap_verify = chap_verify_hook;
	chap_verify_hook = chap_verify;
	chained_pap_auth = pap_auth_hook;
	pap_auth_hook = pap_auth;
	chained_chap_check = chap_check_hook;
	chap_check_hook = can_check;
	chained_pap_check = pap_check_hook;
	pap_check_hook = can_check;
	chained_snoop_recv = snoop_recv_hook;
	snoop_recv_hook = snoop_pap;
	chained_snoop_send = snoop_send_hook;
	snoop_send_hook = snoop_send;
}

/* DOMAIN:LAC (IOS: vpdn-group / request-dialin / domain DOMAIN, its [lac] section LAC) */
static int set_dialin(char **argv)
{
	const char *colon = strrchr(argv[0], ':');
	size_t dlen = colon ? (size_t)(colon - argv[0]) : 0;

	if (!colon || !dlen || dlen >= sizeof(dialin[0].domain) || !colon[1] ||
	    strlen(colon + 1) >= sizeof(dialin[0].lac)) {
		option_error(L2TPSEC_PPPD_DIALIN ": '%s' is not DOMAIN:LAC", argv[0]);
		return 0;
	}
	if (dialins == DIALIN_MAX) {
		option_error(L2TPSEC_PPPD_DIALIN ": more than %d domains", DIALIN_MAX);
		return 0;
	}
	memcpy(dialin[dialins].domain, argv[0], dlen);
	dialin[dialins].domain[dlen] = '\0';
	snprintf(dialin[dialins].lac, sizeof(dialin[0].lac), "%s", colon + 1);
	if (!dialins++ && !lac_aaa_enabled())
		install_hooks();	/* before pppd checks it has secrets to authenticate with */
	return 1;
}

/* FILE: tunnel authorization on RADIUS for the domains no request-dialin group serves */
static int set_dialin_aaa(char **argv)
{
	char why[300];

	if (lac_aaa_load(argv[0], why, sizeof(why))) {
		option_error(L2TPSEC_PPPD_DIALIN_AAA ": %s", why);
		return 0;
	}
	if (!dialins)
		install_hooks();
	return 1;
}

static option_t options[] = {
	{ .name = L2TPSEC_PPPD_DIALIN, .type = o_special, .addr = (void *)set_dialin,
	  .description = "LAC: switch users of DOMAIN into an L2TP session of [lac LAC]",
	  .flags = OPT_PRIV },
	{ .name = L2TPSEC_PPPD_DIALIN_AAA, .type = o_special, .addr = (void *)set_dialin_aaa,
	  .description = "LAC: the tunnels of other domains from the RADIUS servers in FILE",
	  .flags = OPT_PRIV },
	{ .name = L2TPSEC_PPPD_DIALIN_TIMEOUT, .type = o_int, .addr = &switch_timeout,
	  .description = "LAC: seconds to wait for the L2TP session", .flags = OPT_PRIV |
	  OPT_LLIMIT | OPT_ULIMIT, .lower_limit = 1, .upper_limit = 600 },
	{ .name = L2TPSEC_PPPD_DIALIN_REFUSE_OTHERS, .type = o_bool, .addr = &refuse_others,
	  .description = "LAC: refuse users of domains no request-dialin group serves",
	  .flags = OPT_PRIV | 1 },
	{ .name = NULL }
};

void lac_dialin_options(void)
{
	add_options(options);
}

void lac_dialin_establish(void)
{
	int i;

	for (i = 0; i < dialins; i++)
		info("l2tpsec: request-dialin domain %s -> [lac %s]", dialin[i].domain,
		     dialin[i].lac);
	if (lac_aaa_enabled())
		info("l2tpsec: other domains' tunnels from RADIUS, made from [lac %s]",
		     lac_aaa_template());
}
