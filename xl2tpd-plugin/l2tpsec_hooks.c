/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec's logic inside xl2tpd, reached through the hooks in l2tpsec_hooks.h.
 */
#include <errno.h>
#include <stdio.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>

#include "l2tpsec_hooks.h"
#include "cs_build.h"
#include "cs_text.h"
#include "l2tp.h"	/* xl2tpd's umbrella header: l2tp_log() and its types */
#include "l2tpsec_config.h"
#include "l2tpsec_cs.h"
#include "l2tpsec_ctl.h"
#include "l2tpsec_groups.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_pmtu.h"
#include "l2tpsec_sockpolicy.h"
#include "l2tpsec_switch.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_failover.h"
#include "l2tpsec_aaa_lac.h"
#include "l2tpsec_tunnels.h"
#include "l2tpsec_vpdn.h"

#ifdef __SANITIZE_ADDRESS__
/* an ASan build (--enable-sanitizers): stock xl2tpd frees nothing on its way out, and memory
 * errors, not exit-time leaks, are what it is built for */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}
#endif

/* file.c keeps the [lns default]/[lac default] sections outside its lists */
extern struct lns *deflns;
extern struct lac *deflac;

static int enforcing;	/* some section names a crypto profile */
static pid_t xl2tpd_pid;	/* after daemonizing: the parent pppd must not outlive */

static void log_section(const char *kind, const char *name, const void *item, int context)
{
	struct l2tpsec_settings s = l2tpsec_settings_for(item, context);

	if (s.terminate_from)
		l2tp_log(LOG_INFO, "l2tpsec: [%s %s] terminates host name %s, %s%s\n", kind, name,
			 s.terminate_from, s.profile ? "crypto profile " : "no IPsec",
			 s.profile ? s.profile : "");
	if (s.session_limit)
		l2tp_log(LOG_INFO, "l2tpsec: [%s %s] session limit %d\n", kind, name,
			 s.session_limit);
	if (!s.profile)
		return;
	l2tp_log(LOG_INFO, "l2tpsec: [%s %s] crypto profile %s, keep-sa %s, ip pmtu %s, "
		 "lcp renegotiation %s\n", kind, name, s.profile, s.keep_sa ? "yes" : "no",
		 s.ip_pmtu ? "yes" : "no", l2tpsec_lcp_name(s.lcp));
}

/*
 * When every section requires IPsec, nothing may enter xl2tpd's shared socket in plaintext:
 * the kernel holds that rule for it (a per-socket policy, any SA) whatever charon does. With
 * an unprotected section beside them the guard alone decides, packet by packet.
 */
static void guard_listening_socket(void)
{
	int r;

	if (!l2tpsec_every_section_protected()) {
		l2tp_log(LOG_INFO, "l2tpsec: some sections need no IPsec: the listening socket admits "
			 "plaintext, each packet is checked against its peer's SA\n");
		return;
	}
	r = l2tpsec_sockpolicy_require_esp(server_socket, AF_INET, L2TPSEC_SOCK_IN, 0, 0);
	if (r) {
		l2tp_log(LOG_CRIT, "l2tpsec: cannot make the kernel refuse plaintext on the "
			 "listening socket: %s. Terminating.\n", strerror(-r));
		exit(1);
	}
	l2tp_log(LOG_INFO, "l2tpsec: every section requires IPsec: the kernel refuses plaintext "
		 "L2TP on the listening socket (a section added later without a crypto profile "
		 "cannot be reached until xl2tpd restarts)\n");
}

/* tunnels cost descriptors (two each on the kernel data path), never a select() wall */
static void log_descriptor_limit(void)
{
	unsigned long long was, now;

	if (l2tpsec_pollset_raise_limit(&was, &now))
		l2tp_log(LOG_WARNING, "l2tpsec: descriptor limit not raised: %s\n", strerror(errno));
	else
		l2tp_log(LOG_INFO, "l2tpsec: descriptor limit %llu (was %llu), main loop on poll()\n",
			 now, was);
}

