/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * profile_keys FILE...: feed strongswan.d snippets the translator wrote to the charon plugin's
 * own profile reader. Every key written must be one the plugin reads and every profile must be
 * accepted whole; prints what was checked, exits 1 on the first key nobody reads.
 */
#define _GNU_SOURCE	/* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <library.h>

#include "l2tp_security_profile.h"
#include "l2tpsec_names.h"

/* keys of the plugin's own section: charon's plugin loader reads load, the plugin the rest */
static const char *const plugin_keys[] = {
	"load", L2TPSEC_CHARON_SOCKET, L2TPSEC_CHARON_OPEN_TIMEOUT, NULL,
};

static int known(const char *const *keys, const char *key)
{
	for (; *keys; keys++)
		if (!strcmp(*keys, key))
			return 1;
	return 0;
}

/*
 * every key of the plugin's section (profile NULL) or of a profile must be known; returns the
 * number of keys, -1 on an unknown one (the settings API splits a key at its dots before
 * formatting, so each level is an argument of its own)
 */
static int check_keys(const char *file, const char *profile, const char *const *keys)
{
	enumerator_t *enumerator;
	char *key, *value;
	int n = 0;

	enumerator = profile ?
		lib->settings->create_key_value_enumerator(lib->settings, "contract.plugins.%s.%s.%s",
			L2TPSEC_CHARON_PLUGIN, L2TPSEC_CHARON_PROFILES, profile) :
		lib->settings->create_key_value_enumerator(lib->settings, "contract.plugins.%s",
			L2TPSEC_CHARON_PLUGIN);
	while (enumerator->enumerate(enumerator, &key, &value)) {
		if (!known(keys, key)) {
			fprintf(stderr, "%s: %s%s%s is written but never read\n", file,
				profile ? profile : "", profile ? "." : "", key);
			n = -1;
			break;
		}
		n++;
	}
	enumerator->destroy(enumerator);
	return n;
}

static int check_file(const char *file)
{
	char *text = NULL, *wrapped, *name;
	const char *error = NULL;
	l2tp_security_profile_t *profile;
	enumerator_t *enumerator;
	size_t len = 0;
	int keys, total = 0, profiles = 0, rc = 0;
	FILE *f = fopen(file, "r");

	if (!f || getdelim(&text, &len, '\0', f) < 0) {
		perror(file);
		return 1;
	}
	fclose(f);
	/* the snippet lives in charon.plugins, as strongswan.d/charon/ puts it */
	if (asprintf(&wrapped, "contract { plugins {\n%s\n} }\n", text) < 0)
		return 1;
	free(text);
	if (!lib->settings->load_string(lib->settings, wrapped, FALSE)) {
		fprintf(stderr, "%s: not valid strongswan.conf syntax\n", file);
		free(wrapped);
		return 1;
	}
	free(wrapped);
	if (check_keys(file, NULL, plugin_keys) < 0)
		return 1;
	enumerator = lib->settings->create_section_enumerator(lib->settings, "contract.plugins.%s.%s",
				L2TPSEC_CHARON_PLUGIN, L2TPSEC_CHARON_PROFILES);
	while (!rc && enumerator->enumerate(enumerator, &name)) {
		keys = check_keys(file, name, l2tp_security_profile_keys);
		profile = l2tp_security_profile_create("contract", name, &error);
		if (keys < 0 || !profile) {
			if (!profile)
				fprintf(stderr, "%s: profile %s refused: %s\n", file, name, error);
			rc = 1;
		}
		DESTROY_IF(profile);
		total += keys;
		profiles++;
	}
	enumerator->destroy(enumerator);
	if (!rc && !profiles) {
		fprintf(stderr, "%s: no profiles\n", file);
		rc = 1;
	}
	if (!rc)
		printf("%s: %d profile(s), %d key(s), every one read\n", file, profiles, total);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: profile_keys FILE...\n");
		return 2;
	}
	if (!library_init(NULL, "contract"))
		return 2;
	for (int i = 1; i < argc && !rc; i++) {
		lib->settings->load_string(lib->settings, "", FALSE);	/* forget the last file */
		rc = check_file(argv[i]);
	}
	library_deinit();
	return rc;
}
