/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "pcap_audit.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

const char *const audit_class_names[AUDIT_NCLASS] = {
	"ike", "esp", "esp-in-udp", "l2tp-plaintext", "other",
};

enum { PORT_IKE = 500, PORT_NATT = 4500, PORT_L2TP = 1701 };
enum { IPPROTO_NUM_UDP = 17, IPPROTO_NUM_ESP = 50 };

/* pcap link types we can find the IP header in */
enum {
	LINK_NULL_ETHERNET = 1, LINK_RAW_OLD = 12, LINK_RAW = 101, LINK_SLL = 113,
	LINK_IPV4 = 228, LINK_IPV6 = 229, LINK_SLL2 = 276,
};

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

static uint32_t get32(const uint8_t *p, int swap)
{
	uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		     (uint32_t)p[3] << 24;
	return swap ? __builtin_bswap32(v) : v;
}

static void map4(struct audit_addr *a, const uint8_t *v4)
{
	memset(a->b, 0, 10);
	a->b[10] = a->b[11] = 0xff;
	memcpy(a->b + 12, v4, 4);
}

static struct audit_pair *pair_for(struct audit *a, const struct audit_addr *x,
				   const struct audit_addr *y)
{
	const struct audit_addr *lo = x, *hi = y;

	if (memcmp(x->b, y->b, 16) > 0) {
		lo = y;
		hi = x;
	}
	for (size_t i = 0; i < a->npairs; i++)
		if (!memcmp(&a->pairs[i].lo, lo, 16) && !memcmp(&a->pairs[i].hi, hi, 16))
			return &a->pairs[i];
	if (a->npairs == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		struct audit_pair *p = realloc(a->pairs, cap * sizeof(*p));

		if (!p)
			return NULL;
		a->pairs = p;
		a->cap = cap;
	}
	struct audit_pair *p = &a->pairs[a->npairs++];
	memset(p, 0, sizeof(*p));
	p->lo = *lo;
	p->hi = *hi;
	return p;
}

/* The class of a transport payload; l4 points at the UDP header when proto is UDP. */
static enum audit_class classify(int proto, const uint8_t *l4, size_t len)
{
	if (proto == IPPROTO_NUM_ESP)
		return AUDIT_ESP;
	if (proto != IPPROTO_NUM_UDP || len < 8)
		return AUDIT_OTHER;
	uint16_t sport = get16(l4), dport = get16(l4 + 2);
	const uint8_t *payload = l4 + 8;
	size_t plen = len - 8;

	if (sport == PORT_IKE || dport == PORT_IKE)
		return AUDIT_IKE;
	if (sport == PORT_NATT || dport == PORT_NATT) {
		if (plen == 1 && payload[0] == 0xff)
			return AUDIT_OTHER;	/* NAT-T keepalive */
		if (plen >= 4 && !payload[0] && !payload[1] && !payload[2] && !payload[3])
			return AUDIT_IKE;	/* non-ESP marker */
		return plen >= 8 ? AUDIT_ESP_IN_UDP : AUDIT_OTHER;
	}
	if (sport == PORT_L2TP || dport == PORT_L2TP)
		return AUDIT_L2TP;
	return AUDIT_OTHER;
}

static void count(struct audit *a, const struct audit_addr *s, const struct audit_addr *d,
		  enum audit_class c)
{
	struct audit_pair *p = pair_for(a, s, d);

	if (p)
		p->count[c]++;
}

static void audit_ipv4(struct audit *a, const uint8_t *ip, size_t len)
{
	struct audit_addr s, d;
	size_t ihl, total;

	if (len < 20 || (ihl = (size_t)(ip[0] & 0x0f) * 4) < 20 || ihl > len) {
		a->undecoded++;
		return;
	}
	total = get16(ip + 2);
	if (total < ihl || total > len)
		total = len;	/* snaplen cut: classify from what we have */
	map4(&s, ip + 12);
	map4(&d, ip + 16);
	/* a non-first fragment has no transport header to look at */
	if (get16(ip + 6) & 0x1fff)
		count(a, &s, &d, ip[9] == IPPROTO_NUM_ESP ? AUDIT_ESP : AUDIT_OTHER);
	else
		count(a, &s, &d, classify(ip[9], ip + ihl, total - ihl));
}

static void audit_ipv6(struct audit *a, const uint8_t *ip, size_t len)
{
	struct audit_addr s, d;
	size_t off = 40;
	int next;

	if (len < 40) {
		a->undecoded++;
		return;
	}
	memcpy(s.b, ip + 8, 16);
	memcpy(d.b, ip + 24, 16);
	next = ip[6];
	/* walk hop-by-hop, routing, destination options and fragment headers */
	while (next == 0 || next == 43 || next == 60 || next == 44) {
		if (off + 8 > len) {
			count(a, &s, &d, AUDIT_OTHER);
			return;
		}
		if (next == 44) {
			if (get16(ip + off + 2) & 0xfff8) {	/* non-first fragment */
				count(a, &s, &d, AUDIT_OTHER);
				return;
			}
			next = ip[off];
			off += 8;
		} else {
			next = ip[off];
			off += ((size_t)ip[off + 1] + 1) * 8;
		}
	}
	if (off > len) {
		count(a, &s, &d, AUDIT_OTHER);
		return;
	}
	count(a, &s, &d, classify(next, ip + off, len - off));
}

