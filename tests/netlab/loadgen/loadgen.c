/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tp-loadgen -s LNS -a FIRST_ADDR -n N [-r PER_SECOND] [-w WINDOW] [-u USER -p PASSWORD]
 *              [-H HOST_NAME] [-t SETUP_SECONDS] [-h HOLD_SECONDS] [-q SCCRQ_SECONDS] [-R]
 * N L2TP clients against one LNS, client i from address FIRST_ADDR + i, port 1701 (the
 * addresses must be on an interface here; IPsec, if any, is the kernel's: a trap policy per
 * address makes the first SCCRQ start IKE). Each runs a real tunnel (SCCRQ, SCCRP, SCCCN with
 * Ns/Nr, acknowledgements and retransmission), one call (ICRQ, ICRP, ICCN) and a PPP session in
 * it (LCP, PAP or CHAP-MD5, IPCP), as a dial-up LAC with its client would. New tunnels start at
 * most PER_SECOND a second (default 50) with at most WINDOW (default 100) being set up at once.
 * Once every client is up or failed (or SETUP_SECONDS, default 600, passed), the sessions are
 * held HOLD_SECONDS (default 0) answering the LNS's echoes, then all hung up at once (LCP
 * Terminate-Request, CDN, StopCCN), also on SIGINT/SIGTERM. -R: each client sends its SCCRQ
 * once more as the SCCRP arrives (the copy crossing the answer, as from a client whose first
 * answer came late). A client whose SCCRQ, sent every second, has no answer after SCCRQ_SECONDS
 * (default 60; its IKE may queue behind hundreds) gives up. Prints progress, then one line
 *   RESULT n=N tunnels_up=T sessions_up=S setup_s=... tunnels_per_s=... sessions_per_s=...
 *          session_ms_min=... session_ms_median=... session_ms_max=... held_up=H down_acked=D
 * and one "failed: COUNT REASON" line per reason. Exit 0 when every session came up and stayed
 * up through the hold, 1 otherwise, 2 on a usage or system error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "l2tp_msg.h"
#include "ppp_client.h"

#define L2TP_PORT 1701
#define QUEUE 4			/* control messages in flight per tunnel */
#define CTRL_RETRIES 7		/* 1 + 2 + 4 + 8 + 8 ... s */
#define PPP_RESEND_MS 3000
#define PPP_RETRIES 10
#define MAX_REASONS 16

enum tstate { T_IDLE, T_SCCRP, T_ICRP, T_PPP, T_UP, T_CLOSING, T_DONE };

struct pending {
	uint8_t b[256];
	size_t len;
	unsigned ns;
};

struct client {
	int fd;
	enum tstate state;
	unsigned tid, peer_tid, sid, peer_sid;
	unsigned ns, nr;
	struct pending q[QUEUE];
	uint8_t sccrq[256];		/* for -R */
	size_t sccrq_len;
	int qn;
	uint64_t rto_due, rto_ms;
	unsigned retries;
	uint64_t t_start, t_tunnel, t_session;
	uint64_t ppp_due;
	unsigned ppp_tries;
	struct ppp_client ppp;
	int failed;
	int hung_up;			/* our StopCCN was acknowledged (or crossed the LNS's) */
	int lns_closed;			/* the LNS sent its StopCCN */
	char why[96];
};

static struct client *clients;
static unsigned n_clients;
static struct sockaddr_in lns;
static const char *host_name = "loadgen", *user = "load", *password = "load-pw";
static int repeat_sccrq;
static unsigned sccrq_retries = 60;	/* a second apart: the IKE it started may queue */
static volatile sig_atomic_t stop;

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void xmit(struct client *c, const uint8_t *b, size_t len)
{
	/* a lost datagram is L2TP's to recover (retransmission), never fatal here */
	(void)send(c->fd, b, len, MSG_DONTWAIT);
}

static void fail(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct client *c, const char *fmt, ...)
{
	va_list ap;

	if (c->state == T_DONE)
		return;
	va_start(ap, fmt);
	vsnprintf(c->why, sizeof(c->why), fmt, ap);
	va_end(ap);
	c->failed = 1;
	c->state = T_DONE;
}

