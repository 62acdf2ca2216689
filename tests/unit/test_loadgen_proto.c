/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The load generator's protocol code (tests/netlab/loadgen): an SCCRQ it builds reads back with
 * its header and AVPs, a data message from the LNS (length, sequence and offset fields) yields
 * its PPP frame, Ns/Nr order wraps; and its PPP client, against a scripted LNS, acks LCP, asks
 * for CHAP-MD5 instead of MS-CHAPv2, answers the challenge with RFC 1994's hash, takes the
 * address IPCP offers and comes up, answers echoes with its magic, and goes down on a
 * Terminate-Request or a CHAP Failure.
 */
#include <string.h>

#include <openssl/evp.h>

#include "check.h"
#include "l2tp_msg.h"
#include "ppp_client.h"

static uint8_t sent[8][256];
static size_t sent_len[8];
static int n_sent;

static void record(void *ctx, const uint8_t *f, size_t len)
{
	(void)ctx;
	if (n_sent < 8 && len <= sizeof(sent[0])) {
		memcpy(sent[n_sent], f, len);
		sent_len[n_sent++] = len;
	}
}

static void messages(void)
{
	struct l2tp_ctrl m;
	struct l2tp_parsed p;
	/* data from an LNS: L and S bits, offset of 2, then FF 03 and LCP */
	static const uint8_t data[] = { 0x4a, 0x02, 0, 24, 0x12, 0x34, 0, 7, 0, 1, 0, 2, 0, 2,
					0xaa, 0xbb, 0xff, 0x03, 0xc0, 0x21, 9, 1, 0, 4 };
	uint8_t out[64];
	size_t n;

	l2tp_ctrl_start(&m, L2TP_SCCRQ);
	l2tp_ctrl_avp16(&m, AVP_ASSIGNED_TUNNEL_ID, 77);
	l2tp_ctrl_avp(&m, AVP_HOST_NAME, "gen", 3);
	l2tp_ctrl_finish(&m, 0, 0, 5, 9);
	CHECK(l2tp_parse(m.b, m.len, &p) == 0);
	CHECK(p.control && p.type == L2TP_SCCRQ && p.assigned_tid == 77);
	CHECK_EQ_UL(p.ns, 5);
	CHECK_EQ_UL(p.nr, 9);
	CHECK(l2tp_parse(m.b, m.len - 2, &p) == -1);	/* an AVP past the end */

	l2tp_ctrl_start(&m, L2TP_ZLB);
	l2tp_ctrl_finish(&m, 3, 0, 1, 1);
	CHECK(l2tp_parse(m.b, m.len, &p) == 0 && p.type == L2TP_ZLB && p.tid == 3);

	CHECK(l2tp_parse(data, sizeof(data), &p) == 0);
	CHECK(!p.control && p.tid == 0x1234 && p.sid == 7);
	CHECK_EQ_UL(p.payload_len, 6);
	CHECK(p.payload[0] == 0xc0 && p.payload[1] == 0x21);

	n = l2tp_data(out, sizeof(out), 9, 4, data + 18, 6);
	CHECK(n == 14 && l2tp_parse(out, n, &p) == 0 && p.tid == 9 && p.sid == 4 &&
	      p.payload_len == 6);

	CHECK(l2tp_seq_before(65535, 0));
	CHECK(!l2tp_seq_before(0, 65535));
	CHECK(!l2tp_seq_before(4, 4));
}

/* one LNS packet into the client: protocol, code, id, data */
static void lns_says(struct ppp_client *c, unsigned proto, unsigned code, unsigned id,
		     const uint8_t *d, size_t len)
{
	uint8_t f[256] = { (uint8_t)(proto >> 8), (uint8_t)proto, (uint8_t)code, (uint8_t)id,
			   0, (uint8_t)(len + 4) };

	if (len)
		memcpy(f + 6, d, len);
	n_sent = 0;
	ppp_client_input(c, f, len + 6);
}

