/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The client end of one PPP session for the load generator, as a dial-up client runs it
 * (RFC 1661 LCP, RFC 1334 PAP, RFC 1994 CHAP with MD5, RFC 1332 IPCP): LCP with a magic number,
 * the authentication the LNS asks for (anything but PAP and CHAP-MD5 answered with a Nak for
 * CHAP-MD5), IPCP taking the address the LNS offers, echoes answered. Frames are the PPP
 * protocol field and information, without address and control; the owner carries them.
 */
#ifndef PPP_CLIENT_H
#define PPP_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#define PPP_LCP 0xc021
#define PPP_PAP 0xc023
#define PPP_CHAP 0xc223
#define PPP_IPCP 0x8021

enum ppp_phase { PPP_PHASE_LCP, PPP_PHASE_AUTH, PPP_PHASE_IPCP, PPP_PHASE_UP, PPP_PHASE_DOWN };

struct ppp_client {
	enum ppp_phase phase;
	uint32_t magic;
	uint8_t id;			/* our last request's identifier */
	int lcp_ours, lcp_theirs;	/* our Configure-Request acked; we acked theirs */
	int ipcp_ours, ipcp_theirs;
	unsigned auth;			/* PPP_PAP, PPP_CHAP or 0, as LCP agreed */
	uint32_t addr;			/* ours (network order), from the LNS's Nak */
	uint32_t peer_addr;
	unsigned echoes;		/* Echo-Requests answered */
	unsigned renegotiations;	/* LCP started over by the LNS */
	const char *user, *password;
	char why[80];			/* what ended it */
	void (*send)(void *ctx, const uint8_t *frame, size_t len);
	void *ctx;
};

/* begin: our LCP Configure-Request */
void ppp_client_start(struct ppp_client *c, const char *user, const char *password,
		      uint32_t magic, void (*send)(void *, const uint8_t *, size_t), void *ctx);

/* one frame from the LNS */
void ppp_client_input(struct ppp_client *c, const uint8_t *frame, size_t len);

/* nothing came for a while: send our outstanding request again */
void ppp_client_resend(struct ppp_client *c);

/* hang up: LCP Terminate-Request */
void ppp_client_terminate(struct ppp_client *c, const char *why);

#endif
