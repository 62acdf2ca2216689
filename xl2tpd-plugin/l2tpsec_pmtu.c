/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "l2tp.h"	/* xl2tpd: tunnels, struct tunnel/call, l2tp_log (and net/if.h) */
#include <linux/icmp.h>	/* after net/if.h, which libc-compat then defers to */
#include "l2tpsec_config.h"
#include "l2tpsec_guard.h"
#include "l2tpsec_hooks.h"
#include "l2tpsec_pmtu.h"
#include "l2tpsec_timer.h"
#include "l2tpsec_tunnels.h"

#define INTERVAL_MS 5000
#define ICMP_GAP_MS 100		/* at most 10 frag-needed a second per session */
#define LOG_GAP_MS 60000	/* at most one drop line a minute per session */
#define PIDDIR "/var/run"

/* a session whose ppp interface l2tpsec has resized */
struct session {
	pid_t pppd;
	char ifname[IFNAMSIZ];
	int negotiated;		/* its MTU before l2tpsec touched it: never exceeded */
	int applied;		/* the session MTU l2tpsec derived last (0: none yet) */
	uint64_t icmp_ms, logged_ms;	/* last frag-needed sent, last drop logged */
	uint64_t oversize;	/* oversize DF packets dropped since the last log line */
	struct session *next;
};

static struct l2tpsec_timer timer;
static struct session *sessions;
static int route_fd = -1, icmp_fd = -1, ioctl_fd = -1;

/* pppd names its pid file after the interface: find the one holding pid */
static int ifname_of(pid_t pid, char *ifname)
{
	DIR *d = opendir(PIDDIR);
	struct dirent *e;
	int found = 0;

	if (!d)
		return 0;
	while (!found && (e = readdir(d))) {
		char path[300];
		size_t n = strlen(e->d_name);
		FILE *f;
		long p;

		if (strncmp(e->d_name, "ppp", 3) || n < 8 || n - 4 >= IFNAMSIZ ||
		    strcmp(e->d_name + n - 4, ".pid"))
			continue;
		snprintf(path, sizeof(path), PIDDIR "/%s", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fscanf(f, "%ld", &p) == 1 && p == pid) {
			memcpy(ifname, e->d_name, n - 4);
			ifname[n - 4] = '\0';
			found = 1;
		}
		fclose(f);
	}
	closedir(d);
	return found;
}

static int if_mtu(const char *ifname, int set)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (set) {
		ifr.ifr_mtu = set;
		return ioctl(ioctl_fd, SIOCSIFMTU, &ifr) ? -1 : set;
	}
	return ioctl(ioctl_fd, SIOCGIFMTU, &ifr) ? -1 : ifr.ifr_mtu;
}

static int if_up(const char *ifname)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	return !ioctl(ioctl_fd, SIOCGIFFLAGS, &ifr) && (ifr.ifr_flags & IFF_UP);
}

/* the kernel's path MTU towards peer (its route, lowered by ICMP frag-needed), or -1 */
static int path_mtu(struct in_addr peer)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr = peer, .sin_port = htons(9) };
	socklen_t len = sizeof(int);
	int mtu;

	/* a UDP connect only asks the routing table; port 9 keeps it clear of the IPsec policies */
	if (connect(route_fd, (struct sockaddr *)&to, sizeof(to)) ||
	    getsockopt(route_fd, IPPROTO_IP, IP_MTU, &mtu, &len))
		return -1;
	return mtu;
}

/*
 * Probe: a DF echo request as large as the path MTU the kernel believes in. A router with a
 * smaller MTU answers frag-needed, which lowers the kernel's path MTU for the next check.
 */
static void probe(struct in_addr peer, int mtu)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr = peer };
	static uint8_t pkt[65536];
	size_t len = (size_t)mtu - L2TPSEC_PMTU_IP;
	struct icmphdr *h = (struct icmphdr *)pkt;

	if (mtu <= L2TPSEC_PMTU_IP + (int)sizeof(*h) || len > sizeof(pkt))
		return;
	memset(pkt, 0, len);
	h->type = ICMP_ECHO;
	h->un.echo.id = htons((uint16_t)getpid());
	h->un.echo.sequence = htons(1);
	h->checksum = htons(l2tpsec_inet_checksum(pkt, len));
	/* EMSGSIZE: the kernel already knows a smaller MTU, which the next check reads */
	sendto(icmp_fd, pkt, len, MSG_DONTWAIT, (struct sockaddr *)&to, sizeof(to));
}

