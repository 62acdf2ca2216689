/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * LAC failover across LNSes (IOS `initiate-to ip A priority N` and `l2tp tunnel busy timeout`).
 * A [lac] with several lns entries sends each new tunnel to the best LNS that is up (lowest
 * priority number; equal numbers: the one with fewest sessions). An LNS that does not answer the
 * SCCRQ, refuses the tunnel, stops answering, whose IPsec is not established or whose SA is lost
 * is held down for the busy timeout, with its reason, and the next one is secured anew through
 * the crypto socket at once. LNSes of equal priority share the load: each new session goes to
 * the one with fewest, the [lac] keeping a tunnel to each (stock xl2tpd has one tunnel per [lac]
 * and uses only its first lns entry).
 */
#ifndef L2TPSEC_FAILOVER_H
#define L2TPSEC_FAILOVER_H

#include "cs_proto.h"

struct lac;
struct host;
struct tunnel;
struct vpdn_state;

/* at startup: say each [lac]'s LNS order; warn of a priority for no lns entry */
void l2tpsec_failover_started(void);

/* magic_lac_tunnel(): the lns entry lac's new tunnel goes to (NULL: xl2tpd's own choice) */
struct host *l2tpsec_failover_lns(struct lac *lac);

/* tunnel t is about to be freed: a LAC's LNS that did not answer or refused is held down */
void l2tpsec_failover_tunnel_gone(const struct tunnel *t);

/*
 * IPsec to lac's LNS at remote was not established (why): that LNS is held down. 1: another LNS
 * is up, so the dial goes on at once (l2tpsec_failover_redirect) instead of backing off.
 */
int l2tpsec_failover_ipsec_failed(struct lac *lac, const struct cs_endpoint *remote,
				  const char *why);

/* the SA to remote is gone (why): every LAC's LNS there is held down */
void l2tpsec_failover_sa_lost(const struct cs_endpoint *remote, const char *why);

/* a dial of lac about to OPEN again: remote becomes the LNS picked now (unchanged for one LNS) */
void l2tpsec_failover_redirect(struct lac *lac, struct cs_endpoint *remote);

/*
 * magic_lac_dial(), before a call is placed on lac->t: with LNSes of equal priority up (load
 * sharing), lac->t becomes the [lac]'s tunnel to the one with fewest sessions, or NULL for a new
 * tunnel to it; the [lac]'s other tunnels keep their sessions. Otherwise lac->t is left alone.
 */
void l2tpsec_failover_pick_tunnel(struct lac *lac);

/* destroy_tunnel(): is t its [lac]'s current tunnel (stock: clear lac->t, redial)? */
int l2tpsec_failover_is_current(const struct tunnel *t);

/* t's LNS refused a call for lack of resources (CDN result 4 or 5): held down for the busy
 * timeout (why); 1 when another LNS of t's [lac] is up to take the call instead */
int l2tpsec_failover_busy(const struct tunnel *t, const char *why);

/* is any of lac's LNSes up (not held down)? 0 for a [lac] with one LNS (no state is kept) */
int l2tpsec_failover_any_up(struct lac *lac);

/* "disconnect"/"remove-lac": close lac's tunnels other than lac->t (detach: and unlink them) */
void l2tpsec_failover_lac_closing(struct lac *lac, int detach);

/* lac is about to be freed ("xl2tpd-control remove-lac"): its LNSes' state goes */
void l2tpsec_failover_forget(struct lac *lac);

/* show vpdn: each LNS of every [lac] with several (st->lnses) */
void l2tpsec_failover_collect(struct vpdn_state *st);

#endif
