/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LNS's side of proxy LCP and authentication without pppd: the CONFREQ decoder (every
 * length rule, repeats, unknown options), each rule of docs/proxy-lcp.md in each mode (adopt,
 * renegotiate, refuse; verify, local, skip). The credentials themselves are checked by pppd's
 * own CHAP digests and PAP check, in netlab.
 */
#include <string.h>

#include "check.h"
#include "../../common/proxy_lcp.h"

/* the client's CONFREQ: MRU 1500, ACCM 0, magic; the LAC's: MRU 1400, CHAP-MD5, magic */
static const uint8_t client_req[] = { 1, 4, 0x05, 0xdc, 2, 6, 0, 0, 0, 0, 5, 6, 1, 2, 3, 4,
				      7, 2, 8, 2 };
static const uint8_t lac_chap[] = { 1, 4, 0x05, 0x78, 3, 5, 0xc2, 0x23, 5, 5, 6, 9, 9, 9, 9 };
static const uint8_t lac_pap[] = { 3, 4, 0xc0, 0x23, 5, 6, 9, 9, 9, 9 };
static const uint8_t lac_mschap2[] = { 3, 5, 0xc2, 0x23, 0x81 };
static const uint8_t lac_eap[] = { 3, 4, 0xc2, 0x27 };
static const uint8_t lac_none[] = { 5, 6, 9, 9, 9, 9 };

static void set_lcp(struct proxy_info *p, unsigned attr, const uint8_t *v, size_t len)
{
	memcpy(p->lcp[attr - PROXY_FIRST], v, len);
	p->lcp_len[attr - PROXY_FIRST] = (uint16_t)len;
	p->present |= 1u << (attr - PROXY_FIRST);
}

/* a complete, correct proxy CHAP from the LAC for the client's LCP */
static void chap_call(struct proxy_info *p)
{
	static const uint8_t challenge[16] = "0123456789abcdef";

	memset(p, 0, sizeof(*p));
	set_lcp(p, PROXY_LCP_INITIAL_RECEIVED, client_req, sizeof(client_req));
	set_lcp(p, PROXY_LCP_LAST_SENT, lac_chap, sizeof(lac_chap));
	set_lcp(p, PROXY_LCP_LAST_RECEIVED, client_req, sizeof(client_req));
	p->authen_type = PROXY_AUTH_CHAP;
	strcpy(p->authen_name, "userSerial10@cisco.com");
	memcpy(p->challenge, challenge, 16);
	p->challenge_len = 16;
	p->authen_id = 7;
	memset(p->response, 0xab, 16);	/* checked by pppd, not here */
	p->response_len = 16;
	p->present |= 1u << (PROXY_AUTHEN_TYPE - PROXY_FIRST) |
		      1u << (PROXY_AUTHEN_NAME - PROXY_FIRST) |
		      1u << (PROXY_AUTHEN_CHALLENGE - PROXY_FIRST) |
		      1u << (PROXY_AUTHEN_ID - PROXY_FIRST) |
		      1u << (PROXY_AUTHEN_RESPONSE - PROXY_FIRST);
}

static struct proxy_policy lns(enum l2tpsec_lcp mode)
{
	struct proxy_policy pol = {
		.mode = mode, .proxy_auth = 1, .auth_required = 1,
		.auth_allowed = LCP_AUTH_CHAP_MD5 | LCP_AUTH_PAP | LCP_AUTH_MSCHAP2, .mru = 1500,
	};
	return pol;
}

static void expect(const struct proxy_info *p, const struct proxy_policy *pol,
		   enum proxy_action action, enum proxy_auth_step auth, const char *why_part)
{
	struct proxy_decision d;

