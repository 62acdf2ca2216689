/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The crypto socket codec: every message survives a round trip, every partial frame asks for
 * more, and the strict decoder refuses each kind of malformed input with a reason.
 */
#include <stdlib.h>
#include <string.h>

#include "../../common/cs_build.h"
#include "../../common/cs_proto.h"
#include "check.h"

#define B(a) (1u << (a))

static struct cs_endpoint ep4(uint8_t last, uint16_t port)
{
	struct cs_endpoint e = { .family = 4, .addr = { 10, 0, 0, last }, .port = port };

	return e;
}

static void roundtrip(const struct cs_msg *m)
{
	uint8_t buf[CS_MAX_FRAME];
	struct cs_msg d;
	const char *why;
	int n = cs_encode(m, buf, sizeof(buf));

	CHECK(n > CS_HEADER);
	if (n <= 0)
		return;
	CHECK_EQ_UL(cs_decode(buf, (size_t)n, &d, &why), (unsigned long)n);
	CHECK(why == NULL);
	CHECK(d.type == m->type && d.present == m->present);
	CHECK(d.id == m->id && !strcmp(d.profile, m->profile) && !strcmp(d.text, m->text));
	CHECK(!memcmp(&d.local, &m->local, sizeof(d.local)) &&
	      !memcmp(&d.remote, &m->remote, sizeof(d.remote)));
	CHECK(d.spi_in == m->spi_in && d.spi_out == m->spi_out && d.overhead == m->overhead);
	CHECK(d.reqid == m->reqid);
	CHECK(d.keep_sa == m->keep_sa && d.reason == m->reason && d.secured == m->secured);
	CHECK(d.plaintext == m->plaintext);
	CHECK(!strcmp(d.enc, m->enc) && !strcmp(d.integ, m->integ) && !strcmp(d.error, m->error));
	/* every shorter prefix is "need more", never an error */
	for (int k = 0; k < n; k++) {
		int r = cs_decode(buf, (size_t)k, &d, &why);

		if (r != 0) {
			CHECK(r == 0);
			break;
		}
	}
}

static void test_roundtrips(void)
{
	struct cs_msg m;

	memset(&m, 0, sizeof(m));
	m.type = CS_OPEN;
	m.present = B(CS_A_ID) | B(CS_A_PROFILE) | B(CS_A_LOCAL) | B(CS_A_REMOTE) | B(CS_A_KEEP_SA);
	m.id = 0xdeadbeef;
	strcpy(m.profile, "l2tp");
	m.local = ep4(12, 1701);
	m.remote = ep4(13, 1701);
	m.keep_sa = 1;
	roundtrip(&m);

	memset(&m, 0, sizeof(m));
	m.type = CS_SECURED;
	m.present = B(CS_A_ID) | B(CS_A_PROFILE) | B(CS_A_LOCAL) | B(CS_A_REMOTE) | B(CS_A_SPI_IN) |
		    B(CS_A_SPI_OUT) | B(CS_A_ENC) | B(CS_A_INTEG) | B(CS_A_OVERHEAD) | B(CS_A_REQID);
	m.id = 7;
	strcpy(m.profile, "l2tp");
	m.local.family = 6;
	m.local.addr[15] = 1;
	m.local.port = 1701;
	m.remote.family = 6;
	m.remote.addr[15] = 2;
	m.remote.port = 53124;		/* macOS: an ephemeral source port */
	m.spi_in = 0xc1234567;
	m.spi_out = 0x89abcdef;
	strcpy(m.enc, "DES_CBC");
	strcpy(m.integ, "HMAC_SHA1_96");
	m.overhead = 58;
	m.reqid = 0x10000001;
	roundtrip(&m);

	memset(&m, 0, sizeof(m));
	m.type = CS_CLOSED;
	m.present = B(CS_A_ID) | B(CS_A_REASON);
	m.id = 7;
	m.reason = CS_REASON_DPD;
	roundtrip(&m);
	CHECK(!strcmp(cs_reason_name(CS_REASON_DPD), "dead peer"));
	CHECK(!strcmp(cs_type_name(CS_CLOSED), "CLOSED"));

	memset(&m, 0, sizeof(m));
	m.type = CS_SHOW_REPLY;
	m.present = B(CS_A_TEXT);
	memset(m.text, 'x', sizeof(m.text) - 1);	/* the longest text there is */
	roundtrip(&m);
	strcpy(m.text, "ID\tInterface\n1\teth0\n");	/* show output: tabs and lines */
	roundtrip(&m);

	memset(&m, 0, sizeof(m));
	m.type = CS_LISTEN;
	m.present = B(CS_A_PROFILE) | B(CS_A_LOCAL);
	strcpy(m.profile, "dial-in");
	m.local = ep4(13, 1701);
	roundtrip(&m);
}