static void ppp_session(void)
{
	static const uint8_t mschap[] = { 3, 5, 0xc2, 0x23, 0x81, 5, 6, 1, 2, 3, 4 };
	static const uint8_t md5chap[] = { 3, 5, 0xc2, 0x23, 5, 5, 6, 1, 2, 3, 4 };
	static const uint8_t challenge[] = { 4, 0xde, 0xad, 0xbe, 0xef, 'l', 'n', 's' };
	static const uint8_t nak_addr[] = { 3, 6, 10, 20, 0, 7 };
	static const uint8_t their_addr[] = { 3, 6, 10, 10, 10, 1 };
	static const uint8_t echo[] = { 0x11, 0x22, 0x33, 0x44 };
	uint8_t hash[16], idb = 0x42;
	unsigned hl = 0;
	struct ppp_client c;
	EVP_MD_CTX *ctx;

	n_sent = 0;
	ppp_client_start(&c, "load", "load-pw", 0x01020304, record, NULL);
	CHECK(n_sent == 1 && sent[0][0] == 0xc0 && sent[0][1] == 0x21 && sent[0][2] == 1);
	CHECK(c.phase == PPP_PHASE_LCP);

	/* MS-CHAPv2 asked: a Nak proposing CHAP-MD5 */
	lns_says(&c, PPP_LCP, 1, 7, mschap, sizeof(mschap));
	CHECK(n_sent == 1 && sent[0][2] == 3 && sent[0][3] == 7 && sent[0][10] == 5);
	lns_says(&c, PPP_LCP, 1, 8, md5chap, sizeof(md5chap));
	CHECK(n_sent == 1 && sent[0][2] == 2 && sent[0][3] == 8);
	CHECK(c.auth == PPP_CHAP && c.phase == PPP_PHASE_LCP);
	lns_says(&c, PPP_LCP, 2, c.id, NULL, 0);
	CHECK(c.phase == PPP_PHASE_AUTH);

	/* the response is MD5(id, secret, challenge) and our name */
	lns_says(&c, PPP_CHAP, 1, idb, challenge, sizeof(challenge));
	ctx = EVP_MD_CTX_new();
	EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
	EVP_DigestUpdate(ctx, &idb, 1);
	EVP_DigestUpdate(ctx, "load-pw", 7);
	EVP_DigestUpdate(ctx, challenge + 1, 4);
	EVP_DigestFinal_ex(ctx, hash, &hl);
	EVP_MD_CTX_free(ctx);
	CHECK(n_sent == 1 && sent[0][0] == 0xc2 && sent[0][2] == 2 && sent[0][3] == 0x42);
	CHECK(sent[0][6] == 16 && !memcmp(sent[0] + 7, hash, 16) && !memcmp(sent[0] + 23, "load", 4));
	/* the LNS's Configure-Request again (it missed our ack): LCP anew, then CHAP again */
	lns_says(&c, PPP_LCP, 1, 9, md5chap, sizeof(md5chap));
	CHECK(c.phase == PPP_PHASE_LCP && c.renegotiations == 1);
	CHECK(n_sent == 2 && sent[0][2] == 1 && sent[1][2] == 2 && sent[1][3] == 9);
	lns_says(&c, PPP_LCP, 2, c.id, NULL, 0);
	CHECK(c.phase == PPP_PHASE_AUTH);
	lns_says(&c, PPP_CHAP, 3, idb, NULL, 0);
	CHECK(c.phase == PPP_PHASE_IPCP);
	CHECK(n_sent == 1 && sent[0][0] == 0x80 && sent[0][1] == 0x21 && sent[0][2] == 1);

	/* the LNS offers 10.20.0.7; we ask again with it, it acks; we ack its own address */
	lns_says(&c, PPP_IPCP, 3, c.id, nak_addr, sizeof(nak_addr));
	CHECK(n_sent == 1 && sent[0][2] == 1 && !memcmp(sent[0] + 8, nak_addr + 2, 4));
	lns_says(&c, PPP_IPCP, 2, c.id, nak_addr, sizeof(nak_addr));
	CHECK(c.phase == PPP_PHASE_IPCP);
	lns_says(&c, PPP_IPCP, 1, 3, their_addr, sizeof(their_addr));
	CHECK(n_sent == 1 && sent[0][2] == 2);
	CHECK(c.phase == PPP_PHASE_UP);

	/* echoes answered with our magic; CCP refused with a Protocol-Reject */
	lns_says(&c, PPP_LCP, 9, 0x33, echo, sizeof(echo));
	CHECK(n_sent == 1 && sent[0][2] == 10 && sent[0][3] == 0x33);
	CHECK(sent[0][6] == 1 && sent[0][7] == 2 && sent[0][8] == 3 && sent[0][9] == 4);
	lns_says(&c, 0x80fd, 1, 1, NULL, 0);
	CHECK(n_sent == 1 && sent[0][2] == 8 && sent[0][6] == 0x80 && sent[0][7] == 0xfd);

	lns_says(&c, PPP_LCP, 5, 9, NULL, 0);
	CHECK(n_sent == 1 && sent[0][2] == 6 && c.phase == PPP_PHASE_DOWN);
}

static void refused(void)
{
	static const uint8_t pap[] = { 3, 4, 0xc0, 0x23 };
	struct ppp_client c;

	ppp_client_start(&c, "load", "wrong", 1, record, NULL);
	lns_says(&c, PPP_LCP, 1, 1, pap, sizeof(pap));
	lns_says(&c, PPP_LCP, 2, c.id, NULL, 0);
	CHECK(c.phase == PPP_PHASE_AUTH && n_sent == 1 && sent[0][0] == 0xc0 && sent[0][1] == 0x23);
	CHECK(sent[0][6] == 4 && !memcmp(sent[0] + 7, "load", 4));
	lns_says(&c, PPP_PAP, 3, c.id, NULL, 0);
	CHECK(c.phase == PPP_PHASE_DOWN && strstr(c.why, "refused"));
	/* nothing after down */
	lns_says(&c, PPP_LCP, 9, 1, (const uint8_t *)"abcd", 4);
	CHECK(n_sent == 0);
	/* a malformed frame is ignored */
	ppp_client_start(&c, "load", "x", 1, record, NULL);
	lns_says(&c, PPP_LCP, 1, 1, (const uint8_t *)"\x03\x09", 2);
	CHECK(n_sent == 0 && c.phase == PPP_PHASE_LCP);
}

int main(void)
{
	messages();
	ppp_session();
	refused();
	return check_done("test_loadgen_proto");
}
