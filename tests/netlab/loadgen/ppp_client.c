/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "ppp_client.h"

#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

enum { CONF_REQ = 1, CONF_ACK, CONF_NAK, CONF_REJ, TERM_REQ, TERM_ACK, CODE_REJ, PROTO_REJ,
       ECHO_REQ, ECHO_REP };
enum { LCP_OPT_AUTH = 3, LCP_OPT_MAGIC = 5, IPCP_OPT_ADDR = 3 };
#define CHAP_MD5 5
#define MAX_FRAME 1500

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void send_packet(struct ppp_client *c, unsigned proto, unsigned code, unsigned id,
			const uint8_t *data, size_t len)
{
	uint8_t f[MAX_FRAME];

	if (len + 6 > sizeof(f))
		return;
	f[0] = (uint8_t)(proto >> 8);
	f[1] = (uint8_t)proto;
	f[2] = (uint8_t)code;
	f[3] = (uint8_t)id;
	f[4] = (uint8_t)((len + 4) >> 8);
	f[5] = (uint8_t)(len + 4);
	if (len)
		memcpy(f + 6, data, len);
	c->send(c->ctx, f, len + 6);
}

static void down(struct ppp_client *c, const char *why)
{
	if (c->phase == PPP_PHASE_DOWN)
		return;
	c->phase = PPP_PHASE_DOWN;
	snprintf(c->why, sizeof(c->why), "%s", why);
}

static void lcp_request(struct ppp_client *c)
{
	uint8_t opt[6] = { LCP_OPT_MAGIC, 6 };

	put32(opt + 2, c->magic);
	send_packet(c, PPP_LCP, CONF_REQ, c->id, opt, c->magic ? sizeof(opt) : 0);
}

static void ipcp_request(struct ppp_client *c)
{
	uint8_t opt[6] = { IPCP_OPT_ADDR, 6 };

	memcpy(opt + 2, &c->addr, 4);
	send_packet(c, PPP_IPCP, CONF_REQ, c->id, opt, sizeof(opt));
}

static void pap_request(struct ppp_client *c)
{
	uint8_t d[2 + 255 + 255];
	size_t ul = strlen(c->user), pl = strlen(c->password);

	if (ul > 255 || pl > 255)
		return down(c, "user name or password too long for PAP");
	d[0] = (uint8_t)ul;
	memcpy(d + 1, c->user, ul);
	d[1 + ul] = (uint8_t)pl;
	memcpy(d + 2 + ul, c->password, pl);
	send_packet(c, PPP_PAP, 1, c->id, d, 2 + ul + pl);
}

static void enter_ipcp(struct ppp_client *c)
{
	c->phase = PPP_PHASE_IPCP;
	c->id++;
	ipcp_request(c);
}

static void lcp_opened_maybe(struct ppp_client *c)
{
	if (c->phase != PPP_PHASE_LCP || !c->lcp_ours || !c->lcp_theirs)
		return;
	c->id++;
	if (c->auth == PPP_PAP) {
		c->phase = PPP_PHASE_AUTH;
		pap_request(c);
	} else if (c->auth == PPP_CHAP) {
		c->phase = PPP_PHASE_AUTH;	/* the LNS's Challenge comes next */
	} else {
		enter_ipcp(c);
	}
}

/* the LNS's LCP Configure-Request: everything acked but an authentication we cannot do */
static void lcp_their_request(struct ppp_client *c, unsigned id, const uint8_t *o, size_t len)
{
	static const uint8_t want_chap[5] = { LCP_OPT_AUTH, 5, 0xc2, 0x23, CHAP_MD5 };
	unsigned auth = 0;
	size_t off = 0;

	while (off + 2 <= len) {
		size_t ol = o[off + 1];

		if (ol < 2 || off + ol > len)
			return;		/* malformed: no answer, the LNS sends it again */
		if (o[off] == LCP_OPT_AUTH && ol >= 4) {
			unsigned p = (unsigned)o[off + 2] << 8 | o[off + 3];

			if (p == PPP_PAP)
				auth = PPP_PAP;
			else if (p == PPP_CHAP && ol == 5 && o[off + 4] == CHAP_MD5)
				auth = PPP_CHAP;
			else
				return send_packet(c, PPP_LCP, CONF_NAK, id, want_chap,
						   sizeof(want_chap));
		}
		off += ol;
	}
	send_packet(c, PPP_LCP, CONF_ACK, id, o, len);
	c->auth = auth;
	c->lcp_theirs = 1;
	lcp_opened_maybe(c);
}

