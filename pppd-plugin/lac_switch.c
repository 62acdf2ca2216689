/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/ppp-ioctl.h>

#include "pppd_compat.h"
#include "l2tpsec_names.h"
#include "why.h"
#include "lac_switch.h"

#ifndef PPPIOCBRIDGECHAN	/* Linux 5.11 */
#define PPPIOCBRIDGECHAN _IOW('t', 53, int)
#define PPPIOCUNBRIDGECHAN _IO('t', 54)
#endif

static enum lac_switch_end failed(char *why, size_t len, const char *what, int errnum)
{
	why_set(why, len, what, errnum);
	return LAC_SWITCH_FAILED;
}

/* head: the request's first lines (which [lac], or the RADIUS tunnels); the proxy data follows */
static int request(const char *head, const struct proxy_info *p, char *why, size_t len)
{
	static char msg[65536];
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	size_t hlen = strlen(head);
	int s, n = 0;

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", L2TPSEC_SWITCH_SOCKET);
	s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa))) {
		failed(why, len, "xl2tpd's switch socket " L2TPSEC_SWITCH_SOCKET, errno);
		if (s >= 0)
			close(s);
		return -1;
	}
	if (hlen >= sizeof(msg))
		n = -1;
	else
		memcpy(msg, head, hlen);
	if (!n && p->present)
		n = proxy_to_text(p, msg + hlen, sizeof(msg) - hlen);
	if (n < 0 || send(s, msg, hlen + (size_t)n, MSG_NOSIGNAL) < 0) {
		failed(why, len, "cannot send the request to xl2tpd", n < 0 ? 0 : errno);
		close(s);
		s = -1;
	}
	memset(msg, 0, sizeof(msg));	/* it held the client's response or password */
	return s;
}

/* xl2tpd's answer: "session TID CID\n" with the session and tunnel sockets, or "error WHY" */
static int answer(int s, int timeout_s, int fds[2], char *why, size_t len)
{
	char line[256], cbuf[CMSG_SPACE(2 * sizeof(int))];
	struct iovec iov = { .iov_base = line, .iov_len = sizeof(line) - 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			     .msg_controllen = sizeof(cbuf) };
	struct pollfd pfd = { .fd = s, .events = POLLIN };
	struct cmsghdr *cm;
	ssize_t n;
	int r;

	do
		r = poll(&pfd, 1, timeout_s * 1000);
	while (r < 0 && errno == EINTR && !got_sigterm);
	if (r != 1) {
		failed(why, len, r == 0 ? "no L2TP session in time" : "terminated", 0);
		return -1;
	}
	n = recvmsg(s, &mh, MSG_CMSG_CLOEXEC);
	if (n <= 0) {
		failed(why, len, "xl2tpd closed the request", n < 0 ? errno : 0);
		return -1;
	}
	line[n] = '\0';
	line[strcspn(line, "\n")] = '\0';
	cm = CMSG_FIRSTHDR(&mh);
	if (strncmp(line, "session ", 8) || !cm || cm->cmsg_type != SCM_RIGHTS ||
	    cm->cmsg_len != CMSG_LEN(2 * sizeof(int))) {
		if (cm && cm->cmsg_type == SCM_RIGHTS) {
			int *got = (int *)CMSG_DATA(cm);
			size_t k, count = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);

			for (k = 0; k < count; k++)
				close(got[k]);
		}
		snprintf(why, len, "xl2tpd: %s", strncmp(line, "error ", 6) ? line : line + 6);
		return -1;
	}
	memcpy(fds, CMSG_DATA(cm), 2 * sizeof(int));
	return 0;
}

/* the client's channel, disconnected from this pppd's unit, bridged to the session's */
static int bridge(int client_fd, int session_fd, char *why, size_t len)
{
	int a, b, fd;

	if (ioctl(client_fd, PPPIOCGCHAN, &a) || ioctl(session_fd, PPPIOCGCHAN, &b)) {
		failed(why, len, "PPPIOCGCHAN", errno);
		return -1;
	}
	fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		failed(why, len, "/dev/ppp", errno);
		return -1;
	}
	if (ioctl(fd, PPPIOCATTCHAN, &a) || ioctl(fd, PPPIOCDISCONN) ||
	    ioctl(fd, PPPIOCBRIDGECHAN, &b)) {
		failed(why, len, "bridging the client's channel into the L2TP session", errno);
		close(fd);
		return -1;
	}
	info("l2tpsec: client channel %d bridged to L2TP session channel %d", a, b);
	return fd;
}

static enum lac_switch_end wait_for_end(int s, int client_fd)
{
	struct pollfd p[2] = { { .fd = s, .events = POLLIN }, { .fd = client_fd, .events = 0 } };
	char c;

	for (;;) {
		if (got_sigterm)
			return LAC_SWITCH_SIGNAL;
		if (poll(p, 2, 1000) < 0 && errno != EINTR)
			return LAC_SWITCH_NETWORK;
		if (p[0].revents && recv(s, &c, 1, MSG_DONTWAIT) <= 0)
			return LAC_SWITCH_NETWORK;
		if (p[1].revents & (POLLHUP | POLLERR | POLLNVAL))
			return LAC_SWITCH_CLIENT;
	}
}

enum lac_switch_end lac_switch(const char *head, const struct proxy_info *p, int client_fd,
			       int timeout_s, char *why, size_t len)
{
	int s = request(head, p, why, len), fds[2] = { -1, -1 }, bridged_fd = -1;
	enum lac_switch_end end = LAC_SWITCH_FAILED;

	if (s < 0)
		return LAC_SWITCH_FAILED;
	if (answer(s, timeout_s, fds, why, len) == 0)
		bridged_fd = bridge(client_fd, fds[0], why, len);
	if (bridged_fd >= 0 && send(s, "bridged\n", 8, MSG_NOSIGNAL) == 8) {
		end = wait_for_end(s, client_fd);
		ioctl(bridged_fd, PPPIOCUNBRIDGECHAN);
	} else if (fds[0] >= 0) {
		char line[300];
		int n = snprintf(line, sizeof(line), "error %s\n", why);

		send(s, line, (size_t)n, MSG_NOSIGNAL);
	}
	if (bridged_fd >= 0)
		close(bridged_fd);
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);	/* the tunnel's socket, held so its XFRM policies outlived us */
	close(s);
	return end;
}
