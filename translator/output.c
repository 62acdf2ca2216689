/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *output_open(struct output *o, const char *path, mode_t mode)
{
	struct output_file *of;

	if (o->n == o->cap) {
		int cap = o->cap ? o->cap * 2 : 16;
		struct output_file **p = realloc(o->files, (size_t)cap * sizeof(*p));

		if (!p) {
			o->failed = 1;
			return NULL;
		}
		o->files = p;
		o->cap = cap;
	}
	of = calloc(1, sizeof(*of));
	if (!of) {
		o->failed = 1;
		return NULL;
	}
	of->path = strdup(path);
	of->mode = mode;
	of->f = of->path ? open_memstream(&of->data, &of->len) : NULL;
	if (!of->f) {
		free(of->path);
		free(of);
		o->failed = 1;
		return NULL;
	}
	o->files[o->n++] = of;
	return of->f;
}

int output_finish(struct output *o)
{
	for (int i = 0; i < o->n; i++)
		if (o->files[i]->f) {
			if (ferror(o->files[i]->f))
				o->failed = 1;
			if (fclose(o->files[i]->f))
				o->failed = 1;
			o->files[i]->f = NULL;
		}
	return o->failed ? -1 : 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	return remove(path);
}

static void rm_tree(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* mkdir -p for the directories of one relative path inside base */
static int make_parents(const char *base, const char *rel)
{
	char path[4096];
	int n = snprintf(path, sizeof(path), "%s/%s", base, rel);

	if (n < 0 || (size_t)n >= sizeof(path))
		return -1;
	for (char *s = path + strlen(base) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		if (mkdir(path, 0755) && errno != EEXIST)
			return -1;
		*s = '/';
	}
	return 0;
}

static int write_file(const char *base, const struct output_file *of)
{
	char path[4096];
	size_t off = 0;
	int fd;

	if (make_parents(base, of->path))
		return -1;
	snprintf(path, sizeof(path), "%s/%s", base, of->path);
	/* created with its final mode: a secret is never readable by others, not even briefly */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, of->mode);
	if (fd < 0)
		return -1;
	while (off < of->len) {
		ssize_t w = write(fd, of->data + off, of->len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	if (fchmod(fd, of->mode)) {
		close(fd);
		return -1;
	}
	return close(fd);
}

int output_commit(struct output *o, const char *outdir, char *err, size_t errlen)
{
	char tmp[4096], old[4096], *copy, *parent;
	struct stat st;
	int n;

	copy = strdup(outdir);
	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	parent = dirname(copy);
	n = snprintf(tmp, sizeof(tmp), "%s/.l2tpsec-translate.XXXXXX", parent);
	free(copy);
	if (n < 0 || (size_t)n >= sizeof(tmp) || !mkdtemp(tmp)) {
		snprintf(err, errlen, "cannot create a directory beside %s: %s", outdir,
			 strerror(errno));
		return -1;
	}
	for (int i = 0; i < o->n; i++)
		if (write_file(tmp, o->files[i])) {
			snprintf(err, errlen, "cannot write %s: %s", o->files[i]->path, strerror(errno));
			rm_tree(tmp);
			return -1;
		}
	/* one flush of the new tree before it takes OUTDIR's place (cheaper than fsync per file) */
	{
		int dfd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (dfd < 0 || syncfs(dfd)) {
			snprintf(err, errlen, "cannot flush %s: %s", tmp, strerror(errno));
			if (dfd >= 0)
				close(dfd);
			rm_tree(tmp);
			return -1;
		}
		close(dfd);
	}
	if (chmod(tmp, 0755)) {
		snprintf(err, errlen, "chmod %s: %s", tmp, strerror(errno));
		rm_tree(tmp);
		return -1;
	}
	if (lstat(outdir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s exists and is not a directory", outdir);
			rm_tree(tmp);
			return -1;
		}
		/* swap the new tree in with one rename, then remove what was there before */
		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, outdir, RENAME_EXCHANGE)) {
			snprintf(err, errlen, "cannot replace %s: %s", outdir, strerror(errno));
			rm_tree(tmp);
			return -1;
		}
		snprintf(old, sizeof(old), "%s", tmp);
		rm_tree(old);
		return 0;
	}
	if (rename(tmp, outdir)) {
		snprintf(err, errlen, "cannot create %s: %s", outdir, strerror(errno));
		rm_tree(tmp);
		return -1;
	}
	return 0;
}

void output_free(struct output *o)
{
	output_finish(o);
	for (int i = 0; i < o->n; i++) {
		free(o->files[i]->path);
		free(o->files[i]->data);
		free(o->files[i]);
	}
	free(o->files);
	memset(o, 0, sizeof(*o));
}
