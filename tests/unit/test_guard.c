/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The patched xl2tpd's guard without xl2tpd or charon: the pieces below it (crypto socket
 * transport, LAC dial, xl2tpd's tunnels) are replaced by recorders, and the test drives the
 * guard through the crypto socket events and the packet, dial and teardown hooks.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <string.h>

#include "check.h"
#include "cs_build.h"
#include "l2tpsec_cs.h"
#include "l2tpsec_dial.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_log.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"

/* what the guard did to the layers below it */
static struct {
	const struct l2tpsec_cs_events *events;
	struct cs_msg sent[8];
	int nsent, drops, logs, dial_connected, dial_lost, dial_failed, dial_forgot, dial_requests;
	int secured_answer;	/* what l2tpsec_dial_secured() returns */
	int send_fails;		/* l2tpsec_cs_send() finds charon gone */
	int downs;
	struct cs_endpoint down_remote;
	int down_all;
	char last_log[512];
} rec;

/* the test's xl2tpd: a tunnel is just its peer and section settings */
struct tunnel {
	struct cs_endpoint peer;
	int protected, keep_sa, shares;
};
struct lac {
	int protected;
};
static int lns_protected = 1;

void l2tp_log(int level, const char *fmt, ...)
{
	va_list ap;

	(void)level;
	va_start(ap, fmt);
	vsnprintf(rec.last_log, sizeof(rec.last_log), fmt, ap);
	va_end(ap);
	rec.logs++;
}

const char *l2tpsec_socket_path(void)
{
	return "/run/test/crypto.sock";
}

void l2tpsec_cs_start(const struct l2tpsec_cs_events *ev)
{
	rec.events = ev;
}

int l2tpsec_cs_send(const struct cs_msg *m)
{
	if (rec.send_fails) {	/* as the transport does: the connection is dropped at once */
		rec.events->lost("Broken pipe", 1);
		return -1;
	}
	if (rec.nsent < 8)
		rec.sent[rec.nsent++] = *m;
	return 0;
}

void l2tpsec_cs_drop(const char *why)
{
	(void)why;
	rec.drops++;
	rec.events->lost(why, 1);
}

void l2tpsec_dial_request(struct lac *lac, const struct cs_endpoint *remote)
{
	(void)lac;
	(void)remote;
	rec.dial_requests++;
}

void l2tpsec_dial_connected(void)
{
	rec.dial_connected++;
}

void l2tpsec_dial_lost(void)
{
	rec.dial_lost++;
}

int l2tpsec_dial_secured(uint32_t id)
{
	(void)id;
	return rec.secured_answer;
}

void l2tpsec_dial_failed(uint32_t id, const char *why)
{
	(void)id;
	(void)why;
	rec.dial_failed++;
}

void l2tpsec_dial_forget(uint32_t id)
{
	(void)id;
	rec.dial_forgot++;
}

struct l2tpsec_settings l2tpsec_tunnel_settings(const struct tunnel *t)
{
	struct l2tpsec_settings s = { t->protected ? "prof" : NULL, t->keep_sa, 0, L2TPSEC_LCP_OFF };

	return s;
}

int l2tpsec_lac_protected(const struct lac *lac)
{
	return lac->protected;
}

void l2tpsec_tunnel_peer(const struct tunnel *t, struct cs_endpoint *ep)
{
	*ep = t->peer;
}

int l2tpsec_tunnel_shares_peer(const struct tunnel *t)
{
	return t->shares;
}

int l2tpsec_peer_needs_ipsec(const struct sockaddr_in *from, int tunnel_id)
{
	(void)from;
	(void)tunnel_id;
	return lns_protected;
}

int l2tpsec_lns_profiles(int (*listen)(const char *profile, const struct cs_endpoint *local))
{
	struct cs_endpoint any = { .family = 4, .port = 1701 };

	return listen("l2tp", &any) || listen("other", &any);
}

