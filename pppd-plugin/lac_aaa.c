/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "l2tpsec_names.h"
#include "lac_aaa.h"
#include "why.h"

#define SERVERS_MAX 8
#define WORD_MAX 64
#define SECRET_MAX 128

static struct aaa_config {
	int loaded;
	struct server {
		struct sockaddr_in addr;
		char secret[SECRET_MAX];
	} servers[SERVERS_MAX];
	int nservers;
	int timeout, retransmit;
	char password[WORD_MAX], template[WORD_MAX], nas_id[WORD_MAX];
	struct in_addr nas_ip;	/* requests from it, as their NAS-IP-Address; 0: routed, none */
} aaa;

/* one directive of the file into c; -1 with why */
static int directive(char *line, struct aaa_config *c, char *why, size_t len)
{
	char word[32], a[WORD_MAX + 1], extra;
	int port, n, off = 0;

	if (sscanf(line, "%31s%n", word, &off) != 1)
		return 0;	/* a blank line */
	if (!strcmp(word, "server")) {
		struct server *s = &c->servers[c->nservers];
		char *secret;

		if (c->nservers == SERVERS_MAX) {
			snprintf(why, len, "more than %d servers", SERVERS_MAX);
			return -1;
		}
		n = 0;
		if (sscanf(line + off, "%64s %d %n", a, &port, &n) != 2 || !n || port < 1 ||
		    port > 65535 || inet_pton(AF_INET, a, &s->addr.sin_addr) != 1) {
			snprintf(why, len, "'server' needs an IPv4 ADDRESS, a PORT and a SECRET");
			return -1;
		}
		secret = line + off + n;
		secret[strcspn(secret, "\r\n")] = '\0';
		if (!secret[0] || strlen(secret) >= SECRET_MAX) {
			snprintf(why, len, "a server's secret must be 1 to %d characters",
				 SECRET_MAX - 1);
			return -1;
		}
		s->addr.sin_family = AF_INET;
		s->addr.sin_port = htons((uint16_t)port);
		strcpy(s->secret, secret);
		c->nservers++;
		return 0;
	}
	if (sscanf(line + off, "%64s %c", a, &extra) != 1 || strlen(a) >= WORD_MAX) {
		snprintf(why, len, "'%s' takes one word of at most %d characters", word,
			 WORD_MAX - 1);
		return -1;
	}
	if (!strcmp(word, "timeout") || !strcmp(word, "retransmit")) {
		char *end;
		long v = strtol(a, &end, 10);
		int is_timeout = word[0] == 't';

		if (*end || v < (is_timeout ? 1 : 0) || v > (is_timeout ? 60 : 10)) {
			snprintf(why, len, "'%s' must be %s", word,
				 is_timeout ? "1 to 60 seconds" : "0 to 10");
			return -1;
		}
		*(is_timeout ? &c->timeout : &c->retransmit) = (int)v;
	} else if (!strcmp(word, "password")) {
		strcpy(c->password, a);
	} else if (!strcmp(word, "template")) {
		strcpy(c->template, a);
	} else if (!strcmp(word, "nas-identifier")) {
		strcpy(c->nas_id, a);
	} else if (!strcmp(word, "nas-ip-address")) {
		if (inet_pton(AF_INET, a, &c->nas_ip) != 1 || !c->nas_ip.s_addr) {
			snprintf(why, len, "'nas-ip-address' needs an IPv4 address");
			return -1;
		}
	} else {
		snprintf(why, len, "unknown directive '%s'", word);
		return -1;
	}
	return 0;
}

