/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * xl2tpd's connection to charon's crypto socket (IOS CRYPTO_SS), transport only: it connects
 * (retrying with backoff while charon is absent), sends requests and hands every reply and event
 * to its user's callbacks. It knows nothing of tunnels or SAs: the guard (l2tpsec_guard.c) does.
 */
#ifndef L2TPSEC_CS_H
#define L2TPSEC_CS_H

#include <stdint.h>
#include "l2tpsec_pollset.h"

#include "cs_proto.h"

struct l2tpsec_cs_events {
	/* (re)connected: the user sends what it needs to (LISTENs, held OPENs) */
	void (*connected)(void);
	/* a reply or event arrived */
	void (*event)(const struct cs_msg *m);
	/* the connection is gone (why); a reconnect in reconnect_s seconds is scheduled */
	void (*lost)(const char *why, unsigned reconnect_s);
};

/* connect now (and keep retrying); the socket path comes from [global]; events go to ev */
void l2tpsec_cs_start(const struct l2tpsec_cs_events *ev);

/* add the connection to the descriptors xl2tpd's main loop waits on */
void l2tpsec_cs_fdset(struct l2tpsec_pollset *readfds);

/* read and hand over whatever charon sent */
void l2tpsec_cs_poll(const struct l2tpsec_pollset *readfds);

int l2tpsec_cs_connected(void);

/* send a request; 0, or -1 (the connection was lost and is being retried) */
int l2tpsec_cs_send(const struct cs_msg *m);

/* give the connection up (it cannot be used safely) and retry */
void l2tpsec_cs_drop(const char *why);

/* a fresh active-open id (1 .. L2TPSEC_ACTIVE_ID_MAX) */
uint32_t l2tpsec_cs_next_id(void);

#endif
