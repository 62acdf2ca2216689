/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proxy_avp.h"

static const char *const names[] = {
	"Initial Received LCP CONFREQ", "Last Sent LCP CONFREQ", "Last Received LCP CONFREQ",
	"Proxy Authen Type", "Proxy Authen Name", "Proxy Authen Challenge", "Proxy Authen ID",
	"Proxy Authen Response",
};

/* the keys of the text form, in attribute order */
static const char *const keys[] = {
	"lcp-initial-received", "lcp-last-sent", "lcp-last-received", "authen-type",
	"authen-name", "authen-challenge", "authen-id", "authen-response",
};

int proxy_avp_is(unsigned attr)
{
	return attr >= PROXY_FIRST && attr <= PROXY_LAST;
}

const char *proxy_avp_name(unsigned attr)
{
	return proxy_avp_is(attr) ? names[attr - PROXY_FIRST] : "not a proxy AVP";
}

const char *proxy_authen_type_name(unsigned type)
{
	static const char *const types[] = { "reserved", "textual username/password", "PPP CHAP",
					     "PPP PAP", "no authentication", "MS-CHAPv1" };

	return type < sizeof(types) / sizeof(types[0]) ? types[type] : "unknown";
}

/* a CONFREQ body: options of type, length (>= 2), data, exactly filling it */
static int lcp_options_ok(const uint8_t *v, size_t len)
{
	size_t off = 0;

	while (off < len) {
		if (len - off < 2 || v[off + 1] < 2 || v[off + 1] > len - off)
			return 0;
		off += v[off + 1];
	}
	return 1;
}

int proxy_avp_parse(struct proxy_info *p, unsigned attr, const uint8_t *value, size_t len,
		    const char **why)
{
	if (!proxy_avp_is(attr)) {
		*why = "not a proxy AVP";
		return -1;
	}
	if (PROXY_HAS(p, attr)) {
		*why = "repeated";
		return -1;
	}
	switch (attr) {
	case PROXY_LCP_INITIAL_RECEIVED:
	case PROXY_LCP_LAST_SENT:
	case PROXY_LCP_LAST_RECEIVED:
		if (len > PROXY_LCP_MAX) {
			*why = "longer than an AVP can be";
			return -1;
		}
		if (!lcp_options_ok(value, len)) {
			*why = "not a sequence of LCP options";
			return -1;
		}
		memcpy(p->lcp[attr - PROXY_FIRST], value, len);
		p->lcp_len[attr - PROXY_FIRST] = (uint16_t)len;
		break;
	case PROXY_AUTHEN_TYPE:
		if (len != 2) {
			*why = "length must be 2";
			return -1;
		}
		if (value[0] || value[1] < PROXY_AUTH_TEXT || value[1] > PROXY_AUTH_MSCHAPV1) {
			*why = "unknown authentication type";
			return -1;
		}
		p->authen_type = value[1];
		break;
	case PROXY_AUTHEN_NAME:
		if (!len || len > PROXY_FIELD_MAX || memchr(value, 0, len)) {
			*why = "must be 1 to 255 octets without NUL";
			return -1;
		}
		memcpy(p->authen_name, value, len);
		p->authen_name[len] = '\0';
		break;
	case PROXY_AUTHEN_CHALLENGE:
	case PROXY_AUTHEN_RESPONSE:
		if (!len || len > PROXY_FIELD_MAX) {
			*why = "must be 1 to 255 octets";
			return -1;
		}
		if (attr == PROXY_AUTHEN_CHALLENGE) {
			memcpy(p->challenge, value, len);
			p->challenge_len = (uint8_t)len;
		} else {
			memcpy(p->response, value, len);
			p->response_len = (uint8_t)len;
		}
		break;
	case PROXY_AUTHEN_ID:
		if (len != 2) {
			*why = "length must be 2";
			return -1;
		}
		p->authen_id = value[1];	/* the first octet is reserved */
		break;
	}
	p->present |= 1u << (attr - PROXY_FIRST);
	return 0;
}

/* the value of attr as p holds it */
static const uint8_t *value_of(const struct proxy_info *p, unsigned attr, uint8_t scratch[2],
			       size_t *len)
{
	switch (attr) {
	case PROXY_AUTHEN_TYPE:
		scratch[0] = (uint8_t)(p->authen_type >> 8);
		scratch[1] = (uint8_t)p->authen_type;
		*len = 2;
		return scratch;
	case PROXY_AUTHEN_NAME:
		*len = strlen(p->authen_name);
		return (const uint8_t *)p->authen_name;
	case PROXY_AUTHEN_CHALLENGE:
		*len = p->challenge_len;
		return p->challenge;
	case PROXY_AUTHEN_ID:
		scratch[0] = 0;
		scratch[1] = p->authen_id;
		*len = 2;
		return scratch;
	case PROXY_AUTHEN_RESPONSE:
		*len = p->response_len;
		return p->response;
	default:
		*len = p->lcp_len[attr - PROXY_FIRST];
		return p->lcp[attr - PROXY_FIRST];
	}
}

