/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_dispatcher l2tp_security_dispatcher
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_DISPATCHER_H_
#define L2TP_SECURITY_DISPATCHER_H_

#include "l2tp_security_cloner.h"
#include "l2tp_security_config.h"
#include "l2tp_security_listener.h"
#include "l2tp_security_policies.h"

typedef struct l2tp_security_dispatcher_t l2tp_security_dispatcher_t;

/**
 * Serves crypto socket requests: routes each to its handler (LISTEN, OPEN, CLOSE, QUERY,
 * SHOW) and answers through the reporter. The socket calls it from a job, one request of a
 * client at a time and in order; a client's departure comes after its last request.
 */
struct l2tp_security_dispatcher_t {

	/**
	 * Handle one request (l2tp_security_request_cb_t).
	 *
	 * @param client	client number
	 * @param msg		request, checked by the wire format
	 */
	void (*request)(l2tp_security_dispatcher_t *this, u_int client, struct cs_msg *msg);

	/**
	 * A client went away (l2tp_security_gone_cb_t): its clones are let go and torn down,
	 * its listens removed, its block policies released (they stay as orphans).
	 *
	 * @param client	client number
	 */
	void (*client_gone)(l2tp_security_dispatcher_t *this, u_int client);

	/**
	 * Destroy the dispatcher.
	 */
	void (*destroy)(l2tp_security_dispatcher_t *this);
};

/**
 * Create the dispatcher.
 *
 * @param config	plugin settings (profiles)
 * @param clones	the registry
 * @param cloner	makes and unmakes clones
 * @param listener	adopts the SAs a LISTEN finds already up
 * @param policies	block policies
 * @param reporter	answers
 * @return			dispatcher
 */
l2tp_security_dispatcher_t *l2tp_security_dispatcher_create(l2tp_security_config_t *config,
								l2tp_security_clones_t *clones, l2tp_security_cloner_t *cloner,
								l2tp_security_listener_t *listener,
								l2tp_security_policies_t *policies,
								l2tp_security_reporter_t *reporter);

#endif /** L2TP_SECURITY_DISPATCHER_H_ @}*/
