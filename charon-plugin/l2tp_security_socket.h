/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_socket l2tp_security_socket
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_SOCKET_H_
#define L2TP_SECURITY_SOCKET_H_

#include <library.h>

#include "cs_proto.h"

/** Bytes queued for one client before it counts as dead (it stopped reading) */
#define L2TP_SECURITY_SOCKET_MAX_QUEUE (1024 * 1024)

/** Requests queued for one client before it counts as misbehaving (it does not wait) */
#define L2TP_SECURITY_SOCKET_MAX_REQUESTS 4096

typedef struct l2tp_security_socket_t l2tp_security_socket_t;

/**
 * A request from a client, decoded and checked by the wire format. Called from a job, one
 * request of a client at a time, in the order the client sent them.
 *
 * @param data		user data
 * @param client	client number (never reused while charon runs)
 * @param msg		the request
 */
typedef void (*l2tp_security_request_cb_t)(void *data, u_int client, struct cs_msg *msg);

/**
 * A client went away (closed, broke the protocol or stopped reading); called after its last
 * request was handled.
 *
 * @param data		user data
 * @param client	client number
 */
typedef void (*l2tp_security_gone_cb_t)(void *data, u_int client);

/**
 * The crypto socket (IOS CRYPTO_SS): a root-only UNIX stream socket for the L2TP daemon and
 * the l2tpsec command. Reads and writes never block a charon thread: input is read as it
 * arrives, output is queued per client and flushed when the socket is writable.
 */
struct l2tp_security_socket_t {

	/**
	 * Queue a message to a client.
	 *
	 * @param client	client number
	 * @param msg		message to encode and send
	 * @return			FALSE if the client is gone or the message could not be encoded
	 */
	bool (*send)(l2tp_security_socket_t *this, u_int client, struct cs_msg *msg);

	/**
	 * Queue a message to every client.
	 *
	 * @param msg		message to encode and send
	 */
	void (*broadcast)(l2tp_security_socket_t *this, struct cs_msg *msg);

	/**
	 * Destroy the socket, disconnecting every client (no gone callbacks are raised).
	 */
	void (*destroy)(l2tp_security_socket_t *this);
};

/**
 * Create the socket and start accepting clients.
 *
 * @param path		socket path; its directory is created (0750) if missing
 * @param request	called for each request, from a job
 * @param gone		called once when a client goes away
 * @param data		user data for both callbacks
 * @return			socket, NULL if it cannot be served (logged)
 */
l2tp_security_socket_t *l2tp_security_socket_create(char *path,
						l2tp_security_request_cb_t request, l2tp_security_gone_cb_t gone,
						void *data);

#endif /** L2TP_SECURITY_SOCKET_H_ @}*/