int proxy_avps_encode(const struct proxy_info *p, uint8_t *buf, size_t len)
{
	size_t off = 0;

	for (unsigned attr = PROXY_FIRST; attr <= PROXY_LAST; attr++) {
		uint8_t scratch[2];
		size_t vlen, alen;
		const uint8_t *v;

		if (!PROXY_HAS(p, attr))
			continue;
		v = value_of(p, attr, scratch, &vlen);
		alen = 6 + vlen;
		if (alen > len - off)
			return -1;
		/* RFC 2661 4.4.5: the M bit of every proxy AVP is 0 */
		buf[off] = (uint8_t)(alen >> 8);
		buf[off + 1] = (uint8_t)alen;
		buf[off + 2] = buf[off + 3] = 0;
		buf[off + 4] = 0;
		buf[off + 5] = (uint8_t)attr;
		memcpy(buf + off + 6, v, vlen);
		off += alen;
	}
	return (int)off;
}

static int hex_value(const uint8_t *v, size_t n, char *buf, size_t len)
{
	size_t off = 0;

	for (size_t i = 0; i < n; i++) {
		if (off + 3 > len)
			return -1;
		off += (size_t)snprintf(buf + off, len - off, "%02x", v[i]);
	}
	return (int)off;
}

int proxy_to_text(const struct proxy_info *p, char *buf, size_t len)
{
	size_t off = 0;

	for (unsigned attr = PROXY_FIRST; attr <= PROXY_LAST; attr++) {
		uint8_t scratch[2];
		size_t vlen;
		const uint8_t *v;
		int n;

		if (!PROXY_HAS(p, attr))
			continue;
		n = snprintf(buf + off, len - off, "%s ", keys[attr - PROXY_FIRST]);
		if (n < 0 || (size_t)n >= len - off)
			return -1;
		off += (size_t)n;
		if (attr == PROXY_AUTHEN_TYPE || attr == PROXY_AUTHEN_ID) {
			n = snprintf(buf + off, len - off, "%u",
				     attr == PROXY_AUTHEN_TYPE ? p->authen_type : p->authen_id);
		} else {
			v = value_of(p, attr, scratch, &vlen);
			n = hex_value(v, vlen, buf + off, len - off);
		}
		if (n < 0 || (size_t)n + 2 > len - off)
			return -1;
		off += (size_t)n;
		buf[off++] = '\n';
		buf[off] = '\0';
	}
	if (!off && len)
		buf[0] = '\0';
	return (int)off;
}

static unsigned hex_digit(char c)
{
	return c >= '0' && c <= '9' ? (unsigned)(c - '0') :
	       c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) : 99;
}

static int unhex(const char *s, size_t n, uint8_t *out, size_t max, size_t *outlen)
{
	if (n % 2 || n / 2 > max)
		return -1;
	for (size_t i = 0; i < n; i += 2) {
		unsigned hi, lo;
		char a = s[i], b = s[i + 1];

		hi = hex_digit(a);
		lo = hex_digit(b);
		if (hi > 15 || lo > 15)
			return -1;
		out[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	*outlen = n / 2;
	return 0;
}

static int parse_text(struct proxy_info *p, const char *text, const char **why)
{
	static uint8_t v[PROXY_LCP_MAX];
	const char *line = text;

	memset(p, 0, sizeof(*p));
	while (*line) {
		const char *end = strchr(line, '\n'), *sp;
		size_t n = end ? (size_t)(end - line) : strlen(line), klen, vlen = 0;
		unsigned attr;

		sp = memchr(line, ' ', n);
		if (!sp) {
			*why = "a line is not 'key value'";
			return -1;
		}
		klen = (size_t)(sp - line);
		for (attr = PROXY_FIRST; attr <= PROXY_LAST; attr++)
			if (strlen(keys[attr - PROXY_FIRST]) == klen &&
			    !memcmp(keys[attr - PROXY_FIRST], line, klen))
				break;
		if (attr > PROXY_LAST) {
			*why = "unknown key";
			return -1;
		}
		sp++;
		n -= klen + 1;
		if (attr == PROXY_AUTHEN_TYPE || attr == PROXY_AUTHEN_ID) {
			unsigned long x = 0;

			if (!n || n > 5) {
				*why = "bad number";
				return -1;
			}
			for (size_t i = 0; i < n; i++) {
				if (sp[i] < '0' || sp[i] > '9') {
					*why = "bad number";
					return -1;
				}
				x = x * 10 + (unsigned long)(sp[i] - '0');
			}
			if (x > (attr == PROXY_AUTHEN_ID ? 255ul : 65535ul)) {
				*why = "number out of range";
				return -1;
			}
			v[0] = (uint8_t)(x >> 8);
			v[1] = (uint8_t)x;
			if (attr == PROXY_AUTHEN_ID)
				v[0] = 0;
			vlen = 2;
		} else if (unhex(sp, n, v, sizeof(v), &vlen)) {
			*why = "bad hex value";
			return -1;
		}
		if (proxy_avp_parse(p, attr, v, vlen, why))
			return -1;
		line = end ? end + 1 : line + strlen(line);
	}
	return 0;
}

int proxy_from_text(struct proxy_info *p, const char *text, const char **why)
{
	if (parse_text(p, text, why)) {
		memset(p, 0, sizeof(*p));	/* all or nothing */
		return -1;
	}
	return 0;
}
