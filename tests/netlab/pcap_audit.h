/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * pcap audit: classify every captured IP packet as IKE, ESP, ESP-in-UDP, plaintext L2TP
 * (UDP/1701) or other, and count per unordered host pair. Scenarios assert on the counts.
 */
#ifndef L2TPSEC_PCAP_AUDIT_H
#define L2TPSEC_PCAP_AUDIT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum audit_class { AUDIT_IKE, AUDIT_ESP, AUDIT_ESP_IN_UDP, AUDIT_L2TP, AUDIT_OTHER, AUDIT_NCLASS };

extern const char *const audit_class_names[AUDIT_NCLASS];

/* an address of either family, as 16 bytes (IPv4 mapped into ::ffff:0:0/96) */
struct audit_addr {
	uint8_t b[16];
};

struct audit_pair {
	struct audit_addr lo, hi;	/* lo < hi bytewise: a pair is unordered */
	unsigned long count[AUDIT_NCLASS];
};

struct audit {
	struct audit_pair *pairs;
	size_t npairs, cap;
	unsigned long undecoded;	/* frames that were not IP or were cut short */
};

/* Classify one IP packet (starting at the IP header) and count it. Never reads past len. */
void audit_ip(struct audit *a, const uint8_t *ip, size_t len);

/*
 * Read one pcap file and count its packets. Returns 0, or -1 with a message in err
 * (not a pcap file, pcapng, truncated header, unsupported link type).
 */
int audit_file(struct audit *a, FILE *f, char *err, size_t errlen);

/* Sort pairs by address so output is stable. */
void audit_sort(struct audit *a);

/* The pair for two textual addresses, or NULL if the capture never saw it. */
const struct audit_pair *audit_find(const struct audit *a, const char *x, const char *y);

void audit_free(struct audit *a);

/* Textual form of an address (IPv4 dotted quad for mapped addresses). */
const char *audit_addr_str(const struct audit_addr *addr, char *buf, size_t len);

#endif
