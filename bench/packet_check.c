/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * bench/packet-check: what the patched xl2tpd spends on each received packet, in nanoseconds,
 * with 10 and 10,000 SECURED peers each carrying one bound tunnel: the SA table lookup alone
 * (the check before tunnels were bound to their SAs) and the whole check now (SA lookup, the
 * tunnel binding, the peer comparison), for a hit (a tunnel's own peer) and a miss (a peer
 * without an SA: dropped and counted, its log line rate-limited). Averaged over two million
 * packets. Prints figures; asserts nothing on time. Runs in tests/unit's guard world.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cs_build.h"
#include "guard_world.h"
#include "l2tpsec_guard.h"

#define PACKETS 2000000

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static struct sockaddr_in peer(int i)
{
	struct sockaddr_in sin = sin_of("10.0.0.0", 1701);

	sin.sin_addr.s_addr = htonl(ntohl(sin.sin_addr.s_addr) + 1 + (uint32_t)i);
	return sin;
}

int main(void)
{
	static struct tunnel tunnels[10000];
	struct in_pktinfo to = to_of("10.255.0.1");
	int sizes[] = { 10, 10000 }, next_id = 1;
	volatile int sink = 0;

	rec.quiet = 1;
	l2tpsec_guard_start();
	rec.events->connected();
	printf("%-8s %-26s %12s\n", "peers", "packet", "ns/packet");
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		int n = sizes[s];
		double t0;

		for (int i = 0; i < n; i++) {
			struct sockaddr_in p = peer(i);
			char addr[INET_ADDRSTRLEN];

			inet_ntop(AF_INET, &p.sin_addr, addr, sizeof(addr));
			secured((uint32_t)next_id++, "10.255.0.1", addr, 1701);
			tunnels[i] = (struct tunnel){ .id = i + 1, .protected = 1 };
			cs_endpoint_from_sin(&tunnels[i].peer, &p);
			sink += l2tpsec_guard_may_send(&tunnels[i]);	/* binds it */
		}
		t0 = now_ns();
		for (int k = 0; k < PACKETS; k++) {
			struct sockaddr_in p = peer(k % n);
			struct cs_endpoint ep;

			cs_endpoint_from_sin(&ep, &p);
			sink += l2tpsec_guard_sa(&ep) != NULL;
		}
		printf("%-8d %-26s %12.1f\n", n, "SA lookup only (before)", (now_ns() - t0) / PACKETS);
		t0 = now_ns();
		for (int k = 0; k < PACKETS; k++) {
			struct sockaddr_in p = peer(k % n);

			sink += l2tpsec_guard_packet_allowed(&p, &to, k % n + 1, NULL);
		}
		printf("%-8d %-26s %12.1f\n", n, "hit: own tunnel, own SA", (now_ns() - t0) / PACKETS);
		t0 = now_ns();
		for (int k = 0; k < PACKETS; k++) {
			struct sockaddr_in p = peer(20000 + k % n);

			sink += l2tpsec_guard_packet_allowed(&p, &to, 0, NULL);
		}
		printf("%-8d %-26s %12.1f\n", n, "miss: no SA (dropped)", (now_ns() - t0) / PACKETS);
		for (int i = 0; i < n; i++) {
			l2tpsec_guard_tunnel_gone(&tunnels[i]);
			closed((uint32_t)(next_id - n + i));
		}
	}
	printf("(%d packets per figure; checksum %d)\n", PACKETS, sink);
	return 0;
}
