/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The proxy LCP/authentication AVPs (RFC 2661 26-33): valid values are taken, every rule broken
 * (truncated, oversized, malformed LCP options, unknown types, repeats) is refused with a reason
 * and leaves nothing behind; the AVP encoding and the text hand-off to pppd round-trip.
 */
#include <string.h>

#include "check.h"
#include "../../common/proxy_avp.h"

static const uint8_t lcp[] = { 0x01, 0x04, 0x05, 0x78, 0x03, 0x05, 0xc2, 0x23, 0x81,
			       0x05, 0x06, 0x12, 0x34, 0x56, 0x78 };	/* MRU, auth MS-CHAPv2, magic */
static const uint8_t chap_type[] = { 0, 2 }, id[] = { 0, 7 };
static const uint8_t challenge[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static const uint8_t response[16] = { 0xaa, 0xbb };

static int parse(struct proxy_info *p, unsigned attr, const void *v, size_t len, const char **why)
{
	return proxy_avp_parse(p, attr, v, len, why);
}

static void full(struct proxy_info *p)
{
	const char *why = NULL;

	memset(p, 0, sizeof(*p));
	CHECK(parse(p, PROXY_LCP_INITIAL_RECEIVED, lcp, sizeof(lcp), &why) == 0);
	CHECK(parse(p, PROXY_LCP_LAST_SENT, lcp, 4, &why) == 0);
	CHECK(parse(p, PROXY_LCP_LAST_RECEIVED, lcp, 0, &why) == 0);	/* an empty CONFREQ */
	CHECK(parse(p, PROXY_AUTHEN_TYPE, chap_type, 2, &why) == 0);
	CHECK(parse(p, PROXY_AUTHEN_NAME, "alice@example.net", 17, &why) == 0);
	CHECK(parse(p, PROXY_AUTHEN_CHALLENGE, challenge, 16, &why) == 0);
	CHECK(parse(p, PROXY_AUTHEN_ID, id, 2, &why) == 0);
	CHECK(parse(p, PROXY_AUTHEN_RESPONSE, response, 16, &why) == 0);
}

static void refused(unsigned attr, const void *v, size_t len, const char *reason)
{
	struct proxy_info p, before;
	const char *why = NULL;

	memset(&p, 0, sizeof(p));
	before = p;
	CHECK(parse(&p, attr, v, len, &why) == -1);
	CHECK(why && !strcmp(why, reason));
	if (!why || strcmp(why, reason))
		fprintf(stderr, "  attr %u len %zu: '%s', expected '%s'\n", attr, len,
			why ? why : "(none)", reason);
	CHECK(!memcmp(&p, &before, sizeof(p)));	/* nothing half-taken */
}

int main(void)
{
	static struct proxy_info p, q;
	static uint8_t big[2048], avps[8192];
	static char text[40000];
	const char *why = NULL;
	int n;

	full(&p);
	CHECK_EQ_UL(p.present, 0xff);
	CHECK_EQ_UL(p.lcp_len[0], sizeof(lcp));
	CHECK_EQ_UL(p.authen_type, PROXY_AUTH_CHAP);
	CHECK(!strcmp(p.authen_name, "alice@example.net"));
	CHECK_EQ_UL(p.authen_id, 7);
	CHECK(!strcmp(proxy_authen_type_name(p.authen_type), "PPP CHAP"));

	/* truncated and oversized values */
	refused(PROXY_AUTHEN_TYPE, chap_type, 1, "length must be 2");
	refused(PROXY_AUTHEN_TYPE, "\0\2\0", 3, "length must be 2");
	refused(PROXY_AUTHEN_ID, id, 1, "length must be 2");
	refused(PROXY_AUTHEN_ID, "\0\7\0", 3, "length must be 2");
	refused(PROXY_AUTHEN_NAME, "", 0, "must be 1 to 255 octets without NUL");
	refused(PROXY_AUTHEN_NAME, big, 256, "must be 1 to 255 octets without NUL");
	refused(PROXY_AUTHEN_NAME, "al\0ce", 5, "must be 1 to 255 octets without NUL");
	refused(PROXY_AUTHEN_CHALLENGE, big, 0, "must be 1 to 255 octets");
	refused(PROXY_AUTHEN_CHALLENGE, big, 256, "must be 1 to 255 octets");
	refused(PROXY_AUTHEN_RESPONSE, big, 256, "must be 1 to 255 octets");
	refused(PROXY_LCP_INITIAL_RECEIVED, big, PROXY_LCP_MAX + 1, "longer than an AVP can be");
	/* LCP options: truncated header, a length below 2, one running past the end */
	refused(PROXY_LCP_LAST_SENT, "\x01", 1, "not a sequence of LCP options");
	refused(PROXY_LCP_LAST_SENT, "\x01\x01", 2, "not a sequence of LCP options");
	refused(PROXY_LCP_LAST_SENT, "\x01\x04\x05", 3, "not a sequence of LCP options");
	refused(PROXY_LCP_LAST_RECEIVED, lcp, sizeof(lcp) - 1, "not a sequence of LCP options");
	/* unknown authentication types, other attributes */
	refused(PROXY_AUTHEN_TYPE, "\0\0", 2, "unknown authentication type");
	refused(PROXY_AUTHEN_TYPE, "\0\6", 2, "unknown authentication type");
	refused(25, "x", 1, "not a proxy AVP");
	refused(34, "x", 1, "not a proxy AVP");
	/* a repeat is an error and keeps the first */
	CHECK(parse(&p, PROXY_AUTHEN_NAME, "mallory", 7, &why) == -1 && !strcmp(why, "repeated"));
	CHECK(!strcmp(p.authen_name, "alice@example.net"));
	/* the longest CONFREQ an AVP can carry: 1017 octets of options */
	memset(&q, 0, sizeof(q));
	for (int i = 0; i < PROXY_LCP_MAX; i += 9) {
		big[i] = 0x10;
		big[i + 1] = (uint8_t)(PROXY_LCP_MAX - i < 9 ? PROXY_LCP_MAX - i : 9);
	}
	CHECK(parse(&q, PROXY_LCP_INITIAL_RECEIVED, big, PROXY_LCP_MAX, &why) == 0);

	/* AVP encoding: header fields, then parsing it back gives the same information */
	n = proxy_avps_encode(&p, avps, sizeof(avps));
	CHECK(n > 0);
	CHECK(avps[0] == 0 && avps[1] == 6 + sizeof(lcp) && avps[5] == 26);	/* M bit clear */
	memset(&q, 0, sizeof(q));
	for (int off = 0; off < n;) {
		int alen = (avps[off] & 0x03) << 8 | avps[off + 1];

		CHECK(parse(&q, avps[off + 5], avps + off + 6, (size_t)alen - 6, &why) == 0);
		off += alen;
	}
	CHECK(!memcmp(&p, &q, sizeof(p)));
	CHECK(proxy_avps_encode(&p, avps, 30) == -1);	/* no room: nothing claimed */

	/* text hand-off to pppd */
	n = proxy_to_text(&p, text, sizeof(text));
	CHECK(n > 0);
	CHECK(strstr(text, "authen-type 2\n") && strstr(text, "authen-id 7\n"));
	CHECK(strstr(text, "authen-name 616c69636540"));
	CHECK(strstr(text, "lcp-last-received \n"));
	CHECK(proxy_from_text(&q, text, &why) == 0);
	CHECK(!memcmp(&p, &q, sizeof(p)));
	CHECK(proxy_to_text(&p, text, 40) == -1);
	/* bad text: refused whole, nothing kept */
	CHECK(proxy_from_text(&q, "authen-type 2\nauthen-colour 3\n", &why) == -1 &&
	      !strcmp(why, "unknown key") && !q.present);
	CHECK(proxy_from_text(&q, "authen-name 61a\n", &why) == -1 && !strcmp(why, "bad hex value"));
	CHECK(proxy_from_text(&q, "authen-name 6G\n", &why) == -1);
	CHECK(proxy_from_text(&q, "authen-id 256\n", &why) == -1 &&
	      !strcmp(why, "number out of range"));
	CHECK(proxy_from_text(&q, "authen-type\n", &why) == -1);
	CHECK(proxy_from_text(&q, "authen-type 99999999\n", &why) == -1);
	CHECK(proxy_from_text(&q, "authen-type 9\n", &why) == -1 &&
	      !strcmp(why, "unknown authentication type"));
	CHECK(proxy_from_text(&q, "", &why) == 0 && !q.present);
	return check_done("test_proxy_avp");
}
