/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The patched xl2tpd's guard without xl2tpd or charon (guard_world.c stands in for them): the
 * test drives the guard through the crypto socket events and the packet, dial and teardown
 * hooks, and checks what it did below.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cs_build.h"
#include "guard_world.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_sockpolicy.h"
#include "l2tpsec_timer.h"

static void test_events_and_packets(void)
{
	struct sockaddr_in lac = sin_of("10.0.0.12", 1701), rogue = sin_of("10.0.0.66", 1701);
	struct in_pktinfo to = to_of("10.0.0.13"), other_to = to_of("10.0.1.13"), unknown = to_of(NULL);
	struct cs_endpoint lac_ep;
	struct cs_msg m;

	cs_endpoint_from_sin(&lac_ep, &lac);
	CHECK(l2tpsec_guard_sa(&lac_ep) == NULL);	/* before start: no table, no crash */
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0, NULL) == 0);	/* and nothing protected */
	l2tpsec_guard_start();
	CHECK(rec.events != NULL);

	/* connected: one LISTEN per profile, then the held dials */
	rec.events->connected();
	CHECK(rec.nsent == 2);
	CHECK(rec.sent[0].type == CS_LISTEN && !strcmp(rec.sent[0].profile, "l2tp"));
	CHECK(rec.sent[1].type == CS_LISTEN && !strcmp(rec.sent[1].profile, "other"));
	CHECK(rec.sent[0].local.port == 1701);
	/* every section protected: charon may block plaintext on the endpoint */
	CHECK(!CS_HAS(&rec.sent[0], CS_A_PLAINTEXT));
	CHECK(rec.dial_connected == 1);

	/* nobody is SECURED: a protected section's peer is dropped, logged once per interval */
	rec.logs = 0;
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0, NULL) == 0);
	CHECK(rec.logs == 1 && strstr(rec.last_log, "10.0.0.12:1701"));
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 5, NULL) == 0);
	CHECK(rec.logs == 1);
	CHECK(l2tpsec_guard_drops() >= 2);
	/* an unprotected section's peer passes */
	lns_protected = 0;
	CHECK(l2tpsec_guard_packet_allowed(&rogue, &to, 0, NULL) == 1);
	lns_protected = 1;

	/* SECURED: that peer (and only it, only to the SA's local address) passes */
	rec.secured_answer = 0;
	secured(0x80000000u, "10.0.0.13", "10.0.0.12", 1701);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0, NULL) == 1);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &unknown, 0, NULL) == 1);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &other_to, 0, NULL) == 0);
	CHECK(l2tpsec_guard_packet_allowed(&rogue, &to, 0, NULL) == 0);
	CHECK(l2tpsec_guard_sa(&lac_ep) && l2tpsec_guard_sa(&lac_ep)->overhead == 53);

	/* CLOSED: the peer's tunnels go down locally and it is dropped again */
	rec.downs = 0;
	closed(0x80000000u);
	CHECK(rec.downs == 1 && !rec.down_all && cs_endpoint_equal(&rec.down_remote, &lac_ep));
	CHECK(rec.dial_failed == 1);
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0, NULL) == 0);
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
	CHECK(l2tpsec_guard_packet_allowed(&lac, &to, 0, NULL) == 0);	/* refused at once */
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

