/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * One way to say why something failed, for the plugin's log lines: "WHAT" or "WHAT: strerror".
 */
#ifndef L2TPSEC_WHY_H
#define L2TPSEC_WHY_H

#include <stdio.h>
#include <string.h>

static inline void why_set(char *buf, size_t len, const char *what, int errnum)
{
	if (errnum)
		snprintf(buf, len, "%s: %s", what, strerror(errnum));
	else
		snprintf(buf, len, "%s", what);
}

#endif
