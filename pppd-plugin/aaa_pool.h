/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * RADIUS Framed-Pool on the LNS: the address pools the translator writes from IOS `ip local pool
 * NAME FIRST LAST` (ppp/radius/pools, one line per range: "NAME FIRST LAST") and the claim of one
 * address by one pppd. Each pppd is its own process, so a claim is a file per address in the
 * pool's run directory holding the claimer's PID, made under the directory's flock (one claimer
 * at a time); the file of a pppd that died without releasing it is taken over. No pppd types:
 * unit-tested on its own.
 */
#ifndef AAA_POOL_H
#define AAA_POOL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define AAA_POOL_RANGES_MAX 64

struct aaa_pool_range {
	uint32_t first, last;	/* host order, first <= last */
};

/* is name a pool name we may use as a directory name (letters, digits, '.', '_', '-'; not
 * starting with '.'; at most 64 bytes)? RADIUS sends it */
int aaa_pool_name_ok(const char *name);

/*
 * The ranges of pool `name` in the pools file at path, into out (max of them): how many (0: no
 * such pool), or -1 with why (len bytes) saying what is wrong with the file.
 */
int aaa_pool_ranges(const char *path, const char *name, struct aaa_pool_range *out, size_t max,
		    char *why, size_t len);

/*
 * Claim the first free address of the ranges for pid `self` under dir/name/ (made as needed):
 * 0 and *addr (host order); 1 when every address is taken; -1 on an error (errno).
 */
int aaa_pool_claim(const char *dir, const char *name, const struct aaa_pool_range *r, size_t n,
		   pid_t self, uint32_t *addr);

/* give addr back, if self holds it */
void aaa_pool_release(const char *dir, const char *name, uint32_t addr, pid_t self);

#endif
