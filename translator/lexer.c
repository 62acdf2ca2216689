/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "lexer.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int push(struct lex *lx, const struct lex_line *l)
{
	if (lx->n == lx->cap) {
		size_t cap = lx->cap ? lx->cap * 2 : 64;
		struct lex_line *p = realloc(lx->lines, cap * sizeof(*p));

		if (!p)
			return -1;
		lx->lines = p;
		lx->cap = cap;
	}
	lx->lines[lx->n++] = *l;
	return 0;
}

/* banner TYPE DELIM...: the delimiter is the first character after the type word ("^C" counts
 * as one delimiter, the way configs are printed); the block ends at its next occurrence */
static const char *banner_delim(struct lex_line *l, size_t *dlen)
{
	const char *p;

	if (l->nwords < 2 || strcasecmp(l->words[0], "banner"))
		return NULL;
	if (l->nwords < 3) {
		*dlen = 0;
		return "";	/* banner without text: nothing to skip past */
	}
	p = l->words[2];
	*dlen = (p[0] == '^' && p[1]) ? 2 : 1;
	return p;
}

int lex_text(struct lex *lx, const char *text, size_t len, struct diag *d)
{
	char delim[3] = "";
	size_t dlen = 0, start = 0;
	int lineno = 0, in_banner = 0, banner_line = 0;
	char *p;

	memset(lx, 0, sizeof(*lx));
	/* the copy is the storage for every line: words are cut out of it with NULs */
	lx->buf = malloc(len * 2 + 2);
	if (!lx->buf)
		return -1;
	p = lx->buf;
	while (start < len) {
		size_t end = start, next;
		struct lex_line l = { 0 };
		char *w;
		int col = 0;

		while (end < len && text[end] != '\n')
			end++;
		next = end + 1;
		if (end > start && text[end - 1] == '\r')
			end--;
		lineno++;
		if (memchr(text + start, '\0', end - start)) {
			diag_error(d, lineno, 1, "NUL byte in the configuration: line ignored");
			start = next;
			continue;
		}
		/* the line as written (for README.translation) */
		l.text = p;
		memcpy(p, text + start, end - start);
		p += end - start;
		*p++ = '\0';
		if (in_banner) {
			if (strstr(l.text, delim))
				in_banner = 0;
			start = next;
			continue;
		}
		/* words */
		w = p;
		memcpy(p, text + start, end - start);
		p += end - start;
		*p++ = '\0';
		l.line = lineno;
		l.indent = -1;
		for (size_t i = 0; w[i]; ) {
			if (w[i] == ' ' || w[i] == '\t') {
				w[i] = '\0';
				col += w[i] == '\t' ? 8 - col % 8 : 1;
				i++;
				continue;
			}
			if (l.nwords == LEX_MAX_WORDS) {
				/* a comment may be as long as it likes */
				if (l.words[0][0] != '!')
					diag_error(d, lineno, col + 1, "more than %d words on one line",
						   LEX_MAX_WORDS);
				break;
			}
			if (l.indent < 0)
				l.indent = col;
			l.words[l.nwords] = w + i;
			l.offs[l.nwords] = (int)i;
			l.cols[l.nwords++] = col + 1;
			while (w[i] && w[i] != ' ' && w[i] != '\t') {
				i++;
				col++;
			}
		}
		start = next;
		if (!l.nwords || l.words[0][0] == '!')
			continue;
		/* a tab-expanded column is only a hint for the parser; keep the first word's */
		{
			const char *bd = banner_delim(&l, &dlen);

			if (bd && dlen) {
				memcpy(delim, bd, dlen);
				delim[dlen] = '\0';
				/* text may close on the same line, in any word: banner motd ^CHello
				 * world^C (bd points into the words; the same offset in the line as
				 * written has the spaces) */
				in_banner = strstr(l.text + (bd - w) + dlen, delim) == NULL;
				banner_line = lineno;
			}
		}
		if (push(lx, &l))
			return -1;
	}
	if (in_banner)
		diag_error(d, banner_line, 1, "banner is never closed by its delimiter '%s'", delim);
	return 0;
}

void lex_free(struct lex *lx)
{
	free(lx->lines);
	free(lx->buf);
	memset(lx, 0, sizeof(*lx));
}
