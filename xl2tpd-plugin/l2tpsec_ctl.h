/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The patched xl2tpd's own control socket (default L2TPSEC_XL2TPD_CONTROL_SOCKET): `l2tpsec
 * show vpdn`, `clear vpdn`, `debug vpdn` reach xl2tpd's live state here, not through its logs.
 * A root-only Unix stream socket; a client sends one request line and reads the reply to EOF:
 * "ok\n" and the output, or "error MESSAGE\n". This file only frames bytes: the handler it is
 * given answers. Nothing here blocks xl2tpd: reads and writes are non-blocking, a reply the
 * client is slow to read waits in a buffer, a client idle for CTL_IDLE_S is dropped.
 */
#ifndef L2TPSEC_CTL_H
#define L2TPSEC_CTL_H

#include <stdio.h>
#include "l2tpsec_pollset.h"

/* answer one request (words, NUL-terminated, no newline) into out; 0, or -1 with err filled */
typedef int (*l2tpsec_ctl_handler)(char *request, FILE *out, char *err, size_t errlen);

/* listen on path (its directory made 0750 when missing); 0, or -errno */
int l2tpsec_ctl_start(const char *path, l2tpsec_ctl_handler handler);

void l2tpsec_ctl_fdset(struct l2tpsec_pollset *readfds);
void l2tpsec_ctl_poll(const struct l2tpsec_pollset *readfds);

/* replies are waiting for their clients: the main loop should come back soon */
int l2tpsec_ctl_pending(void);

#endif
