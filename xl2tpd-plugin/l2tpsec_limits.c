/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l2tpsec_limits.h"

/* refusals per group name: a handful of groups, looked up only when a session is refused or
 * show vpdn asks */
struct refusals {
	char group[80];
	uint64_t count;
};

static struct refusals *groups;
static size_t ngroups;
static uint64_t total;

static struct refusals *find(const char *group)
{
	for (size_t i = 0; i < ngroups; i++)
		if (!strcmp(groups[i].group, group))
			return &groups[i];
	return NULL;
}

static void count(const char *group)
{
	struct refusals *r = find(group), *grown;

	total++;
	if (r) {
		r->count++;
		return;
	}
	grown = realloc(groups, (ngroups + 1) * sizeof(*grown));
	if (!grown)
		return;		/* the total still counts it */
	groups = grown;
	r = &groups[ngroups++];
	snprintf(r->group, sizeof(r->group), "%s", group);
	r->count = 1;
}

enum l2tpsec_limit_hit l2tpsec_limit_admit(const char *group, unsigned group_sessions,
					   int group_limit, unsigned global_sessions,
					   int global_limit, char *why, size_t len)
{
	enum l2tpsec_limit_hit hit = L2TPSEC_LIMIT_NONE;

	/* the group's own limit is the more specific reason, so it is named first */
	if (group_limit > 0 && group_sessions >= (unsigned)group_limit) {
		hit = L2TPSEC_LIMIT_GROUP;
		snprintf(why, len, "session limit %d of vpdn-group %s reached", group_limit, group);
	} else if (global_limit > 0 && global_sessions >= (unsigned)global_limit) {
		hit = L2TPSEC_LIMIT_GLOBAL;
		snprintf(why, len, "vpdn session-limit %d reached", global_limit);
	}
	if (hit != L2TPSEC_LIMIT_NONE)
		count(group);
	else if (len)
		why[0] = '\0';
	return hit;
}

unsigned l2tpsec_limit_waiting(unsigned requesters_without_call, unsigned calls_without_requester)
{
	return requesters_without_call > calls_without_requester ?
	       requesters_without_call - calls_without_requester : 0;
}

uint64_t l2tpsec_limit_refused(const char *group)
{
	const struct refusals *r;

	if (!group)
		return total;
	r = find(group);
	return r ? r->count : 0;
}
