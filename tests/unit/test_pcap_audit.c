/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The pcap audit must count exactly: a plaintext UDP/1701 packet counted as anything else would
 * hide the very leak the netlab scenarios look for.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../netlab/pcap_audit.h"
#include "check.h"

/* a growing in-memory pcap file */
struct cap {
	uint8_t buf[65536];
	size_t len;
};

static void put(struct cap *c, const void *p, size_t n)
{
	memcpy(c->buf + c->len, p, n);
	c->len += n;
}

static void put32(struct cap *c, uint32_t v) { put(c, &v, 4); }	/* host order (LE here) */

static void cap_header(struct cap *c, uint32_t link, uint32_t magic)
{
	uint16_t ver[2] = { 2, 4 };

	c->len = 0;
	put32(c, magic);
	put(c, ver, 4);
	put32(c, 0);
	put32(c, 0);
	put32(c, 262144);
	put32(c, link);
}

static void cap_record(struct cap *c, const uint8_t *frame, size_t len)
{
	put32(c, 1);
	put32(c, 0);
	put32(c, (uint32_t)len);
	put32(c, (uint32_t)len);
	put(c, frame, len);
}

/* an IPv4 packet src->dst with protocol proto and payload (already holding any UDP header) */
static size_t ipv4(uint8_t *p, const uint8_t src[4], const uint8_t dst[4], uint8_t proto,
		   const uint8_t *payload, size_t plen, uint16_t frag)
{
	size_t total = 20 + plen;

	memset(p, 0, 20);
	p[0] = 0x45;
	p[2] = (uint8_t)(total >> 8);
	p[3] = (uint8_t)total;
	p[6] = (uint8_t)(frag >> 8);
	p[7] = (uint8_t)frag;
	p[8] = 64;
	p[9] = proto;
	memcpy(p + 12, src, 4);
	memcpy(p + 16, dst, 4);
	memcpy(p + 20, payload, plen);
	return total;
}

static size_t udp(uint8_t *p, uint16_t sport, uint16_t dport, const uint8_t *data, size_t dlen)
{
	p[0] = (uint8_t)(sport >> 8); p[1] = (uint8_t)sport;
	p[2] = (uint8_t)(dport >> 8); p[3] = (uint8_t)dport;
	p[4] = (uint8_t)((8 + dlen) >> 8); p[5] = (uint8_t)(8 + dlen);
	p[6] = p[7] = 0;
	memcpy(p + 8, data, dlen);
	return 8 + dlen;
}

static const uint8_t A[4] = { 10, 0, 0, 12 }, B[4] = { 10, 0, 0, 13 }, C[4] = { 10, 0, 0, 14 };

static int run(struct cap *c, struct audit *a)
{
	char err[128];
	FILE *f = fmemopen(c->buf, c->len, "rb");
	int rc;

	memset(a, 0, sizeof(*a));
	rc = audit_file(a, f, err, sizeof(err));
	fclose(f);
	return rc;
}

/* every class, over raw IP, both directions of one pair and a second pair */
static void test_classes(void)
{
	struct cap *c = calloc(1, sizeof(*c));
	uint8_t l4[256], pkt[300], data[64] = { 0 };
	struct audit a;
	const struct audit_pair *p;
	size_t n;

	cap_header(c, 101, 0xa1b2c3d4);
	n = udp(l4, 500, 500, data, 28);			/* IKE */
	cap_record(c, pkt, ipv4(pkt, A, B, 17, l4, n, 0));
	cap_record(c, pkt, ipv4(pkt, B, A, 17, l4, n, 0));
	n = udp(l4, 4500, 4500, data, 40);			/* IKE behind the non-ESP marker */
	cap_record(c, pkt, ipv4(pkt, A, B, 17, l4, n, 0));
	data[0] = 0xc1; data[3] = 0x07;				/* ESP-in-UDP: SPI != 0 */
	n = udp(l4, 4500, 4500, data, 40);
	cap_record(c, pkt, ipv4(pkt, B, A, 17, l4, n, 0));
	data[0] = 0xff;						/* NAT-T keepalive: 1 byte */
	n = udp(l4, 4500, 4500, data, 1);
	cap_record(c, pkt, ipv4(pkt, A, B, 17, l4, n, 0));
	cap_record(c, pkt, ipv4(pkt, A, B, 50, data, 40, 0));	/* ESP */
	n = udp(l4, 1701, 1701, data, 20);			/* plaintext L2TP */
	cap_record(c, pkt, ipv4(pkt, C, B, 17, l4, n, 0));
	n = udp(l4, 53124, 1701, data, 20);			/* macOS: ephemeral source port */
	cap_record(c, pkt, ipv4(pkt, C, B, 17, l4, n, 0));
	cap_record(c, pkt, ipv4(pkt, C, B, 17, l4, n, 0x2000));	/* first fragment: classified */
	cap_record(c, pkt, ipv4(pkt, C, B, 17, data, 20, 0x0010));	/* later fragment: other */
	cap_record(c, pkt, ipv4(pkt, C, B, 1, data, 8, 0));	/* ICMP */

	CHECK(run(c, &a) == 0);
	p = audit_find(&a, "10.0.0.13", "10.0.0.12");		/* order does not matter */
	CHECK(p != NULL);
	if (p) {
		CHECK_EQ_UL(p->count[AUDIT_IKE], 3);
		CHECK_EQ_UL(p->count[AUDIT_ESP_IN_UDP], 1);
		CHECK_EQ_UL(p->count[AUDIT_ESP], 1);
		CHECK_EQ_UL(p->count[AUDIT_L2TP], 0);
		CHECK_EQ_UL(p->count[AUDIT_OTHER], 1);
	}
	p = audit_find(&a, "10.0.0.14", "10.0.0.13");
	CHECK(p != NULL);
	if (p) {
		CHECK_EQ_UL(p->count[AUDIT_L2TP], 3);
		CHECK_EQ_UL(p->count[AUDIT_OTHER], 2);
	}
	CHECK(audit_find(&a, "10.0.0.12", "10.0.0.14") == NULL);
	CHECK_EQ_UL(a.npairs, 2);
	audit_free(&a);
	free(c);
}

