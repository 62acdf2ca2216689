/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "l2tpsec_names.h"
#include "xl2tpd_ctl.h"

#define CTL_TIMEOUT_MS 10000

const char *xl2tpd_ctl_path(void)
{
	const char *env = getenv("L2TPSEC_XL2TPD_CONTROL");

	return env && *env ? env : L2TPSEC_XL2TPD_CONTROL_SOCKET;
}

static int connect_to(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		snprintf(err, errlen, "%s: path too long", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		snprintf(err, errlen, "cannot connect to %s: %s (is the l2tpsec xl2tpd running?)",
			 path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int xl2tpd_ctl_request(const char *path, const char *request, FILE *out, char *err, size_t errlen)
{
	char buf[4096], head[300];
	size_t headlen = 0;
	int fd = connect_to(path, err, errlen), rc = -1, in_body = 0;

	if (fd < 0)
		return -1;
	if (dprintf(fd, "%s\n", request) < 0) {
		snprintf(err, errlen, "cannot send to %s: %s", path, strerror(errno));
		goto out;
	}
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (poll(&p, 1, CTL_TIMEOUT_MS) == 0) {
			snprintf(err, errlen, "no answer from xl2tpd within %d s", CTL_TIMEOUT_MS / 1000);
			goto out;
		}
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errlen, "reading from %s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		if (in_body) {
			fwrite(buf, 1, (size_t)n, out);
			continue;
		}
		/* the first line says ok or error */
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (headlen < sizeof(head) - 1)
					head[headlen++] = buf[i];
				continue;
			}
			head[headlen] = '\0';
			in_body = 1;
			fwrite(buf + i + 1, 1, (size_t)(n - i - 1), out);
			break;
		}
	}
	head[headlen] = '\0';
	if (in_body && !strcmp(head, "ok")) {
		rc = 0;
	} else if (!strncmp(head, "error ", 6)) {
		snprintf(err, errlen, "%s", head + 6);
		rc = 1;
	} else {
		snprintf(err, errlen, "xl2tpd closed the connection without an answer");
	}
out:
	close(fd);
	return rc;
}
