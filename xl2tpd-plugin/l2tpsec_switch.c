/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE	/* struct ucred */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <arpa/inet.h>

#include "l2tp.h"	/* xl2tpd: struct lac/call/tunnel/buffer, laclist, magic_lac_dial, l2tp_log */
#include "l2tpsec_names.h"
#include "l2tpsec_admit.h"
#include "l2tpsec_limits.h"
#include "l2tpsec_proxy.h"
#include "l2tpsec_switch.h"
#include "l2tpsec_aaa_lac.h"
#include "l2tpsec_tunnels.h"
#include "l2tpsec_failover.h"
#include "l2tpsec_lnsset.h"
#include "l2tpsec_timer.h"
#include "proxy_avp.h"

#ifdef USE_KERNEL
#include <linux/if_pppox.h>
#endif

#define REQUEST_MAX 65536	/* "dial NAME\n" and the text form of the proxy data */
#define BRIDGE_WAIT_MS 5000	/* the plugin's answer to a hand-over: a few ioctls */

enum requester_state {
	CONNECTED,	/* no request yet */
	DIALLING,	/* its call is being placed (c set), or waits for the [lac]'s tunnel */
	BRIDGED,	/* the session is the client's; the call lives as long as this socket */
};

struct requester {
	int fd;
	enum requester_state state;
	struct lac *lac;
	struct call *c;
	struct proxy_info proxy;
	int busy_retry;		/* its call was refused as busy: place it again (retry_refused) */
	struct requester *next;
};

static int listen_fd = -1;
static struct requester *requesters;

void l2tpsec_switch_start(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	mode_t old;

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", L2TPSEC_SWITCH_SOCKET);
	mkdir(L2TPSEC_RUN_DIR, 0750);
	listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	unlink(sa.sun_path);
	old = umask(077);	/* root only: the requests carry passwords */
	if (listen_fd < 0 || bind(listen_fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    listen(listen_fd, 16)) {
		l2tp_log(LOG_ERR, "l2tpsec: cannot listen for switched sessions on %s: %s\n",
			 sa.sun_path, strerror(errno));
		if (listen_fd >= 0)
			close(listen_fd);
		listen_fd = -1;
	}
	umask(old);
}

static void say(int fd, const char *fmt, const char *arg)
{
	char line[300];
	int n = snprintf(line, sizeof(line), fmt, arg);

	if (n > 0 && send(fd, line, (size_t)n, MSG_NOSIGNAL) < 0)
		l2tp_log(LOG_DEBUG, "l2tpsec: switch: answer lost: %s\n", strerror(errno));
}

static void drop(struct requester *r)
{
	for (struct requester **p = &requesters; *p; p = &(*p)->next)
		if (*p == r) {
			*p = r->next;
			break;
		}
	close(r->fd);
	memset(r, 0, sizeof(*r));	/* the proxied response does not linger */
	free(r);
}

/* the requester a call was placed for; else the longest waiting one of its [lac] without one */
static struct requester *of_call(const struct call *c)
{
	struct requester *r, *oldest = NULL;

	for (r = requesters; r; r = r->next) {
		if (r->c == c && r->state != CONNECTED)
			return r;
		if (r->lac == c->lac && r->state == DIALLING && !r->c)
			oldest = r;	/* the list is newest first */
	}
	return oldest;
}

static int tunnel_up(const struct lac *lac)
{
	return lac->t && lac->t->state == SCCCN;
}

/*
 * Place a call for r: with its [lac]'s tunnel up, xl2tpd's magic_lac_dial() creates the call
 * at once (lac->c) and r is bound to it; otherwise the first requester dials the tunnel and
 * every waiting one gets its call once the tunnel is up (l2tpsec_switch_iccn places the next).
 */
static void place_call(struct requester *r)
{
	struct lac *lac = r->lac;
	int dialling = 0;

	for (struct requester *o = requesters; o; o = o->next)
		if (o != r && o->lac == lac && o->state == DIALLING && !o->c)
			dialling = 1;
	if (!tunnel_up(lac) && dialling)
		return;		/* the tunnel is on its way; the call follows it */
	lac->active = -1;
	lac->rtries = 0;
	switch_io = 1;	/* an incoming call (ICRQ), as xl2tpd's own "c" command makes it */
	magic_lac_dial(lac);
	if (tunnel_up(lac) && lac->c && !l2tpsec_switched(lac->c))
		r->c = lac->c;
}

/* no requester of lac is left: stop xl2tpd redialling it */
static void lac_idle(struct lac *lac, const struct requester *going)
{
	for (struct requester *r = requesters; r; r = r->next)
		if (r != going && r->lac == lac && r->state != CONNECTED)
			return;
	lac->active = 0;
}

/* a requester holds c */
static int bound(const struct call *c)
{
	for (struct requester *r = requesters; r; r = r->next)
		if (r->c == c)
			return 1;
	return 0;
}

/* live calls on lac's tunnels that no requester holds yet */
static unsigned unbound_calls(const struct lac *lac)
{
	unsigned n = 0;

	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		if (t->lac != lac)
			continue;
		for (struct call *c = t->call_head; c; c = c->next)
			if (!c->closing && !c->needclose && !bound(c))
				n++;
	}
	return n;
}

