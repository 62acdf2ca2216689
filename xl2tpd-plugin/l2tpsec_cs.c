/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <arpa/inet.h>

#include "l2tp.h"	/* xl2tpd: l2tp_log, gconfig, lnslist */
#include "cs_client.h"
#include "cs_text.h"
#include "l2tpsec_config.h"
#include "l2tpsec_cs.h"
#include "l2tpsec_dial.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"

extern struct lns *deflns;

#define RECONNECT_MIN_S 1
#define RECONNECT_MAX_S 30
#define SEND_TIMEOUT_MS 2000	/* charon reads its socket from a watcher: this is a dead charon */

static struct cs_conn conn = { .fd = -1 };
static struct l2tpsec_sacache *sas;
static struct l2tpsec_timer reconnect_timer;
static unsigned reconnect_s = RECONNECT_MIN_S;
static uint32_t last_id;
static int started;

static void try_connect(void *unused);

struct l2tpsec_sacache *l2tpsec_cs_sas(void)
{
	return sas;
}

int l2tpsec_cs_connected(void)
{
	return conn.fd >= 0;
}

uint32_t l2tpsec_cs_next_id(void)
{
	last_id = last_id >= 0x7fffffffu ? 1 : last_id + 1;
	return last_id;
}

static void schedule_reconnect(void)
{
	l2tpsec_timer_arm(&reconnect_timer, l2tpsec_now_ms(), reconnect_s * 1000ull, try_connect,
			  NULL);
	reconnect_s = reconnect_s * 2 > RECONNECT_MAX_S ? RECONNECT_MAX_S : reconnect_s * 2;
}

/* charon is gone: nothing it reported can be trusted; stop protected L2TP and retry */
static void lost(const char *why)
{
	size_t n = l2tpsec_sacache_count(sas);

	l2tp_log(LOG_ERR, "l2tpsec: lost the crypto socket %s (%s): %zu protected peer(s) dropped, "
		 "their tunnels go down; reconnecting in %u s\n", l2tpsec_socket_path(), why, n,
		 reconnect_s);
	cs_close(&conn);
	conn.fd = -1;
	l2tpsec_sacache_clear(sas);
	l2tpsec_tunnels_down(NULL, "the crypto socket to charon was lost");
	l2tpsec_dial_lost();
	schedule_reconnect();
}

int l2tpsec_cs_send(const struct cs_msg *m)
{
	if (conn.fd < 0)
		return -1;
	if (cs_send(&conn, m, SEND_TIMEOUT_MS)) {
		lost(strerror(errno));
		return -1;
	}
	return 0;
}

/* one passive open per distinct crypto profile of the [lns] sections */
static int listen_all(void)
{
	struct cs_msg m;
	const char *sent[64];
	size_t nsent = 0;

	/* [lns default] (when there is one) first, then every [lns] section */
	for (struct lns *lns = deflns ? deflns : lnslist; lns;
	     lns = lns == deflns ? lnslist : lns->next) {
		struct l2tpsec_settings s = l2tpsec_settings_for(lns, CONTEXT_LNS);
		size_t i;

		if (!s.profile)
			continue;
		for (i = 0; i < nsent && strcmp(sent[i], s.profile); i++)
			;
		if (i < nsent)
			continue;
		if (nsent < sizeof(sent) / sizeof(sent[0]))
			sent[nsent++] = s.profile;
		memset(&m, 0, sizeof(m));
		m.type = CS_LISTEN;
		m.present = 1u << CS_A_PROFILE | 1u << CS_A_LOCAL;
		snprintf(m.profile, sizeof(m.profile), "%s", s.profile);
		m.local.family = 4;
		memcpy(m.local.addr, &gconfig.listenaddr, 4);
		m.local.port = (uint16_t)gconfig.port;
		if (l2tpsec_cs_send(&m))
			return -1;
		l2tp_log(LOG_INFO, "l2tpsec: passive open for crypto profile %s on port %d\n",
			 s.profile, gconfig.port);
	}
	return 0;
}

