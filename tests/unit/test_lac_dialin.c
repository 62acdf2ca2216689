/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The pppd plugin on the LAC's access side, against a recording pppd (fake_pppd.c) and a stand-in
 * xl2tpd on the switch socket (a forked child): l2tpsec-dialin installs the hooks before pppd
 * checks its secrets; the LCP CONFREQs both ways and the challenge are recorded from pppd's own
 * packets; a user of a request-dialin domain (without case) is not checked here but asked of
 * xl2tpd with exactly that proxy data, and a refused request is a CHAP Failure with a reason;
 * other users are checked against the secrets, or refused with l2tpsec-dialin-refuse-others; bad
 * option values are refused. With l2tpsec-dialin-aaa, a fake RADIUS server on loopback: its
 * tunnel for corp.example goes to xl2tpd as a dial-aaa request (LNS, priority, secret in hex, host
 * name), a reject leaves the user to local checks, a gone server is said, a domain that would add
 * lines to the request is never asked about, a file others may read is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "check.h"
#include "fake_pppd.h"
#include "l2tpsec_names.h"
#include "proxy_avp.h"
#include "radius_tunnel.h"

void plugin_init(void);

/* what the stand-in xl2tpd received, as the child saw it (written back through a pipe) */
static char request[65536];

static int set(const char *name, const char *value)
{
	option_t *o = fake_option(name);

	return o ? ((int (*)(char **))o->addr)((char *[]){ (char *)value }) : -1;
}

/* pppd's packets: FF 03, protocol, code, id, length, body */
static void packet(void (*hook)(unsigned char *, int), unsigned proto, int code, int id,
		   const uint8_t *body, size_t len)
{
	unsigned char p[300];

	p[0] = 0xff;
	p[1] = 0x03;
	p[2] = (unsigned char)(proto >> 8);
	p[3] = (unsigned char)proto;
	p[4] = (unsigned char)code;
	p[5] = (unsigned char)id;
	p[6] = (unsigned char)((len + 4) >> 8);
	p[7] = (unsigned char)(len + 4);
	memcpy(p + 8, body, len);
	hook(p, (int)(len + 8));
}

/* a stand-in xl2tpd: accept one request, keep it, refuse it; returns the child's pid */
static pid_t xl2tpd_refusing(int *from_child)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int s, p[2];
	pid_t pid;

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", L2TPSEC_SWITCH_SOCKET);
	mkdir(L2TPSEC_RUN_DIR, 0700);
	unlink(sa.sun_path);
	s = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) || listen(s, 1) || pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		int c = accept(s, NULL, NULL);
		ssize_t n = c >= 0 ? recv(c, request, sizeof(request) - 1, 0) : -1;

		if (n > 0 && write(p[1], request, (size_t)n) != n)
			_exit(1);
		if (c >= 0)
			send(c, "error [lac 1] cannot reach its LNS\n", 35, 0);
		_exit(0);
	}
	close(s);
	close(p[1]);
	*from_child = p[0];
	return pid;
}

static void keep_request(int from_child, pid_t pid)
{
	ssize_t n = read(from_child, request, sizeof(request) - 1);

	request[n > 0 ? n : 0] = '\0';
	close(from_child);
	waitpid(pid, NULL, 0);
}

static void options(void)
{
	CHECK(set(L2TPSEC_PPPD_DIALIN, "nocolon") == 0);
	CHECK(strstr(fake.option_error, "'nocolon' is not DOMAIN:LAC") != NULL);
	CHECK(set(L2TPSEC_PPPD_DIALIN, ":1") == 0);
	CHECK(set(L2TPSEC_PPPD_DIALIN, "cisco.com:") == 0);
	CHECK(chap_verify_hook == NULL);	/* nothing valid yet: pppd as it was */
	CHECK(set(L2TPSEC_PPPD_DIALIN, "cisco.com:1") == 1);
	CHECK(chap_verify_hook != NULL && pap_auth_hook != NULL && snoop_recv_hook != NULL &&
	      snoop_send_hook != NULL);
	CHECK(chap_check_hook && chap_check_hook() == 1 && pap_check_hook && pap_check_hook() == 1);
	CHECK(fake_option(L2TPSEC_PPPD_DIALIN_TIMEOUT) != NULL);
	*(int *)fake_option(L2TPSEC_PPPD_DIALIN_TIMEOUT)->addr = 5;
}