/* a control message with the next Ns, kept until the peer's Nr acknowledges it */
static void send_ctrl(struct client *c, struct l2tp_ctrl *m, unsigned sid)
{
	struct pending *p;

	if (c->qn == QUEUE)
		return fail(c, "control window full");
	l2tp_ctrl_finish(m, c->peer_tid, sid, c->ns, c->nr);
	p = &c->q[c->qn++];
	memcpy(p->b, m->b, m->len);
	p->len = m->len;
	p->ns = c->ns;
	c->ns = (c->ns + 1) & 0xffff;
	if (c->qn == 1) {
		c->rto_ms = 1000;
		c->rto_due = now_ms() + c->rto_ms;
		c->retries = 0;
	}
	xmit(c, p->b, p->len);
}

static void send_zlb(struct client *c)
{
	struct l2tp_ctrl m;

	l2tp_ctrl_start(&m, L2TP_ZLB);
	l2tp_ctrl_finish(&m, c->peer_tid, 0, c->ns, c->nr);
	xmit(c, m.b, m.len);
}

static void ppp_send(void *ctx, const uint8_t *frame, size_t len)
{
	struct client *c = ctx;
	uint8_t b[L2TP_MAX_MSG];
	size_t n = l2tp_data(b, sizeof(b), c->peer_tid, c->peer_sid, frame, len);

	if (n)
		xmit(c, b, n);
}

static void start_tunnel(struct client *c)
{
	struct l2tp_ctrl m;

	c->t_start = now_ms();
	c->state = T_SCCRP;
	l2tp_ctrl_start(&m, L2TP_SCCRQ);
	l2tp_ctrl_avp16(&m, AVP_PROTOCOL_VERSION, 0x0100);
	l2tp_ctrl_avp(&m, AVP_HOST_NAME, host_name, strlen(host_name));
	l2tp_ctrl_avp32(&m, AVP_FRAMING_CAPABILITIES, 3);
	l2tp_ctrl_avp16(&m, AVP_ASSIGNED_TUNNEL_ID, c->tid);
	l2tp_ctrl_avp16(&m, AVP_RECEIVE_WINDOW_SIZE, QUEUE);
	send_ctrl(c, &m, 0);
	memcpy(c->sccrq, c->q[0].b, c->q[0].len);
	c->sccrq_len = c->q[0].len;
}

static void got_sccrp(struct client *c, const struct l2tp_parsed *p)
{
	struct l2tp_ctrl m;

	if (p->challenge)
		return fail(c, "the LNS asked for tunnel authentication");
	if (repeat_sccrq)
		xmit(c, c->sccrq, c->sccrq_len);
	if (!p->assigned_tid)
		return fail(c, "SCCRP without an Assigned Tunnel ID");
	c->peer_tid = p->assigned_tid;
	c->t_tunnel = now_ms();
	l2tp_ctrl_start(&m, L2TP_SCCCN);
	send_ctrl(c, &m, 0);
	l2tp_ctrl_start(&m, L2TP_ICRQ);
	l2tp_ctrl_avp16(&m, AVP_ASSIGNED_SESSION_ID, c->sid);
	l2tp_ctrl_avp32(&m, AVP_CALL_SERIAL_NUMBER, c->tid);
	send_ctrl(c, &m, 0);
	c->state = T_ICRP;
}

static void got_icrp(struct client *c, const struct l2tp_parsed *p)
{
	struct l2tp_ctrl m;

	if (!p->assigned_sid)
		return fail(c, "ICRP without an Assigned Session ID");
	c->peer_sid = p->assigned_sid;
	l2tp_ctrl_start(&m, L2TP_ICCN);
	l2tp_ctrl_avp32(&m, AVP_TX_CONNECT_SPEED, 100000000);
	l2tp_ctrl_avp32(&m, AVP_FRAMING_TYPE, 1);
	send_ctrl(c, &m, c->peer_sid);
	c->state = T_PPP;
	c->ppp_due = now_ms() + PPP_RESEND_MS;
	ppp_client_start(&c->ppp, user, password, (uint32_t)random(), ppp_send, c);
}

/* a control message in order: act on it; 1 when it was answered with a message of ours */
static int control_in_order(struct client *c, const struct l2tp_parsed *p)
{
	unsigned before = c->ns;

	switch (p->type) {
	case L2TP_SCCRP:
		if (c->state == T_SCCRP)
			got_sccrp(c, p);
		break;
	case L2TP_ICRP:
		if (c->state == T_ICRP)
			got_icrp(c, p);
		break;
	case L2TP_STOPCCN:
		c->lns_closed = 1;
		if (c->state == T_CLOSING)
			c->hung_up = 1;		/* the LNS closed it too */
		else
			fail(c, "StopCCN from the LNS (result %u)", p->result);
		c->state = T_DONE;
		break;
	case L2TP_CDN:
		if (c->state != T_CLOSING)
			fail(c, "CDN from the LNS (result %u)", p->result);
		break;
	default:
		break;		/* HELLO and the rest: acknowledged */
	}
	return c->ns != before;
}

