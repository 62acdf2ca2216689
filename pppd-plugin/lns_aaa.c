/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE	/* RTLD_NOLOAD, dl_iterate_phdr */
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "l2tpsec_names.h"
#include "pppd_compat.h"
#include <pppd/ipcp.h>
#include "aaa_pool.h"
#include "lns_aaa.h"
#include "local_chap.h"

/* radiusclient's results (its radiusclient.h, which Debian does not install) */
#define RC_ERROR (-1)	/* could not send: no server reachable */
#define RC_OK 0
#define RC_TIMEOUT 1	/* no server answered */
#define RC_NONE 100	/* no request since the last verification began */
#define RC_NO_PLUGIN 101	/* radius.so's own function not found: refused, never local */

/* radiusclient's attribute (its VALUE_PAIR: the same in ppp 2.4.9 and 2.5.2) */
struct rc_pair {
	char name[33];
	int attribute, vendorcode, type;
	uint32_t lvalue;
	unsigned char strvalue[254];
	struct rc_pair *next;
};
#define RC_FRAMED_POOL 88

static bool local_fallback, no_accounting;
static char *pools_file;
static char framed_pool[65];			/* this link's Access-Accept's; "" none */
static char claimed_pool[65];			/* the pool pool_addr is claimed from */
static uint32_t pool_addr;			/* claimed (host order); 0 none */
static void (*radius_attributes)(struct rc_pair *);	/* radius.so's hook as we found it */
static int last_result = RC_NONE;
static int (*radius_chap_verify)(char *, char *, int, struct chap_digest_type *, unsigned char *,
				 unsigned char *, char *, int);
static int (*radius_pap_auth)(char *, char *, char **, struct wordlist **, struct wordlist **);

static option_t options[] = {
	{ .name = L2TPSEC_PPPD_AAA_LOCAL, .type = o_bool, .addr = &local_fallback,
	  .description = "LNS: when no RADIUS server answers, authenticate from the local "
			 "secrets (IOS aaa authentication ppp ... group radius local)",
	  .flags = OPT_PRIV | 1 },
	{ .name = L2TPSEC_PPPD_AAA_POOLS, .type = o_string, .addr = &pools_file,
	  .description = "LNS: the address pools a RADIUS Framed-Pool names (IOS ip local pool "
			 "NAME FIRST LAST, one range per line)",
	  .flags = OPT_PRIV },
	{ .name = L2TPSEC_PPPD_AAA_NO_ACCT, .type = o_bool, .addr = &no_accounting,
	  .description = "LNS: radius.so sends no accounting records (IOS: no aaa accounting "
			 "network ... group radius)",
	  .flags = OPT_PRIV | 1 },
	{ .name = NULL }
};

void lns_aaa_options(void)
{
	add_options(options);
}

static int find_radius(struct dl_phdr_info *info, size_t size, void *handle)
{
	const char *slash = strrchr(info->dlpi_name, '/');

	(void)size;
	if (!slash || strcmp(slash + 1, "radius.so"))
		return 0;
	*(void **)handle = dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD);
	return 1;
}

/* radius.so's own definition of name (a lookup from radius.so itself finds its own first,
 * where the global one finds ours) */
static void *radius_symbol(const char *name)
{
	static void *handle;

	if (!handle)
		dl_iterate_phdr(find_radius, &handle);
	return handle ? dlsym(handle, name) : NULL;
}

/*
 * radius.so's every authentication request, rc_auth() included, ends here first (see the header);
 * the arguments are passed through untouched, radiusclient's types need not be known.
 */
int rc_auth_using_server(void *server, uint32_t client_port, void *send, void **received,
			 char *msg, void *info);
int rc_auth_using_server(void *server, uint32_t client_port, void *send, void **received,
			 char *msg, void *info)
{
	static int (*real)(void *, uint32_t, void *, void **, char *, void *);

	if (!real)
		*(void **)&real = radius_symbol("rc_auth_using_server");
	if (!real) {
		error("l2tpsec: radius.so's rc_auth_using_server not found: refused");
		return last_result = RC_NO_PLUGIN;
	}
	last_result = real(server, client_port, send, received, msg, info);
	return last_result;
}

/* radius.so's accounting records (Start, Interim-Update, Stop) end here first: not sent when
 * IOS would send none (radiusclient insists on an accounting server all the same) */
int rc_acct_using_server(void *server, uint32_t client_port, void *send);
int rc_acct_using_server(void *server, uint32_t client_port, void *send)
{
	static int (*real)(void *, uint32_t, void *);

	if (no_accounting)
		return RC_OK;
	if (!real)
		*(void **)&real = radius_symbol("rc_acct_using_server");
	return real ? real(server, client_port, send) : RC_ERROR;
}

/* did the verification that just ran get no answer from any RADIUS server? */
static int unanswered(const char *name)
{
	if (last_result != RC_TIMEOUT && last_result != RC_ERROR)
		return 0;
	if (local_fallback) {
		notice("l2tpsec: no RADIUS server answered for %q: authenticating locally "
		       "(aaa ... group radius local)", name);
		return 1;
	}
	error("l2tpsec: no RADIUS server answered for %q, and no local fallback is configured: "
	      "refused", name);
	return 0;
}

static int chap_verify(char *name, char *ourname, int id, struct chap_digest_type *digest,
		       unsigned char *challenge, unsigned char *response, char *message,
		       int message_space)
{
	int ok;

	last_result = RC_NONE;
	ok = radius_chap_verify(name, ourname, id, digest, challenge, response, message,
				message_space);
	if (ok || !unanswered(name))
		return ok;
	ok = local_chap_verify(name, ourname, id, digest, challenge, response, message,
			       message_space);
	if (ok < 0)
		error("l2tpsec: no local CHAP secret for %q either: refused", name);
	return ok > 0;
}

