/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec show | clear | debug | undebug WORDS... [--json]: the IOS exec commands, abbreviated
 * as on IOS (ios_words.h), answered by the daemon that holds the state: charon's l2tp-security
 * plugin over the crypto socket (crypto map, isakmp and ipsec SAs, crypto sessions, crypto
 * socket debugging) or the patched xl2tpd over its control socket (vpdn, l2tp). Exit 0 when
 * answered, 1 when the daemon refused or could not be reached, 2 for a command not understood.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cs_build.h"
#include "cs_client.h"
#include "ios_words.h"
#include "l2tpsec_names.h"
#include "socket_path.h"
#include "subcommands.h"
#include "xl2tpd_ctl.h"

#define CHARON_TIMEOUT_MS 10000

struct options {
	const char *verb;		/* show, clear, debug */
	const char *socket;		/* charon's crypto socket */
	const char *control;		/* xl2tpd's control socket */
	int json;
	char *words[IOS_WORDS_MAX + 2];
	int n;
};

static void usage_line(const char *pattern, void *ctx)
{
	const char *verb = ctx;

	if (!strncmp(pattern, verb, strlen(verb)) && pattern[strlen(verb)] == ' ')
		fprintf(stderr, "  l2tpsec %s%s\n", pattern,
			strcmp(verb, "show") ? "" : " [--json]");
}

static void usage(const char *verb)
{
	fprintf(stderr, "usage: l2tpsec %s [--socket PATH] [--control PATH] WORDS...\n", verb);
	ios_list(usage_line, (void *)verb);
	if (!strcmp(verb, "debug"))
		fprintf(stderr, "  (on when neither is given; l2tpsec undebug ... is off)\n");
	fprintf(stderr, "Words may be abbreviated as on IOS (sh cry map). See l2tpsec(8).\n");
}

/* options anywhere among the words; 0, or 2 for a usage error */
static int parse(const char *verb, int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->verb = verb;
	o->socket = socket_path_option(&argc, &argv);
	o->control = xl2tpd_ctl_path();
	if (!o->socket)
		return 2;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			o->json = 1;
		} else if (!strcmp(argv[i], "--socket") || !strcmp(argv[i], "--control")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "l2tpsec %s: %s needs a path\n", verb, argv[i]);
				return 2;
			}
			*(argv[i][2] == 's' ? &o->socket : &o->control) = argv[i + 1];
			i++;
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "l2tpsec %s: unknown option %s\n", verb, argv[i]);
			return 2;
		} else if (o->n == IOS_WORDS_MAX) {
			fprintf(stderr, "l2tpsec %s: too many words\n", verb);
			return 2;
		} else {
			o->words[o->n++] = argv[i];
		}
	}
	return 0;
}

/* a charon request: SHOW with the selector; 0, 1 refused or unreachable */
static int ask_charon(const char *path, const char *verb, const char *selector)
{
	struct cs_msg *m = calloc(1, sizeof(*m));
	struct cs_conn *c = calloc(1, sizeof(*c));
	const char *why = NULL;
	int rc = 1, r;

	if (!m || !c)
		goto out;
	if (strlen(selector) >= sizeof(m->text)) {
		fprintf(stderr, "l2tpsec %s: command too long\n", verb);
		goto out;
	}
	cs_build_show(m, selector);
	if (cs_connect(c, path) != 0) {
		fprintf(stderr, "l2tpsec %s: cannot connect to %s: %s (is charon running with the "
			"l2tp-security plugin?)\n", verb, path, strerror(errno));
		goto out;
	}
	if (cs_send(c, m, CHARON_TIMEOUT_MS) != 0) {
		fprintf(stderr, "l2tpsec %s: cannot send to %s: %s\n", verb, path, strerror(errno));
		goto close;
	}
	while ((r = cs_receive(c, m, CHARON_TIMEOUT_MS, &why)) == 1) {
		if (m->type == CS_SHOW_REPLY) {
			fputs(m->text, stdout);
		} else if (m->type == CS_OK) {
			rc = 0;
			break;
		} else if (m->type == CS_ERROR) {
			fprintf(stderr, "l2tpsec %s: %s\n", verb, m->error);
			break;
		}
	}
	if (r == 0)
		fprintf(stderr, "l2tpsec %s: no answer from charon within %d s\n", verb,
			CHARON_TIMEOUT_MS / 1000);
	else if (r < 0)
		fprintf(stderr, "l2tpsec %s: %s\n", verb, why);
close:
	cs_close(c);
out:
	free(m);
	free(c);
	return rc;
}

