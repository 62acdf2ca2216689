/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * RADIUS tunnel authorization for a LAC (IOS: aaa authorization network … group radius with
 * vpdn search-order domain): the Access-Request for a domain (RFC 2865: User-Name, the hidden
 * User-Password, Service-Type Outbound-User, NAS-Identifier, Message-Authenticator per RFC 3579)
 * and the reply's tunnel attributes (RFC 2868) grouped by tag into the LNSes to try. Pure: the
 * caller sends and receives; MD5 from OpenSSL's libcrypto.
 *
 * Tagged attributes (tags 1..31) make one tunnel each; untagged ones (tag 0) apply to every
 * tagged tunnel that lacks them (IOS: vpdn aaa untagged), or make the only tunnel when no
 * attribute is tagged. A tunnel is usable when its Tunnel-Type is L2TP, its Tunnel-Medium-Type
 * (if any) IPv4, and it has a Tunnel-Server-Endpoint.
 */
#ifndef L2TPSEC_RADIUS_TUNNEL_H
#define L2TPSEC_RADIUS_TUNNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RADIUS_PACKET_MAX 4096
#define RADIUS_AUTH_LEN 16
#define RADIUS_TUNNELS_MAX 31	/* one per tag */
#define RADIUS_ID_MAX 64	/* endpoints and auth IDs kept: longer ones are refused */
#define RADIUS_TUNNEL_PASSWORD_MAX 128

enum radius_code {
	RADIUS_ACCESS_REQUEST = 1,
	RADIUS_ACCESS_ACCEPT = 2,
	RADIUS_ACCESS_REJECT = 3,
	RADIUS_ACCESS_CHALLENGE = 11,
};

/* RFC 2868's attribute numbers and the values taken here */
enum {
	RADIUS_TUNNEL_TYPE = 64,
	RADIUS_TUNNEL_MEDIUM_TYPE = 65,
	RADIUS_TUNNEL_CLIENT_ENDPOINT = 66,
	RADIUS_TUNNEL_SERVER_ENDPOINT = 67,
	RADIUS_TUNNEL_PASSWORD = 69,
	RADIUS_TUNNEL_ASSIGNMENT_ID = 82,
	RADIUS_TUNNEL_PREFERENCE = 83,
	RADIUS_TUNNEL_CLIENT_AUTH_ID = 90,
	RADIUS_TUNNEL_SERVER_AUTH_ID = 91,
	RADIUS_TUNNEL_TYPE_L2TP = 3,
	RADIUS_TUNNEL_MEDIUM_IPV4 = 1,
};

/* one tunnel the server named; a string is "" when absent */
struct radius_tunnel {
	unsigned tag;
	unsigned type, medium;	/* 0: absent */
	unsigned preference;	/* 0: absent (RFC 2868: a lower value is preferred) */
	char server_endpoint[RADIUS_ID_MAX];
	char client_auth_id[RADIUS_ID_MAX];	/* the Host Name the LAC gives the LNS */
	char server_auth_id[RADIUS_ID_MAX];	/* the LNS's expected Host Name */
	char assignment_id[RADIUS_ID_MAX];
	bool has_password;
	size_t password_len;
	uint8_t password[RADIUS_TUNNEL_PASSWORD_MAX];	/* the L2TP tunnel secret, decrypted */
};

struct radius_reply {
	enum radius_code code;
	size_t ntunnels;	/* usable ones, tag order */
	struct radius_tunnel tunnels[RADIUS_TUNNELS_MAX];
	size_t nskipped;	/* tunnels not usable: not L2TP, not IPv4 or no endpoint */
	char skipped_why[128];	/* the first one's reason */
};

/*
 * An Access-Request into buf (RADIUS_PACKET_MAX bytes) for user with password, with identifier
 * id and the random Request Authenticator auth; nas_id may be NULL, nas_ip (network order) 0
 * for none. Returns its length, 0 when a value is too long for RADIUS (a password over 128
 * bytes, a name over 253).
 */
size_t radius_access_request(uint8_t *buf, uint8_t id, const uint8_t auth[RADIUS_AUTH_LEN],
			     const char *secret, const char *user, const char *password,
			     const char *nas_id, uint32_t nas_ip);

/*
 * The server's answer to the request (id, auth) sent with secret: 0 and out filled for an
 * Access-Accept, Access-Reject or Access-Challenge that is authentic and well formed; -1 with
 * why otherwise (not an answer to that request, a wrong authenticator, a malformed attribute).
 * Only an Access-Accept's tunnels are read.
 */
int radius_parse_reply(const uint8_t *pkt, size_t len, uint8_t id,
		       const uint8_t auth[RADIUS_AUTH_LEN], const char *secret,
		       struct radius_reply *out, const char **why);

/* a server's answer to the request with req_auth: its length field set to len and its Response
 * Authenticator computed (RFC 2865 3), for tests and lab tools */
void radius_response_sign(uint8_t *pkt, size_t len, const uint8_t req_auth[RADIUS_AUTH_LEN],
			  const char *secret);

/* the Tunnel-Password attribute's String (salt and encrypted data) for password, as a server
 * makes it (RFC 2868 3.5): for tests and lab tools; returns its length, 0 if it does not fit */
size_t radius_tunnel_password_encrypt(uint8_t *out, size_t space, const char *secret,
				      const uint8_t auth[RADIUS_AUTH_LEN], const uint8_t salt[2],
				      const uint8_t *password, size_t len);

#endif
