/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LAC's switched sessions (compulsory tunnelling). A client's PPP ends on the LAC's own
 * pppd; when its user belongs to a request-dialin domain, that pppd's l2tpsec plugin asks xl2tpd,
 * on L2TPSEC_SWITCH_SOCKET, for a session of one [lac] section, with the proxy LCP and
 * authentication it learnt. xl2tpd dials (the tunnel is secured on the crypto socket first as
 * ever), and when the LNS answers the ICRQ it creates the kernel session and hands it over
 * (SCM_RIGHTS: the session socket and the tunnel's own socket, so the tunnel's XFRM policies
 * live as long as the session); the plugin bridges the client's channel into it
 * (PPPIOCBRIDGECHAN) and says so; only then does the ICCN, with the proxy AVPs, go to the LNS,
 * so nothing the LNS sends can arrive before the bridge. No pppd is started for the call. Either
 * side going ends the other: the requester's socket closing hangs the call up (CDN), the call
 * going closes the requester's socket.
 *
 * Requests: "dial LACNAME\n" then the proxy text (proxy_avp.h). Answers: "session TID CID\n"
 * with the two descriptors, or "error WHY\n". The plugin's reply: "bridged\n" or "error WHY\n".
 */
#ifndef L2TPSEC_SWITCH_H
#define L2TPSEC_SWITCH_H

#include "l2tpsec_pollset.h"

struct call;
struct buffer;

/* listen (once l2tpsec is enforcing) */
void l2tpsec_switch_start(void);

/* main loop: the listening socket and the requesters */
void l2tpsec_switch_fdset(struct l2tpsec_pollset *readfds);
void l2tpsec_switch_poll(const struct l2tpsec_pollset *readfds);

/*
 * control.c, ICRP: the ICCN for call c is in buf. A switched call is handed over now and its
 * proxy AVPs appended; 0: send the ICCN; -1: hang the call up instead (logged).
 */
int l2tpsec_switch_iccn(struct buffer *buf, struct call *c);

/* start_pppd(): a switched call has no pppd of its own */
int l2tpsec_switched(const struct call *c);

/* destroy_call(): the call is going */
void l2tpsec_switch_call_gone(struct call *c);

/* lac's tunnel failed and no LNS is left to try: its waiting requesters are refused (why) */
void l2tpsec_switch_lac_failed(struct lac *lac, const char *why);

#endif
