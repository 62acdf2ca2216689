/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Crypto socket text forms: endpoints parse and print back, bad ones are refused, messages
 * render as one line with every attribute.
 */
#include <string.h>

#include "check.h"
#include "../../common/cs_text.h"

static void endpoint_roundtrip(const char *text, const char *want)
{
	struct cs_endpoint ep;
	char buf[64];

	CHECK(cs_parse_endpoint(text, &ep) == 0);
	cs_format_endpoint(&ep, buf, sizeof(buf));
	CHECK(!strcmp(buf, want));
}

int main(void)
{
	struct cs_endpoint ep;
	struct cs_msg m;
	char line[512];

	endpoint_roundtrip("10.0.0.12:1701", "10.0.0.12:1701");
	endpoint_roundtrip("10.0.0.12", "10.0.0.12:0");
	endpoint_roundtrip("[2001:db8::1]:49152", "[2001:db8::1]:49152");
	endpoint_roundtrip("2001:db8::1", "[2001:db8::1]:0");
	endpoint_roundtrip("[::]", "[::]:0");
	CHECK(cs_parse_endpoint("10.0.0.12:1701", &ep) == 0 && ep.family == 4 && ep.port == 1701);
	CHECK(cs_parse_endpoint("10.0.0.256:1701", &ep) == -1);
	CHECK(cs_parse_endpoint("10.0.0.1:65536", &ep) == -1);
	CHECK(cs_parse_endpoint("10.0.0.1:-1", &ep) == -1);
	CHECK(cs_parse_endpoint("10.0.0.1:", &ep) == -1);
	CHECK(cs_parse_endpoint(":1701", &ep) == -1);
	CHECK(cs_parse_endpoint("[2001:db8::1", &ep) == -1);
	CHECK(cs_parse_endpoint("[2001:db8::1]x", &ep) == -1);
	CHECK(cs_parse_endpoint("", &ep) == -1);

	memset(&m, 0, sizeof(m));
	m.type = CS_SECURED;
	m.present = 1u << CS_A_ID | 1u << CS_A_LOCAL | 1u << CS_A_REMOTE | 1u << CS_A_SPI_IN |
		    1u << CS_A_SPI_OUT | 1u << CS_A_ENC | 1u << CS_A_INTEG | 1u << CS_A_OVERHEAD |
		    1u << CS_A_REQID;
	m.id = 7;
	cs_parse_endpoint("10.0.0.12:1701", &m.local);
	cs_parse_endpoint("10.0.0.13:1701", &m.remote);
	m.spi_in = 0xc1a2b3d4;
	m.spi_out = 0x0000abcd;
	strcpy(m.enc, "DES_CBC");
	strcpy(m.integ, "HMAC_SHA1_96");
	m.overhead = 37;
	m.reqid = 3;
	cs_format_msg(&m, line, sizeof(line));
	CHECK(!strcmp(line, "SECURED id=7 local=10.0.0.12:1701 remote=10.0.0.13:1701 "
		"spi_in=c1a2b3d4 spi_out=0000abcd enc=DES_CBC integ=HMAC_SHA1_96 overhead=37 reqid=3"));
	cs_format_msg(&m, line, 12);		/* truncated, still terminated */
	CHECK(strlen(line) == 11);

	memset(&m, 0, sizeof(m));
	m.type = CS_CLOSED;
	m.present = 1u << CS_A_ID | 1u << CS_A_REASON;
	m.id = 9;
	m.reason = CS_REASON_DPD;
	cs_format_msg(&m, line, sizeof(line));
	CHECK(!strcmp(line, "CLOSED id=9 reason=4 (dead peer)"));

	/* SHOW selectors from words: --json spelled as the plugin reads it; too long refused */
	{
		char *words[] = { "crypto", "map", "tag", "l2tpsec", "--json" }, small[8];

		CHECK(cs_join_selector(line, sizeof(line), words, 5) == 0);
		CHECK(!strcmp(line, "crypto map tag l2tpsec json"));
		CHECK(cs_join_selector(line, sizeof(line), words, 0) == 0 && !line[0]);
		CHECK(cs_join_selector(small, sizeof(small), words, 2) == -1);
		CHECK(cs_join_selector(small, sizeof(small), words, 1) == 0);
	}
	return check_done("test_cs_text");
}
