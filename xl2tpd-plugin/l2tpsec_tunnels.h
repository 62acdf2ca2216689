/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * What l2tpsec needs to know about, and do to, xl2tpd's tunnels and sections: which ones require
 * IPsec, which crypto profiles the [lns] sections listen with, and tearing tunnels down locally
 * when their SA goes. The only file besides the hooks that reads xl2tpd's tunnel list.
 */
#ifndef L2TPSEC_TUNNELS_H
#define L2TPSEC_TUNNELS_H

#include <stdint.h>
#include <netinet/in.h>

#include "cs_proto.h"
#include "l2tpsec_config.h"

struct lac;
struct tunnel;
struct lns;

/*
 * The l2tpsec settings of the configuration section serving this tunnel — as they were when
 * the tunnel was bound to its SA, if it is (the section may have gone since).
 */
struct l2tpsec_settings l2tpsec_tunnel_settings(const struct tunnel *t);

/* is this tunnel bound to an SA, or does the section serving it name a crypto profile? */
int l2tpsec_tunnel_protected(const struct tunnel *t);

/*
 * Bind t to the SA with crypto socket id sa_id (a protected tunnel's first packet in or out
 * does): its section's settings are kept with it from then on. Rebinding moves it to a
 * replacement SA of the same peer.
 */
void l2tpsec_tunnel_bind(struct tunnel *t, uint32_t sa_id);

/* the crypto socket id of the SA t is bound to, 0 when none */
uint32_t l2tpsec_tunnel_sa_id(const struct tunnel *t);

/* the tunnel's local id, for logs */
int l2tpsec_tunnel_id(const struct tunnel *t);

/* t's kernel socket now holds its per-socket XFRM policies */
void l2tpsec_tunnel_socket_bound(struct tunnel *t);

/* t has its own socket (xl2tpd's per-tunnel udp_fd) holding its policies */
int l2tpsec_tunnel_has_socket(const struct tunnel *t);

/*
 * A new UDP socket for t: the L2TP port on local's address (shared with xl2tpd's listening
 * socket), non-blocking, not yet connected. Returns it, or -errno.
 */
int l2tpsec_tunnel_new_socket(const struct tunnel *t, const struct cs_endpoint *local);

/* connect fd to t's peer and make it t's socket (xl2tpd reads and sends through it); -errno */
int l2tpsec_tunnel_use_socket(struct tunnel *t, int fd);

/* t's own socket could not be made (fd, when >= 0, is closed): t sends nothing from now on */
void l2tpsec_tunnel_socket_failed(struct tunnel *t, int fd);

/* did making t's own socket fail? */
int l2tpsec_tunnel_socket_broken(const struct tunnel *t);

/* have xl2tpd close t (StopCCN, under its SA) on the main loop's next turn, saying why */
void l2tpsec_tunnel_close_soon(struct tunnel *t, const char *why);

/* does every [lns] and [lac] section (none at all counts as yes) name a crypto profile? */
int l2tpsec_every_section_protected(void);

/* is lac still one of xl2tpd's [lac] sections? ("xl2tpd-control remove-lac" frees them) */
int l2tpsec_lac_exists(const struct lac *lac);

/* the [lac] section of that name (case aside), or NULL */
struct lac *l2tpsec_lac_named(const char *name);

/* does this [lac] section name a crypto profile? */
int l2tpsec_lac_protected(const struct lac *lac);

/* the tunnel's peer (address and port) */
void l2tpsec_tunnel_peer(const struct tunnel *t, struct cs_endpoint *ep);

/* does another tunnel use t's peer (address and port)? */
int l2tpsec_tunnel_shares_peer(const struct tunnel *t);

/* does t repeat a live tunnel of ours that has answered: one from the same address and port
 * with the same Assigned Tunnel ID and its own socket (t came from a retransmitted SCCRQ,
 * which xl2tpd drops as "requested twice")? That tunnel's id, or 0 when t is one of its own */
int l2tpsec_tunnel_repeats(const struct tunnel *t);

/*
 * Must a packet for the existing tunnel tunnel_id (not 0) from this peer be protected?
 */
int l2tpsec_peer_needs_ipsec(const struct sockaddr_in *from, int tunnel_id);

/*
 * The [lns] section that serves an SCCRQ from `from` naming host_name (NULL: none), having come
 * under an SA cloned from sa_profile (NULL: no SA): among the sections whose "lac =" ranges
 * admit the peer (xl2tpd's order; [lns default] last, admitting anyone without "access
 * control", as get_lns() does), the first whose terminate from is host_name, else the first
 * without one, each of exactly that crypto profile (none for plaintext). NULL: none serves it.
 */
struct lns *l2tpsec_sccrq_lns(const struct sockaddr_in *from, const char *sa_profile,
			      const char *host_name);

/* does a section without IPsec admit `from` by address (whatever its terminate from)? */
int l2tpsec_plain_group_admits(const struct sockaddr_in *from);

/*
 * Call listen(profile, local) once per distinct crypto profile of the [lns] sections ([lns
 * default] first), local being xl2tpd's listen address and port. Stops at the first non-zero
 * return and returns it; 0 when all were called.
 */
int l2tpsec_lns_profiles(int (*listen)(const char *profile, const struct cs_endpoint *local));

/*
 * An LNS tunnel t is about to get its own socket: the tunnels to the same peer address and port
 * with sockets of their own are marked superseded (the peer started over: its new tunnel comes
 * from where the old one did, and the kernel would hand t's packets to the old socket). Returns
 * how many were marked; l2tpsec_tunnels_down_superseded() takes them down.
 */
int l2tpsec_tunnels_mark_superseded(const struct tunnel *t);

/* take the superseded tunnels down locally (no StopCCN: their peer no longer knows them) */
void l2tpsec_tunnels_down_superseded(void);

/* call fn(t, t's own socket, ctx) for each tunnel bound to SA sa_id with its own socket */
void l2tpsec_tunnels_with_socket(uint32_t sa_id, void (*fn)(struct tunnel *t, int fd, void *ctx),
				 void *ctx);

/*
 * The SA sa_id to remote went away (remote NULL: every SA did): the protected tunnels bound to
 * it (unbound ones: of that peer) and their calls go down here and now, without a StopCCN — it
 * could only leave in cleartext. A tunnel of the same peer bound to a newer SA stays. What pppd sends
 * on its way out meets the kernel socket's own XFRM policies: pppd holds that socket open.
 */
void l2tpsec_tunnels_down(const struct cs_endpoint *remote, uint32_t sa_id, const char *why);

#endif
