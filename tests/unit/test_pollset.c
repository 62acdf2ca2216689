/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * xl2tpd's main loop set (l2tpsec_pollset.c): descriptors far above FD_SETSIZE are waited on
 * and reported ready, a cleared set forgets its descriptors, a hung-up peer counts as readable
 * (as select() has it), the timeout holds, and the raised descriptor limit is given back to
 * the processes xl2tpd forks.
 */
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "l2tpsec_pollset.h"

/* a pipe whose read end is moved to descriptor `at` */
static int pipe_at(int at, int *write_end)
{
	int p[2];

	if (pipe(p))
		return -1;
	if (dup2(p[0], at) != at) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	close(p[0]);
	*write_end = p[1];
	return at;
}

static void past_fd_setsize(void)
{
	struct l2tpsec_pollset set = L2TPSEC_POLLSET_INIT;
	struct timeval tv = { 1, 0 };
	unsigned long long was, now;
	int w1, w2, w3, high, higher, low;

	CHECK(l2tpsec_pollset_raise_limit(&was, &now) == 0);
	CHECK(now >= was);
	if (now < 4 * FD_SETSIZE) {
		printf("hard descriptor limit %llu: descriptors past FD_SETSIZE not tried\n", now);
		return;
	}
	high = pipe_at(FD_SETSIZE + 476, &w1);
	higher = pipe_at(3 * FD_SETSIZE, &w2);
	low = pipe_at(FD_SETSIZE - 24, &w3);
	CHECK(high > 0 && higher > 0 && low > 0);
	CHECK(l2tpsec_pollset_add(&set, high) == 0);
	CHECK(l2tpsec_pollset_add(&set, higher) == 0);
	CHECK(l2tpsec_pollset_add(&set, low) == 0);
	CHECK(l2tpsec_pollset_add(&set, low) == 0);	/* twice is once */
	CHECK_EQ_UL(set.n, 3);
	CHECK(write(w2, "x", 1) == 1);
	CHECK(l2tpsec_pollset_wait(&set, &tv) == 1);
	CHECK(l2tpsec_pollset_ready(&set, higher));
	CHECK(!l2tpsec_pollset_ready(&set, high));
	CHECK(!l2tpsec_pollset_ready(&set, low));

	/* the next turn: cleared, only `high` added; `higher` is still readable but not asked */
	l2tpsec_pollset_clear(&set);
	CHECK_EQ_UL(set.n, 0);
	CHECK(!l2tpsec_pollset_ready(&set, higher));
	CHECK(l2tpsec_pollset_add(&set, high) == 0);
	close(w1);	/* its peer hangs up: readable, the read returns 0 */
	CHECK(l2tpsec_pollset_wait(&set, &tv) == 1);
	CHECK(l2tpsec_pollset_ready(&set, high));
	CHECK(!l2tpsec_pollset_ready(&set, higher));
	close(high);
	close(higher);
	close(w2);
	close(low);
	close(w3);
	l2tpsec_pollset_free(&set);
}

static void timeout_and_bad_descriptors(void)
{
	struct l2tpsec_pollset set = L2TPSEC_POLLSET_INIT;
	struct timeval tv = { 0, 20000 };
	int p[2];

	CHECK(pipe(p) == 0);
	CHECK(l2tpsec_pollset_add(&set, -1) == -1);
	CHECK(!l2tpsec_pollset_ready(&set, -1));
	CHECK(!l2tpsec_pollset_ready(&set, 100000));	/* never added, past every slot */
	CHECK(l2tpsec_pollset_add(&set, p[0]) == 0);
	CHECK(l2tpsec_pollset_wait(&set, &tv) == 0);
	CHECK(!l2tpsec_pollset_ready(&set, p[0]));
	/* a descriptor closed behind the loop's back is reported, so its read says EBADF */
	close(p[0]);
	CHECK(l2tpsec_pollset_wait(&set, &tv) == 1);
	CHECK(l2tpsec_pollset_ready(&set, p[0]));
	close(p[1]);
	l2tpsec_pollset_free(&set);
}

static void children_get_the_old_limit(const struct rlimit *start)
{
	struct rlimit mine, theirs;
	unsigned long long was, now;
	int p[2], status = 0;
	pid_t pid;

	CHECK(l2tpsec_pollset_raise_limit(&was, &now) == 0);
	CHECK(getrlimit(RLIMIT_NOFILE, &mine) == 0);
	CHECK_EQ_UL(mine.rlim_cur, now);
	CHECK(pipe(p) == 0);
	pid = fork();
	if (pid == 0) {
		getrlimit(RLIMIT_NOFILE, &theirs);
		_exit(write(p[1], &theirs, sizeof(theirs)) == sizeof(theirs) ? 0 : 1);
	}
	CHECK(pid > 0);
	CHECK(read(p[0], &theirs, sizeof(theirs)) == sizeof(theirs));
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status));
	/* the limit this process started with, not the raised one */
	CHECK_EQ_UL(theirs.rlim_cur, start->rlim_cur);
	CHECK_EQ_UL(theirs.rlim_max, mine.rlim_max);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	struct rlimit start;

	getrlimit(RLIMIT_NOFILE, &start);
	past_fd_setsize();
	timeout_and_bad_descriptors();
	children_get_the_old_limit(&start);
	return check_done("test_pollset");
}
