/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Load the built l2tpsec.so the way pppd does (dlopen, version string, plugin_init) with the
 * pppd symbols it uses provided by fake_pppd.c, then drive its options and phase handling.
 * (What it does with proxy data: test_lns_proxy.)
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#include "fake_pppd.h"

int main(void)
{
	char path[4096];
	const char *top = getenv("top_builddir");
	void *h;
	char *version;
	void (*init)(void);
	int (*set)(char **);
	option_t *registered;
	void (*phase_fn)(void *, int);
	char *last_info = fake.info, *last_error = fake.option_error;

	snprintf(path, sizeof(path), "%s/.libs/l2tpsec.so", top ? top : ".");
	fake_pppd_reset();
	h = dlopen(path, RTLD_NOW);
	if (!h) {
		fprintf(stderr, "dlopen %s: %s\n", path, dlerror());
		return 1;
	}
	version = dlsym(h, "pppd_version");
	init = (void (*)(void))dlsym(h, "plugin_init");
	CHECK(version && init);
	if (!version || !init)
		return check_done("test_pppd_plugin");
	CHECK(getenv("PPPD_VERSION") && strcmp(version, getenv("PPPD_VERSION")) == 0);

	init();
	registered = fake.options[0];
	phase_fn = fake.phase_fn;
	CHECK(strstr(last_info, "l2tpsec plugin") != NULL);
	CHECK(registered && strcmp(registered[0].name, "l2tpsec-lcp-renegotiation") == 0);
	CHECK(registered && strcmp(registered[1].name, "l2tpsec-force-local-chap") == 0);
	CHECK(registered && strcmp(registered[2].name, "l2tpsec-no-proxy-auth") == 0);
	CHECK(registered && registered[3].name == NULL);
	/* the LAC's request-dialin options, a table of their own */
	CHECK(fake_option("l2tpsec-dialin") && fake_option("l2tpsec-dialin-timeout") &&
	      fake_option("l2tpsec-dialin-refuse-others"));
	CHECK(phase_fn != NULL);
	if (!registered || !phase_fn)
		return check_done("test_pppd_plugin");
	/* the flags pppd sets a bool option to, privileged only */
	CHECK(registered[1].type == o_bool && (registered[1].flags & OPT_VALUE) == 1 &&
	      (registered[1].flags & OPT_PRIV));
	CHECK(registered[2].type == o_bool && (registered[2].flags & OPT_VALUE) == 1);

	set = (int (*)(char **))registered[0].addr;
	phase_fn(NULL, PHASE_ESTABLISH);
	CHECK(strstr(last_info, "lcp renegotiation off") != NULL);	/* default: IOS without the command */
	CHECK(set((char *[]){ "always" }) == 1);
	phase_fn(NULL, PHASE_ESTABLISH);
	CHECK(strstr(last_info, "lcp renegotiation always") != NULL);
	CHECK(set((char *[]){ "on-mismatch" }) == 1);
	phase_fn(NULL, PHASE_ESTABLISH);
	CHECK(strstr(last_info, "lcp renegotiation on-mismatch") != NULL);
	last_error[0] = 0;
	CHECK(set((char *[]){ "sometimes" }) == 0);
	CHECK(strstr(last_error, "'sometimes'") != NULL);
	phase_fn(NULL, PHASE_ESTABLISH);
	CHECK(strstr(last_info, "on-mismatch") != NULL);		/* bad value changed nothing */
	last_info[0] = 0;
	phase_fn(NULL, PHASE_ESTABLISH + 1);
	CHECK(last_info[0] == 0);					/* other phases: silent */
	dlclose(h);
	return check_done("test_pppd_plugin");
}