	proxy_decide(p, pol, &d);
	CHECK_EQ_UL(d.action, action);
	CHECK_EQ_UL(d.auth, auth);
	if (why_part)
		CHECK(strstr(d.why, why_part) != NULL);
	else
		CHECK(d.why[0] == '\0');
	if (d.action != action || d.auth != auth || (why_part && !strstr(d.why, why_part)))
		fprintf(stderr, "  got %s/%s '%s', expected %s/%s '%s'\n",
			proxy_action_name(d.action), proxy_auth_step_name(d.auth), d.why,
			proxy_action_name(action), proxy_auth_step_name(auth),
			why_part ? why_part : "");
}

static void decoder(void)
{
	static const uint8_t truncated[] = { 1, 4, 0x05 }, zero_len[] = { 7, 0 },
		twice[] = { 7, 2, 7, 2 }, bad_mru[] = { 1, 3, 5 }, magic0[] = { 5, 6, 0, 0, 0, 0 },
		short_auth[] = { 3, 3, 0xc0 }, unknown[] = { 13, 3, 6, 40, 2, 200, 3, 1 };
	struct lcp_conf c;
	const char *why = NULL;

	CHECK(lcp_conf_parse(&c, client_req, sizeof(client_req), &why) == 0);
	CHECK_EQ_UL(c.mru, 1500);
	CHECK(LCP_HAS(&c, LCP_OPT_ACCM) && c.accm == 0);
	CHECK_EQ_UL(c.magic, 0x01020304);
	CHECK(LCP_HAS(&c, LCP_OPT_PFC) && LCP_HAS(&c, LCP_OPT_ACFC));
	CHECK_EQ_UL(c.auth, LCP_AUTH_NONE);
	CHECK_EQ_UL(c.unknown, 0);
	CHECK(lcp_conf_parse(&c, lac_chap, sizeof(lac_chap), &why) == 0 &&
	      c.auth == LCP_AUTH_CHAP_MD5 && lcp_conf_mru(&c) == 1400);
	CHECK(lcp_conf_parse(&c, lac_pap, sizeof(lac_pap), &why) == 0 && c.auth == LCP_AUTH_PAP &&
	      lcp_conf_mru(&c) == LCP_DEFAULT_MRU);
	CHECK(lcp_conf_parse(&c, lac_mschap2, sizeof(lac_mschap2), &why) == 0 &&
	      c.auth == LCP_AUTH_MSCHAP2);
	CHECK(lcp_conf_parse(&c, lac_eap, sizeof(lac_eap), &why) == 0 && c.auth == LCP_AUTH_EAP);
	CHECK(lcp_conf_parse(&c, NULL, 0, &why) == 0 && c.present == 0);
	CHECK(lcp_conf_parse(&c, unknown, sizeof(unknown), &why) == 0 && c.unknown_high &&
	      c.unknown == 1u << 13);

	CHECK(lcp_conf_parse(&c, truncated, sizeof(truncated), &why) == -1 &&
	      strstr(why, "past the end"));
	CHECK(lcp_conf_parse(&c, zero_len, sizeof(zero_len), &why) == -1 && c.present == 0);
	CHECK(lcp_conf_parse(&c, twice, sizeof(twice), &why) == -1 && strstr(why, "twice"));
	CHECK(lcp_conf_parse(&c, bad_mru, sizeof(bad_mru), &why) == -1 &&
	      strstr(why, "wrong length"));
	CHECK(lcp_conf_parse(&c, magic0, sizeof(magic0), &why) == -1 && strstr(why, "magic"));
	CHECK(lcp_conf_parse(&c, short_auth, sizeof(short_auth), &why) == -1);
}

