/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LNS pppd's copy of the LAC's proxy LCP and authentication: the patched xl2tpd writes it
 * as a 0600 file in a root-only directory and names it in $L2TPSEC_PROXY. It is taken once and
 * removed at once, whatever its content; the variable is cleared so no script inherits it.
 */
#ifndef L2TPSEC_PROXY_FILE_H
#define L2TPSEC_PROXY_FILE_H

#include <stddef.h>

#include "proxy_avp.h"

enum proxy_file_result {
	PROXY_FILE_NONE,	/* no proxy data: a voluntary call, or a LAC without proxy AVPs */
	PROXY_FILE_TAKEN,	/* p holds it */
	PROXY_FILE_BAD,		/* there was a file, unusable: err says why */
};

/* path: the value of $L2TPSEC_PROXY (NULL: none) */
enum proxy_file_result proxy_file_take(const char *path, struct proxy_info *p, char *err,
				       size_t errlen);

#endif
