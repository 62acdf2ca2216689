/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Inside the IOS grammar: the parser's state, the arguments a command handler gets, the command
 * tables each part of the grammar contributes, and the helpers every handler uses. Only the
 * parser's own files include this; the rest of the translator sees parser.h.
 */
#ifndef L2TPSEC_PARSE_CORE_H
#define L2TPSEC_PARSE_CORE_H

#include <netinet/in.h>

#include "ios_crypto.h"
#include "parser.h"

/* IOS configuration modes; a sub-mode sits above the mode it was entered from */
enum mode { M_GLOBAL, M_VPDN, M_REQ_IN, M_ACC_IN, M_ISAKMP, M_TSET, M_CMAP, M_IFACE, M_KEYRING,
	     M_IPROF, M_RADSRV, M_AAAGRP, M_SKIP };	/* M_SKIP: the lines under an untranslated global command */

/* a handler's result: done (errors reported), or "not mine: try the enclosing mode" */
enum { OK = 0, NOT_MINE = 1 };

struct parser {
	struct ios_config *cfg;
	struct diag *d;
	struct lex_line *ln;
	int stack[4], depth;
	size_t group, policy, tset, map, iface;	/* the object the current mode edits */
	size_t radius, aaa_group;
	const char *keyring, *iprof;		/* the keyring / isakmp profile being read */
	const struct lex_line *next;		/* the line after this one, or NULL */
	int ended;
	int oom;
};

struct args {
	int neg;	/* the command was given in its "no" form */
	int n;		/* words after the command's keywords */
	char **w;
	int *col;
};

struct command {
	enum mode mode;
	const char *words;	/* keywords, space-separated, each abbreviable to a unique prefix */
	int (*fn)(struct parser *, struct args *);
	int no_ok;		/* the "no" form means something */
};

/* each part's commands, ended by an entry without words */
extern const struct command parse_global_commands[];
extern const struct command parse_vpdn_commands[];
extern const struct command parse_crypto_commands[];
extern const struct command parse_interface_commands[];
extern const struct command parse_aaa_commands[];

/* the line being parsed */
int parse_lineno(struct parser *p);

/* README.translation: what this line became */
void parse_note(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* the column of argument i (the last one's when there are fewer) */
int parse_col_of(struct args *a, int i);

/* between min and max arguments (max -1: no limit), else an error quoting usage; 0 or -1 */
int parse_need_args(struct parser *p, struct args *a, int min, int max, const char *usage);

/* the one checked integer converter for every number in the grammar; 0 or -1 (reported) */
int parse_number(struct parser *p, struct args *a, int i, long min, long max, long *out);
int parse_address(struct parser *p, struct args *a, int i, struct in_addr *out);
int parse_netmask(struct parser *p, struct args *a, int i, struct in_addr *out);

/* enter a sub-mode */
void parse_enter(struct parser *p, enum mode m);

/* which of n keywords word names: an exact match, else the one it is a unique prefix of (IOS
 * abbreviates arguments as it does commands); -1 for none or several */
int parse_keyword(const char *word, const char *const *choices, size_t n);

/* a secret that may contain spaces (username … password 0 SECRET WITH SPACES): the rest of the
 * line as written from argument i when it is cleartext; else as parse_secret_at */
char *parse_secret_rest(struct parser *p, struct args *a, int i, int hashed_kw, const char *what);

/* strdup that records running out of memory */
char *parse_strdup(struct parser *p, const char *s);

/* README.translation cuts the line where argument i (a secret) starts; _word: where word w of
 * the line starts (nothing for a word the line does not have, -1 included) */
void parse_redact(struct parser *p, struct args *a, int i);
void parse_redact_word(struct parser *p, int w);

/* the secret after "password|secret [TYPE]" at a->w[i] (type 7 decoded); NULL when refused */
char *parse_secret_at(struct parser *p, struct args *a, int i, int hashed_kw, const char *what);

/* "description …" in any mode: accepted, not translated */
int parse_description(struct parser *p, struct args *a);

#endif
