/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

static void emit(struct diag *d, const char *kind, int line, int col, const char *fmt,
		 va_list ap)
{
	char *msg, *text;
	struct diag_msg *m;

	if (!d->out)
		return;
	if (vasprintf(&msg, fmt, ap) < 0)
		return;
	if (line > 0 ? asprintf(&text, "%s:%d:%d: %s: %s", d->file, line, col > 0 ? col : 1,
				kind, msg) < 0 :
		       asprintf(&text, "%s: %s: %s", d->file, kind, msg) < 0) {
		free(msg);
		return;
	}
	free(msg);
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 32;

		m = realloc(d->msgs, cap * sizeof(*m));
		if (!m) {
			free(text);
			return;
		}
		d->msgs = m;
		d->cap = cap;
	}
	d->msgs[d->n] = (struct diag_msg){ .line = line, .seq = d->n, .text = text };
	d->n++;
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

static int by_line(const void *a, const void *b)
{
	const struct diag_msg *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_flush(struct diag *d)
{
	if (d->n)	/* qsort's base must not be NULL, even for nothing */
		qsort(d->msgs, d->n, sizeof(*d->msgs), by_line);
	for (size_t i = 0; i < d->n; i++) {
		if (i < DIAG_SHOWN && d->out) {
			for (const unsigned char *c = (const unsigned char *)d->msgs[i].text; *c; c++)
				if (*c < 0x20 || *c == 0x7f)
					fprintf(d->out, "\\x%02x", *c);
				else
					fputc(*c, d->out);
			fputc('\n', d->out);
		}
		free(d->msgs[i].text);
	}
	if (d->n > DIAG_SHOWN && d->out)
		fprintf(d->out, "%s: %zu more diagnostics not shown (%d error%s, %d warning%s in all)\n",
			d->file, d->n - DIAG_SHOWN, d->errors, d->errors == 1 ? "" : "s", d->warnings,
			d->warnings == 1 ? "" : "s");
	free(d->msgs);
	d->msgs = NULL;
	d->n = d->cap = 0;
}

int diag_failed(const struct diag *d)
{
	return d->errors > 0 || (d->strict && d->warnings > 0);
}
