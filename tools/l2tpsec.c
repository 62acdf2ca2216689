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
	int ios;	/* an IOS exec command: may be abbreviated as on IOS */
} subcommands[] = {
	{ "translate", translate_main, "IOS configuration -> swanctl, xl2tpd, pppd and plugin files", 0 },
	{ "check", check_main, "parse and validate an IOS configuration, write nothing", 0 },
	{ "apply", apply_main, "install a translated tree into /etc (diff, backup, reload, roll back)", 0 },
	{ "show", show_main, "IOS state: vpdn, l2tp (xl2tpd); crypto map, isakmp sa, ipsec sa (charon)", 1 },
	{ "clear", clear_main, "clear vpdn tunnel (xl2tpd), clear crypto session (charon)", 1 },
	{ "debug", debug_main, "debug vpdn l2x-events|l2x-packets|l2x-errors, debug crypto socket", 1 },
	{ "undebug", undebug_main, "turn that debugging off again", 1 },
	{ "crypto-socket", crypto_socket_main, "talk to charon's crypto socket (requests on stdin)", 0 },
	{ "version", version_main, "print the l2tpsec version and the daemons it was built for", 0 },
};

#define NSUB (sizeof(subcommands) / sizeof(subcommands[0]))

/* by its name, or for the IOS exec commands a prefix of two letters or more that only one of them
 * has (IOS habit: "sh" for show, "deb" for debug); commands that write files are never guessed */
static const struct subcommand *find(const char *name, int *ambiguous)
{
	const struct subcommand *found = NULL;

	*ambiguous = 0;
	for (size_t i = 0; i < NSUB; i++)
		if (!strcmp(name, subcommands[i].name))
			return &subcommands[i];
	for (size_t i = 0; strlen(name) >= 2 && i < NSUB; i++) {
		if (!subcommands[i].ios || strncmp(name, subcommands[i].name, strlen(name)))
			continue;
		if (found) {
			*ambiguous = 1;
			return NULL;
		}
		found = &subcommands[i];
	}
	return found;
}

static void usage(FILE *out)
{
	fprintf(out, "usage: l2tpsec COMMAND [ARGS...]\n\ncommands:\n");
	for (size_t i = 0; i < NSUB; i++)
		fprintf(out, "  %-13s %s\n", subcommands[i].name, subcommands[i].summary);
	fprintf(out, "\nSee l2tpsec(8).\n");
}

int main(int argc, char **argv)
{
	const struct subcommand *sub;
	int ambiguous;

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
	sub = find(argv[1], &ambiguous);
	if (sub)
		return sub->main(argc - 1, argv + 1);
	fprintf(stderr, "l2tpsec: %s command '%s'\n\n", ambiguous ? "ambiguous" : "unknown",
		argv[1]);
	usage(stderr);
	return 2;
}