/* the encoder refuses what the decoder would refuse */
static void test_encode_refuses(void)
{
	uint8_t buf[CS_MAX_FRAME];
	struct cs_msg m;

	memset(&m, 0, sizeof(m));
	m.type = CS_OPEN;
	m.present = B(CS_A_ID) | B(CS_A_PROFILE);		/* no endpoints */
	strcpy(m.profile, "l2tp");
	CHECK(cs_encode(&m, buf, sizeof(buf)) == -1);
	m.type = CS_CLOSE;
	m.present = B(CS_A_ID) | B(CS_A_PROFILE);		/* PROFILE not allowed in CLOSE */
	CHECK(cs_encode(&m, buf, sizeof(buf)) == -1);
	m.present = B(CS_A_ID) | B(CS_A_KEEP_SA);
	m.keep_sa = 2;						/* not a boolean */
	CHECK(cs_encode(&m, buf, sizeof(buf)) == -1);
	m.keep_sa = 1;
	CHECK(cs_encode(&m, buf, 6) == -1);			/* buffer too small */
	CHECK(cs_encode(&m, buf, sizeof(buf)) > 0);
	m.type = 99;
	CHECK(cs_encode(&m, buf, sizeof(buf)) == -1);
	memset(&m, 0, sizeof(m));
	m.type = CS_ERROR;
	m.present = B(CS_A_ERROR);
	strcpy(m.error, "bad\nline");				/* control byte */
	CHECK(cs_encode(&m, buf, sizeof(buf)) == -1);
	m.type = CS_SHOW_REPLY;
	m.present = B(CS_A_TEXT);
	strcpy(m.text, "escape\033[2J");			/* only tab and LF in text */
	CHECK(cs_encode(&m, buf, sizeof(buf)) == -1);
}

/* decode(bytes) must fail with this reason */
static void refuse(const uint8_t *bytes, size_t len, const char *want)
{
	struct cs_msg m;
	const char *why;

	CHECK(cs_decode(bytes, len, &m, &why) == -1);
	CHECK(why && !strcmp(why, want));
	if (!why || strcmp(why, want))
		fprintf(stderr, "  wanted '%s', got '%s'\n", want, why ? why : "(none)");
}

static void test_decode_refuses(void)
{
	/* CLOSE id=1: 01 03 0006 | 01 04 00000001 */
	static const uint8_t ok[] = { 1, CS_CLOSE, 0, 6, CS_A_ID, 4, 0, 0, 0, 1 };
	uint8_t b[64];
	struct cs_msg m;
	const char *why;

	CHECK(cs_decode(ok, sizeof(ok), &m, &why) == (int)sizeof(ok) && m.id == 1);
	memcpy(b, ok, sizeof(ok)); b[0] = 2;
	refuse(b, sizeof(ok), "unsupported protocol version");
	memcpy(b, ok, sizeof(ok)); b[1] = 200;
	refuse(b, sizeof(ok), "unknown message type");
	memcpy(b, ok, sizeof(ok)); b[2] = 0x20;
	refuse(b, sizeof(ok), "frame too long");
	memcpy(b, ok, sizeof(ok)); b[4] = 77;
	refuse(b, sizeof(ok), "unknown attribute");
	memcpy(b, ok, sizeof(ok)); b[4] = CS_A_PROFILE;
	refuse(b, sizeof(ok), "attribute not allowed in this message");
	memcpy(b, ok, sizeof(ok)); b[5] = 5;
	refuse(b, sizeof(ok), "attribute longer than the frame");
	memcpy(b, ok, sizeof(ok)); b[5] = 2; b[3] = 4;
	refuse(b, 8, "integer attribute of the wrong size");
	memcpy(b, ok, sizeof(ok)); b[3] = 1;
	refuse(b, 5, "truncated attribute");
	/* repeated ID */
	memcpy(b, ok, sizeof(ok)); memcpy(b + 10, ok + 4, 6); b[3] = 12;
	refuse(b, 16, "repeated attribute");
	/* no ID at all: KEEP_SA only */
	{
		static const uint8_t f[] = { 1, CS_CLOSE, 0, 3, CS_A_KEEP_SA, 1, 1 };
		static const uint8_t g[] = { 1, CS_CLOSE, 0, 9, CS_A_ID, 4, 0, 0, 0, 1, CS_A_KEEP_SA, 1, 3 };
		static const uint8_t h[] = { 1, CS_QUERY, 0, 10, CS_A_LOCAL, 8, 4, 10, 0, 0, 1, 6, 0xa5, 0,
					     0, 0 };
		static const uint8_t i[] = { 1, CS_LISTEN, 0, 13, CS_A_PROFILE, 2, 'a', 0x07, CS_A_LOCAL, 7,
					     4, 10, 0, 0, 1, 6, 0xa5 };
		static const uint8_t j[] = { 1, CS_LISTEN, 0, 11, CS_A_PROFILE, 0, CS_A_LOCAL, 7,
					     4, 10, 0, 0, 1, 6, 0xa5 };
		static const uint8_t k[] = { 1, CS_CLOSED, 0, 9, CS_A_ID, 4, 0, 0, 0, 1, CS_A_REASON, 1, 9 };

		refuse(f, sizeof(f), "required attribute missing");
		refuse(g, sizeof(g), "boolean attribute not 0 or 1");
		refuse(h, 14, "malformed endpoint");
		refuse(i, sizeof(i), "string with control or non-ASCII bytes");
		refuse(j, sizeof(j), "empty profile name");
		refuse(k, sizeof(k), "unknown close reason");
	}
}

