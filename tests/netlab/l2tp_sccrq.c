/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tp-sccrq [-z] [-b] DEST [HOSTNAME [WAIT_SECONDS]]: send one well-formed plaintext SCCRQ (RFC 2661
 * 6.1) from UDP port 1701 to DEST:1701, as any L2TP client's first packet would be, and wait for
 * an answer. Prints what came back; exit 0 when an answer came, 1 when none did within the wait,
 * 2 on a usage or system error. netlab injects it at LNSs that must not answer.
 * -b sends instead the first packet that crashed stock xl2tpd 1.3.18: a Message Type "ICRQ"
 * without the M bit (refused, but then ignored) followed by a Dialed Number AVP.
 * -t TID sends the SCCRQ into the receiver's existing tunnel TID (a mandatory SCCRQ inside a
 * tunnel makes stock xl2tpd close it); -d TID:SID sends a data packet into that tunnel's
 * session SID instead, carrying a PPP LCP Terminate-Request. A neighbour's forgeries.
 * -v adds Microsoft's (vendor 311) attributes 1 (as Windows' Correlation ID) and 9 (0xdead, not
 * an Assigned Tunnel ID) without the M bit after the SCCRQ's own; -V the first with the M bit.
 * -e TID:SID sends a PPP LCP Echo-Request (id 0x5a) into one's own session, which its pppd
 * answers; -z sends whatever it sends with a zero UDP checksum (IPv4's "no checksum", as some
 * clients do), which stock tools never send.
 * The reply line names the tunnel ID its header carries (the one xl2tpd took as ours).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef SO_NO_CHECK
#define SO_NO_CHECK 11
#endif

#define L2TP_PORT 1701

static size_t put16(uint8_t *p, size_t off, unsigned v)
{
	p[off] = (uint8_t)(v >> 8);
	p[off + 1] = (uint8_t)v;
	return off + 2;
}

/* one mandatory AVP of the IETF vendor: M bit + length, vendor 0, type, value */
static size_t avp(uint8_t *p, size_t off, unsigned type, const void *value, size_t len)
{
	off = put16(p, off, 0x8000 | (unsigned)(6 + len));
	off = put16(p, off, 0);
	off = put16(p, off, type);
	memcpy(p + off, value, len);
	return off + len;
}

/* an AVP of Microsoft's (vendor 311), M bit as given */
static size_t ms_avp(uint8_t *p, size_t off, int mandatory, unsigned type, const void *value,
		     size_t len)
{
	off = put16(p, off, (mandatory ? 0x8000 : 0) | (unsigned)(6 + len));
	off = put16(p, off, 311);
	off = put16(p, off, type);
	memcpy(p + off, value, len);
	return off + len;
}

/* -v / -V: vendor AVPs after the SCCRQ's own (their numbers are IETF ones too) */
static size_t add_vendor_avps(uint8_t *p, size_t off, int mandatory)
{
	static const uint8_t correlation[16] = { 0x4c, 0x32, 0x54, 0x50, 1, 2, 3, 4,
						 5, 6, 7, 8, 9, 10, 11, 12 };
	static const uint8_t not_tunnel_id[2] = { 0xde, 0xad };

	off = ms_avp(p, off, mandatory, 1, correlation, sizeof(correlation));
	if (!mandatory)
		off = ms_avp(p, off, 0, 9, not_tunnel_id, sizeof(not_tunnel_id));
	put16(p, 2, (unsigned)off);
	return off;
}

static size_t build_sccrq(uint8_t *p, const char *hostname)
{
	const uint8_t msg_type[2] = { 0, 1 }, version[2] = { 1, 0 }, framing[4] = { 0, 0, 0, 3 };
	const uint8_t tunnel_id[2] = { 0x4c, 0x32 }, window[2] = { 0, 4 };
	size_t off = 12;

	off = avp(p, off, 0, msg_type, sizeof(msg_type));
	off = avp(p, off, 2, version, sizeof(version));
	off = avp(p, off, 7, hostname, strlen(hostname));
	off = avp(p, off, 3, framing, sizeof(framing));
	off = avp(p, off, 9, tunnel_id, sizeof(tunnel_id));
	off = avp(p, off, 10, window, sizeof(window));
	/* header: T, L, S bits, version 2; length; tunnel 0, session 0; Ns 0, Nr 0 */
	put16(p, 0, 0xc802);
	put16(p, 2, (unsigned)off);
	memset(p + 4, 0, 8);
	return off;
}

/* a new tunnel's first packet: Message Type ICRQ (M bit clear), then Dialed Number "1" */
static size_t build_bad_icrq(uint8_t *p)
{
	static const uint8_t avps[] = { 0x00, 0x08, 0, 0, 0, 0, 0x00, 0x0a,
					0x80, 0x07, 0, 0, 0, 0x15, '1' };
	size_t len = 12 + sizeof(avps);

	put16(p, 0, 0xc802);
	put16(p, 2, (unsigned)len);
	memset(p + 4, 0, 8);
	memcpy(p + 12, avps, sizeof(avps));
	return len;
}

/* a data message (T bit clear) for tunnel tid, session sid: PPP LCP Terminate-Request id 0x42,
 * or (echo) an Echo-Request id 0x5a with magic number 0 */
static size_t build_data(uint8_t *p, unsigned tid, unsigned sid, int echo)
{
	static const uint8_t term[] = { 0xff, 0x03, 0xc0, 0x21, 0x05, 0x42, 0x00, 0x04 };
	static const uint8_t echo_req[] = { 0xff, 0x03, 0xc0, 0x21, 0x09, 0x5a, 0x00, 0x08,
					    0, 0, 0, 0 };
	const uint8_t *ppp = echo ? echo_req : term;
	size_t len = echo ? sizeof(echo_req) : sizeof(term);

	put16(p, 0, 0x0002);
	put16(p, 2, tid);
	put16(p, 4, sid);
	memcpy(p + 6, ppp, len);
	return 6 + len;
}

