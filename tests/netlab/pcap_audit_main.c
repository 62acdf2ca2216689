/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * pcap-audit [--pair A B [--field CLASS]] FILE.pcap...
 * Without --pair: one line per host pair with every count. With --pair: that pair's line, or
 * with --field only the number (0 when the pair never appeared). Exit 2 on bad usage or input.
 */
#include "pcap_audit.h"

#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	fprintf(stderr, "usage: pcap-audit [--pair ADDR ADDR [--field "
		"ike|esp|esp-in-udp|l2tp-plaintext|other]] FILE.pcap...\n");
	exit(2);
}

static void print_pair(const struct audit_pair *p)
{
	char x[64], y[64];

	printf("%s <-> %s:", audit_addr_str(&p->lo, x, sizeof(x)),
	       audit_addr_str(&p->hi, y, sizeof(y)));
	for (int c = 0; c < AUDIT_NCLASS; c++)
		printf(" %s=%lu", audit_class_names[c], p->count[c]);
	putchar('\n');
}

int main(int argc, char **argv)
{
	const char *pa = NULL, *pb = NULL, *field = NULL;
	struct audit a = { 0 };
	int i, cls = -1;

	for (i = 1; i < argc && !strncmp(argv[i], "--", 2); i++) {
		if (!strcmp(argv[i], "--pair") && i + 2 < argc) {
			pa = argv[++i];
			pb = argv[++i];
		} else if (!strcmp(argv[i], "--field") && i + 1 < argc) {
			field = argv[++i];
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			usage();
		}
	}
	if (i >= argc || (field && !pa))
		usage();
	if (field) {
		for (int c = 0; c < AUDIT_NCLASS; c++)
			if (!strcmp(field, audit_class_names[c]))
				cls = c;
		if (cls < 0) {
			fprintf(stderr, "pcap-audit: unknown field '%s'\n", field);
			usage();
		}
	}
	for (; i < argc; i++) {
		char err[128];
		FILE *f = fopen(argv[i], "rb");

		if (!f) {
			perror(argv[i]);
			return 2;
		}
		if (audit_file(&a, f, err, sizeof(err))) {
			fprintf(stderr, "pcap-audit: %s: %s\n", argv[i], err);
			fclose(f);
			return 2;
		}
		fclose(f);
	}
	audit_sort(&a);
	if (pa) {
		const struct audit_pair *p = audit_find(&a, pa, pb);

		if (cls >= 0)
			printf("%lu\n", p ? p->count[cls] : 0);
		else if (p)
			print_pair(p);
		else
			printf("%s <-> %s: no packets\n", pa, pb);
	} else {
		for (size_t k = 0; k < a.npairs; k++)
			print_pair(&a.pairs[k]);
		if (a.undecoded)
			printf("undecoded frames: %lu\n", a.undecoded);
	}
	audit_free(&a);
	return 0;
}
