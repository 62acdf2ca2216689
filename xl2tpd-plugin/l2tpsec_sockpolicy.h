/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Protection the kernel holds for one UDP socket: per-socket XFRM policies (IP_XFRM_POLICY /
 * IPV6_XFRM_POLICY). A socket policy outranks the SPD and lives exactly as long as the socket,
 * so whatever charon does — stops, crashes, reloads, flushes the SPD — the kernel lets nothing
 * leave or enter that socket except under an ESP transport SA. No xl2tpd types: unit-tested on
 * its own.
 */
#ifndef L2TPSEC_SOCKPOLICY_H
#define L2TPSEC_SOCKPOLICY_H

#include <stdint.h>

enum l2tpsec_sock_dir { L2TPSEC_SOCK_IN, L2TPSEC_SOCK_OUT };

/*
 * Require ESP in transport mode for everything that dir moves through fd (family AF_INET or
 * AF_INET6), replacing what dir had. reqid: the SA's kernel reqid; 0 accepts any SA, which only
 * works inbound (the kernel finds outbound SAs by reqid). spi (host order): that SA only; 0: any
 * with the reqid (SAs of clients behind one NAT address share a reqid: outbound needs the SPI).
 * Returns 0, or -errno (EPERM without CAP_NET_ADMIN).
 */
int l2tpsec_sockpolicy_require_esp(int fd, int family, enum l2tpsec_sock_dir dir, uint32_t reqid,
				   uint32_t spi);

#endif
