/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The xl2tpd guard's world without xl2tpd or charon: the layers below it (crypto socket
 * transport, LAC dial, xl2tpd's tunnels, the kernel's socket policies) replaced by recorders,
 * and helpers that drive the guard through crypto socket events. test_guard asserts on what was
 * recorded; bench/packet_check times the packet check in the same world.
 */
#ifndef L2TPSEC_GUARD_WORLD_H
#define L2TPSEC_GUARD_WORLD_H

#include <netinet/in.h>
#include <stdint.h>

#include "cs_proto.h"
#include "l2tpsec_cs.h"

/* what the guard did to the layers below it */
struct guard_world_rec {
	const struct l2tpsec_cs_events *events;
	struct cs_msg sent[8];
	int nsent, drops, logs, dial_connected, dial_lost, dial_failed, dial_forgot, dial_requests;
	int secured_answer;	/* what l2tpsec_dial_secured() returns */
	int send_fails;		/* l2tpsec_cs_send() finds charon gone */
	int downs;
	struct cs_endpoint down_remote;
	int down_all;
	uint32_t down_sa;	/* the SA whose tunnels went down */
	int quiet;		/* l2tp_log() records nothing (benchmarks) */
	char last_log[512];
};
extern struct guard_world_rec rec;

/* the world's xl2tpd: a tunnel is its id, peer, section settings and what l2tpsec bound */
struct tunnel {
	int id;
	struct cs_endpoint peer;
	int protected, keep_sa, shares;
	uint32_t sa_id;
	int socket_bound, close_soon;
	int own_fd;		/* its own socket (xl2tpd's udp_fd): 0 none */
	int lns;		/* made by an SCCRQ it received */
	int superseded, downs;	/* its peer started over; taken down locally */
	int peer_tid;		/* the peer's Assigned Tunnel ID (0: not read yet) */
	int socket_failed;
	struct cs_endpoint own_local;	/* ...bound to this address */
};
struct lac {
	int protected;
};
extern int lns_protected;	/* does the [lns] an SCCRQ would reach need IPsec? */
extern const char *sccrq_profile;	/* ...which crypto profile does it name ("prof") */
extern const char *sccrq_terminate_from;	/* ...which host name does it terminate (NULL) */
extern const char *secured_profile;	/* the profile secured() reports SAs cloned from */

/* the kernel's socket policies, recorded */
struct guard_world_policy {
	int calls, fail;
	int sockets, socket_errno, connect_errno;	/* own sockets made; make/connect fail */
	int fd[4], dir[4];
	uint32_t reqid[4], spi[4];
};
extern struct guard_world_policy policy;

/* the tunnels xl2tpd's list holds (for the walks over it), up to 8 */
extern struct tunnel *world_tunnels[8];

struct sockaddr_in sin_of(const char *addr, int port);
struct in_pktinfo to_of(const char *addr);	/* NULL: destination unknown */
/*
 * charon reports SA id (reqid id + 100, outbound SPI id + 1000, profile secured_profile)
 * local:1701 <-> remote:port SECURED / SECURED again after a rekey to outbound SPI spi_out /
 * CLOSED
 */
void secured(uint32_t id, const char *local, const char *remote, int port);
void rekeyed(uint32_t id, const char *local, const char *remote, int port, uint32_t spi_out);
void closed(uint32_t id);

#endif
