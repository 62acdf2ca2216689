/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "radius_tunnel.h"

#define HEADER 20
#define USER_NAME 1
#define USER_PASSWORD 2
#define SERVICE_TYPE 6
#define NAS_IDENTIFIER 32
#define NAS_IP_ADDRESS 4
#define MESSAGE_AUTHENTICATOR 80
#define OUTBOUND_USER 5
#define TAG_MAX 0x1f

/* MD5 over the pieces, in order (a NULL-terminated list of pointer and length) */
struct piece {
	const void *p;
	size_t len;
};

static void md5(uint8_t out[16], const struct piece *pieces)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned n = 16;
	int ok = ctx && EVP_DigestInit_ex(ctx, EVP_md5(), NULL);

	for (; ok && pieces->p; pieces++)
		ok = EVP_DigestUpdate(ctx, pieces->p, pieces->len);
	if (!ok || !EVP_DigestFinal_ex(ctx, out, &n))
		memset(out, 0, 16);	/* no MD5 (a FIPS-only provider): nothing will verify */
	EVP_MD_CTX_free(ctx);
}

/* MD5(secret + what + extra): the keystream of RFC 2865 5.2 and RFC 2868 3.5 */
static void keystream(uint8_t out[16], const char *secret, const uint8_t *what,
		      const uint8_t *extra, size_t extra_len)
{
	md5(out, (struct piece[]){ { secret, strlen(secret) }, { what, 16 },
				   { extra ? (const void *)extra : "", extra_len }, { NULL, 0 } });
}

static void hmac_md5(uint8_t out[16], const char *secret, const uint8_t *pkt, size_t len)
{
	unsigned n = 16;

	if (!HMAC(EVP_md5(), secret, (int)strlen(secret), pkt, len, out, &n))
		memset(out, 0, 16);
}

/* RFC 2865 3: MD5(Code+ID+Length+RequestAuth+Attributes+Secret), the packet's length from it */
static void response_auth(uint8_t out[16], const uint8_t *pkt, size_t len,
			  const uint8_t req_auth[16], const char *secret)
{
	md5(out, (struct piece[]){ { pkt, 4 }, { req_auth, 16 }, { pkt + HEADER, len - HEADER },
				   { secret, strlen(secret) }, { NULL, 0 } });
}

void radius_response_sign(uint8_t *pkt, size_t len, const uint8_t req_auth[RADIUS_AUTH_LEN],
			  const char *secret)
{
	pkt[2] = (uint8_t)(len >> 8);
	pkt[3] = (uint8_t)len;
	response_auth(pkt + 4, pkt, len, req_auth, secret);
}

/* constant time: an authenticator is a MAC */
static int same16(const uint8_t *a, const uint8_t *b)
{
	uint8_t d = 0;

	for (int i = 0; i < 16; i++)
		d |= a[i] ^ b[i];
	return !d;
}

static size_t put_attr(uint8_t *buf, size_t off, unsigned type, const void *v, size_t len)
{
	if (len > 253 || off + 2 + len > RADIUS_PACKET_MAX)
		return 0;
	buf[off] = (uint8_t)type;
	buf[off + 1] = (uint8_t)(len + 2);
	memcpy(buf + off + 2, v, len);
	return off + 2 + len;
}

/* RFC 2865 5.2: the password padded to 16s, each block XORed with MD5(secret, previous) */
static size_t hide_password(uint8_t *out, const char *secret, const uint8_t auth[16],
			    const char *password)
{
	size_t plen = strlen(password), len = plen ? (plen + 15) / 16 * 16 : 16;
	const uint8_t *prev = auth;
	uint8_t b[16];

	if (plen > 128)
		return 0;
	memset(out, 0, len);
	memcpy(out, password, plen);
	for (size_t i = 0; i < len; i += 16) {
		keystream(b, secret, prev, NULL, 0);
		for (int k = 0; k < 16; k++)
			out[i + k] ^= b[k];
		prev = out + i;
	}
	return len;
}

