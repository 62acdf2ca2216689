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
 * What SECURED and STATUS tell about a CHILD_SA
 */
typedef struct {
	/** SPIs, host order */
	uint32_t spi_in, spi_out;
	/** algorithm names; integ empty for AEADs */
	char enc[sizeof(((struct cs_msg*)0)->enc)];
	char integ[sizeof(((struct cs_msg*)0)->integ)];
	/** the most bytes ESP can add to a packet (for the L2TP daemon's MTU math) */
	uint16_t overhead;
	/** the kernel reqid: the L2TP daemon binds its tunnel sockets' XFRM policies to it */
	uint32_t reqid;
} l2tp_security_facts_t;

/**
 * Read the facts of an installed CHILD_SA.
 *
 * @param child_sa	installed CHILD_SA
 * @param facts		receives SPIs, algorithm names, ESP overhead and reqid
 */
void l2tp_security_facts_read(child_sa_t *child_sa, l2tp_security_facts_t *facts);

/**
 * Put facts into a SECURED or STATUS message (and mark them present).
 *
 * @param facts		facts of a CHILD_SA
 * @param msg		message whose spi_in, spi_out, enc, integ, overhead and reqid are set
 */
void l2tp_security_facts_to_msg(l2tp_security_facts_t *facts, struct cs_msg *msg);

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
