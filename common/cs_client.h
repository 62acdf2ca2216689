/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * A crypto socket connection for the L2TP daemon and the l2tpsec command: framed messages over a
 * UNIX stream socket, reassembled from whatever chunks the kernel delivers. Non-blocking
 * underneath; every wait has a timeout, so a stuck peer never stalls the caller for long.
 */
#ifndef L2TPSEC_CS_CLIENT_H
#define L2TPSEC_CS_CLIENT_H

#include "cs_proto.h"

struct cs_conn {
	int fd;
	size_t inlen;
	uint8_t in[CS_MAX_FRAME];	/* bytes received, not yet a whole frame */
};

/*
 * connect to the socket at path; 0, or -1 with errno set (EACCES: the process serving it is
 * neither root nor this process's user)
 */
int cs_connect(struct cs_conn *c, const char *path);

/* use an already connected stream socket (made non-blocking here) */
void cs_attach(struct cs_conn *c, int fd);

/* send one message within timeout_ms; 0, or -1 (errno set; EMSGSIZE/EINVAL: m is invalid) */
int cs_send(struct cs_conn *c, const struct cs_msg *m, int timeout_ms);

/*
 * Receive one message within timeout_ms (-1: wait forever, 0: only what is buffered or already
 * readable). Returns 1 with m filled, 0 on timeout, -1 when the connection is unusable: *why
 * says so ("closed by peer", a protocol violation, or a system error).
 */
int cs_receive(struct cs_conn *c, struct cs_msg *m, int timeout_ms, const char **why);

void cs_close(struct cs_conn *c);

#endif
