/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Crypto socket messages, built: one constructor per message type, so no sender fills fields
 * and the "present" bits by hand, and the endpoint conversions every sender needs. Each
 * constructor clears the whole message first. Strings longer than their field are cut.
 */
#ifndef L2TPSEC_CS_BUILD_H
#define L2TPSEC_CS_BUILD_H

#include <netinet/in.h>

#include "cs_proto.h"

/* keep_sa argument of cs_build_open/cs_build_close when the request leaves it to the profile */
#define CS_KEEP_SA_UNSET (-1)

/* requests */
/* plaintext: the endpoint also serves L2TP without IPsec (no block policies for it) */
void cs_build_listen(struct cs_msg *m, const char *profile, const struct cs_endpoint *local,
		     int plaintext);
void cs_build_open(struct cs_msg *m, uint32_t id, const char *profile,
		   const struct cs_endpoint *local, const struct cs_endpoint *remote, int keep_sa);
void cs_build_close(struct cs_msg *m, uint32_t id, int keep_sa);
void cs_build_query(struct cs_msg *m, const struct cs_endpoint *local,
		    const struct cs_endpoint *remote);
void cs_build_show(struct cs_msg *m, const char *selector);

/* replies and events */
void cs_build_ok(struct cs_msg *m, uint32_t id);
void cs_build_error(struct cs_msg *m, uint32_t id, const char *error);
/* profile: the crypto profile whose clone the SA is (the L2TP daemon serves its groups only) */
void cs_build_secured(struct cs_msg *m, uint32_t id, const char *profile,
		      const struct cs_endpoint *local, const struct cs_endpoint *remote);
void cs_build_closed(struct cs_msg *m, uint32_t id, uint8_t reason);
/* not secured: id 0 leaves the id out */
void cs_build_status(struct cs_msg *m, const struct cs_endpoint *local,
		     const struct cs_endpoint *remote, int secured, uint32_t id);
/* the first len bytes of text (at most sizeof(m->text) - 1) */
void cs_build_show_reply(struct cs_msg *m, const char *text, size_t len);

/* the SA facts a SECURED or STATUS carries (reqid: the kernel's, 0 when unknown) */
void cs_build_facts(struct cs_msg *m, uint32_t spi_in, uint32_t spi_out, const char *enc,
		    const char *integ, uint16_t overhead, uint32_t reqid);

/* endpoints */
void cs_endpoint_v4(struct cs_endpoint *ep, struct in_addr addr, uint16_t port);
void cs_endpoint_from_sin(struct cs_endpoint *ep, const struct sockaddr_in *sin);
/* same family, address and port */
int cs_endpoint_equal(const struct cs_endpoint *a, const struct cs_endpoint *b);

/*
 * Cut text into SHOW_REPLY-sized parts, each ending at a line break where one fits: calls
 * part(data, start, len) for each in order. The receiver concatenates them.
 */
void cs_split_text(const char *text, void (*part)(void *data, const char *start, size_t len),
		   void *data);

#endif
