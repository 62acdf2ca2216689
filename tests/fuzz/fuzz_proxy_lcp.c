/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * libFuzzer target for the LNS's proxy LCP rules: any bytes become proxy data (the text form
 * xl2tpd hands pppd, or raw CONFREQ bodies with a policy picked from the first octets) and go
 * through the CONFREQ decoder and the decision. Invariants: a decision is one of the three
 * actions, only ADOPT carries an authentication step, NEGOTIATE and REFUSE say why, a refusal
 * happens only without lcp renegotiation, and adopting the same data twice decides the same.
 */
#include <stdlib.h>
#include <string.h>

#include "../../common/proxy_lcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void decide_and_check(const struct proxy_info *p, const struct proxy_policy *pol)
{
	static struct proxy_decision d, again;

	proxy_decide(p, pol, &d);
	if (d.action != PROXY_ADOPT && d.action != PROXY_NEGOTIATE && d.action != PROXY_REFUSE)
		abort();
	if (d.action != PROXY_ADOPT && d.auth != PROXY_AUTH_SKIP)
		abort();
	if (d.action != PROXY_ADOPT && !d.why[0])
		abort();
	if (d.action == PROXY_REFUSE && pol->mode != L2TPSEC_LCP_OFF)
		abort();
	if (memchr(d.why, '\0', sizeof(d.why)) == NULL)
		abort();
	proxy_decide(p, pol, &again);
	if (again.action != d.action || again.auth != d.auth || strcmp(again.why, d.why))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct proxy_info p;
	static char text[16384];
	struct proxy_policy pol;
	struct lcp_conf c;
	const char *why;
	size_t half;

	if (size < 4)
		return 0;
	memset(&pol, 0, sizeof(pol));
	pol.mode = (enum l2tpsec_lcp)(data[0] % 3);
	pol.proxy_auth = data[0] >> 2 & 1;
	pol.force_local_chap = data[0] >> 3 & 1;
	pol.auth_required = data[0] >> 4 & 1;
	pol.multilink = data[0] >> 5 & 1;
	pol.auth_allowed = data[1] & 0x3f;
	pol.mru = (uint16_t)(data[2] << 8 | data[3]);
	data += 4;
	size -= 4;

	/* the decoder alone: never reads past the body, a refusal leaves nothing behind */
	if (lcp_conf_parse(&c, data, size, &why) && (c.present || c.unknown || c.unknown_high))
		abort();

	/* the text form, as pppd reads it from xl2tpd */
	if (size < sizeof(text)) {
		memcpy(text, data, size);
		text[size] = '\0';
		if (!proxy_from_text(&p, text, &why))
			decide_and_check(&p, &pol);
	}

	/* raw bodies as the LAC's Last Sent and the client's Last Received CONFREQ */
	memset(&p, 0, sizeof(p));
	half = size / 2;
	if (half <= PROXY_LCP_MAX && size - half <= PROXY_LCP_MAX) {
		memcpy(p.lcp[PROXY_LCP_LAST_SENT - PROXY_FIRST], data, half);
		p.lcp_len[PROXY_LCP_LAST_SENT - PROXY_FIRST] = (uint16_t)half;
		memcpy(p.lcp[PROXY_LCP_LAST_RECEIVED - PROXY_FIRST], data + half, size - half);
		p.lcp_len[PROXY_LCP_LAST_RECEIVED - PROXY_FIRST] = (uint16_t)(size - half);
		p.present = 1u << (PROXY_LCP_LAST_SENT - PROXY_FIRST) |
			    1u << (PROXY_LCP_LAST_RECEIVED - PROXY_FIRST);
		decide_and_check(&p, &pol);
	}
	return 0;
}