/* issue 11 item 2: over its own SA, a neighbour cannot act on another peer's tunnel */
static void test_tunnel_bound_to_its_peer(void)
{
	struct tunnel a = { .id = 100, .protected = 1 }, plain = { .id = 300 };
	struct sockaddr_in a_from = sin_of("10.0.0.12", 1701), b_from = sin_of("10.0.0.14", 1701);
	struct sockaddr_in a_other_port = sin_of("10.0.0.12", 1702);
	struct in_pktinfo to = to_of("10.0.0.13");

	closed(12);	/* the SA test_teardown_and_dial() left */
	cs_endpoint_from_sin(&a.peer, &a_from);
	secured(21, "10.0.0.13", "10.0.0.12", 1701);
	secured(22, "10.0.0.13", "10.0.0.14", 1701);
	secured(23, "10.0.0.13", "10.0.0.12", 1702);

	/* A's first message out (its SCCRP: the peer learns A's id from it) binds A to its SA */
	CHECK(l2tpsec_guard_may_send(&a) == 1);
	CHECK(a.sa_id == 21);
	CHECK(l2tpsec_guard_packet_allowed(&a_from, &to, 100, NULL) == 1);
	/* B, SECURED itself, forges A's tunnel id: dropped, logged naming both */
	rec.logs = 0;
	CHECK(l2tpsec_guard_packet_allowed(&b_from, &to, 100, NULL) == 0);
	CHECK(rec.logs == 1 && strstr(rec.last_log, "10.0.0.14:1701") &&
	      strstr(rec.last_log, "10.0.0.12:1701's"));
	/* so does A's host from another port (another SA, another tunnel's peer) */
	CHECK(l2tpsec_guard_packet_allowed(&a_other_port, &to, 100, NULL) == 0);
	/* B's SCCRQ (no tunnel yet) and unknown tunnel ids are the SA's business, as before */
	CHECK(l2tpsec_guard_packet_allowed(&b_from, &to, 0, NULL) == 1);
	CHECK(l2tpsec_guard_packet_allowed(&b_from, &to, 4242, NULL) == 1);
	/* A unaffected */
	CHECK(l2tpsec_guard_packet_allowed(&a_from, &to, 100, NULL) == 1);

	/* sending: only while A's SA is there */
	CHECK(l2tpsec_guard_may_send(&a) == 1);
	CHECK(l2tpsec_guard_may_send(&plain) == 1);

	/* the kernel socket gets both policies, naming A's SA's reqid */
	policy.calls = 0;
	CHECK(l2tpsec_guard_tunnel_socket(&a, 9) == 0);
	CHECK(policy.calls == 2 && policy.fd[0] == 9 && policy.fd[1] == 9);
	CHECK(policy.dir[0] == L2TPSEC_SOCK_IN && policy.dir[1] == L2TPSEC_SOCK_OUT);
	CHECK(policy.reqid[0] == 121 && policy.reqid[1] == 121);
	CHECK(a.socket_bound && !a.close_soon);
	/* an unprotected tunnel's socket is left as xl2tpd has it */
	CHECK(l2tpsec_guard_tunnel_socket(&plain, 10) == 0 && policy.calls == 2);
	/* the kernel refuses the policy: the socket is not used, the tunnel closes */
	policy.fail = 1;
	CHECK(l2tpsec_guard_tunnel_socket(&a, 11) == -1 && a.close_soon == 1);
	policy.fail = 0;

	/* a newer SA for A's peer: A's packets under it rebind A; the old SA's CLOSED then takes
	 * down the tunnels bound to the old one only (a dead tunnel of a restarted peer goes, A stays) */
	secured(24, "10.0.0.13", "10.0.0.12", 1701);
	CHECK(l2tpsec_guard_packet_allowed(&a_from, &to, 100, NULL) == 1 && a.sa_id == 24);
	rec.downs = 0;
	closed(21);
	CHECK(rec.downs == 1 && rec.down_sa == 21 && a.sa_id != 21);
	/* A's SA gone: nothing more in or out, and its kernel socket would not open */
	closed(24);
	CHECK(rec.downs == 2 && rec.down_sa == 24);
	CHECK(l2tpsec_guard_packet_allowed(&a_from, &to, 100, NULL) == 0);
	rec.logs = 0;
	CHECK(l2tpsec_guard_may_send(&a) == 0);
	CHECK(rec.logs == 1 && strstr(rec.last_log, "held back"));
	CHECK(l2tpsec_guard_tunnel_socket(&a, 12) == -1 && a.close_soon == 2);
	/* a tunnel bound once stays protected even when its section no longer says so */
	a.protected = 0;
	CHECK(l2tpsec_guard_may_send(&a) == 0);
	CHECK(l2tpsec_guard_packet_allowed(&a_from, &to, 100, NULL) == 0);
	/* A destroyed: its id is free again (another peer's new tunnel may get it) */
	l2tpsec_guard_tunnel_gone(&a);
	CHECK(l2tpsec_guard_packet_allowed(&b_from, &to, 100, NULL) == 1);
	closed(22);
	closed(23);
}

