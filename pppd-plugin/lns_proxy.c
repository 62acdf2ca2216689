/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdlib.h>
#include <string.h>

#include "pppd_compat.h"
#include "proxy_lcp.h"
#include "proxy_file.h"
#include "lns_auth.h"
#include "lns_proxy.h"

static struct proxy_info proxy;
static struct proxy_decision decision;
static int silent_before;	/* OPT_SILENT as pppd's options had it */

static unsigned offered_auth(const lcp_options *wo)
{
	unsigned a = 0;

	if (wo->neg_upap)
		a |= LCP_AUTH_PAP;
	if (wo->neg_chap && (wo->chap_mdtype & MDTYPE_MD5))
		a |= LCP_AUTH_CHAP_MD5;
	if (wo->neg_chap && (wo->chap_mdtype & MDTYPE_MICROSOFT))
		a |= LCP_AUTH_MSCHAP;
	if (wo->neg_chap && (wo->chap_mdtype & MDTYPE_MICROSOFT_V2))
		a |= LCP_AUTH_MSCHAP2;
	if (wo->neg_eap)
		a |= LCP_AUTH_EAP;
	return a;
}

static struct proxy_policy policy_of(const struct lns_settings *s)
{
	const lcp_options *wo = &lcp_wantoptions[0];
	struct proxy_policy pol = {
		.mode = s->lcp,
		.proxy_auth = !s->no_proxy_auth,
		.force_local_chap = s->force_local_chap,
		.auth_required = auth_required,
		.auth_allowed = offered_auth(wo),
		.mru = (uint16_t)(wo->neg_mru ? wo->mru : LCP_DEFAULT_MRU),
		.multilink = 0,		/* a proxied multilink bundle is not adopted */
	};
	return pol;
}

static void take(lcp_options *o, const struct lcp_conf *c)
{
	memset(o, 0, sizeof(*o));
	o->neg_mru = LCP_HAS(c, LCP_OPT_MRU);
	o->mru = o->neg_mru ? c->mru : LCP_DEFAULT_MRU;
	o->neg_asyncmap = LCP_HAS(c, LCP_OPT_ACCM);
	o->asyncmap = c->accm;
	o->neg_magicnumber = LCP_HAS(c, LCP_OPT_MAGIC);
	o->magicnumber = c->magic;
	o->neg_pcompression = LCP_HAS(c, LCP_OPT_PFC);
	o->neg_accompression = LCP_HAS(c, LCP_OPT_ACFC);
}

static u_char mdtype_of(enum lcp_auth auth)
{
	switch (auth) {
	case LCP_AUTH_MSCHAP:
		return MDTYPE_MICROSOFT;
	case LCP_AUTH_MSCHAP2:
		return MDTYPE_MICROSOFT_V2;
	default:
		return MDTYPE_MD5;
	}
}

/*
 * The LAC's options become this end's (gotoptions: what the client agreed to give us) and the
 * client's (hisoptions). Authentication: a local round asks for the adopted CHAP algorithm;
 * proxy verification asks for PAP, whose server side only listens, so pppd enters its
 * authentication phase without sending anything and lns_auth ends it with the verdict.
 */
static void adopt_options(void)
{
	lcp_options *go = &lcp_gotoptions[0];

	take(go, &decision.ours);
	take(&lcp_hisoptions[0], &decision.his);
	if (decision.auth == PROXY_AUTH_VERIFY) {
		go->neg_upap = 1;
	} else if (decision.auth == PROXY_AUTH_LOCAL) {
		go->neg_chap = 1;
		go->chap_mdtype = mdtype_of(decision.ours.auth);
	}
}

static void verify(void)
{
	char msg[256];
	int ok = lns_auth_check(&proxy, decision.ours.auth, msg, sizeof(msg));

	lns_auth_tell_client(&proxy, decision.ours.auth, ok, msg);
	if (ok) {
		upap[0].us_serverstate = UPAPSS_OPEN;
		notice("l2tpsec: proxy authentication of %q succeeded (%s)", proxy.authen_name,
		       lcp_auth_name(decision.ours.auth));
		auth_peer_success(0, PPP_PAP, 0, proxy.authen_name, (int)strlen(proxy.authen_name));
	} else {
		upap[0].us_serverstate = UPAPSS_BADAUTH;
		warn("l2tpsec: proxy authentication of %q failed (%s): call refused",
		     proxy.authen_name, lcp_auth_name(decision.ours.auth));
		auth_peer_fail(0, PPP_PAP);
	}
}

/* one turn of pppd's loop after LCP came up silent */
static void act(void *arg)
{
	fsm *f = &lcp_fsm[0];

	(void)arg;
	if (f->state != STOPPED) {
		/* the client sent a CONFREQ first: pppd is negotiating already, let it */
		notice("l2tpsec: the client restarted LCP itself: proxy LCP not used");
	} else if (decision.action == PROXY_REFUSE) {
		error("l2tpsec: call refused: %s", decision.why);
		ppp_set_exit_status(EXIT_NEGOTIATION_FAILED);
		lcp_close(0, "proxy LCP refused");
	} else {
		f->flags = (f->flags & ~OPT_SILENT) | silent_before;
		adopt_options();
		if (decision.auth == PROXY_AUTH_SKIP)
			lns_auth_tell_client(&proxy, decision.ours.auth, 1, "");
		info("l2tpsec: LCP adopted without a CONFREQ: MRU %d, client MRU %d, "
		     "authentication %s (%s)", lcp_conf_mru(&decision.ours),
		     lcp_conf_mru(&decision.his), lcp_auth_name(decision.ours.auth),
		     proxy_auth_step_name(decision.auth));
		f->state = OPENED;
		f->callbacks->up(f);
		if (decision.auth == PROXY_AUTH_VERIFY && f->state == OPENED)
			verify();
	}
	memset(&proxy, 0, sizeof(proxy));
}

void lns_proxy_establish(const struct lns_settings *s)
{
	struct proxy_policy pol;
	char err[160];
	const char *path = getenv(L2TPSEC_PROXY_ENV);
	enum proxy_file_result r;

	r = proxy_file_take(path, &proxy, err, sizeof(err));
	unsetenv(L2TPSEC_PROXY_ENV);
	if (r == PROXY_FILE_NONE)
		return;
	if (r == PROXY_FILE_BAD) {
		warn("l2tpsec: proxy data unusable (%s): LCP negotiated from the start", err);
		return;
	}
	pol = policy_of(s);
	proxy_decide(&proxy, &pol, &decision);
	info("l2tpsec: proxy LCP from the LAC: %s (%s)", proxy_action_name(decision.action),
	     decision.why[0] ? decision.why : "as the LAC negotiated it");
	if (decision.action == PROXY_NEGOTIATE) {
		memset(&proxy, 0, sizeof(proxy));
		return;
	}
	silent_before = lcp_fsm[0].flags & OPT_SILENT;
	lcp_fsm[0].flags |= OPT_SILENT;	/* LCP's lowerup, next, sends no CONFREQ */
	ppp_timeout(act, NULL, 0, 0);
}
