/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "cs_proto.h"

#include <string.h>

/* how each attribute is carried */
enum kind { K_U8, K_U16, K_U32, K_STR, K_EP };

static const struct {
	enum kind kind;
	size_t max;		/* for strings: buffer size including the NUL */
} attrs[CS_A_MAX + 1] = {
	[CS_A_ID] = { K_U32, 0 }, [CS_A_PROFILE] = { K_STR, 65 }, [CS_A_LOCAL] = { K_EP, 0 },
	[CS_A_REMOTE] = { K_EP, 0 }, [CS_A_KEEP_SA] = { K_U8, 0 }, [CS_A_REASON] = { K_U8, 0 },
	[CS_A_SPI_IN] = { K_U32, 0 }, [CS_A_SPI_OUT] = { K_U32, 0 }, [CS_A_ENC] = { K_STR, 33 },
	[CS_A_INTEG] = { K_STR, 33 }, [CS_A_OVERHEAD] = { K_U16, 0 }, [CS_A_ERROR] = { K_STR, 129 },
	[CS_A_TEXT] = { K_STR, sizeof(((struct cs_msg *)0)->text) }, [CS_A_SECURED] = { K_U8, 0 },
	[CS_A_REQID] = { K_U32, 0 }, [CS_A_PLAINTEXT] = { K_U8, 0 },
};

#define B(a) (1u << (a))

/* per message: which attributes it must carry, and which it may */
static const struct {
	uint8_t type;
	const char *name;
	uint32_t required, allowed;
} messages[] = {
	{ CS_LISTEN, "LISTEN", B(CS_A_PROFILE) | B(CS_A_LOCAL), B(CS_A_PLAINTEXT) },
	{ CS_OPEN, "OPEN", B(CS_A_ID) | B(CS_A_PROFILE) | B(CS_A_LOCAL) | B(CS_A_REMOTE),
	  B(CS_A_KEEP_SA) },
	{ CS_CLOSE, "CLOSE", B(CS_A_ID), B(CS_A_KEEP_SA) },
	{ CS_QUERY, "QUERY", B(CS_A_LOCAL) | B(CS_A_REMOTE), 0 },
	{ CS_SHOW, "SHOW", B(CS_A_TEXT), 0 },
	{ CS_OK, "OK", B(CS_A_ID), 0 },
	{ CS_ERROR, "ERROR", B(CS_A_ERROR), B(CS_A_ID) },
	{ CS_SECURED, "SECURED", B(CS_A_ID) | B(CS_A_PROFILE) | B(CS_A_LOCAL) | B(CS_A_REMOTE) | B(CS_A_SPI_IN) |
	  B(CS_A_SPI_OUT) | B(CS_A_ENC) | B(CS_A_OVERHEAD) | B(CS_A_REQID), B(CS_A_INTEG) },
	{ CS_CLOSED, "CLOSED", B(CS_A_ID) | B(CS_A_REASON), 0 },
	{ CS_STATUS, "STATUS", B(CS_A_LOCAL) | B(CS_A_REMOTE) | B(CS_A_SECURED),
	  B(CS_A_ID) | B(CS_A_SPI_IN) | B(CS_A_SPI_OUT) | B(CS_A_ENC) | B(CS_A_INTEG) |
	  B(CS_A_OVERHEAD) | B(CS_A_REQID) },
	{ CS_SHOW_REPLY, "SHOW_REPLY", B(CS_A_TEXT), 0 },
};

static int message_index(uint8_t type)
{
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++)
		if (messages[i].type == type)
			return (int)i;
	return -1;
}

const char *cs_type_name(uint8_t type)
{
	int i = message_index(type);

	return i < 0 ? "?" : messages[i].name;
}

const char *cs_reason_name(uint8_t reason)
{
	static const char *const names[] = {
		[CS_REASON_CLOSED] = "closed", [CS_REASON_DELETED] = "deleted by peer",
		[CS_REASON_EXPIRED] = "expired", [CS_REASON_DPD] = "dead peer",
		[CS_REASON_SHUTDOWN] = "charon stopping", [CS_REASON_FAILED] = "negotiation failed",
	};

	return reason >= 1 && reason <= CS_REASON_MAX ? names[reason] : "?";
}

static const char *field_str(const struct cs_msg *m, int a)
{
	switch (a) {
	case CS_A_PROFILE: return m->profile;
	case CS_A_ENC: return m->enc;
	case CS_A_INTEG: return m->integ;
	case CS_A_ERROR: return m->error;
	case CS_A_TEXT: return m->text;
	}
	return NULL;
}