/* issue 11 item 3: an SA serves only the groups of the crypto profile it was cloned from */
static void test_sa_serves_its_profile(void)
{
	struct sockaddr_in weak = sin_of("10.0.0.15", 1701);
	struct in_pktinfo to = to_of("10.0.0.13");
	struct tunnel c = { .id = 200, .protected = 1 };

	secured_profile = "weak";
	secured(31, "10.0.0.13", "10.0.0.15", 1701);
	secured_profile = "prof";
	/* its SCCRQ for a group of profile "prof": dropped before any state, saying why */
	rec.logs = 0;
	CHECK(l2tpsec_guard_packet_allowed(&weak, &to, 0, "W2K-CLIENT") == 0);
	CHECK(rec.logs == 1 && strstr(rec.last_log, "crypto profile weak") &&
	      strstr(rec.last_log, "host name 'W2K-CLIENT'") &&
	      strstr(rec.last_log, "no [lns] section of that profile"));
	/* a group of that profile takes it; a group without IPsec never takes an SA's peer */
	sccrq_profile = "weak";
	CHECK(l2tpsec_guard_packet_allowed(&weak, &to, 0, "W2K-CLIENT") == 1);
	lns_protected = 0;
	CHECK(l2tpsec_guard_packet_allowed(&weak, &to, 0, "W2K-CLIENT") == 0);
	lns_protected = 1;
	/* terminate-from: the group of its profile takes its own host name only */
	sccrq_terminate_from = "LAC-A";
	CHECK(l2tpsec_guard_packet_allowed(&weak, &to, 0, "LAC-A") == 1);
	CHECK(l2tpsec_guard_packet_allowed(&weak, &to, 0, "LAC-B") == 0);
	CHECK(l2tpsec_guard_packet_allowed(&weak, &to, 0, NULL) == 0);
	sccrq_profile = "prof";
	/* plaintext reaches a group without IPsec only by its terminate-from host name */
	{
		struct sockaddr_in legacy = sin_of("10.0.0.16", 1701);

		lns_protected = 0;
		sccrq_terminate_from = "LEGACY";
		CHECK(l2tpsec_guard_packet_allowed(&legacy, &to, 0, "LEGACY") == 1);
		rec.logs = 0;
		CHECK(l2tpsec_guard_packet_allowed(&legacy, &to, 0, "W2K\nCLIENT") == 0);
		CHECK(rec.logs == 1 && strstr(rec.last_log, "host name 'W2K?CLIENT'") &&
		      strstr(rec.last_log, "no [lns] section without IPsec terminates"));
		CHECK(l2tpsec_guard_packet_allowed(&legacy, &to, 0, NULL) == 0);
		/* with every section protected, the reason is the missing SA */
		lns_protected = 1;
		sccrq_terminate_from = NULL;
		struct sockaddr_in other = sin_of("10.0.0.17", 1701);

		rec.logs = 0;
		CHECK(l2tpsec_guard_packet_allowed(&other, &to, 0, "LEGACY") == 0);
		CHECK(rec.logs == 1 && strstr(rec.last_log, "no IPsec SA protects this peer"));
	}
	/* a tunnel of profile "prof" sends nothing under the "weak" SA (nor is bound to it) */
	cs_endpoint_from_sin(&c.peer, &weak);
	CHECK(l2tpsec_guard_may_send(&c) == 0 && c.sa_id == 0);
	/* bound to its peer's SA of its own profile, it then hears nothing under the weak one */
	secured(32, "10.0.0.13", "10.0.0.15", 1701);
	CHECK(l2tpsec_guard_may_send(&c) == 1 && c.sa_id == 32);
	closed(32);
	secured_profile = "weak";
	secured(33, "10.0.0.13", "10.0.0.15", 1701);
	secured_profile = "prof";
	{
		unsigned long long before = l2tpsec_guard_drops();

		CHECK(l2tpsec_guard_packet_allowed(&weak, &to, 200, NULL) == 0);
		CHECK(l2tpsec_guard_drops() == before + 1);	/* counted; its line came earlier */
	}
	l2tpsec_guard_tunnel_gone(&c);
	closed(33);
	closed(31);
}