static void control_input(struct client *c, const struct l2tp_parsed *p)
{
	/* the peer's Nr acknowledges everything of ours before it */
	while (c->qn && l2tp_seq_before(c->q[0].ns, p->nr)) {
		memmove(&c->q[0], &c->q[1], sizeof(c->q[0]) * (size_t)--c->qn);
		c->rto_ms = 1000;
		c->rto_due = now_ms() + c->rto_ms;
		c->retries = 0;
	}
	if (c->state == T_CLOSING && !c->qn) {
		c->state = T_DONE;	/* our StopCCN acknowledged */
		c->hung_up = 1;
	}
	if (p->type == L2TP_ZLB)
		return;
	if (p->ns != c->nr) {
		if (l2tp_seq_before(p->ns, c->nr))
			send_zlb(c);	/* a retransmission of what we had: our ack was lost */
		return;			/* ahead of a lost one: it comes again */
	}
	c->nr = (c->nr + 1) & 0xffff;
	if (!control_in_order(c, p))
		send_zlb(c);
}

static void data_input(struct client *c, const struct l2tp_parsed *p)
{
	enum ppp_phase was = c->ppp.phase;

	if (c->state != T_PPP && c->state != T_UP)
		return;
	ppp_client_input(&c->ppp, p->payload, p->payload_len);
	if (c->ppp.phase == PPP_PHASE_UP && was != PPP_PHASE_UP) {
		c->t_session = now_ms();
		c->state = T_UP;
	} else if (c->ppp.phase == PPP_PHASE_DOWN) {
		fail(c, "PPP: %s", c->ppp.why);
	}
}

static void receive(struct client *c)
{
	uint8_t b[L2TP_MAX_MSG + 64];
	struct l2tp_parsed p;
	ssize_t n;

	while ((n = recv(c->fd, b, sizeof(b), MSG_DONTWAIT)) > 0) {
		if (l2tp_parse(b, (size_t)n, &p) || p.tid != c->tid)
			continue;
		if (p.control)
			control_input(c, &p);
		else if (p.sid == c->sid)
			data_input(c, &p);
	}
}

static void timers(struct client *c, uint64_t now)
{
	if (c->state == T_DONE)
		return;
	if (c->qn && now >= c->rto_due) {
		if (++c->retries > (c->state == T_SCCRP ? sccrq_retries : CTRL_RETRIES)) {
			if (c->state == T_CLOSING)
				c->state = T_DONE;	/* its StopCCN went unacknowledged */
			else
				fail(c, "no answer to our control message in state %d", (int)c->state);
			return;
		}
		for (int i = 0; i < c->qn; i++)
			xmit(c, c->q[i].b, c->q[i].len);
		/* the SCCRQ is resent every second while IPsec comes up (the kernel drops what
		 * starts an acquire); later messages back off as RFC 2661 5.8 has it */
		if (c->state != T_SCCRP)
			c->rto_ms = c->rto_ms * 2 > 8000 ? 8000 : c->rto_ms * 2;
		c->rto_due = now + c->rto_ms;
	}
	if (c->state == T_PPP && now >= c->ppp_due) {
		if (++c->ppp_tries > PPP_RETRIES)
			return fail(c, "PPP stuck in phase %d", (int)c->ppp.phase);
		ppp_client_resend(&c->ppp);
		c->ppp_due = now + PPP_RESEND_MS;
	}
}

/* hang up as a client does: LCP Terminate-Request, CDN, StopCCN (also a failed client's
 * tunnel, unless the LNS closed it: the LNS must not keep what the client gave up) */
