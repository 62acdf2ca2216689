/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Session limits inside xl2tpd: counts its sessions and asks l2tpsec_limits.h whether one more
 * may begin — an LNS's incoming call (ICRQ) and a LAC's switched session alike.
 */
#ifndef L2TPSEC_ADMIT_H
#define L2TPSEC_ADMIT_H

#include <stddef.h>

struct call;
struct lac;

/* sessions xl2tpd has now (calls not closing), of one [lns]/[lac] section or (NULL) of all,
 * `except` not counted */
unsigned l2tpsec_sessions(const void *section, const struct call *except);

/*
 * A LAC's switched session for [lac] lac, with sessions requested and not yet calls: `waiting`
 * of lac's, `waiting_all` in all. 0, or -1 with why (len bytes) when a limit refuses it
 * (logged, counted).
 */
int l2tpsec_admit_switched(const struct lac *lac, unsigned waiting, unsigned waiting_all,
			   char *why, size_t len);

#endif
