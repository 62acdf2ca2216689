/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * libFuzzer target for the LAC's RADIUS reply parser (common/radius_tunnel.c). The first octet
 * picks the code, the rest are the attributes; the harness signs the packet with the shared
 * secret as a server would (radius_response_sign: an unsigned one stops at the authenticator,
 * which the fuzzer cannot forge), half the time with a length field that lies. Invariants: a reply is taken only as an
 * Access-Accept/-Reject/-Challenge, its tunnels are L2TP with an endpoint, never more than the
 * tags allow, strings are terminated within their buffers, a password fits its buffer; a refusal
 * leaves nothing behind.
 */
#include <stdlib.h>
#include <string.h>

#include "../../common/radius_tunnel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char secret[] = "fuzz-secret";
static const uint8_t auth[16] = "0123456789abcdef";

static void check_string(const char *s, size_t size)
{
	if (!memchr(s, '\0', size))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t pkt[RADIUS_PACKET_MAX];
	static struct radius_reply r;
	const char *why;
	size_t len, claimed;

	if (size < 2 || size - 2 > RADIUS_PACKET_MAX - 20)
		return 0;
	len = 20 + size - 2;
	memset(pkt, 0, 20);
	pkt[0] = data[0] & 1 ? RADIUS_ACCESS_ACCEPT : data[0];
	pkt[1] = 7;
	memcpy(pkt + 20, data + 2, size - 2);
	claimed = data[1] & 0x80 ? len ^ (data[1] & 0x7f) : len;	/* a length field that lies */
	if (claimed >= 20 && claimed <= len) {
		radius_response_sign(pkt, claimed, auth, secret);	/* (the rest: padding) */
	} else {
		pkt[2] = (uint8_t)(claimed >> 8);
		pkt[3] = (uint8_t)claimed;
	}
	if (radius_parse_reply(pkt, len, 7, auth, secret, &r, &why)) {
		if (!why || r.ntunnels || r.code)
			abort();
		return 0;
	}
	if (r.code != RADIUS_ACCESS_ACCEPT && r.code != RADIUS_ACCESS_REJECT &&
	    r.code != RADIUS_ACCESS_CHALLENGE)
		abort();
	if (r.ntunnels > RADIUS_TUNNELS_MAX || (r.code != RADIUS_ACCESS_ACCEPT && r.ntunnels))
		abort();
	for (size_t i = 0; i < r.ntunnels; i++) {
		const struct radius_tunnel *t = &r.tunnels[i];

		if (t->type != RADIUS_TUNNEL_TYPE_L2TP || !t->server_endpoint[0] ||
		    t->password_len > sizeof(t->password) || t->tag > 31)
			abort();
		check_string(t->server_endpoint, sizeof(t->server_endpoint));
		check_string(t->client_auth_id, sizeof(t->client_auth_id));
		check_string(t->server_auth_id, sizeof(t->server_auth_id));
		check_string(t->assignment_id, sizeof(t->assignment_id));
	}
	check_string(r.skipped_why, sizeof(r.skipped_why));
	return 0;
}