static void modes(void)
{
	struct proxy_info p;
	struct proxy_policy off = lns(L2TPSEC_LCP_OFF), mism = lns(L2TPSEC_LCP_ON_MISMATCH),
			    always = lns(L2TPSEC_LCP_ALWAYS), pol;

	chap_call(&p);
	expect(&p, &off, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	expect(&p, &mism, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	expect(&p, &always, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "always");

	/* force-local-chap and RFC 2661 9.5 (proxy authentication off): a new CHAP round */
	pol = off;
	pol.force_local_chap = 1;
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_LOCAL, NULL);
	pol = mism;
	pol.proxy_auth = 0;
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_LOCAL, NULL);
	/* lcp renegotiation comes before forced local CHAP */
	pol = always;
	pol.force_local_chap = 1;
	expect(&p, &pol, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "always");

	/* an LNS that does not require authentication takes the LAC's word */
	pol = off;
	pol.auth_required = 0;
	pol.auth_allowed = 0;
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_SKIP, NULL);

	/* no proxy LCP at all, or half of it: nothing to adopt, in every mode */
	p.present &= ~(1u << (PROXY_LCP_LAST_RECEIVED - PROXY_FIRST));
	expect(&p, &off, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "no proxy LCP");
	expect(&p, &mism, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "no proxy LCP");
}

static void mismatches(void)
{
	struct proxy_info p;
	struct proxy_policy off = lns(L2TPSEC_LCP_OFF), mism = lns(L2TPSEC_LCP_ON_MISMATCH), pol;
	static const uint8_t big_mru[] = { 1, 4, 0x05, 0xdc, 3, 5, 0xc2, 0x23, 5 };
	static const uint8_t tiny_client[] = { 1, 4, 0, 64 };
	static const uint8_t client_auth[] = { 3, 4, 0xc0, 0x23 };
	static const uint8_t client_callback[] = { 13, 3, 6 };
	static const uint8_t lac_mrru[] = { 3, 5, 0xc2, 0x23, 5, 17, 4, 0x05, 0xdc };
	static const uint8_t lac_odd[] = { 3, 5, 0xc2, 0x23, 5, 27, 2 };
	static const uint8_t no_magic_accm0[] = { 2, 6, 0, 0, 0, 0 };

	/* MRU: a mismatch, adopted by default, renegotiated on-mismatch */
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_SENT, big_mru, sizeof(big_mru));
	pol = mism;
	pol.mru = 1400;
	expect(&p, &pol, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "1500-octet frames");
	pol.mode = L2TPSEC_LCP_OFF;
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_VERIFY, "1500-octet frames");
	pol.mru = 1500;
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	/* no MRU option: the client may send 1500 */
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_SENT, (const uint8_t[]){ 3, 5, 0xc2, 0x23, 5 }, 5);
	pol = mism;
	pol.mru = 1460;
	expect(&p, &pol, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "1500-octet");

	/* not mismatches: a missing magic number, ACCM 0, PFC/ACFC */
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_RECEIVED, no_magic_accm0, sizeof(no_magic_accm0));
	expect(&p, &mism, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);

	/* unacceptable: refused by default, renegotiated on-mismatch */
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_RECEIVED, tiny_client, sizeof(tiny_client));
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "MRU 64");
	expect(&p, &mism, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "MRU 64");
	set_lcp(&p, PROXY_LCP_LAST_RECEIVED, client_auth, sizeof(client_auth));
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "authenticate itself");
	set_lcp(&p, PROXY_LCP_LAST_RECEIVED, client_callback, sizeof(client_callback));
	expect(&p, &mism, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "callback");
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_mrru, sizeof(lac_mrru));
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "multilink");
	pol = off;
	pol.multilink = 1;
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	/* an endpoint discriminator alone (as Windows sends it) is not multilink */
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_chap, sizeof(lac_chap));
	set_lcp(&p, PROXY_LCP_LAST_RECEIVED, (const uint8_t[]){ 19, 9, 1, 1, 2, 3, 4, 5, 6 }, 9);
	expect(&p, &off, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	set_lcp(&p, PROXY_LCP_LAST_RECEIVED, client_req, sizeof(client_req));
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_odd, sizeof(lac_odd));
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "option 27");
	/* malformed bytes that slipped past the AVP check still refuse cleanly */
	set_lcp(&p, PROXY_LCP_LAST_SENT, (const uint8_t[]){ 5, 6, 0, 0, 0, 0 }, 6);
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "Last Sent");
}

