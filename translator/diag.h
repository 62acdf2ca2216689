/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Diagnostics in the form compilers use, FILE:LINE:COL: error|warning: message, one per
 * problem, all of them in one run.
 */
#ifndef L2TPSEC_DIAG_H
#define L2TPSEC_DIAG_H

#include <stdio.h>

struct diag {
	const char *file;	/* name shown in messages */
	FILE *out;		/* where messages go (stderr; NULL: count only) */
	int errors, warnings;
	int strict;		/* --strict: warnings count as errors */
};

void diag_error(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* non-zero when the run must fail: errors, or warnings under --strict */
int diag_failed(const struct diag *d);

#endif
