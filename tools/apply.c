/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * l2tpsec apply [--dry-run] [--root DIR] OUTDIR: put a translated tree in place. Shows what
 * changes (diff -u; secrets never shown), keeps a backup of every file it replaces
 * (/var/backups/l2tpsec/TIME/), installs each file atomically (root:root, 0600 for secrets),
 * then has the running daemons take it: charon re-reads its settings and swanctl loads the
 * connections (swanctl --reload-settings, --load-all) when charon's files changed, xl2tpd is
 * restarted under systemd when its files changed. Any step failing puts every file back and
 * has the daemons load the old configuration again. --root installs below DIR instead of /
 * (a staging tree, the tests). Exit 0 applied (or nothing to do), 1 failed and rolled back,
 * 2 usage or an OUTDIR that is not a translated tree.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "apply_plan.h"
#include "run_cmd.h"
#include "subcommands.h"

struct applied {
	struct apply_plan plan;
	char backup[PATH_MAX];	/* where replaced files were kept */
	size_t installed;	/* items[0..] considered so far (changed ones written) */
};

static void usage(FILE *out)
{
	fprintf(out, "usage: l2tpsec apply [--dry-run] [--root DIR] OUTDIR\n");
}

/* mkdir -p of path's directory (0755 for what is new) */
static int parent_dirs(const char *path)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s", path);
	for (char *p = dir + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(dir, 0755) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

/* copy src over dst atomically with mode, root's (a temporary beside dst, renamed) */
static int install_file(const char *src, const char *dst, mode_t mode, char *err, size_t errlen)
{
	char tmp[PATH_MAX + 16], buf[65536];
	int in = -1, out = -1, rc = -1;
	ssize_t n;

	snprintf(tmp, sizeof(tmp), "%s.l2tpsec-new", dst);
	if (parent_dirs(dst)) {
		snprintf(err, errlen, "cannot make the directory of %s: %s", dst, strerror(errno));
		return -1;
	}
	unlink(tmp);
	in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	/* made with its final mode: a secret is never readable by others, not even briefly */
	out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
	if (in < 0 || out < 0) {
		snprintf(err, errlen, "cannot copy %s to %s: %s", src, tmp, strerror(errno));
		goto out;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			break;
	if (n != 0 || fchmod(out, mode) || (geteuid() == 0 && fchown(out, 0, 0)) || fsync(out)) {
		snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
		goto out;
	}
	close(out);
	out = -1;
	if (rename(tmp, dst)) {
		snprintf(err, errlen, "cannot rename %s to %s: %s", tmp, dst, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	if (rc)
		unlink(tmp);
	return rc;
}

/* a step of the reload; its output shown when it fails */
static int step(const char *what, char *const argv[])
{
	char *text = NULL;
	size_t len = 0;
	FILE *log = open_memstream(&text, &len);
	int rc = run_cmd(argv, log);

	if (log)
		fclose(log);
	if (rc)
		fprintf(stderr, "l2tpsec apply: %s failed (exit %d)%s%s", what, rc, len ? ":\n" : "\n",
			len ? text : "");
	else
		printf("%s: ok\n", what);
	free(text);
	return rc;
}

/* which daemons were told to take the files (a rollback tells the same ones again) */
struct told {
	int charon, xl2tpd;
};

/*
 * Have the running daemons take the files; 0, or -1 when one refused them. again: a rollback's
 * second round, which tells only the daemons the first round told, and quietly.
 */
static int reload(const struct apply_plan *plan, struct told *told, const struct told *again)
{
	char *stats[] = { "swanctl", "--stats", NULL };
	char *settings[] = { "swanctl", "--reload-settings", NULL };
	char *load[] = { "swanctl", "--load-all", "--noprompt", NULL };
	char *active[] = { "systemctl", "is-active", "--quiet", "xl2tpd.service", NULL };
	char *restart[] = { "systemctl", "restart", "xl2tpd.service", NULL };

	if ((again ? again->charon : apply_plan_touches(plan, "swanctl/") ||
	     apply_plan_touches(plan, "strongswan.d/") || apply_plan_touches(plan, "ipsec."))) {
		if (run_cmd(stats, NULL)) {
			if (!again)
				printf("charon is not running: its new configuration takes effect when "
				       "strongswan.service starts\n");
		} else {
			told->charon = 1;
			if (step("swanctl --reload-settings (crypto profiles)", settings) ||
			    step("swanctl --load-all (connections, secrets)", load))
				return -1;
		}
	}
	if ((again ? again->xl2tpd : apply_plan_touches(plan, "xl2tpd/") ||
	     apply_plan_touches(plan, "ppp/l2tpsec-dialin"))) {
		if (run_cmd(active, NULL)) {
			if (!again)
				printf("xl2tpd.service is not running: its new configuration takes effect "
				       "when it starts\n");
		} else {
			told->xl2tpd = 1;
			if (step("systemctl restart xl2tpd.service (its sessions end)", restart))
				return -1;
		}
	}
	return 0;
}

/* keep what is about to be replaced: BACKUP/<its path> */
static int backup(struct applied *a, const char *root, char *err, size_t errlen)
{
	char stamp[32], dst[PATH_MAX * 2];
	time_t now = time(NULL);
	struct tm tm;

	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", gmtime_r(&now, &tm));
	snprintf(a->backup, sizeof(a->backup), "%s/var/backups/l2tpsec/%s", root, stamp);
	for (int i = 2; access(a->backup, F_OK) == 0; i++)
		snprintf(a->backup, sizeof(a->backup), "%s/var/backups/l2tpsec/%s.%d", root, stamp, i);
	if (parent_dirs(a->backup) || mkdir(a->backup, 0700)) {
		snprintf(err, errlen, "cannot make %s: %s", a->backup, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < a->plan.n; i++) {
		const struct apply_item *it = &a->plan.items[i];
		struct stat st;

		if (!it->changed || !it->exists)
			continue;
		snprintf(dst, sizeof(dst), "%s%s", a->backup, it->dst + strlen(root));
		if (stat(it->dst, &st) || install_file(it->dst, dst, st.st_mode & 0777, err, errlen))
			return -1;
	}
	return 0;
}

/* every file written so far back as it was (removed when it was new) */
static void roll_back(struct applied *a, const char *root)
{
	char err[512], src[PATH_MAX * 2];
	struct stat st;

	for (size_t i = 0; i < a->installed; i++) {
		const struct apply_item *it = &a->plan.items[i];

		if (!it->changed)
			continue;
		if (!it->exists) {
			unlink(it->dst);
			continue;
		}
		snprintf(src, sizeof(src), "%s%s", a->backup, it->dst + strlen(root));
		if (stat(src, &st) || install_file(src, it->dst, st.st_mode & 0777, err, sizeof(err)))
			fprintf(stderr, "l2tpsec apply: could not restore %s (%s): the backup is %s\n",
				it->dst, err, src);
	}
}

int apply_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "root", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct applied a = { 0 };
	struct told told = { 0 }, unused = { 0 };
	const char *root = "";
	char err[PATH_MAX + 256];
	int dry = 0, o;

	opterr = 0;
	while ((o = getopt_long(argc, argv, "nr:h", opts, NULL)) != -1) {
		switch (o) {
		case 'n':
			dry = 1;
			break;
		case 'r':
			root = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fprintf(stderr, "l2tpsec apply: %s\n", optopt ? "an option needs its argument" :
				"unknown option");
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind != 1) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(root, "/"))
		root = "";
	if (!dry && !root[0] && geteuid() != 0) {
		fprintf(stderr, "l2tpsec apply: needs root (it writes /etc and reloads the daemons)\n");
		return 1;
	}
	if (apply_plan_read(&a.plan, argv[optind], root, err, sizeof(err))) {
		fprintf(stderr, "l2tpsec apply: %s\n", err);
		apply_plan_free(&a.plan);
		return 2;
	}
	apply_plan_show(&a.plan, stdout);
	if (dry || !a.plan.changed) {
		if (!a.plan.changed)
			printf("nothing to apply\n");
		apply_plan_free(&a.plan);
		return 0;
	}
	if (backup(&a, root, err, sizeof(err))) {
		fprintf(stderr, "l2tpsec apply: %s: nothing applied\n", err);
		apply_plan_free(&a.plan);
		return 1;
	}
	for (; a.installed < a.plan.n; a.installed++) {
		const struct apply_item *it = &a.plan.items[a.installed];

		if (it->changed && install_file(it->src, it->dst, it->mode, err, sizeof(err))) {
			fprintf(stderr, "l2tpsec apply: %s\n", err);
			goto fail;
		}
	}
	fflush(stdout);
	if (reload(&a.plan, &told, NULL))
		goto fail;
	printf("applied %zu file(s); the files replaced are kept in %s\n", a.plan.changed, a.backup);
	apply_plan_free(&a.plan);
	return 0;
fail:
	roll_back(&a, root);
	fprintf(stderr, "l2tpsec apply: rolled back: every file is as it was (the new ones removed)%s\n",
		told.charon || told.xl2tpd ? "; the daemons told of the new one take the old again" : "");
	fflush(stdout);
	if (told.charon || told.xl2tpd)
		reload(&a.plan, &unused, &told);
	apply_plan_free(&a.plan);
	return 1;
}
