/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <string.h>

#include "ios_words.h"

/* "<...>" words take any value; canonical NULL: the pattern as it is */
static const struct {
	const char *pattern;
	const char *canonical;
	enum ios_target target;
} commands[] = {
	{ "show vpdn", NULL, IOS_XL2TPD },
	{ "show vpdn tunnel", NULL, IOS_XL2TPD },
	{ "show vpdn tunnel all", NULL, IOS_XL2TPD },
	{ "show vpdn session", NULL, IOS_XL2TPD },
	{ "show vpdn session all", NULL, IOS_XL2TPD },
	{ "show l2tp tunnel", NULL, IOS_XL2TPD },
	{ "show l2tp tunnel all", NULL, IOS_XL2TPD },
	{ "show l2tp session", NULL, IOS_XL2TPD },
	{ "show l2tp session all", NULL, IOS_XL2TPD },
	{ "show crypto map", NULL, IOS_CHARON },
	{ "show crypto map tag <name>", NULL, IOS_CHARON },
	{ "show crypto engine connections active", NULL, IOS_CHARON },
	{ "show crypto isakmp sa", NULL, IOS_CHARON },
	{ "show crypto ipsec sa", NULL, IOS_CHARON },
	{ "show crypto ipsec sa peer <address>", NULL, IOS_CHARON },
	{ "show debugging", NULL, IOS_BOTH },
	{ "clear vpdn tunnel all", NULL, IOS_XL2TPD },
	{ "clear vpdn tunnel <id>", NULL, IOS_XL2TPD },
	{ "clear vpdn tunnel l2tp all", "clear vpdn tunnel all", IOS_XL2TPD },
	{ "clear vpdn tunnel l2tp id <id>", "clear vpdn tunnel <id>", IOS_XL2TPD },
	{ "clear crypto session", NULL, IOS_CHARON },
	{ "clear crypto session remote <address>", NULL, IOS_CHARON },
	{ "debug vpdn l2x-events <on|off>", NULL, IOS_XL2TPD },
	{ "debug vpdn l2x-packets <on|off>", NULL, IOS_XL2TPD },
	{ "debug vpdn l2x-errors <on|off>", NULL, IOS_XL2TPD },
	{ "debug crypto socket <on|off>", NULL, IOS_CHARON },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* word i of a pattern into buf; 0 when it has fewer words */
static int word_at(const char *pattern, int i, char *buf, size_t len)
{
	const char *p = pattern;

	for (; i > 0 && p; i--)
		p = (p = strchr(p, ' ')) ? p + 1 : NULL;
	if (!p)
		return 0;
	snprintf(buf, len, "%.*s", (int)strcspn(p, " "), p);
	return 1;
}

static int count_words(const char *pattern)
{
	int n = 1;

	for (const char *p = pattern; (p = strchr(p, ' ')); p++)
		n++;
	return n;
}

static int is_value(const char *word)
{
	return word[0] == '<';
}

/* does the user's word fit a pattern word? 2: exactly, 1: as an abbreviation or a value */
static int fits(const char *have, const char *want)
{
	if (!strcmp(want, "<on|off>"))
		return !strcmp(have, "on") || !strcmp(have, "off") ? 2 : 0;
	if (is_value(want))
		return 1;
	if (!strcmp(have, want))
		return 2;
	return strncmp(have, want, strlen(have)) == 0 ? 1 : 0;
}

static void render(int c, char *const *words, int n, struct ios_command *cmd)
{
	const char *canonical = commands[c].canonical ? commands[c].canonical : commands[c].pattern;
	char want[64];
	int pos = 0;
	size_t len = 0;

	cmd->target = commands[c].target;
	cmd->text[0] = '\0';
	/* the user's values, in order, fill the canonical form's value words */
	for (int i = 0; word_at(canonical, i, want, sizeof(want)); i++) {
		const char *out = want;

		if (is_value(want)) {
			char pw[64];

			for (; pos < n; pos++)
				if (word_at(commands[c].pattern, pos, pw, sizeof(pw)) && is_value(pw))
					break;
			if (pos < n)
				out = words[pos++];
		}
		len += (size_t)snprintf(cmd->text + len, sizeof(cmd->text) - len, "%s%s",
					i ? " " : "", out);
		if (len >= sizeof(cmd->text))
			len = sizeof(cmd->text) - 1;
	}
}

int ios_expand(char *const *words, int n, struct ios_command *cmd, char *why, size_t whylen)
{
	int alive[NCOMMANDS], c, i;
	char want[64];

	if (n < 1 || n > IOS_WORDS_MAX) {
		snprintf(why, whylen, n < 1 ? "a command is needed" : "too many words");
		return -1;
	}
	for (c = 0; c < (int)NCOMMANDS; c++)
		alive[c] = 1;
	for (i = 0; i < n; i++) {
		char seen[64] = "";
		int exact = 0, keywords = 0, ambiguous = 0, any = 0;

		if (!words[i][0]) {
			snprintf(why, whylen, "empty word");
			return -1;
		}
		/* an exact keyword beats abbreviations; a keyword beats a value */
		for (c = 0; c < (int)NCOMMANDS; c++) {
			if (!alive[c] || !word_at(commands[c].pattern, i, want, sizeof(want)))
				continue;
			int f = fits(words[i], want);

			if (f == 2 && !is_value(want))
				exact = 1;
			if (f && !is_value(want)) {
				if (keywords && strcmp(seen, want))
					ambiguous = 1;
				snprintf(seen, sizeof(seen), "%s", want);
				keywords = 1;
			}
			any |= f != 0;
		}
		if (!any) {
			snprintf(why, whylen, "invalid input at '%s'", words[i]);
			return -1;
		}
		if (ambiguous && !exact) {
			snprintf(why, whylen, "ambiguous command: '%s'", words[i]);
			return -1;
		}
		for (c = 0; c < (int)NCOMMANDS; c++) {
			if (!alive[c] || !word_at(commands[c].pattern, i, want, sizeof(want))) {
				alive[c] = 0;
				continue;
			}
			int f = fits(words[i], want);

			if (!f || (!is_value(want) && exact && f != 2) ||
			    (is_value(want) && keywords && strcmp(want, "<on|off>")))
				alive[c] = 0;
		}
	}
	/* the command the words complete exactly; when none, say what may come next */
	for (c = 0; c < (int)NCOMMANDS; c++) {
		if (alive[c] && count_words(commands[c].pattern) == n) {
			render(c, words, n, cmd);
			return 0;
		}
	}
	snprintf(why, whylen, "incomplete command; next:");
	for (c = 0; c < (int)NCOMMANDS; c++) {
		size_t len = strlen(why);
		char have[80];

		if (!alive[c] || !word_at(commands[c].pattern, n, want, sizeof(want)))
			continue;
		snprintf(have, sizeof(have), " %s,", want);
		if (!strstr(why, have) && len + strlen(have) < whylen)
			strcat(why, have);
	}
	why[strlen(why) - 1] = '\0';	/* the last comma (or the colon: nothing) */
	return -1;
}

void ios_list(void (*line)(const char *pattern, void *ctx), void *ctx)
{
	for (size_t c = 0; c < NCOMMANDS; c++)
		line(commands[c].pattern, ctx);
}