void l2tpsec_started(int kernel_data_path)
{
	int on = 1;

	/* Say which data path runs: enforcement must never push xl2tpd into userspace mode. */
	l2tp_log(LOG_INFO, "l2tpsec %s hooks active, L2TP data path: %s, crypto socket %s\n",
		 L2TPSEC_VERSION, kernel_data_path ? "kernel (pppol2tp)" : "userspace",
		 l2tpsec_socket_path());
	log_descriptor_limit();
	if (l2tpsec_global_session_limit())
		l2tp_log(LOG_INFO, "l2tpsec: vpdn session-limit %d\n",
			 l2tpsec_global_session_limit());
	if (deflns)
		log_section("lns", deflns->entname, deflns, CONTEXT_LNS);
	if (deflac)
		log_section("lac", deflac->entname, deflac, CONTEXT_LAC);
	for (struct lns *n = lnslist; n; n = n->next)
		log_section("lns", n->entname, n, CONTEXT_LNS);
	for (struct lac *c = laclist; c; c = c->next)
		log_section("lac", c->entname, c, CONTEXT_LAC);
	l2tpsec_failover_started();
	enforcing = l2tpsec_any_profile();
	if (!enforcing)
		return;
	/* each packet's destination address narrows the SA lookup */
	if (setsockopt(server_socket, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on)))
		l2tp_log(LOG_WARNING, "l2tpsec: IP_PKTINFO: %s (SAs matched by peer only)\n",
			 strerror(errno));
	guard_listening_socket();
}

/* the come-back time while control replies wait for their clients */
#define CTL_RETRY_MS 20

void l2tpsec_ready(void)
{
	int r;

	xl2tpd_pid = getpid();
	/* show vpdn and its kin work with or without IPsec required */
	r = l2tpsec_ctl_start(l2tpsec_control_path(), l2tpsec_vpdn_request);
	if (r)
		l2tp_log(LOG_WARNING, "l2tpsec: no control socket at %s: %s (show vpdn, clear vpdn "
			 "and debug vpdn will not reach this xl2tpd)\n", l2tpsec_control_path(),
			 strerror(-r));
	if (enforcing) {
		l2tpsec_guard_start();
		l2tpsec_switch_start();
	}
	l2tpsec_pmtu_start();
}

void l2tpsec_fdset(struct l2tpsec_pollset *readfds)
{
	l2tpsec_ctl_fdset(readfds);
	if (!enforcing)
		return;
	l2tpsec_cs_fdset(readfds);
	l2tpsec_switch_fdset(readfds);
}

struct timeval *l2tpsec_select_timeout(struct timeval *ptv, struct timeval *storage)
{
	/* every turn of xl2tpd's loop: the clock is read only with a timer armed */
	int64_t ms = l2tpsec_timer_pending() ? l2tpsec_timer_run(l2tpsec_now_ms()) : -1;
	if (l2tpsec_ctl_pending() && (ms < 0 || ms > CTL_RETRY_MS))
		ms = CTL_RETRY_MS;
	if (ms < 0)
		return ptv;
	if (ptv && (int64_t)ptv->tv_sec * 1000 + ptv->tv_usec / 1000 <= ms)
		return ptv;
	storage->tv_sec = ms / 1000;
	storage->tv_usec = (ms % 1000) * 1000;
	return storage;
}

void l2tpsec_poll(const struct l2tpsec_pollset *readfds)
{
	l2tpsec_ctl_poll(readfds);
	if (!enforcing)
		return;
	l2tpsec_cs_poll(readfds);
	l2tpsec_switch_poll(readfds);
}

int l2tpsec_packet_allowed(const struct sockaddr_in *from, const struct in_pktinfo *to,
			   int tunnel_id, const void *packet, size_t len)
{
	char host_name[MAXSTRLEN];
	uint16_t ver = 0;

	if (!enforcing)
		return 1;
	if (tunnel_id)
		return l2tpsec_guard_packet_allowed(from, to, tunnel_id, NULL);
	/* a control message's 12-byte header is already in host order (fix_hdr()) */
	if (len >= 12)
		memcpy(&ver, packet, sizeof(ver));
	if (len < 12 || !(ver & 0x8000) ||
	    l2tpsec_sccrq_host_name((const uint8_t *)packet + 12, len - 12, host_name,
				    sizeof(host_name)) != 1)
		return l2tpsec_guard_packet_allowed(from, to, 0, NULL);
	return l2tpsec_guard_packet_allowed(from, to, 0, host_name);
}

struct lns *l2tpsec_get_lns(struct tunnel *t)
{
	const struct l2tpsec_sa *sa = NULL;
	const char *name = t->hostname[0] ? t->hostname : NULL;
	struct cs_endpoint peer;
	char safe[64], from[64];
	struct lns *lns;

