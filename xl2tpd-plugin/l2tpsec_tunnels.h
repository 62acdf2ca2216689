/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * What l2tpsec needs to know about, and do to, xl2tpd's tunnels: which ones require IPsec, tear
 * them down locally when their SA goes, and give the SA back to charon when the last tunnel to a
 * peer is gone.
 */
#ifndef L2TPSEC_TUNNELS_H
#define L2TPSEC_TUNNELS_H

#include <netinet/in.h>

#include "cs_proto.h"

struct tunnel;

#include "l2tpsec_config.h"

/* the l2tpsec settings of the configuration section serving this tunnel */
struct l2tpsec_settings l2tpsec_tunnel_settings(const struct tunnel *t);

/* does the configuration section serving this tunnel name a crypto profile? */
int l2tpsec_tunnel_protected(const struct tunnel *t);

/*
 * Must a packet from this peer be protected? tunnel_id: the L2TP header's tunnel id (0 for an
 * SCCRQ, which is matched to an [lns] section the way xl2tpd itself will).
 */
int l2tpsec_peer_needs_ipsec(const struct sockaddr_in *from, int tunnel_id);

/*
 * The SA to remote went away (remote NULL: every SA did): its protected tunnels and their calls
 * go down here and now, without a StopCCN — it could only leave in cleartext.
 */
void l2tpsec_tunnels_down(const struct cs_endpoint *remote, const char *why);

/* xl2tpd is destroying t: if no other tunnel uses its peer's SA, CLOSE it (with keep-sa) */
void l2tpsec_tunnel_gone(const struct tunnel *t);

void l2tpsec_endpoint_from_sin(const struct sockaddr_in *sin, struct cs_endpoint *ep);

#endif
