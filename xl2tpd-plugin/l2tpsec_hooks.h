/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The calls our patch series adds to xl2tpd. Each hook is one line in xl2tpd; what it does
 * lives in l2tpsec_hooks.c, so the series rebases onto a new xl2tpd release in minutes.
 */
#ifndef L2TPSEC_HOOKS_H
#define L2TPSEC_HOOKS_H

/*
 * Called once the configuration is read and the UDP socket is open.
 * kernel_data_path: xl2tpd's kernel_support (non-zero when pppol2tp carries the data).
 */
void l2tpsec_started(int kernel_data_path);

#endif
