/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The calls our patch series adds to xl2tpd. Each hook is one line in xl2tpd; what it does
 * lives in l2tpsec_*.c, so the series rebases onto a new xl2tpd release in minutes. With no
 * "l2tpsec crypto profile" configured every hook returns at once and xl2tpd behaves as stock,
 * but for a [lac]'s further lns entries, which stock keeps as "backup LNS (not yet used)" and
 * l2tpsec fails over to.
 */
#ifndef L2TPSEC_HOOKS_H
#define L2TPSEC_HOOKS_H

#include <stddef.h>
#include <sys/time.h>
#include <netinet/in.h>
#include "l2tpsec_pollset.h"

struct lac;
struct tunnel;

/*
 * Called once the configuration is read and the UDP socket is open.
 * kernel_data_path: xl2tpd's kernel_support (non-zero when pppol2tp carries the data).
 */
void l2tpsec_started(int kernel_data_path);

/* a new tunnel's ID (patch 0022): id, or another random one while id is 0 or taken */
int l2tpsec_unique_tunnel_id(int id);

/* called once the scheduler is ready, before autodial: connect to charon's crypto socket */
void l2tpsec_ready(void);

/* main loop (poll(2), patch 0021): our descriptors into the set it waits on, our timers into
 * its timeout (ptv: xl2tpd's, NULL for none; storage: where a shorter one may be written) */
void l2tpsec_fdset(struct l2tpsec_pollset *readfds);
struct timeval *l2tpsec_select_timeout(struct timeval *ptv, struct timeval *storage);
void l2tpsec_poll(const struct l2tpsec_pollset *readfds);

/*
 * A packet (len bytes, its header as fix_hdr() left it) arrived from `from` for L2TP tunnel id
 * tunnel_id (to: IP_PKTINFO, zero when unknown). 0: drop it before xl2tpd creates any state for
 * it (its peer needs IPsec and has none, or no [lns] section serves its SCCRQ).
 */
int l2tpsec_packet_allowed(const struct sockaddr_in *from, const struct in_pktinfo *to,
			   int tunnel_id, const void *packet, size_t len);

/*
 * control.c, an SCCRQ: the [lns] section that serves tunnel t (in place of get_lns()). With
 * a crypto profile or a terminate from configured: the section of the SA's profile (none for
 * plaintext) whose terminate from is t's host name, else its kind's default; NULL: refused.
 */
struct lns;
struct lns *l2tpsec_get_lns(struct tunnel *t);

/*
 * magic_lac_tunnel(): the lns entry a LAC's new tunnel goes to: with several, the best one up
 * (priority, then load), one that failed passed over for the busy timeout (l2tpsec_failover.h);
 * with one, lac->lns, as stock (NULL: none; xl2tpd then tries [lac default]'s)
 */
struct host;
struct host *l2tpsec_lac_lns(struct lac *lac);

/* "xl2tpd-control remove-lac": lac is about to be freed (its other tunnels closed, unlinked) */
void l2tpsec_lac_removed(struct lac *lac);

/* handle_challenge(): t's secret when l2tpsec holds it (a RADIUS tunnel's Tunnel-Password): 1,
 * else 0 and xl2tpd reads its l2tp-secrets file */
int l2tpsec_tunnel_secret(const struct tunnel *t, unsigned char *secret, size_t size);

/* "xl2tpd-control disconnect": the [lac]'s tunnels besides lac->t are closed too */
void l2tpsec_lac_disconnect(struct lac *lac);

/*
 * magic_lac_dial(), before it places a call on lac->t: LNSes of equal priority share the load,
 * so lac->t may become the [lac]'s tunnel to another LNS, or NULL for a new one
 */
void l2tpsec_lac_pick_tunnel(struct lac *lac);

/* destroy_tunnel(): is t lac->t (not one of the [lac]'s other tunnels)? Stock: always */
int l2tpsec_lac_current_tunnel(const struct tunnel *t);

/* before a LAC's first SCCRQ to addr:port (network order); 0: not yet, l2tpsec redials */
int l2tpsec_may_dial(struct lac *lac, struct in_addr addr, int port);

/* userspace data path: a PPP frame from pppd for call c; 0: drop it (ip pmtu) */
struct call;
struct buffer;
int l2tpsec_payload_out(struct tunnel *t, struct call *c, struct buffer *buf);

/*
 * udp_xmit(): may this packet of tunnel t leave? 0: no (protected, and its SA is gone, or its own
 * socket could not be made). A protected tunnel's first message makes its own socket.
 */
int l2tpsec_may_send(struct tunnel *t);

/*
 * connect_pppol2tp(): fd, bound and not yet connected, is about to carry t's kernel data path.
 * Non-zero: it must not (the tunnel is being closed); the caller closes fd.
 */
int l2tpsec_tunnel_socket(struct tunnel *t, int fd);

/*
 * connect_pppol2tp(): has t its own socket already? A protected tunnel gets one, bound to its
 * SA, at its first message (l2tpsec_may_send); the kernel data path then uses that one.
 */
int l2tpsec_own_socket(const struct tunnel *t);

/*
 * start_pppd()'s child, before exec: should pppd for call c keep tunnel t's socket open?
 * Closing a socket frees its XFRM policies, but Linux lets pppd send through the kernel session
 * until pppd exits: a protected tunnel's socket, with its policies, must outlive pppd.
 */
int l2tpsec_pppd_holds(const struct tunnel *t, const struct call *c);

/*
 * start_pppd()'s child, just before exec: pppd of a protected tunnel gets SIGTERM when xl2tpd
 * dies (it holds the tunnel's socket, which would otherwise take the peer's packets from the
 * next xl2tpd for as long as pppd lives)
 */
void l2tpsec_pppd_child(const struct call *c);

/*
 * udp_xmit(): the socket to send tunnel t's packet on — its own socket once that holds its XFRM
 * policies (so control, and data on the userspace path, meet them too), else xl2tpd's (fallback)
 */
int l2tpsec_xmit_socket(const struct tunnel *t, int fallback);

/*
 * control.c, an ICRQ: may call c, just made for it, begin on tunnel t? 0: a session limit
 * refuses it (logged, counted); c then holds the CDN's result code and message and the caller
 * closes it. Works with or without IPsec required.
 */
int l2tpsec_call_admitted(struct tunnel *t, struct call *c);

/* new_tunnel()/new_call(): xl2tpd made a tunnel or a call (show vpdn's uptimes) */
void l2tpsec_tunnel_created(struct tunnel *t);
void l2tpsec_call_created(struct call *c);

/* xl2tpd is about to free tunnel t */
void l2tpsec_tunnel_destroyed(struct tunnel *t);

#endif
