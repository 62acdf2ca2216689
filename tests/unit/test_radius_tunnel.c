/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * RADIUS tunnel authorization's codec: the Access-Request hides the password as RFC 2865 says
 * and signs itself (Message-Authenticator); a reply is taken only when it answers that request
 * under the shared secret; tagged tunnel sets (RFC 2868) come out one per tag with untagged
 * values filling their gaps, the Tunnel-Password decrypted; tunnels that are not L2TP over IPv4
 * with an endpoint are left out and said why; malformed attributes refuse the whole reply.
 */
#include <stdio.h>
#include <arpa/inet.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "check.h"
#include "radius_tunnel.h"

static const char secret[] = "radsecret";
static const uint8_t req_auth[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

static uint8_t pkt[RADIUS_PACKET_MAX];
static size_t plen;

static void start(int code, int id)
{
	memset(pkt, 0, sizeof(pkt));
	pkt[0] = (uint8_t)code;
	pkt[1] = (uint8_t)id;
	plen = 20;
}

static void attr(unsigned type, const void *v, size_t len)
{
	pkt[plen] = (uint8_t)type;
	pkt[plen + 1] = (uint8_t)(len + 2);
	memcpy(pkt + plen + 2, v, len);
	plen += len + 2;
}

static void tagged_int(unsigned type, unsigned tag, unsigned value)
{
	uint8_t v[4] = { (uint8_t)tag, (uint8_t)(value >> 16), (uint8_t)(value >> 8),
			 (uint8_t)value };

	attr(type, v, 4);
}

static void tagged_string(unsigned type, unsigned tag, const char *s)
{
	uint8_t v[256];

	v[0] = (uint8_t)tag;
	memcpy(v + 1, s, strlen(s));
	attr(type, tag ? v : v + 1, strlen(s) + (tag ? 1 : 0));
}

static void password(unsigned tag, const char *pw)
{
	uint8_t v[256], salt[2] = { 0x12, 0x34 };
	size_t n = radius_tunnel_password_encrypt(v + 1, sizeof(v) - 1, secret, req_auth, salt,
						  (const uint8_t *)pw, strlen(pw));

	v[0] = (uint8_t)tag;
	attr(RADIUS_TUNNEL_PASSWORD, v, n + 1);
}

/* the Response Authenticator as the server computes it: here, not radius_response_sign(), so
 * that the codec's verification is checked against an oracle of its own */
static void sign(const char *with)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned n;

	pkt[2] = (uint8_t)(plen >> 8);
	pkt[3] = (uint8_t)plen;
	EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
	EVP_DigestUpdate(ctx, pkt, 4);
	EVP_DigestUpdate(ctx, req_auth, 16);
	EVP_DigestUpdate(ctx, pkt + 20, plen - 20);
	EVP_DigestUpdate(ctx, with, strlen(with));
	EVP_DigestFinal_ex(ctx, pkt + 4, &n);
	EVP_MD_CTX_free(ctx);
}

static int parse(struct radius_reply *r, const char **why)
{
	*why = NULL;
	return radius_parse_reply(pkt, plen, 7, req_auth, secret, r, why);
}

static void test_request(void)
{
	uint8_t buf[RADIUS_PACKET_MAX], copy[RADIUS_PACKET_MAX], mac[16], b[16];
	size_t len = radius_access_request(buf, 7, req_auth, secret, "corp.example", "cisco",
					   "LAC", htonl(0x0a00020c));
	unsigned n = 16;
	EVP_MD_CTX *ctx;
	size_t off;

	CHECK(len > 20);
	CHECK_EQ_UL(buf[0], RADIUS_ACCESS_REQUEST);
	CHECK_EQ_UL(buf[1], 7);
	CHECK_EQ_UL((size_t)buf[2] << 8 | buf[3], len);
	CHECK(!memcmp(buf + 4, req_auth, 16));
	/* Message-Authenticator first, HMAC-MD5 of the packet with it zeroed */
	CHECK_EQ_UL(buf[20], 80);
	CHECK_EQ_UL(buf[21], 18);
	memcpy(copy, buf, len);
	memset(copy + 22, 0, 16);
	HMAC(EVP_md5(), secret, (int)strlen(secret), copy, len, mac, &n);
	CHECK(!memcmp(mac, buf + 22, 16));
	off = 38;
	CHECK_EQ_UL(buf[off], 1);	/* User-Name */
	CHECK(buf[off + 1] == 14 && !memcmp(buf + off + 2, "corp.example", 12));
	off += buf[off + 1];
	CHECK_EQ_UL(buf[off], 2);	/* User-Password: one block, MD5(secret + RA) XOR "cisco" */
	CHECK_EQ_UL(buf[off + 1], 18);
	ctx = EVP_MD_CTX_new();
	EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
	EVP_DigestUpdate(ctx, secret, strlen(secret));
	EVP_DigestUpdate(ctx, req_auth, 16);
	EVP_DigestFinal_ex(ctx, b, &n);
	EVP_MD_CTX_free(ctx);
	for (int i = 0; i < 16; i++)
		b[i] ^= buf[off + 2 + i];
	CHECK(!memcmp(b, "cisco\0\0\0\0\0\0\0\0\0\0\0", 16));
	off += buf[off + 1];
	CHECK(buf[off] == 6 && buf[off + 5] == 5);	/* Service-Type Outbound-User */
	off += buf[off + 1];
	CHECK(buf[off] == 32 && !memcmp(buf + off + 2, "LAC", 3));	/* NAS-Identifier */
	off += buf[off + 1];
	/* NAS-IP-Address 10.0.2.12 (ip radius source-interface) */
	CHECK(buf[off] == 4 && buf[off + 1] == 6 && !memcmp(buf + off + 2, "\x0a\x00\x02\x0c", 4));
	CHECK_EQ_UL(off + buf[off + 1], len);
	/* without one, none */
	CHECK_EQ_UL(radius_access_request(buf, 7, req_auth, secret, "corp.example", "cisco", "LAC",
					  0), len - 6);
	/* a password RADIUS cannot carry */
	char longpw[200];
	memset(longpw, 'x', sizeof(longpw) - 1);
	longpw[sizeof(longpw) - 1] = '\0';
	CHECK_EQ_UL(radius_access_request(buf, 7, req_auth, secret, "d", longpw, NULL, 0), 0);
}