/* switched sessions of lac still to come (NULL: of every [lac]); a call xl2tpd has placed for
 * a waiting requester is counted among the sessions, not here too (l2tpsec_limits.h) */
static unsigned waiting(const struct lac *lac)
{
	unsigned n = 0, sum = 0;

	if (!lac) {
		for (struct requester *r = requesters; r; r = r->next) {
			int first = 1;

			for (struct requester *o = requesters; o != r; o = o->next)
				if (o->lac == r->lac)
					first = 0;
			if (first && r->lac)
				sum += waiting(r->lac);
		}
		return sum;
	}
	for (struct requester *r = requesters; r; r = r->next)
		if (r->state == DIALLING && !r->c && r->lac == lac)
			n++;
	return l2tpsec_limit_waiting(n, unbound_calls(lac));
}

/* the [lac] a request names: "dial NAME\n", or RADIUS's tunnels (l2tpsec_aaa_lac.h); *rest:
 * the proxy text after it; NULL when refused (said to the requester and logged) */
static struct lac *requested_lac(struct requester *r, char *msg, char **rest)
{
	char *nl = strchr(msg, '\n'), why[300];
	struct lac *lac;

	if (!strncmp(msg, L2TPSEC_SWITCH_DIAL_AAA " ", strlen(L2TPSEC_SWITCH_DIAL_AAA) + 1)) {
		lac = l2tpsec_aaa_lac(msg, rest, why, sizeof(why));
		if (!lac) {
			l2tp_log(LOG_WARNING, "l2tpsec: switched session refused: RADIUS's tunnels: "
				 "%s\n", why);
			say(r->fd, "error %s\n", why);
		}
		return lac;
	}
	if (strncmp(msg, L2TPSEC_SWITCH_DIAL " ", strlen(L2TPSEC_SWITCH_DIAL) + 1) || !nl) {
		say(r->fd, "error %s\n", "not a dial request");
		return NULL;
	}
	*nl = '\0';
	*rest = nl + 1;
	msg += strlen(L2TPSEC_SWITCH_DIAL) + 1;
	lac = l2tpsec_lac_named(msg);
	if (!lac || l2tpsec_aaa_is_runtime(lac)) {
		l2tp_log(LOG_WARNING, "l2tpsec: switched session refused: no [lac %s] section\n",
			 msg);
		say(r->fd, "error no [lac %s] section\n", msg);
		return NULL;
	}
	return lac;
}

static void take_request(struct requester *r, char *msg)
{
	const char *why;
	char limit[128], *rest = NULL;

	r->lac = requested_lac(r, msg, &rest);
	if (!r->lac) {
		drop(r);
		return;
	}
	if (proxy_from_text(&r->proxy, rest, &why)) {
		l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] switched session refused: proxy data: "
			 "%s\n", r->lac->entname, why);
		say(r->fd, "error proxy data: %s\n", why);
		drop(r);
		return;
	}
	if (l2tpsec_admit_switched(r->lac, waiting(r->lac), waiting(NULL), limit,
				   sizeof(limit))) {
		say(r->fd, "error %s\n", limit);
		drop(r);
		return;
	}
	r->state = DIALLING;
	l2tp_log(LOG_INFO, "l2tpsec: [lac %s] switched session requested (proxy authentication "
		 "%s): dialling\n", r->lac->entname, proxy_authen_type_name(r->proxy.authen_type));
	place_call(r);
}

static void readable(struct requester *r)
{
	static char msg[REQUEST_MAX + 1];
	ssize_t n = recv(r->fd, msg, REQUEST_MAX, MSG_DONTWAIT);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n > 0 && r->state == CONNECTED) {
		msg[n] = '\0';
		take_request(r, msg);
		memset(msg, 0, (size_t)n);
		return;
	}
	if (n > 0)
		return;		/* nothing else is said on a request's socket */
	/* the requester (the client's pppd) is gone */
	if (r->state == BRIDGED && r->c) {
		l2tp_log(LOG_INFO, "l2tpsec: [lac %s] the switched client hung up: call %d closes\n",
			 r->lac->entname, r->c->ourcid);
		strcpy(r->c->errormsg, "client hung up");
		r->c->needclose = -1;
		r->c = NULL;
	} else if (r->state == DIALLING) {
		if (r->c)
			r->c->needclose = -1;	/* its call, placed, is nobody's now */
		lac_idle(r->lac, r);
	}
	drop(r);
}

