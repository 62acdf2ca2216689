/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * L2TPv2 messages for the load generator (RFC 2661 3.1, 4.1): control messages built AVP by
 * AVP and read back into the few values a LAC needs; data messages framed around a PPP frame.
 */
#ifndef L2TP_MSG_H
#define L2TP_MSG_H

#include <stddef.h>
#include <stdint.h>

enum l2tp_msg_type {
	L2TP_ZLB = 0, L2TP_SCCRQ = 1, L2TP_SCCRP = 2, L2TP_SCCCN = 3, L2TP_STOPCCN = 4,
	L2TP_HELLO = 6, L2TP_ICRQ = 10, L2TP_ICRP = 11, L2TP_ICCN = 12, L2TP_CDN = 14,
};

enum l2tp_avp {
	AVP_MESSAGE_TYPE = 0, AVP_RESULT_CODE = 1, AVP_PROTOCOL_VERSION = 2,
	AVP_FRAMING_CAPABILITIES = 3, AVP_HOST_NAME = 7, AVP_ASSIGNED_TUNNEL_ID = 9,
	AVP_RECEIVE_WINDOW_SIZE = 10, AVP_CHALLENGE = 11, AVP_ASSIGNED_SESSION_ID = 14,
	AVP_CALL_SERIAL_NUMBER = 15, AVP_FRAMING_TYPE = 19, AVP_TX_CONNECT_SPEED = 24,
};

#define L2TP_MAX_MSG 1500

/* a control message being built: the header is written by l2tp_ctrl_finish() */
struct l2tp_ctrl {
	uint8_t b[L2TP_MAX_MSG];
	size_t len;
};

void l2tp_ctrl_start(struct l2tp_ctrl *m, enum l2tp_msg_type type);
void l2tp_ctrl_avp(struct l2tp_ctrl *m, unsigned type, const void *value, size_t len);
void l2tp_ctrl_avp16(struct l2tp_ctrl *m, unsigned type, unsigned value);
void l2tp_ctrl_avp32(struct l2tp_ctrl *m, unsigned type, uint32_t value);
/* the header: T, L, S bits; to the peer's tunnel and session ids, with Ns and Nr */
void l2tp_ctrl_finish(struct l2tp_ctrl *m, unsigned tid, unsigned sid, unsigned ns,
		      unsigned nr);

/* what a received message says; values not present are 0 */
struct l2tp_parsed {
	int control;			/* 1: control message, 0: data */
	unsigned tid, sid;		/* the header's (ours, as the peer addresses us) */
	unsigned ns, nr;		/* control messages */
	int type;			/* Message Type, L2TP_ZLB for a ZLB, -1 none */
	unsigned assigned_tid, assigned_sid, result;
	int challenge;			/* a Challenge AVP came (tunnel authentication) */
	const uint8_t *payload;		/* data: the PPP frame */
	size_t payload_len;
};

/* 0, or -1 for a message too short or malformed to use */
int l2tp_parse(const uint8_t *p, size_t len, struct l2tp_parsed *out);

/* a data message to tunnel tid, session sid carrying a PPP frame (without address/control) */
size_t l2tp_data(uint8_t *out, size_t cap, unsigned tid, unsigned sid, const uint8_t *ppp,
		 size_t len);

/* Ns/Nr order, modulo 2^16 (RFC 2661 5.8) */
int l2tp_seq_before(unsigned a, unsigned b);

#endif