static const char *message_name(unsigned type)
{
	static const char *const names[] = { "ZLB", "SCCRQ", "SCCRP", "SCCCN", "StopCCN" };

	return type < sizeof(names) / sizeof(names[0]) ? names[type] : "other";
}

/* the Message Type AVP of a control message, or -1 (a ZLB: 0) */
static int message_type(const uint8_t *p, size_t len)
{
	size_t off = 12;

	if (len < 12 || !(p[0] & 0x80))
		return -1;
	if (len == 12)
		return 0;
	if (len < off + 8 || (p[off + 5]) != 0 || p[off + 4] != 0)
		return -1;
	return (p[off + 6] << 8) | p[off + 7];
}

static int usage(void)
{
	fprintf(stderr, "usage: l2tp-sccrq [-z] [-b | -v | -V | -t TID | -d TID:SID | -e TID:SID] "
		"DEST_IPV4 [HOSTNAME [WAIT_SECONDS]]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(L2TP_PORT) }, to = me, from;
	socklen_t fromlen;
	time_t deadline;
	uint8_t pkt[2048], reply[2048];
	int fd, wait_s, one = 1, opt, zero_csum = 0;
	struct pollfd pfd;
	ssize_t n;
	size_t len;
	unsigned tid = 0, sid = 0;
	char kind = 's';
	const char *what;

	while ((opt = getopt(argc, argv, "+bvVzt:d:e:")) != -1) {
		switch (opt) {
		case 'z':
			zero_csum = 1;
			break;
		case 't':
			if (sscanf(optarg, "%u", &tid) != 1 || tid > 0xffff)
				return usage();
			kind = 't';
			break;
		case 'd':
		case 'e':
			if (sscanf(optarg, "%u:%u", &tid, &sid) != 2 || tid > 0xffff || sid > 0xffff)
				return usage();
			kind = (char)opt;
			break;
		case 'b':
		case 'v':
		case 'V':
			kind = (char)opt;
			break;
		default:
			return usage();
		}
	}
	argv += optind - 1;
	argc -= optind - 1;
	if (argc < 2 || argc > 4 || inet_pton(AF_INET, argv[1], &to.sin_addr) != 1)
		return usage();
	wait_s = argc > 3 ? atoi(argv[3]) : 5;
	switch (kind) {
	case 'b':
		len = build_bad_icrq(pkt);
		what = "bad ICRQ";
		break;
	case 'd':
	case 'e':
		len = build_data(pkt, tid, sid, kind == 'e');
		what = kind == 'e' ? "data (LCP Echo-Request)" : "data (LCP Terminate-Request)";
		break;
	default:
		len = build_sccrq(pkt, argc > 2 ? argv[2] : "l2tp-sccrq");
		put16(pkt, 4, tid);
		what = tid ? "SCCRQ inside an existing tunnel" : "SCCRQ";
		if (kind == 'v' || kind == 'V') {
			len = add_vendor_avps(pkt, len, kind == 'V');
			what = kind == 'V' ? "SCCRQ with a mandatory vendor AVP" :
				"SCCRQ with vendor AVPs";
		}
		break;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&me, sizeof(me))) {
		fprintf(stderr, "l2tp-sccrq: bind to port %d: %s\n", L2TP_PORT, strerror(errno));
		return 2;
	}
	if (zero_csum && setsockopt(fd, SOL_SOCKET, SO_NO_CHECK, &one, sizeof(one))) {
		fprintf(stderr, "l2tp-sccrq: SO_NO_CHECK: %s\n", strerror(errno));
		return 2;
	}
	if (sendto(fd, pkt, len, 0, (struct sockaddr *)&to, sizeof(to)) != (ssize_t)len) {
		/* the kernel refusing it (an XFRM block policy) is an answer of sorts: say so */
		printf("send refused: %s\n", strerror(errno));
		return 1;
	}
	printf("sent %s (%zu bytes, tunnel %u, session %u%s) to %s:%d\n", what, len, tid, sid,
	       zero_csum ? ", UDP checksum 0" : "", argv[1], L2TP_PORT);
	pfd.fd = fd;
	pfd.events = POLLIN;
	deadline = time(NULL) + wait_s;
	for (;;) {
		/* only DEST's answer counts: another LNS may still be retransmitting to this port */
		if (time(NULL) >= deadline || poll(&pfd, 1, 200) < 0) {
			printf("no reply within %d s\n", wait_s);
			return 1;
		}
		if (!(pfd.revents & POLLIN))
			continue;
		fromlen = sizeof(from);
		n = recvfrom(fd, reply, sizeof(reply), 0, (struct sockaddr *)&from, &fromlen);
		if (n < 0) {
			printf("receive failed: %s\n", strerror(errno));
			return 1;
		}
		if (from.sin_addr.s_addr == to.sin_addr.s_addr)
			break;
		printf("ignored %zd bytes from %s:%d\n", n, inet_ntoa(from.sin_addr),
		       ntohs(from.sin_port));
	}
	printf("reply: %zd bytes from %s:%d, %s, to tunnel %u\n", n, inet_ntoa(from.sin_addr),
	       ntohs(from.sin_port), message_name((unsigned)message_type(reply, (size_t)n)),
	       n >= 6 ? (unsigned)(reply[4] << 8 | reply[5]) : 0);
	return 0;
}
