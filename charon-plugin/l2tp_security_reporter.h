/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_reporter l2tp_security_reporter
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_REPORTER_H_
#define L2TP_SECURITY_REPORTER_H_

#include "l2tp_security_clones.h"
#include "l2tp_security_socket.h"

typedef struct l2tp_security_reporter_t l2tp_security_reporter_t;

/**
 * What crypto socket clients hear: replies to their requests and the SECURED and CLOSED events
 * of their clones, built with the common message constructors and logged the way IOS logs
 * CRYPTO_SS events. Never blocks: the socket queues.
 */
struct l2tp_security_reporter_t {

	/**
	 * Send to this socket from now on (NULL: nowhere, charon is stopping).
	 *
	 * @param socket	crypto socket
	 */
	void (*set_socket)(l2tp_security_reporter_t *this, l2tp_security_socket_t *socket);

	/**
	 * IOS "debug crypto socket": log every message to and from crypto socket clients (DBG1)
	 * from now on, or stop.
	 *
	 * @param on		TRUE to log them
	 */
	void (*set_debug)(l2tp_security_reporter_t *this, bool on);

	/**
	 * Is crypto socket debugging on?
	 *
	 * @return			TRUE when messages are logged
	 */
	bool (*get_debug)(l2tp_security_reporter_t *this);

	/**
	 * Log a request a client sent, when crypto socket debugging is on.
	 *
	 * @param client	client number
	 * @param msg		the request
	 */
	void (*received)(l2tp_security_reporter_t *this, u_int client, struct cs_msg *msg);

	/**
	 * Send a message as it is.
	 *
	 * @param client	client number
	 * @param msg		message
	 */
	void (*send)(l2tp_security_reporter_t *this, u_int client, struct cs_msg *msg);

	/**
	 * Answer a request: done.
	 *
	 * @param client	client number
	 * @param id		request id (0 for LISTEN and SHOW)
	 */
	void (*ok)(l2tp_security_reporter_t *this, u_int client, uint32_t id);

	/**
	 * Answer a request: refused, and why (logged).
	 *
	 * @param client	client number
	 * @param id		request id
	 * @param why		reason the client sees
	 */
	void (*error)(l2tp_security_reporter_t *this, u_int client, uint32_t id, char *why);

	/**
	 * Tell a clone's client its SA is up.
	 *
	 * @param clone		clone with its SA facts read
	 */
	void (*secured)(l2tp_security_reporter_t *this, l2tp_security_clone_t *clone);

	/**
	 * Tell a clone's client its SA was rekeyed: SECURED again, same id, the new SA's facts
	 * (the client's tunnel sockets name the outbound SA).
	 *
	 * @param clone		clone
	 */
	void (*rekeyed)(l2tp_security_reporter_t *this, l2tp_security_clone_t *clone);

	/**
	 * Tell a clone's client its SA is gone or will not come.
	 *
	 * @param clone		clone
	 * @param reason	CS_REASON_*
	 */
	void (*closed)(l2tp_security_reporter_t *this, l2tp_security_clone_t *clone,
				   uint8_t reason);

	/**
	 * Destroy the reporter.
	 */
	void (*destroy)(l2tp_security_reporter_t *this);
};

/**
 * Wire endpoint to host.
 *
 * @param ep		endpoint (family 4 or 6)
 * @return			host, NULL if the family is neither
 */
host_t *l2tp_security_endpoint_to_host(struct cs_endpoint *ep);

/**
 * Host to wire endpoint.
 *
 * @param host		host with port
 * @param ep		receives the endpoint
 */
void l2tp_security_host_to_endpoint(host_t *host, struct cs_endpoint *ep);

/**
 * Create a reporter without a socket.
 *
 * @return			reporter
 */
l2tp_security_reporter_t *l2tp_security_reporter_create();

#endif /** L2TP_SECURITY_REPORTER_H_ @}*/