/* beside a section without IPsec, the LISTEN tells charon not to block plaintext there */
static void test_listen_beside_plaintext(void)
{
	rec.nsent = 0;
	lns_protected = 0;
	rec.events->connected();
	CHECK(rec.nsent == 2 && rec.sent[0].type == CS_LISTEN &&
	      CS_HAS(&rec.sent[0], CS_A_PLAINTEXT) && rec.sent[0].plaintext == 1);
	lns_protected = 1;
}

/*
 * A protected tunnel's first message opens its own socket, bound to its SA: on the userspace
 * data path too, everything of it then leaves and arrives there, not by xl2tpd's shared
 * socket, whose sends only the SPD guards (a bypass policy would let them out in plaintext).
 */
static void test_own_socket(void)
{
	struct tunnel a = { .id = 500, .protected = 1 }, b = { .id = 501, .protected = 1 };
	struct tunnel plain = { .id = 502 };
	struct sockaddr_in a_from = sin_of("10.0.5.12", 1701), b_from = sin_of("10.0.5.14", 4500);
	struct cs_endpoint sa_local;

	cs_endpoint_from_sin(&a.peer, &a_from);
	cs_endpoint_from_sin(&b.peer, &b_from);
	cs_endpoint_from_sin(&plain.peer, &a_from);
	secured(51, "10.0.5.13", "10.0.5.12", 1701);
	secured(52, "10.0.5.13", "10.0.5.14", 4500);
	policy.calls = policy.sockets = 0;

	/* A's first message: a socket from the SA's local address, both policies naming its reqid */
	CHECK(l2tpsec_guard_may_send(&a) == 1);
	CHECK(policy.sockets == 1 && a.own_fd > 0 && a.socket_bound && !a.close_soon);
	CHECK(policy.calls == 2 && policy.fd[0] == a.own_fd && policy.fd[1] == a.own_fd);
	CHECK(policy.reqid[0] == 151 && policy.reqid[1] == 151);
	/* inbound any SA of the reqid (steering picks the SA), outbound exactly the SA's SPI */
	CHECK(policy.dir[0] == L2TPSEC_SOCK_IN && policy.spi[0] == 0);
	CHECK(policy.dir[1] == L2TPSEC_SOCK_OUT && policy.spi[1] == 1051);
	sa_local = a.own_local;
	CHECK(sa_local.family == 4 && !memcmp(sa_local.addr, "\x0a\x00\x05\x0d", 4));
	/* every later message uses it: no second socket */
	CHECK(l2tpsec_guard_may_send(&a) == 1 && policy.sockets == 1 && policy.calls == 2);
	/* a tunnel without IPsec keeps xl2tpd's shared socket */
	CHECK(l2tpsec_guard_may_send(&plain) == 1 && policy.sockets == 1 && !plain.own_fd);

	/* the socket cannot be made (the address is gone): nothing is sent, the tunnel closes, and
	 * it is not tried again for every message of the teardown */
	policy.socket_errno = EADDRNOTAVAIL;
	rec.logs = 0;
	CHECK(l2tpsec_guard_may_send(&b) == 0);
	CHECK(b.close_soon == 1 && b.socket_failed && !b.own_fd);
	CHECK(rec.logs >= 1 && strstr(rec.last_log, "cannot open its own socket"));
	policy.socket_errno = 0;
	CHECK(l2tpsec_guard_may_send(&b) == 0 && policy.sockets == 1 && b.close_soon == 1);

	/* ...or cannot be connected, or the kernel refuses its policies: the same */
	b = (struct tunnel){ .id = 501, .protected = 1, .peer = b.peer };
	policy.connect_errno = ENETUNREACH;
	CHECK(l2tpsec_guard_may_send(&b) == 0 && b.close_soon == 1 && b.socket_failed);
	policy.connect_errno = 0;
	b = (struct tunnel){ .id = 501, .protected = 1, .peer = b.peer };
	policy.fail = 1;
	CHECK(l2tpsec_guard_may_send(&b) == 0 && b.close_soon == 1 && b.socket_failed);
	CHECK(!b.own_fd);
	policy.fail = 0;
	CHECK(l2tpsec_guard_may_send(&b) == 0);

	closed(51);
	closed(52);
	close(a.own_fd);
}

