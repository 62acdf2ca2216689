/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdio.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "cs_build.h"
#include "cs_text.h"
#include "l2tpsec_cs.h"
#include "l2tpsec_dial.h"
#include "l2tpsec_droplog.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_log.h"
#include "l2tpsec_sockpolicy.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"

#define DROP_LOG_INTERVAL_S 60

static struct l2tpsec_sacache *sas;
static struct l2tpsec_droplog drops;	/* received, refused */
static struct l2tpsec_droplog held;	/* to be sent, refused */
static struct l2tpsec_timer teardown_timer;
/* the protected tunnels bound to an SA, by local tunnel id: one lookup per packet, never a walk */
static struct tunnel *bound[65536];

/* t's first packet in or out under sa: bind it (again, if its peer's SA was replaced) */
static void bind_tunnel(struct tunnel *t, const struct l2tpsec_sa *sa)
{
	if (l2tpsec_tunnel_sa_id(t) == sa->id)
		return;		/* every packet after the first: nothing to do */
	l2tpsec_tunnel_bind(t, sa->id);
	bound[l2tpsec_tunnel_id(t) & 0xffff] = t;
}

const struct l2tpsec_sa *l2tpsec_guard_sa(const struct cs_endpoint *remote)
{
	return sas ? l2tpsec_sacache_find(sas, remote, NULL) : NULL;
}

unsigned long long l2tpsec_guard_drops(void)
{
	return (unsigned long long)drops.total;
}

/* one passive open per protected [lns] section's profile */
static int listen_one(const char *profile, const struct cs_endpoint *local)
{
	struct cs_msg m;

	cs_build_listen(&m, profile, local);
	if (l2tpsec_cs_send(&m))
		return -1;
	l2tp_log(LOG_INFO, "l2tpsec: passive open for crypto profile %s on port %u\n", profile,
		 local->port);
	return 0;
}

static void on_connected(void)
{
	if (l2tpsec_lns_profiles(listen_one))
		return;		/* the connection went: all of it again on the next one */
	l2tpsec_dial_connected();
}

static void all_tunnels_down(void *unused)
{
	(void)unused;
	l2tpsec_tunnels_down(NULL, 0, "the crypto socket to charon was lost");
}

/*
 * charon is gone: nothing it reported can be trusted. Protected L2TP stops at once (the table
 * is emptied: every packet is refused from here on); the tunnels go down on the main loop's next
 * turn, not here: the loss may surface inside xl2tpd's destroy_tunnel() (its CLOSE could not be
 * sent), and tearing that tunnel down again from within would free it twice.
 */
static void on_lost(const char *why, unsigned reconnect_s)
{
	l2tp_log(LOG_ERR, "l2tpsec: lost the crypto socket %s (%s): %zu protected peer(s) dropped, "
		 "their tunnels go down; reconnecting in %u s\n", l2tpsec_socket_path(), why,
		 l2tpsec_sacache_count(sas), reconnect_s);
	l2tpsec_sacache_clear(sas);
	l2tpsec_dial_lost();
	l2tpsec_timer_arm(&teardown_timer, l2tpsec_now_ms(), 0, all_tunnels_down, NULL);
}

static void on_secured(const struct cs_msg *m)
{
	struct l2tpsec_sa sa = { .id = m->id, .local = m->local, .remote = m->remote,
				 .overhead = m->overhead, .reqid = m->reqid };

	snprintf(sa.profile, sizeof(sa.profile), "%s", m->profile);
	char local[64], remote[64];

	cs_format_endpoint(&m->local, local, sizeof(local));
	cs_format_endpoint(&m->remote, remote, sizeof(remote));
	if (l2tpsec_sacache_add(sas, &sa)) {
		l2tp_log(LOG_ERR, "l2tpsec: out of memory recording the SA to %s: treated as "
			 "unprotected\n", remote);
		return;
	}
	l2tp_log(LOG_INFO, "l2tpsec: secured %s <-> %s (id %u, %s/%s, ESP overhead %u bytes)\n",
		 local, remote, m->id, m->enc, m->integ, m->overhead);
	if (l2tpsec_dial_secured(m->id) < 0)
		l2tpsec_sacache_remove(sas, m->id, NULL);	/* the dial gave it back */
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
		l2tpsec_tunnels_down(&gone.remote, m->id, why);
	}
	l2tpsec_dial_failed(m->id, cs_reason_name(m->reason));
}

static void on_event(const struct cs_msg *m)
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
		if (!m->id && CS_HAS(m, CS_A_ID))	/* not safe to go on half listening */
			l2tpsec_cs_drop("a passive open was refused");
		else
			l2tpsec_dial_failed(m->id, m->error);
		break;
	default:
		break;	/* OK, STATUS, SHOW replies: nothing to do */
	}
}