static char *field_buf(struct cs_msg *m, int a)
{
	return (char *)field_str(m, a);
}

static uint32_t field_int(const struct cs_msg *m, int a)
{
	switch (a) {
	case CS_A_ID: return m->id;
	case CS_A_KEEP_SA: return m->keep_sa;
	case CS_A_REASON: return m->reason;
	case CS_A_SPI_IN: return m->spi_in;
	case CS_A_SPI_OUT: return m->spi_out;
	case CS_A_OVERHEAD: return m->overhead;
	case CS_A_SECURED: return m->secured;
	case CS_A_REQID: return m->reqid;
	case CS_A_PLAINTEXT: return m->plaintext;
	}
	return 0;
}

static void set_int(struct cs_msg *m, int a, uint32_t v)
{
	switch (a) {
	case CS_A_ID: m->id = v; break;
	case CS_A_KEEP_SA: m->keep_sa = (uint8_t)v; break;
	case CS_A_REASON: m->reason = (uint8_t)v; break;
	case CS_A_SPI_IN: m->spi_in = v; break;
	case CS_A_SPI_OUT: m->spi_out = v; break;
	case CS_A_OVERHEAD: m->overhead = (uint16_t)v; break;
	case CS_A_SECURED: m->secured = (uint8_t)v; break;
	case CS_A_REQID: m->reqid = v; break;
	case CS_A_PLAINTEXT: m->plaintext = (uint8_t)v; break;
	}
}

static size_t ep_len(uint8_t family)
{
	return family == 4 ? 1 + 4 + 2 : family == 6 ? 1 + 16 + 2 : 0;
}

/*
 * printable ASCII only: these strings end up in logs and on terminals; SHOW text (attribute
 * CS_A_TEXT) is multi-line and tabulated, so it may also hold line feeds and tabs
 */
static int clean_string(const uint8_t *s, size_t n, int a)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] < 0x20 || s[i] > 0x7e) &&
		    !(a == CS_A_TEXT && (s[i] == '\n' || s[i] == '\t')))
			return 0;
	return 1;
}

/* a value's own rules beyond its encoding */
static const char *check_value(const struct cs_msg *m, int a)
{
	switch (a) {
	case CS_A_KEEP_SA: case CS_A_SECURED: case CS_A_PLAINTEXT:
		return field_int(m, a) > 1 ? "boolean attribute not 0 or 1" : NULL;
	case CS_A_REASON:
		return m->reason < 1 || m->reason > CS_REASON_MAX ? "unknown close reason" : NULL;
	case CS_A_PROFILE:
		return m->profile[0] ? NULL : "empty profile name";
	}
	return NULL;
}

int cs_encode(const struct cs_msg *m, uint8_t *buf, size_t len)
{
	int mi = message_index(m->type);
	size_t off = CS_HEADER;

	if (mi < 0 || (m->present & messages[mi].required) != messages[mi].required ||
	    (m->present & ~(messages[mi].required | messages[mi].allowed)))
		return -1;
	for (int a = 1; a <= CS_A_MAX; a++) {
		size_t vlen;

		if (!CS_HAS(m, a))
			continue;
		if (check_value(m, a))
			return -1;
		switch (attrs[a].kind) {
		case K_U8: vlen = 1; break;
		case K_U16: vlen = 2; break;
		case K_U32: vlen = 4; break;
		case K_EP: vlen = ep_len((a == CS_A_LOCAL ? &m->local : &m->remote)->family); break;
		case K_STR: vlen = strnlen(field_str(m, a), attrs[a].max); break;
		default: return -1;
		}
		if (!vlen && attrs[a].kind != K_STR)
			return -1;
		if (attrs[a].kind == K_STR && (vlen >= attrs[a].max ||
		    !clean_string((const uint8_t *)field_str(m, a), vlen, a)))
			return -1;
		/* one byte of length, except TEXT (SHOW output), the one long attribute */
		if (a != CS_A_TEXT && vlen > 255)
			return -1;
		if (off + 2 + (a == CS_A_TEXT) + vlen > len)
			return -1;
		buf[off++] = (uint8_t)a;
		if (a == CS_A_TEXT) {		/* the one long attribute: 2-byte length */
			buf[off++] = (uint8_t)(vlen >> 8);
			buf[off++] = (uint8_t)vlen;
		} else {
			buf[off++] = (uint8_t)vlen;
		}
		switch (attrs[a].kind) {
		case K_U8:
			buf[off] = (uint8_t)field_int(m, a);
			break;
		case K_U16:
			buf[off] = (uint8_t)(field_int(m, a) >> 8);
			buf[off + 1] = (uint8_t)field_int(m, a);
			break;
		case K_U32:
			for (int i = 0; i < 4; i++)
				buf[off + i] = (uint8_t)(field_int(m, a) >> (24 - 8 * i));
			break;
		case K_EP: {
			const struct cs_endpoint *ep = a == CS_A_LOCAL ? &m->local : &m->remote;
			size_t alen = ep->family == 4 ? 4 : 16;

			buf[off] = ep->family;
			memcpy(buf + off + 1, ep->addr, alen);
			buf[off + 1 + alen] = (uint8_t)(ep->port >> 8);
			buf[off + 2 + alen] = (uint8_t)ep->port;
			break;
		}
		case K_STR:
			memcpy(buf + off, field_str(m, a), vlen);
			break;
		}
		off += vlen;
	}
	if (off - CS_HEADER > CS_MAX_PAYLOAD || len < CS_HEADER)
		return -1;
	buf[0] = CS_VERSION;
	buf[1] = m->type;
	buf[2] = (uint8_t)((off - CS_HEADER) >> 8);
	buf[3] = (uint8_t)(off - CS_HEADER);
	return (int)off;
}

