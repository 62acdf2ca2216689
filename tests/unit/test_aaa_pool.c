/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * RADIUS Framed-Pool (pppd-plugin/aaa_pool.c): a pool's ranges read from the translator's pools
 * file, bad lines refused with where; each pppd claims a different address, a dead pppd's
 * address is taken over, a released one is handed out again, an exhausted pool says so, pppds
 * claiming at once each get their own, and a pool name RADIUS sends cannot leave the run
 * directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "check.h"
#include "aaa_pool.h"

static char dir[64], file[96];

static void write_file(const char *text)
{
	FILE *f = fopen(file, "w");

	fputs(text, f);
	fclose(f);
}

static pid_t dead_pid(void)
{
	pid_t p = fork();

	if (!p)
		_exit(0);
	waitpid(p, NULL, 0);
	return p;
}

static void ranges(void)
{
	struct aaa_pool_range r[4];
	char why[160];

	write_file("# pools\nother 10.9.0.1 10.9.0.9\nradpool 10.50.0.10 10.50.0.11\n\n"
		   "radpool 10.50.1.1 10.50.1.1\n");
	CHECK(aaa_pool_ranges(file, "radpool", r, 4, why, sizeof(why)) == 2);
	CHECK_EQ_UL(r[0].first, 0x0a32000aUL);
	CHECK_EQ_UL(r[0].last, 0x0a32000bUL);
	CHECK_EQ_UL(r[1].first, 0x0a320101UL);
	CHECK(aaa_pool_ranges(file, "none", r, 4, why, sizeof(why)) == 0);
	CHECK(aaa_pool_ranges(file, "radpool", r, 1, why, sizeof(why)) == -1);
	CHECK(strstr(why, "more than 1 ranges"));
	write_file("radpool 10.50.0.20 10.50.0.10\n");
	CHECK(aaa_pool_ranges(file, "radpool", r, 4, why, sizeof(why)) == -1);
	CHECK(strstr(why, ":1: not 'NAME FIRST LAST'"));
	write_file("radpool 10.50.0.1\n");
	CHECK(aaa_pool_ranges(file, "radpool", r, 4, why, sizeof(why)) == -1);
	CHECK(aaa_pool_ranges("/nonexistent/pools", "radpool", r, 4, why, sizeof(why)) == -1);
	CHECK(strstr(why, "No such file"));
}

static void claims(void)
{
	struct aaa_pool_range r[2] = { { 0x0a32000a, 0x0a32000b }, { 0x0a320101, 0x0a320101 } };
	uint32_t a = 0, b = 0, c = 0, d = 0;
	pid_t gone = dead_pid(), me = getpid();

	/* a dead pppd holds the first address: taken over */
	CHECK(aaa_pool_claim(dir, "radpool", r, 2, gone, &a) == 0);
	CHECK_EQ_UL(a, 0x0a32000aUL);
	CHECK(aaa_pool_claim(dir, "radpool", r, 2, me, &a) == 0);
	CHECK_EQ_UL(a, 0x0a32000aUL);
	/* the living claimer (this process; pid 1 stands for another) keeps its addresses */
	CHECK(aaa_pool_claim(dir, "radpool", r, 2, 1, &b) == 0);
	CHECK_EQ_UL(b, 0x0a32000bUL);
	CHECK(aaa_pool_claim(dir, "radpool", r, 2, 1, &c) == 0);
	CHECK_EQ_UL(c, 0x0a320101UL);
	CHECK(aaa_pool_claim(dir, "radpool", r, 2, 1, &d) == 1);	/* exhausted */
	/* released by its holder only */
	aaa_pool_release(dir, "radpool", b, me);
	CHECK(aaa_pool_claim(dir, "radpool", r, 2, me, &d) == 1);
	aaa_pool_release(dir, "radpool", b, 1);
	CHECK(aaa_pool_claim(dir, "radpool", r, 2, me, &d) == 0);
	CHECK_EQ_UL(d, b);
}

/* pppds claiming at once, with a dead pppd's stale claim among the files: each its own address */
static void concurrent(void)
{
	struct aaa_pool_range r[1] = { { 0x0a330001, 0x0a330006 } };
	int results[2], hold[2], n = 6, got = 0;
	uint32_t seen[6] = { 0 }, a;
	char stale[128];
	FILE *f;

	snprintf(stale, sizeof(stale), "%s/busy", dir);
	mkdir(stale, 0755);
	snprintf(stale, sizeof(stale), "%s/busy/10.51.0.1", dir);
	f = fopen(stale, "w");
	fprintf(f, "%ld\n", (long)dead_pid());
	fclose(f);
	if (pipe(results) || pipe(hold))
		return;
	for (int i = 0; i < n; i++) {
		if (fork())
			continue;
		close(results[0]);
		close(hold[1]);
		if (aaa_pool_claim(dir, "busy", r, 1, getpid(), &a))
			a = 0;
		if (write(results[1], &a, sizeof(a)) != sizeof(a))
			_exit(1);
		(void)!read(hold[0], &a, 1);	/* alive until the parent has looked */
		_exit(0);
	}
	close(results[1]);
	close(hold[0]);
	while (got < n && read(results[0], &seen[got], sizeof(seen[0])) == sizeof(seen[0]))
		got++;
	close(hold[1]);
	while (wait(NULL) > 0)
		;
	CHECK(got == n);
	for (int i = 0; i < got; i++) {
		CHECK(seen[i] >= r[0].first && seen[i] <= r[0].last);
		for (int j = 0; j < i; j++)
			CHECK(seen[i] != seen[j]);
	}
}

static void names(void)
{
	struct aaa_pool_range r[1] = { { 1, 1 } };
	uint32_t a;

	CHECK(aaa_pool_name_ok("radpool"));
	CHECK(aaa_pool_name_ok("Pool-2_b.x"));
	CHECK(!aaa_pool_name_ok(""));
	CHECK(!aaa_pool_name_ok(".."));
	CHECK(!aaa_pool_name_ok("../etc"));
	CHECK(!aaa_pool_name_ok("a/b"));
	CHECK(!aaa_pool_name_ok("a b"));
	CHECK(aaa_pool_claim(dir, "../x", r, 1, getpid(), &a) == -1);
}

int main(void)
{
	char cmd[96];
	int failed;

	snprintf(dir, sizeof(dir), "/tmp/test_aaa_pool.XXXXXX");
	if (!mkdtemp(dir))
		return 99;
	snprintf(file, sizeof(file), "%s/pools", dir);
	ranges();
	claims();
	concurrent();
	names();
	failed = check_done("test_aaa_pool");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd))
		return 99;
	return failed;
}