void l2tpsec_switch_fdset(struct l2tpsec_pollset *readfds)
{
	if (listen_fd < 0)
		return;
	l2tpsec_pollset_add(readfds, listen_fd);
	for (struct requester *r = requesters; r; r = r->next)
		l2tpsec_pollset_add(readfds, r->fd);
}

void l2tpsec_switch_poll(const struct l2tpsec_pollset *readfds)
{
	struct ucred cred = { .uid = (uid_t)-1 };
	socklen_t cred_len = sizeof(cred);
	struct requester *r, *next;
	int fd;

	if (listen_fd < 0)
		return;
	for (r = requesters; r; r = next) {
		next = r->next;
		if (l2tpsec_pollset_ready(readfds, r->fd))
			readable(r);
	}
	if (!l2tpsec_pollset_ready(readfds, listen_fd))
		return;
	fd = accept(listen_fd, NULL, NULL);
	if (fd < 0)
		return;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &cred_len) || cred.uid != 0) {
		/* the socket is root's only; this is a second line, against a loosened mode */
		l2tp_log(LOG_WARNING, "l2tpsec: switch request from uid %u refused: root only\n",
			 (unsigned)cred.uid);
		close(fd);
		return;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	r = calloc(1, sizeof(*r));
	if (!r) {
		close(fd);
		return;
	}
	r->fd = fd;
	r->next = requesters;
	requesters = r;
}

#ifdef USE_KERNEL
/* the kernel session for c, as start_pppd() would make it for pppd's pppol2tp plugin */
static int open_session(const struct call *c)
{
	union {
		struct sockaddr sa;	/* (the kernel's struct is packed: connect() gets this) */
		struct sockaddr_pppol2tp px;
	} to;
	struct sockaddr_pppol2tp sax;
	int fd = socket(AF_PPPOX, SOCK_DGRAM | SOCK_CLOEXEC, PX_PROTO_OL2TP);

	if (fd < 0)
		return -1;
	memset(&sax, 0, sizeof(sax));
	sax.sa_family = AF_PPPOX;
	sax.sa_protocol = PX_PROTO_OL2TP;
	sax.pppol2tp.fd = c->container->udp_fd;
	sax.pppol2tp.addr.sin_addr.s_addr = c->container->peer.sin_addr.s_addr;
	sax.pppol2tp.addr.sin_port = c->container->peer.sin_port;
	sax.pppol2tp.addr.sin_family = AF_INET;
	sax.pppol2tp.s_tunnel = (uint16_t)c->container->ourtid;
	sax.pppol2tp.s_session = (uint16_t)c->ourcid;
	sax.pppol2tp.d_tunnel = (uint16_t)c->container->tid;
	sax.pppol2tp.d_session = (uint16_t)c->cid;
	to.px = sax;
	if (connect(fd, &to.sa, sizeof(to.px)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}
#endif

/* "session TID CID\n" with the session and tunnel sockets */
static int hand_over(int to, const struct call *c, int session)
{
	int fds[2] = { session, c->container->udp_fd };
	char line[64], cbuf[CMSG_SPACE(sizeof(fds))];
	struct iovec iov = { .iov_base = line };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			     .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm;

	iov.iov_len = (size_t)snprintf(line, sizeof(line), "session %d %d\n", c->container->ourtid,
				       c->ourcid);
	memset(cbuf, 0, sizeof(cbuf));
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(fds));
	memcpy(CMSG_DATA(cm), fds, sizeof(fds));
	return sendmsg(to, &mh, MSG_NOSIGNAL) < 0 ? -1 : 0;
}

/* the plugin's answer: "bridged\n" within BRIDGE_WAIT_MS, else why not */
static int bridged(struct requester *r, char *why, size_t len)
{
	struct pollfd p = { .fd = r->fd, .events = POLLIN };
	char answer[256];
	ssize_t n;

	if (poll(&p, 1, BRIDGE_WAIT_MS) != 1) {
		snprintf(why, len, "no answer from the client's pppd");
		return 0;
	}
	n = recv(r->fd, answer, sizeof(answer) - 1, MSG_DONTWAIT);
	if (n <= 0) {
		snprintf(why, len, "the client's pppd went away");
		return 0;
	}
	answer[n] = '\0';
	answer[strcspn(answer, "\n")] = '\0';
	if (!strcmp(answer, "bridged"))
		return 1;
	snprintf(why, len, "the client's pppd: %s", answer);
	return 0;
}

/* the tunnel is up: every requester still waiting for it gets its call now */
static void place_waiting(const struct lac *lac)
{
	struct requester *r;

	for (r = requesters; r; r = r->next)
		if (r->lac == lac && r->state == DIALLING && !r->c) {
			place_call(r);
			if (!r->c)
				return;		/* not placed: try again at the next ICRP */
		}
}

int l2tpsec_switch_iccn(struct buffer *buf, struct call *c)
{
	struct requester *r = c->lac ? of_call(c) : NULL;
	char why[300] = "";
	int session = -1;

	if (!r || r->state != DIALLING)
		return 0;	/* an ordinary LAC call: its own pppd, no proxy data */
	r->c = c;
#ifdef USE_KERNEL
	if (kernel_support)
		session = open_session(c);
	if (session < 0)
		snprintf(why, sizeof(why), "no kernel L2TP session: %s",
			 kernel_support ? strerror(errno) : "xl2tpd runs without the kernel data path");
#else
	snprintf(why, sizeof(why), "xl2tpd was built without the kernel data path");
#endif
	if (session >= 0 && hand_over(r->fd, c, session))
		snprintf(why, sizeof(why), "cannot hand the session over: %s", strerror(errno));
	if (session >= 0)
		close(session);		/* the client's pppd holds it now */
	if (!why[0] && bridged(r, why, sizeof(why))) {
		r->state = BRIDGED;
		r->c = c;
		l2tp_log(LOG_INFO, "l2tpsec: [lac %s] call %d switched: the client's PPP is bridged "
			 "into the session, ICCN follows\n", c->lac->entname, c->ourcid);
		if (r->proxy.present)
			l2tpsec_proxy_append(buf, c, &r->proxy);
		memset(&r->proxy, 0, sizeof(r->proxy));
		place_waiting(c->lac);
		return 0;
	}
	l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] call %d not switched (%s): hung up\n",
		 c->lac->entname, c->ourcid, why);
	say(r->fd, "error %s\n", why);
	lac_idle(r->lac, r);
	drop(r);
	place_waiting(c->lac);
	return -1;
}