static void authentication(void)
{
	struct proxy_info p;
	struct proxy_policy off = lns(L2TPSEC_LCP_OFF), mism = lns(L2TPSEC_LCP_ON_MISMATCH), pol;

	/* an authentication protocol this LNS does not offer */
	chap_call(&p);
	pol = mism;
	pol.auth_allowed = LCP_AUTH_PAP;
	expect(&p, &pol, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "does not offer");
	pol.mode = L2TPSEC_LCP_OFF;
	expect(&p, &pol, PROXY_REFUSE, PROXY_AUTH_SKIP, "CHAP-MD5");

	/* the LAC did not authenticate, the LNS requires it */
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_none, sizeof(lac_none));
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "did not authenticate");
	expect(&p, &mism, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "did not authenticate");

	/* proxy authentication inconsistent with LCP, or incomplete */
	chap_call(&p);
	p.authen_type = PROXY_AUTH_PAP;
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "proxy authentication is PPP PAP");
	chap_call(&p);
	p.present &= ~(1u << (PROXY_AUTHEN_CHALLENGE - PROXY_FIRST));
	expect(&p, &mism, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "challenge");
	chap_call(&p);
	p.present &= ~(1u << (PROXY_AUTHEN_TYPE - PROXY_FIRST));
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "no proxy authentication");
	chap_call(&p);
	p.response_len = 8;
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "8 octets (not 16)");
	chap_call(&p);
	p.present &= ~(1u << (PROXY_AUTHEN_NAME - PROXY_FIRST));
	expect(&p, &off, PROXY_REFUSE, PROXY_AUTH_SKIP, "a name");

	/* PAP: verified; textual username/password counts as PAP; with proxy auth off, LCP again */
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_pap, sizeof(lac_pap));
	p.authen_type = PROXY_AUTH_PAP;
	p.present &= ~(1u << (PROXY_AUTHEN_CHALLENGE - PROXY_FIRST));
	expect(&p, &off, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	p.authen_type = PROXY_AUTH_TEXT;
	expect(&p, &off, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	pol = off;
	pol.force_local_chap = 1;	/* applies to CHAP only */
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);
	pol.proxy_auth = 0;
	expect(&p, &pol, PROXY_NEGOTIATE, PROXY_AUTH_SKIP, "PAP cannot be asked");

	/* MS-CHAPv1: verified with its own response length and proxy type */
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_SENT, (const uint8_t[]){ 3, 5, 0xc2, 0x23, 0x80 }, 5);
	pol = off;
	pol.auth_allowed |= LCP_AUTH_MSCHAP;
	expect(&p, &pol, PROXY_REFUSE, PROXY_AUTH_SKIP, "proxy authentication is PPP CHAP");
	p.authen_type = PROXY_AUTH_MSCHAPV1;
	expect(&p, &pol, PROXY_REFUSE, PROXY_AUTH_SKIP, "16 octets (not 49)");
	p.response_len = 49;
	expect(&p, &pol, PROXY_ADOPT, PROXY_AUTH_VERIFY, NULL);

	/* MS-CHAPv2 cannot be proxied (RFC 2661): a new round; neither can EAP */
	chap_call(&p);
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_mschap2, sizeof(lac_mschap2));
	expect(&p, &off, PROXY_ADOPT, PROXY_AUTH_LOCAL, NULL);
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_eap, sizeof(lac_eap));
	pol = off;
	pol.auth_allowed |= LCP_AUTH_EAP;
	expect(&p, &pol, PROXY_REFUSE, PROXY_AUTH_SKIP, "EAP cannot be proxied");
}

int main(void)
{
	decoder();
	modes();
	mismatches();
	authentication();
	return check_done("test_proxy_lcp");
}
