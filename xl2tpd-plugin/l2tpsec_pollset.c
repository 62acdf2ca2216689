/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "l2tpsec_pollset.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

void l2tpsec_pollset_clear(struct l2tpsec_pollset *set)
{
	for (size_t i = 0; i < set->n; i++)
		set->slot[set->fds[i].fd] = 0;
	set->n = 0;
}

static int grow_slots(struct l2tpsec_pollset *set, int fd)
{
	size_t want = set->slots ? set->slots : 64;
	unsigned *slot;

	while (want <= (size_t)fd)
		want *= 2;
	slot = realloc(set->slot, want * sizeof(*slot));
	if (!slot)
		return -1;
	memset(slot + set->slots, 0, (want - set->slots) * sizeof(*slot));
	set->slot = slot;
	set->slots = want;
	return 0;
}

static int grow_fds(struct l2tpsec_pollset *set)
{
	size_t want = set->cap ? set->cap * 2 : 64;
	struct pollfd *fds = realloc(set->fds, want * sizeof(*fds));

	if (!fds)
		return -1;
	set->fds = fds;
	set->cap = want;
	return 0;
}

int l2tpsec_pollset_add(struct l2tpsec_pollset *set, int fd)
{
	if (fd < 0)
		return -1;
	if ((size_t)fd >= set->slots && grow_slots(set, fd))
		return -1;
	if (set->slot[fd])
		return 0;	/* already in: FD_SET twice is harmless too */
	if (set->n == set->cap && grow_fds(set))
		return -1;
	set->fds[set->n] = (struct pollfd){ .fd = fd, .events = POLLIN };
	set->slot[fd] = (unsigned)++set->n;
	return 0;
}

int l2tpsec_pollset_ready(const struct l2tpsec_pollset *set, int fd)
{
	if (fd < 0 || (size_t)fd >= set->slots || !set->slot[fd])
		return 0;
	/* select() calls a descriptor in error or hung up readable too: its read says why */
	return !!(set->fds[set->slot[fd] - 1].revents & (POLLIN | POLLERR | POLLHUP | POLLNVAL));
}

int l2tpsec_pollset_wait(struct l2tpsec_pollset *set, const struct timeval *tv)
{
	int ms = -1;

	for (size_t i = 0; i < set->n; i++)
		set->fds[i].revents = 0;
	if (tv) {
		/* rounded up: a timer due in 0.4 ms must not turn the loop into a busy wait */
		long long t = (long long)tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000;

		ms = t < 0 ? 0 : t > INT_MAX ? INT_MAX : (int)t;
	}
	return poll(set->fds, set->n, ms);
}

void l2tpsec_pollset_free(struct l2tpsec_pollset *set)
{
	free(set->fds);
	free(set->slot);
	*set = (struct l2tpsec_pollset)L2TPSEC_POLLSET_INIT;
}

/* where RLIM_INFINITY stands for no hard limit: the kernel's default fs.nr_open */
#define NOFILE_CEILING 1048576

static struct rlimit inherited;

static void child_gets_inherited_limit(void)
{
	setrlimit(RLIMIT_NOFILE, &inherited);
}

int l2tpsec_pollset_raise_limit(unsigned long long *was, unsigned long long *now)
{
	static int once;
	struct rlimit raised;

	if (getrlimit(RLIMIT_NOFILE, &raised))
		return -1;
	if (!once) {
		inherited = raised;
		if (pthread_atfork(NULL, NULL, child_gets_inherited_limit))
			return -1;
		once = 1;
	}
	*was = raised.rlim_cur;
	raised.rlim_cur = raised.rlim_max == RLIM_INFINITY ? NOFILE_CEILING : raised.rlim_max;
	if (raised.rlim_cur > *was && setrlimit(RLIMIT_NOFILE, &raised))
		return -1;
	if (getrlimit(RLIMIT_NOFILE, &raised))
		return -1;
	*now = raised.rlim_cur;
	return 0;
}
