/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * What the parser says about a line it has no command for: the whole line quoted with what
 * looks like a secret masked and unprintable bytes escaped, and the nearest command of the
 * same mode ("did you mean").
 */
#ifndef L2TPSEC_UNKNOWN_H
#define L2TPSEC_UNKNOWN_H

#include <stddef.h>

#include "lexer.h"

/* the line's words from `start`, joined by one space, secrets as <secret>, bytes outside
 * printable ASCII as \xNN; cut with "…" to fit out (size > 8) */
void unknown_quote(const struct lex_line *l, int start, char *out, size_t size);

/* the first word from `start` that unknown_quote would mask (a secret, or its type digit), or -1 */
int unknown_secret_word(const struct lex_line *l, int start);

/* the edit distance (insertions, deletions, substitutions, adjacent swaps; case-insensitive)
 * between a and b, or max + 1 when it is larger than max */
int unknown_distance(const char *a, const char *b, int max);

#endif
