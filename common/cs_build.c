/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memrchr */
#endif
#include "cs_build.h"

#include <stdio.h>
#include <string.h>

#define BIT(a) (1u << (a))

static void start(struct cs_msg *m, uint8_t type, uint32_t present)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
	m->present = present;
}

static void set_keep_sa(struct cs_msg *m, int keep_sa)
{
	if (keep_sa == CS_KEEP_SA_UNSET)
		return;
	m->keep_sa = keep_sa ? 1 : 0;
	m->present |= BIT(CS_A_KEEP_SA);
}

void cs_build_listen(struct cs_msg *m, const char *profile, const struct cs_endpoint *local,
		     int plaintext)
{
	start(m, CS_LISTEN, BIT(CS_A_PROFILE) | BIT(CS_A_LOCAL));
	snprintf(m->profile, sizeof(m->profile), "%s", profile);
	m->local = *local;
	if (plaintext) {
		m->plaintext = 1;
		m->present |= BIT(CS_A_PLAINTEXT);
	}
}

void cs_build_open(struct cs_msg *m, uint32_t id, const char *profile,
		   const struct cs_endpoint *local, const struct cs_endpoint *remote, int keep_sa)
{
	start(m, CS_OPEN, BIT(CS_A_ID) | BIT(CS_A_PROFILE) | BIT(CS_A_LOCAL) | BIT(CS_A_REMOTE));
	m->id = id;
	snprintf(m->profile, sizeof(m->profile), "%s", profile);
	m->local = *local;
	m->remote = *remote;
	set_keep_sa(m, keep_sa);
}

void cs_build_close(struct cs_msg *m, uint32_t id, int keep_sa)
{
	start(m, CS_CLOSE, BIT(CS_A_ID));
	m->id = id;
	set_keep_sa(m, keep_sa);
}

void cs_build_query(struct cs_msg *m, const struct cs_endpoint *local,
		    const struct cs_endpoint *remote)
{
	start(m, CS_QUERY, BIT(CS_A_LOCAL) | BIT(CS_A_REMOTE));
	m->local = *local;
	m->remote = *remote;
}

void cs_build_show(struct cs_msg *m, const char *selector)
{
	start(m, CS_SHOW, BIT(CS_A_TEXT));
	snprintf(m->text, sizeof(m->text), "%s", selector);
}

void cs_build_ok(struct cs_msg *m, uint32_t id)
{
	start(m, CS_OK, BIT(CS_A_ID));
	m->id = id;
}

void cs_build_error(struct cs_msg *m, uint32_t id, const char *error)
{
	start(m, CS_ERROR, BIT(CS_A_ID) | BIT(CS_A_ERROR));
	m->id = id;
	snprintf(m->error, sizeof(m->error), "%s", error);
}

void cs_build_secured(struct cs_msg *m, uint32_t id, const char *profile,
		      const struct cs_endpoint *local, const struct cs_endpoint *remote)
{
	start(m, CS_SECURED, BIT(CS_A_ID) | BIT(CS_A_PROFILE) | BIT(CS_A_LOCAL) | BIT(CS_A_REMOTE));
	m->id = id;
	snprintf(m->profile, sizeof(m->profile), "%s", profile);
	m->local = *local;
	m->remote = *remote;
}

void cs_build_closed(struct cs_msg *m, uint32_t id, uint8_t reason)
{
	start(m, CS_CLOSED, BIT(CS_A_ID) | BIT(CS_A_REASON));
	m->id = id;
	m->reason = reason;
}

void cs_build_status(struct cs_msg *m, const struct cs_endpoint *local,
		     const struct cs_endpoint *remote, int secured, uint32_t id)
{
	start(m, CS_STATUS, BIT(CS_A_LOCAL) | BIT(CS_A_REMOTE) | BIT(CS_A_SECURED));
	m->local = *local;
	m->remote = *remote;
	m->secured = secured ? 1 : 0;
	if (secured && id) {
		m->id = id;
		m->present |= BIT(CS_A_ID);
	}
}

void cs_build_show_reply(struct cs_msg *m, const char *text, size_t len)
{
	start(m, CS_SHOW_REPLY, BIT(CS_A_TEXT));
	if (len > sizeof(m->text) - 1)
		len = sizeof(m->text) - 1;
	memcpy(m->text, text, len);
	m->text[len] = '\0';
}

void cs_build_facts(struct cs_msg *m, uint32_t spi_in, uint32_t spi_out, const char *enc,
		    const char *integ, uint16_t overhead, uint32_t reqid)
{
	m->spi_in = spi_in;
	m->spi_out = spi_out;
	snprintf(m->enc, sizeof(m->enc), "%s", enc);
	snprintf(m->integ, sizeof(m->integ), "%s", integ);
	m->overhead = overhead;
	m->reqid = reqid;
	m->present |= BIT(CS_A_SPI_IN) | BIT(CS_A_SPI_OUT) | BIT(CS_A_ENC) | BIT(CS_A_OVERHEAD) |
		      BIT(CS_A_REQID);
	if (integ[0])
		m->present |= BIT(CS_A_INTEG);
}

void cs_endpoint_v4(struct cs_endpoint *ep, struct in_addr addr, uint16_t port)
{
	memset(ep, 0, sizeof(*ep));
	ep->family = 4;
	memcpy(ep->addr, &addr, 4);
	ep->port = port;
}

void cs_endpoint_from_sin(struct cs_endpoint *ep, const struct sockaddr_in *sin)
{
	cs_endpoint_v4(ep, sin->sin_addr, ntohs(sin->sin_port));
}

int cs_endpoint_equal(const struct cs_endpoint *a, const struct cs_endpoint *b)
{
	size_t len = a->family == 4 ? 4 : 16;

	return a->family == b->family && a->port == b->port && !memcmp(a->addr, b->addr, len);
}

void cs_split_text(const char *text, void (*part)(void *data, const char *start, size_t len),
		   void *data)
{
	const size_t max = sizeof(((struct cs_msg *)0)->text) - 1;
	const char *end;
	size_t len;

	for (; *text; text += len) {
		len = strlen(text);
		if (len > max) {
			len = max;
			end = memrchr(text, '\n', len);
			if (end)
				len = (size_t)(end - text) + 1;
		}
		part(data, text, len);
	}
}
