/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * RFC 2661 proxy LCP and authentication AVPs (section 4.4.5): what a LAC learnt from the
 * client's PPP before it switched the call into L2TP (the three LCP CONFREQs, the
 * authentication type, name, challenge, ID and response), so the LNS can skip or check LCP and
 * authenticate on the LAC's word. Values are checked strictly; an AVP that breaks a rule is an
 * error with a reason, never a partial result. The same information travels between xl2tpd and
 * pppd as a small text file (secret: written 0600).
 */
#ifndef L2TPSEC_PROXY_AVP_H
#define L2TPSEC_PROXY_AVP_H

#include <stddef.h>
#include <stdint.h>

enum proxy_attr {
	PROXY_LCP_INITIAL_RECEIVED = 26,
	PROXY_LCP_LAST_SENT = 27,
	PROXY_LCP_LAST_RECEIVED = 28,
	PROXY_AUTHEN_TYPE = 29,
	PROXY_AUTHEN_NAME = 30,
	PROXY_AUTHEN_CHALLENGE = 31,
	PROXY_AUTHEN_ID = 32,
	PROXY_AUTHEN_RESPONSE = 33,
};
#define PROXY_FIRST PROXY_LCP_INITIAL_RECEIVED
#define PROXY_LAST PROXY_AUTHEN_RESPONSE

enum proxy_authen_type {
	PROXY_AUTH_TEXT = 1, PROXY_AUTH_CHAP = 2, PROXY_AUTH_PAP = 3, PROXY_AUTH_NONE = 4,
	PROXY_AUTH_MSCHAPV1 = 5,
};

#define PROXY_LCP_MAX 1017	/* the longest AVP (1023) less its header */
#define PROXY_FIELD_MAX 255	/* names, challenges and responses: what PPP can carry */

struct proxy_info {
	uint32_t present;			/* 1u << (attr - PROXY_FIRST) */
	uint16_t lcp_len[3];			/* initial received, last sent, last received */
	uint8_t lcp[3][PROXY_LCP_MAX];		/* CONFREQ bodies: from the first option on */
	uint16_t authen_type;
	char authen_name[PROXY_FIELD_MAX + 1];
	uint8_t challenge_len, response_len;
	uint8_t challenge[PROXY_FIELD_MAX];
	uint8_t authen_id;
	uint8_t response[PROXY_FIELD_MAX];
};

#define PROXY_HAS(p, attr) (((p)->present >> ((attr) - PROXY_FIRST)) & 1u)

/* is attr one of the proxy AVPs? */
int proxy_avp_is(unsigned attr);

const char *proxy_avp_name(unsigned attr);
const char *proxy_authen_type_name(unsigned type);

/* take one AVP's value into p; 0, or -1 with *why (p unchanged) */
int proxy_avp_parse(struct proxy_info *p, unsigned attr, const uint8_t *value, size_t len,
		    const char **why);

/* the present AVPs, encoded as L2TP AVPs (M bit clear, vendor 0); bytes written or -1 */
int proxy_avps_encode(const struct proxy_info *p, uint8_t *buf, size_t len);

/* text form ("key value" lines, bytes in hex); length written (excluding NUL) or -1 */
int proxy_to_text(const struct proxy_info *p, char *buf, size_t len);

/* parse the text form strictly into p (cleared first); 0, or -1 with *why */
int proxy_from_text(struct proxy_info *p, const char *text, const char **why);

#endif
