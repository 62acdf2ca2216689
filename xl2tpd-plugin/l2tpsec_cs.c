/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <string.h>
#include <syslog.h>

#include "cs_client.h"
#include "l2tpsec_names.h"
#include "l2tpsec_config.h"
#include "l2tpsec_cs.h"
#include "l2tpsec_log.h"
#include "l2tpsec_timer.h"

#define RECONNECT_MIN_S 1
#define RECONNECT_MAX_S 30
#define SEND_TIMEOUT_MS 2000	/* charon reads its socket from a watcher: this is a dead charon */

static struct cs_conn conn = { .fd = -1 };
static const struct l2tpsec_cs_events *events;
static struct l2tpsec_timer reconnect_timer;
static struct l2tpsec_backoff reconnect = L2TPSEC_BACKOFF_INIT(RECONNECT_MIN_S, RECONNECT_MAX_S);
static uint32_t last_id;

static void try_connect(void *unused);

int l2tpsec_cs_connected(void)
{
	return conn.fd >= 0;
}

uint32_t l2tpsec_cs_next_id(void)
{
	last_id = last_id >= L2TPSEC_ACTIVE_ID_MAX ? 1 : last_id + 1;
	return last_id;
}

static void schedule_reconnect(void)
{
	l2tpsec_timer_arm(&reconnect_timer, l2tpsec_now_ms(),
			  l2tpsec_backoff_next(&reconnect) * 1000ull, try_connect, NULL);
}

void l2tpsec_cs_drop(const char *why)
{
	unsigned in_s = l2tpsec_backoff_peek(&reconnect);

	cs_close(&conn);
	conn.fd = -1;
	schedule_reconnect();
	events->lost(why, in_s);
}

int l2tpsec_cs_send(const struct cs_msg *m)
{
	if (conn.fd < 0)
		return -1;
	if (cs_send(&conn, m, SEND_TIMEOUT_MS)) {
		l2tpsec_cs_drop(strerror(errno));
		return -1;
	}
	return 0;
}

static void try_connect(void *unused)
{
	(void)unused;
	if (cs_connect(&conn, l2tpsec_socket_path())) {
		l2tp_log(LOG_ERR, "l2tpsec: cannot reach charon's crypto socket %s (%s): is charon "
			 "running with the l2tp-security plugin? Protected L2TP is refused until it "
			 "is; retrying in %u s\n", l2tpsec_socket_path(), strerror(errno),
			 l2tpsec_backoff_peek(&reconnect));
		conn.fd = -1;
		schedule_reconnect();
		return;
	}
	l2tp_log(LOG_INFO, "l2tpsec: connected to charon's crypto socket %s\n",
		 l2tpsec_socket_path());
	events->connected();
	if (conn.fd >= 0)
		l2tpsec_backoff_reset(&reconnect);
}

void l2tpsec_cs_start(const struct l2tpsec_cs_events *ev)
{
	if (events)
		return;
	events = ev;
	try_connect(NULL);
}

void l2tpsec_cs_fdset(struct l2tpsec_pollset *readfds)
{
	if (conn.fd >= 0)
		l2tpsec_pollset_add(readfds, conn.fd);
}

void l2tpsec_cs_poll(const struct l2tpsec_pollset *readfds)
{
	struct cs_msg m;
	const char *why = NULL;
	int r;

	if (conn.fd < 0 || !l2tpsec_pollset_ready(readfds, conn.fd))
		return;
	while ((r = cs_receive(&conn, &m, 0, &why)) == 1) {
		events->event(&m);
		if (conn.fd < 0)
			return;
	}
	if (r < 0)
		l2tpsec_cs_drop(why ? why : "read error");
}
