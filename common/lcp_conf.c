/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <string.h>

#include "lcp_conf.h"

#define PROTO_PAP 0xc023
#define PROTO_CHAP 0xc223
#define PROTO_EAP 0xc227
#define CHAP_ALG_MD5 5
#define CHAP_ALG_MSCHAP 0x80
#define CHAP_ALG_MSCHAP2 0x81

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static enum lcp_auth auth_of(const uint8_t *data, size_t len)
{
	unsigned proto = (unsigned)data[0] << 8 | data[1];

	if (proto == PROTO_PAP && len == 2)
		return LCP_AUTH_PAP;
	if (proto == PROTO_EAP && len == 2)
		return LCP_AUTH_EAP;
	if (proto != PROTO_CHAP || len != 3)
		return LCP_AUTH_OTHER;
	switch (data[2]) {
	case CHAP_ALG_MD5:
		return LCP_AUTH_CHAP_MD5;
	case CHAP_ALG_MSCHAP:
		return LCP_AUTH_MSCHAP;
	case CHAP_ALG_MSCHAP2:
		return LCP_AUTH_MSCHAP2;
	default:
		return LCP_AUTH_OTHER;
	}
}

/* the exact data length an option this decoder knows must have; -1: at least 2 (auth) */
static int fixed_len(unsigned type)
{
	switch (type) {
	case LCP_OPT_MRU:
		return 2;
	case LCP_OPT_ACCM:
	case LCP_OPT_MAGIC:
		return 4;
	case LCP_OPT_PFC:
	case LCP_OPT_ACFC:
		return 0;
	case LCP_OPT_AUTH:
		return -1;
	default:
		return -2;	/* not decoded */
	}
}

static int take(struct lcp_conf *c, unsigned type, const uint8_t *data, size_t len,
		const char **why)
{
	int want = fixed_len(type);

	if (type < 32 && LCP_HAS(c, type)) {
		*why = "an option appears twice";
		return -1;
	}
	if (type >= 32)
		c->unknown_high = 1;
	else
		c->present |= 1u << type;
	if (want == -2) {
		if (type < 32)
			c->unknown |= 1u << type;
		return 0;
	}
	if ((want >= 0 && len != (size_t)want) || (want == -1 && len < 2)) {
		*why = "an option has the wrong length for its type";
		return -1;
	}
	switch (type) {
	case LCP_OPT_MRU:
		c->mru = (uint16_t)(data[0] << 8 | data[1]);
		break;
	case LCP_OPT_ACCM:
		c->accm = get32(data);
		break;
	case LCP_OPT_MAGIC:
		c->magic = get32(data);
		if (!c->magic) {
			*why = "magic number 0 (RFC 1661 forbids it)";
			return -1;
		}
		break;
	case LCP_OPT_AUTH:
		c->auth = auth_of(data, len);
		break;
	}
	return 0;
}

int lcp_conf_parse(struct lcp_conf *c, const uint8_t *opts, size_t len, const char **why)
{
	size_t off = 0;

	memset(c, 0, sizeof(*c));
	while (off < len) {
		if (len - off < 2 || opts[off + 1] < 2 || opts[off + 1] > len - off) {
			*why = "an option runs past the end of the CONFREQ";
			memset(c, 0, sizeof(*c));
			return -1;
		}
		if (take(c, opts[off], opts + off + 2, (size_t)opts[off + 1] - 2, why)) {
			memset(c, 0, sizeof(*c));
			return -1;
		}
		off += opts[off + 1];
	}
	return 0;
}

uint16_t lcp_conf_mru(const struct lcp_conf *c)
{
	return LCP_HAS(c, LCP_OPT_MRU) ? c->mru : LCP_DEFAULT_MRU;
}

const char *lcp_auth_name(enum lcp_auth auth)
{
	switch (auth) {
	case LCP_AUTH_NONE:
		return "none";
	case LCP_AUTH_PAP:
		return "PAP";
	case LCP_AUTH_CHAP_MD5:
		return "CHAP-MD5";
	case LCP_AUTH_MSCHAP:
		return "MS-CHAP";
	case LCP_AUTH_MSCHAP2:
		return "MS-CHAPv2";
	case LCP_AUTH_EAP:
		return "EAP";
	default:
		return "unknown";
	}
}
