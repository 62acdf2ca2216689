/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LNS's AAA through pppd's own RADIUS plugin (Debian's radius.so: authentication, MPPE keys,
 * accounting), made to behave as IOS "aaa authentication ppp … group radius [local]":
 *  - a user RADIUS rejects is refused; only when no RADIUS server answers (timeout, or no way to
 *    send) is the user checked against the local secrets, and only with "local" configured
 *    (option l2tpsec-aaa-local-fallback); without it the refusal says RADIUS did not answer.
 *    radius.so tells no caller why it failed: its requests pass through rc_auth_using_server
 *    below, which records the result (l2tpsec.so is loaded before radius.so, and pppd loads
 *    plugins RTLD_GLOBAL, so radius.so's calls bind to ours, which calls radius.so's own);
 *  - a Framed-IP-Address from RADIUS replaces the address xl2tpd gave from its pool (radius.so
 *    only picks an address when pppd has none, then refuses every other);
 *  - a Framed-Pool (which radius.so ignores) names one of the pools in the l2tpsec-aaa-pools
 *    file: the peer gets a free address of it (aaa_pool.h), given back when pppd exits; a pool
 *    that is unknown or exhausted ends the session with the reason.
 */
#ifndef L2TPSEC_LNS_AAA_H
#define L2TPSEC_LNS_AAA_H

/* register the pppd option */
void lns_aaa_options(void);

/* LCP starts: both plugins are in; wrap radius.so's verify hooks (once) */
void lns_aaa_establish(void);

/* authentication is over, IPCP is next: apply RADIUS's Framed-IP-Address or Framed-Pool */
void lns_aaa_network(void);

#endif
