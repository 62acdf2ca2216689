/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_reporter.h"
#include "cs_text.h"
#include "l2tp_security_show.h"

#include "cs_build.h"

#include <daemon.h>
#include <threading/mutex.h>

typedef struct private_l2tp_security_reporter_t private_l2tp_security_reporter_t;

/**
 * Private data of an l2tp_security_reporter_t object.
 */
struct private_l2tp_security_reporter_t {

	/**
	 * Public interface.
	 */
	l2tp_security_reporter_t public;

	/**
	 * Where messages go, NULL when nowhere
	 */
	l2tp_security_socket_t *socket;

	/**
	 * Guards socket against its removal while a message is queued
	 */
	mutex_t *mutex;

	/**
	 * Crypto socket debugging on (read without the mutex: a flag)
	 */
	bool debug;
};

/*
 * Described in header
 */
host_t *l2tp_security_endpoint_to_host(struct cs_endpoint *ep)
{
	if (ep->family == 4)
	{
		return host_create_from_chunk(AF_INET, chunk_create(ep->addr, 4), ep->port);
	}
	if (ep->family == 6)
	{
		return host_create_from_chunk(AF_INET6, chunk_create(ep->addr, 16), ep->port);
	}
	return NULL;
}

/*
 * Described in header
 */
void l2tp_security_host_to_endpoint(host_t *host, struct cs_endpoint *ep)
{
	chunk_t addr = host->get_address(host);

	memset(ep, 0, sizeof(*ep));
	ep->family = host->get_family(host) == AF_INET ? 4 : 6;
	memcpy(ep->addr, addr.ptr, min(addr.len, sizeof(ep->addr)));
	ep->port = host->get_port(host);
}

METHOD(l2tp_security_reporter_t, set_socket, void,
	private_l2tp_security_reporter_t *this, l2tp_security_socket_t *socket)
{
	this->mutex->lock(this->mutex);
	this->socket = socket;
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_reporter_t, set_debug, void,
	private_l2tp_security_reporter_t *this, bool on)
{
	this->debug = on;
	DBG1(DBG_CFG, "l2tp-security: crypto socket debugging is %s", on ? "on" : "off");
}

METHOD(l2tp_security_reporter_t, get_debug, bool,
	private_l2tp_security_reporter_t *this)
{
	return this->debug;
}

/**
 * One message as a debug line (a SHOW_REPLY's text is not repeated)
 */
static void debug_msg(u_int client, const char *dir, struct cs_msg *msg)
{
	char line[512];

	cs_format_msg(msg, line, sizeof(line));
	DBG1(DBG_CFG, "CRYPTO_SS(L2X Security): client %u %s %s", client, dir, line);
}

METHOD(l2tp_security_reporter_t, received, void,
	private_l2tp_security_reporter_t *this, u_int client, struct cs_msg *msg)
{
	if (this->debug)
	{
		debug_msg(client, "->", msg);
	}
}

METHOD(l2tp_security_reporter_t, send_, void,
	private_l2tp_security_reporter_t *this, u_int client, struct cs_msg *msg)
{
	if (this->debug)
	{
		debug_msg(client, "<-", msg);
	}
	this->mutex->lock(this->mutex);
	if (this->socket)
	{
		this->socket->send(this->socket, client, msg);
	}
	this->mutex->unlock(this->mutex);
}

/**
 * Build a message on the heap (a cs_msg is 4 KB) with a constructor, send and free it
 */
#define SEND_BUILT(this, client, build, ...) ({ \
	struct cs_msg *_msg = malloc(sizeof(*_msg)); \
	build(_msg, __VA_ARGS__); \
	send_(this, client, _msg); \
	free(_msg); })

METHOD(l2tp_security_reporter_t, ok, void,
	private_l2tp_security_reporter_t *this, u_int client, uint32_t id)
{
	SEND_BUILT(this, client, cs_build_ok, id);
}

METHOD(l2tp_security_reporter_t, error, void,
	private_l2tp_security_reporter_t *this, u_int client, uint32_t id, char *why)
{
	DBG1(DBG_CFG, "l2tp-security: request %u from client %u refused: %s", id, client, why);
	SEND_BUILT(this, client, cs_build_error, id, why);
}

/**
 * Send a clone's SECURED with its SA's facts
 */
static void send_secured(private_l2tp_security_reporter_t *this, l2tp_security_clone_t *clone)
{
	struct cs_endpoint local, remote;
	struct cs_msg *msg;

	l2tp_security_host_to_endpoint(clone->local, &local);
	l2tp_security_host_to_endpoint(clone->remote, &remote);
	msg = malloc(sizeof(*msg));
	cs_build_secured(msg, clone->id, clone->profile->get_name(clone->profile), &local, &remote);
	l2tp_security_facts_to_msg(&clone->facts, msg);
	send_(this, clone->client, msg);
	free(msg);
}

METHOD(l2tp_security_reporter_t, secured, void,
	private_l2tp_security_reporter_t *this, l2tp_security_clone_t *clone)
{
	l2tp_security_show_log_secured(clone);
	send_secured(this, clone);
}

METHOD(l2tp_security_reporter_t, rekeyed, void,
	private_l2tp_security_reporter_t *this, l2tp_security_clone_t *clone)
{
	send_secured(this, clone);
}

METHOD(l2tp_security_reporter_t, closed, void,
	private_l2tp_security_reporter_t *this, l2tp_security_clone_t *clone, uint8_t reason)
{
	l2tp_security_show_log_closed(clone, reason);
	SEND_BUILT(this, clone->client, cs_build_closed, clone->id, reason);
}

METHOD(l2tp_security_reporter_t, destroy, void,
	private_l2tp_security_reporter_t *this)
{
	this->mutex->destroy(this->mutex);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_reporter_t *l2tp_security_reporter_create()
{
	private_l2tp_security_reporter_t *this;

	INIT(this,
		.public = {
			.set_socket = _set_socket,
			.set_debug = _set_debug,
			.get_debug = _get_debug,
			.received = _received,
			.send = _send_,
			.ok = _ok,
			.error = _error,
			.secured = _secured,
			.rekeyed = _rekeyed,
			.closed = _closed,
			.destroy = _destroy,
		},
		.mutex = mutex_create(MUTEX_TYPE_DEFAULT),
	);
	return &this->public;
}
