/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_cloner l2tp_security_cloner
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_CLONER_H_
#define L2TP_SECURITY_CLONER_H_

#include "l2tp_security_clones.h"
#include "l2tp_security_reporter.h"

typedef struct l2tp_security_cloner_t l2tp_security_cloner_t;

/**
 * Makes and unmakes clones: clones a profile's swanctl connection per peer (cached, so later
 * tunnels to the peer find the kept IKE_SA) and a transport-mode child config per tunnel,
 * numbers clones per crypto map, initiates active opens (with their timeout) and deletes a
 * clone's CHILD_SA, or its IKE_SA without keep-sa. Call with the registry locked.
 */
struct l2tp_security_cloner_t {

	/**
	 * Prepare an active open (OPEN): clone the IKE side of its profile for its peer.
	 *
	 * @param clone		new clone, not registered
	 * @return			FALSE if the profile's swanctl connection is not loaded
	 */
	bool (*prepare)(l2tp_security_cloner_t *this, l2tp_security_clone_t *clone);

	/**
	 * Number a prepared active open, give it its child config, register it and initiate it;
	 * it counts as failed (CLOSED) if not SECURED within the open timeout.
	 *
	 * @param clone		prepared clone (taken over by the registry)
	 */
	void (*start)(l2tp_security_cloner_t *this, l2tp_security_clone_t *clone);

	/**
	 * Register a passive clone of a listen for a CHILD_SA the peer negotiated.
	 *
	 * @param listen	the passive open
	 * @param local		local endpoint (cloned)
	 * @param remote	remote endpoint (cloned)
	 * @return			registered clone (NEGOTIATING until the caller sets its SA)
	 */
	l2tp_security_clone_t* (*clone_passive)(l2tp_security_cloner_t *this,
											l2tp_security_listen_t *listen, host_t *local,
											host_t *remote);

	/**
	 * Delete the SA of a released clone: the CHILD_SA, and its IKE_SA unless keep-sa or
	 * another tunnel rides it. Nothing if it has no SA up (torn down when it comes up).
	 *
	 * @param clone		released clone (ABANDONED or CLOSING)
	 */
	void (*teardown)(l2tp_security_cloner_t *this, l2tp_security_clone_t *clone);

	/**
	 * Destroy the cloner and its peer cache.
	 */
	void (*destroy)(l2tp_security_cloner_t *this);
};

/**
 * Create the cloner.
 *
 * @param clones		the registry
 * @param reporter		tells clients about failed opens
 * @param open_timeout	seconds an OPEN may take
 * @return				cloner
 */
l2tp_security_cloner_t *l2tp_security_cloner_create(l2tp_security_clones_t *clones,
								l2tp_security_reporter_t *reporter, u_int open_timeout);

#endif /** L2TP_SECURITY_CLONER_H_ @}*/
