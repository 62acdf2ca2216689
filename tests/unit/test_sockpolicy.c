/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The kernel holds the line for a protected tunnel's socket: with its per-socket XFRM policy
 * and no SA, a datagram neither leaves nor enters it — the state a tunnel socket is in when
 * charon has stopped and its SAs and SPD entries are gone. Runs on the host (XFRM without ESP
 * is enough: no SA is ever installed); needs CAP_NET_ADMIN, else skipped.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include "check.h"
#include "../../xl2tpd-plugin/l2tpsec_sockpolicy.h"

/* a UDP socket on 127.0.0.1, any port; *addr receives its address */
static int udp_socket(struct sockaddr_in *addr)
{
	socklen_t len = sizeof(*addr);
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK(fd >= 0 && bind(fd, (struct sockaddr *)addr, sizeof(*addr)) == 0);
	CHECK(getsockname(fd, (struct sockaddr *)addr, &len) == 0);
	return fd;
}

/* loopback delivers within sendto(): what has not arrived by now never will */
static int arrived(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char byte;

	if (poll(&p, 1, 200) != 1)
		return 0;
	return recv(fd, &byte, 1, 0) == 1;
}

static int send_one(int fd, const struct sockaddr_in *to)
{
	return sendto(fd, "L", 1, 0, (const struct sockaddr *)to, sizeof(*to)) == 1;
}

int main(void)
{
	struct sockaddr_in a_addr, b_addr;
	int a = udp_socket(&a_addr), b = udp_socket(&b_addr);
	int r = l2tpsec_sockpolicy_require_esp(a, AF_INET, L2TPSEC_SOCK_OUT, 5, 0);

	if (r == -EPERM || r == -ENOPROTOOPT) {
		fprintf(stderr, "test_sockpolicy: no XFRM socket policies here (%s): skipped\n",
			strerror(-r));
		return 77;
	}
	CHECK(r == 0);
	/* a plain pair talks; a's outbound policy has no SA: its datagram never leaves */
	CHECK(send_one(b, &a_addr) && arrived(a));
	CHECK(!send_one(a, &b_addr) || !arrived(b));
	/* b's inbound policy (any SA): a plaintext datagram never reaches it */
	CHECK(l2tpsec_sockpolicy_require_esp(b, AF_INET, L2TPSEC_SOCK_IN, 0, 0) == 0);
	{
		struct sockaddr_in c_addr;
		int c = udp_socket(&c_addr);

		CHECK(send_one(c, &b_addr) && !arrived(b));
		CHECK(send_one(c, &a_addr) && arrived(a));	/* a's inbound is still open */
		close(c);
	}
	/* a bad descriptor is an error, not a silent no-op */
	CHECK(l2tpsec_sockpolicy_require_esp(-1, AF_INET, L2TPSEC_SOCK_IN, 0, 0) == -EBADF);
	close(a);
	close(b);
	return check_done("test_sockpolicy");
}