static struct session *find_session(pid_t pppd)
{
	for (struct session *s = sessions; s; s = s->next)
		if (s->pppd == pppd)
			return s;
	return NULL;
}

static struct session *session_of(pid_t pppd)
{
	struct session *s = find_session(pppd);

	if (s)
		return s;
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	/* pppd sets the MTU when LCP comes up and the interface up after IPCP: wait for that */
	if (!ifname_of(pppd, s->ifname) || !if_up(s->ifname) ||
	    (s->negotiated = if_mtu(s->ifname, 0)) <= 0) {
		free(s);	/* not there yet: next time */
		return NULL;
	}
	s->pppd = pppd;
	s->next = sessions;
	sessions = s;
	return s;
}

/* forget sessions whose pppd is gone */
static void prune(void)
{
	for (struct session **p = &sessions; *p;) {
		struct session *s = *p;
		int alive = 0;

		for (struct tunnel *t = tunnels.head; t && !alive; t = t->next)
			for (struct call *c = t->call_head; c && !alive; c = c->next)
				alive = c->pppd == s->pppd;
		if (alive) {
			p = &s->next;
			continue;
		}
		*p = s->next;
		free(s);
	}
}

static void apply(struct tunnel *t, struct call *c, int pmtu, int overhead)
{
	struct session *s = session_of(c->pppd);
	int want, now;

	if (!s)
		return;
	want = l2tpsec_pmtu_session_mtu(pmtu, overhead);
	if (want > s->negotiated)
		want = s->negotiated;
	if (want == s->applied)
		return;		/* nothing changed: an MTU set by hand stands until the path changes */
	s->applied = want;
	now = if_mtu(s->ifname, 0);
	if (now <= 0 || now == want)
		return;
	if (if_mtu(s->ifname, want) < 0) {
		l2tp_log(LOG_WARNING, "l2tpsec: ip pmtu: cannot set the MTU of %s to %d: %s\n",
			 s->ifname, want, strerror(errno));
		return;
	}
	l2tp_log(LOG_NOTICE, "l2tpsec: ip pmtu: path MTU to %s is %d: %s MTU %d -> %d (IP %d, "
		 "ESP %d, UDP %d, L2TP %d, PPP %d)\n", IPADDY(t->peer.sin_addr), pmtu, s->ifname, now,
		 want, L2TPSEC_PMTU_IP, overhead, L2TPSEC_PMTU_UDP, L2TPSEC_PMTU_L2TP,
		 L2TPSEC_PMTU_PPP);
}

static void check(void *unused)
{
	(void)unused;
	prune();
	for (struct tunnel *t = tunnels.head; t; t = t->next) {
		struct cs_endpoint remote;
		const struct l2tpsec_sa *sa = NULL;
		int pmtu;

		if (!t->call_head || !l2tpsec_tunnel_settings(t).ip_pmtu)
			continue;
		l2tpsec_tunnel_peer(t, &remote);
		sa = l2tpsec_guard_sa(&remote);
		pmtu = path_mtu(t->peer.sin_addr);
		if (pmtu <= 0)
			continue;
		for (struct call *c = t->call_head; c; c = c->next)
			if (c->pppd > 0)
				apply(t, c, pmtu, sa ? sa->overhead : 0);
		probe(t->peer.sin_addr, pmtu);
	}
	l2tpsec_timer_arm(&timer, l2tpsec_now_ms(), INTERVAL_MS, check, NULL);
}

void l2tpsec_pmtu_start(void)
{
	struct icmp_filter none = { .data = ~0u };	/* the probe socket reads nothing */
	int on = IP_PMTUDISC_DO;

	if (!l2tpsec_any_pmtu())
		return;
	route_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	ioctl_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	icmp_fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
	if (route_fd < 0 || ioctl_fd < 0 || icmp_fd < 0 ||
	    setsockopt(icmp_fd, SOL_RAW, ICMP_FILTER, &none, sizeof(none)) ||
	    setsockopt(icmp_fd, IPPROTO_IP, IP_MTU_DISCOVER, &on, sizeof(on))) {
		l2tp_log(LOG_ERR, "l2tpsec: ip pmtu disabled: %s\n", strerror(errno));
		return;
	}
	l2tp_log(LOG_INFO, "l2tpsec: ip pmtu: checking the path MTU of such tunnels every %d s\n",
		 INTERVAL_MS / 1000);
	l2tpsec_timer_arm(&timer, l2tpsec_now_ms(), INTERVAL_MS, check, NULL);
}