void audit_ip(struct audit *a, const uint8_t *ip, size_t len)
{
	if (len < 1)
		a->undecoded++;
	else if ((ip[0] >> 4) == 4)
		audit_ipv4(a, ip, len);
	else if ((ip[0] >> 4) == 6)
		audit_ipv6(a, ip, len);
	else
		a->undecoded++;
}

/* Find the IP header in one link-layer frame; ethertype-based links only carry IP here. */
static void audit_frame(struct audit *a, int link, const uint8_t *f, size_t len)
{
	size_t off;
	uint16_t type;

	switch (link) {
	case LINK_RAW_OLD: case LINK_RAW: case LINK_IPV4: case LINK_IPV6:
		audit_ip(a, f, len);
		return;
	case LINK_NULL_ETHERNET:
		if (len < 14)
			goto bad;
		type = get16(f + 12);
		off = 14;
		while ((type == 0x8100 || type == 0x88a8) && off + 4 <= len) {
			type = get16(f + off + 2);
			off += 4;
		}
		break;
	case LINK_SLL:
		if (len < 16)
			goto bad;
		type = get16(f + 14);
		off = 16;
		break;
	case LINK_SLL2:
		if (len < 20)
			goto bad;
		type = get16(f);
		off = 20;
		break;
	default:
		goto bad;
	}
	if (type == 0x0800 || type == 0x86dd) {
		audit_ip(a, f + off, len - off);
		return;
	}
	return;		/* ARP and friends: not IP, nothing to audit */
bad:
	a->undecoded++;
}

int audit_file(struct audit *a, FILE *f, char *err, size_t errlen)
{
	uint8_t gh[24], rh[16];
	uint8_t *buf = NULL;
	uint32_t magic, snaplen, caplen;
	int swap, link;

	if (fread(gh, 1, sizeof(gh), f) != sizeof(gh)) {
		snprintf(err, errlen, "not a pcap file (shorter than a pcap header)");
		return -1;
	}
	magic = get32(gh, 0);
	if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d)
		swap = 0;
	else if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1)
		swap = 1;
	else if (magic == 0x0a0d0d0a) {
		snprintf(err, errlen, "pcapng is not supported (capture with tcpdump -w)");
		return -1;
	} else {
		snprintf(err, errlen, "not a pcap file (magic 0x%08x)", magic);
		return -1;
	}
	snaplen = get32(gh + 16, swap);
	link = (int)(get32(gh + 20, swap) & 0x0fffffff);
	if (snaplen == 0 || snaplen > 262144)
		snaplen = 262144;
	buf = malloc(snaplen);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	while (fread(rh, 1, sizeof(rh), f) == sizeof(rh)) {
		caplen = get32(rh + 8, swap);
		if (caplen > snaplen) {
			snprintf(err, errlen, "corrupt record (captured length %u > snaplen %u)",
				 caplen, snaplen);
			free(buf);
			return -1;
		}
		if (fread(buf, 1, caplen, f) != caplen)
			break;	/* a capture stopped mid-record: count what is complete */
		audit_frame(a, link, buf, caplen);
	}
	free(buf);
	return 0;
}

static int pair_cmp(const void *x, const void *y)
{
	const struct audit_pair *p = x, *q = y;
	int c = memcmp(&p->lo, &q->lo, 16);

	return c ? c : memcmp(&p->hi, &q->hi, 16);
}

void audit_sort(struct audit *a)
{
	if (a->npairs)
		qsort(a->pairs, a->npairs, sizeof(*a->pairs), pair_cmp);
}

static int parse_addr(const char *s, struct audit_addr *a)
{
	uint8_t v4[4];

	if (inet_pton(AF_INET, s, v4) == 1) {
		map4(a, v4);
		return 0;
	}
	return inet_pton(AF_INET6, s, a->b) == 1 ? 0 : -1;
}

const struct audit_pair *audit_find(const struct audit *a, const char *x, const char *y)
{
	struct audit_addr p, q;

	if (parse_addr(x, &p) || parse_addr(y, &q))
		return NULL;
	if (memcmp(p.b, q.b, 16) > 0) {
		struct audit_addr t = p;
		p = q;
		q = t;
	}
	for (size_t i = 0; i < a->npairs; i++)
		if (!memcmp(&a->pairs[i].lo, &p, 16) && !memcmp(&a->pairs[i].hi, &q, 16))
			return &a->pairs[i];
	return NULL;
}

const char *audit_addr_str(const struct audit_addr *addr, char *buf, size_t len)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	if (!memcmp(addr->b, mapped, 12))
		inet_ntop(AF_INET, addr->b + 12, buf, (socklen_t)len);
	else
		inet_ntop(AF_INET6, addr->b, buf, (socklen_t)len);
	return buf;
}

void audit_free(struct audit *a)
{
	free(a->pairs);
	memset(a, 0, sizeof(*a));
}