/*
 * One plaintext L2TP packet behind a link-layer header (hdr, with the IPv4 ethertype already in
 * place) in a pcap of that link type must be found and counted as such.
 */
static void check_link(uint32_t link, uint32_t magic, const uint8_t *hdr, size_t hlen)
{
	struct cap *c = calloc(1, sizeof(*c));
	uint8_t l4[64], frame[160], data[16] = { 0 };
	struct audit a;
	size_t n;

	n = udp(l4, 1701, 1701, data, 12);
	memcpy(frame, hdr, hlen);
	cap_header(c, link, magic);
	cap_record(c, frame, hlen + ipv4(frame + hlen, A, B, 17, l4, n, 0));
	CHECK(run(c, &a) == 0);
	CHECK(a.npairs == 1 && a.pairs[0].count[AUDIT_L2TP] == 1);
	CHECK_EQ_UL(a.undecoded, 0);
	audit_free(&a);
	free(c);
}

/* link layers tcpdump writes: Ethernet (with a VLAN tag), Linux cooked v1 and v2 */
static void test_link_types(void)
{
	static const uint8_t vlan[18] = { [12] = 0x81, [13] = 0x00, [16] = 0x08, [17] = 0x00 };
	static const uint8_t sll[16] = { [14] = 0x08 };
	static const uint8_t sll2[20] = { [0] = 0x08 };
	static const uint8_t arp[42] = { [12] = 0x08, [13] = 0x06 };
	struct cap *c = calloc(1, sizeof(*c));
	struct audit a;

	check_link(1, 0xa1b2c3d4, vlan, sizeof(vlan));
	check_link(113, 0xa1b2c3d4, sll, sizeof(sll));
	check_link(276, 0xa1b23c4d, sll2, sizeof(sll2));	/* nanosecond pcap too */

	cap_header(c, 1, 0xa1b2c3d4);				/* ARP: ignored, not undecoded */
	cap_record(c, arp, sizeof(arp));
	CHECK(run(c, &a) == 0);
	CHECK_EQ_UL(a.npairs, 0);
	CHECK_EQ_UL(a.undecoded, 0);
	audit_free(&a);
	free(c);
}

static void test_ipv6(void)
{
	struct cap *c = calloc(1, sizeof(*c));
	uint8_t pkt[200] = { 0 }, data[16] = { 0 };
	struct audit a;
	size_t n;

	cap_header(c, 101, 0xa1b2c3d4);
	pkt[0] = 0x60;
	pkt[6] = 60;			/* destination options header, then UDP */
	pkt[8 + 15] = 1;		/* ::1 */
	pkt[24 + 15] = 2;		/* ::2 */
	pkt[40] = 17;			/* next header UDP, length 0 => 8 bytes */
	n = udp(pkt + 48, 1701, 1701, data, 8);
	cap_record(c, pkt, 48 + n);
	CHECK(run(c, &a) == 0);
	CHECK(audit_find(&a, "::1", "::2") && audit_find(&a, "::1", "::2")->count[AUDIT_L2TP] == 1);
	audit_free(&a);
	free(c);
}

/* bad input: a clear error, never a crash or a read past the data */
static void test_bad_input(void)
{
	struct cap *c = calloc(1, sizeof(*c));
	uint8_t tiny[3] = { 0x45, 0, 0 };
	struct audit a;

	c->len = 0;
	put32(c, 0x0a0d0d0a);
	put(c, tiny, 3);
	CHECK(run(c, &a) == -1);				/* pcapng header cut short */
	cap_header(c, 1, 0x0a0d0d0a);
	CHECK(run(c, &a) == -1);				/* pcapng */
	cap_header(c, 1, 0x12345678);
	CHECK(run(c, &a) == -1);				/* not a pcap */
	cap_header(c, 101, 0xa1b2c3d4);
	cap_record(c, tiny, 3);					/* IPv4 header cut short */
	put32(c, 1); put32(c, 0); put32(c, 100); put32(c, 100);	/* record cut mid-way */
	CHECK(run(c, &a) == 0);
	CHECK_EQ_UL(a.undecoded, 1);
	CHECK_EQ_UL(a.npairs, 0);
	audit_free(&a);
	cap_header(c, 101, 0xa1b2c3d4);
	put32(c, 1); put32(c, 0); put32(c, 300000); put32(c, 300000);	/* caplen > snaplen */
	CHECK(run(c, &a) == -1);
	audit_free(&a);
	free(c);
}

int main(void)
{
	test_classes();
	test_link_types();
	test_ipv6();
	test_bad_input();
	return check_done("test_pcap_audit");
}
