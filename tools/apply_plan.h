/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * What `l2tpsec apply` would change: the files of a translated tree (l2tpsec translate -o), each
 * with where it goes under /etc, whether it is a secret (0600 in the tree), and whether the file
 * there differs. The tree mirrors /etc (swanctl/, strongswan.d/charon/, xl2tpd/, ppp/,
 * ipsec.conf); README.translation goes to /etc/l2tpsec/.
 */
#ifndef L2TPSEC_APPLY_PLAN_H
#define L2TPSEC_APPLY_PLAN_H

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

struct apply_item {
	char rel[256];			/* path in the translated tree */
	char src[PATH_MAX];
	char dst[PATH_MAX];		/* ROOT/etc/... */
	mode_t mode;			/* the tree's: 0600 for secrets, 0644 else */
	int secret;
	int exists;			/* dst was there before */
	int changed;			/* dst missing, different, or of another mode or owner */
};

struct apply_plan {
	struct apply_item *items;
	size_t n;
	size_t changed;
};

/*
 * Read the tree at outdir (refused unless translate wrote it: its marker file; a symbolic link
 * or a file of an unknown kind in it) and compare each file with its place under root ("" for
 * /). 0, or -1 with err filled.
 */
int apply_plan_read(struct apply_plan *plan, const char *outdir, const char *root, char *err,
		    size_t errlen);

/* every change, as `diff -u` shows it; a secret's contents are never shown */
void apply_plan_show(const struct apply_plan *plan, FILE *out);

/* does a changed file belong to charon (swanctl, strongswan.d, ipsec.*) or to xl2tpd? */
int apply_plan_touches(const struct apply_plan *plan, const char *prefix);

void apply_plan_free(struct apply_plan *plan);

#endif