int lac_aaa_load(const char *path, char *why, size_t len)
{
	static struct aaa_config c;
	char line[512], what[300];
	struct stat st;
	int lineno = 0, r = 0;
	FILE *f = fopen(path, "re");

	memset(&c, 0, sizeof(c));
	c.timeout = 5;
	c.retransmit = 3;
	strcpy(c.password, "cisco");	/* IOS's default tunnel authorization password */
	if (!f) {
		why_set(why, len, path, errno);
		return -1;
	}
	if (fstat(fileno(f), &st) || (st.st_mode & 077)) {
		snprintf(why, len, "%s holds RADIUS secrets: it must not be readable by others "
			 "(chmod 600)", path);
		fclose(f);
		return -1;
	}
	while (!r && fgets(line, sizeof(line), f)) {
		lineno++;
		if (line[strspn(line, " \t")] != '#')	/* a comment line (a secret may hold '#') */
			r = directive(line, &c, what, sizeof(what));
	}
	fclose(f);
	memset(line, 0, sizeof(line));
	if (!r && !c.nservers) {
		snprintf(what, sizeof(what), "no 'server' line");
		r = -1;
		lineno = 0;
	} else if (!r && !c.template[0]) {
		snprintf(what, sizeof(what), "no 'template' line (the [lac] the tunnels are made from)");
		r = -1;
		lineno = 0;
	}
	if (r) {
		if (lineno)
			snprintf(why, len, "%s:%d: %s", path, lineno, what);
		else
			snprintf(why, len, "%s: %s", path, what);
		memset(&c, 0, sizeof(c));
		return -1;
	}
	aaa = c;
	aaa.loaded = 1;
	memset(&c, 0, sizeof(c));
	return 0;
}

int lac_aaa_enabled(void)
{
	return aaa.loaded;
}

const char *lac_aaa_template(void)
{
	return aaa.template;
}

/* one exchange with s: 1 with out filled, 0 no (valid) answer in time, -1 cannot send */
static int ask(const struct server *s, const uint8_t *req, size_t len, uint8_t id,
	       const uint8_t *auth, struct radius_reply *out, char *why, size_t wlen)
{
	uint8_t answer[RADIUS_PACKET_MAX];
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), got = 0;
	struct timespec now, end;
	const char *bad;

	struct sockaddr_in from = { .sin_family = AF_INET, .sin_addr = aaa.nas_ip };

	/* from the NAS-IP-Address when there is one (IOS ip radius source-interface); connected:
	 * the kernel passes only the server's own datagrams */
	if (fd < 0 || (aaa.nas_ip.s_addr && bind(fd, (const struct sockaddr *)&from, sizeof(from))) ||
	    connect(fd, (const struct sockaddr *)&s->addr, sizeof(s->addr)) ||
	    send(fd, req, len, 0) < 0) {
		why_set(why, wlen, "cannot send to the RADIUS server", errno);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += aaa.timeout;
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long ms;
		ssize_t n;

		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (end.tv_sec - now.tv_sec) * 1000 + (end.tv_nsec - now.tv_nsec) / 1000000;
		if (ms <= 0 || poll(&p, 1, (int)ms) <= 0)
			break;
		n = recv(fd, answer, sizeof(answer), 0);
		if (n < 0) {	/* ICMP unreachable: nobody there */
			why_set(why, wlen, "the RADIUS server", errno);
			break;
		}
		if (!radius_parse_reply(answer, (size_t)n, id, auth, s->secret, out, &bad)) {
			got = 1;
			break;
		}
		snprintf(why, wlen, "an answer ignored: %s", bad);
	}
	close(fd);
	return got;
}

enum lac_aaa_answer lac_aaa_lookup(const char *domain, struct radius_reply *out, char *why,
				   size_t len)
{
	uint8_t req[RADIUS_PACKET_MAX], auth[RADIUS_AUTH_LEN], id;
	char addr[INET_ADDRSTRLEN];

	snprintf(why, len, "no RADIUS server answered");
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < aaa.nservers; i++) {
		const struct server *s = &aaa.servers[i];
		size_t rlen;
		int got;

		inet_ntop(AF_INET, &s->addr.sin_addr, addr, sizeof(addr));
		for (int try = 0; try <= aaa.retransmit; try++) {
			/* a fresh authenticator each try: a late answer to an earlier one is not
			 * mistaken for this one's */
			if (getrandom(auth, sizeof(auth), 0) != sizeof(auth) ||
			    getrandom(&id, 1, 0) != 1) {
				why_set(why, len, "no random numbers", errno);
				return LAC_AAA_SILENT;
			}
			rlen = radius_access_request(req, id, auth, s->secret, domain, aaa.password,
						     aaa.nas_id, aaa.nas_ip.s_addr);
			if (!rlen) {
				snprintf(why, len, "domain '%s' does not fit a RADIUS request",
					 domain);
				return LAC_AAA_SILENT;
			}
			got = ask(s, req, rlen, id, auth, out, why, len);
			if (got < 0)
				break;	/* the next server */
			if (!got)
				continue;	/* no answer in time: try again */
			if (out->code == RADIUS_ACCESS_ACCEPT && out->ntunnels)
				return LAC_AAA_TUNNELS;
			if (out->code == RADIUS_ACCESS_ACCEPT || out->code == RADIUS_ACCESS_REJECT ||
			    out->code == RADIUS_ACCESS_CHALLENGE) {
				snprintf(why, len, "RADIUS %s %s%s%s", addr,
					 out->code == RADIUS_ACCESS_ACCEPT ?
					 "accepted it without a usable L2TP tunnel" :
					 out->code == RADIUS_ACCESS_REJECT ? "rejected it" :
					 "challenged it (not taken for tunnels)",
					 out->nskipped ? ": " : "", out->skipped_why);
				return LAC_AAA_NO_TUNNEL;
			}
		}
	}
	return LAC_AAA_SILENT;
}

