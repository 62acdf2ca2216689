/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "diag.h"

#include <stdarg.h>

static void emit(struct diag *d, const char *kind, int line, int col, const char *fmt,
		 va_list ap)
{
	if (!d->out)
		return;
	if (line > 0)
		fprintf(d->out, "%s:%d:%d: %s: ", d->file, line, col > 0 ? col : 1, kind);
	else
		fprintf(d->out, "%s: %s: ", d->file, kind);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
}

void diag_error(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;

	d->errors++;
	va_start(ap, fmt);
	emit(d, "error", line, col, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;

	d->warnings++;
	va_start(ap, fmt);
	emit(d, d->strict ? "error" : "warning", line, col, fmt, ap);
	va_end(ap);
}

int diag_failed(const struct diag *d)
{
	return d->errors > 0 || (d->strict && d->warnings > 0);
}