void l2tpsec_tunnels_down(const struct cs_endpoint *remote, const char *why)
{
	(void)why;
	rec.downs++;
	rec.down_all = !remote;
	if (remote)
		rec.down_remote = *remote;
}

static struct sockaddr_in sin_of(const char *addr, int port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };

	inet_pton(AF_INET, addr, &sin.sin_addr);
	return sin;
}

static struct in_pktinfo to_of(const char *addr)
{
	struct in_pktinfo to;

	memset(&to, 0, sizeof(to));
	if (addr)
		inet_pton(AF_INET, addr, &to.ipi_addr);
	return to;
}

static void secured(uint32_t id, const char *local, const char *remote, int port)
{
	struct sockaddr_in l = sin_of(local, 1701), r = sin_of(remote, port);
	struct cs_endpoint le, re;
	struct cs_msg m;

	cs_endpoint_from_sin(&le, &l);
	cs_endpoint_from_sin(&re, &r);
	cs_build_secured(&m, id, &le, &re);
	cs_build_facts(&m, 1, 2, "aes128", "sha1", 53, id + 100);
	rec.events->event(&m);
}

static void closed(uint32_t id)
{
	struct cs_msg m;

	cs_build_closed(&m, id, CS_REASON_DELETED);
	rec.events->event(&m);
}

static void test_events_and_packets(void)
{
	struct sockaddr_in lac = sin_of("10.0.0.12", 1701), rogue = sin_of("10.0.0.66", 1701);
	struct in_pktinfo to = to_of("10.0.0.13"), other_to = to_of("10.0.1.13"), unknown = to_of(NULL);
	struct cs_endpoint lac_ep;
	struct cs_msg m;

	cs_endpoint_from_sin(&lac_ep, &lac);
	CHECK(l2tpsec_guard_sa(&lac_ep) == NULL);	/* before start: no table, no crash */
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0) == 0);	/* and nothing protected */
	l2tpsec_guard_start();
	CHECK(rec.events != NULL);

	/* connected: one LISTEN per profile, then the held dials */
	rec.events->connected();
	CHECK(rec.nsent == 2);
	CHECK(rec.sent[0].type == CS_LISTEN && !strcmp(rec.sent[0].profile, "l2tp"));
	CHECK(rec.sent[1].type == CS_LISTEN && !strcmp(rec.sent[1].profile, "other"));
	CHECK(rec.sent[0].local.port == 1701);
	CHECK(rec.dial_connected == 1);

	/* nobody is SECURED: a protected section's peer is dropped, logged once per interval */
	rec.logs = 0;
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0) == 0);
	CHECK(rec.logs == 1 && strstr(rec.last_log, "10.0.0.12:1701"));
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 5) == 0);
	CHECK(rec.logs == 1);
	CHECK(l2tpsec_guard_drops() >= 2);
	/* an unprotected section's peer passes */
	lns_protected = 0;
	CHECK(l2tpsec_guard_packet_allowed(&rogue, &to, 0) == 1);
	lns_protected = 1;

	/* SECURED: that peer (and only it, only to the SA's local address) passes */
	rec.secured_answer = 0;
	secured(0x80000000u, "10.0.0.13", "10.0.0.12", 1701);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0) == 1);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &unknown, 0) == 1);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &other_to, 0) == 0);
	CHECK(l2tpsec_guard_packet_allowed(&rogue, &to, 0) == 0);
	CHECK(l2tpsec_guard_sa(&lac_ep) && l2tpsec_guard_sa(&lac_ep)->overhead == 53);

	/* CLOSED: the peer's tunnels go down locally and it is dropped again */
	rec.downs = 0;
	closed(0x80000000u);
	CHECK(rec.downs == 1 && !rec.down_all && cs_endpoint_equal(&rec.down_remote, &lac_ep));
	CHECK(rec.dial_failed == 1);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0) == 0);
	/* a CLOSED for an unknown id takes nothing down */
	closed(42);
	CHECK(rec.downs == 1);

	/* a SECURED the dial no longer wants is not recorded */
	rec.secured_answer = -1;
	secured(7, "10.0.0.13", "10.0.0.12", 1701);
	CHECK(l2tpsec_guard_sa(&lac_ep) == NULL);
	rec.secured_answer = 0;

	/* the connection lost: every entry goes, every protected tunnel too */
	secured(8, "10.0.0.13", "10.0.0.12", 1701);
	CHECK(l2tpsec_guard_sa(&lac_ep) != NULL);
	rec.downs = 0;
	rec.events->lost("test", 1);
	CHECK(rec.dial_lost == 1 && l2tpsec_guard_sa(&lac_ep) == NULL);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0) == 0);	/* refused at once */
	CHECK(rec.downs == 0);		/* the tunnels go on the main loop's next turn */
	l2tpsec_timer_run(l2tpsec_now_ms() + 1);
	CHECK(rec.downs == 1 && rec.down_all);

	/* a refused LISTEN drops the connection; a refused OPEN fails its dial */
	cs_build_error(&m, 0, "no such crypto profile");
	rec.events->event(&m);
	CHECK(rec.drops == 1);
	cs_build_error(&m, 9, "no such crypto profile");
	rec.events->event(&m);
	CHECK(rec.drops == 1 && rec.dial_failed == 3);
}

