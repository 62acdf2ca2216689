/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * IOS configuration text → lines of words. CRLF or LF, tabs as blanks, `!` comment lines and
 * `banner TYPE <delim> … <delim>` blocks skipped, empty lines dropped. Every word keeps its
 * column so diagnostics point at it.
 */
#ifndef L2TPSEC_LEXER_H
#define L2TPSEC_LEXER_H

#include <stddef.h>

#include "diag.h"

#define LEX_MAX_WORDS 32

struct lex_line {
	int line;		/* 1-based line number in the file */
	int indent;		/* column of the first word, 0-based */
	int nwords;
	char *words[LEX_MAX_WORDS];
	int cols[LEX_MAX_WORDS];	/* 1-based column of each word (tabs expanded) */
	int offs[LEX_MAX_WORDS];	/* byte offset of each word in text */
	char *text;		/* the line as written, without its line end */
};

struct lex {
	struct lex_line *lines;
	size_t n, cap;
	char *buf;		/* owns every string above */
};

/*
 * Split text (len bytes, not necessarily NUL-terminated) into lines. Problems (a NUL byte, too
 * many words, an unterminated banner) are reported to d. Returns 0, or -1 when out of memory.
 */
int lex_text(struct lex *lx, const char *text, size_t len, struct diag *d);

void lex_free(struct lex *lx);

#endif
