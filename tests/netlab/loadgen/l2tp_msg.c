/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "l2tp_msg.h"

#include <string.h>

#define F_T 0x8000
#define F_L 0x4000
#define F_S 0x0800
#define F_O 0x0200
#define AVP_M 0x8000

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static unsigned get16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

void l2tp_ctrl_start(struct l2tp_ctrl *m, enum l2tp_msg_type type)
{
	m->len = 12;
	if (type != L2TP_ZLB)
		l2tp_ctrl_avp16(m, AVP_MESSAGE_TYPE, type);
}

void l2tp_ctrl_avp(struct l2tp_ctrl *m, unsigned type, const void *value, size_t len)
{
	if (len > 1023 - 6 || m->len + 6 + len > sizeof(m->b))
		return;		/* the callers' AVPs are small: never reached */
	put16(m->b + m->len, AVP_M | (unsigned)(6 + len));
	put16(m->b + m->len + 2, 0);
	put16(m->b + m->len + 4, type);
	memcpy(m->b + m->len + 6, value, len);
	m->len += 6 + len;
}

void l2tp_ctrl_avp16(struct l2tp_ctrl *m, unsigned type, unsigned value)
{
	uint8_t v[2];

	put16(v, value);
	l2tp_ctrl_avp(m, type, v, sizeof(v));
}

void l2tp_ctrl_avp32(struct l2tp_ctrl *m, unsigned type, uint32_t value)
{
	uint8_t v[4];

	put16(v, value >> 16);
	put16(v + 2, value & 0xffff);
	l2tp_ctrl_avp(m, type, v, sizeof(v));
}

void l2tp_ctrl_finish(struct l2tp_ctrl *m, unsigned tid, unsigned sid, unsigned ns,
		      unsigned nr)
{
	put16(m->b, F_T | F_L | F_S | 2);
	put16(m->b + 2, (unsigned)m->len);
	put16(m->b + 4, tid);
	put16(m->b + 6, sid);
	put16(m->b + 8, ns);
	put16(m->b + 10, nr);
}

static void read_avp(struct l2tp_parsed *out, unsigned type, const uint8_t *v, size_t len)
{
	switch (type) {
	case AVP_MESSAGE_TYPE:
		if (len == 2)
			out->type = (int)get16(v);
		break;
	case AVP_ASSIGNED_TUNNEL_ID:
		if (len == 2)
			out->assigned_tid = get16(v);
		break;
	case AVP_ASSIGNED_SESSION_ID:
		if (len == 2)
			out->assigned_sid = get16(v);
		break;
	case AVP_RESULT_CODE:
		if (len >= 2)
			out->result = get16(v);
		break;
	case AVP_CHALLENGE:
		out->challenge = 1;
		break;
	default:
		break;
	}
}

static int parse_control(const uint8_t *p, size_t len, unsigned flags, struct l2tp_parsed *out)
{
	size_t off = 12, msg_len;

	if (!(flags & F_L) || !(flags & F_S) || len < 12)
		return -1;
	msg_len = get16(p + 2);
	if (msg_len < 12 || msg_len > len)
		return -1;
	out->tid = get16(p + 4);
	out->sid = get16(p + 6);
	out->ns = get16(p + 8);
	out->nr = get16(p + 10);
	out->type = msg_len == 12 ? L2TP_ZLB : -1;
	while (off + 6 <= msg_len) {
		unsigned hdr = get16(p + off), alen = hdr & 0x3ff;

		if (alen < 6 || off + alen > msg_len)
			return -1;
		/* another vendor's attribute is not the IETF one of its number */
		if (get16(p + off + 2) == 0)
			read_avp(out, get16(p + off + 4), p + off + 6, alen - 6);
		off += alen;
	}
	return 0;
}

int l2tp_parse(const uint8_t *p, size_t len, struct l2tp_parsed *out)
{
	unsigned flags;
	size_t off = 2;

	memset(out, 0, sizeof(*out));
	if (len < 6)
		return -1;
	flags = get16(p);
	if ((flags & 0xf) != 2)
		return -1;
	if (flags & F_T) {
		out->control = 1;
		return parse_control(p, len, flags, out);
	}
	if (flags & F_L)
		off += 2;
	if (off + 4 > len)
		return -1;
	out->tid = get16(p + off);
	out->sid = get16(p + off + 2);
	off += 4;
	if (flags & F_S)
		off += 4;
	if (flags & F_O) {
		if (off + 2 > len)
			return -1;
		off += 2 + get16(p + off);
	}
	if (off > len)
		return -1;
	/* PPP's address and control field, when the sender kept them */
	if (off + 2 <= len && p[off] == 0xff && p[off + 1] == 0x03)
		off += 2;
	out->type = -1;
	out->payload = p + off;
	out->payload_len = len - off;
	return 0;
}

size_t l2tp_data(uint8_t *out, size_t cap, unsigned tid, unsigned sid, const uint8_t *ppp,
		 size_t len)
{
	if (cap < 8 + len)
		return 0;
	put16(out, 2);
	put16(out + 2, tid);
	put16(out + 4, sid);
	out[6] = 0xff;
	out[7] = 0x03;
	memcpy(out + 8, ppp, len);
	return 8 + len;
}

int l2tp_seq_before(unsigned a, unsigned b)
{
	return a != b && ((b - a) & 0xffff) < 0x8000;
}
