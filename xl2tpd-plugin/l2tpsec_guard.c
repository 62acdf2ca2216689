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
#include "l2tpsec_groups.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_log.h"
#include "l2tpsec_sockpolicy.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"

#define DROP_LOG_INTERVAL_S 60

static struct l2tpsec_sacache *sas;
static struct l2tpsec_droplog drops;	/* received, refused */
static struct l2tpsec_droplog held;	/* to be sent, refused */
static struct l2tpsec_timer teardown_timer, supersede_timer;
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

	/* beside sections without IPsec, kernel block policies on the endpoint would refuse
	 * their plaintext: the per-tunnel socket policies and the packet check hold the rule */
	cs_build_listen(&m, profile, local, !l2tpsec_every_section_protected());
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

/*
 * A tunnel's own socket takes and sends only through its SA: inbound by reqid (the charon
 * plugin's steering already lets only that SA's packets reach this socket's port), outbound by
 * reqid and SPI (clients behind one NAT address have SAs with one reqid)
 */
static int socket_policies(int fd, const struct l2tpsec_sa *sa)
{
	int r = l2tpsec_sockpolicy_require_esp(fd, AF_INET, L2TPSEC_SOCK_IN, sa->reqid, 0);

	return r ? r : l2tpsec_sockpolicy_require_esp(fd, AF_INET, L2TPSEC_SOCK_OUT, sa->reqid,
						     sa->spi_out);
}

/* a rekeyed SA: the tunnels it carries send through the new one */
static void follow_rekey(struct tunnel *t, int fd, void *ctx)
{
	const struct l2tpsec_sa *sa = ctx;
	int r = socket_policies(fd, sa);

	if (r) {
		l2tp_log(LOG_ERR, "l2tpsec: tunnel %d: cannot bind its socket to the rekeyed IPsec "
			 "SA id %u: %s; the tunnel closes\n", l2tpsec_tunnel_id(t), sa->id,
			 strerror(-r));
		l2tpsec_tunnel_close_soon(t, "IPsec binding failed");
		return;
	}
	l2tp_log(LOG_INFO, "l2tpsec: tunnel %d: its socket follows the rekeyed IPsec SA id %u "
		 "(outbound SPI %08x)\n", l2tpsec_tunnel_id(t), sa->id, sa->spi_out);
}

static void on_secured(const struct cs_msg *m)
{
	struct l2tpsec_sa sa = { .id = m->id, .local = m->local, .remote = m->remote,
				 .overhead = m->overhead, .reqid = m->reqid, .spi_out = m->spi_out };
	struct l2tpsec_sa was;
	char local[64], remote[64];
	int rekey;

	snprintf(sa.profile, sizeof(sa.profile), "%s", m->profile);
	cs_format_endpoint(&m->local, local, sizeof(local));
	cs_format_endpoint(&m->remote, remote, sizeof(remote));
	rekey = l2tpsec_sacache_remove(sas, m->id, &was);
	if (l2tpsec_sacache_add(sas, &sa)) {
		l2tp_log(LOG_ERR, "l2tpsec: out of memory recording the SA to %s: treated as "
			 "unprotected\n", remote);
		return;
	}
	if (rekey) {
		l2tp_log(LOG_INFO, "l2tpsec: rekeyed %s <-> %s (id %u, %s/%s)\n", local, remote,
			 m->id, m->enc, m->integ);
		if (was.spi_out != sa.spi_out || was.reqid != sa.reqid)
			l2tpsec_tunnels_with_socket(sa.id, follow_rekey, &sa);
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

/* why a packet was refused */
enum refusal_kind {
	REFUSED_NO_SA,		/* its peer needs IPsec and has no SA */
	REFUSED_NEIGHBOUR,	/* another peer's tunnel id (owner) */
	REFUSED_WRONG_PROFILE,	/* its tunnel's section wants profile wants, its SA is has */
	REFUSED_NO_GROUP,	/* an SCCRQ (host_name) no section serves under has (NULL: no SA) */
};

struct refusal {
	enum refusal_kind kind;
	const struct cs_endpoint *remote;
	int tunnel_id;
	const struct tunnel *owner;
	const char *has, *wants, *host_name;
};

static void log_refusal(const struct refusal *r, uint64_t count)
{
	struct cs_endpoint peer;
	char from[64], his[64], name[64];
	unsigned long long n = (unsigned long long)count, total = (unsigned long long)drops.total;

	cs_format_endpoint(r->remote, from, sizeof(from));
	l2tpsec_printable(r->host_name ? r->host_name : "", name, sizeof(name));
	switch (r->kind) {
	case REFUSED_NEIGHBOUR:
		l2tpsec_tunnel_peer(r->owner, &peer);
		cs_format_endpoint(&peer, his, sizeof(his));
		l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu L2TP packet(s) from %s for tunnel id "
			 "%d: that tunnel is %s's, and only its own SA may carry it; %llu dropped in "
			 "total\n", n, from, r->tunnel_id, his, total);
		break;
	case REFUSED_WRONG_PROFILE:
		l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu L2TP packet(s) from %s (tunnel id %d): its "
			 "IPsec SA is a clone of crypto profile %s, the section serving it requires %s; "
			 "%llu dropped in total\n", n, from, r->tunnel_id, r->has, r->wants, total);
		break;
	case REFUSED_NO_GROUP:
		if (r->has)
			l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu SCCRQ(s) from %s (host name '%s') "
				 "under an IPsec SA of crypto profile %s: no [lns] section of that profile "
				 "terminates that host name; %llu dropped in total\n", n, from, name,
				 r->has, total);
		else
			l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu unprotected SCCRQ(s) from %s (host "
				 "name '%s'): no IPsec SA protects this peer, and no [lns] section without "
				 "IPsec terminates that host name; %llu dropped in total\n", n, from, name,
				 total);
		break;
	case REFUSED_NO_SA:
		l2tp_log(LOG_WARNING, "l2tpsec: dropped %llu unprotected L2TP packet(s) from %s "
			 "(tunnel id %d): no IPsec SA protects this peer; %llu dropped in total\n",
			 n, from, r->tunnel_id, total);
		break;
	}
}

