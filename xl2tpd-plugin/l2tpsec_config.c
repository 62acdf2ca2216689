/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "l2tp.h"	/* xl2tpd's umbrella header: CONTEXT_*, struct lns/lac */
#include "l2tpsec_config.h"

/* xl2tpd's parser reports a handler's error from here (file.c) */
extern char filerr[];

struct section {
	const void *item;
	int context;		/* CONTEXT_LNS or CONTEXT_LAC */
	int is_default;
	char profile[STRLEN];	/* "" when unset */
	char terminate_from[STRLEN];	/* "" when unset */
	int keep_sa, ip_pmtu, lcp;	/* -1 when unset */
	int session_limit;	/* 0: none (the section's own: a default section's is its own too) */
	int busy_timeout;	/* -1 when unset */
	struct lns_priority {
		char host[STRLEN];
		int priority;
	} *priorities;		/* [lac]: the section's own */
	size_t npriorities;
};

/* each section allocated once: settings hand out pointers into it, and sections are added
 * while xl2tpd runs (xl2tpd-control add-lac) */
static struct section **sections;
static size_t nsections;
static char socket_path[108] = L2TPSEC_DEFAULT_SOCKET;
static char control_path[108] = L2TPSEC_XL2TPD_CONTROL_SOCKET;
static int global_session_limit;

static struct section *own_section(const void *item)
{
	for (size_t i = 0; i < nsections; i++)
		if (sections[i]->item == item)
			return sections[i];
	return NULL;
}

static struct section *section(const void *item, int context, int is_default)
{
	struct section **grown, *s = own_section(item);

