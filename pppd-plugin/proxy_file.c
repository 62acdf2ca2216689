/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "l2tpsec_names.h"
#include "why.h"
#include "proxy_file.h"

#define PROXY_FILE_MAX 65536	/* the text form of the largest proxy data is about 17 KiB */

/* only xl2tpd's own files: call-TID-CID directly in the proxy directory */
static int path_is_ours(const char *path)
{
	const char *name = path + strlen(L2TPSEC_PROXY_DIR "/");

	if (strncmp(path, L2TPSEC_PROXY_DIR "/", strlen(L2TPSEC_PROXY_DIR "/")) ||
	    strncmp(name, "call-", 5))
		return 0;
	for (name += 5; *name; name++)
		if (!(*name >= '0' && *name <= '9') && *name != '-')
			return 0;
	return 1;
}

static enum proxy_file_result bad(char *err, size_t errlen, const char *what, int errnum)
{
	why_set(err, errlen, what, errnum);
	return PROXY_FILE_BAD;
}

enum proxy_file_result proxy_file_take(const char *path, struct proxy_info *p, char *err,
				       size_t errlen)
{
	static char text[PROXY_FILE_MAX + 1];
	struct stat st;
	const char *why;
	ssize_t n;
	size_t len = 0;
	int fd;

	memset(p, 0, sizeof(*p));
	if (!path || !*path)
		return PROXY_FILE_NONE;
	if (!path_is_ours(path))
		return bad(err, errlen, "not a file of xl2tpd's in " L2TPSEC_PROXY_DIR, 0);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return bad(err, errlen, "cannot open it", errno);
	unlink(path);	/* taken once, whatever follows */
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 077) || st.st_size > PROXY_FILE_MAX) {
		close(fd);
		return bad(err, errlen, "not a private regular file of ours (or too large)", 0);
	}
	while (len < PROXY_FILE_MAX && (n = read(fd, text + len, PROXY_FILE_MAX - len)) > 0)
		len += (size_t)n;
	close(fd);
	text[len] = '\0';
	if (proxy_from_text(p, text, &why)) {
		memset(text, 0, len);
		return bad(err, errlen, why, 0);
	}
	memset(text, 0, len);	/* it held the proxied response */
	return PROXY_FILE_TAKEN;
}
