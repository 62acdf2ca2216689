/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Semantic checks over the whole parsed configuration: references that lead nowhere, conflicts,
 * and the weak crypto that is translated faithfully (or replaced under --modernize).
 */
#ifndef L2TPSEC_CHECK_H
#define L2TPSEC_CHECK_H

#include "diag.h"
#include "model.h"

void check_config(struct ios_config *cfg, struct diag *d);

#endif
