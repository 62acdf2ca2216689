/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The LAC side of compulsory tunnelling (IOS "vpdn-group / request-dialin / domain"): this pppd
 * terminates the client's LCP and authentication phase; when the user's domain (after the
 * last '@') belongs to a request-dialin group, the client is not authenticated here: what the
 * client said (its LCP CONFREQs, the challenge and its response, or its PAP request) becomes
 * the proxy data, and its PPP is switched into an L2TP session of that group's [lac] section
 * (lac_switch.c), where the LNS authenticates it. Other domains are authenticated here as
 * usual, or refused.
 */
#ifndef L2TPSEC_LAC_DIALIN_H
#define L2TPSEC_LAC_DIALIN_H

/* register the options (l2tpsec-dialin DOMAIN:LAC ...) */
void lac_dialin_options(void);

/* after option parsing (PHASE_ESTABLISH): install the hooks when some domain is configured */
void lac_dialin_establish(void);

#endif
