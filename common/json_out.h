/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * JSON strings for the --json outputs of the charon plugin, the patched xl2tpd and the command:
 * names and host names come from peers, so every control byte is escaped.
 */
#ifndef L2TPSEC_JSON_OUT_H
#define L2TPSEC_JSON_OUT_H

#include <stdio.h>

/* s as a quoted JSON string ("" for NULL) */
void json_string(FILE *out, const char *s);

#endif