static void try_connect(void *unused)
{
	(void)unused;
	if (cs_connect(&conn, l2tpsec_socket_path())) {
		l2tp_log(LOG_ERR, "l2tpsec: cannot reach charon's crypto socket %s (%s): is charon "
			 "running with the l2tp-security plugin? Protected L2TP is refused until it "
			 "is; retrying in %u s\n", l2tpsec_socket_path(), strerror(errno), reconnect_s);
		conn.fd = -1;
		schedule_reconnect();
		return;
	}
	l2tp_log(LOG_INFO, "l2tpsec: connected to charon's crypto socket %s\n",
		 l2tpsec_socket_path());
	if (listen_all())
		return;
	reconnect_s = RECONNECT_MIN_S;
	l2tpsec_dial_connected();
}

void l2tpsec_cs_start(void)
{
	if (started)
		return;
	started = 1;
	sas = l2tpsec_sacache_create();
	if (!sas) {
		l2tp_log(LOG_CRIT, "l2tpsec: out of memory\n");
		exit(1);
	}
	try_connect(NULL);
}

int l2tpsec_cs_fdset(fd_set *readfds, int max)
{
	if (conn.fd < 0)
		return max;
	FD_SET(conn.fd, readfds);
	return conn.fd > max ? conn.fd : max;
}

static void on_secured(const struct cs_msg *m)
{
	char local[64], remote[64];

	cs_format_endpoint(&m->local, local, sizeof(local));
	cs_format_endpoint(&m->remote, remote, sizeof(remote));
	if (l2tpsec_sacache_add(sas, m->id, &m->local, &m->remote, m->overhead)) {
		l2tp_log(LOG_ERR, "l2tpsec: out of memory recording the SA to %s: treated as "
			 "unprotected\n", remote);
		return;
	}
	l2tp_log(LOG_INFO, "l2tpsec: secured %s <-> %s (id %u, %s/%s, ESP overhead %u bytes)\n",
		 local, remote, m->id, m->enc, m->integ, m->overhead);
	l2tpsec_dial_secured(m->id);
}

static void on_closed(const struct cs_msg *m)
{
	struct l2tpsec_sa gone;
	char remote[64], why[96];

	if (l2tpsec_sacache_remove(sas, m->id, &gone)) {
		cs_format_endpoint(&gone.remote, remote, sizeof(remote));
		snprintf(why, sizeof(why), "IPsec SA %s", cs_reason_name(m->reason));
		l2tp_log(LOG_NOTICE, "l2tpsec: SA to %s closed (%s, id %u)\n", remote,
			 cs_reason_name(m->reason), m->id);
		l2tpsec_tunnels_down(&gone.remote, why);
	}
	l2tpsec_dial_failed(m->id, cs_reason_name(m->reason));
}

static void dispatch(const struct cs_msg *m)
{
	switch (m->type) {
	case CS_SECURED:
		on_secured(m);
		break;
	case CS_CLOSED:
		on_closed(m);
		break;
	case CS_ERROR:
		l2tp_log(LOG_ERR, "l2tpsec: charon refused request %u: %s\n", m->id, m->error);
		if (!m->id && CS_HAS(m, CS_A_ID))
			lost("a passive open was refused");	/* not safe to go on half listening */
		else
			l2tpsec_dial_failed(m->id, m->error);
		break;
	default:
		break;	/* OK, STATUS, SHOW replies: nothing to do */
	}
}

void l2tpsec_cs_poll(const fd_set *readfds)
{
	struct cs_msg m;
	const char *why = NULL;
	int r;

	if (conn.fd < 0 || !FD_ISSET(conn.fd, readfds))
		return;
	while ((r = cs_receive(&conn, &m, 0, &why)) == 1) {
		dispatch(&m);
		if (conn.fd < 0)
			return;
	}
	if (r < 0)
		lost(why ? why : "read error");
}
