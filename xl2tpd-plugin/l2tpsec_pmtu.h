/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * "ip pmtu" (IOS vpdn-group ip pmtu): for tunnels of sections that enable it, l2tpsec learns the
 * path MTU to the peer and sets each session's ppp interface MTU to what fits in one packet:
 *   path MTU - IP (20) - ESP overhead (from SECURED) - UDP (8) - L2TP (12) - PPP (4)
 * so the kernel itself answers oversize DF packets with ICMP fragmentation-needed, and nothing
 * is fragmented behind ESP. The path MTU is the kernel's (IP_MTU of a socket routed to the peer,
 * lowered by ICMP frag-needed); because the kernel L2TP data path sends without DF, l2tpsec
 * keeps it honest with a DF ICMP echo of the current path MTU to the peer every few seconds.
 */
#ifndef L2TPSEC_PMTU_H
#define L2TPSEC_PMTU_H

#include <stddef.h>
#include <stdint.h>

#define L2TPSEC_PMTU_IP 20
#define L2TPSEC_PMTU_UDP 8
#define L2TPSEC_PMTU_L2TP 12	/* worst case: length, Ns/Nr */
#define L2TPSEC_PMTU_PPP 4	/* address, control, protocol */
#define L2TPSEC_PMTU_MIN 576	/* never below what IPv4 promises */

/* the session MTU for a path MTU and an ESP overhead (never below L2TPSEC_PMTU_MIN) */
int l2tpsec_pmtu_session_mtu(int path_mtu, int esp_overhead);

/* the Internet checksum (RFC 1071) of len bytes, in host order, for ICMP messages */
uint16_t l2tpsec_inet_checksum(const uint8_t *p, size_t len);

/* start the periodic check if any section enables ip pmtu */
void l2tpsec_pmtu_start(void);

struct tunnel;
struct call;

/*
 * Userspace data path: a PPP frame from pppd is about to be sent in call c of tunnel t. Reflects
 * the inner IPv4 DF bit onto the outer header; 0 when the frame is a DF packet larger than the
 * session MTU (dropped, ICMP frag-needed sent to its source).
 */
int l2tpsec_pmtu_payload(struct tunnel *t, struct call *c, const uint8_t *frame, size_t len);

#endif
