/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * One LCP Configure-Request body (RFC 1661 section 6, the options from the first one on, as the
 * proxy LCP AVPs carry them) decoded into the values an LNS adopts: MRU, ACCM, authentication
 * protocol, magic number, PFC and ACFC. Options an LNS does not run are kept as a set of types
 * so the caller can say which. A body that breaks a length rule is refused with a reason.
 */
#ifndef L2TPSEC_LCP_CONF_H
#define L2TPSEC_LCP_CONF_H

#include <stddef.h>
#include <stdint.h>

enum lcp_opt {
	LCP_OPT_MRU = 1, LCP_OPT_ACCM = 2, LCP_OPT_AUTH = 3, LCP_OPT_QUALITY = 4,
	LCP_OPT_MAGIC = 5, LCP_OPT_PFC = 7, LCP_OPT_ACFC = 8, LCP_OPT_CALLBACK = 13,
	LCP_OPT_MRRU = 17, LCP_OPT_SSNHF = 18, LCP_OPT_ENDPOINT = 19,
};

/* authentication protocols as LCP names them (RFC 1334, 1994, 2433, 2759, 3748) */
enum lcp_auth {
	LCP_AUTH_NONE = 0, LCP_AUTH_PAP = 1 << 0, LCP_AUTH_CHAP_MD5 = 1 << 1,
	LCP_AUTH_MSCHAP = 1 << 2, LCP_AUTH_MSCHAP2 = 1 << 3, LCP_AUTH_EAP = 1 << 4,
	LCP_AUTH_OTHER = 1 << 5,	/* a protocol or CHAP algorithm nobody here speaks */
};

#define LCP_DEFAULT_MRU 1500	/* RFC 1661: what a peer may send when no MRU was agreed */
#define LCP_MIN_MRU 128		/* pppd's PPP_MINMRU: it Naks anything smaller */

struct lcp_conf {
	uint32_t present;	/* 1u << type, for every option type seen below 32 */
	uint32_t unknown;	/* the same, for types this decoder has no field for */
	int unknown_high;	/* a type of 32 or more was seen */
	uint16_t mru;
	uint32_t accm;
	enum lcp_auth auth;
	uint32_t magic;
};

#define LCP_HAS(c, type) (((c)->present >> (type)) & 1u)

/* decode a CONFREQ body into c (cleared first); 0, or -1 with *why */
int lcp_conf_parse(struct lcp_conf *c, const uint8_t *opts, size_t len, const char **why);

/* the MRU the sender of this CONFREQ may be sent: its own, or PPP's default */
uint16_t lcp_conf_mru(const struct lcp_conf *c);

/* "PAP", "CHAP-MD5", "MS-CHAP", "MS-CHAPv2", "EAP", "none", "unknown" */
const char *lcp_auth_name(enum lcp_auth auth);

#endif