/*
 * outer DF as the inner packet asks, on the socket t's packets leave by (its own, once bound to
 * its SA); set only when it differs from that socket's last packet's
 */
static void set_outer_df(struct tunnel *t, int how)
{
	static int shared = -1;		/* xl2tpd's listening socket */
	int fd = l2tpsec_xmit_socket(t, server_socket);
	int current = fd == server_socket ? shared : t->l2tpsec.outer_df - 1;

	if (how == current || setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &how, sizeof(how)))
		return;
	if (fd == server_socket)
		shared = how;
	else
		t->l2tpsec.outer_df = (int8_t)(how + 1);
}

/* ICMP fragmentation-needed (RFC 1191) to the sender of the inner packet ip (len bytes) */
static void frag_needed(const uint8_t *ip, size_t len, int mtu)
{
	struct sockaddr_in to = { .sin_family = AF_INET };
	size_t quote = (size_t)(ip[0] & 0x0f) * 4 + 8;
	uint8_t pkt[8 + 60 + 8];
	uint16_t sum;

	if (quote > len)
		quote = len;
	memset(pkt, 0, 8);
	pkt[0] = ICMP_DEST_UNREACH;
	pkt[1] = ICMP_FRAG_NEEDED;
	pkt[6] = (uint8_t)(mtu >> 8);
	pkt[7] = (uint8_t)mtu;
	memcpy(pkt + 8, ip, quote);
	sum = l2tpsec_inet_checksum(pkt, 8 + quote);
	pkt[2] = (uint8_t)(sum >> 8);
	pkt[3] = (uint8_t)sum;
	memcpy(&to.sin_addr, ip + 12, 4);
	sendto(icmp_fd, pkt, 8 + quote, MSG_DONTWAIT, (struct sockaddr *)&to, sizeof(to));
}

int l2tpsec_pmtu_payload(struct tunnel *t, struct call *c, const uint8_t *frame, size_t len)
{
	struct session *s;
	unsigned proto;
	int df, total;

	if (icmp_fd < 0)
		return 1;
	if (!l2tpsec_tunnel_settings(t).ip_pmtu) {
		set_outer_df(t, IP_PMTUDISC_WANT);		/* the kernel's own default */
		return 1;
	}
	if (len >= 2 && frame[0] == 0xff && frame[1] == 0x03) {
		frame += 2;
		len -= 2;
	}
	if (len >= 1 && (frame[0] & 1)) {		/* a compressed (one-byte) protocol */
		proto = frame[0];
		frame += 1;
		len -= 1;
	} else if (len >= 2) {
		proto = (unsigned)(frame[0] << 8 | frame[1]);
		frame += 2;
		len -= 2;
	} else
		proto = 0;
	if (proto != 0x21 || len < 20 || frame[0] >> 4 != 4 || (frame[0] & 0x0f) < 5) {
		set_outer_df(t, IP_PMTUDISC_DONT);
		return 1;
	}
	df = frame[6] & 0x40;
	total = frame[2] << 8 | frame[3];
	s = find_session(c->pppd);
	if (df && s && s->applied && total > s->applied) {
		/* bigger than the path takes once wrapped: the sender must learn that, not us */
		uint64_t now = l2tpsec_now_ms();

		/* like the kernel's own ICMP: a bounded rate, whatever the senders do */
		if (now - s->icmp_ms >= ICMP_GAP_MS) {
			s->icmp_ms = now;
			frag_needed(frame, len, s->applied);
		}
		s->oversize++;
		if (!s->logged_ms || now - s->logged_ms >= LOG_GAP_MS) {
			l2tp_log(LOG_INFO, "l2tpsec: ip pmtu: dropped %llu DF packet(s) larger than "
				 "%s's session MTU %d (this one %d bytes from %u.%u.%u.%u): ICMP "
				 "frag-needed sent\n", (unsigned long long)s->oversize, s->ifname,
				 s->applied, total, frame[12], frame[13], frame[14], frame[15]);
			s->logged_ms = now;
			s->oversize = 0;
		}
		return 0;
	}
	set_outer_df(t, df ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT);
	return 1;
}