	if (!enforcing && !l2tpsec_any_terminate_from())
		return get_lns(t);
	cs_endpoint_from_sin(&peer, &t->peer);
	cs_format_endpoint(&peer, from, sizeof(from));
	if (enforcing)
		sa = l2tpsec_guard_sa(&peer);
	lns = l2tpsec_sccrq_lns(&t->peer, sa ? sa->profile : NULL, name);
	l2tpsec_printable(name, safe, sizeof(safe));
	if (lns)
		l2tp_log(LOG_INFO, "l2tpsec: SCCRQ from %s, host name '%s', %s%s: [lns %s]\n", from,
			 safe, sa ? "IPsec SA of crypto profile " : "no IPsec", sa ? sa->profile : "",
			 lns->entname);
	else
		l2tp_log(LOG_WARNING, "l2tpsec: SCCRQ from %s, host name '%s', %s%s: no [lns] "
			 "section serves it (its crypto profile and terminate from must match)\n",
			 from, safe, sa ? "IPsec SA of crypto profile " : "no IPsec",
			 sa ? sa->profile : "");
	return lns;
}

int l2tpsec_may_dial(struct lac *lac, struct in_addr addr, int port)
{
	if (!enforcing || !lac)
		return 1;
	return l2tpsec_guard_may_dial(lac, addr, ntohs((uint16_t)port));
}

int l2tpsec_payload_out(struct tunnel *t, struct call *c, struct buffer *buf)
{
	return l2tpsec_pmtu_payload(t, c, buf->start, buf->len);
}

int l2tpsec_may_send(struct tunnel *t)
{
	return !enforcing || l2tpsec_guard_may_send(t);
}

int l2tpsec_tunnel_socket(struct tunnel *t, int fd)
{
	return enforcing ? l2tpsec_guard_tunnel_socket(t, fd) : 0;
}

/* t's own socket carries its XFRM policies (a protected tunnel) */
static int policy_bound(const struct tunnel *t)
{
	return enforcing && t && t->l2tpsec.socket_bound;
}

int l2tpsec_pppd_holds(const struct tunnel *t, const struct call *c)
{
	return t == c->container && policy_bound(t);
}

void l2tpsec_pppd_child(const struct call *c)
{
	if (!policy_bound(c->container))
		return;
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) == 0 && getppid() != xl2tpd_pid)
		raise(SIGTERM);		/* xl2tpd died before the request took */
}

int l2tpsec_own_socket(const struct tunnel *t)
{
	return enforcing && t && l2tpsec_tunnel_has_socket(t);
}

int l2tpsec_xmit_socket(const struct tunnel *t, int fallback)
{
	return l2tpsec_own_socket(t) ? t->udp_fd : fallback;
}

void l2tpsec_tunnel_destroyed(struct tunnel *t)
{
	char why[160];

	if (enforcing)
		l2tpsec_guard_tunnel_gone(t);
	l2tpsec_failover_tunnel_gone(t);
	/* a tunnel that never came up, and no other LNS to try: switched clients waiting for it
	 * are told now, not when their wait runs out */
	if (t->lac && t->state != SCCCN && !l2tpsec_failover_any_up(t->lac)) {
		snprintf(why, sizeof(why), "no tunnel to LNS %s%s%.80s", IPADDY(t->peer.sin_addr),
			 t->self && t->self->errormsg[0] ? ": " : "", t->self ? t->self->errormsg : "");
		l2tpsec_switch_lac_failed(t->lac, why);
	}
}

void l2tpsec_lac_removed(struct lac *lac)
{
	l2tpsec_failover_lac_closing(lac, 1);
	l2tpsec_failover_forget(lac);
	l2tpsec_aaa_forget(lac);
}

int l2tpsec_tunnel_secret(const struct tunnel *t, unsigned char *secret, size_t size)
{
	return t->lac && l2tpsec_aaa_secret(t, secret, size);
}

void l2tpsec_lac_disconnect(struct lac *lac)
{
	l2tpsec_failover_lac_closing(lac, 0);
}

void l2tpsec_lac_pick_tunnel(struct lac *lac)
{
	l2tpsec_failover_pick_tunnel(lac);
}

int l2tpsec_lac_current_tunnel(const struct tunnel *t)
{
	return l2tpsec_failover_is_current(t);
}

struct host *l2tpsec_lac_lns(struct lac *lac)
{
	struct host *h = l2tpsec_failover_lns(lac);

	return h ? h : lac->lns;
}

void l2tpsec_tunnel_created(struct tunnel *t)
{
	l2tpsec_vpdn_tunnel_created(t);
}

void l2tpsec_call_created(struct call *c)
{
	l2tpsec_vpdn_call_created(c);
}