int cs_decode(const uint8_t *buf, size_t len, struct cs_msg *m, const char **why)
{
	size_t plen, off;
	int mi;

	*why = NULL;
	if (len < CS_HEADER)
		return 0;
	if (buf[0] != CS_VERSION) {
		*why = "unsupported protocol version";
		return -1;
	}
	mi = message_index(buf[1]);
	if (mi < 0) {
		*why = "unknown message type";
		return -1;
	}
	plen = (size_t)buf[2] << 8 | buf[3];
	if (plen > CS_MAX_PAYLOAD) {
		*why = "frame too long";
		return -1;
	}
	if (len < CS_HEADER + plen)
		return 0;
	memset(m, 0, sizeof(*m));
	m->type = buf[1];
	for (off = CS_HEADER; off < CS_HEADER + plen; ) {
		const uint8_t *v;
		size_t end = CS_HEADER + plen, vlen;
		int a = buf[off];

		if (a < 1 || a > CS_A_MAX) {
			*why = "unknown attribute";
			return -1;
		}
		if (!((messages[mi].required | messages[mi].allowed) & B(a))) {
			*why = "attribute not allowed in this message";
			return -1;
		}
		if (CS_HAS(m, a)) {
			*why = "repeated attribute";
			return -1;
		}
		if (a == CS_A_TEXT) {
			if (off + 3 > end) {
				*why = "truncated attribute";
				return -1;
			}
			vlen = (size_t)buf[off + 1] << 8 | buf[off + 2];
			off += 3;
		} else {
			if (off + 2 > end) {
				*why = "truncated attribute";
				return -1;
			}
			vlen = buf[off + 1];
			off += 2;
		}
		if (off + vlen > end) {
			*why = "attribute longer than the frame";
			return -1;
		}
		v = buf + off;
		switch (attrs[a].kind) {
		case K_U8: case K_U16: case K_U32: {
			size_t want = attrs[a].kind == K_U8 ? 1 : attrs[a].kind == K_U16 ? 2 : 4;
			uint32_t x = 0;

			if (vlen != want) {
				*why = "integer attribute of the wrong size";
				return -1;
			}
			for (size_t i = 0; i < want; i++)
				x = x << 8 | v[i];
			set_int(m, a, x);
			break;
		}
		case K_EP: {
			struct cs_endpoint *ep = a == CS_A_LOCAL ? &m->local : &m->remote;
			size_t alen;

			if (vlen < 1 || !ep_len(v[0]) || vlen != ep_len(v[0])) {
				*why = "malformed endpoint";
				return -1;
			}
			alen = v[0] == 4 ? 4 : 16;
			ep->family = v[0];
			memcpy(ep->addr, v + 1, alen);
			ep->port = (uint16_t)(v[1 + alen] << 8 | v[2 + alen]);
			break;
		}
		case K_STR:
			if (vlen >= attrs[a].max || !clean_string(v, vlen, a)) {
				*why = vlen >= attrs[a].max ? "string too long" :
				       "string with control or non-ASCII bytes";
				return -1;
			}
			memcpy(field_buf(m, a), v, vlen);
			field_buf(m, a)[vlen] = '\0';
			break;
		}
		m->present |= B(a);
		if ((*why = check_value(m, a)))
			return -1;
		off += vlen;
	}
	if ((m->present & messages[mi].required) != messages[mi].required) {
		*why = "required attribute missing";
		return -1;
	}
	return (int)(CS_HEADER + plen);
}
