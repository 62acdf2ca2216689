/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * A minimal assertion helper for the unit tests: each CHECK prints what failed and where, and
 * the test's exit status is the automake convention (0 pass, 1 fail).
 */
#ifndef L2TPSEC_CHECK_H
#define L2TPSEC_CHECK_H

#include <stdio.h>

static int check_failures;
static int check_count;

#define CHECK(cond) do { \
	check_count++; \
	if (!(cond)) { \
		check_failures++; \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_EQ_UL(got, want) do { \
	unsigned long g_ = (unsigned long)(got), w_ = (unsigned long)(want); \
	check_count++; \
	if (g_ != w_) { \
		check_failures++; \
		fprintf(stderr, "%s:%d: %s is %lu, expected %lu\n", __FILE__, __LINE__, #got, g_, w_); \
	} \
} while (0)

static inline int check_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
	return check_failures ? 1 : 0;
}

#endif
