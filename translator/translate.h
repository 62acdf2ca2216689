/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The translator's front: text in, diagnostics out, and (unless checking only) every output
 * file written under OUTDIR — all of them or none.
 */
#ifndef L2TPSEC_TRANSLATE_H
#define L2TPSEC_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct translate_opts {
	bool strict;		/* warnings are errors */
	bool modernize;		/* replace weak crypto */
	bool lenient;		/* unknown commands in security sub-modes only warn */
	bool ipsec_conf;	/* also ipsec.conf + ipsec.secrets */
	const char *outdir;	/* NULL: parse and check only */
	bool render_only;	/* without outdir: render every file in memory, write nothing (fuzzing) */
};

struct translate_result {
	int errors, warnings;
};

/*
 * Translate one configuration. name labels diagnostics; diag_out receives them (NULL: silent).
 * Returns 0 on success, 1 when the configuration has errors (or warnings under strict), or when
 * writing failed (nothing is left half-written), -1 when out of memory.
 */
int translate_text(const char *name, const char *text, size_t len,
		   const struct translate_opts *opts, FILE *diag_out, struct translate_result *res);

#endif
