/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * xl2tpd's logger, for our files that do not need the rest of xl2tpd's headers (so they are
 * unit-tested without xl2tpd; the tests provide their own).
 */
#ifndef L2TPSEC_LOG_H
#define L2TPSEC_LOG_H

void l2tp_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
