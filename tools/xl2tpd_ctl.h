/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The command's side of the patched xl2tpd's control socket (xl2tpd-plugin/l2tpsec_ctl.h):
 * one request line out, the reply read to EOF.
 */
#ifndef L2TPSEC_XL2TPD_CTL_H
#define L2TPSEC_XL2TPD_CTL_H

#include <stddef.h>
#include <stdio.h>

/* --control PATH, else $L2TPSEC_XL2TPD_CONTROL, else the default */
const char *xl2tpd_ctl_path(void);

/*
 * Send request, copy the answer's output to out. 0: answered; 1: xl2tpd refused it (err says
 * why); -1: xl2tpd could not be reached or did not answer (err says why).
 */
int xl2tpd_ctl_request(const char *path, const char *request, FILE *out, char *err, size_t errlen);

#endif
