/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_facts l2tp_security_facts
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_FACTS_H_
#define L2TP_SECURITY_FACTS_H_

#include <sa/child_sa.h>

#include "cs_proto.h"

/**
 * Fill the SA facts of a SECURED or STATUS message from an installed CHILD_SA: SPIs,
 * algorithm names and the most bytes ESP can add to a packet (for the L2TP daemon's MTU math).
 *
 * @param child_sa	installed CHILD_SA
 * @param msg		message whose spi_in, spi_out, enc, integ and overhead are set
 */
void l2tp_security_facts_fill(child_sa_t *child_sa, struct cs_msg *msg);

/**
 * Describe negotiated algorithms the way IOS "show crypto engine connections" does,
 * e.g. "HMAC_SHA+DES_56_CB".
 *
 * @param proposal	selected IKE or ESP proposal (NULL: none yet)
 * @param buf		receives the description
 * @param len		size of buf
 */
void l2tp_security_facts_ios_algorithm(proposal_t *proposal, char *buf, size_t len);

#endif /** L2TP_SECURITY_FACTS_H_ @}*/
