/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#define _GNU_SOURCE
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
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

/* is path (resolved) the system's: /, a top-level directory, anything in /etc, /usr... or $HOME */
static bool system_dir(const char *path)
{
	static const char *const trees[] = { "/etc", "/usr", "/boot", "/proc", "/sys", "/dev",
					     "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" };
	const char *home = getenv("HOME");
	size_t n;

	if (!strchr(path + 1, '/'))
		return true;
	for (size_t i = 0; i < sizeof(trees) / sizeof(trees[0]); i++) {
		n = strlen(trees[i]);
		if (!strncmp(path, trees[i], n) && (path[n] == '/' || !path[n]))
			return true;
	}
	return home && *home && !strcmp(path, home);
}

/* does dir hold anything, and if so, our marker? (-1: cannot read it) */
static int dir_state(const char *dir, bool *empty, bool *ours)
{
	char marker[PATH_MAX + sizeof(OUTPUT_MARKER) + 1];
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(dir);

	if (!d)
		return -1;
	*empty = true;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			*empty = false;
			break;
		}
	closedir(d);
	snprintf(marker, sizeof(marker), "%s/%s", dir, OUTPUT_MARKER);
	*ours = lstat(marker, &st) == 0 && S_ISREG(st.st_mode);
	return 0;
}

int output_check_dir(const char *outdir, char *err, size_t errlen)
{
	char real[PATH_MAX], *copy, *parent, *base;
	struct stat st;
	bool empty, ours;
	int n;

	if (lstat(outdir, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			snprintf(err, errlen, "%s is a symbolic link: name the directory itself", outdir);
			return -1;
		}
		if (!S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s exists and is not a directory", outdir);
			return -1;
		}
		if (!realpath(outdir, real)) {
			snprintf(err, errlen, "%s: %s", outdir, strerror(errno));
			return -1;
		}
	} else {
		/* a new directory: where it would be */
		copy = strdup(outdir);
		if (!copy) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		parent = dirname(copy);
		if (!realpath(parent, real)) {
			snprintf(err, errlen, "cannot create %s: %s: %s", outdir, parent, strerror(errno));
			free(copy);
			return -1;
		}
		free(copy);
		copy = strdup(outdir);
		base = copy ? basename(copy) : NULL;
		n = base ? snprintf(real + strlen(real), sizeof(real) - strlen(real), "%s%s",
				    strcmp(real, "/") ? "/" : "", base) : -1;
		free(copy);
		if (n < 0) {
			snprintf(err, errlen, "%s: name too long", outdir);
			return -1;
		}
	}
	if (system_dir(real)) {
		snprintf(err, errlen, "refusing to write into %s: translate replaces its output "
			 "directory as a whole, and that one is the system's; write into a directory "
			 "of its own (e.g. -o ./l2tpsec-out) and install from there", real);
		return -1;
	}
	if (lstat(outdir, &st) == 0) {
		if (dir_state(outdir, &empty, &ours)) {
			snprintf(err, errlen, "cannot read %s: %s", outdir, strerror(errno));
			return -1;
		}
		if (!empty && !ours) {
			snprintf(err, errlen, "refusing to replace %s: it holds files l2tpsec translate "
				 "did not write (no %s in it); give a new or empty directory, or remove "
				 "that one yourself", outdir, OUTPUT_MARKER);
			return -1;
		}
	}
	return 0;
}

int output_commit(struct output *o, const char *outdir, char *err, size_t errlen)
{
	char tmp[4096], old[4096], *copy, *parent;
	struct stat st;
	int n;

	if (output_check_dir(outdir, err, errlen))
		return -1;
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
