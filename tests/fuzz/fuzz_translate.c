/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * libFuzzer target: any bytes as an IOS configuration through the lexer, the parser, the
 * semantic checks and (for input that passes them) every emitter, rendered in memory. Must never
 * crash, leak or read out of bounds.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "../../translator/translate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct translate_opts opts = { .modernize = size & 1, .ipsec_conf = size & 2,
				       .render_only = true };

	/* diagnostics rendered (quoted, masked, escaped, sorted) and thrown away */
	static FILE *sink;

	if (!sink)
		sink = fopen("/dev/null", "w");
	translate_text("fuzz", (const char *)data, size, &opts, sink, NULL);
	return 0;
}
