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
#include "l2tpsec_names.h"
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

/* an endpoint word; what is wrong with it in why (-1) */
static int endpoint(const char *word, const char *role, int need_port, struct cs_endpoint *ep,
		    char *why, size_t len)
{
	if (cs_parse_endpoint(word, ep)) {
		snprintf(why, len, "%s '%s' is not ADDR[:PORT] or [ADDR6][:PORT]", role, word);
		return -1;
	}
	if (need_port && !ep->port) {
		snprintf(why, len, "%s '%s' has no port: the peer's L2TP port is needed, e.g. %s:1701",
			 role, word, word);
		return -1;
	}
	if (!ep->port)
		ep->port = L2TPSEC_L2TP_PORT;	/* as charon takes it: the answer shows it */
	return 0;
}

/* the forms of each request, for its errors */
static const struct {
	const char *verb, *form;
	int min, max;
} forms[] = {
	{ "listen", "listen PROFILE LOCAL", 3, 3 },
	{ "open", "open ID PROFILE LOCAL REMOTE [keep-sa|no-keep-sa]", 5, 6 },
	{ "close", "close ID [keep-sa|no-keep-sa]", 2, 3 },
	{ "query", "query LOCAL REMOTE", 3, 3 },
	{ "show", "show WORDS...", 2, 8 },
};

/* one request line -> message; 1 for an empty line, -1 with why if it does not parse */
static int parse_request(char *line, struct cs_msg *m, char *why, size_t len)
{
	struct cs_endpoint local, remote;
	char *w[8], selector[sizeof(m->text)];
	uint32_t id = 0;
	int n = 0, keep = CS_KEEP_SA_UNSET;
	size_t f;

	for (char *t = strtok(line, " \t\r\n"); t; t = strtok(NULL, " \t\r\n")) {
		if (n == 8) {
			snprintf(why, len, "too many words");
			return -1;
		}
		w[n++] = t;
	}
	if (n == 0)
		return 1;
	for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
		if (!strcmp(w[0], forms[f].verb))
			break;
	if (f == sizeof(forms) / sizeof(forms[0])) {
		snprintf(why, len, "unknown request '%s' (listen, open, close, query, show)", w[0]);
		return -1;
	}
	if (n < forms[f].min || n > forms[f].max) {
		snprintf(why, len, "%s: %s (%s)", w[0], n < forms[f].min ? "too few words" :
			 "too many words", forms[f].form);
		return -1;
	}
	if ((!strcmp(w[0], "open") || !strcmp(w[0], "close")) && parse_id(w[1], &id)) {
		snprintf(why, len, "%s: ID '%s' is not a number from 0 to 4294967295", w[0], w[1]);
		return -1;
	}
	if ((!strcmp(w[0], "open") && n == 6) || (!strcmp(w[0], "close") && n == 3)) {
		keep = parse_keep(w[n - 1]);
		if (keep == -2) {
			snprintf(why, len, "%s: '%s' is neither keep-sa nor no-keep-sa", w[0], w[n - 1]);
			return -1;
		}
	}
	if ((!strcmp(w[0], "listen") && parse_profile(w[1])) ||
	    (!strcmp(w[0], "open") && parse_profile(w[2]))) {
		snprintf(why, len, "%s: the profile name is too long", w[0]);
		return -1;
	}
	if (!strcmp(w[0], "listen")) {
		if (endpoint(w[2], "LOCAL", 0, &local, why, len))
			return -1;
		cs_build_listen(m, w[1], &local, 0);
	} else if (!strcmp(w[0], "open")) {
		if (endpoint(w[3], "LOCAL", 0, &local, why, len) ||
		    endpoint(w[4], "REMOTE", 1, &remote, why, len))
			return -1;
		cs_build_open(m, id, w[2], &local, &remote, keep);
	} else if (!strcmp(w[0], "close")) {
		cs_build_close(m, id, keep);
	} else if (!strcmp(w[0], "query")) {
		if (endpoint(w[1], "LOCAL", 0, &local, why, len) ||
		    endpoint(w[2], "REMOTE", 1, &remote, why, len))
			return -1;
		cs_build_query(m, &local, &remote);
	} else {
		if (cs_join_selector(selector, sizeof(selector), w + 1, n - 1)) {
			snprintf(why, len, "show: too long");
			return -1;
		}
		cs_build_show(m, selector);
	}
	return 0;
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
	char why[300];
	int r = parse_request(line, m, why, sizeof(why));

	if (r < 0)
		fprintf(stderr, "l2tpsec crypto-socket: %s\n", why);
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
	if (!path)
		rc = 2;		/* --socket without its path: a usage error */
	if (!m || !c || !path)
		goto out;
	if (argc) {
		usage(strcmp(argv[0], "--help") ? stderr : stdout);
		rc = strcmp(argv[0], "--help") ? 2 : 0;
		goto out;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (geteuid() != 0) {
		fprintf(stderr, "l2tpsec crypto-socket: needs root (charon's crypto socket is root's "
			"only)\n");
		goto out;
	}
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
