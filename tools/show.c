/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec show crypto map [tag NAME] | crypto engine connections active  [--json]:
 * IOS-style verification output, rendered by the charon plugin from its live state.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs_build.h"
#include "cs_client.h"
#include "cs_text.h"
#include "socket_path.h"
#include "subcommands.h"

#define SHOW_TIMEOUT_MS 10000

static void usage(FILE *out)
{
	fprintf(out, "usage: l2tpsec show [--socket PATH] crypto map [tag NAME] [--json]\n"
		     "       l2tpsec show [--socket PATH] crypto engine connections active [--json]\n");
}

int show_main(int argc, char **argv)
{
	struct cs_msg *m = calloc(1, sizeof(*m));
	struct cs_conn *c = calloc(1, sizeof(*c));
	const char *path, *why = NULL;
	char selector[sizeof(m->text)];
	int rc = 1, r;

	argc--;
	argv++;
	path = socket_path_option(&argc, &argv);
	if (!m || !c || !path)
		goto out;
	if (argc == 0 || !strcmp(argv[0], "--help")) {
		usage(argc ? stdout : stderr);
		rc = argc ? 0 : 2;
		goto out;
	}
	if (cs_join_selector(selector, sizeof(selector), argv, argc)) {
		fprintf(stderr, "l2tpsec show: command too long\n");
		rc = 2;
		goto out;
	}
	cs_build_show(m, selector);
	if (cs_connect(c, path) != 0) {
		fprintf(stderr, "l2tpsec show: cannot connect to %s: %s (is charon running with the "
			"l2tp-security plugin?)\n", path, strerror(errno));
		goto out;
	}
	if (cs_send(c, m, SHOW_TIMEOUT_MS) != 0) {
		fprintf(stderr, "l2tpsec show: cannot send to %s: %s\n", path, strerror(errno));
		goto close;
	}
	while ((r = cs_receive(c, m, SHOW_TIMEOUT_MS, &why)) == 1) {
		if (m->type == CS_SHOW_REPLY) {
			fputs(m->text, stdout);
		} else if (m->type == CS_OK) {
			rc = 0;
			break;
		} else if (m->type == CS_ERROR) {
			fprintf(stderr, "l2tpsec show: %s\n", m->error);
			rc = 2;
			break;
		}
	}
	if (r == 0)
		fprintf(stderr, "l2tpsec show: no answer from charon within %d s\n",
			SHOW_TIMEOUT_MS / 1000);
	else if (r < 0)
		fprintf(stderr, "l2tpsec show: %s\n", why);
close:
	cs_close(c);
out:
	free(m);
	free(c);
	return rc;
}
