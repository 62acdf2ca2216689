/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The charon plugin's steering without charon or nftables: a recording runner stands in for
 * libnftables. Clients behind one NAT address that use the same L2TP port get ports of their
 * own; each SPI jumps to its client's chain; a rekey adds an SPI to the same tunnel; the rules go
 * with the last SPI; nothing is recorded when nftables refuses.
 */
#include <library.h>

#include "check.h"
#include "l2tp_security_steering.h"

/* the runner: keeps what it was given, refuses when told to */
static char ran[8192];
static int runs, refuse;

static bool fake_run(l2tp_security_nft_t *nft, char *commands)
{
	runs++;
	if (refuse)
	{
		return FALSE;
	}
	snprintf(ran, sizeof(ran), "%s", commands);
	return TRUE;
}

static void fake_destroy(l2tp_security_nft_t *nft)
{
	free(nft);
}

static l2tp_security_nft_t *fake_nft(void)
{
	l2tp_security_nft_t *nft = malloc(sizeof(*nft));

	*nft = (l2tp_security_nft_t){ .run = fake_run, .destroy = fake_destroy };
	return nft;
}

static host_t *at(char *addr, uint16_t port)
{
	return host_create_from_string(addr, port);
}

/* steer spi for the client at peer_port behind addr (L2TP port l2tp) to us; returns the port
 * the L2TP daemon sees, 0 for none */
static u_int steer(l2tp_security_steering_t *s, uint32_t spi, char *addr, uint16_t peer_port,
				   uint16_t l2tp, bool create)
{
	host_t *peer = at(addr, peer_port), *local = at("10.0.0.13", 1701);
	host_t *remote = at(addr, l2tp), *seen;
	u_int port = 0;

	seen = s->add(s, htonl(spi), peer, local, remote, create);
	if (seen)
	{
		CHECK(seen->ip_equals(seen, remote));
		port = seen->get_port(seen);
		seen->destroy(seen);
	}
	peer->destroy(peer);
	local->destroy(local);
	remote->destroy(remote);
	return port;
}

static bool ran_has(char *what)
{
	return strstr(ran, what) != NULL;
}

