/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Diagnostics in the form compilers use, FILE:LINE:COL: error|warning: message, one per
 * problem, all of them in one run: collected, then printed by diag_flush in line order (a
 * line's own in the order found), the first DIAG_SHOWN of them and a count of the rest, control
 * characters escaped (a random file must not drive the terminal).
 */
#ifndef L2TPSEC_DIAG_H
#define L2TPSEC_DIAG_H

#include <stdio.h>

#define DIAG_SHOWN 100

struct diag_msg {
	int line;
	size_t seq;		/* order found, for a stable sort */
	char *text;		/* the whole message line, without the newline */
};

struct diag {
	const char *file;	/* name shown in messages */
	FILE *out;		/* where messages go (stderr; NULL: count only) */
	int errors, warnings;
	int strict;		/* --strict: warnings count as errors */
	struct diag_msg *msgs;	/* collected until diag_flush */
	size_t n, cap;
};

void diag_error(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* print what was collected (see above) and forget it; also frees it */
void diag_flush(struct diag *d);

/* non-zero when the run must fail: errors, or warnings under --strict */
int diag_failed(const struct diag *d);

#endif
