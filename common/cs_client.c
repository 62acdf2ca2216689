/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE	/* struct ucred */
#include "cs_client.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* wait for events on fd until deadline (-1: none); 1 ready, 0 timed out, -1 error */
static int wait_fd(int fd, short events, long deadline)
{
	struct pollfd p = { .fd = fd, .events = events };

	for (;;) {
		int left = deadline < 0 ? -1 : (int)(deadline - now_ms());
		int r;

		if (deadline >= 0 && left < 0)
			left = 0;
		r = poll(&p, 1, left);
		if (r >= 0)
			return r > 0 ? 1 : 0;
		if (errno != EINTR)
			return -1;
	}
}

void cs_attach(struct cs_conn *c, int fd)
{
	memset(c, 0, sizeof(*c));
	c->fd = fd;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/*
 * Whoever answers decides which packets pass: only root (charon) or our own user may. A socket
 * path in a directory others can write, or a charon that died and left its path to be taken,
 * must not hand SECURED to anyone else.
 */
static int trusted_peer(int fd)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len))
		return 0;
	if (cred.uid != 0 && cred.uid != geteuid()) {
		errno = EACCES;
		return 0;
	}
	return 1;
}

int cs_connect(struct cs_conn *c, const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) || !trusted_peer(fd)) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	cs_attach(c, fd);
	return 0;
}

int cs_send(struct cs_conn *c, const struct cs_msg *m, int timeout_ms)
{
	uint8_t buf[CS_MAX_FRAME];
	long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	int n = cs_encode(m, buf, sizeof(buf));
	size_t off = 0;

	if (n < 0) {
		errno = EINVAL;
		return -1;
	}
	while (off < (size_t)n) {
		ssize_t w = send(c->fd, buf + off, (size_t)n - off, MSG_NOSIGNAL);

		if (w > 0) {
			off += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			int r = wait_fd(c->fd, POLLOUT, deadline);

			if (r == 1)
				continue;
			if (r == 0)
				errno = ETIMEDOUT;
			return -1;
		}
		return -1;
	}
	return 0;
}

int cs_receive(struct cs_conn *c, struct cs_msg *m, int timeout_ms, const char **why)
{
	long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;

	for (;;) {
		int n = cs_decode(c->in, c->inlen, m, why);
		ssize_t r;

		if (n > 0) {
			memmove(c->in, c->in + n, c->inlen - (size_t)n);
			c->inlen -= (size_t)n;
			return 1;
		}
		if (n < 0)
			return -1;
		r = recv(c->fd, c->in + c->inlen, sizeof(c->in) - c->inlen, 0);
		if (r > 0) {
			c->inlen += (size_t)r;
			continue;
		}
		if (r == 0) {
			*why = "closed by peer";
			return -1;
		}
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			*why = strerror(errno);
			return -1;
		}
		switch (wait_fd(c->fd, POLLIN, deadline)) {
		case 1:
			continue;
		case 0:
			*why = NULL;
			return 0;
		default:
			*why = strerror(errno);
			return -1;
		}
	}
}

void cs_close(struct cs_conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->inlen = 0;
}
