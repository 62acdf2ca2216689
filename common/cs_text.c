/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "cs_text.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_port(const char *s, uint16_t *port)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || end == s || v > 65535 || s[0] == '-' || s[0] == '+')
		return -1;
	*port = (uint16_t)v;
	return 0;
}

int cs_parse_endpoint(const char *text, struct cs_endpoint *ep)
{
	char addr[INET6_ADDRSTRLEN + 1];
	const char *port = NULL, *colon;
	size_t len;

	memset(ep, 0, sizeof(*ep));
	if (text[0] == '[') {
		const char *close = strchr(text, ']');

		if (!close || (close[1] && close[1] != ':'))
			return -1;
		len = (size_t)(close - text - 1);
		if (close[1] == ':')
			port = close + 2;
		text++;
		ep->family = 6;
	} else {
		colon = strchr(text, ':');
		if (colon && strchr(colon + 1, ':')) {	/* bare IPv6 address */
			len = strlen(text);
			ep->family = 6;
		} else {
			len = colon ? (size_t)(colon - text) : strlen(text);
			port = colon ? colon + 1 : NULL;
			ep->family = 4;
		}
	}
	if (len == 0 || len >= sizeof(addr))
		return -1;
	memcpy(addr, text, len);
	addr[len] = '\0';
	if (inet_pton(ep->family == 4 ? AF_INET : AF_INET6, addr, ep->addr) != 1)
		return -1;
	return port ? parse_port(port, &ep->port) : 0;
}

void cs_format_endpoint(const struct cs_endpoint *ep, char *buf, size_t len)
{
	char addr[INET6_ADDRSTRLEN];

	if (ep->family == 6) {
		inet_ntop(AF_INET6, ep->addr, addr, sizeof(addr));
		snprintf(buf, len, "[%s]:%u", addr, ep->port);
	} else {
		inet_ntop(AF_INET, ep->addr, addr, sizeof(addr));
		snprintf(buf, len, "%s:%u", addr, ep->port);
	}
}

/* append to buf, never past len */
static void add(char *buf, size_t len, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *used, len - *used, fmt, ap);
	va_end(ap);
	if (n > 0)
		*used += (size_t)n < len - *used ? (size_t)n : len - *used - 1;
}

void cs_format_msg(const struct cs_msg *m, char *buf, size_t len)
{
	char ep[INET6_ADDRSTRLEN + 10];
	size_t used = 0;

	if (!len)
		return;
	buf[0] = '\0';
	add(buf, len, &used, "%s", cs_type_name(m->type));
	if (CS_HAS(m, CS_A_ID))
		add(buf, len, &used, " id=%u", m->id);
	if (CS_HAS(m, CS_A_PROFILE))
		add(buf, len, &used, " profile=%s", m->profile);
	if (CS_HAS(m, CS_A_LOCAL)) {
		cs_format_endpoint(&m->local, ep, sizeof(ep));
		add(buf, len, &used, " local=%s", ep);
	}
	if (CS_HAS(m, CS_A_REMOTE)) {
		cs_format_endpoint(&m->remote, ep, sizeof(ep));
		add(buf, len, &used, " remote=%s", ep);
	}
	if (CS_HAS(m, CS_A_SECURED))
		add(buf, len, &used, " secured=%u", m->secured);
	if (CS_HAS(m, CS_A_KEEP_SA))
		add(buf, len, &used, " keep_sa=%u", m->keep_sa);
	if (CS_HAS(m, CS_A_PLAINTEXT))
		add(buf, len, &used, " plaintext=%u", m->plaintext);
	if (CS_HAS(m, CS_A_SPI_IN))
		add(buf, len, &used, " spi_in=%08x", m->spi_in);
	if (CS_HAS(m, CS_A_SPI_OUT))
		add(buf, len, &used, " spi_out=%08x", m->spi_out);
	if (CS_HAS(m, CS_A_ENC))
		add(buf, len, &used, " enc=%s", m->enc);
	if (CS_HAS(m, CS_A_INTEG))
		add(buf, len, &used, " integ=%s", m->integ);
	if (CS_HAS(m, CS_A_OVERHEAD))
		add(buf, len, &used, " overhead=%u", m->overhead);
	if (CS_HAS(m, CS_A_REQID))
		add(buf, len, &used, " reqid=%u", m->reqid);
	if (CS_HAS(m, CS_A_REASON))
		add(buf, len, &used, " reason=%u (%s)", m->reason, cs_reason_name(m->reason));
	if (CS_HAS(m, CS_A_ERROR))
		add(buf, len, &used, " error=\"%s\"", m->error);
}

int cs_join_selector(char *buf, size_t size, char *const *words, int n)
{
	size_t len = 0;

	if (!size)
		return -1;
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		const char *word = strcmp(words[i], "--json") ? words[i] : "json";
		int r = snprintf(buf + len, size - len, "%s%s", len ? " " : "", word);

		if (r < 0 || (size_t)r >= size - len)
			return -1;
		len += (size_t)r;
	}
	return 0;
}
