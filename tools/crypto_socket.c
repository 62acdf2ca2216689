/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec crypto-socket: talk to charon's crypto socket by hand, as xl2tpd does. Requests come
 * one per line on stdin; every reply and event is printed as one line on stdout as it arrives.
 * Closing stdin disconnects, which closes every tunnel this connection opened. For operators
 * checking a setup, and for the tests.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cs_build.h"
#include "cs_client.h"
#include "cs_text.h"
#include "socket_path.h"
#include "subcommands.h"

#define SEND_TIMEOUT_MS 5000

static void usage(FILE *out)
{
	fprintf(out,
		"usage: l2tpsec crypto-socket [--socket PATH]\n"
		"requests on stdin, one per line:\n"
		"  listen PROFILE LOCAL                 passive open (LNS)\n"
		"  open ID PROFILE LOCAL REMOTE [keep-sa|no-keep-sa]   active open (LAC)\n"
		"  close ID [keep-sa|no-keep-sa]\n"
		"  query LOCAL REMOTE\n"
		"  show WORDS...                        e.g. show crypto map tag l2tpsec\n"
		"endpoints: ADDR[:PORT] or [ADDR6][:PORT]\n");
}

static int parse_id(const char *s, uint32_t *id)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || end == s || v > 0xffffffffUL || s[0] == '-')
		return -1;
	*id = (uint32_t)v;
	return 0;
}

/* [keep-sa|no-keep-sa]: CS_KEEP_SA_UNSET when absent; -2 when not one of them */
static int parse_keep(const char *s)
{
	if (!s)
		return CS_KEEP_SA_UNSET;
	if (!strcmp(s, "keep-sa"))
		return 1;
	return strcmp(s, "no-keep-sa") ? -2 : 0;
}

static int parse_profile(const char *name)
{
	return strlen(name) < sizeof(((struct cs_msg *)0)->profile) ? 0 : -1;
}

/* one request line -> message; 1 for an empty line, -1 if it does not parse */
static int parse_request(char *line, struct cs_msg *m)
{
	struct cs_endpoint local, remote;
	char *w[8], selector[sizeof(m->text)];
	uint32_t id;
	int n = 0, keep;

	for (char *t = strtok(line, " \t\r\n"); t; t = strtok(NULL, " \t\r\n")) {
		if (n == 8)
			return -1;
		w[n++] = t;
	}
	if (n == 0)
		return 1;
	if (!strcmp(w[0], "listen") && n == 3) {
		if (parse_profile(w[1]) || cs_parse_endpoint(w[2], &local))
			return -1;
		cs_build_listen(m, w[1], &local, 0);
		return 0;
	}
	if (!strcmp(w[0], "open") && (n == 5 || n == 6)) {
		keep = parse_keep(n == 6 ? w[5] : NULL);
		if (parse_id(w[1], &id) || parse_profile(w[2]) || cs_parse_endpoint(w[3], &local) ||
		    cs_parse_endpoint(w[4], &remote) || keep == -2)
			return -1;
		cs_build_open(m, id, w[2], &local, &remote, keep);
		return 0;
	}
	if (!strcmp(w[0], "close") && (n == 2 || n == 3)) {
		keep = parse_keep(n == 3 ? w[2] : NULL);
		if (parse_id(w[1], &id) || keep == -2)
			return -1;
		cs_build_close(m, id, keep);
		return 0;
	}
	if (!strcmp(w[0], "query") && n == 3) {
		if (cs_parse_endpoint(w[1], &local) || cs_parse_endpoint(w[2], &remote))
			return -1;
		cs_build_query(m, &local, &remote);
		return 0;
	}
	if (!strcmp(w[0], "show") && n >= 2) {
		if (cs_join_selector(selector, sizeof(selector), w + 1, n - 1))
			return -1;
		cs_build_show(m, selector);
		return 0;
	}
	return -1;
}

/* print everything that has arrived; -1 when the connection is gone */
static int print_incoming(struct cs_conn *c, struct cs_msg *m)
{
	char line[512];
	const char *why = NULL;
	int r;

	while ((r = cs_receive(c, m, 0, &why)) == 1) {
		if (m->type == CS_SHOW_REPLY) {
			fputs(m->text, stdout);
			continue;
		}
		cs_format_msg(m, line, sizeof(line));
		printf("%s\n", line);
	}
	if (r < 0) {
		printf("DISCONNECTED %s\n", why);
		return -1;
	}
	return 0;
}

/* send one request line; complaints go to stderr */
static void request(struct cs_conn *c, struct cs_msg *m, char *line)
{
	int r = parse_request(line, m);

	if (r < 0)
		fprintf(stderr, "l2tpsec crypto-socket: cannot parse request (try --help)\n");
	else if (r == 0 && cs_send(c, m, SEND_TIMEOUT_MS) != 0)
		fprintf(stderr, "l2tpsec crypto-socket: send: %s\n", strerror(errno));
}

int crypto_socket_main(int argc, char **argv)
{
	struct cs_msg *m = calloc(1, sizeof(*m));
	struct cs_conn *c = calloc(1, sizeof(*c));
	char in[4096];
	size_t inlen = 0;
	const char *path;
	int rc = 1;

	argc--;
	argv++;
	path = socket_path_option(&argc, &argv);
	if (!m || !c || !path)
		goto out;
	if (argc) {
		usage(strcmp(argv[0], "--help") ? stderr : stdout);
		rc = strcmp(argv[0], "--help") ? 2 : 0;
		goto out;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (cs_connect(c, path) != 0) {
		fprintf(stderr, "l2tpsec crypto-socket: cannot connect to %s: %s\n", path,
			strerror(errno));
		goto out;
	}
	for (;;) {
		struct pollfd p[2] = { { .fd = 0, .events = POLLIN }, { .fd = c->fd, .events = POLLIN } };

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[1].revents && print_incoming(c, m) < 0)
			break;
		if (!p[0].revents)
			continue;
		/* read(2), not stdio: poll must see every line that has not been handled */
		ssize_t n = read(0, in + inlen, sizeof(in) - 1 - inlen);
		char *nl;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = 0;
			break;
		}
		inlen += (size_t)n;
		in[inlen] = '\0';
		while ((nl = strchr(in, '\n'))) {
			*nl = '\0';
			request(c, m, in);
			inlen -= (size_t)(nl + 1 - in);
			memmove(in, nl + 1, inlen + 1);
		}
		if (inlen == sizeof(in) - 1) {
			fprintf(stderr, "l2tpsec crypto-socket: request line too long\n");
			inlen = 0;
		}
	}
	cs_close(c);
out:
	free(m);
	free(c);
	return rc;
}
