/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include "l2tp.h"	/* xl2tpd: struct lac, laclist, gconfig, magic_lac_dial, l2tp_log */
#include "cs_build.h"
#include "cs_text.h"
#include "l2tpsec_config.h"
#include "l2tpsec_cs.h"
#include "l2tpsec_dial.h"
#include "l2tpsec_failover.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"

#define WAIT_SECURED_S 30	/* an IKE exchange with retransmits fits; then start over */
#define BACKOFF_MIN_S 2
#define BACKOFF_MAX_S 60

struct dial {
	struct lac *lac;	/* checked against laclist before use: "lac remove" frees it */
	uint32_t id;		/* the OPEN in flight, 0 when none */
	struct cs_endpoint remote;
	struct l2tpsec_backoff backoff;
	struct l2tpsec_timer timer;
	struct dial *next;
};

static struct dial *dials;

static void drop(struct dial *d)
{
	for (struct dial **p = &dials; *p; p = &(*p)->next) {
		if (*p == d) {
			*p = d->next;
			break;
		}
	}
	l2tpsec_timer_cancel(&d->timer);
	free(d);
}

static struct dial *by_id(uint32_t id)
{
	for (struct dial *d = dials; d; d = d->next)
		if (id && d->id == id)
			return d;
	return NULL;
}

/* the source address the kernel picks towards remote (listen-addr when one is set) */
static int local_address(const struct cs_endpoint *remote, struct cs_endpoint *local)
{
	struct sockaddr_in sin = { .sin_family = AF_INET }, me;
	struct in_addr listen_addr = { .s_addr = gconfig.listenaddr };
	socklen_t len = sizeof(me);
	int fd;

	cs_endpoint_v4(local, listen_addr, (uint16_t)gconfig.port);
	if (gconfig.listenaddr != htonl(INADDR_ANY))
		return 0;
	memcpy(&sin.sin_addr, remote->addr, 4);
	sin.sin_port = htons(remote->port);
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	/* connect() on UDP only asks the routing table; nothing is sent */
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) ||
	    getsockname(fd, (struct sockaddr *)&me, &len)) {
		close(fd);
		return -1;
	}
	close(fd);
	cs_endpoint_v4(local, me.sin_addr, (uint16_t)gconfig.port);
	return 0;
}

static void retry(void *arg);
static void wait_expired(void *arg);

static void backoff(struct dial *d, const char *why)
{
	char remote[64];

	cs_format_endpoint(&d->remote, remote, sizeof(remote));
	d->id = 0;
	/* another LNS of this [lac] is up: it is secured now, and the backoff stays as it was */
	if (l2tpsec_failover_ipsec_failed(d->lac, &d->remote, why)) {
		l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] IPsec to %s not established (%s): no "
			 "SCCRQ sent; trying the next LNS\n", d->lac->entname, remote, why);
		l2tpsec_timer_arm(&d->timer, l2tpsec_now_ms(), 0, retry, d);
		return;
	}
	l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] IPsec to %s not established (%s): no SCCRQ "
		 "sent; retrying in %u s\n", d->lac->entname, remote, why,
		 l2tpsec_backoff_peek(&d->backoff));
	l2tpsec_timer_arm(&d->timer, l2tpsec_now_ms(), l2tpsec_backoff_next(&d->backoff) * 1000ull,
			  retry, d);
}

static void send_open(struct dial *d)
{
	struct l2tpsec_settings s = l2tpsec_settings_for(d->lac, CONTEXT_LAC);
	char local[64], remote[64];
	struct cs_endpoint me;
	struct cs_msg m;

	if (!l2tpsec_cs_connected())
		return;		/* held until l2tpsec_dial_connected() */
	/* asked anew each time: the route to the LNS may have changed since the last attempt */
	if (local_address(&d->remote, &me)) {
		backoff(d, "no route to the LNS");
		return;
	}
	cs_build_open(&m, l2tpsec_cs_next_id(), s.profile, &me, &d->remote, s.keep_sa);
	cs_format_endpoint(&me, local, sizeof(local));
	cs_format_endpoint(&d->remote, remote, sizeof(remote));
	l2tp_log(LOG_INFO, "l2tpsec: [lac %s] requesting security for %s <-> %s (crypto profile "
		 "%s, id %u) before the first SCCRQ\n", d->lac->entname, local, remote, s.profile,
		 m.id);
	if (l2tpsec_cs_send(&m))
		return;		/* the connection is gone; the dial waits for the next one */
	d->id = m.id;
	l2tpsec_timer_arm(&d->timer, l2tpsec_now_ms(), WAIT_SECURED_S * 1000ull, wait_expired, d);
}