/* two tagged tunnels, an untagged Tunnel-Type, Medium and password shared by both */
static void test_tagged(void)
{
	struct radius_reply r;
	const char *why;

	start(RADIUS_ACCESS_ACCEPT, 7);
	tagged_int(RADIUS_TUNNEL_TYPE, 0, RADIUS_TUNNEL_TYPE_L2TP);
	tagged_int(RADIUS_TUNNEL_MEDIUM_TYPE, 0, RADIUS_TUNNEL_MEDIUM_IPV4);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 1, "10.0.0.13");
	tagged_int(RADIUS_TUNNEL_PREFERENCE, 1, 1);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 2, "lnsb.example");
	tagged_int(RADIUS_TUNNEL_PREFERENCE, 2, 2);
	tagged_string(RADIUS_TUNNEL_CLIENT_AUTH_ID, 1, "LAC");
	password(0, "a tunnel secret that is longer than one block");
	password(2, "b's own");
	sign(secret);
	CHECK(parse(&r, &why) == 0);
	CHECK_EQ_UL(r.code, RADIUS_ACCESS_ACCEPT);
	CHECK_EQ_UL(r.ntunnels, 2);
	CHECK_EQ_UL(r.nskipped, 0);
	CHECK_EQ_UL(r.tunnels[0].tag, 1);
	CHECK(!strcmp(r.tunnels[0].server_endpoint, "10.0.0.13"));
	CHECK_EQ_UL(r.tunnels[0].preference, 1);
	CHECK_EQ_UL(r.tunnels[0].type, RADIUS_TUNNEL_TYPE_L2TP);
	CHECK(!strcmp(r.tunnels[0].client_auth_id, "LAC"));
	CHECK(r.tunnels[0].has_password);
	CHECK(r.tunnels[0].password_len == 45 &&
	      !memcmp(r.tunnels[0].password, "a tunnel secret that is longer than one block", 45));
	CHECK(!strcmp(r.tunnels[1].server_endpoint, "lnsb.example"));
	CHECK_EQ_UL(r.tunnels[1].preference, 2);
	CHECK(!r.tunnels[1].client_auth_id[0]);
	CHECK(r.tunnels[1].password_len == 7 && !memcmp(r.tunnels[1].password, "b's own", 7));
}