/*
 * Count a refused packet (or one held back: log is &held); log it at most once an interval
 * per peer and reason, saying why.
 */
static int refuse(struct l2tpsec_droplog *log, const struct refusal *r)
{
	char to[64];
	uint64_t count, quiet;

	if (!l2tpsec_droplog_note(log, r->remote, r->kind, time(NULL), &count))
		return 0;
	quiet = l2tpsec_droplog_unlogged(log);
	if (quiet)
		l2tp_log(LOG_WARNING, "l2tpsec: %llu more L2TP packet(s) were refused without a log "
			 "line (more than %d peers in a minute)\n", (unsigned long long)quiet,
			 L2TPSEC_DROPLOG_LINES);
	if (log != &held) {
		log_refusal(r, count);
		return 0;
	}
	cs_format_endpoint(r->remote, to, sizeof(to));
	l2tp_log(LOG_WARNING, "l2tpsec: held back %llu L2TP packet(s) to %s (tunnel id %d): "
		 "no IPsec SA protects this peer, it would leave in plaintext; %llu held "
		 "back in total\n", (unsigned long long)count, to, r->tunnel_id,
		 (unsigned long long)held.total);
	return 0;
}

/* the section's profile (NULL: none required) accepts an SA cloned from sa's profile? */
static int serves(const char *profile, const struct l2tpsec_sa *sa)
{
	return !profile || !strcmp(profile, sa->profile);
}

int l2tpsec_guard_packet_allowed(const struct sockaddr_in *from, const struct in_pktinfo *to,
				 int tunnel_id, const char *host_name)
{
	struct tunnel *t = bound[tunnel_id & 0xffff];
	const struct l2tpsec_sa *sa = NULL;
	struct cs_endpoint remote, local, peer;
	struct refusal r = { .remote = &remote, .tunnel_id = tunnel_id };

	cs_endpoint_from_sin(&remote, from);
	cs_endpoint_v4(&local, to->ipi_addr, 0);
	if (sas)
		sa = l2tpsec_sacache_find(sas, &remote, to->ipi_addr.s_addr ? &local : NULL);
	if (tunnel_id && t) {
		/* a protected tunnel hears its own peer only, under that peer's SA of its profile */
		l2tpsec_tunnel_peer(t, &peer);
		r.wants = l2tpsec_tunnel_settings(t).profile;
		if (!sa || !cs_endpoint_equal(&peer, &remote)) {
			r.kind = sa ? REFUSED_NEIGHBOUR : REFUSED_NO_SA;
			r.owner = t;
			return refuse(&drops, &r);
		}
		if (!serves(r.wants, sa)) {
			r.kind = REFUSED_WRONG_PROFILE;
			r.has = sa->profile;
			return refuse(&drops, &r);
		}
		bind_tunnel(t, sa);
		return 1;
	}
	if (!tunnel_id) {
		/* an SCCRQ reaches the group of its SA's profile and its host name, or nothing */
		if (l2tpsec_sccrq_lns(from, sa ? sa->profile : NULL, host_name))
			return 1;
		/* without an SA: a host name question only where a plaintext group takes the address */
		r.kind = sa || l2tpsec_plain_group_admits(from) ? REFUSED_NO_GROUP : REFUSED_NO_SA;
		r.has = sa ? sa->profile : NULL;
		r.host_name = host_name;
		return refuse(&drops, &r);
	}
	if (sa || !l2tpsec_peer_needs_ipsec(from, tunnel_id))
		return 1;
	r.kind = REFUSED_NO_SA;
	return refuse(&drops, &r);
}

