/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec translate [--strict] [--lenient] [--modernize] [--ipsec-conf] -o OUTDIR FILE.cfg
 * l2tpsec check [--strict] [--lenient] FILE.cfg
 * FILE "-" reads standard input. Exit 0: done (warnings allowed unless --strict); 1: the
 * configuration has errors (nothing written); 2: usage, or an OUTDIR translate must not
 * replace (the system's, or holding files it did not write).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "subcommands.h"
#include "../translator/output.h"
#include "../translator/translate.h"

/* the whole input in memory: configs are small, and the lexer wants one buffer */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			char *p = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (!p) {
				free(buf);
				buf = NULL;
				errno = ENOMEM;
				break;
			}
			buf = p;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	if (f != stdin)
		fclose(f);
	*len = n;
	return buf;
}

static int run(int argc, char **argv, int check_only)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "modernize", no_argument, NULL, 'm' },
		{ "lenient", no_argument, NULL, 'l' },
		{ "ipsec-conf", no_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *usage = check_only ? "usage: l2tpsec check [--strict] [--lenient] FILE.cfg\n" :
		"usage: l2tpsec translate [--strict] [--lenient] [--modernize] [--ipsec-conf] "
		"-o OUTDIR FILE.cfg\n";
	struct translate_opts opts = { 0 };
	struct translate_result res;
	const char *name;
	char *text;
	size_t len;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, check_only ? "" : "o:", longopts, NULL)) != -1) {
		switch (c) {
		case 's': opts.strict = true; break;
		case 'm': opts.modernize = true; break;
		case 'l': opts.lenient = true; break;
		case 'i': opts.ipsec_conf = true; break;
		case 'o': opts.outdir = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (optind != argc - 1 || (!check_only && !opts.outdir) ||
	    (check_only && (opts.modernize || opts.ipsec_conf || opts.outdir))) {
		fputs(usage, stderr);
		return 2;
	}
	if (opts.outdir) {
		char err[PATH_MAX + 512];

		if (output_check_dir(opts.outdir, err, sizeof(err))) {
			fprintf(stderr, "l2tpsec: %s\n", err);
			return 2;
		}
	}
	name = argv[optind];
	text = slurp(name, &len);
	if (!text) {
		fprintf(stderr, "l2tpsec: %s: %s\n", name, strerror(errno));
		return 1;
	}
	rc = translate_text(strcmp(name, "-") ? name : "<stdin>", text, len, &opts, stderr, &res);
	free(text);
	if (rc == 0 && !check_only)
		fprintf(stderr, "l2tpsec: wrote %s (%d warning%s)\n", opts.outdir, res.warnings,
			res.warnings == 1 ? "" : "s");
	else if (rc != 0)
		fprintf(stderr, "l2tpsec: %d error%s, %d warning%s%s\n", res.errors,
			res.errors == 1 ? "" : "s", res.warnings, res.warnings == 1 ? "" : "s",
			check_only ? "" : "; nothing was written");
	return rc == 0 ? 0 : 1;
}

int translate_main(int argc, char **argv) { return run(argc, argv, 0); }
int check_main(int argc, char **argv) { return run(argc, argv, 1); }