static void lcp_input(struct ppp_client *c, unsigned code, unsigned id, const uint8_t *d,
		      size_t len)
{
	uint8_t echo[MAX_FRAME];

	switch (code) {
	case CONF_REQ:
		if (c->phase != PPP_PHASE_LCP) {
			/* our Configure-Ack was late or lost, or the LNS starts over: negotiate
			 * again from the start (RFC 1661 4.3, a Configure-Request when Opened) */
			c->phase = PPP_PHASE_LCP;
			c->lcp_ours = c->lcp_theirs = c->ipcp_ours = c->ipcp_theirs = 0;
			c->renegotiations++;
			c->id++;
			lcp_request(c);
		}
		return lcp_their_request(c, id, d, len);
	case CONF_ACK:
		if (id == c->id && c->phase == PPP_PHASE_LCP) {
			c->lcp_ours = 1;
			lcp_opened_maybe(c);
		}
		return;
	case CONF_NAK:
	case CONF_REJ:
		if (id == c->id && c->phase == PPP_PHASE_LCP) {
			c->magic = 0;	/* our only option: ask without it */
			c->id++;
			lcp_request(c);
		}
		return;
	case TERM_REQ:
		send_packet(c, PPP_LCP, TERM_ACK, id, NULL, 0);
		return down(c, "LCP Terminate-Request from the LNS");
	case TERM_ACK:
		return down(c, "terminated");
	case ECHO_REQ:
		if (len < 4 || len > sizeof(echo))
			return;
		memcpy(echo, d, len);
		put32(echo, c->magic);
		c->echoes++;
		return send_packet(c, PPP_LCP, ECHO_REP, id, echo, len);
	default:
		return;
	}
}

static void chap_response(struct ppp_client *c, unsigned id, const uint8_t *d, size_t len)
{
	uint8_t out[1 + 16 + 255], idb = (uint8_t)id;
	size_t ul = strlen(c->user);
	unsigned hl = 0;
	EVP_MD_CTX *ctx;
	int ok;

	if (len < 1 || (size_t)d[0] + 1 > len || ul > 255)
		return;
	ctx = EVP_MD_CTX_new();
	ok = ctx && EVP_DigestInit_ex(ctx, EVP_md5(), NULL) &&
		EVP_DigestUpdate(ctx, &idb, 1) &&
		EVP_DigestUpdate(ctx, c->password, strlen(c->password)) &&
		EVP_DigestUpdate(ctx, d + 1, d[0]) && EVP_DigestFinal_ex(ctx, out + 1, &hl);
	EVP_MD_CTX_free(ctx);
	if (!ok || hl != 16)
		return down(c, "no MD5 for CHAP");
	out[0] = 16;
	memcpy(out + 17, c->user, ul);
	send_packet(c, PPP_CHAP, 2, id, out, 17 + ul);
}

static void auth_input(struct ppp_client *c, unsigned proto, unsigned code, unsigned id,
		       const uint8_t *d, size_t len)
{
	if (c->phase != PPP_PHASE_AUTH || proto != c->auth)
		return;
	if (proto == PPP_CHAP && code == 1)
		return chap_response(c, id, d, len);
	if ((proto == PPP_PAP && code == 2) || (proto == PPP_CHAP && code == 3))
		return enter_ipcp(c);
	if ((proto == PPP_PAP && code == 3) || (proto == PPP_CHAP && code == 4))
		return down(c, "authentication refused");
}

/* the LNS's IPCP Configure-Request: its address acked, anything else rejected */
static void ipcp_their_request(struct ppp_client *c, unsigned id, const uint8_t *o, size_t len)
{
	uint8_t rej[MAX_FRAME];
	size_t off = 0, rl = 0;
	uint32_t peer = 0;

	while (off + 2 <= len) {
		size_t ol = o[off + 1];

		if (ol < 2 || off + ol > len)
			return;
		if (o[off] == IPCP_OPT_ADDR && ol == 6) {
			memcpy(&peer, o + off + 2, 4);
		} else {
			memcpy(rej + rl, o + off, ol);
			rl += ol;
		}
		off += ol;
	}
	if (rl)
		return send_packet(c, PPP_IPCP, CONF_REJ, id, rej, rl);
	send_packet(c, PPP_IPCP, CONF_ACK, id, o, len);
	c->peer_addr = peer;
	c->ipcp_theirs = 1;
}

