/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "proxy_lcp.h"

#define CHAP_MD5_RESPONSE_LEN 16
#define MSCHAP_RESPONSE_LEN 49	/* RFC 2433: LM and NT responses and the use-NT flag */

enum finding { FINE, MISMATCH, UNACCEPTABLE };

static enum finding say(struct proxy_decision *d, enum finding kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->why, sizeof(d->why), fmt, ap);
	va_end(ap);
	return kind;
}

/* options the LNS's pppd does not run, on either side of the link */
static enum finding options_not_run(struct proxy_decision *d, const struct lcp_conf *c,
				    const char *side, const struct proxy_policy *pol)
{
	/* an endpoint discriminator alone is no multilink (Windows sends one; pppd accepts it) */
	uint32_t multilink = 1u << LCP_OPT_MRRU | 1u << LCP_OPT_SSNHF;
	uint32_t other = c->unknown & ~multilink & ~(1u << LCP_OPT_QUALITY) &
			 ~(1u << LCP_OPT_CALLBACK) & ~(1u << LCP_OPT_ENDPOINT);
	unsigned type;

	if (LCP_HAS(c, LCP_OPT_QUALITY))
		return say(d, UNACCEPTABLE, "%s asks for link quality monitoring", side);
	if (LCP_HAS(c, LCP_OPT_CALLBACK))
		return say(d, UNACCEPTABLE, "%s asks for callback", side);
	if ((c->present & multilink) && !pol->multilink)
		return say(d, UNACCEPTABLE, "%s asks for multilink, which this LNS does not run",
			   side);
	for (type = 0; type < 32; type++)
		if ((other >> type) & 1u)
			return say(d, UNACCEPTABLE, "%s carries LCP option %u, which this LNS does "
				   "not run", side, type);
	if (c->unknown_high)
		return say(d, UNACCEPTABLE, "%s carries an LCP option of type 32 or more", side);
	return FINE;
}

/* the proxied credentials fit the protocol the client authenticated with */
static enum finding credentials_complete(struct proxy_decision *d, const struct proxy_info *p,
					 enum lcp_auth auth)
{
	unsigned want = auth == LCP_AUTH_PAP ? PROXY_AUTH_PAP :
			auth == LCP_AUTH_MSCHAP ? PROXY_AUTH_MSCHAPV1 : PROXY_AUTH_CHAP;
	unsigned response_len = auth == LCP_AUTH_MSCHAP ? MSCHAP_RESPONSE_LEN :
				CHAP_MD5_RESPONSE_LEN;

	if (!PROXY_HAS(p, PROXY_AUTHEN_TYPE))
		return say(d, UNACCEPTABLE, "the client authenticated with %s, but the LAC sent "
			   "no proxy authentication", lcp_auth_name(auth));
	if (p->authen_type != want &&
	    !(auth == LCP_AUTH_PAP && p->authen_type == PROXY_AUTH_TEXT))
		return say(d, UNACCEPTABLE, "the client authenticated with %s, but the proxy "
			   "authentication is %s", lcp_auth_name(auth),
			   proxy_authen_type_name(p->authen_type));
	if (!PROXY_HAS(p, PROXY_AUTHEN_NAME) || !PROXY_HAS(p, PROXY_AUTHEN_RESPONSE))
		return say(d, UNACCEPTABLE, "proxy authentication without %s",
			   PROXY_HAS(p, PROXY_AUTHEN_NAME) ? "a response" : "a name");
	if (auth == LCP_AUTH_PAP)
		return FINE;
	if (!PROXY_HAS(p, PROXY_AUTHEN_CHALLENGE) || !PROXY_HAS(p, PROXY_AUTHEN_ID))
		return say(d, UNACCEPTABLE, "proxy CHAP without %s",
			   PROXY_HAS(p, PROXY_AUTHEN_ID) ? "the challenge" : "the ID");
	if (p->response_len != response_len)
		return say(d, UNACCEPTABLE, "proxy %s response of %u octets (not %u)",
			   lcp_auth_name(auth), p->response_len, response_len);
	return FINE;
}