static int still_wanted(struct dial *d)
{
	return l2tpsec_lac_exists(d->lac) && d->lac->active && !d->lac->t;
}

static void retry(void *arg)
{
	struct dial *d = arg;

	if (!still_wanted(d)) {
		drop(d);
		return;
	}
	l2tpsec_failover_redirect(d->lac, &d->remote);	/* the LNS to try now */
	send_open(d);
}

static void abandon_open(struct dial *d)
{
	struct cs_msg m;

	if (!d->id)
		return;
	cs_build_close(&m, d->id, CS_KEEP_SA_UNSET);
	d->id = 0;
	l2tpsec_cs_send(&m);
}

static void wait_expired(void *arg)
{
	struct dial *d = arg;
	char why[48];

	abandon_open(d);
	if (!l2tpsec_lac_exists(d->lac)) {
		drop(d);
		return;
	}
	snprintf(why, sizeof(why), "not secured within %d s", WAIT_SECURED_S);
	backoff(d, why);
}

void l2tpsec_dial_request(struct lac *lac, const struct cs_endpoint *remote)
{
	struct dial *d;
	char peer[64];

	for (d = dials; d; d = d->next)
		if (d->lac == lac)
			return;		/* already on its way */
	d = calloc(1, sizeof(*d));
	if (!d) {
		l2tp_log(LOG_ERR, "l2tpsec: out of memory: [lac %s] not dialled\n", lac->entname);
		return;
	}
	d->lac = lac;
	d->remote = *remote;
	d->backoff = (struct l2tpsec_backoff)L2TPSEC_BACKOFF_INIT(BACKOFF_MIN_S, BACKOFF_MAX_S);
	d->next = dials;
	dials = d;
	if (!l2tpsec_cs_connected()) {
		inet_ntop(AF_INET, remote->addr, peer, sizeof(peer));
		l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] waiting for charon's crypto socket before "
			 "dialling %s\n", lac->entname, peer);
	}
	send_open(d);
}

void l2tpsec_dial_connected(void)
{
	struct dial *next;

	for (struct dial *d = dials; d; d = next) {
		next = d->next;
		if (d->id || d->timer.armed)
			continue;
		/* "xl2tpd-control remove-lac" frees a [lac] whose dial waits for charon */
		if (!still_wanted(d))
			drop(d);
		else
			send_open(d);
	}
}

void l2tpsec_dial_lost(void)
{
	for (struct dial *d = dials; d; d = d->next) {
		d->id = 0;
		l2tpsec_timer_cancel(&d->timer);
	}
}

int l2tpsec_dial_secured(uint32_t id)
{
	struct dial *d = by_id(id);
	struct lac *lac;

	if (!d)
		return 0;
	lac = d->lac;
	if (!still_wanted(d)) {
		/* disconnected while waiting: give the SA back instead of leaving it unused */
		abandon_open(d);
		drop(d);
		return -1;
	}
	drop(d);	/* the SA now belongs to the tunnel, which CLOSEs it when it goes */
	l2tp_log(LOG_INFO, "l2tpsec: [lac %s] IPsec up: dialling\n", lac->entname);
	magic_lac_dial(lac);
	return 1;
}

void l2tpsec_dial_failed(uint32_t id, const char *why)
{
	struct dial *d = by_id(id);

	if (!d)
		return;
	l2tpsec_timer_cancel(&d->timer);
	d->id = 0;
	if (!l2tpsec_lac_exists(d->lac)) {
		drop(d);
		return;
	}
	backoff(d, why);
}

void l2tpsec_dial_forget(uint32_t id)
{
	struct dial *d = by_id(id);

	if (d)
		drop(d);
}