/* every constructor builds a message the strict codec takes, and it decodes to the same */
static void test_constructors(void)
{
	struct cs_endpoint local = { .family = 4, .addr = { 10, 0, 0, 12 }, .port = 1701 };
	struct cs_endpoint remote = { .family = 4, .addr = { 10, 0, 0, 13 }, .port = 1701 };
	struct cs_msg *m = calloc(16, sizeof(*m)), *back = calloc(1, sizeof(*back));
	uint8_t frame[CS_MAX_FRAME];
	const char *why;
	int n = 0, len;

	cs_build_listen(&m[n++], "l2tp", &local, 0);
	cs_build_listen(&m[n++], "l2tp", &local, 1);
	cs_build_open(&m[n++], 1, "l2tp", &local, &remote, CS_KEEP_SA_UNSET);
	cs_build_open(&m[n++], 2, "l2tp", &local, &remote, 1);
	cs_build_close(&m[n++], 2, 0);
	cs_build_query(&m[n++], &local, &remote);
	cs_build_show(&m[n++], "crypto map json");
	cs_build_ok(&m[n++], 0);
	cs_build_error(&m[n++], 3, "no such crypto profile");
	cs_build_secured(&m[n], 0x80000000u, "l2tp", &local, &remote);
	cs_build_facts(&m[n++], 1, 2, "AES_GCM_16-128", "", 40, 7);
	cs_build_closed(&m[n++], 5, CS_REASON_DPD);
	cs_build_status(&m[n++], &local, &remote, 0, 7);
	cs_build_show_reply(&m[n++], "Crypto Map\n", 11);
	for (int i = 0; i < n; i++) {
		len = cs_encode(&m[i], frame, sizeof(frame));
		CHECK(len > 0);
		CHECK(len > 0 && cs_decode(frame, (size_t)len, back, &why) == len);
		CHECK(back->type == m[i].type && back->present == m[i].present && back->id == m[i].id);
	}
	CHECK(!CS_HAS(&m[0], CS_A_PLAINTEXT) && CS_HAS(&m[1], CS_A_PLAINTEXT) && m[1].plaintext);
	CHECK(CS_HAS(&m[2], CS_A_KEEP_SA) == 0 && CS_HAS(&m[3], CS_A_KEEP_SA) && m[3].keep_sa == 1);
	CHECK(!CS_HAS(&m[9], CS_A_INTEG) && CS_HAS(&m[9], CS_A_ENC));	/* an AEAD: no integrity */
	CHECK(!CS_HAS(&m[11], CS_A_ID));	/* not secured: no id */
	free(m);
	free(back);
}

int main(void)
{
	test_constructors();
	test_roundtrips();
	test_encode_refuses();
	test_decode_refuses();
	return check_done("test_cs_proto");
}
