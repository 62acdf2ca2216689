/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Proxy LCP and authentication (RFC 2661 AVPs 26-33) inside xl2tpd. LNS: the AVPs of an ICCN
 * are parsed strictly (a bad mandatory one closes the call, a bad optional one is ignored, both
 * logged) and handed to the call's pppd as a 0600 file named in $L2TPSEC_PROXY, for the pppd
 * plugin. LAC: when a switched session left its proxy data in
 * /run/l2tpsec/proxy-out/LACNAME (the LAC-side pppd plugin writes it), the ICCN carries it.
 */
#ifndef L2TPSEC_PROXY_H
#define L2TPSEC_PROXY_H

struct tunnel;
struct call;
struct buffer;

#include "l2tpsec_names.h"	/* L2TPSEC_PROXY_DIR, L2TPSEC_PROXY_OUT_DIR, L2TPSEC_PROXY_ENV */

/* xl2tpd's AVP handler for attributes 26-33 (its avps[] table) */
int l2tpsec_proxy_avp(struct tunnel *t, struct call *c, void *data, int datalen);

/* in the forked child, before pppd is executed: hand the call's proxy data over */
void l2tpsec_proxy_to_pppd(struct call *c);

/* LAC: append the switched session's proxy AVPs to the ICCN being built in buf */
void l2tpsec_proxy_add_avps(struct buffer *buf, struct call *c);

/* the call is going: forget its proxy data and remove its file */
void l2tpsec_proxy_forget(struct call *c);

#endif