static void test_teardown_and_dial(void)
{
	struct tunnel t = { .protected = 1, .keep_sa = 1 };
	struct lac plain = { 0 }, protected = { 1 };
	struct sockaddr_in peer = sin_of("10.0.0.12", 1701);
	struct in_addr addr = peer.sin_addr;

	cs_endpoint_from_sin(&t.peer, &peer);
	secured(11, "10.0.0.13", "10.0.0.12", 1701);

	/* another tunnel still rides the SA: nothing is closed */
	rec.nsent = 0;
	t.shares = 1;
	l2tpsec_guard_tunnel_gone(&t);
	CHECK(rec.nsent == 0 && l2tpsec_guard_sa(&t.peer) != NULL);

	/* the dial: unprotected or already SECURED goes now; else held and requested */
	CHECK(l2tpsec_guard_may_dial(&plain, addr, 1701) == 1);
	CHECK(l2tpsec_guard_may_dial(&protected, addr, 1701) == 1);
	CHECK(l2tpsec_guard_may_dial(&protected, addr, 1702) == 0 && rec.dial_requests == 1);

	/* the last tunnel: CLOSE with the section's keep-sa, no L2TP to the peer from now on */
	t.shares = 0;
	l2tpsec_guard_tunnel_gone(&t);
	CHECK(rec.nsent == 1 && rec.sent[0].type == CS_CLOSE && rec.sent[0].id == 11);
	CHECK(CS_HAS(&rec.sent[0], CS_A_KEEP_SA) && rec.sent[0].keep_sa == 1);
	CHECK(l2tpsec_guard_sa(&t.peer) == NULL && rec.dial_forgot == 1);
	/* charon gone while xl2tpd destroys a tunnel (its CLOSE cannot be sent): nothing is taken
	 * down from inside the destroy — that tunnel would be freed twice — but right after */
	t.protected = 1;
	secured(13, "10.0.0.13", "10.0.0.12", 1701);
	rec.downs = 0;
	rec.send_fails = 1;
	l2tpsec_guard_tunnel_gone(&t);
	rec.send_fails = 0;
	CHECK(rec.downs == 0);
	CHECK(l2tpsec_guard_sa(&t.peer) == NULL);
	l2tpsec_timer_run(l2tpsec_now_ms() + 1);
	CHECK(rec.downs == 1 && rec.down_all);
	/* an unprotected tunnel's end sends nothing */
	t.protected = 0;
	secured(12, "10.0.0.13", "10.0.0.12", 1701);
	l2tpsec_guard_tunnel_gone(&t);
	CHECK(rec.nsent == 1);
}

int main(void)
{
	test_events_and_packets();
	test_teardown_and_dial();
	return check_done("test_guard");
}
