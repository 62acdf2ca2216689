/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_steering l2tp_security_steering
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_STEERING_H_
#define L2TP_SECURITY_STEERING_H_

#include "l2tp_security_nft.h"
#include "l2tp_security_policies.h"

#include <networking/host.h>

typedef struct l2tp_security_steering_t l2tp_security_steering_t;

/** nftables table the steering owns (family inet) */
#define L2TP_SECURITY_STEERING_TABLE "l2tpsec"

/** First port given to a client whose L2TP endpoint another client behind its NAT uses */
#define L2TP_SECURITY_STEERING_FIRST_PORT 40001

/**
 * Each CHILD_SA's L2TP reaches its own tunnel, also for clients behind one NAT address that all
 * use UDP 1701: their SAs' decapsulated packets look alike (NAT:1701 -> us:1701), so the kernel
 * could hand any of them to any of their tunnels' sockets. An nftables table keyed by the
 * inbound SPI (which SA decapsulated the packet, nothing the client can choose) passes each
 * packet only from the client's own UDP source port, rewritten to a port of its own when
 * another client behind the same address has that one. The L2TP daemon sees distinct peers
 * (NAT:1701, NAT:40001, ...); the replies' destination ports are mapped back. L2TP over an SA
 * the steering does not know is dropped.
 *
 * A tunnel is a client's IKE address and port (which tell clients behind one NAT apart) and its
 * L2TP endpoints; its SPIs come and go with rekeys, its rules with its last SPI. SPIs are
 * steered from the narrowing hook, before their SAs are installed: no packet arrives unsteered.
 */
struct l2tp_security_steering_t {

	/**
	 * Steer a CHILD_SA's L2TP to its tunnel (again for an SPI already steered).
	 *
	 * @param spi		inbound SPI (network order)
	 * @param peer		client's IKE address and port
	 * @param local		our L2TP address and port
	 * @param remote	client's L2TP address and port (from the CHILD_SA's selectors)
	 * @param create	FALSE: only to a tunnel already steered (a rekey)
	 * @return			the client's endpoint as the L2TP daemon sees it (new host), NULL if
	 *					the rules could not be installed (logged) or, without create, there
	 *					is no such tunnel
	 */
	host_t *(*add)(l2tp_security_steering_t *this, uint32_t spi, host_t *peer, host_t *local,
				   host_t *remote, bool create);

	/**
	 * The client's endpoint as the L2TP daemon sees it, for a steered SPI.
	 *
	 * @param spi		inbound SPI (network order)
	 * @return			new host, NULL if the SPI is not steered
	 */
	host_t *(*get_seen)(l2tp_security_steering_t *this, uint32_t spi);

	/**
	 * A client's IKE endpoint changed (its NAT gave it a new mapping): its tunnels stay its own,
	 * the SPIs of its next rekeys are steered to them.
	 *
	 * @param from		the client's old IKE address and port
	 * @param to		its new ones
	 * @return			number of tunnels that follow it
	 */
	u_int (*move)(l2tp_security_steering_t *this, host_t *from, host_t *to);

	/**
	 * A CHILD_SA is gone: stop steering its SPI (unknown SPIs are ignored).
	 *
	 * @param spi		inbound SPI (network order)
	 */
	void (*remove)(l2tp_security_steering_t *this, uint32_t spi);

	/**
	 * Number of tunnels steered, and how many of them have a port of their own.
	 *
	 * @param own		set to the number with a port of their own, if not NULL
	 * @return			tunnels steered
	 */
	u_int (*get_count)(l2tp_security_steering_t *this, u_int *own);

	/**
	 * Remove the table and destroy the object.
	 */
	void (*destroy)(l2tp_security_steering_t *this);
};

/**
 * Create the steering: (re)creates its nftables table, empty.
 *
 * @param nft		nftables runner (owned from now on)
 * @param policies	where a tunnel with a port of its own gets its inbound XFRM policy (the
 *					block policies would drop its first packets otherwise); NULL: none
 * @return			steering, NULL if the table cannot be made (nft destroyed, logged)
 */
l2tp_security_steering_t *l2tp_security_steering_create(l2tp_security_nft_t *nft,
											l2tp_security_policies_t *policies);

#endif /** L2TP_SECURITY_STEERING_H_ @}*/