/* how the client gets authenticated once LCP is adopted; NEGOTIATE when it cannot be */
static enum finding plan_auth(struct proxy_decision *d, const struct proxy_info *p,
			      const struct proxy_policy *pol, int *negotiate)
{
	enum lcp_auth auth = d->ours.auth;

	d->auth = PROXY_AUTH_SKIP;
	if (!pol->auth_required)
		return FINE;
	if (auth == LCP_AUTH_NONE)
		return say(d, UNACCEPTABLE, "the LAC did not authenticate the client and this LNS "
			   "requires authentication");
	if (!(pol->auth_allowed & auth))
		return say(d, UNACCEPTABLE, "the client authenticated with %s, which this LNS does "
			   "not offer", lcp_auth_name(auth));
	if (auth == LCP_AUTH_EAP || auth == LCP_AUTH_OTHER)
		return say(d, UNACCEPTABLE, "%s cannot be proxied", lcp_auth_name(auth));
	if (auth == LCP_AUTH_PAP && !pol->proxy_auth) {
		*negotiate = 1;
		return say(d, FINE, "proxy authentication is off and PAP cannot be asked for again "
			   "without LCP");
	}
	if (auth != LCP_AUTH_PAP && (!pol->proxy_auth || pol->force_local_chap)) {
		d->auth = PROXY_AUTH_LOCAL;
		return FINE;
	}
	if (auth == LCP_AUTH_MSCHAP2) {
		d->auth = PROXY_AUTH_LOCAL;	/* RFC 2661 has no proxy MS-CHAPv2: ask again */
		return FINE;
	}
	d->auth = PROXY_AUTH_VERIFY;
	return credentials_complete(d, p, auth);
}

static enum finding examine(struct proxy_decision *d, const struct proxy_info *p,
			    const struct proxy_policy *pol, int *negotiate)
{
	const char *why = NULL;
	enum finding f;

	if (lcp_conf_parse(&d->ours, p->lcp[PROXY_LCP_LAST_SENT - PROXY_FIRST],
			   p->lcp_len[PROXY_LCP_LAST_SENT - PROXY_FIRST], &why))
		return say(d, UNACCEPTABLE, "the LAC's Last Sent CONFREQ: %s", why);
	if (lcp_conf_parse(&d->his, p->lcp[PROXY_LCP_LAST_RECEIVED - PROXY_FIRST],
			   p->lcp_len[PROXY_LCP_LAST_RECEIVED - PROXY_FIRST], &why))
		return say(d, UNACCEPTABLE, "the client's Last Received CONFREQ: %s", why);
	if ((f = options_not_run(d, &d->ours, "the LAC's CONFREQ", pol)) != FINE ||
	    (f = options_not_run(d, &d->his, "the client's CONFREQ", pol)) != FINE)
		return f;
	if (d->his.auth != LCP_AUTH_NONE)
		return say(d, UNACCEPTABLE, "the client asked the LAC to authenticate itself (%s)",
			   lcp_auth_name(d->his.auth));
	if (lcp_conf_mru(&d->his) < LCP_MIN_MRU)
		return say(d, UNACCEPTABLE, "the client's MRU %u is below PPP's minimum %u",
			   lcp_conf_mru(&d->his), LCP_MIN_MRU);
	if ((f = plan_auth(d, p, pol, negotiate)) != FINE || *negotiate)
		return f;
	if (lcp_conf_mru(&d->ours) > pol->mru)
		return say(d, MISMATCH, "the LAC let the client send %u-octet frames, this LNS "
			   "takes %u", lcp_conf_mru(&d->ours), pol->mru);
	return FINE;
}

void proxy_decide(const struct proxy_info *p, const struct proxy_policy *pol,
		  struct proxy_decision *d)
{
	int negotiate = 0;
	enum finding f;

	memset(d, 0, sizeof(*d));
	d->action = PROXY_NEGOTIATE;
	if (pol->mode == L2TPSEC_LCP_ALWAYS) {
		say(d, FINE, "lcp renegotiation always");
		return;
	}
	if (!PROXY_HAS(p, PROXY_LCP_LAST_SENT) || !PROXY_HAS(p, PROXY_LCP_LAST_RECEIVED)) {
		say(d, FINE, "the LAC sent no proxy LCP (Last Sent and Last Received CONFREQ)");
		return;
	}
	f = examine(d, p, pol, &negotiate);
	if (negotiate)
		return;
	if (f == FINE)
		d->action = PROXY_ADOPT;
	else if (pol->mode == L2TPSEC_LCP_ON_MISMATCH)
		d->action = PROXY_NEGOTIATE;
	else
		d->action = f == MISMATCH ? PROXY_ADOPT : PROXY_REFUSE;
	if (d->action != PROXY_ADOPT)
		d->auth = PROXY_AUTH_SKIP;
}

const char *proxy_action_name(enum proxy_action action)
{
	switch (action) {
	case PROXY_ADOPT:
		return "adopt";
	case PROXY_REFUSE:
		return "refuse";
	default:
		return "negotiate";
	}
}

const char *proxy_auth_step_name(enum proxy_auth_step step)
{
	switch (step) {
	case PROXY_AUTH_VERIFY:
		return "verify";
	case PROXY_AUTH_LOCAL:
		return "local";
	default:
		return "skip";
	}
}