static int pap_auth(char *user, char *passwd, char **msgp, struct wordlist **paddrs,
		    struct wordlist **popts)
{
	int ok;

	last_result = RC_NONE;
	ok = radius_pap_auth(user, passwd, msgp, paddrs, popts);
	if (ok == 1 || !unanswered(user))
		return ok;
	return -1;	/* pppd's check_passwd() then reads pap-secrets */
}

/* radius.so hands every Access-Accept's attributes here before it applies them */
static void attributes(struct rc_pair *vp)
{
	/* radiusclient's vendorcode is -1 (VENDOR_NONE) for an IETF attribute */
	for (struct rc_pair *p = vp; p; p = p->next) {
		if (p->attribute != RC_FRAMED_POOL || p->vendorcode > 0)
			continue;
		snprintf(framed_pool, sizeof(framed_pool), "%.*s", (int)sizeof(framed_pool) - 1,
			 (const char *)p->strvalue);
	}
	if (radius_attributes)
		radius_attributes(vp);
}

static void release_pool(void *arg, int unused)
{
	(void)arg;
	(void)unused;
	if (pool_addr)
		aaa_pool_release(L2TPSEC_POOL_DIR, claimed_pool, pool_addr, getpid());
	pool_addr = 0;
}

void lns_aaa_establish(void)
{
	static bool done;
	void (**hook)(struct rc_pair *);

	framed_pool[0] = '\0';	/* a new link: only its own Access-Accept counts */
	if (done)
		return;
	done = 1;
	*(void **)&hook = radius_symbol("radius_attributes_hook");
	if (hook && *hook != attributes) {
		radius_attributes = *hook;
		*hook = attributes;
	}
	/* radius.so set these in its plugin_init; anything else's hooks are left alone */
	if (chap_verify_hook && chap_verify_hook != chap_verify && dlsym(RTLD_DEFAULT,
	    "radius_attributes_hook")) {
		radius_chap_verify = chap_verify_hook;
		chap_verify_hook = chap_verify;
	}
	if (pap_auth_hook && pap_auth_hook != pap_auth && dlsym(RTLD_DEFAULT,
	    "radius_attributes_hook")) {
		radius_pap_auth = pap_auth_hook;
		pap_auth_hook = pap_auth;
	}
	if (local_fallback && !radius_chap_verify)
		warn("l2tpsec: " L2TPSEC_PPPD_AAA_LOCAL " without radius.so loaded: nothing to fall "
		     "back from");
}

/* RADIUS named a pool (Framed-Pool): the peer's address comes from it, or the session ends */
static void framed_pool_address(ipcp_options *wo)
{
	struct aaa_pool_range r[AAA_POOL_RANGES_MAX];
	char why[200];
	int n, got;

	if (!aaa_pool_name_ok(framed_pool)) {
		snprintf(why, sizeof(why), "not a pool name we use");
		n = -1;
	} else if (!pools_file) {
		snprintf(why, sizeof(why), "no " L2TPSEC_PPPD_AAA_POOLS " file configured");
		n = -1;
	} else {
		n = aaa_pool_ranges(pools_file, framed_pool, r, AAA_POOL_RANGES_MAX, why,
				    sizeof(why));
		if (!n)
			snprintf(why, sizeof(why), "no such pool in %s", pools_file);
	}
	/* pppd may run the link again (LCP anew): the address it holds of this pool stays its */
	if (pool_addr && strcmp(claimed_pool, framed_pool))
		release_pool(NULL, 0);
	if (n > 0) {
		got = pool_addr ? 0 : aaa_pool_claim(L2TPSEC_POOL_DIR, framed_pool, r, (size_t)n,
						     getpid(), &pool_addr);
		if (!got) {
			static bool notifier;

			if (!notifier)
				l2tpsec_add_exit_notifier(release_pool);
			notifier = 1;
			snprintf(claimed_pool, sizeof(claimed_pool), "%s", framed_pool);
			if (wo->hisaddr != htonl(pool_addr))
				info("l2tpsec: RADIUS Framed-Pool %s: %I for the peer, in place of %I",
				     framed_pool, htonl(pool_addr), wo->hisaddr);
			wo->hisaddr = htonl(pool_addr);
			return;
		}
		pool_addr = 0;
		snprintf(why, sizeof(why), "%s", got > 0 ? "every address is taken" :
			 "cannot claim an address");
	}
	error("l2tpsec: RADIUS Framed-Pool %q: %s: refused", framed_pool, why);
	lcp_close(0, "no address in the RADIUS Framed-Pool");
}

void lns_aaa_network(void)
{
	ipcp_options *wo = &ipcp_wantoptions[0];
	uint32_t framed = 0;

	if (!radius_chap_verify || !ip_choose_hook)
		return;
	/* radius.so's choose hook hands out RADIUS's Framed-IP-Address, if it gave one: it wins
	 * over a Framed-Pool */
	ip_choose_hook(&framed);
	if (pool_addr && (framed || !framed_pool[0]))
		release_pool(NULL, 0);	/* an earlier link's, not this one's */
	if (!framed && framed_pool[0]) {
		framed_pool_address(wo);
		return;
	}
	if (!framed || framed == wo->hisaddr)
		return;
	info("l2tpsec: RADIUS Framed-IP-Address %I for the peer, in place of %I", framed,
	     wo->hisaddr);
	wo->hisaddr = framed;
}