static void test_untagged_and_skipped(void)
{
	struct radius_reply r;
	const char *why;

	/* untagged only: one tunnel */
	start(RADIUS_ACCESS_ACCEPT, 7);
	tagged_int(RADIUS_TUNNEL_TYPE, 0, RADIUS_TUNNEL_TYPE_L2TP);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 0, "10.0.1.13");
	sign(secret);
	CHECK(parse(&r, &why) == 0);
	CHECK_EQ_UL(r.ntunnels, 1);
	CHECK(!strcmp(r.tunnels[0].server_endpoint, "10.0.1.13"));
	CHECK(!r.tunnels[0].has_password);
	/* a PPTP tunnel and one without an endpoint are left out, the first reason kept */
	start(RADIUS_ACCESS_ACCEPT, 7);
	tagged_int(RADIUS_TUNNEL_TYPE, 1, 1);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 1, "10.0.0.13");
	tagged_int(RADIUS_TUNNEL_TYPE, 2, RADIUS_TUNNEL_TYPE_L2TP);
	tagged_int(RADIUS_TUNNEL_MEDIUM_TYPE, 3, 2);
	tagged_int(RADIUS_TUNNEL_TYPE, 3, RADIUS_TUNNEL_TYPE_L2TP);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 3, "10.0.0.14");
	sign(secret);
	CHECK(parse(&r, &why) == 0);
	CHECK_EQ_UL(r.ntunnels, 0);
	CHECK_EQ_UL(r.nskipped, 3);
	CHECK(!strcmp(r.skipped_why, "tag 1: Tunnel-Type 1 is not L2TP (3)"));
	/* an Access-Reject: no tunnels read */
	start(RADIUS_ACCESS_REJECT, 7);
	tagged_int(RADIUS_TUNNEL_TYPE, 0, RADIUS_TUNNEL_TYPE_L2TP);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 0, "10.0.1.13");
	sign(secret);
	CHECK(parse(&r, &why) == 0);
	CHECK_EQ_UL(r.code, RADIUS_ACCESS_REJECT);
	CHECK_EQ_UL(r.ntunnels, 0);
}

static void test_refused(void)
{
	struct radius_reply r;
	const char *why;
	uint8_t bad[4] = { 0x40, 0, 0, 3 };

	start(RADIUS_ACCESS_ACCEPT, 7);
	tagged_int(RADIUS_TUNNEL_TYPE, 0, RADIUS_TUNNEL_TYPE_L2TP);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 0, "10.0.1.13");
	sign("another secret");
	CHECK(parse(&r, &why) == -1);
	CHECK(why && strstr(why, "Response Authenticator"));
	CHECK_EQ_UL(r.ntunnels, 0);
	sign(secret);
	CHECK(radius_parse_reply(pkt, plen, 8, req_auth, secret, &r, &why) == -1);
	CHECK(why && strstr(why, "identifier"));
	CHECK(radius_parse_reply(pkt, plen - 1, 7, req_auth, secret, &r, &why) == -1);
	CHECK(why && strstr(why, "length"));
	/* a tag past 0x1f in an integer, an overrunning attribute, an endpoint with a space */
	start(RADIUS_ACCESS_ACCEPT, 7);
	attr(RADIUS_TUNNEL_TYPE, bad, 4);
	sign(secret);
	CHECK(parse(&r, &why) == -1);
	CHECK(why && strstr(why, "malformed tunnel attribute"));
	start(RADIUS_ACCESS_ACCEPT, 7);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 1, "10.0.0.13 x");
	sign(secret);
	CHECK(parse(&r, &why) == -1);
	start(RADIUS_ACCESS_ACCEPT, 7);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 1, "10.0.0.13");
	pkt[21] = 40;	/* longer than the packet */
	sign(secret);
	CHECK(parse(&r, &why) == -1);
	CHECK(why && strstr(why, "overruns"));
	/* a Tunnel-Password whose salt lacks its top bit, or whose length byte lies */
	start(RADIUS_ACCESS_ACCEPT, 7);
	password(1, "pw");
	pkt[23] &= 0x7f;
	sign(secret);
	CHECK(parse(&r, &why) == -1);
	/* a Message-Authenticator that does not verify */
	start(RADIUS_ACCESS_ACCEPT, 7);
	attr(80, "0123456789abcdef", 16);
	sign(secret);
	CHECK(parse(&r, &why) == -1);
	CHECK(why && strstr(why, "Message-Authenticator"));
}

/* a correct Message-Authenticator in the answer is checked and taken */
static void test_message_authenticator(void)
{
	struct radius_reply r;
	const char *why;
	uint8_t copy[RADIUS_PACKET_MAX];
	unsigned n = 16;

	start(RADIUS_ACCESS_ACCEPT, 7);
	attr(80, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
	tagged_int(RADIUS_TUNNEL_TYPE, 0, RADIUS_TUNNEL_TYPE_L2TP);
	tagged_string(RADIUS_TUNNEL_SERVER_ENDPOINT, 0, "10.0.1.13");
	pkt[2] = (uint8_t)(plen >> 8);
	pkt[3] = (uint8_t)plen;
	memcpy(copy, pkt, plen);
	memcpy(copy + 4, req_auth, 16);
	HMAC(EVP_md5(), secret, (int)strlen(secret), copy, plen, pkt + 22, &n);
	sign(secret);
	CHECK(parse(&r, &why) == 0);
	CHECK_EQ_UL(r.ntunnels, 1);
}

int main(void)
{
	test_request();
	test_tagged();
	test_untagged_and_skipped();
	test_refused();
	test_message_authenticator();
	return check_done("test_radius_tunnel");
}
