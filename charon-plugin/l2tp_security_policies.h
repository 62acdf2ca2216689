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
 * The kernel layer of "no L2TP without IPsec", and every fail-closed rule of it: low-priority
 * XFRM block policies for UDP to and from a protected local L2TP endpoint, beneath the
 * per-tunnel transport policies. Plaintext L2TP can then neither enter nor leave, even between
 * an SA's end and the tunnel's.
 *
 * An endpoint's policies are held by owners (crypto socket clients). When its last owner goes
 * they stay, as an orphan: a crashed L2TP daemon leaves pppd sessions whose kernel L2TP
 * sessions still send. The next owner to hold the endpoint takes the orphan over; only
 * release_orphans() (a settings reload) or destroy() (charon stopping) removes it.
 */
struct l2tp_security_policies_t {

	/**
	 * An owner needs plaintext UDP to and from a local endpoint blocked (once per owner and
	 * endpoint; an orphan is taken over).
	 *
	 * @param owner		owner (client number)
	 * @param local		local address (%any: every local address of its family) and port
	 * @return			FALSE if the kernel refused the policies (logged)
	 */
	bool (*hold)(l2tp_security_policies_t *this, u_int owner, host_t *local);

	/**
	 * An owner went away: endpoints nobody else holds become orphans (still blocked).
	 *
	 * @param owner		owner (client number)
	 */
	void (*release_owner)(l2tp_security_policies_t *this, u_int owner);

	/**
	 * Remove the block policies of every orphan.
	 */
	void (*release_orphans)(l2tp_security_policies_t *this);

	/**
	 * Let IPsec-protected UDP from a remote endpoint reach a local one through the block
	 * policies (an inbound policy above them requiring ESP transport, any SA): for a tunnel
	 * seen at a port that no CHILD_SA's selectors name (the steering gives clients behind one
	 * NAT address ports of their own).
	 *
	 * @param local		local address and port
	 * @param remote	remote address and port
	 * @return			FALSE if the kernel refused the policy (logged)
	 */
	bool (*allow)(l2tp_security_policies_t *this, host_t *local, host_t *remote);

	/**
	 * Remove what allow() installed.
	 *
	 * @param local		local address and port
	 * @param remote	remote address and port
	 */
	void (*disallow)(l2tp_security_policies_t *this, host_t *local, host_t *remote);

	/**
	 * Number of blocked endpoints, orphans included.
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
