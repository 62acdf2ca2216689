/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cs_build.h"
#include "guard_world.h"
#include "l2tpsec_groups.h"
#include "l2tpsec_dial.h"
#include "l2tpsec_log.h"
#include "l2tpsec_sockpolicy.h"
#include "l2tpsec_tunnels.h"

/* what the guard did to the layers below it */
struct guard_world_rec rec;
struct guard_world_policy policy;
int lns_protected = 1;
const char *sccrq_profile = "prof";
const char *sccrq_terminate_from;
const char *secured_profile = "prof";

void l2tp_log(int level, const char *fmt, ...)
{
	va_list ap;

	(void)level;
	if (rec.quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(rec.last_log, sizeof(rec.last_log), fmt, ap);
	va_end(ap);
	rec.logs++;
}

const char *l2tpsec_socket_path(void)
{
	return "/run/test/crypto.sock";
}

void l2tpsec_cs_start(const struct l2tpsec_cs_events *ev)
{
	rec.events = ev;
}

int l2tpsec_cs_send(const struct cs_msg *m)
{
	if (rec.send_fails) {	/* as the transport does: the connection is dropped at once */
		rec.events->lost("Broken pipe", 1);
		return -1;
	}
	if (rec.nsent < 8)
		rec.sent[rec.nsent++] = *m;
	return 0;
}

void l2tpsec_cs_drop(const char *why)
{
	(void)why;
	rec.drops++;
	rec.events->lost(why, 1);
}

void l2tpsec_dial_request(struct lac *lac, const struct cs_endpoint *remote)
{
	(void)lac;
	(void)remote;
	rec.dial_requests++;
}

void l2tpsec_dial_connected(void)
{
	rec.dial_connected++;
}

void l2tpsec_dial_lost(void)
{
	rec.dial_lost++;
}

int l2tpsec_dial_secured(uint32_t id)
{
	(void)id;
	return rec.secured_answer;
}

void l2tpsec_dial_failed(uint32_t id, const char *why)
{
	(void)id;
	(void)why;
	rec.dial_failed++;
}

void l2tpsec_dial_forget(uint32_t id)
{
	(void)id;
	rec.dial_forgot++;
}

struct l2tpsec_settings l2tpsec_tunnel_settings(const struct tunnel *t)
{
	struct l2tpsec_settings s = { t->protected || t->sa_id ? "prof" : NULL, t->keep_sa, 0,
				      L2TPSEC_LCP_OFF, NULL, 0, 0 };

	return s;
}

void l2tpsec_tunnel_bind(struct tunnel *t, uint32_t sa_id)
{
	if (t->protected || t->sa_id)
		t->sa_id = sa_id;
}

uint32_t l2tpsec_tunnel_sa_id(const struct tunnel *t)
{
	return t->sa_id;
}

int l2tpsec_tunnel_id(const struct tunnel *t)
{
	return t->id;
}

void l2tpsec_tunnel_socket_bound(struct tunnel *t)
{
	t->socket_bound = 1;
}

int l2tpsec_tunnel_has_socket(const struct tunnel *t)
{
	return t->socket_bound && t->own_fd > 0;
}

int l2tpsec_tunnel_new_socket(const struct tunnel *t, const struct cs_endpoint *local)
{
	(void)t;
	if (policy.socket_errno)
		return -policy.socket_errno;
	policy.sockets++;
	((struct tunnel *)t)->own_local = *local;
	return open("/dev/null", O_RDONLY);	/* an fd the guard may close */
}

int l2tpsec_tunnel_use_socket(struct tunnel *t, int fd)
{
	if (policy.connect_errno)
		return -policy.connect_errno;
	t->own_fd = fd;
	return 0;
}

void l2tpsec_tunnel_socket_failed(struct tunnel *t, int fd)
{
	if (fd >= 0 && fd != t->own_fd)
		close(fd);
	t->socket_failed = 1;
}

int l2tpsec_tunnel_socket_broken(const struct tunnel *t)
{
	return t->socket_failed;
}

void l2tpsec_tunnel_close_soon(struct tunnel *t, const char *why)
{
	(void)why;
	t->close_soon++;
}

int l2tpsec_tunnel_protected(const struct tunnel *t)
{
	return t->protected || t->sa_id;
}

int l2tpsec_sockpolicy_require_esp(int fd, int family, enum l2tpsec_sock_dir dir, uint32_t reqid,
				   uint32_t spi)
{
	(void)family;
	if (policy.fail)
		return -EPERM;
	if (policy.calls < 4) {
		policy.fd[policy.calls] = fd;
		policy.dir[policy.calls] = dir;
		policy.reqid[policy.calls] = reqid;
		policy.spi[policy.calls] = spi;
	}
	policy.calls++;
	return 0;
}

int l2tpsec_lac_protected(const struct lac *lac)
{
	return lac->protected;
}

void l2tpsec_tunnel_peer(const struct tunnel *t, struct cs_endpoint *ep)
{
	*ep = t->peer;
}

int l2tpsec_tunnel_shares_peer(const struct tunnel *t)
{
	return t->shares;
}

int l2tpsec_peer_needs_ipsec(const struct sockaddr_in *from, int tunnel_id)
{
	(void)from;
	(void)tunnel_id;
	return lns_protected;
}

struct lns *l2tpsec_sccrq_lns(const struct sockaddr_in *from, const char *sa_profile,
			      const char *host_name)
{
	static int the_section;

	(void)from;
	return l2tpsec_group_fit(lns_protected ? sccrq_profile : NULL, sccrq_terminate_from,
				 sa_profile, host_name) ? (struct lns *)&the_section : NULL;
}

int l2tpsec_plain_group_admits(const struct sockaddr_in *from)
{
	(void)from;
	return !lns_protected;
}

int l2tpsec_every_section_protected(void)
{
	return lns_protected;
}

int l2tpsec_lns_profiles(int (*listen)(const char *profile, const struct cs_endpoint *local))
{
	struct cs_endpoint any = { .family = 4, .port = 1701 };

	return listen("l2tp", &any) || listen("other", &any);
}

struct tunnel *world_tunnels[8];

int l2tpsec_tunnel_repeats(const struct tunnel *t)
{
	for (int i = 0; t->lns && t->peer_tid && i < 8; i++) {
		struct tunnel *u = world_tunnels[i];

		if (u && u != t && u->lns && u->peer_tid == t->peer_tid && !u->superseded &&
		    !u->downs && l2tpsec_tunnel_has_socket(u) && cs_endpoint_equal(&u->peer, &t->peer))
			return u->id;
	}
	return 0;
}

int l2tpsec_tunnels_mark_superseded(const struct tunnel *t)
{
	int n = 0;

	for (int i = 0; t->lns && i < 8; i++) {
		struct tunnel *u = world_tunnels[i];

		if (u && u != t && u->lns && cs_endpoint_equal(&u->peer, &t->peer) &&
		    l2tpsec_tunnel_has_socket(u) && !u->superseded) {
			u->superseded = 1;
			n++;
		}
	}
	return n;
}

void l2tpsec_tunnels_down_superseded(void)
{
	for (int i = 0; i < 8; i++)
		if (world_tunnels[i] && world_tunnels[i]->superseded)
			world_tunnels[i]->downs++;
}

void l2tpsec_tunnels_with_socket(uint32_t sa_id, void (*fn)(struct tunnel *t, int fd, void *ctx),
				 void *ctx)
{
	for (int i = 0; i < 8; i++)
		if (world_tunnels[i] && world_tunnels[i]->sa_id == sa_id &&
		    l2tpsec_tunnel_has_socket(world_tunnels[i]))
			fn(world_tunnels[i], world_tunnels[i]->own_fd, ctx);
}

void l2tpsec_tunnels_down(const struct cs_endpoint *remote, uint32_t sa_id, const char *why)
{
	(void)why;
	rec.downs++;
	rec.down_all = !remote;
	rec.down_sa = sa_id;
	if (remote)
		rec.down_remote = *remote;
}

struct sockaddr_in sin_of(const char *addr, int port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };

	inet_pton(AF_INET, addr, &sin.sin_addr);
	return sin;
}

struct in_pktinfo to_of(const char *addr)
{
	struct in_pktinfo to;

	memset(&to, 0, sizeof(to));
	if (addr)
		inet_pton(AF_INET, addr, &to.ipi_addr);
	return to;
}

void rekeyed(uint32_t id, const char *local, const char *remote, int port, uint32_t spi_out)
{
	struct sockaddr_in l = sin_of(local, 1701), r = sin_of(remote, port);
	struct cs_endpoint le, re;
	struct cs_msg m;

	cs_endpoint_from_sin(&le, &l);
	cs_endpoint_from_sin(&re, &r);
	cs_build_secured(&m, id, secured_profile, &le, &re);
	cs_build_facts(&m, 1, spi_out, "aes128", "sha1", 53, id + 100);
	rec.events->event(&m);
}

void secured(uint32_t id, const char *local, const char *remote, int port)
{
	rekeyed(id, local, remote, port, id + 1000);
}

void closed(uint32_t id)
{
	struct cs_msg m;

	cs_build_closed(&m, id, CS_REASON_DELETED);
	rec.events->event(&m);
}
