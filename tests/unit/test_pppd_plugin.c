/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Load the built l2tpsec.so the way pppd does (dlopen, version string, plugin_init) with the
 * few pppd symbols it uses provided here, then drive its option and phase handling.
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* --- the slice of pppd 2.4's API the plugin links against (exported: built with -rdynamic) --- */
typedef struct {
	char *name;
	int type;
	void *addr;
	char *description;
	unsigned int flags;
	void *addr2;
	int upper_limit;
	int lower_limit;
	const char *source;
	short int priority;
	short int winner;
} option_t;
struct notifier;

void *phasechange;
static option_t *registered;
static void (*phase_fn)(void *, int);
static char last_info[256], last_error[256];

void add_options(option_t *opt) { registered = opt; }

void add_notifier(struct notifier **list, void (*fn)(void *, int), void *arg)
{
	(void)list; (void)arg;
	phase_fn = fn;
}

void info(char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_info, sizeof(last_info), fmt, ap);
	va_end(ap);
}

void option_error(char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
}

enum { PHASE_ESTABLISH = 4 };	/* pppd.h (2.4.9) */

int main(void)
{
	char path[4096];
	const char *top = getenv("top_builddir");
	void *h;
	char *version;
	void (*init)(void);
	int (*set)(char **);

	snprintf(path, sizeof(path), "%s/.libs/l2tpsec.so", top ? top : ".");
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
	CHECK(strstr(last_info, "l2tpsec plugin") != NULL);
	CHECK(registered && strcmp(registered[0].name, "l2tpsec-lcp-renegotiation") == 0);
	CHECK(registered && registered[1].name == NULL);
	CHECK(phase_fn != NULL);
	if (!registered || !phase_fn)
		return check_done("test_pppd_plugin");

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