static void local_users(void)
{
	static struct chap_digest_type *md5;
	unsigned char challenge[17] = { 16 }, response[17] = { 16 };
	char msg[64];

	md5 = chap_find_digest(CHAP_MD5);
	fake.secret_name = "local@example.net";
	fake.secret = "s3cret";
	memcpy(response + 1, "s3cret", 6);
	response[16] = 9;	/* the fake digest: secret, zero-padded, then the ID */
	CHECK(chap_verify_hook("local@example.net", "LAC", 9, md5, challenge, response, msg,
			       sizeof(msg)) == 1);
	response[1] = 'x';
	CHECK(chap_verify_hook("local@example.net", "LAC", 9, md5, challenge, response, msg,
			       sizeof(msg)) == 0);
	/* without a domain at all: local as well */
	CHECK(chap_verify_hook("nodomain", "LAC", 9, md5, challenge, response, msg,
			       sizeof(msg)) == 0);
	CHECK(strstr(fake.error, "No CHAP secret found") != NULL);
	/* refused when the operator says so */
	*(bool *)fake_option(L2TPSEC_PPPD_DIALIN_REFUSE_OTHERS)->addr = 1;
	response[1] = 's';
	CHECK(chap_verify_hook("local@example.net", "LAC", 9, md5, challenge, response, msg,
			       sizeof(msg)) == 0);
	CHECK(!strcmp(msg, "domain not served"));
	*(bool *)fake_option(L2TPSEC_PPPD_DIALIN_REFUSE_OTHERS)->addr = 0;
}

static void switched_user(void)
{
	static const uint8_t lac_req[] = { 3, 5, 0xc2, 0x23, 5, 5, 6, 0xc7, 0x84, 0xd4, 0x68 };
	static const uint8_t first[] = { 1, 4, 0x05, 0xdc, 5, 6, 0x93, 0xa4, 0x8e, 0x69 };
	static const uint8_t client_req[] = { 5, 6, 0x93, 0xa4, 0x8e, 0x69, 7, 2, 8, 2 };
	unsigned char challenge[17] = { 16 }, response[17] = { 16 };
	struct proxy_info p;
	const char *why = NULL, *body;
	char msg[64];
	int from_child;
	pid_t pid;

	/* LCP as pppd sent and received it: two client CONFREQs (the first Nak'd), one of ours */
	packet(snoop_recv_hook, 0xc021, 1, 1, first, sizeof(first));
	packet(snoop_send_hook, 0xc021, 1, 1, lac_req, sizeof(lac_req));
	packet(snoop_recv_hook, 0xc021, 1, 2, client_req, sizeof(client_req));
	packet(snoop_send_hook, 0xc021, 2, 2, client_req, sizeof(client_req));	/* an ACK */
	memcpy(challenge + 1, "0123456789abcdef", 16);
	memset(response + 1, 0x5a, 16);

	pid = xl2tpd_refusing(&from_child);
	CHECK(pid > 0);
	if (pid <= 0)
		return;
	CHECK(chap_verify_hook("userSerial10@CISCO.com", "LAC", 0x90, chap_find_digest(CHAP_MD5),
			       challenge, response, msg, sizeof(msg)) == 0);
	keep_request(from_child, pid);
	CHECK(!strcmp(msg, "no tunnel to the home network"));
	CHECK(strstr(fake.notice, "userSerial10@CISCO.com is in a tunnelled domain: "
		     "switching into [lac 1]") != NULL);
	CHECK(strstr(fake.error, "[lac 1]: no L2TP session for userSerial10@CISCO.com: xl2tpd: "
		     "[lac 1] cannot reach its LNS") != NULL);
	CHECK(fake.died == 0);

	/* the request: "dial 1", then the proxy data in the text form, exactly as recorded */
	CHECK(!strncmp(request, "dial 1\n", 7));
	body = strchr(request, '\n');
	CHECK(body && proxy_from_text(&p, body + 1, &why) == 0);
	if (!body || proxy_from_text(&p, body + 1, &why))
		return;
	CHECK(p.lcp_len[0] == sizeof(first) && !memcmp(p.lcp[0], first, sizeof(first)));
	CHECK(p.lcp_len[1] == sizeof(lac_req) && !memcmp(p.lcp[1], lac_req, sizeof(lac_req)));
	CHECK(p.lcp_len[2] == sizeof(client_req) &&
	      !memcmp(p.lcp[2], client_req, sizeof(client_req)));
	CHECK(p.authen_type == PROXY_AUTH_CHAP && p.authen_id == 0x90);
	CHECK(!strcmp(p.authen_name, "userSerial10@CISCO.com"));
	CHECK(p.challenge_len == 16 && !memcmp(p.challenge, "0123456789abcdef", 16));
	CHECK(p.response_len == 16 && p.response[0] == 0x5a);
}

