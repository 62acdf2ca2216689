/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Proxy LCP and authentication (RFC 2661 AVPs 26-33) inside xl2tpd. LNS: the AVPs of an ICCN
 * are parsed strictly (a bad mandatory one closes the call, a bad optional one is ignored, both
 * logged) and handed to the call's pppd as a 0600 file named in $L2TPSEC_PROXY, for the pppd
 * plugin. LAC: the ICCN of a switched session (l2tpsec_switch.c) carries what the LAC's pppd
 * learnt from the client.
 */
#ifndef L2TPSEC_PROXY_H
#define L2TPSEC_PROXY_H

struct tunnel;
struct call;
struct buffer;

#include "l2tpsec_names.h"	/* L2TPSEC_PROXY_DIR, L2TPSEC_PROXY_ENV */
#include "l2tpsec_switch.h"	/* the ICCN hook (patch 0008 includes this header only) */

/* xl2tpd's AVP handler for attributes 26-33 (its avps[] table) */
int l2tpsec_proxy_avp(struct tunnel *t, struct call *c, void *data, int datalen);

/* in the forked child, before pppd is executed: hand the call's proxy data over */
void l2tpsec_proxy_to_pppd(struct call *c);

/* LAC: append a switched session's proxy AVPs to the ICCN being built in buf (protected only) */
struct proxy_info;
void l2tpsec_proxy_append(struct buffer *buf, struct call *c, const struct proxy_info *info);

/* the call is going: forget its proxy data and remove its file */
void l2tpsec_proxy_forget(struct call *c);

#endif
