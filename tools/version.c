/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec version: what this build is and which stock daemons its plugins fit (packagers need
 * the exact versions: the charon and pppd plugins are ABI-bound to them).
 */
#include <stdio.h>

#include "subcommands.h"

int version_main(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: l2tpsec version\n");
		return 2;
	}
	printf("l2tpsec %s\n", L2TPSEC_VERSION);
	printf("built for strongSwan %s (charon plugin: %s)\n", STRONGSWAN_VERSION, CHARON_PLUGINDIR);
	printf("built for xl2tpd %s (patched daemon: %s)\n", XL2TPD_VERSION, XL2TPD_SBIN);
	printf("built for pppd %s (plugin: %s)\n", PPPD_VERSION_STR, PPPD_PLUGINDIR);
	return 0;
}