int main(void)
{
	l2tp_security_steering_t *s;
	host_t *seen;
	u_int own;

	if (!library_init(NULL, "test"))
	{
		return 99;
	}
	s = l2tp_security_steering_create(fake_nft(), NULL);
	CHECK(s && runs == 1);
	/* its own table, replacing a stale one; unknown SAs' L2TP dropped */
	CHECK(ran_has("add table inet l2tpsec\ndelete table inet l2tpsec\ntable inet l2tpsec {"));
	CHECK(ran_has("meta secpath exists udp dport @l2tp_ports ipsec in spi vmap @steer_in"));
	CHECK(ran_has("meta secpath exists udp dport @l2tp_ports counter drop"));
	CHECK(ran_has("udp dport set ip daddr . udp dport map @steer_out4"));

	/* client A behind 10.0.0.12 (NAT-T port 4500): its own port, any other it sends dropped */
	CHECK_EQ_UL(steer(s, 0xa1, "10.0.0.12", 4500, 1701, TRUE), 1701);
	CHECK(ran_has("add chain inet l2tpsec tunnel_1\n"));
	CHECK(ran_has("add rule inet l2tpsec tunnel_1 udp sport 1701 accept\n"
				  "add rule inet l2tpsec tunnel_1 counter drop\n"));
	CHECK(!ran_has("sport set"));
	CHECK(ran_has("add element inet l2tpsec l2tp_ports { 1701 }\n"));
	CHECK(ran_has("add element inet l2tpsec steer_in { 0x000000a1 : jump tunnel_1 }\n"));
	CHECK(!ran_has("steer_out4"));
	/* client B behind the same address, same L2TP port: a port of its own, replies mapped */
	CHECK_EQ_UL(steer(s, 0xb1, "10.0.0.12", 1024, 1701, TRUE), 40001);
	CHECK(ran_has("add rule inet l2tpsec tunnel_2 udp sport 1701 udp sport set 40001 accept\n"
				  "add rule inet l2tpsec tunnel_2 counter drop\n"));
	CHECK(ran_has("add element inet l2tpsec steer_out4 { 10.0.0.12 . 40001 : 1701 }\n"));
	CHECK(ran_has("add element inet l2tpsec steer_in { 0x000000b1 : jump tunnel_2 }\n"));
	/* client C too */
	CHECK_EQ_UL(steer(s, 0xc1, "10.0.0.12", 1025, 1701, TRUE), 40002);
	CHECK(s->get_count(s, &own) == 3 && own == 2);
	seen = s->get_seen(s, htonl(0xb1));
	CHECK(seen && seen->get_port(seen) == 40001);
	DESTROY_IF(seen);
	CHECK(s->get_seen(s, htonl(0xd1)) == NULL);

	/* A's rekey (or its next IKE_SA from the same NAT-T port): the same tunnel, one element */
	CHECK_EQ_UL(steer(s, 0xa2, "10.0.0.12", 4500, 1701, FALSE), 1701);
	CHECK(!strcmp(ran, "add element inet l2tpsec steer_in { 0x000000a2 : jump tunnel_1 }\n"));
	/* the same SPI again: nothing new */
	runs = 0;
	CHECK_EQ_UL(steer(s, 0xa2, "10.0.0.12", 4500, 1701, FALSE), 1701);
	CHECK(runs == 0);
	/* B's NAT maps it anew (IKE port 1024 -> 2024): its next CHILD_SA finds its tunnel, where
	 * it would otherwise look like a fourth client and get a port of its own */
	{
		host_t *from = at("10.0.0.12", 1024), *to = at("10.0.0.12", 2024);

		CHECK_EQ_UL(s->move(s, from, to), 1);
		CHECK_EQ_UL(s->move(s, from, to), 0);
		from->destroy(from);
		to->destroy(to);
	}
	CHECK_EQ_UL(steer(s, 0xb2, "10.0.0.12", 2024, 1701, TRUE), 40001);
	CHECK(!strcmp(ran, "add element inet l2tpsec steer_in { 0x000000b2 : jump tunnel_2 }\n"));
	CHECK(s->get_count(s, NULL) == 3);
	/* without create, no tunnel is made for a client that has none */
	runs = 0;
	CHECK_EQ_UL(steer(s, 0xe1, "10.0.0.99", 4500, 1701, FALSE), 0);
	CHECK(runs == 0 && s->get_count(s, NULL) == 3);

	/* A's old SA goes: its element only; its last: the tunnel's rules too */
	s->remove(s, htonl(0xa1));
	CHECK(!strcmp(ran, "delete element inet l2tpsec steer_in { 0x000000a1 }\n"));
	s->remove(s, htonl(0xa2));
	CHECK(ran_has("delete element inet l2tpsec steer_in { 0x000000a2 }\n"
				  "flush chain inet l2tpsec tunnel_1\ndelete chain inet l2tpsec tunnel_1\n"));
	CHECK(s->get_count(s, NULL) == 2);
	/* B goes (its SA from before the new mapping, then its last): its reply mapping with it */
	s->remove(s, htonl(0xb1));
	CHECK(!ran_has("steer_out4"));
	s->remove(s, htonl(0xb2));
	CHECK(ran_has("delete element inet l2tpsec steer_out4 { 10.0.0.12 . 40001 }\n"));
	/* an SPI never steered: nothing to do */
	runs = 0;
	s->remove(s, htonl(0x1234));
	s->remove(s, 0);
	CHECK(runs == 0);

	/* D behind the NAT now: 1701 is free again (A left), 40001 too (B left) */
	CHECK_EQ_UL(steer(s, 0xd1, "10.0.0.12", 1026, 1701, TRUE), 1701);
	CHECK_EQ_UL(steer(s, 0xf1, "10.0.0.12", 1027, 1701, TRUE), 40001);
	/* a macOS-style client's ephemeral port that C's tunnel shows: it gets another */
	CHECK_EQ_UL(steer(s, 0x71, "10.0.0.12", 1028, 40002, TRUE), 40003);
	CHECK(ran_has("steer_out4 { 10.0.0.12 . 40003 : 40002 }"));

	/* nftables refuses: no tunnel, no SPI, and the next try starts clean */
	refuse = 1;
	CHECK_EQ_UL(steer(s, 0x81, "10.0.0.77", 4500, 1701, TRUE), 0);
	CHECK(s->get_seen(s, htonl(0x81)) == NULL);
	refuse = 0;
	CHECK_EQ_UL(steer(s, 0x81, "10.0.0.77", 4500, 1701, TRUE), 1701);

	/* IPv6 clients map their replies in the IPv6 map */
	{
		host_t *peer = at("2001:db8::12", 4500), *local = at("2001:db8::13", 1701);
		host_t *remote = at("2001:db8::12", 1701);

		seen = s->add(s, htonl(0x61), peer, local, remote, TRUE);
		DESTROY_IF(seen);
		peer->destroy(peer);
		peer = at("2001:db8::12", 1024);
		seen = s->add(s, htonl(0x62), peer, local, remote, TRUE);
		CHECK(seen && seen->get_port(seen) == 40001);
		CHECK(ran_has("add element inet l2tpsec steer_out6 { 2001:db8::12 . 40001 : 1701 }"));
		DESTROY_IF(seen);
		peer->destroy(peer);
		local->destroy(local);
		remote->destroy(remote);
	}
	/* a client whose selectors name no single port: let through, no port forced */
	CHECK_EQ_UL(steer(s, 0x91, "10.0.0.55", 500, 0, TRUE), 0);
	CHECK(ran_has("add rule inet l2tpsec tunnel_") && ran_has(" accept\n") &&
		  !ran_has("sport") && !ran_has("drop"));

	/* charon stops: the table goes */
	s->destroy(s);
	CHECK(!strcmp(ran, "delete table inet l2tpsec\n"));
	library_deinit();
	return check_done("test_steering");
}
