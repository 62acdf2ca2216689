/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "aaa_pool.h"

int aaa_pool_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (!n || n > 64 || name[0] == '.')
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

static int address(const char *text, uint32_t *out)
{
	struct in_addr a;

	if (inet_pton(AF_INET, text, &a) != 1)
		return -1;
	*out = ntohl(a.s_addr);
	return 0;
}

int aaa_pool_ranges(const char *path, const char *name, struct aaa_pool_range *out, size_t max,
		    char *why, size_t len)
{
	char line[256], pool[128], first[64], last[64], extra;
	FILE *f = fopen(path, "re");
	int n = 0, lineno = 0;

	if (!f) {
		snprintf(why, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct aaa_pool_range r;

		lineno++;
		if (line[strspn(line, " \t")] == '#' || line[strspn(line, " \t\r\n")] == '\0')
			continue;
		if (sscanf(line, "%127s %63s %63s %c", pool, first, last, &extra) != 3 ||
		    address(first, &r.first) || address(last, &r.last) || r.first > r.last) {
			snprintf(why, len, "%s:%d: not 'NAME FIRST LAST'", path, lineno);
			fclose(f);
			return -1;
		}
		if (strcmp(pool, name))
			continue;
		if ((size_t)n == max) {
			snprintf(why, len, "%s:%d: pool %s has more than %zu ranges", path, lineno,
				 name, max);
			fclose(f);
			return -1;
		}
		out[n++] = r;
	}
	fclose(f);
	return n;
}

/* the claim file of addr: dir/name/A.B.C.D */
static void claim_path(char *buf, size_t len, const char *dir, const char *name, uint32_t addr)
{
	struct in_addr a = { .s_addr = htonl(addr) };
	char text[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &a, text, sizeof(text));
	snprintf(buf, len, "%s/%s/%s", dir, name, text);
}

static pid_t holder(const char *path)
{
	char buf[32] = "";
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t got;

	if (fd < 0)
		return -1;
	got = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (got <= 0)
		return 0;	/* being written: treat as held */
	buf[got] = '\0';
	return (pid_t)strtol(buf, NULL, 10);
}

/* 0: claimed; 1: held by a live process; -1: error */
static int try_claim(const char *path, pid_t self)
{
	char pid[32];
	int fd, len;
	pid_t h;

	for (int attempt = 0; attempt < 2; attempt++) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd >= 0) {
			len = snprintf(pid, sizeof(pid), "%ld\n", (long)self);
			if (write(fd, pid, (size_t)len) != len) {
				close(fd);
				unlink(path);
				return -1;
			}
			close(fd);
			return 0;
		}
		if (errno != EEXIST)
			return -1;
		h = holder(path);
		/* a pppd that died holding it (no exit notifier ran): its address is free again */
		if (h <= 0 || h == self || kill(h, 0) == 0 || errno != ESRCH)
			return 1;
		unlink(path);
	}
	return 1;
}

int aaa_pool_claim(const char *dir, const char *name, const struct aaa_pool_range *r, size_t n,
		   pid_t self, uint32_t *addr)
{
	char path[512];
	int got, lock;

	if (!aaa_pool_name_ok(name)) {
		errno = EINVAL;
		return -1;
	}
	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (mkdir(path, 0755) && errno != EEXIST)
		return -1;
	/* one claimer at a time: two taking over the same dead pppd's file must not both win */
	lock = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (lock < 0 || flock(lock, LOCK_EX)) {
		if (lock >= 0)
			close(lock);
		return -1;
	}
	got = 1;
	for (size_t i = 0; got == 1 && i < n; i++) {
		for (uint64_t a = r[i].first; a <= r[i].last; a++) {
			claim_path(path, sizeof(path), dir, name, (uint32_t)a);
			got = try_claim(path, self);
			if (got != 1) {
				if (!got)
					*addr = (uint32_t)a;
				break;
			}
		}
	}
	close(lock);	/* and the lock with it */
	return got;
}

void aaa_pool_release(const char *dir, const char *name, uint32_t addr, pid_t self)
{
	char path[512];

	if (!aaa_pool_name_ok(name))
		return;
	claim_path(path, sizeof(path), dir, name, addr);
	if (holder(path) == self)
		unlink(path);
}
