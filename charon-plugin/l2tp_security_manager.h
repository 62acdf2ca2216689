/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_manager l2tp_security_manager
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_MANAGER_H_
#define L2TP_SECURITY_MANAGER_H_

#include <bus/listeners/listener.h>
#include <collections/array.h>

#include "l2tp_security_config.h"
#include "l2tp_security_policies.h"
#include "l2tp_security_socket.h"

/** Client-visible ids of passive (LNS) clones start here; OPEN ids stay below */
#define L2TP_SECURITY_PASSIVE_ID 0x80000000u

typedef struct l2tp_security_manager_t l2tp_security_manager_t;

/**
 * A clone as listed by "show crypto map"
 */
typedef struct {
	/** Profile it was cloned from (reference) */
	l2tp_security_profile_t *profile;
	/** Crypto map sequence number of the clone */
	uint32_t seq;
	/** Client-visible id, and whether it came from a LISTEN */
	uint32_t id;
	bool passive;
	/** Whether its CHILD_SA is up */
	bool secured;
	/** L2TP endpoints (address and UDP port) */
	host_t *local;
	host_t *remote;
} l2tp_security_clone_info_t;

/**
 * Clones one crypto profile per L2TP tunnel and ties each clone's CHILD_SA to the tunnel:
 * serves the crypto socket's requests (LISTEN, OPEN, CLOSE, QUERY, SHOW) and turns bus
 * events into SECURED and CLOSED.
 */
struct l2tp_security_manager_t {

	/**
	 * Implements listener_t: CHILD_SA up/down/rekey, IKE_SA state, narrowing.
	 */
	listener_t listener;

	/**
	 * Serve the requests of the given socket (and send its events there).
	 *
	 * @param socket	crypto socket, NULL when it goes away
	 */
	void (*set_socket)(l2tp_security_manager_t *this, l2tp_security_socket_t *socket);

	/**
	 * Handle one request from a crypto socket client.
	 *
	 * @param client	client number
	 * @param msg		request
	 */
	void (*request)(l2tp_security_manager_t *this, u_int client, struct cs_msg *msg);

	/**
	 * A client went away: its opens are closed and its listens removed. Its block policies
	 * stay (fail closed: a crashed L2TP daemon's sessions may still send) until a client
	 * LISTENs or OPENs on the same endpoint, release_orphans() or destroy().
	 *
	 * @param client	client number
	 */
	void (*client_gone)(l2tp_security_manager_t *this, u_int client);

	/**
	 * Remove the block policies no client holds any more (settings reload).
	 */
	void (*release_orphans)(l2tp_security_manager_t *this);

	/**
	 * Snapshot of the current clones, in sequence order.
	 *
	 * @return			array of l2tp_security_clone_info_t*, free with
	 *					l2tp_security_clone_info_free()
	 */
	array_t* (*create_clone_snapshot)(l2tp_security_manager_t *this);

	/**
	 * charon is stopping: tell every client CLOSED and stop using the socket.
	 */
	void (*shutdown)(l2tp_security_manager_t *this);

	/**
	 * Destroy the manager, removing the block policies it holds.
	 */
	void (*destroy)(l2tp_security_manager_t *this);
};

/**
 * Free a snapshot from create_clone_snapshot().
 *
 * @param snapshot	array of l2tp_security_clone_info_t*
 */
void l2tp_security_clone_info_free(array_t *snapshot);

/**
 * Create the manager.
 *
 * @param config	plugin settings (profiles)
 * @param policies	kernel block policies
 * @return			manager
 */
l2tp_security_manager_t *l2tp_security_manager_create(l2tp_security_config_t *config,
											l2tp_security_policies_t *policies);

#endif /** L2TP_SECURITY_MANAGER_H_ @}*/