/* a tunnel's priority for xl2tpd: its preference; without one, after those that have one */
static int priority(const struct radius_reply *r, const struct radius_tunnel *t)
{
	int any = 0;

	for (size_t i = 0; i < r->ntunnels; i++)
		any |= r->tunnels[i].preference != 0;
	if (!t->preference)
		return any ? L2TPSEC_LNS_PRIORITY_MAX : 1;
	return t->preference > L2TPSEC_LNS_PRIORITY_MAX ? L2TPSEC_LNS_PRIORITY_MAX :
	       (int)t->preference;
}

/* an endpoint (an address or a host name) as an IPv4 address */
static int resolve(const char *endpoint, char *addr)
{
	struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_DGRAM }, *res;
	struct in_addr a;

	if (inet_pton(AF_INET, endpoint, &a) != 1) {
		if (getaddrinfo(endpoint, NULL, &hints, &res))
			return -1;
		a = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
		freeaddrinfo(res);
	}
	inet_ntop(AF_INET, &a, addr, INET_ADDRSTRLEN);
	return 0;
}

int lac_aaa_request(const char *domain, const struct radius_reply *r, char *buf, size_t space,
		    char *why, size_t len)
{
	char addr[INET_ADDRSTRLEN];
	const char *hostname = NULL;
	int best = L2TPSEC_LNS_PRIORITY_MAX + 1, usable = 0;
	size_t off;

	off = (size_t)snprintf(buf, space, L2TPSEC_SWITCH_DIAL_AAA " %s %s\n", aaa.template,
			       domain);
	for (size_t i = 0; i < r->ntunnels && off < space; i++) {
		const struct radius_tunnel *t = &r->tunnels[i];
		int prio = priority(r, t);

		if (resolve(t->server_endpoint, addr)) {
			snprintf(why, len, "tag %u: Tunnel-Server-Endpoint %s does not resolve",
				 t->tag, t->server_endpoint);
			continue;
		}
		usable++;
		off += (size_t)snprintf(buf + off, space - off, "lns %s %d\n", addr, prio);
		if (t->has_password && off < space) {
			off += (size_t)snprintf(buf + off, space - off, "secret %s ", addr);
			for (size_t k = 0; k < t->password_len && off < space; k++)
				off += (size_t)snprintf(buf + off, space - off, "%02x",
							t->password[k]);
			if (off < space)
				buf[off++] = '\n';
		}
		if (t->client_auth_id[0] && prio < best) {
			best = prio;
			hostname = t->client_auth_id;
		}
	}
	if (hostname && off < space)
		off += (size_t)snprintf(buf + off, space - off, "hostname %s\n", hostname);
	if (off < space)
		off += (size_t)snprintf(buf + off, space - off, L2TPSEC_SWITCH_END "\n");
	if (off >= space) {
		memset(buf, 0, space);
		snprintf(why, len, "too many tunnels for one request");
		return -1;
	}
	if (!usable) {
		memset(buf, 0, space);
		return -1;	/* why: the last endpoint that did not resolve */
	}
	return (int)off;
}
