/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Crypto socket messages as text: endpoints ("10.0.0.12:1701", "[2001:db8::1]:1701") and one-line
 * renderings of messages for logs, the l2tpsec command and tests.
 */
#ifndef L2TPSEC_CS_TEXT_H
#define L2TPSEC_CS_TEXT_H

#include <stddef.h>

#include "cs_proto.h"

/* parse ADDR, ADDR:PORT, [ADDR6] or [ADDR6]:PORT (port 0 when absent); 0, or -1 if invalid */
int cs_parse_endpoint(const char *text, struct cs_endpoint *ep);

/* "ADDR:PORT" or "[ADDR6]:PORT" */
void cs_format_endpoint(const struct cs_endpoint *ep, char *buf, size_t len);

/*
 * A SHOW selector from words, space-separated ("--json" becomes "json"); 0, or -1 when it does
 * not fit in size bytes
 */
int cs_join_selector(char *buf, size_t size, char *const *words, int n);

/* one line, "TYPE name=value ...", every attribute present (SHOW text not included) */
void cs_format_msg(const struct cs_msg *m, char *buf, size_t len);

#endif
