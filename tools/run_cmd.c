/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <unistd.h>
#include <sys/wait.h>

#include "run_cmd.h"

int run_cmd(char *const argv[], FILE *out)
{
	int fds[2], status = 127;
	pid_t pid;

	if (out)
		fflush(out);
	if (pipe(fds))
		return 127;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	if (pid > 0) {
		char buf[4096];
		ssize_t n;

		while ((n = read(fds[0], buf, sizeof(buf))) > 0)
			if (out)
				fwrite(buf, 1, (size_t)n, out);
		waitpid(pid, &status, 0);
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	}
	close(fds[0]);
	return status;
}