/*
 * A rekey: charon reports SECURED again for the same id with the new SA's facts; the tunnels
 * it carries send through the new SA from then on (their sockets' outbound policy names it)
 */
static void test_rekey_moves_sockets(void)
{
	struct tunnel a = { .id = 600, .protected = 1 }, b = { .id = 601, .protected = 1 };
	struct sockaddr_in a_from = sin_of("10.0.6.12", 1701), b_from = sin_of("10.0.6.12", 40001);

	cs_endpoint_from_sin(&a.peer, &a_from);
	cs_endpoint_from_sin(&b.peer, &b_from);
	world_tunnels[0] = &a;
	world_tunnels[1] = &b;
	/* two clients behind one NAT address: one reqid, their own SAs */
	secured(61, "10.0.6.13", "10.0.6.12", 1701);
	secured(62, "10.0.6.13", "10.0.6.12", 40001);
	CHECK(l2tpsec_guard_may_send(&a) == 1 && l2tpsec_guard_may_send(&b) == 1);
	CHECK(a.own_fd > 0 && b.own_fd > 0);

	/* A's SA is rekeyed: A's socket (only) now sends through the new outbound SPI */
	policy.calls = 0;
	rec.logs = 0;
	rekeyed(61, "10.0.6.13", "10.0.6.12", 1701, 0xc0ffee);
	CHECK(policy.calls == 2 && policy.fd[0] == a.own_fd && policy.fd[1] == a.own_fd);
	CHECK(policy.dir[1] == L2TPSEC_SOCK_OUT && policy.spi[1] == 0xc0ffee);
	CHECK(policy.reqid[1] == 161 && policy.spi[0] == 0);
	CHECK(strstr(rec.last_log, "tunnel 600: its socket follows the rekeyed IPsec SA id 61"));
	CHECK(!a.close_soon && !b.close_soon);
	/* still the peer's SA: sends go on */
	CHECK(l2tpsec_guard_may_send(&a) == 1 && policy.calls == 2);
	/* the same facts again change nothing */
	rekeyed(61, "10.0.6.13", "10.0.6.12", 1701, 0xc0ffee);
	CHECK(policy.calls == 2);
	/* the kernel refuses the new policy: that tunnel closes, the other stays */
	policy.fail = 1;
	rekeyed(61, "10.0.6.13", "10.0.6.12", 1701, 0xbeef);
	policy.fail = 0;
	CHECK(a.close_soon == 1 && !b.close_soon);

	closed(61);
	closed(62);
	world_tunnels[0] = world_tunnels[1] = NULL;
	close(a.own_fd);
	close(b.own_fd);
}

/*
 * A client that started over (its charon and xl2tpd restarted, or a phone back from sleep)
 * dials a new tunnel from the address and port of the old one, which the LNS still holds: both
 * would be connected sockets with one 4-tuple, and the kernel gives the new tunnel's packets to
 * the old. The old goes when the new gets its socket; a LAC's tunnels are left alone.
 */