/* tunnels superseded by a peer's new one go down on the main loop's turn after its send */
static void superseded_down(void *unused)
{
	(void)unused;
	l2tpsec_tunnels_down_superseded();
}

/*
 * From its first message on (the SCCRQ at a LAC, the SCCRP at an LNS), a protected tunnel sends
 * and hears through a socket of its own, connected to its peer and bound to its SA by per-socket
 * policies, on the kernel and userspace data paths alike: xl2tpd's shared socket also serves
 * peers without IPsec, so only the SPD guards what leaves it, and a bypass policy there outranks
 * the blocks. The socket is made from the SA's own local address. -1: it could not be; the
 * tunnel closes and sends nothing more.
 */
static int own_socket(struct tunnel *t, const struct l2tpsec_sa *sa)
{
	char remote[64];
	int fd, r;

	if (l2tpsec_tunnel_has_socket(t))
		return 0;
	/* an older tunnel of the same peer address and port would take this one's packets: it
	 * goes, on the main loop's next turn (not from inside this tunnel's send) */
	if (l2tpsec_tunnels_mark_superseded(t))
		l2tpsec_timer_arm(&supersede_timer, l2tpsec_now_ms(), 0, superseded_down, NULL);
	fd = l2tpsec_tunnel_new_socket(t, &sa->local);
	if (fd >= 0 && l2tpsec_guard_tunnel_socket(t, fd)) {
		l2tpsec_tunnel_socket_failed(t, fd);
		return -1;	/* said why, tunnel closing */
	}
	r = fd < 0 ? fd : l2tpsec_tunnel_use_socket(t, fd);
	if (!r)
		return 0;
	l2tpsec_tunnel_socket_failed(t, fd);
	cs_format_endpoint(&sa->remote, remote, sizeof(remote));
	l2tp_log(LOG_ERR, "l2tpsec: tunnel %d to %s: cannot open its own socket: %s; the tunnel "
		 "closes\n", l2tpsec_tunnel_id(t), remote, strerror(-r));
	l2tpsec_tunnel_close_soon(t, "IPsec binding failed");
	return -1;
}

/*
 * A peer that heard no SCCRP within a second sends its SCCRQ again (a loaded LNS, a lost
 * packet). xl2tpd makes a tunnel of it, finds it "requested twice" and drops it, but first
 * acknowledges it: that send must not give the copy a socket of its own (the peer's packets
 * would reach the copy, and the tunnel it repeats would look superseded and go, taking the SA).
 * It sends nothing; the first tunnel's SCCRP answers the peer. A copy may come after the
 * tunnel is established too: sent before the SCCRP arrived, it waited in the listening
 * socket while the tunnel's own socket delivered the SCCCN. Only a new Assigned Tunnel ID is
 * a peer starting over.
 */
static int repeats(const struct tunnel *t)
{
	int first = l2tpsec_tunnel_repeats(t);
	struct cs_endpoint peer;
	char remote[64];

	if (!first)
		return 0;
	l2tpsec_tunnel_peer(t, &peer);
	cs_format_endpoint(&peer, remote, sizeof(remote));
	l2tp_log(LOG_INFO, "l2tpsec: SCCRQ from %s repeated: tunnel %d answers it, its copy "
		 "(tunnel %d) sends nothing\n", remote, first, l2tpsec_tunnel_id(t));
	return 1;
}

int l2tpsec_guard_may_send(struct tunnel *t)
{
	const struct l2tpsec_sa *sa;
	struct cs_endpoint peer;

	if (!l2tpsec_tunnel_protected(t))
		return 1;
	if (!l2tpsec_tunnel_has_socket(t) && repeats(t))
		return 0;
	l2tpsec_tunnel_peer(t, &peer);
	sa = sas ? l2tpsec_sacache_find(sas, &peer, NULL) : NULL;
	if (sa && serves(l2tpsec_tunnel_settings(t).profile, sa) &&
	    !l2tpsec_tunnel_socket_broken(t)) {
		if (own_socket(t, sa))
			return 0;
		bind_tunnel(t, sa);
		return 1;
	}
	return refuse(&held, &(struct refusal){ .remote = &peer,
						.tunnel_id = l2tpsec_tunnel_id(t) });
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
		r = socket_policies(fd, sa);
		snprintf(why, sizeof(why), "cannot bind its socket to IPsec SA id %u (reqid "
			 "%u): %s", sa->id, sa->reqid, r ? strerror(-r) : "");
	}
	if (r) {
		l2tp_log(LOG_ERR, "l2tpsec: tunnel %d to %s: %s; the tunnel closes, nothing more is "
			 "sent to it\n", l2tpsec_tunnel_id(t), remote, why);
		l2tpsec_tunnel_close_soon(t, "IPsec binding failed");
		return -1;
	}
	bind_tunnel(t, sa);
	l2tpsec_tunnel_socket_bound(t);
	l2tp_log(LOG_INFO, "l2tpsec: tunnel %d to %s: its own socket bound to IPsec SA id %u "
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
