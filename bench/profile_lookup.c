/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * bench/profile-lookup: the charon plugin's settings object with 10, 100, 1,000 and 10,000 crypto
 * profiles (read by libstrongswan from a generated strongswan.conf, as in charon): time to read
 * them, and nanoseconds per profile lookup by name (what every OPEN and LISTEN does), averaged
 * over a million lookups of random existing names. Prints figures; asserts nothing on time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <library.h>

#include "l2tp_security_config.h"

#define LOOKUPS 1000000

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* a strongswan.conf fragment with n profiles named p0..p(n-1) */
static char *settings(int n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	fprintf(out, "bench { plugins { l2tp-security { profiles {\n");
	for (int i = 0; i < n; i++)
		fprintf(out, "p%d { connection = c%d\n esp_proposals = aes128-sha1,3des-sha1\n"
			"lifetime_seconds = 3600\n keep_sa = %s }\n", i, i % 97, i % 2 ? "yes" : "no");
	fprintf(out, "} } } }\n");
	fclose(out);
	return text;
}

int main(int argc, char **argv)
{
	static const int sizes[] = { 10, 100, 1000, 10000 };
	char name[32];

	if (!library_init(NULL, "bench"))
		return 1;
	srandom(1701);
	for (size_t s = 0; s < countof(sizes); s++) {
		l2tp_security_config_t *config;
		l2tp_security_profile_t *profile;
		char *text = settings(sizes[s]);
		double t0, t1, t2;
		int found = 0;

		lib->settings->load_string(lib->settings, text, FALSE);
		free(text);
		t0 = now_ns();
		config = l2tp_security_config_create("bench");
		t1 = now_ns();
		for (int i = 0; i < LOOKUPS; i++) {
			snprintf(name, sizeof(name), "p%ld", random() % sizes[s]);
			profile = config->get_profile(config, name);
			if (profile) {
				found++;
				profile->destroy(profile);
			}
		}
		t2 = now_ns();
		/* the name formatting is part of the loop: time it alone and take it out */
		double t3 = now_ns();
		for (int i = 0; i < LOOKUPS; i++)
			snprintf(name, sizeof(name), "p%ld", random() % sizes[s]);
		double t4 = now_ns();

		printf("%6d profiles: read in %8.1f ms, lookup %6.1f ns (%d of %d found)\n",
		       config->get_profile_count(config), (t1 - t0) / 1e6,
		       ((t2 - t1) - (t4 - t3)) / LOOKUPS, found, LOOKUPS);
		config->destroy(config);
	}
	library_deinit();
	return 0;
}
