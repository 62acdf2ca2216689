/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The IOS grammar's core: the mode stack, keyword matching over every part's command table
 * (parse_global.c, parse_vpdn.c, parse_crypto.c, parse_interface.c), the checked converters and
 * the secret handling every part shares.
 */
#define _GNU_SOURCE
#include "parse_core.h"
#include "unknown.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int parse_lineno(struct parser *p) { return p->ln->line; }

void parse_note(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	model_vnote(p->cfg, p->ln->line, fmt, ap);
	va_end(ap);
}

int parse_col_of(struct args *a, int i)
{
	return i < a->n ? a->col[i] : (a->n ? a->col[a->n - 1] : 1);
}

int parse_need_args(struct parser *p, struct args *a, int min, int max, const char *usage)
{
	if (a->n < min) {
		diag_error(p->d, parse_lineno(p), parse_col_of(a, a->n), "missing argument: %s", usage);
		parse_note(p, "error: %s", usage);
		return -1;
	}
	if (max >= 0 && a->n > max) {
		diag_error(p->d, parse_lineno(p), a->col[max], "unexpected '%s' (%s)", a->w[max], usage);
		parse_note(p, "error: %s", usage);
		return -1;
	}
	return 0;
}

/* one checked integer converter for every number in the grammar */
int parse_number(struct parser *p, struct args *a, int i, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(a->w[i], &end, 10);
	if (errno || *end || end == a->w[i] || v < min || v > max) {
		diag_error(p->d, parse_lineno(p), a->col[i], "'%s' is not a number from %ld to %ld",
			   a->w[i], min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int parse_address(struct parser *p, struct args *a, int i, struct in_addr *out)
{
	if (inet_pton(AF_INET, a->w[i], out) != 1) {
		diag_error(p->d, parse_lineno(p), a->col[i], "'%s' is not an IPv4 address", a->w[i]);
		return -1;
	}
	return 0;
}

/* a netmask: contiguous ones (0.0.0.0 allowed, meaning "any" with an any address) */
int parse_netmask(struct parser *p, struct args *a, int i, struct in_addr *out)
{
	uint32_t m;

	if (parse_address(p, a, i, out))
		return -1;
	m = ntohl(out->s_addr);
	if (m & (~m >> 1)) {
		diag_error(p->d, parse_lineno(p), a->col[i], "'%s' is not a valid netmask", a->w[i]);
		return -1;
	}
	return 0;
}

void parse_enter(struct parser *p, enum mode m)
{
	p->stack[++p->depth] = m;
}

int parse_keyword(const char *word, const char *const *choices, size_t n)
{
	size_t len = strlen(word);
	int found = -1;

	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(word, choices[i]))
			return (int)i;
	for (size_t i = 0; len && i < n; i++)
		if (!strncasecmp(word, choices[i], len)) {
			if (found >= 0)
				return -1;
			found = (int)i;
		}
	return found;
}

char *parse_strdup(struct parser *p, const char *s)
{
	char *r = strdup(s);

	if (!r)
		p->oom = 1;
	return r;
}

static const char type7_xlat[] = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";

int ios_type7_decode(const char *enc, char *out, size_t outlen)
{
	size_t len = strlen(enc), n = 0;
	int seed;

	if (len < 4 || len % 2 || !isdigit((unsigned char)enc[0]) || !isdigit((unsigned char)enc[1]))
		return -1;
	seed = (enc[0] - '0') * 10 + (enc[1] - '0');
	if (seed > 15)
		return -1;
	for (size_t i = 2; i < len; i += 2) {
		unsigned v;
		char hex[3] = { enc[i], enc[i + 1], 0 };

		if (!isxdigit((unsigned char)hex[0]) || !isxdigit((unsigned char)hex[1]))
			return -1;
		v = (unsigned)strtoul(hex, NULL, 16);
		if (n + 1 >= outlen)
			return -1;
		out[n++] = (char)(v ^ (unsigned char)type7_xlat[(seed + (i - 2) / 2) %
							 (sizeof(type7_xlat) - 1)]);
	}
	out[n] = '\0';
	return 0;
}

/* the secret after "password|secret [TYPE]" at a->w[i]; NULL (with a diagnostic) if unusable */
/* README.translation prints this line only up to word i of the arguments (its secret) */
void parse_redact_word(struct parser *p, int w)
{
	if ((size_t)p->ln->line < p->cfg->nlines && w >= 0 && w < p->ln->nwords)
		p->cfg->redact_col[p->ln->line] = p->ln->offs[w] + 1;
}

void parse_redact(struct parser *p, struct args *a, int i)
{
	parse_redact_word(p, (int)(a->w - p->ln->words) + (i < a->n ? i : a->n - 1));
}

char *parse_secret_at(struct parser *p, struct args *a, int i, int hashed_kw, const char *what)
{
	long type = hashed_kw ? 5 : 0;
	char buf[256];

	parse_redact(p, a, i);

	if (i < a->n - 1 && strlen(a->w[i]) == 1 && isdigit((unsigned char)a->w[i][0])) {
		type = a->w[i][0] - '0';
		i++;
	}
	if (i != a->n - 1) {
		diag_error(p->d, parse_lineno(p), parse_col_of(a, i), "%s: expected [TYPE] SECRET", what);
		return NULL;
	}
	switch (type) {
	case 0:
		return parse_strdup(p, a->w[i]);
	case 7:
		if (ios_type7_decode(a->w[i], buf, sizeof(buf))) {
			diag_error(p->d, parse_lineno(p), a->col[i], "%s: malformed type 7 password", what);
			return NULL;
		}
		return parse_strdup(p, buf);
	case 5: case 8: case 9:
		diag_warning(p->d, parse_lineno(p), a->col[i], "%s: type %ld is a one-way hash, the "
			     "cleartext cannot be recovered and PPP CHAP needs it: not translated "
			     "(write the password into ppp/chap-secrets yourself)", what, type);
		return NULL;
	default:
		diag_error(p->d, parse_lineno(p), a->col[i - 1], "%s: unknown password type %ld", what,
			type);
		return NULL;
	}
}

char *parse_secret_rest(struct parser *p, struct args *a, int i, int hashed_kw, const char *what)
{
	int type = i < a->n && strlen(a->w[i]) == 1 && isdigit((unsigned char)a->w[i][0]) ?
		   a->w[i][0] - '0' : -1;
	int first = type >= 0 ? i + 1 : i, w = (int)(a->w - p->ln->words) + first;
	char *s;
	size_t len;

	if (hashed_kw || type > 0 || first >= a->n - 1)
		return parse_secret_at(p, a, i, hashed_kw, what);
	parse_redact(p, a, i);
	/* the words are cut out of a copy; the line as written still has the spaces */
	s = parse_strdup(p, p->ln->text + p->ln->offs[w]);
	if (!s)
		return NULL;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		s[--len] = '\0';
	return s;
}

int parse_description(struct parser *p, struct args *a)
{
	(void)a;
	parse_note(p, "description: nothing to translate");
	return OK;
}

/* every part's commands */
static const struct command *const tables[] = {
	parse_global_commands, parse_vpdn_commands, parse_crypto_commands, parse_interface_commands,
	parse_aaa_commands,
};

/*
 * Match the line's words from `start` against one command's keywords. Returns the number of
 * keywords (0: no match); *exact says whether every word was spelled out in full.
 */
static int match_words(const struct command *c, const struct lex_line *l, int start, int *exact)
{
	const char *kw = c->words;
	int n = 0;

	*exact = 1;
	while (*kw) {
		size_t klen = strcspn(kw, " ");
		const char *w;
		size_t wlen;

		if (start + n >= l->nwords)
			return 0;
		w = l->words[start + n];
		wlen = strlen(w);
		if (wlen > klen || strncasecmp(w, kw, wlen))
			return 0;
		if (wlen < klen)
			*exact = 0;
		n++;
		kw += klen;
		while (*kw == ' ')
			kw++;
	}
	return n;
}

/* the best command for the line in one mode; *ambiguous set when two match equally well */
static const struct command *lookup(enum mode m, const struct lex_line *l, int start, int *nkw,
				    const struct command **other)
{
	const struct command *best = NULL;
	int best_score = 0;

	*other = NULL;
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		for (const struct command *c = tables[t]; c->words; c++) {
			int exact, n, score;

			if (c->mode != m)
				continue;
			n = match_words(c, l, start, &exact);
			if (!n)
				continue;
			score = n * 2 + exact;
			if (score > best_score) {
				best = c;
				best_score = score;
				*nkw = n;
				*other = NULL;
			} else if (score == best_score && c->fn != best->fn) {
				*other = c;
			}
		}
	}
	return best;
}

/* the modes whose settings decide who gets in and how L2TP is protected: a command there that
 * the translator does not know is an error (a typo must not silently drop a setting) */
static bool security_mode(const struct parser *p, int m)
{
	switch (m) {
	case M_VPDN: case M_REQ_IN: case M_ACC_IN: case M_ISAKMP: case M_TSET: case M_CMAP:
	case M_KEYRING: case M_IPROF: case M_RADSRV: case M_AAAGRP:
		return true;
	case M_IFACE:
		return p->iface < p->cfg->ifaces.n && p->cfg->ifaces.v[p->iface].vt_number >= 0;
	default:
		return false;
	}
}

/* the sub-mode as IOS names it, for messages */
static void mode_name(const struct parser *p, int m, char *buf, size_t size)
{
	const struct ios_config *c = p->cfg;

	switch (m) {
	case M_VPDN: case M_REQ_IN: case M_ACC_IN:
		snprintf(buf, size, "vpdn-group %s", c->groups.v[p->group].name);
		break;
	case M_ISAKMP:
		snprintf(buf, size, "crypto isakmp policy %d", c->policies.v[p->policy].priority);
		break;
	case M_TSET:
		snprintf(buf, size, "transform set %s", c->tsets.v[p->tset].name);
		break;
	case M_CMAP:
		snprintf(buf, size, "crypto %smap %s %d", c->maps.v[p->map].is_dynamic_map ?
			 "dynamic-" : "", c->maps.v[p->map].name, c->maps.v[p->map].seq);
		break;
	case M_KEYRING:
		snprintf(buf, size, "crypto keyring %s", p->keyring);
		break;
	case M_IPROF:
		snprintf(buf, size, "crypto isakmp profile %s", p->iprof);
		break;
	case M_RADSRV:
		snprintf(buf, size, "radius server %s", c->radius.v[p->radius].name);
		break;
	case M_AAAGRP:
		snprintf(buf, size, "aaa group server radius %s", c->aaa_groups.v[p->aaa_group].name);
		break;
	default:
		snprintf(buf, size, "interface %s", c->ifaces.v[p->iface].name);
		break;
	}
}

/* how far the line's words from start are from command c's keywords (a keyword without a word
 * costs its length); max + 1 when further than max */
static int command_distance(const struct lex_line *l, int start, const struct command *c, int max)
{
	int total = 0, i = start;

	for (const char *kw = c->words; *kw && total <= max; i++) {
		size_t klen = strcspn(kw, " ");
		char k[64];

		snprintf(k, sizeof(k), "%.*s", (int)klen, kw);
		total += i < l->nwords ? unknown_distance(l->words[i], k, max) : (int)klen;
		kw += klen;
		while (*kw == ' ')
			kw++;
	}
	return total > max ? max + 1 : total;
}

/* the command of the modes in effect nearest the line (a misspelled keyword or two) */
static const struct command *nearest(const struct parser *p, int start, bool sub)
{
	const struct command *best = NULL;
	int best_d = strlen(p->ln->words[start]) > 5 ? 2 : 1;

	for (int d = sub ? p->depth : 0; d >= 0; d--)
		for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
			for (const struct command *c = tables[t]; c->words; c++) {
				int dist;

				if (c->mode != (enum mode)p->stack[d])
					continue;
				dist = command_distance(p->ln, start, c, best_d);
				if (dist <= best_d && (!best || dist < best_d)) {
					best = c;
					best_d = dist;
				}
			}
	return best;
}

/* a line no command takes: an error inside a security sub-mode (unless --lenient), else a
 * warning; the whole line quoted, secrets masked */
static void unknown_line(struct parser *p, int start)
{
	struct lex_line *l = p->ln;
	bool sub = l->indent > 0 && p->depth > 0;
	int ctx = sub ? p->stack[p->depth] : M_GLOBAL;
	const struct command *near = nearest(p, start, sub);
	char quoted[200], hint[96] = "", where[96];

	unknown_quote(l, 0, quoted, sizeof(quoted));
	if (near)
		snprintf(hint, sizeof(hint), " (did you mean '%s'?)", near->words);
	if (security_mode(p, ctx)) {
		mode_name(p, ctx, where, sizeof(where));
		if (p->cfg->lenient)
			diag_warning(p->d, l->line, l->cols[0], "unknown command in %s, not translated "
				     "(--lenient): '%s'%s", where, quoted, hint);
		else
			diag_error(p->d, l->line, l->cols[0], "unknown command in %s: '%s'%s; a "
				   "setting there is not guessed or dropped (--lenient makes this a "
				   "warning)", where, quoted, hint);
	} else {
		diag_warning(p->d, l->line, l->cols[0], "unsupported command, not translated: '%s'%s%s",
			     quoted, hint, l->indent == 0 && p->next && p->next->indent > 0 ?
			     " (nor the lines under it)" : "");
	}
	/* IOS prints global commands at column 0: an unknown one there leaves any sub-mode, and
	 * the lines under it (a certificate chain, a line vty block) are its, said once */
	if (l->indent == 0) {
		p->depth = 0;
		parse_enter(p, M_SKIP);
	}
	/* README.translation: only the first word (the rest may be a secret) */
	parse_redact_word(p, start + 1);
	parse_note(p, "not translated: unsupported");
}

static void parse_line(struct parser *p)
{
	struct lex_line *l = p->ln;
	int neg = !strcasecmp(l->words[0], "no") && l->nwords > 1;
	int start = neg ? 1 : 0;

	if (p->stack[p->depth] == M_SKIP && l->indent > 0) {
		/* README.translation: the first word only (a password may follow) */
		parse_redact_word(p, 1);
		parse_note(p, "not translated: under the untranslated command above");
		return;
	}
	for (int d = p->depth; d >= 0; d--) {
		const struct command *c, *other;
		int nkw = 0, saved = p->depth;
		struct args a;

		c = lookup(p->stack[d], l, start, &nkw, &other);
		if (!c)
			continue;
		if (other) {
			diag_error(p->d, l->line, l->cols[start], "ambiguous command: '%s' could be "
				   "'%s' or '%s'", l->words[start], c->words, other->words);
			return;
		}
		if (neg && !c->no_ok) {
			diag_warning(p->d, l->line, l->cols[0], "'no %s': the no form is not "
				     "translated", c->words);
			parse_note(p, "not translated: no form");
			return;
		}
		a.neg = neg;
		a.n = l->nwords - start - nkw;
		a.w = l->words + start + nkw;
		a.col = l->cols + start + nkw;
		p->depth = d;
		if (c->fn(p, &a) == NOT_MINE) {
			p->depth = saved;
			continue;
		}
		return;
	}
	unknown_line(p, start);
}

int parse_config(struct lex *lx, struct ios_config *cfg, struct diag *d)
{
	struct parser p = { .cfg = cfg, .d = d };
	size_t last = lx->n ? (size_t)lx->lines[lx->n - 1].line : 0;

	cfg->nlines = last + 1;
	cfg->notes = calloc(cfg->nlines, sizeof(char *));
	cfg->wrote = calloc(cfg->nlines, sizeof(char *));
	cfg->redact_col = calloc(cfg->nlines, sizeof(int));
	if (!cfg->notes || !cfg->wrote || !cfg->redact_col)
		return -1;
	/* the mode stack: a sub-mode sits above the mode it was entered from */
	p.stack[0] = M_GLOBAL;
	for (size_t i = 0; i < lx->n && !p.ended && !p.oom; i++) {
		p.ln = &lx->lines[i];
		p.next = i + 1 < lx->n ? &lx->lines[i + 1] : NULL;
		parse_line(&p);
	}
	return p.oom ? -1 : 0;
}