static const struct l2tpsec_cs_events events = {
	.connected = on_connected,
	.event = on_event,
	.lost = on_lost,
};

void l2tpsec_guard_start(void)
{
	if (sas)
		return;
	sas = l2tpsec_sacache_create();
	if (!sas) {
		l2tp_log(LOG_CRIT, "l2tpsec: out of memory\n");
		exit(1);
	}
	l2tpsec_droplog_init(&drops, DROP_LOG_INTERVAL_S);
	l2tpsec_droplog_init(&held, DROP_LOG_INTERVAL_S);
	l2tpsec_cs_start(&events);
}

/*
 * Count a refused packet; log it at most once an interval per peer, saying why: no SA (owner
 * and has NULL), another peer's tunnel (owner), or an SA of profile has where the section
 * serving the packet wants profile wants.
 */
static int refuse(struct l2tpsec_droplog *log, const struct cs_endpoint *remote, int tunnel_id,
		  const struct tunnel *owner, const char *has, const char *wants)
{
	struct cs_endpoint peer;
	char from[64], his[64];
	uint64_t count, quiet;

	if (!l2tpsec_droplog_note(log, remote, time(NULL), &count))
		return 0;
	quiet = l2tpsec_droplog_unlogged(log);
	if (quiet)
		l2tp_log(LOG_WARNING, "l2tpsec: %llu more L2TP packet(s) were refused without a log "
			 "line (more than %d peers in a minute)\n", (unsigned long long)quiet,
			 L2TPSEC_DROPLOG_LINES);
	cs_format_endpoint(remote, from, sizeof(from));
	if (log == &held)
		l2tp_log(LOG_WARNING, "l2tpsec: held back %llu L2TP packet(s) to %s (tunnel id %d): "
			 "no IPsec SA protects this peer, it would leave in plaintext; %llu held "
			 "back in total\n", (unsigned long long)count, from, tunnel_id,
			 (unsigned long long)held.total);
	else if (has)
		l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu L2TP packet(s) from %s (tunnel id %d): its "
			 "IPsec SA is a clone of crypto profile %s, the section serving it requires %s; "
			 "%llu dropped in total\n", (unsigned long long)count, from, tunnel_id, has,
			 wants, (unsigned long long)drops.total);
	else if (owner) {
		l2tpsec_tunnel_peer(owner, &peer);
		cs_format_endpoint(&peer, his, sizeof(his));
		l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu L2TP packet(s) from %s for tunnel id "
			 "%d: that tunnel is %s's, and only its own SA may carry it; %llu dropped in "
			 "total\n", (unsigned long long)count, from, tunnel_id, his,
			 (unsigned long long)drops.total);
	} else
		l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu unprotected L2TP packet(s) from %s "
			 "(tunnel id %d): no IPsec SA protects this peer; %llu dropped in total\n",
			 (unsigned long long)count, from, tunnel_id,
			 (unsigned long long)drops.total);
	return 0;
}

/* the section's profile (NULL: none required) accepts an SA cloned from sa's profile? */
static int serves(const char *profile, const struct l2tpsec_sa *sa)
{
	return !profile || !strcmp(profile, sa->profile);
}

int l2tpsec_guard_packet_allowed(const struct sockaddr_in *from, const struct in_pktinfo *to,
				 int tunnel_id)
{
	struct tunnel *t = bound[tunnel_id & 0xffff];
	const struct l2tpsec_sa *sa = NULL;
	struct cs_endpoint remote, local, peer;
	const char *wants;

	cs_endpoint_from_sin(&remote, from);
	cs_endpoint_v4(&local, to->ipi_addr, 0);
	if (sas)
		sa = l2tpsec_sacache_find(sas, &remote, to->ipi_addr.s_addr ? &local : NULL);
	if (tunnel_id && t) {
		/* a protected tunnel hears its own peer only, under that peer's SA of its profile */
		l2tpsec_tunnel_peer(t, &peer);
		wants = l2tpsec_tunnel_settings(t).profile;
		if (!sa || !cs_endpoint_equal(&peer, &remote))
			return refuse(&drops, &remote, tunnel_id, sa ? t : NULL, NULL, NULL);
		if (!serves(wants, sa))
			return refuse(&drops, &remote, tunnel_id, NULL, sa->profile, wants);
		bind_tunnel(t, sa);
		return 1;
	}
	if (sa) {
		/* an SCCRQ reaches the group its peer's SA was made for, or an unprotected one */
		wants = tunnel_id ? NULL : l2tpsec_sccrq_profile(from);
		if (serves(wants, sa))
			return 1;
		return refuse(&drops, &remote, tunnel_id, NULL, sa->profile, wants);
	}
	if (!l2tpsec_peer_needs_ipsec(from, tunnel_id))
		return 1;
	return refuse(&drops, &remote, tunnel_id, NULL, NULL, NULL);
}

