/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Run a program and collect what it prints: apply's diff, swanctl and systemctl.
 */
#ifndef L2TPSEC_RUN_CMD_H
#define L2TPSEC_RUN_CMD_H

#include <stdio.h>

/* run argv (PATH searched), its stdout and stderr copied to out (NULL: dropped); its exit
 * status, 127 when it could not be run, 128 when it did not exit */
int run_cmd(char *const argv[], FILE *out);

#endif
