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
