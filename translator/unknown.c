/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "unknown.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* words after which IOS writes a secret (an optional one-digit type comes first) */
static bool secret_follows(const char *w)
{
	static const char *const kw[] = { "password", "secret", "key", "pre-shared-key",
					  "community", "authentication-key", "key-string" };

	/* misspelled too: "pasword 7 0822455D0A16" is no less a secret */
	for (size_t i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (unknown_distance(w, kw[i], strlen(kw[i]) > 5 ? 2 : 0) <= (strlen(kw[i]) > 5 ? 2 : 0))
			return true;
	return false;
}

/* append s escaped; false when it did not fit */
static bool put(char *out, size_t size, size_t *len, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[5];
		size_t n;

		if (c >= 0x20 && c < 0x7f) {
			esc[0] = (char)c;
			esc[1] = '\0';
		} else {
			snprintf(esc, sizeof(esc), "\\x%02x", c);
		}
		n = strlen(esc);
		if (*len + n + 4 >= size)	/* room for "…" and the NUL */
			return false;
		memcpy(out + *len, esc, n);
		*len += n;
	}
	out[*len] = '\0';
	return true;
}

int unknown_secret_word(const struct lex_line *l, int start)
{
	for (int i = start; i + 1 < l->nwords; i++)
		if (secret_follows(l->words[i]))
			return i + 1;
	return -1;
}

void unknown_quote(const struct lex_line *l, int start, char *out, size_t size)
{
	size_t len = 0;
	int mask = 0;	/* 1: the next word is a secret; 2: the next may be its type digit */

	out[0] = '\0';
	for (int i = start; i < l->nwords; i++) {
		const char *w = l->words[i];
		bool type = mask == 2 && strlen(w) == 1 && isdigit((unsigned char)w[0]) &&
			    i + 1 < l->nwords;

		if ((i > start && !put(out, size, &len, " ")) ||
		    !put(out, size, &len, mask && !type ? "<secret>" : w)) {
			memcpy(out + len, "\xe2\x80\xa6", 4);	/* … and the NUL */
			return;
		}
		mask = type ? 1 : secret_follows(w) ? 2 : 0;
	}
}

int unknown_distance(const char *a, const char *b, int max)
{
	size_t la = strlen(a), lb = strlen(b);
	int d[34][34];

	if (la > 32 || lb > 32)
		return max + 1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			int v = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 2]) && tolower((unsigned char)a[i - 2]) ==
			    tolower((unsigned char)b[j - 1]) && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb] > max ? max + 1 : d[la][lb];
}
