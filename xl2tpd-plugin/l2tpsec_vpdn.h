/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The requests the patched xl2tpd answers on its control socket (l2tpsec_ctl.h), in the words
 * the l2tpsec command sends after expanding IOS abbreviations:
 *   show vpdn [tunnel|session] [all] [json]      show l2tp tunnel|session [all] [json]
 *   clear vpdn tunnel all|ID                     (StopCCN, result 1: the operator cleared it)
 *   debug vpdn l2x-events|l2x-packets|l2x-errors on|off    show debugging [json]
 */
#ifndef L2TPSEC_VPDN_H
#define L2TPSEC_VPDN_H

#include <stddef.h>
#include <stdio.h>

struct tunnel;
struct call;

/* the l2tpsec_ctl_handler */
int l2tpsec_vpdn_request(char *request, FILE *out, char *err, size_t errlen);

/* new_tunnel()/new_call(): note when they began (uptimes in show vpdn) */
void l2tpsec_vpdn_tunnel_created(struct tunnel *t);
void l2tpsec_vpdn_call_created(struct call *c);

#endif