int l2tpsec_guard_may_send(struct tunnel *t)
{
	const struct l2tpsec_sa *sa;
	struct cs_endpoint peer;

	if (!l2tpsec_tunnel_protected(t))
		return 1;
	l2tpsec_tunnel_peer(t, &peer);
	sa = sas ? l2tpsec_sacache_find(sas, &peer, NULL) : NULL;
	if (sa && serves(l2tpsec_tunnel_settings(t).profile, sa)) {
		bind_tunnel(t, sa);
		return 1;
	}
	return refuse(&held, &peer, l2tpsec_tunnel_id(t), NULL, NULL, NULL);
}

int l2tpsec_guard_tunnel_socket(struct tunnel *t, int fd)
{
	const struct l2tpsec_sa *sa;
	struct cs_endpoint peer;
	char remote[64], why[160];
	int r;

	if (!l2tpsec_tunnel_protected(t))
		return 0;
	l2tpsec_tunnel_peer(t, &peer);
	cs_format_endpoint(&peer, remote, sizeof(remote));
	sa = sas ? l2tpsec_sacache_find(sas, &peer, NULL) : NULL;
	if (!sa) {
		snprintf(why, sizeof(why), "no IPsec SA protects %s", remote);
		r = -1;
	} else {
		/* inbound bound to this SA too: no other SA's packets reach the kernel tunnel */
		r = l2tpsec_sockpolicy_require_esp(fd, AF_INET, L2TPSEC_SOCK_IN, sa->reqid);
		if (!r)
			r = l2tpsec_sockpolicy_require_esp(fd, AF_INET, L2TPSEC_SOCK_OUT, sa->reqid);
		snprintf(why, sizeof(why), "cannot bind its kernel socket to IPsec SA id %u (reqid "
			 "%u): %s", sa->id, sa->reqid, r ? strerror(-r) : "");
	}
	if (r) {
		l2tp_log(LOG_ERR, "l2tpsec: tunnel %d to %s: %s; the tunnel closes, its kernel data "
			 "path never opens\n", l2tpsec_tunnel_id(t), remote, why);
		l2tpsec_tunnel_close_soon(t, "IPsec binding failed");
		return -1;
	}
	bind_tunnel(t, sa);
	l2tpsec_tunnel_socket_bound(t);
	l2tp_log(LOG_INFO, "l2tpsec: tunnel %d to %s: kernel socket bound to IPsec SA id %u "
		 "(reqid %u): no plaintext leaves or enters it, whatever the SPD holds\n",
		 l2tpsec_tunnel_id(t), remote, sa->id, sa->reqid);
	return 0;
}

int l2tpsec_guard_may_dial(struct lac *lac, struct in_addr addr, int port)
{
	struct cs_endpoint remote;

	cs_endpoint_v4(&remote, addr, (uint16_t)port);
	if (!l2tpsec_lac_protected(lac) || l2tpsec_guard_sa(&remote))
		return 1;
	l2tpsec_dial_request(lac, &remote);
	return 0;
}

void l2tpsec_guard_tunnel_gone(const struct tunnel *t)
{
	struct l2tpsec_settings s = l2tpsec_tunnel_settings(t);
	struct cs_endpoint remote;
	const struct l2tpsec_sa *sa;
	char peer[64];
	struct cs_msg m;

	if (bound[l2tpsec_tunnel_id(t) & 0xffff] == t)
		bound[l2tpsec_tunnel_id(t) & 0xffff] = NULL;
	if (!s.profile || !sas)
		return;
	l2tpsec_tunnel_peer(t, &remote);
	if (l2tpsec_tunnel_shares_peer(t))
		return;		/* the SA still carries another tunnel */
	sa = l2tpsec_sacache_find(sas, &remote, NULL);
	if (!sa)
		return;
	cs_build_close(&m, sa->id, s.keep_sa);
	cs_format_endpoint(&remote, peer, sizeof(peer));
	l2tp_log(LOG_INFO, "l2tpsec: last tunnel to %s gone: closing its IPsec SA (id %u, "
		 "keep-sa %s)\n", peer, m.id, s.keep_sa ? "yes" : "no");
	/* no L2TP to this peer from now on, whatever charon answers */
	l2tpsec_sacache_remove(sas, m.id, NULL);
	l2tpsec_dial_forget(m.id);
	l2tpsec_cs_send(&m);
}