size_t radius_access_request(uint8_t *buf, uint8_t id, const uint8_t auth[RADIUS_AUTH_LEN],
			     const char *secret, const char *user, const char *password,
			     const char *nas_id, uint32_t nas_ip)
{
	uint8_t hidden[128], zero[16] = { 0 }, service[4] = { 0, 0, 0, OUTBOUND_USER };
	size_t off = HEADER, ma, hlen = hide_password(hidden, secret, auth, password);

	if (!hlen || !user[0])
		return 0;
	buf[0] = RADIUS_ACCESS_REQUEST;
	buf[1] = id;
	memcpy(buf + 4, auth, RADIUS_AUTH_LEN);
	/* Message-Authenticator first (RFC 3579; first, against forged answers' prefix games) */
	ma = off;
	off = put_attr(buf, off, MESSAGE_AUTHENTICATOR, zero, 16);
	if (off)
		off = put_attr(buf, off, USER_NAME, user, strlen(user));
	if (off)
		off = put_attr(buf, off, USER_PASSWORD, hidden, hlen);
	if (off)
		off = put_attr(buf, off, SERVICE_TYPE, service, 4);
	if (off && nas_id && nas_id[0])
		off = put_attr(buf, off, NAS_IDENTIFIER, nas_id, strlen(nas_id));
	if (off && nas_ip)
		off = put_attr(buf, off, NAS_IP_ADDRESS, &nas_ip, 4);
	if (!off)
		return 0;
	buf[2] = (uint8_t)(off >> 8);
	buf[3] = (uint8_t)off;
	hmac_md5(buf + ma + 2, secret, buf, off);
	return off;
}

size_t radius_tunnel_password_encrypt(uint8_t *out, size_t space, const char *secret,
				      const uint8_t auth[RADIUS_AUTH_LEN], const uint8_t salt[2],
				      const uint8_t *password, size_t len)
{
	size_t total = (len + 1 + 15) / 16 * 16;
	uint8_t b[16];

	if (len > 240 || 2 + total > space)
		return 0;
	out[0] = salt[0] | 0x80;
	out[1] = salt[1];
	memset(out + 2, 0, total);
	out[2] = (uint8_t)len;
	memcpy(out + 3, password, len);
	for (size_t i = 0; i < total; i += 16) {
		if (i == 0)
			keystream(b, secret, auth, out, 2);
		else
			keystream(b, secret, out + 2 + i - 16, NULL, 0);
		for (int k = 0; k < 16; k++)
			out[2 + i + k] ^= b[k];
	}
	return 2 + total;
}


/* what one tag's attributes said; got: which of them were present */
struct partial {
	struct radius_tunnel t;
	unsigned got;
};
enum { GOT_TYPE = 1, GOT_MEDIUM = 2, GOT_PREF = 4, GOT_SERVER = 8, GOT_CLIENT_ID = 16,
       GOT_SERVER_ID = 32, GOT_PASSWORD = 64, GOT_ASSIGNMENT = 128, GOT_ANY = 256 };

/* a tagged integer: the tag, then 3 octets of value */
static int tagged_int(const uint8_t *v, size_t len, unsigned *tag, unsigned *value)
{
	if (len != 4 || v[0] > TAG_MAX)
		return -1;
	*tag = v[0];
	*value = (unsigned)v[1] << 16 | (unsigned)v[2] << 8 | v[3];
	return 0;
}

/* a tagged string: a first octet up to 0x1f is the tag, else part of the string (tag 0) */
static int tagged_string(const uint8_t *v, size_t len, unsigned *tag, char *out)
{
	if (len && v[0] <= TAG_MAX) {
		*tag = v[0];
		v++;
		len--;
	} else {
		*tag = 0;
	}
	if (!len || len >= RADIUS_ID_MAX)
		return -1;
	for (size_t i = 0; i < len; i++)
		if (v[i] <= ' ' || v[i] >= 0x7f)
			return -1;	/* a host name or an address: one printable word */
	memcpy(out, v, len);
	out[len] = '\0';
	return 0;
}

/* RFC 2868 3.5: tag, salt (its top bit set), then the encrypted Data-Length, password, padding;
 * into the tunnel of its tag (tags: indexed by tag) */
