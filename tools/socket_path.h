/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#ifndef L2TPSEC_SOCKET_PATH_H
#define L2TPSEC_SOCKET_PATH_H

#include "l2tpsec_names.h"	/* L2TPSEC_DEFAULT_SOCKET */

/*
 * Take "--socket PATH" off the front of argv (argc/argv updated); otherwise $L2TPSEC_SOCKET or
 * the default. Returns NULL (and says why) when --socket has no argument.
 */
const char *socket_path_option(int *argc, char ***argv);

#endif
