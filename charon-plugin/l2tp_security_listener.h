/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_listener l2tp_security_listener
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_LISTENER_H_
#define L2TP_SECURITY_LISTENER_H_

#include <bus/listeners/listener.h>

#include "l2tp_security_cloner.h"
#include "l2tp_security_steering.h"

typedef struct l2tp_security_listener_t l2tp_security_listener_t;

/**
 * Turns charon's bus events into clone state and SECURED/CLOSED: CHILD_SAs coming up (an
 * active open's, or a peer's for a passive open, which is cloned here, also when the SA came up
 * before the LISTEN), rekeyed and going,
 * IKE_SAs failing, rekeyed or dead (DPD), the responder's selectors narrowed to exactly the
 * tunnel, and charon stopping.
 */
struct l2tp_security_listener_t {

	/**
	 * Implements listener_t.
	 */
	listener_t listener;

	/**
	 * A LISTEN arrived: CHILD_SAs a peer brought up before it (the L2TP daemon started or
	 * restarted after charon) are cloned and reported SECURED now. Walks the IKE_SAs: call
	 * from a job, without the registry's lock.
	 */
	void (*adopt)(l2tp_security_listener_t *this);

	/**
	 * charon is stopping: tell every client CLOSED for its live clones.
	 */
	void (*shutdown)(l2tp_security_listener_t *this);

	/**
	 * Destroy the listener.
	 */
	void (*destroy)(l2tp_security_listener_t *this);
};

/**
 * Create the listener.
 *
 * @param clones	the registry
 * @param cloner	clones passive opens, tears down abandoned ones
 * @param reporter	tells clients
 * @param steering	steers each CHILD_SA's L2TP to its tunnel, or NULL
 * @return			listener
 */
l2tp_security_listener_t *l2tp_security_listener_create(l2tp_security_clones_t *clones,
								l2tp_security_cloner_t *cloner,
								l2tp_security_reporter_t *reporter,
								l2tp_security_steering_t *steering);

#endif /** L2TP_SECURITY_LISTENER_H_ @}*/
