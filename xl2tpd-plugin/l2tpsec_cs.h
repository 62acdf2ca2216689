/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * xl2tpd's connection to charon's crypto socket (IOS CRYPTO_SS). Started only when a section
 * names a crypto profile. It LISTENs for every such [lns] section, carries the LAC's OPENs and
 * CLOSEs, and turns SECURED/CLOSED events into the SA cache that every received packet is
 * checked against. If charon is absent or goes away, L2TP for protected sections stops (the
 * cache is emptied, their tunnels go down locally) and the connection is retried with backoff.
 */
#ifndef L2TPSEC_CS_H
#define L2TPSEC_CS_H

#include <stdint.h>
#include <sys/select.h>

#include "cs_proto.h"
#include "l2tpsec_sacache.h"

/* connect now (and keep retrying); the socket path comes from [global] */
void l2tpsec_cs_start(void);

/* add the connection to xl2tpd's select set; returns the new highest fd */
int l2tpsec_cs_fdset(fd_set *readfds, int max);

/* read and act on whatever charon sent */
void l2tpsec_cs_poll(const fd_set *readfds);

int l2tpsec_cs_connected(void);

/* send a request; 0, or -1 (the connection was lost and is being retried) */
int l2tpsec_cs_send(const struct cs_msg *m);

/* a fresh active-open id (1 .. 2^31-1) */
uint32_t l2tpsec_cs_next_id(void);

/* the SAs charon reported SECURED (never NULL once started) */
struct l2tpsec_sacache *l2tpsec_cs_sas(void);

#endif