static int tunnel_password(const uint8_t *v, size_t len, const char *secret,
			   const uint8_t auth[16], struct partial *tags)
{
	uint8_t plain[256] = { 0 }, b[16];
	size_t n = len >= 3 ? len - 3 : 0;
	struct radius_tunnel *t;

	if (len < 3 + 16 || n % 16 || v[0] > TAG_MAX || !(v[1] & 0x80))
		return -1;
	t = &tags[v[0]].t;
	for (size_t i = 0; i < n; i += 16) {
		if (i == 0)
			keystream(b, secret, auth, v + 1, 2);
		else
			keystream(b, secret, v + 3 + i - 16, NULL, 0);
		for (int k = 0; k < 16; k++)
			plain[i + k] = v[3 + i + k] ^ b[k];
	}
	if (!plain[0] || plain[0] > n - 1 || plain[0] > RADIUS_TUNNEL_PASSWORD_MAX) {
		memset(plain, 0, sizeof(plain));
		return -1;
	}
	t->password_len = plain[0];
	memcpy(t->password, plain + 1, plain[0]);
	t->has_password = true;
	memset(plain, 0, sizeof(plain));
	return 0;
}

/* one tunnel attribute into its tag's partial; -1: malformed */
static int take(struct partial *tags, unsigned type, const uint8_t *v, size_t len,
		const char *secret, const uint8_t auth[16])
{
	unsigned tag = 0, value = 0, bit;
	char s[RADIUS_ID_MAX];

	switch (type) {
	case RADIUS_TUNNEL_TYPE:
	case RADIUS_TUNNEL_MEDIUM_TYPE:
	case RADIUS_TUNNEL_PREFERENCE:
		if (tagged_int(v, len, &tag, &value))
			return -1;
		bit = type == RADIUS_TUNNEL_TYPE ? GOT_TYPE :
		      type == RADIUS_TUNNEL_MEDIUM_TYPE ? GOT_MEDIUM : GOT_PREF;
		if (type == RADIUS_TUNNEL_TYPE)
			tags[tag].t.type = value;
		else if (type == RADIUS_TUNNEL_MEDIUM_TYPE)
			tags[tag].t.medium = value;
		else
			tags[tag].t.preference = value;
		break;
	case RADIUS_TUNNEL_PASSWORD:
		if (tunnel_password(v, len, secret, auth, tags))
			return -1;
		tag = v[0];
		bit = GOT_PASSWORD;
		break;
	case RADIUS_TUNNEL_SERVER_ENDPOINT:
	case RADIUS_TUNNEL_CLIENT_AUTH_ID:
	case RADIUS_TUNNEL_SERVER_AUTH_ID:
	case RADIUS_TUNNEL_ASSIGNMENT_ID:
		if (tagged_string(v, len, &tag, s))
			return -1;
		if (type == RADIUS_TUNNEL_SERVER_ENDPOINT) {
			strcpy(tags[tag].t.server_endpoint, s);
			bit = GOT_SERVER;
		} else if (type == RADIUS_TUNNEL_CLIENT_AUTH_ID) {
			strcpy(tags[tag].t.client_auth_id, s);
			bit = GOT_CLIENT_ID;
		} else if (type == RADIUS_TUNNEL_SERVER_AUTH_ID) {
			strcpy(tags[tag].t.server_auth_id, s);
			bit = GOT_SERVER_ID;
		} else {
			strcpy(tags[tag].t.assignment_id, s);
			bit = GOT_ASSIGNMENT;
		}
		break;
	default:
		return 0;	/* Tunnel-Client-Endpoint and the rest: not used */
	}
	tags[tag].got |= bit | GOT_ANY;
	return 0;
}

/* an untagged value fills what a tagged tunnel lacks */
static void inherit(struct partial *to, const struct partial *from)
{
	const struct radius_tunnel *f = &from->t;
	struct radius_tunnel *t = &to->t;
	unsigned missing = from->got & ~to->got;

	if (missing & GOT_TYPE)
		t->type = f->type;
	if (missing & GOT_MEDIUM)
		t->medium = f->medium;
	if (missing & GOT_PREF)
		t->preference = f->preference;
	if (missing & GOT_SERVER)
		strcpy(t->server_endpoint, f->server_endpoint);
	if (missing & GOT_CLIENT_ID)
		strcpy(t->client_auth_id, f->client_auth_id);
	if (missing & GOT_SERVER_ID)
		strcpy(t->server_auth_id, f->server_auth_id);
	if (missing & GOT_ASSIGNMENT)
		strcpy(t->assignment_id, f->assignment_id);
	if (missing & GOT_PASSWORD) {
		t->has_password = true;
		t->password_len = f->password_len;
		memcpy(t->password, f->password, f->password_len);
	}
	to->got |= missing;
}

