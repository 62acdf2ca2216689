/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS exec commands l2tpsec answers (show, clear, debug), with IOS abbreviations: each word
 * may be cut to any prefix that no other command allows at that place ("sh cry map" is
 * "show crypto map"). A command expands to its canonical words and names the daemon that
 * answers it: charon's l2tp-security plugin, the patched xl2tpd, or both.
 */
#ifndef L2TPSEC_IOS_WORDS_H
#define L2TPSEC_IOS_WORDS_H

#include <stddef.h>

enum ios_target { IOS_CHARON = 1, IOS_XL2TPD = 2, IOS_BOTH = 3 };

#define IOS_WORDS_MAX 8

struct ios_command {
	enum ios_target target;
	char text[256];		/* canonical words, space-separated */
};

/*
 * Expand words (e.g. {"sh", "cry", "map"}) into cmd. 0, or -1 with why filled: a word no command
 * has there, an abbreviation two commands share, or words missing at the end.
 */
int ios_expand(char *const *words, int n, struct ios_command *cmd, char *why, size_t whylen);

/* every command, one per line, for usage texts */
void ios_list(void (*line)(const char *pattern, void *ctx), void *ctx);

#endif
