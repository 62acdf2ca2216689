/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * All-or-nothing output: every file is rendered in memory first; only when all exist are they
 * written into a fresh directory beside OUTDIR, which then takes OUTDIR's place in one rename
 * (an existing OUTDIR is swapped out atomically and removed). On any error OUTDIR is untouched.
 * Because OUTDIR is replaced as a whole, only a directory the translator wrote (it holds the
 * marker file OUTPUT_MARKER), an empty one or a new one may be OUTDIR, and never the system's own
 * directories (/, /etc, /usr, a top-level directory, $HOME...).
 */
#ifndef L2TPSEC_OUTPUT_H
#define L2TPSEC_OUTPUT_H

#include <stdio.h>
#include <sys/types.h>

/* the file every output tree holds: what wrote it, and that the next run replaces it */
#define OUTPUT_MARKER ".l2tpsec-translate"

struct output_file {
	char *path;		/* relative to OUTDIR */
	char *data;
	size_t len;
	mode_t mode;		/* 0600 for anything holding a secret */
	FILE *f;		/* open while being rendered */
};

struct output {
	struct output_file **files;	/* each allocated once: open_memstream keeps &data, &len */
	int n, cap;
	int failed;
};

/* start rendering a file; NULL (and output marked failed) when out of memory */
FILE *output_open(struct output *o, const char *path, mode_t mode);

/* finish every open file; returns 0, or -1 if any rendering failed */
int output_finish(struct output *o);

/* may outdir be replaced by an output tree? 0, or -1 with the reason and what to do in err */
int output_check_dir(const char *outdir, char *err, size_t errlen);

/* write everything under outdir as described above; -1 with a message in err on failure */
int output_commit(struct output *o, const char *outdir, char *err, size_t errlen);

void output_free(struct output *o);

#endif