/*
 * A fake RADIUS server on loopback (a forked child): answers one Access-Request for
 * corp.example with a signed Access-Accept naming one L2TP tunnel (tag 1, 10.0.0.13, preference
 * 1, Tunnel-Password "cisco", Tunnel-Client-Auth-ID LAC), any other with an Access-Reject;
 * writes what it was asked (User-Name, and " from A nas A" when it has a NAS-IP-Address: the
 * request's source and that) to the pipe. Returns its pid, its port in *port.
 */
static pid_t radius_server(int *port, int *from_child)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(sa);
	int s = socket(AF_INET, SOCK_DGRAM, 0), p[2];
	pid_t pid;

	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) ||
	    getsockname(s, (struct sockaddr *)&sa, &len) || pipe(p))
		return -1;
	*port = ntohs(sa.sin_port);
	pid = fork();
	if (pid == 0) {
		uint8_t q[4096], a[4096], salt[2] = { 0x80, 1 }, v[64];
		struct sockaddr_in from;
		socklen_t flen = sizeof(from);
		ssize_t n = recvfrom(s, q, sizeof(q), 0, (struct sockaddr *)&from, &flen);
		size_t off = 20, k, user_off = 0, nas_off = 0;
		char said[300];

		if (n < 20)
			_exit(1);
		for (k = 20; k + 2 <= (size_t)n && q[k + 1] >= 2; k += q[k + 1])
			if (q[k] == 1)
				user_off = k;
			else if (q[k] == 4 && q[k + 1] == 6)
				nas_off = k;
		if (!user_off)
			_exit(1);
		k = (size_t)snprintf(said, sizeof(said), "%.*s", q[user_off + 1] - 2,
				     (const char *)q + user_off + 2);
		if (nas_off) {
			char a1[INET_ADDRSTRLEN], a2[INET_ADDRSTRLEN];

			inet_ntop(AF_INET, &from.sin_addr, a1, sizeof(a1));
			inet_ntop(AF_INET, q + nas_off + 2, a2, sizeof(a2));
			k += (size_t)snprintf(said + k, sizeof(said) - k, " from %s nas %s", a1, a2);
		}
		if (write(p[1], said, k) < 0)
			_exit(1);
		a[0] = (q[user_off + 1] - 2 == 12 && !memcmp(q + user_off + 2, "corp.example", 12)) ?
		       RADIUS_ACCESS_ACCEPT : RADIUS_ACCESS_REJECT;
		a[1] = q[1];
		if (a[0] == RADIUS_ACCESS_ACCEPT) {
			const uint8_t attrs[] = { 64, 6, 1, 0, 0, 3, 65, 6, 1, 0, 0, 1,
				67, 12, 1, '1', '0', '.', '0', '.', '0', '.', '1', '3',
				83, 6, 1, 0, 0, 1, 90, 6, 1, 'L', 'A', 'C' };

			memcpy(a + off, attrs, sizeof(attrs));
			off += sizeof(attrs);
			k = radius_tunnel_password_encrypt(v, sizeof(v), "radsecret", q + 4, salt,
							   (const uint8_t *)"cisco", 5);
			a[off] = RADIUS_TUNNEL_PASSWORD;
			a[off + 1] = (uint8_t)(k + 3);
			a[off + 2] = 1;
			memcpy(a + off + 3, v, k);
			off += k + 3;
		}
		radius_response_sign(a, off, q + 4, "radsecret");
		sendto(s, a, off, 0, (struct sockaddr *)&from, flen);
		_exit(0);
	}
	close(s);
	close(p[1]);
	*from_child = p[0];
	return pid;
}