/* why a tunnel cannot be used by an L2TP LAC, or NULL */
static const char *unusable(const struct radius_tunnel *t, char *why, size_t len)
{
	if (t->type != RADIUS_TUNNEL_TYPE_L2TP)
		snprintf(why, len, "tag %u: Tunnel-Type %u is not L2TP (3)", t->tag, t->type);
	else if (t->medium && t->medium != RADIUS_TUNNEL_MEDIUM_IPV4)
		snprintf(why, len, "tag %u: Tunnel-Medium-Type %u is not IPv4 (1)", t->tag,
			 t->medium);
	else if (!t->server_endpoint[0])
		snprintf(why, len, "tag %u: no Tunnel-Server-Endpoint", t->tag);
	else
		return NULL;
	return why;
}

static void collect(struct partial *tags, struct radius_reply *out)
{
	unsigned first = 0;
	char why[128];

	for (unsigned tag = 1; tag <= TAG_MAX; tag++)
		if (tags[tag].got)
			first = first ? first : tag;
	for (unsigned tag = first ? first : 0; tag <= TAG_MAX; tag++) {
		struct partial *p = &tags[tag];

		if (!p->got || (first && tag == 0))
			continue;
		if (first)
			inherit(p, &tags[0]);
		p->t.tag = tag;
		if (unusable(&p->t, why, sizeof(why))) {
			if (!out->nskipped++)
				snprintf(out->skipped_why, sizeof(out->skipped_why), "%s", why);
			continue;
		}
		out->tunnels[out->ntunnels++] = p->t;
		if (!first)
			break;	/* untagged only: one tunnel */
	}
}

static int fail(const char **why, const char *what)
{
	*why = what;
	return -1;
}

int radius_parse_reply(const uint8_t *pkt, size_t len, uint8_t id,
		       const uint8_t auth[RADIUS_AUTH_LEN], const char *secret,
		       struct radius_reply *out, const char **why)
{
	static struct partial tags[TAG_MAX + 1];
	uint8_t copy[RADIUS_PACKET_MAX], digest[16];
	size_t plen, off;
	int ma = -1, r = 0;

	memset(out, 0, sizeof(*out));
	if (len < HEADER)
		return fail(why, "shorter than a RADIUS header");
	plen = (size_t)pkt[2] << 8 | pkt[3];
	if (plen < HEADER || plen > len || plen > RADIUS_PACKET_MAX)
		return fail(why, "its length field does not match the datagram");
	if (pkt[1] != id)
		return fail(why, "an answer to another request (identifier)");
	if (pkt[0] != RADIUS_ACCESS_ACCEPT && pkt[0] != RADIUS_ACCESS_REJECT &&
	    pkt[0] != RADIUS_ACCESS_CHALLENGE)
		return fail(why, "not an Access-Accept, -Reject or -Challenge");
	response_auth(digest, pkt, plen, auth, secret);
	if (!same16(digest, pkt + 4))
		return fail(why, "wrong Response Authenticator (not the server, or another secret)");
	for (off = HEADER; off < plen; off += pkt[off + 1]) {
		if (plen - off < 2 || pkt[off + 1] < 2 || pkt[off + 1] > plen - off)
			return fail(why, "an attribute overruns the packet");
		if (pkt[off] == MESSAGE_AUTHENTICATOR) {
			if (pkt[off + 1] != 18 || ma >= 0)
				return fail(why, "a malformed Message-Authenticator");
			ma = (int)off;
		}
	}
	if (ma >= 0) {	/* RFC 3579 3.2: over the packet with the request's authenticator */
		memcpy(copy, pkt, plen);
		memcpy(copy + 4, auth, 16);
		memset(copy + ma + 2, 0, 16);
		hmac_md5(digest, secret, copy, plen);
		memset(copy, 0, plen);
		if (!same16(digest, pkt + ma + 2))
			return fail(why, "wrong Message-Authenticator");
	}
	out->code = (enum radius_code)pkt[0];
	if (out->code != RADIUS_ACCESS_ACCEPT)
		return 0;
	memset(tags, 0, sizeof(tags));
	for (off = HEADER; off < plen && !r; off += pkt[off + 1])
		r = take(tags, pkt[off], pkt + off + 2, (size_t)pkt[off + 1] - 2, secret, auth);
	if (!r)
		collect(tags, out);
	memset(tags, 0, sizeof(tags));	/* the tunnel secrets */
	if (r) {
		memset(out, 0, sizeof(*out));
		return fail(why, "a malformed tunnel attribute (RFC 2868)");
	}
	return 0;
}