int l2tpsec_switched(const struct call *c)
{
	for (struct requester *r = requesters; r; r = r->next)
		if (r->c == c && r->state != CONNECTED)
			return 1;
	return 0;
}

void l2tpsec_switch_lac_failed(struct lac *lac, const char *why)
{
	struct requester *r, *next;
	int n = 0;

	for (r = requesters; r; r = next) {
		next = r->next;
		if (r->lac != lac || r->state != DIALLING || r->c)
			continue;
		say(r->fd, "error %s\n", why);
		drop(r);
		n++;
	}
	if (!n)
		return;
	l2tp_log(LOG_WARNING, "l2tpsec: [lac %s] %d switched session(s) refused: %s\n",
		 lac->entname, n, why);
	lac_idle(lac, NULL);
}

/* requesters whose call an LNS refused as busy: placed again, off the refused call's teardown */
static struct l2tpsec_timer retry_timer;

static void retry_refused(void *unused)
{
	(void)unused;
	/* (place_call dials a [lac]'s tunnel once: its other requesters follow that tunnel) */
	for (struct requester *r = requesters; r; r = r->next)
		if (r->busy_retry) {
			r->busy_retry = 0;
			if (r->state == DIALLING && !r->c && l2tpsec_lac_exists(r->lac))
				place_call(r);
		}
}

/* c, a switched session not yet up, refused by its LNS for lack of resources (CDN result 4, 5)
 * while another LNS of its [lac] is up: its requester waits for a call there instead */
static int retried_elsewhere(struct requester *r, struct call *c)
{
	char why[L2TPSEC_LNS_REASON_LEN];

	if (r->state != DIALLING || !c->lac || !c->container || (c->result != 4 && c->result != 5))
		return 0;
	snprintf(why, sizeof(why), "busy: session refused (CDN result %d%s%.60s)", c->result,
		 c->errormsg[0] ? ": " : "", c->errormsg);
	if (!l2tpsec_failover_busy(c->container, why))
		return 0;
	l2tp_log(LOG_INFO, "l2tpsec: [lac %s] call %d refused by LNS %s (%s): trying the next "
		 "LNS\n", c->lac->entname, c->ourcid, IPADDY(c->container->peer.sin_addr), why);
	r->c = NULL;
	r->busy_retry = 1;
	l2tpsec_timer_arm(&retry_timer, l2tpsec_now_ms(), 0, retry_refused, NULL);
	return 1;
}

void l2tpsec_switch_call_gone(struct call *c)
{
	for (struct requester *r = requesters; r; r = r->next)
		if (r->c == c) {
			if (retried_elsewhere(r, c))
				return;
			if (c->lac)	/* the client's session, not to be redialled */
				lac_idle(c->lac, r);
			drop(r);	/* the client's pppd sees its socket close and hangs up */
			return;
		}
}
