/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The crypto socket connection over a real UNIX stream socket pair: messages survive the trip,
 * frames are reassembled from single bytes and split from coalesced writes, a timeout returns
 * without a message, garbage and a closed peer end the connection with a reason.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../common/cs_client.h"
#include "check.h"

#define B(a) (1u << (a))

static struct cs_msg closed_msg(uint32_t id)
{
	struct cs_msg m;

	memset(&m, 0, sizeof(m));
	m.type = CS_CLOSED;
	m.present = B(CS_A_ID) | B(CS_A_REASON);
	m.id = id;
	m.reason = CS_REASON_EXPIRED;
	return m;
}

/*
 * A crypto socket served by another user (nobody) is refused: whoever answers would decide
 * which L2TP packets pass. Needs root to become that user; skipped (checks nothing) otherwise.
 */
static void foreign_server_refused(void)
{
	char dir[] = "/tmp/l2tpsec-cs-XXXXXX", path[64];
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int ready[2], fd;
	struct cs_conn c;
	pid_t pid;
	char byte;

	if (geteuid() != 0 || !mkdtemp(dir) || pipe(ready))
		return;
	snprintf(path, sizeof(path), "%s/crypto.sock", dir);
	strcpy(sun.sun_path, path);
	pid = fork();
	if (pid == 0) {
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		/* the listener's credentials are taken at listen(): become nobody first */
		if (fd < 0 || bind(fd, (struct sockaddr *)&sun, sizeof(sun)) || chmod(path, 0777) ||
		    setgid(65534) || setuid(65534) || listen(fd, 1))
			_exit(1);
		(void)!write(ready[1], "r", 1);
		close(accept(fd, NULL, NULL));
		_exit(0);
	}
	CHECK(pid > 0 && read(ready[0], &byte, 1) == 1);
	errno = 0;
	CHECK(cs_connect(&c, path) == -1 && errno == EACCES);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	unlink(path);
	rmdir(dir);
	close(ready[0]);
	close(ready[1]);
}

int main(void)
{
	struct cs_conn a, b;
	struct cs_msg m = closed_msg(42), got;
	uint8_t frame[CS_MAX_FRAME], two[2 * 64];
	const char *why;
	int sv[2], n;

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	cs_attach(&a, sv[0]);
	cs_attach(&b, sv[1]);

	/* a whole message each way */
	CHECK(cs_send(&a, &m, 1000) == 0);
	CHECK(cs_receive(&b, &got, 1000, &why) == 1);
	CHECK(got.type == CS_CLOSED && got.id == 42 && got.reason == CS_REASON_EXPIRED);

	/* nothing there: a timeout, not an error */
	CHECK(cs_receive(&b, &got, 50, &why) == 0);

	/* one byte at a time: reassembled */
	n = cs_encode(&m, frame, sizeof(frame));
	CHECK(n > 0);
	for (int i = 0; i < n; i++) {
		CHECK(write(sv[0], frame + i, 1) == 1);
		if (i < n - 1)
			CHECK(cs_receive(&b, &got, 0, &why) == 0);
	}
	CHECK(cs_receive(&b, &got, 1000, &why) == 1 && got.id == 42);

	/* two frames in one write: two messages */
	m = closed_msg(1);
	n = cs_encode(&m, two, sizeof(two));
	m = closed_msg(2);
	n += cs_encode(&m, two + n, sizeof(two) - (size_t)n);
	CHECK(write(sv[0], two, (size_t)n) == n);
	CHECK(cs_receive(&b, &got, 1000, &why) == 1 && got.id == 1);
	CHECK(cs_receive(&b, &got, 1000, &why) == 1 && got.id == 2);

	/* an invalid message is not sent */
	m.present = 0;
	CHECK(cs_send(&a, &m, 1000) == -1);

	/* garbage: the connection is unusable, with the decoder's reason */
	CHECK(write(sv[0], "\x09\x01\x00\x00", 4) == 4);
	CHECK(cs_receive(&b, &got, 1000, &why) == -1);
	CHECK(why && !strcmp(why, "unsupported protocol version"));

	/* the peer goes away */
	cs_close(&b);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	cs_attach(&b, sv[1]);
	close(sv[0]);
	CHECK(cs_receive(&b, &got, 1000, &why) == -1);
	CHECK(why && !strcmp(why, "closed by peer"));
	cs_close(&a);
	cs_close(&b);

	/* no server: connect fails cleanly */
	CHECK(cs_connect(&a, "/nonexistent/l2tpsec/crypto.sock") == -1);
	foreign_server_refused();
	return check_done("test_cs_client");
}
