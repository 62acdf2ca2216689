/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * "No L2TP packet is processed unless IPsec protects it", inside xl2tpd. The guard owns the
 * table of SAs charon reported SECURED (one hash lookup per received packet) and routes the
 * crypto socket's events: SECURED fills the table and lets a held LAC dial go; CLOSED empties
 * the entry and takes the peer's protected tunnels down locally; a lost connection empties the
 * table. It LISTENs for the protected [lns] sections and CLOSEs the SA of a peer's last tunnel.
 * Dependencies run one way: hooks -> guard -> dial, tunnels -> cs -> common.
 */
#ifndef L2TPSEC_GUARD_H
#define L2TPSEC_GUARD_H

#include <netinet/in.h>

#include "l2tpsec_sacache.h"

struct lac;
struct tunnel;

/* start enforcing: the SA table (exits when out of memory) and the crypto socket */
void l2tpsec_guard_start(void);

/*
 * A packet from `from` to `to` (IP_PKTINFO; address 0 when unknown) for L2TP tunnel id
 * tunnel_id (0 for an SCCRQ, whose Host Name is host_name: NULL when it has none). 0: drop it
 * before xl2tpd creates any state (counted, logged at most once a minute per peer): its peer
 * needs IPsec and has none; the tunnel is protected and the packet is not from its own peer
 * under its own SA (a neighbour forging its id); or no [lns] section serves the SCCRQ (none of
 * its SA's crypto profile, or none without IPsec for plaintext, terminates its host name).
 */
int l2tpsec_guard_packet_allowed(const struct sockaddr_in *from, const struct in_pktinfo *to,
				 int tunnel_id, const char *host_name);

/*
 * May xl2tpd send this packet of tunnel t? 0: no — t is protected and no SA carries its peer
 * (counted, logged at most once a minute per peer): it would leave in plaintext; or t's own
 * socket could not be made. A protected tunnel's first message opens that socket (see
 * l2tpsec_guard_tunnel_socket), through which xl2tpd then sends and hears all of t's L2TP.
 */
int l2tpsec_guard_may_send(struct tunnel *t);

/*
 * fd is to be t's own socket (made at t's first message, or by xl2tpd for the kernel data
 * path): a protected tunnel's socket gets per-socket XFRM policies naming its SA (the kernel
 * then refuses plaintext for it whatever the SPD holds). -1: that failed; the tunnel is
 * closed, the caller must not use fd.
 */
int l2tpsec_guard_tunnel_socket(struct tunnel *t, int fd);

/* may lac dial its LNS at addr:port (host order) now? 0: held until SECURED */
int l2tpsec_guard_may_dial(struct lac *lac, struct in_addr addr, int port);

/* xl2tpd is destroying t: if it was the last tunnel to its peer, CLOSE the SA (keep-sa) */
void l2tpsec_guard_tunnel_gone(const struct tunnel *t);

/* the SA protecting remote, NULL when none (or when not enforcing) */
const struct l2tpsec_sa *l2tpsec_guard_sa(const struct cs_endpoint *remote);

/* unprotected packets dropped since start */
unsigned long long l2tpsec_guard_drops(void);

#endif