static void radius_tunnels(void)
{
	static const char head[] = "dial-aaa vpdn-template corp.example\nlns 10.0.0.13 1\n"
				   "secret 10.0.0.13 636973636f\nhostname LAC\nend\n";
	unsigned char challenge[17] = { 16 }, response[17] = { 16 };
	char path[] = L2TPSEC_RUN_DIR "/aaa", asked[256], msg[64];
	int port, to_radius, from_child;
	pid_t rpid, xpid;
	ssize_t n;
	FILE *f;

	CHECK(set(L2TPSEC_PPPD_DIALIN_AAA, "/nonexistent/aaa") == 0);
	CHECK(strstr(fake.option_error, "/nonexistent/aaa: No such file") != NULL);
	f = fopen(path, "w");
	fprintf(f, "nas-ip-address 10.0.2\n");
	fclose(f);
	chmod(path, 0600);
	CHECK(set(L2TPSEC_PPPD_DIALIN_AAA, path) == 0);
	CHECK(strstr(fake.option_error, ":1: 'nas-ip-address' needs an IPv4 address") != NULL);
	rpid = radius_server(&port, &to_radius);
	CHECK(rpid > 0);
	if (rpid <= 0)
		return;
	f = fopen(path, "w");
	fprintf(f, "# test\nserver 127.0.0.1 %d radsecret\ntimeout 2\nretransmit 0\n"
		"template vpdn-template\nnas-ip-address 127.0.0.2\n", port);
	fclose(f);
	chmod(path, 0644);
	CHECK(set(L2TPSEC_PPPD_DIALIN_AAA, path) == 0);	/* others may read it: refused */
	CHECK(strstr(fake.option_error, "must not be readable by others") != NULL);
	chmod(path, 0600);
	CHECK(set(L2TPSEC_PPPD_DIALIN_AAA, path) == 1);

	/* a domain that would add lines to the switch request is never asked about */
	CHECK(chap_verify_hook("u@evil\nlns 192.0.2.66 1", "LAC", 1, chap_find_digest(CHAP_MD5),
			       challenge, response, msg, sizeof(msg)) == 0);
	CHECK(strstr(fake.warn, "is not asked of RADIUS") != NULL);

	/* corp.example: RADIUS's tunnel goes to xl2tpd as the request's head */
	xpid = xl2tpd_refusing(&from_child);
	CHECK(xpid > 0);
	if (xpid <= 0)
		return;
	CHECK(chap_verify_hook("user1@corp.example", "LAC", 2, chap_find_digest(CHAP_MD5),
			       challenge, response, msg, sizeof(msg)) == 0);
	keep_request(from_child, xpid);
	n = read(to_radius, asked, sizeof(asked) - 1);
	asked[n > 0 ? n : 0] = '\0';
	close(to_radius);
	waitpid(rpid, NULL, 0);
	/* from the NAS-IP-Address, which it carries (IOS ip radius source-interface) */
	CHECK(!strcmp(asked, "corp.example from 127.0.0.2 nas 127.0.0.2"));
	CHECK(!strncmp(request, head, strlen(head)));
	CHECK(strstr(fake.info, "domain corp.example: RADIUS tunnel 1 to 10.0.0.13, preference 1, "
		     "tunnel password, our name LAC") != NULL);
	CHECK(strstr(fake.notice, "switching into RADIUS's tunnels for corp.example "
		     "([lac vpdn-template] settings)") != NULL);
	CHECK(!strcmp(msg, "no tunnel to the home network"));

	/* an Access-Reject: not tunnelled, checked here (no local secret: refused) */
	rpid = radius_server(&port, &to_radius);
	f = fopen(path, "w");
	fprintf(f, "server 127.0.0.1 %d radsecret\ntimeout 2\nretransmit 0\n"
		"template vpdn-template\n", port);
	fclose(f);
	CHECK(set(L2TPSEC_PPPD_DIALIN_AAA, path) == 1);
	CHECK(chap_verify_hook("user1@other.example", "LAC", 3, chap_find_digest(CHAP_MD5),
			       challenge, response, msg, sizeof(msg)) == 0);
	close(to_radius);
	waitpid(rpid, NULL, 0);
	CHECK(strstr(fake.notice, "domain other.example is not tunnelled: RADIUS 127.0.0.1 "
		     "rejected it") != NULL);
	CHECK(strstr(fake.error, "No CHAP secret found for authenticating user1@other.example"));

	/* nobody answers (the server is gone): said, then as any other domain (here: refused) */
	*(bool *)fake_option(L2TPSEC_PPPD_DIALIN_REFUSE_OTHERS)->addr = 1;
	CHECK(chap_verify_hook("user1@corp.example", "LAC", 4, chap_find_digest(CHAP_MD5),
			       challenge, response, msg, sizeof(msg)) == 0);
	CHECK(strstr(fake.error, "domain corp.example: no tunnel authorization: the RADIUS "
		     "server: Connection refused") != NULL);
	CHECK(!strcmp(msg, "domain not served"));
	*(bool *)fake_option(L2TPSEC_PPPD_DIALIN_REFUSE_OTHERS)->addr = 0;
	unlink(path);
}

static void no_xl2tpd(void)
{
	unsigned char challenge[17] = { 16 }, response[17] = { 16 };
	char msg[64];

	unlink(L2TPSEC_SWITCH_SOCKET);
	CHECK(chap_verify_hook("u@cisco.com", "LAC", 1, chap_find_digest(CHAP_MD5), challenge,
			       response, msg, sizeof(msg)) == 0);
	CHECK(strstr(fake.error, "xl2tpd's switch socket") != NULL);
}

int main(void)
{
	fake_pppd_reset();
	plugin_init();
	options();
	local_users();
	switched_user();
	radius_tunnels();
	no_xl2tpd();
	return check_done("test_lac_dialin");
}
