/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The descriptors xl2tpd's main loop waits on, for poll(2) instead of select(2). A select()
 * fd_set holds descriptors below FD_SETSIZE (1,024) only: stock xl2tpd, whose kernel data path
 * keeps two descriptors per tunnel, stops at about 500 tunnels (EMFILE under the usual soft
 * limit, or glibc's fortified FD_SET aborting above it). A pollset grows with the descriptors.
 * Built afresh every turn, as build_fdset() does; asking whether a descriptor is ready costs
 * one array index.
 */
#ifndef L2TPSEC_POLLSET_H
#define L2TPSEC_POLLSET_H

#include <poll.h>
#include <stddef.h>
#include <sys/time.h>

struct l2tpsec_pollset {
	struct pollfd *fds;
	size_t n, cap;
	unsigned *slot;		/* by descriptor: its index in fds + 1, 0 when not in the set */
	size_t slots;
};

#define L2TPSEC_POLLSET_INIT { NULL, 0, 0, NULL, 0 }

/* empty the set (its memory is kept for the next turn) */
void l2tpsec_pollset_clear(struct l2tpsec_pollset *set);

/* wait for fd to be readable; 0, or -1 (fd < 0, or out of memory: the caller logs, the
 * descriptor is then not waited on this turn) */
int l2tpsec_pollset_add(struct l2tpsec_pollset *set, int fd);

/* after l2tpsec_pollset_wait(): is fd readable, or in error or hung up (a read tells which)? */
int l2tpsec_pollset_ready(const struct l2tpsec_pollset *set, int fd);

/* poll(2) the set for at most *tv (NULL: no limit); as select(): the number of ready
 * descriptors, 0 on timeout, -1 with errno */
int l2tpsec_pollset_wait(struct l2tpsec_pollset *set, const struct timeval *tv);

void l2tpsec_pollset_free(struct l2tpsec_pollset *set);

/*
 * Raise the soft RLIMIT_NOFILE to the hard one (systemd starts services at 1,024 soft,
 * 524,288 hard), so descriptors are what a tunnel costs, not a wall; the child processes
 * xl2tpd forks (pppd, whose loop is select()) get the old soft limit back. Returns 0 with the
 * limit before and after in *was and *now, or -1 with errno.
 */
int l2tpsec_pollset_raise_limit(unsigned long long *was, unsigned long long *now);

#endif