static void hang_up(struct client *c)
{
	struct l2tp_ctrl m;

	if (c->state == T_IDLE || !c->peer_tid || c->lns_closed || c->hung_up)
		return;
	if (c->state == T_UP || c->state == T_PPP)
		ppp_client_terminate(&c->ppp, "hung up");
	c->qn = 0;	/* what was in flight is moot now */
	if (c->peer_sid) {
		l2tp_ctrl_start(&m, L2TP_CDN);
		l2tp_ctrl_avp16(&m, AVP_RESULT_CODE, 3);
		l2tp_ctrl_avp16(&m, AVP_ASSIGNED_SESSION_ID, c->sid);
		send_ctrl(c, &m, c->peer_sid);
	}
	l2tp_ctrl_start(&m, L2TP_STOPCCN);
	l2tp_ctrl_avp16(&m, AVP_RESULT_CODE, 1);
	l2tp_ctrl_avp16(&m, AVP_ASSIGNED_TUNNEL_ID, c->tid);
	send_ctrl(c, &m, 0);
	c->state = T_CLOSING;
}

static int open_socket(struct client *c, struct in_addr addr, int ep, unsigned i)
{
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(L2TP_PORT),
				  .sin_addr = addr };
	struct epoll_event ev = { .events = EPOLLIN, .data.u32 = i };
	int one = 1;

	c->fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (c->fd < 0 || setsockopt(c->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(c->fd, (struct sockaddr *)&me, sizeof(me)) ||
	    connect(c->fd, (struct sockaddr *)&lns, sizeof(lns)) ||
	    epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev)) {
		fprintf(stderr, "l2tp-loadgen: socket for %s:%d: %s\n", inet_ntoa(addr), L2TP_PORT,
			strerror(errno));
		return -1;
	}
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void report_failures(void)
{
	const char *why[MAX_REASONS];
	unsigned count[MAX_REASONS], kinds = 0, other = 0;

	for (unsigned i = 0; i < n_clients; i++) {
		unsigned k;

		if (!clients[i].failed)
			continue;
		for (k = 0; k < kinds && strcmp(why[k], clients[i].why); k++)
			;
		if (k == kinds && kinds == MAX_REASONS) {
			other++;
			continue;
		}
		if (k == kinds) {
			why[kinds] = clients[i].why;
			count[kinds++] = 0;
		}
		count[k]++;
	}
	for (unsigned k = 0; k < kinds; k++)
		printf("failed: %u %s\n", count[k], why[k]);
	if (other)
		printf("failed: %u for other reasons\n", other);
}

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: l2tp-loadgen -s LNS -a FIRST_ADDR -n N [-r PER_SECOND] [-w WINDOW] "
		"[-u USER -p PASSWORD] [-H HOST_NAME] [-t SETUP_SECONDS] [-h HOLD_SECONDS] "
		"[-q SCCRQ_SECONDS] [-R]\n");
	return 2;
}

/* run the event loop until done() or a signal, for at most limit_ms */
static void run(int ep, uint64_t limit_ms, int (*done)(void), unsigned rate, unsigned window)
{
	struct epoll_event ev[256];
	uint64_t t0 = now_ms(), last_progress = t0;
	unsigned started = 0;

	for (unsigned i = 0; i < n_clients; i++)
		started += clients[i].state != T_IDLE;
	while (!stop && !done() && now_ms() - t0 < limit_ms) {
		uint64_t now = now_ms();
		unsigned busy = 0;
		int n;

		for (unsigned i = 0; i < n_clients; i++)
			busy += clients[i].state >= T_SCCRP && clients[i].state <= T_PPP;
		while (rate && started < n_clients && busy < window &&
		       started < (now - t0) * rate / 1000 + 1) {
			start_tunnel(&clients[started++]);
			busy++;
		}
		n = epoll_wait(ep, ev, 256, 20);
		for (int i = 0; i < n; i++)
			receive(&clients[ev[i].data.u32]);
		now = now_ms();
		for (unsigned i = 0; i < n_clients; i++)
			timers(&clients[i], now);
		if (rate && now - last_progress >= 10000) {
			unsigned up = 0, down = 0;

			for (unsigned i = 0; i < n_clients; i++) {
				up += clients[i].state == T_UP;
				down += clients[i].failed;
			}
			printf("progress: %.0f s: %u started, %u up, %u failed\n",
			       (double)(now - t0) / 1000, started, up, down);
			fflush(stdout);
			last_progress = now;
		}
	}
}

static int setup_done(void)
{
	for (unsigned i = 0; i < n_clients; i++)
		if (clients[i].state != T_UP && clients[i].state != T_DONE)
			return 0;
	return 1;
}

static int never_done(void)
{
	return 0;
}