static void test_new_tunnel_supersedes_old(void)
{
	struct tunnel old = { .id = 700, .protected = 1, .lns = 1 };
	struct tunnel fresh = { .id = 701, .protected = 1, .lns = 1 };
	struct tunnel other = { .id = 702, .protected = 1, .lns = 1 };
	struct sockaddr_in from = sin_of("10.0.7.12", 1701), from2 = sin_of("10.0.7.12", 40001);

	cs_endpoint_from_sin(&old.peer, &from);
	cs_endpoint_from_sin(&fresh.peer, &from);
	cs_endpoint_from_sin(&other.peer, &from2);
	world_tunnels[0] = &old;
	world_tunnels[1] = &fresh;
	world_tunnels[2] = &other;
	secured(71, "10.0.7.13", "10.0.7.12", 1701);
	secured(72, "10.0.7.13", "10.0.7.12", 40001);
	CHECK(l2tpsec_guard_may_send(&old) == 1 && l2tpsec_guard_may_send(&other) == 1);
	CHECK(!old.superseded && !other.superseded);
	/* the new tunnel's first send: the old one of that address and port is marked, then goes
	 * down on the next turn of the main loop; the other port's tunnel stays */
	CHECK(l2tpsec_guard_may_send(&fresh) == 1 && fresh.own_fd > 0);
	CHECK(old.superseded && !old.downs && !other.superseded && !fresh.superseded);
	l2tpsec_timer_run(l2tpsec_now_ms() + 1);
	CHECK(old.downs == 1 && !other.downs && !fresh.downs);
	/* a LAC's second tunnel to one LNS supersedes nothing */
	{
		struct tunnel lac1 = { .id = 703, .protected = 1 }, lac2 = { .id = 704, .protected = 1 };
		struct sockaddr_in lns = sin_of("10.0.7.99", 1701);

		cs_endpoint_from_sin(&lac1.peer, &lns);
		cs_endpoint_from_sin(&lac2.peer, &lns);
		world_tunnels[3] = &lac1;
		world_tunnels[4] = &lac2;
		secured(73, "10.0.7.13", "10.0.7.99", 1701);
		CHECK(l2tpsec_guard_may_send(&lac1) == 1 && l2tpsec_guard_may_send(&lac2) == 1);
		CHECK(!lac1.superseded && !lac2.superseded);
		closed(73);
		close(lac1.own_fd);
		close(lac2.own_fd);
	}
	closed(71);
	closed(72);
	for (int i = 0; i < 5; i++)
		world_tunnels[i] = NULL;
	close(old.own_fd);
	close(fresh.own_fd);
	close(other.own_fd);
}

/*
 * A client that heard no SCCRP within a second sends its SCCRQ again; xl2tpd makes a tunnel of
 * the copy and drops it, acknowledging it first. The copy sends nothing and gets no socket: the
 * first tunnel is not superseded and keeps its SA. A new Assigned Tunnel ID from that address
 * and port is a client that started over.
 */
static void test_repeated_sccrq(void)
{
	struct tunnel first = { .id = 710, .protected = 1, .lns = 1, .peer_tid = 5 };
	struct tunnel copy = { .id = 711, .protected = 1, .lns = 1, .peer_tid = 5 };
	struct sockaddr_in from = sin_of("10.0.7.20", 1701);
	int sockets;

	cs_endpoint_from_sin(&first.peer, &from);
	cs_endpoint_from_sin(&copy.peer, &from);
	world_tunnels[0] = &first;
	world_tunnels[1] = &copy;
	secured(74, "10.0.7.13", "10.0.7.20", 1701);
	CHECK(l2tpsec_guard_may_send(&first) == 1 && first.own_fd > 0);
	sockets = policy.sockets;
	CHECK(l2tpsec_guard_may_send(&copy) == 0);
	CHECK(!copy.own_fd && policy.sockets == sockets && !first.superseded);
	CHECK(strstr(rec.last_log, "SCCRQ from 10.0.7.20:1701 repeated: tunnel 710 answers it, "
		     "its copy (tunnel 711) sends nothing") != NULL);
	/* no CLOSE went to charon for the SA the first tunnel uses */
	CHECK(rec.nsent == 0 || rec.sent[rec.nsent - 1].type != CS_CLOSE);
	/* a client starting over picks another id: the first is superseded */
	copy.peer_tid = 6;
	CHECK(l2tpsec_guard_may_send(&copy) == 1 && copy.own_fd > 0 && first.superseded);
	l2tpsec_timer_run(l2tpsec_now_ms() + 1);
	closed(74);
	world_tunnels[0] = world_tunnels[1] = NULL;
	close(first.own_fd);
	close(copy.own_fd);
}

int main(void)
{
	test_events_and_packets();
	test_teardown_and_dial();
	test_tunnel_bound_to_its_peer();
	test_sa_serves_its_profile();
	test_listen_beside_plaintext();
	test_own_socket();
	test_rekey_moves_sockets();
	test_new_tunnel_supersedes_old();
	test_repeated_sccrq();
	return check_done("test_guard");
}
