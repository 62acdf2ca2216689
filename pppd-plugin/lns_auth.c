/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <string.h>

#include "pppd_compat.h"
#include "lns_auth.h"
#include "local_chap.h"

/* pppd's CHAP digests and verifiers take length-prefixed challenges and responses */
static void prefixed(unsigned char out[PROXY_FIELD_MAX + 1], const uint8_t *v, uint8_t len)
{
	out[0] = len;
	memcpy(out + 1, v, len);
}

static int chap_check(const struct proxy_info *p, int code, char *msg, int msglen)
{
	unsigned char challenge[PROXY_FIELD_MAX + 1], response[PROXY_FIELD_MAX + 1];
	char name[PROXY_FIELD_MAX + 1];
	struct chap_digest_type *digest = chap_find_digest(code);
	int ok;

	if (!digest) {
		error("l2tpsec: this pppd has no CHAP digest 0x%x for proxy authentication", code);
		return 0;
	}
	prefixed(challenge, p->challenge, p->challenge_len);
	prefixed(response, p->response, p->response_len);
	strcpy(name, p->authen_name);
	if (chap_verify_hook)	/* another plugin (RADIUS) owns CHAP verification */
		return chap_verify_hook(name, our_name, p->authen_id, digest, challenge, response,
					msg, msglen);
	ok = local_chap_verify(name, our_name, p->authen_id, digest, challenge, response, msg,
			       msglen);
	if (ok < 0)
		error("l2tpsec: no CHAP secret for the proxied name %q", name);
	return ok > 0;
}

static int pap_check(const struct proxy_info *p, char *msg, int msglen)
{
	char name[PROXY_FIELD_MAX + 1], password[PROXY_FIELD_MAX + 1], *reply = NULL;
	int ok;

	strcpy(name, p->authen_name);
	memcpy(password, p->response, p->response_len);
	password[p->response_len] = '\0';
	ok = check_passwd(0, name, (int)strlen(name), password, p->response_len, &reply) ==
	     UPAP_AUTHACK;
	memset(password, 0, sizeof(password));
	snprintf(msg, (size_t)msglen, "%s", reply ? reply : "");
	return ok;
}

int lns_auth_check(const struct proxy_info *p, enum lcp_auth auth, char *msg, int msglen)
{
	msg[0] = '\0';
	switch (auth) {
	case LCP_AUTH_PAP:
		return pap_check(p, msg, msglen);
	case LCP_AUTH_CHAP_MD5:
		return chap_check(p, CHAP_MD5, msg, msglen);
	case LCP_AUTH_MSCHAP:
		return chap_check(p, CHAP_MICROSOFT, msg, msglen);
	default:
		return 0;
	}
}

/* address, control and protocol, as pppd's output() expects them before a packet */
static unsigned char *header(unsigned char *out, unsigned protocol)
{
	out[0] = 0xff;
	out[1] = 0x03;
	out[2] = (unsigned char)(protocol >> 8);
	out[3] = (unsigned char)protocol;
	return out + PPP_HDRLEN;
}

void lns_auth_tell_client(const struct proxy_info *p, enum lcp_auth auth, int ok,
			  const char *msg)
{
	size_t mlen = strlen(msg), len;
	unsigned char *out;

	if (auth == LCP_AUTH_NONE)
		return;
	if (mlen > 200)
		mlen = 200;
	if (auth == LCP_AUTH_PAP) {
		/* Authenticate-Ack/Nak: code, id, length, message length, message */
		len = UPAP_HEADERLEN + 1 + mlen;
		out = header(outpacket_buf, PPP_PAP);
		out[0] = ok ? UPAP_AUTHACK : UPAP_AUTHNAK;
		out[4] = (unsigned char)mlen;
		memcpy(out + 5, msg, mlen);
	} else {
		len = CHAP_HDRLEN + mlen;
		out = header(outpacket_buf, PPP_CHAP);
		out[0] = ok ? CHAP_SUCCESS : CHAP_FAILURE;
		memcpy(out + 4, msg, mlen);
	}
	out[1] = p->authen_id;
	out[2] = (unsigned char)(len >> 8);
	out[3] = (unsigned char)len;
	output(0, outpacket_buf, (int)(PPP_HDRLEN + len));
}
