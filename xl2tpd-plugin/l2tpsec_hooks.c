/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec's logic inside xl2tpd, reached through the hooks in l2tpsec_hooks.h.
 */
#include <syslog.h>

#include "l2tpsec_hooks.h"
#include "l2tp.h"	/* xl2tpd's umbrella header: l2tp_log() and its types */

void l2tpsec_started(int kernel_data_path)
{
	/* Say which data path runs: enforcement must never push xl2tpd into userspace mode. */
	l2tp_log(LOG_INFO, "l2tpsec %s hooks active, L2TP data path: %s\n", L2TPSEC_VERSION,
		 kernel_data_path ? "kernel (pppol2tp)" : "userspace");
}
