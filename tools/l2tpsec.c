/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec: the operator's command. One binary, table-driven subcommands; each subcommand lives
 * in its own file as NAME_main(argc, argv) and is listed in the table below.
 */
#include <stdio.h>
#include <string.h>

#include "subcommands.h"

static const struct subcommand {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *summary;
} subcommands[] = {
	{ "translate", translate_main, "IOS configuration -> swanctl, xl2tpd, pppd and plugin files" },
	{ "check", check_main, "parse and validate an IOS configuration, write nothing" },
	{ "show", show_main, "IOS-style state from charon: crypto map, crypto engine connections" },
	{ "crypto-socket", crypto_socket_main, "talk to charon's crypto socket (requests on stdin)" },
	{ "version", version_main, "print the l2tpsec version and the daemons it was built for" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: l2tpsec COMMAND [ARGS...]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		fprintf(out, "  %-12s %s\n", subcommands[i].name, subcommands[i].summary);
	fprintf(out, "\nSee l2tpsec(8).\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version"))
		return version_main(1, argv + 1);
	for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].main(argc - 1, argv + 1);
	fprintf(stderr, "l2tpsec: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return 2;
}
