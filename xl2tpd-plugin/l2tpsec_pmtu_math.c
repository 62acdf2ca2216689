/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "l2tpsec_pmtu.h"

int l2tpsec_pmtu_session_mtu(int path_mtu, int esp_overhead)
{
	int mtu = path_mtu - L2TPSEC_PMTU_IP - esp_overhead - L2TPSEC_PMTU_UDP - L2TPSEC_PMTU_L2TP -
		  L2TPSEC_PMTU_PPP;

	return mtu < L2TPSEC_PMTU_MIN ? L2TPSEC_PMTU_MIN : mtu;
}

uint16_t l2tpsec_inet_checksum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;

	for (size_t i = 0; i < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | (i + 1 < len ? p[i + 1] : 0));
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}
