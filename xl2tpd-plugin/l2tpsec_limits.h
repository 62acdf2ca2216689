/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Session limits: IOS `vpdn session-limit` (every session of this xl2tpd) and a vpdn-group's
 * `session-limit` (the sessions of one [lns]/[lac] section). Whether one more session may begin,
 * and how many were refused, for show vpdn. Knows nothing of xl2tpd — the caller counts the
 * sessions — so it is unit-tested without it.
 */
#ifndef L2TPSEC_LIMITS_H
#define L2TPSEC_LIMITS_H

#include <stddef.h>
#include <stdint.h>

/* which limit refused a session */
enum l2tpsec_limit_hit {
	L2TPSEC_LIMIT_NONE,	/* admitted */
	L2TPSEC_LIMIT_GLOBAL,	/* vpdn session-limit */
	L2TPSEC_LIMIT_GROUP,	/* the group's session-limit */
};

/*
 * May one more session of group `group` begin? global_sessions and group_sessions: those there
 * are now, the new one not counted; a limit of 0 is none. A refusal is counted (for the group
 * and in all) and explained in why (len bytes: for the log and the CDN's message).
 */
enum l2tpsec_limit_hit l2tpsec_limit_admit(const char *group, unsigned group_sessions,
					   int group_limit, unsigned global_sessions,
					   int global_limit, char *why, size_t len);

/*
 * A [lac]'s switched sessions still to come, beside the calls it has: requesters without a call
 * of their own, less the calls on its tunnels no requester holds yet (xl2tpd places a waiting
 * requester's call when the tunnel comes up; it is bound to the requester only at its ICCN, and
 * in between it is a session already: counted once, not twice)
 */
unsigned l2tpsec_limit_waiting(unsigned requesters_without_call, unsigned calls_without_requester);

/* sessions refused so far: of group `group`, or of every group (NULL) */
uint64_t l2tpsec_limit_refused(const char *group);

#endif
