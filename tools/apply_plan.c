/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "apply_plan.h"
#include "run_cmd.h"
#include "output.h"	/* OUTPUT_MARKER */

#define FILE_MAX (4u << 20)	/* a translated file is far smaller; a bigger one is not ours */

/* the whole file, NUL-terminated; NULL when it cannot be read */
static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	char *buf = NULL;
	ssize_t n;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size > FILE_MAX ||
	    !(buf = malloc((size_t)st.st_size + 1)))
		goto out;
	n = read(fd, buf, (size_t)st.st_size);
	if (n != st.st_size) {
		free(buf);
		buf = NULL;
		goto out;
	}
	buf[n] = '\0';
	*len = (size_t)n;
out:
	close(fd);
	return buf;
}

static int add(struct apply_plan *plan, const char *rel, const char *src, const char *root,
	       mode_t mode, char *err, size_t errlen)
{
	struct apply_item *grown, *it;
	char *a, *b;
	size_t alen = 0, blen = 0;
	struct stat st;

	grown = realloc(plan->items, (plan->n + 1) * sizeof(*grown));
	if (!grown) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	plan->items = grown;
	it = &plan->items[plan->n];
	memset(it, 0, sizeof(*it));
	snprintf(it->rel, sizeof(it->rel), "%s", rel);
	snprintf(it->src, sizeof(it->src), "%s", src);
	if (!strcmp(rel, "README.translation"))
		snprintf(it->dst, sizeof(it->dst), "%s/etc/l2tpsec/README.translation", root);
	else
		snprintf(it->dst, sizeof(it->dst), "%s/etc/%s", root, rel);
	it->mode = mode & 0777;
	it->secret = !(mode & 077);
	plan->n++;
	if (lstat(it->dst, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			snprintf(err, errlen, "%s is not a regular file: not replacing it", it->dst);
			return -1;
		}
		it->exists = 1;
		a = slurp(it->src, &alen);
		b = slurp(it->dst, &blen);
		if (!a) {
			free(b);
			snprintf(err, errlen, "cannot read %s: %s", it->src, strerror(errno));
			return -1;
		}
		it->changed = !b || alen != blen || memcmp(a, b, alen) ||
			      (st.st_mode & 0777) != it->mode || st.st_uid != 0 || st.st_gid != 0;
		free(a);
		free(b);
	} else {
		it->changed = 1;
	}
	plan->changed += it->changed;
	return 0;
}

/* the tree below dir (rel: its path in the tree, "" at the top) */
static int walk(struct apply_plan *plan, const char *dir, const char *rel, const char *root,
		char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		snprintf(err, errlen, "cannot read %s: %s", dir, strerror(errno));
		return -1;
	}
	while (!rc && (e = readdir(d))) {
		char path[PATH_MAX], sub[256];
		struct stat st;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    (!rel[0] && !strcmp(e->d_name, OUTPUT_MARKER)))
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= sizeof(path) ||
		    (size_t)snprintf(sub, sizeof(sub), "%s%s%s", rel, rel[0] ? "/" : "", e->d_name) >=
			    sizeof(sub)) {
			snprintf(err, errlen, "%s/%s: path too long", dir, e->d_name);
			rc = -1;
		} else if (lstat(path, &st)) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk(plan, path, sub, root, err, errlen);
		} else if (S_ISREG(st.st_mode)) {
			rc = add(plan, sub, path, root, st.st_mode, err, errlen);
		} else {
			snprintf(err, errlen, "%s is neither a file nor a directory: not a translated tree",
				 path);
			rc = -1;
		}
	}
	closedir(d);
	return rc;
}

static int by_rel(const void *a, const void *b)
{
	return strcmp(((const struct apply_item *)a)->rel, ((const struct apply_item *)b)->rel);
}

int apply_plan_read(struct apply_plan *plan, const char *outdir, const char *root, char *err,
		    size_t errlen)
{
	char marker[PATH_MAX];
	struct stat st;

	memset(plan, 0, sizeof(*plan));
	snprintf(marker, sizeof(marker), "%s/%s", outdir, OUTPUT_MARKER);
	if (lstat(outdir, &st) || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s is not a directory", outdir);
		return -1;
	}
	if (lstat(marker, &st) || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s was not written by l2tpsec translate (no %s): nothing applied",
			 outdir, OUTPUT_MARKER);
		return -1;
	}
	if (walk(plan, outdir, "", root, err, errlen))
		return -1;
	if (!plan->n) {
		snprintf(err, errlen, "%s holds no files", outdir);
		return -1;
	}
	qsort(plan->items, plan->n, sizeof(*plan->items), by_rel);
	return 0;
}

/* diff -u OLD NEW into out, labelled with the file's place */
static void diff(FILE *out, const struct apply_item *it)
{
	char *argv[] = { "diff", "-u", "--label", (char *)it->dst, "--label", (char *)it->dst,
			 (char *)(it->exists ? it->dst : "/dev/null"), (char *)it->src, NULL };

	run_cmd(argv, out);
}

void apply_plan_show(const struct apply_plan *plan, FILE *out)
{
	for (size_t i = 0; i < plan->n; i++) {
		const struct apply_item *it = &plan->items[i];

		if (!it->changed)
			continue;
		fprintf(out, "%s %s (mode %04o, root:root)\n", it->exists ? "changed" : "new",
			it->dst, (unsigned)it->mode);
		if (it->secret)
			fprintf(out, "  (holds secrets: its contents are not shown)\n");
		else
			diff(out, it);
	}
	fprintf(out, "%zu file(s) to change, %zu unchanged\n", plan->changed,
		plan->n - plan->changed);
}

int apply_plan_touches(const struct apply_plan *plan, const char *prefix)
{
	for (size_t i = 0; i < plan->n; i++)
		if (plan->items[i].changed && !strncmp(plan->items[i].rel, prefix, strlen(prefix)))
			return 1;
	return 0;
}

void apply_plan_free(struct apply_plan *plan)
{
	free(plan->items);
	memset(plan, 0, sizeof(*plan));
}