static int all_closed(void)
{
	for (unsigned i = 0; i < n_clients; i++)
		if (clients[i].state == T_CLOSING)
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	unsigned rate = 50, window = 100, setup_s = 600, hold_s = 0, tunnels_up = 0,
		 sessions_up = 0, held_up = 0, acked = 0, closing = 0;
	struct in_addr first = { 0 };
	uint64_t t0, t_last = 0, *lat;
	struct rlimit nofile;
	int o, ep;

	lns.sin_family = AF_INET;
	lns.sin_port = htons(L2TP_PORT);
	while ((o = getopt(argc, argv, "s:a:n:r:w:u:p:H:t:h:q:R")) != -1) {
		switch (o) {
		case 's': if (inet_pton(AF_INET, optarg, &lns.sin_addr) != 1) return usage(); break;
		case 'a': if (inet_pton(AF_INET, optarg, &first) != 1) return usage(); break;
		case 'n': n_clients = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'r': rate = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'w': window = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'u': user = optarg; break;
		case 'p': password = optarg; break;
		case 'H': host_name = optarg; break;
		case 't': setup_s = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'h': hold_s = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'R': repeat_sccrq = 1; break;
		case 'q': sccrq_retries = (unsigned)strtoul(optarg, NULL, 10); break;
		default: return usage();
		}
	}
	if (!lns.sin_addr.s_addr || !first.s_addr || !n_clients || n_clients > 65000 || !rate ||
	    !window || optind != argc)
		return usage();
	/* one socket per client, past the usual 1,024 */
	if (!getrlimit(RLIMIT_NOFILE, &nofile) && nofile.rlim_cur < n_clients + 64) {
		nofile.rlim_cur = nofile.rlim_max;
		setrlimit(RLIMIT_NOFILE, &nofile);
	}
	clients = calloc(n_clients, sizeof(*clients));
	lat = calloc(n_clients, sizeof(*lat));
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (!clients || !lat || ep < 0)
		return 2;
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	for (unsigned i = 0; i < n_clients; i++) {
		struct in_addr a = { htonl(ntohl(first.s_addr) + i) };

		clients[i].tid = i % 65535 + 1;
		clients[i].sid = 1;
		if (open_socket(&clients[i], a, ep, i))
			return 2;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);

	t0 = now_ms();
	run(ep, (uint64_t)setup_s * 1000, setup_done, rate, window);
	for (unsigned i = 0; i < n_clients; i++) {
		struct client *c = &clients[i];

		tunnels_up += c->t_tunnel != 0;
		if (c->t_session) {
			lat[sessions_up++] = c->t_session - c->t_start;
			if (c->t_session > t_last)
				t_last = c->t_session;
		}
		if (c->state != T_UP && c->state != T_DONE)
			fail(c, "not up when the setup time ran out");
	}
	qsort(lat, sessions_up, sizeof(*lat), cmp_u64);
	printf("setup over: %u of %u sessions up; holding %u s\n", sessions_up, n_clients, hold_s);
	fflush(stdout);
	if (hold_s && !stop)
		run(ep, (uint64_t)hold_s * 1000, never_done, 0, window);
	printf("hanging up\n");
	fflush(stdout);
	for (unsigned i = 0; i < n_clients; i++) {
		int up = clients[i].state == T_UP;

		held_up += up;
		hang_up(&clients[i]);
		closing += up;
	}
	stop = 0;
	run(ep, 30000, all_closed, 0, window);
	for (unsigned i = 0; i < n_clients; i++)
		acked += clients[i].hung_up && !clients[i].failed;
	{
		double setup = t_last > t0 ? (double)(t_last - t0) / 1000 : 0;

		printf("RESULT n=%u tunnels_up=%u sessions_up=%u setup_s=%.1f tunnels_per_s=%.2f "
		       "sessions_per_s=%.2f session_ms_min=%llu session_ms_median=%llu "
		       "session_ms_max=%llu held_up=%u down_acked=%u/%u\n",
		       n_clients, tunnels_up, sessions_up, setup,
		       setup > 0 ? tunnels_up / setup : 0, setup > 0 ? sessions_up / setup : 0,
		       sessions_up ? (unsigned long long)lat[0] : 0,
		       sessions_up ? (unsigned long long)lat[sessions_up / 2] : 0,
		       sessions_up ? (unsigned long long)lat[sessions_up - 1] : 0, held_up, acked,
		       closing);
	}
	report_failures();
	return sessions_up == n_clients && held_up == n_clients ? 0 : 1;
}