	if (s)
		return s;
	grown = realloc(sections, (nsections + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	sections = grown;
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	sections[nsections++] = s;
	s->item = item;
	s->context = context;
	s->is_default = is_default;
	s->keep_sa = s->ip_pmtu = s->lcp = s->busy_timeout = -1;
	return s;
}

static int yes_no(const char *word, const char *value, int *out)
{
	if (l2tpsec_yes_no(value, out)) {
		snprintf(filerr, STRLEN, "%s must be 'yes' or 'no', not '%s'\n", word, value);
		return -1;
	}
	return 0;
}

/* one word (a profile or host name) that fits out */
static int one_word(const char *word, const char *value, char *out, size_t size)
{
	if (!value[0] || strlen(value) >= size || strpbrk(value, " \t")) {
		snprintf(filerr, STRLEN, "%s must be one word shorter than %zu characters\n",
			 word, size);
		return -1;
	}
	strcpy(out, value);
	return 0;
}

/* a [global] socket path (out: 108 bytes, a sun_path) */
static int global_path(const char *word, const char *value, int kind, char *out)
{
	if (kind != CONTEXT_GLOBAL) {
		snprintf(filerr, STRLEN, "'%s' belongs in [global]\n", word);
		return -1;
	}
	if (value[0] != '/' || strlen(value) >= 108) {
		snprintf(filerr, STRLEN, "%s must be an absolute path shorter than 108 "
			 "characters\n", word);
		return -1;
	}
	strcpy(out, value);
	return 0;
}

/* a number from min to max (what: how the message names it) */
static int number(const char *word, const char *value, long min, long max, const char *what,
		  int *out)
{
	char *end;
	long v = strtol(value, &end, 10);

	if (!value[0] || *end || v < min || v > max) {
		snprintf(filerr, STRLEN, "%s must be %s from %ld to %ld, not '%s'\n", word, what,
			 min, max, value);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* a session limit: 1 .. L2TPSEC_SESSION_LIMIT_MAX */
static int session_limit(const char *word, const char *value, int *out)
{
	return number(word, value, 1, L2TPSEC_SESSION_LIMIT_MAX, "a number of sessions", out);
}

/* "HOST N": one per lns entry; given again, the later one counts */
static int lns_priority(struct section *s, const char *word, const char *value)
{
	char host[STRLEN], extra;
	struct lns_priority *grown;
	int prio;

	if (sscanf(value, "%99s %d %c", host, &prio, &extra) != 2 || prio < 1 ||
	    prio > L2TPSEC_LNS_PRIORITY_MAX) {
		snprintf(filerr, STRLEN, "%s must be 'HOST N', N from 1 to %d\n", word,
			 L2TPSEC_LNS_PRIORITY_MAX);
		return -1;
	}
	for (size_t i = 0; i < s->npriorities; i++)
		if (!strcasecmp(s->priorities[i].host, host)) {
			s->priorities[i].priority = prio;
			return 0;
		}
	grown = realloc(s->priorities, (s->npriorities + 1) * sizeof(*grown));
	if (!grown) {
		snprintf(filerr, STRLEN, "out of memory\n");
		return -1;
	}
	s->priorities = grown;
	snprintf(grown[s->npriorities].host, STRLEN, "%s", host);
	grown[s->npriorities++].priority = prio;
	return 0;
}

int l2tpsec_set_option(char *word, char *value, int context, void *item)
{
	int kind = context & ~CONTEXT_DEFAULT;
	struct section *s;

	if (!strcasecmp(word, L2TPSEC_XL2TPD_SESSION_LIMIT) && kind == CONTEXT_GLOBAL)
		return session_limit(word, value, &global_session_limit);

	if (!strcasecmp(word, L2TPSEC_XL2TPD_SOCKET))
		return global_path(word, value, kind, socket_path);
	if (!strcasecmp(word, L2TPSEC_XL2TPD_CONTROL))
		return global_path(word, value, kind, control_path);
	if (kind != CONTEXT_LNS && kind != CONTEXT_LAC) {
		snprintf(filerr, STRLEN, "'%s' belongs in an [lns] or [lac] section\n", word);
		return -1;
	}
	s = section(item, kind, !!(context & CONTEXT_DEFAULT));
	if (!s) {
		snprintf(filerr, STRLEN, "out of memory\n");
		return -1;
	}
	if (!strcasecmp(word, L2TPSEC_XL2TPD_PROFILE))
		return one_word(word, value, s->profile, sizeof(s->profile));
	if (!strcasecmp(word, L2TPSEC_XL2TPD_TERMINATE_FROM)) {
		if (kind != CONTEXT_LNS || (context & CONTEXT_DEFAULT)) {
			snprintf(filerr, STRLEN, "'%s' belongs in a named [lns] section: it picks "
				 "that group by the LAC's host name\n", word);
			return -1;
		}
		return one_word(word, value, s->terminate_from, sizeof(s->terminate_from));
	}
	if (!strcasecmp(word, L2TPSEC_XL2TPD_SESSION_LIMIT))
		return session_limit(word, value, &s->session_limit);
	if (!strcasecmp(word, L2TPSEC_XL2TPD_LNS_PRIORITY) ||
	    !strcasecmp(word, L2TPSEC_XL2TPD_BUSY_TIMEOUT)) {
		if (kind != CONTEXT_LAC) {
			snprintf(filerr, STRLEN, "'%s' belongs in an [lac] section\n", word);
			return -1;
		}
		if (!strcasecmp(word, L2TPSEC_XL2TPD_BUSY_TIMEOUT))
			return number(word, value, 1, L2TPSEC_BUSY_TIMEOUT_MAX, "a number of seconds",
				      &s->busy_timeout);
		if (context & CONTEXT_DEFAULT) {
			snprintf(filerr, STRLEN, "'%s' belongs in a named [lac] section\n", word);
			return -1;
		}
		return lns_priority(s, word, value);
	}
	if (!strcasecmp(word, L2TPSEC_XL2TPD_KEEP_SA))
		return yes_no(word, value, &s->keep_sa);
	if (!strcasecmp(word, L2TPSEC_XL2TPD_IP_PMTU))
		return yes_no(word, value, &s->ip_pmtu);
	if (!strcasecmp(word, L2TPSEC_XL2TPD_LCP)) {
		enum l2tpsec_lcp lcp;

		if (l2tpsec_lcp_parse(value, &lcp)) {
			snprintf(filerr, STRLEN, "%s must be %s, not '%s'\n", word,
				 L2TPSEC_LCP_CHOICES, value);
			return -1;
		}
		s->lcp = (int)lcp;
		return 0;
	}
	snprintf(filerr, STRLEN, "unknown l2tpsec key '%s'\n", word);
	return -1;
}

int l2tpsec_config_derive(const void *from, const void *to)
{
	const struct section *f = own_section(from);
	struct section *t = section(to, CONTEXT_LAC, 0);

	if (!t)
		return -1;
	free(t->priorities);
	memset(t, 0, sizeof(*t));
	t->item = to;
	t->context = CONTEXT_LAC;
	t->keep_sa = t->ip_pmtu = t->lcp = t->busy_timeout = -1;
	if (f) {
		strcpy(t->profile, f->profile);
		t->keep_sa = f->keep_sa;
		t->ip_pmtu = f->ip_pmtu;
		t->lcp = f->lcp;
		t->busy_timeout = f->busy_timeout;
		t->session_limit = f->session_limit;
	}
	return 0;
}

/* a section's own value, else its kind's default section's, else the built-in default */
static int pick(int own, int def, int builtin)
{
	return own != -1 ? own : def != -1 ? def : builtin;
}

struct l2tpsec_settings l2tpsec_settings_for(const void *item, int context)
{
	struct l2tpsec_settings r = { NULL, 0, 0, L2TPSEC_LCP_OFF, NULL, 0, 0 };
	const struct section *own = NULL, *def = NULL;

	for (size_t i = 0; i < nsections; i++) {
		if (sections[i]->item == item)
			own = sections[i];
		else if (sections[i]->is_default && sections[i]->context == context)
			def = sections[i];
	}
	r.keep_sa = pick(own ? own->keep_sa : -1, def ? def->keep_sa : -1, 0);
	r.ip_pmtu = pick(own ? own->ip_pmtu : -1, def ? def->ip_pmtu : -1, 0);
	r.lcp = (enum l2tpsec_lcp)pick(own ? own->lcp : -1, def ? def->lcp : -1, L2TPSEC_LCP_OFF);
	r.busy_timeout = pick(own ? own->busy_timeout : -1, def ? def->busy_timeout : -1,
			      L2TPSEC_BUSY_TIMEOUT_DEFAULT);
	if (own && own->profile[0])
		r.profile = own->profile;
	else if (def && def->profile[0])
		r.profile = def->profile;
	if (own && own->terminate_from[0])
		r.terminate_from = own->terminate_from;
	if (own)
		r.session_limit = own->session_limit;
	return r;
}

int l2tpsec_lns_priority(const void *lac, const char *host)
{
	const struct section *s = own_section(lac);

	for (size_t i = 0; s && i < s->npriorities; i++)
		if (!strcasecmp(s->priorities[i].host, host))
			return s->priorities[i].priority;
	return 1;
}

const char *l2tpsec_stray_lns_priority(const void *lac,
				       int (*is_lns)(const void *lac, const char *host))
{
	const struct section *s = own_section(lac);

	for (size_t i = 0; s && i < s->npriorities; i++)
		if (!is_lns(lac, s->priorities[i].host))
			return s->priorities[i].host;
	return NULL;
}

const char *l2tpsec_socket_path(void)
{
	return socket_path;
}

int l2tpsec_global_session_limit(void)
{
	return global_session_limit;
}

const char *l2tpsec_control_path(void)
{
	return control_path;
}

int l2tpsec_any_profile(void)
{
	for (size_t i = 0; i < nsections; i++)
		if (sections[i]->profile[0])
			return 1;
	return 0;
}

int l2tpsec_any_terminate_from(void)
{
	for (size_t i = 0; i < nsections; i++)
		if (sections[i]->terminate_from[0])
			return 1;
	return 0;
}

int l2tpsec_any_pmtu(void)
{
	for (size_t i = 0; i < nsections; i++)
		if (sections[i]->ip_pmtu == 1)
			return 1;
	return 0;
}