static void ipcp_input(struct ppp_client *c, unsigned code, unsigned id, const uint8_t *d,
		       size_t len)
{
	if (c->phase != PPP_PHASE_IPCP && c->phase != PPP_PHASE_UP)
		return;
	switch (code) {
	case CONF_REQ:
		ipcp_their_request(c, id, d, len);
		break;
	case CONF_ACK:
		if (id == c->id)
			c->ipcp_ours = 1;
		break;
	case CONF_NAK:
		if (id == c->id && len >= 6 && d[0] == IPCP_OPT_ADDR && d[1] == 6) {
			memcpy(&c->addr, d + 2, 4);
			c->id++;
			ipcp_request(c);
		}
		return;
	case CONF_REJ:
		return down(c, "the LNS rejected our IP address request");
	case TERM_REQ:
		send_packet(c, PPP_IPCP, TERM_ACK, id, NULL, 0);
		return down(c, "IPCP Terminate-Request from the LNS");
	default:
		return;
	}
	if (c->phase == PPP_PHASE_IPCP && c->ipcp_ours && c->ipcp_theirs)
		c->phase = PPP_PHASE_UP;
}

void ppp_client_input(struct ppp_client *c, const uint8_t *f, size_t len)
{
	unsigned proto, code, id;
	size_t plen, hl;

	if (c->phase == PPP_PHASE_DOWN || len < 1)
		return;
	/* a compressed protocol field (PFC) is one odd octet */
	hl = (f[0] & 1) ? 1 : 2;
	if (len < hl + 4)
		return;
	proto = hl == 1 ? f[0] : (unsigned)f[0] << 8 | f[1];
	code = f[hl];
	id = f[hl + 1];
	plen = (size_t)f[hl + 2] << 8 | f[hl + 3];
	if (plen < 4 || hl + plen > len)
		return;
	plen -= 4;
	f += hl + 4;
	switch (proto) {
	case PPP_LCP:
		return lcp_input(c, code, id, f, plen);
	case PPP_PAP:
	case PPP_CHAP:
		return auth_input(c, proto, code, id, f, plen);
	case PPP_IPCP:
		return ipcp_input(c, code, id, f, plen);
	default: {
		/* CCP, IPV6CP, ...: Protocol-Reject once LCP is open (RFC 1661 5.7) */
		uint8_t rej[MAX_FRAME];
		size_t rl = len > sizeof(rej) - 8 ? sizeof(rej) - 8 : len;

		if (c->phase == PPP_PHASE_LCP)
			return;
		rej[0] = (uint8_t)(proto >> 8);
		rej[1] = (uint8_t)proto;
		memcpy(rej + 2, f - 4, rl - hl);
		send_packet(c, PPP_LCP, PROTO_REJ, ++c->id, rej, 2 + rl - hl);
		return;
	}
	}
}

void ppp_client_start(struct ppp_client *c, const char *user, const char *password,
		      uint32_t magic, void (*send)(void *, const uint8_t *, size_t), void *ctx)
{
	memset(c, 0, sizeof(*c));
	c->user = user;
	c->password = password;
	c->magic = magic ? magic : 1;
	c->send = send;
	c->ctx = ctx;
	c->id = 1;
	lcp_request(c);
}

void ppp_client_resend(struct ppp_client *c)
{
	switch (c->phase) {
	case PPP_PHASE_LCP:
		if (!c->lcp_ours)
			lcp_request(c);
		break;
	case PPP_PHASE_AUTH:
		if (c->auth == PPP_PAP)
			pap_request(c);
		break;
	case PPP_PHASE_IPCP:
		if (!c->ipcp_ours)
			ipcp_request(c);
		break;
	default:
		break;
	}
}

void ppp_client_terminate(struct ppp_client *c, const char *why)
{
	if (c->phase == PPP_PHASE_DOWN)
		return;
	send_packet(c, PPP_LCP, TERM_REQ, ++c->id, NULL, 0);
	down(c, why);
}
