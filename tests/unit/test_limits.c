/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Session limits (l2tpsec_limits.c): the N+1th session is refused by the limit that is reached,
 * the group's named before the global one, no limit is no refusal, and refusals are counted per
 * group and in all.
 */
#include <string.h>

#include "check.h"
#include "l2tpsec_limits.h"

static void admits_below_limits(void)
{
	char why[128] = "x";

	CHECK(l2tpsec_limit_admit("isp", 0, 1, 0, 1, why, sizeof(why)) == L2TPSEC_LIMIT_NONE);
	CHECK(!strcmp(why, ""));
	CHECK(l2tpsec_limit_admit("isp", 4, 5, 9, 10, why, sizeof(why)) == L2TPSEC_LIMIT_NONE);
	/* 0 is no limit, however many sessions there are */
	CHECK(l2tpsec_limit_admit("isp", 60000, 0, 60000, 0, why, sizeof(why)) ==
	      L2TPSEC_LIMIT_NONE);
	CHECK_EQ_UL(l2tpsec_limit_refused(NULL), 0);
}

static void refuses_at_limits(void)
{
	char why[128];

	CHECK(l2tpsec_limit_admit("isp", 5, 5, 5, 100, why, sizeof(why)) == L2TPSEC_LIMIT_GROUP);
	CHECK(!strcmp(why, "session limit 5 of vpdn-group isp reached"));
	CHECK(l2tpsec_limit_admit("corp", 1, 0, 10, 10, why, sizeof(why)) == L2TPSEC_LIMIT_GLOBAL);
	CHECK(!strcmp(why, "vpdn session-limit 10 reached"));
	/* both reached: the group's is the more specific reason */
	CHECK(l2tpsec_limit_admit("isp", 7, 5, 12, 10, why, sizeof(why)) == L2TPSEC_LIMIT_GROUP);
	/* a group's limit does not hold another group's sessions back */
	CHECK(l2tpsec_limit_admit("corp", 0, 0, 5, 10, why, sizeof(why)) == L2TPSEC_LIMIT_NONE);
	CHECK_EQ_UL(l2tpsec_limit_refused("isp"), 2);
	CHECK_EQ_UL(l2tpsec_limit_refused("corp"), 1);
	CHECK_EQ_UL(l2tpsec_limit_refused("other"), 0);
	CHECK_EQ_UL(l2tpsec_limit_refused(NULL), 3);
}

static void short_buffers(void)
{
	char why[8];

	CHECK(l2tpsec_limit_admit("a-very-long-group-name", 1, 1, 0, 0, why, sizeof(why)) ==
	      L2TPSEC_LIMIT_GROUP);
	CHECK(strlen(why) == sizeof(why) - 1);
	CHECK(l2tpsec_limit_admit("g", 0, 1, 0, 0, NULL, 0) == L2TPSEC_LIMIT_NONE);
}

/* a switched session's call, placed but not yet bound to its requester, counts once */
static void waiting_requesters(void)
{
	CHECK_EQ_UL(l2tpsec_limit_waiting(0, 0), 0);
	CHECK_EQ_UL(l2tpsec_limit_waiting(2, 0), 2);
	/* the first's call is placed (a session now): one still to come, not two */
	CHECK_EQ_UL(l2tpsec_limit_waiting(1, 1), 0);
	CHECK_EQ_UL(l2tpsec_limit_waiting(2, 1), 1);
	/* an unbound call more than requesters (the [lac]'s own "c"): none to come */
	CHECK_EQ_UL(l2tpsec_limit_waiting(1, 2), 0);
}

int main(void)
{
	waiting_requesters();
	admits_below_limits();
	refuses_at_limits();
	short_buffers();
	return check_done("test_limits");
}
