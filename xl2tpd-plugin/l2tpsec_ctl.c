/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE	/* accept4, asprintf */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "l2tpsec_ctl.h"

#define CTL_CLIENTS 16		/* at once; more wait in the listen backlog */
#define CTL_REQUEST_MAX 512
#define CTL_IDLE_S 10
#define CTL_REPLY_MAX (16u << 20)

struct client {
	int fd;			/* -1: slot free */
	char in[CTL_REQUEST_MAX];
	size_t inlen;
	char *out;		/* the reply, once the request is answered */
	size_t outlen, sent;
	time_t since;
};

static int listen_fd = -1;
static l2tpsec_ctl_handler handle;
static struct client clients[CTL_CLIENTS];

static void drop(struct client *c)
{
	close(c->fd);
	free(c->out);
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

int l2tpsec_ctl_start(const char *path, l2tpsec_ctl_handler handler)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char dir[sizeof(sa.sun_path)], *slash;
	mode_t old;
	int err;

	for (int i = 0; i < CTL_CLIENTS; i++)
		clients[i].fd = -1;
	if (strlen(path) >= sizeof(sa.sun_path))
		return -ENAMETOOLONG;
	strcpy(sa.sun_path, path);
	strcpy(dir, path);
	slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0750);
	}
	listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (listen_fd < 0)
		return -errno;
	unlink(path);
	old = umask(077);	/* root only: it clears tunnels */
	err = bind(listen_fd, (struct sockaddr *)&sa, sizeof(sa)) || chmod(path, 0600) ||
	      listen(listen_fd, 16) ? -errno : 0;
	umask(old);
	if (err) {
		close(listen_fd);
		listen_fd = -1;
		return err;
	}
	handle = handler;
	return 0;
}

void l2tpsec_ctl_fdset(struct l2tpsec_pollset *readfds)
{
	if (listen_fd < 0)
		return;
	l2tpsec_pollset_add(readfds, listen_fd);
	for (int i = 0; i < CTL_CLIENTS; i++) {
		if (clients[i].fd >= 0 && !clients[i].out)
			l2tpsec_pollset_add(readfds, clients[i].fd);
	}
}

int l2tpsec_ctl_pending(void)
{
	for (int i = 0; i < CTL_CLIENTS; i++)
		if (clients[i].fd >= 0 && clients[i].out)
			return 1;
	return 0;
}

/* the request is complete: answer it into c->out */
static void answer(struct client *c)
{
	char err[256] = "", *request = c->in;
	FILE *out;
	char *body = NULL;
	size_t bodylen = 0;
	int ok;

	out = open_memstream(&body, &bodylen);
	if (!out) {
		drop(c);
		return;
	}
	ok = handle(request, out, err, sizeof(err)) == 0;
	fclose(out);
	if (!ok || bodylen > CTL_REPLY_MAX) {
		free(body);
		if (ok)
			snprintf(err, sizeof(err), "reply too long");
		if (asprintf(&c->out, "error %s\n", err[0] ? err : "failed") < 0)
			c->out = NULL;
	} else if ((c->out = malloc(bodylen + 4))) {
		memcpy(c->out, "ok\n", 3);
		memcpy(c->out + 3, body, bodylen);
		c->out[bodylen + 3] = '\0';
		free(body);
	} else {
		free(body);
	}
	if (!c->out) {
		drop(c);
		return;
	}
	c->outlen = strlen(c->out);
	c->sent = 0;
}

static void readable(struct client *c)
{
	ssize_t n = recv(c->fd, c->in + c->inlen, sizeof(c->in) - 1 - c->inlen, 0);
	char *nl;

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		drop(c);
		return;
	}
	c->inlen += (size_t)n;
	c->in[c->inlen] = '\0';
	nl = memchr(c->in, '\n', c->inlen);
	if (!nl && c->inlen < sizeof(c->in) - 1)
		return;
	if (!nl) {
		c->in[0] = '\0';	/* too long: answered as an error below */
		if (asprintf(&c->out, "error request longer than %d bytes\n",
			     CTL_REQUEST_MAX - 2) < 0) {
			drop(c);
			return;
		}
		c->outlen = strlen(c->out);
		return;
	}
	*nl = '\0';
	if (nl > c->in && nl[-1] == '\r')
		nl[-1] = '\0';
	answer(c);
}

static void writable(struct client *c)
{
	ssize_t n = send(c->fd, c->out + c->sent, c->outlen - c->sent, MSG_NOSIGNAL | MSG_DONTWAIT);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n < 0) {
		drop(c);
		return;
	}
	c->sent += (size_t)n;
	c->since = time(NULL);
	if (c->sent == c->outlen)
		drop(c);	/* the reply ends at EOF */
}

static void accept_client(void)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);
	int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

	if (fd < 0)
		return;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) || cred.uid != 0) {
		/* the socket's mode already says root only; this holds against a loosened one */
		close(fd);
		return;
	}
	for (int i = 0; i < CTL_CLIENTS; i++) {
		if (clients[i].fd >= 0)
			continue;
		clients[i].fd = fd;
		clients[i].since = time(NULL);
		return;
	}
	close(fd);		/* CTL_CLIENTS busy: the command says "no answer" and may retry */
}

void l2tpsec_ctl_poll(const struct l2tpsec_pollset *readfds)
{
	time_t now = time(NULL);

	if (listen_fd < 0)
		return;
	for (int i = 0; i < CTL_CLIENTS; i++) {
		struct client *c = &clients[i];

		if (c->fd < 0)
			continue;
		if (!c->out && l2tpsec_pollset_ready(readfds, c->fd))
			readable(c);
		if (c->fd >= 0 && c->out)
			writable(c);
		if (c->fd >= 0 && now - c->since > CTL_IDLE_S)
			drop(c);
	}
	if (l2tpsec_pollset_ready(readfds, listen_fd))
		accept_client();
}
