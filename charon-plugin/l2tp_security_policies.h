/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_policies l2tp_security_policies
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_POLICIES_H_
#define L2TP_SECURITY_POLICIES_H_

#include <library.h>
#include <networking/host.h>

typedef struct l2tp_security_policies_t l2tp_security_policies_t;

/**
 * The kernel layer of "no L2TP without IPsec": low-priority XFRM block policies for UDP to and
 * from a protected local L2TP endpoint, beneath the per-tunnel transport policies. Plaintext
 * L2TP can then neither enter nor leave, even between an SA's end and the tunnel's.
 * Reference-counted per local endpoint.
 */
struct l2tp_security_policies_t {

	/**
	 * Block plaintext UDP to and from a local endpoint (one more user).
	 *
	 * @param local		local address (%any: every local address of its family)
	 * @param port		local UDP port
	 * @return			FALSE if the kernel refused the policies (logged)
	 */
	bool (*block)(l2tp_security_policies_t *this, host_t *local, uint16_t port);

	/**
	 * One user fewer; the last one removes the endpoint's block policies.
	 *
	 * @param local		local address
	 * @param port		local UDP port
	 */
	void (*unblock)(l2tp_security_policies_t *this, host_t *local, uint16_t port);

	/**
	 * Number of blocked endpoints.
	 *
	 * @return			endpoints with block policies installed
	 */
	u_int (*get_count)(l2tp_security_policies_t *this);

	/**
	 * Remove every block policy and destroy the object.
	 */
	void (*destroy)(l2tp_security_policies_t *this);
};

/**
 * Create the (empty) set of block policies.
 *
 * @return			policies object
 */
l2tp_security_policies_t *l2tp_security_policies_create();

#endif /** L2TP_SECURITY_POLICIES_H_ @}*/
