/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "socket_path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *socket_path_option(int *argc, char ***argv)
{
	const char *env = getenv("L2TPSEC_SOCKET");

	if (*argc >= 1 && !strcmp((*argv)[0], "--socket")) {
		if (*argc < 2) {
			fprintf(stderr, "l2tpsec: --socket needs a path\n");
			return NULL;
		}
		const char *path = (*argv)[1];

		*argc -= 2;
		*argv += 2;
		return path;
	}
	return env && *env ? env : L2TPSEC_DEFAULT_SOCKET;
}
