/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The crypto socket protocol (IOS CRYPTO_SS): how the L2TP daemon asks charon to protect a UDP
 * socket, and how charon tells it the protection is there (SECURED) or gone (CLOSED).
 *
 * A frame is a 4-byte header — version (1), message type (1), payload length (2, big endian,
 * at most CS_MAX_PAYLOAD) — and a payload of attributes: type (1), length (1), value. The
 * decoder is strict: an unknown version, message or attribute, a repeated attribute, a length
 * that does not fit, a string with control bytes or a missing required attribute is an error.
 */
#ifndef L2TPSEC_CS_PROTO_H
#define L2TPSEC_CS_PROTO_H

#include <stddef.h>
#include <stdint.h>

#define CS_VERSION 1
#define CS_HEADER 4
#define CS_MAX_PAYLOAD 4096
#define CS_MAX_FRAME (CS_HEADER + CS_MAX_PAYLOAD)

enum cs_type {
	/* requests: L2TP daemon or CLI → charon */
	CS_LISTEN = 1,		/* passive open: profile, local (+ plaintext) */
	CS_OPEN = 2,		/* active open: id, profile, local, remote */
	CS_CLOSE = 3,		/* id, keep_sa */
	CS_QUERY = 4,		/* local, remote */
	CS_SHOW = 5,		/* text: what to show (e.g. "crypto map tag l2tpsec") */
	/* replies and events: charon → client */
	CS_OK = 64,		/* id (of the request it answers, 0 for LISTEN) */
	CS_ERROR = 65,		/* id, error */
	CS_SECURED = 66,	/* id, profile, local, remote, spi_in, spi_out, enc, integ, overhead, reqid */
	CS_CLOSED = 67,		/* id, reason */
	CS_STATUS = 68,		/* local, remote, secured (+ SA facts when secured) */
	CS_SHOW_REPLY = 69,	/* text */
};

enum cs_reason {
	CS_REASON_CLOSED = 1,		/* the client asked */
	CS_REASON_DELETED = 2,		/* the peer deleted the SA */
	CS_REASON_EXPIRED = 3,		/* hard lifetime */
	CS_REASON_DPD = 4,		/* dead peer detection */
	CS_REASON_SHUTDOWN = 5,		/* charon is stopping */
	CS_REASON_FAILED = 6,		/* negotiation failed */
	CS_REASON_MAX = CS_REASON_FAILED,
};

/* attribute bits for cs_msg.present */
enum cs_attr {
	CS_A_ID = 1, CS_A_PROFILE, CS_A_LOCAL, CS_A_REMOTE, CS_A_KEEP_SA, CS_A_REASON, CS_A_SPI_IN,
	CS_A_SPI_OUT, CS_A_ENC, CS_A_INTEG, CS_A_OVERHEAD, CS_A_ERROR, CS_A_TEXT, CS_A_SECURED,
	CS_A_REQID, CS_A_PLAINTEXT,
	CS_A_MAX = CS_A_PLAINTEXT,
};
#define CS_HAS(m, a) (((m)->present >> (a)) & 1u)

/* an IPv4 or IPv6 endpoint */
struct cs_endpoint {
	uint8_t family;		/* 4 or 6 */
	uint8_t addr[16];	/* IPv4 in the first 4 bytes */
	uint16_t port;
};

struct cs_msg {
	uint8_t type;
	uint32_t present;	/* which attributes are set: 1 << enum cs_attr */
	uint32_t id;
	char profile[65];
	struct cs_endpoint local, remote;
	uint8_t keep_sa, reason, secured;
	uint8_t plaintext;	/* LISTEN: the endpoint also serves L2TP without IPsec */
	uint32_t spi_in, spi_out;
	char enc[33], integ[33];
	uint16_t overhead;	/* bytes ESP adds to each packet (IP MTU math) */
	uint32_t reqid;		/* the SA's kernel reqid: binds a socket's XFRM policy to it */
	char error[129];
	char text[CS_MAX_PAYLOAD - 8];	/* SHOW selector or reply; long replies come in parts */
};

/* Encode m into buf (len bytes). Returns the frame length, or -1 if m is invalid or too big. */
int cs_encode(const struct cs_msg *m, uint8_t *buf, size_t len);

/*
 * Decode one frame from the start of buf (len bytes available). Returns the frame length (>0)
 * with m filled in, 0 when more bytes are needed, or -1 when the bytes are invalid (*why says
 * how; the stream cannot be resynchronised: drop the connection).
 */
int cs_decode(const uint8_t *buf, size_t len, struct cs_msg *m, const char **why);

const char *cs_type_name(uint8_t type);
const char *cs_reason_name(uint8_t reason);

#endif
