/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * A LAC's LNS set (l2tpsec_lnsset.c): the lowest priority number that is up gets the next
 * tunnel, equal numbers share by sessions, a failed LNS is held down for the busy timeout with
 * its first reason and comes back by priority after it, and with all down the LAC keeps trying
 * the one back first; LNSes share the load only while two or more have the best priority up.
 */
#include <string.h>

#include "check.h"
#include "l2tpsec_lnsset.h"

static void priority_first(void)
{
	struct l2tpsec_lns_state s[3] = { { .priority = 5 }, { .priority = 1 }, { .priority = 3 } };

	CHECK(l2tpsec_lns_pick(s, 3, 1000) == 1);
	CHECK(l2tpsec_lns_pick(s, 0, 1000) == -1);
	/* sessions do not move a lower priority ahead of a higher one */
	s[1].sessions = 500;
	CHECK(l2tpsec_lns_pick(s, 3, 1000) == 1);
}

static void failover_and_back(void)
{
	struct l2tpsec_lns_state s[2] = { { .priority = 1 }, { .priority = 2 } };

	CHECK(l2tpsec_lns_down(&s[0], 1000, 300, "no answer to the SCCRQ") == 1);
	CHECK(!l2tpsec_lns_up(&s[0], 1000));
	CHECK(l2tpsec_lns_pick(s, 2, 1000) == 1);
	CHECK(l2tpsec_lns_other_up(s, 2, 0, 1000));
	CHECK(!l2tpsec_lns_other_up(s, 2, 1, 1000));
	/* a second failure while held keeps the first reason and hold */
	CHECK(l2tpsec_lns_down(&s[0], 2000, 300, "IPsec SA lost") == 0);
	CHECK(!strcmp(s[0].reason, "no answer to the SCCRQ"));
	CHECK_EQ_UL(s[0].failures, 1);
	CHECK(l2tpsec_lns_pick(s, 2, 300999) == 1);
	/* the busy timeout over: priority 1 is used again */
	CHECK(l2tpsec_lns_up(&s[0], 301000));
	CHECK(l2tpsec_lns_pick(s, 2, 301000) == 0);
	CHECK(l2tpsec_lns_down(&s[0], 301000, 10, "refused the tunnel") == 1);
	CHECK_EQ_UL(s[0].failures, 2);
	CHECK(!strcmp(s[0].reason, "refused the tunnel"));
}

static void all_down_tries_first_back(void)
{
	struct l2tpsec_lns_state s[3] = { { .priority = 1 }, { .priority = 2 }, { .priority = 3 } };

	l2tpsec_lns_down(&s[0], 1000, 300, "a");
	l2tpsec_lns_down(&s[1], 1000, 100, "b");
	l2tpsec_lns_down(&s[2], 1000, 100, "c");
	/* b and c are back at the same time: the lower priority number */
	CHECK(l2tpsec_lns_pick(s, 3, 2000) == 1);
	CHECK(!l2tpsec_lns_other_up(s, 3, 1, 2000));
}

static void equal_priorities_share(void)
{
	struct l2tpsec_lns_state s[2] = { { .priority = 1 }, { .priority = 1 } };

	CHECK(l2tpsec_lns_pick(s, 2, 1) == 0);		/* a tie: the first listed */
	s[0].sessions = 1;
	CHECK(l2tpsec_lns_pick(s, 2, 1) == 1);
	s[1].sessions = 2;
	CHECK(l2tpsec_lns_pick(s, 2, 1) == 0);
	/* a lower priority LNS is used only when both are down */
	struct l2tpsec_lns_state t[3] = { { .priority = 1 }, { .priority = 1 }, { .priority = 9 } };
	l2tpsec_lns_down(&t[0], 1, 60, "x");
	CHECK(l2tpsec_lns_pick(t, 3, 1) == 1);
	l2tpsec_lns_down(&t[1], 1, 60, "y");
	CHECK(l2tpsec_lns_pick(t, 3, 1) == 2);
}

static void sharing_only_among_the_best_up(void)
{
	struct l2tpsec_lns_state s[3] = { { .priority = 2 }, { .priority = 1 }, { .priority = 2 } };

	CHECK(!l2tpsec_lns_sharing(s, 3, 1));		/* 1 alone is best */
	CHECK(!l2tpsec_lns_sharing(s, 0, 1));
	l2tpsec_lns_down(&s[1], 1, 60, "x");
	CHECK(l2tpsec_lns_sharing(s, 3, 1));		/* the two 2s are best now */
	l2tpsec_lns_down(&s[2], 1, 60, "y");
	CHECK(!l2tpsec_lns_sharing(s, 3, 1));
	CHECK(!l2tpsec_lns_sharing(s, 3, 61001));	/* all back: 1 is alone again */
}

static void long_reason_cut(void)
{
	struct l2tpsec_lns_state s = { .priority = 1 };
	char why[300];

	memset(why, 'x', sizeof(why) - 1);
	why[sizeof(why) - 1] = '\0';
	CHECK(l2tpsec_lns_down(&s, 0, 1, why) == 1);
	CHECK(strlen(s.reason) == sizeof(s.reason) - 1);
}

int main(void)
{
	priority_first();
	failover_and_back();
	all_down_tries_first_back();
	equal_priorities_share();
	sharing_only_among_the_best_up();
	long_reason_cut();
	return check_done("test_lnsset");
}