static int ask_xl2tpd(const char *path, const char *verb, const char *request)
{
	char err[512];
	int r = xl2tpd_ctl_request(path, request, stdout, err, sizeof(err));

	if (r)
		fprintf(stderr, "l2tpsec %s: %s\n", verb, err);
	return r ? 1 : 0;
}

static int run(const struct options *o, const char *first, const char *last)
{
	char *words[IOS_WORDS_MAX + 2], why[200], request[300];
	struct ios_command cmd;
	int n = 0, rc = 0;

	words[n++] = (char *)first;
	for (int i = 0; i < o->n; i++)
		words[n++] = o->words[i];
	if (last)
		words[n++] = (char *)last;
	if (o->n == 0) {
		usage(o->verb);
		return 2;
	}
	if (ios_expand(words, n, &cmd, why, sizeof(why))) {
		/* the on/off we added is not what is wrong: say what is, without it */
		if (last)
			ios_expand(words, n - 1, &cmd, why, sizeof(why));
		fprintf(stderr, "l2tpsec %s: %% %s\n", o->verb, why);
		return 2;
	}
	if (o->json && strncmp(cmd.text, "show ", 5)) {
		fprintf(stderr, "l2tpsec %s: --json is for show commands\n", o->verb);
		return 2;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "l2tpsec %s: needs root (charon's crypto socket and xl2tpd's control "
			"socket are root's only)\n", o->verb);
		return 1;
	}
	snprintf(request, sizeof(request), "%s%s", cmd.text, o->json ? " json" : "");
	if (cmd.target & IOS_XL2TPD)
		rc |= ask_xl2tpd(o->control, o->verb, request);
	if (cmd.target & IOS_CHARON) {
		/* charon's SHOW selectors leave out "show" */
		const char *selector = strncmp(request, "show ", 5) ? request : request + 5;

		rc |= ask_charon(o->socket, o->verb, selector);
	}
	return rc;
}

int show_main(int argc, char **argv)
{
	struct options o;
	int r = parse("show", argc - 1, argv + 1, &o);

	if (r || (o.n == 1 && !strcmp(o.words[0], "help")))
		return usage("show"), r ? r : 0;
	return run(&o, "show", NULL);
}

int clear_main(int argc, char **argv)
{
	struct options o;
	int r = parse("clear", argc - 1, argv + 1, &o);

	if (r)
		return usage("clear"), r;
	return run(&o, "clear", NULL);
}

/* debug X [on|off] (on when neither); undebug X and no debug X: off */
static int debugging(const char *verb, int argc, char **argv, int off)
{
	struct options o;
	int r = parse(verb, argc, argv, &o);
	const char *last;

	if (r)
		return usage("debug"), r;
	last = o.n && (!strcmp(o.words[o.n - 1], "on") || !strcmp(o.words[o.n - 1], "off")) ?
		NULL : off ? "off" : "on";
	if (off && !last) {
		fprintf(stderr, "l2tpsec %s: on/off is for debug\n", verb);
		return 2;
	}
	return run(&o, "debug", last);
}

int debug_main(int argc, char **argv)
{
	return debugging("debug", argc - 1, argv + 1, 0);
}

int undebug_main(int argc, char **argv)
{
	return debugging("undebug", argc - 1, argv + 1, 1);
}
