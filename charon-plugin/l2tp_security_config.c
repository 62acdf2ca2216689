/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_config.h"

#include <utils/debug.h>
#include <collections/array.h>

typedef struct private_l2tp_security_config_t private_l2tp_security_config_t;

/**
 * Private data of an l2tp_security_config_t object.
 */
struct private_l2tp_security_config_t {

	/**
	 * Public interface.
	 */
	l2tp_security_config_t public;

	/**
	 * Settings namespace
	 */
	char *ns;

	/**
	 * Crypto socket path
	 */
	char *socket;

	/**
	 * Valid profiles, sorted by name (l2tp_security_profile_t*)
	 */
	array_t *profiles;
};

/**
 * Sort profiles by name, for stable listings
 */
static int name_cmp(const void *a, const void *b, void *user)
{
	l2tp_security_profile_t *x = (l2tp_security_profile_t*)a;
	l2tp_security_profile_t *y = (l2tp_security_profile_t*)b;

	return strcmp(x->get_name(x), y->get_name(y));
}

/**
 * Drop what was read before
 */
static void clear(private_l2tp_security_config_t *this)
{
	l2tp_security_profile_t *profile;

	while (array_remove(this->profiles, ARRAY_TAIL, &profile))
	{
		profile->destroy(profile);
	}
	free(this->socket);
	this->socket = NULL;
}

/**
 * Read the settings into this object
 */
static void load(private_l2tp_security_config_t *this)
{
	l2tp_security_profile_t *profile;
	enumerator_t *enumerator;
	const char *error;
	char *name;

	clear(this);
	this->socket = strdup(lib->settings->get_str(lib->settings,
							"%s.plugins.l2tp-security.socket",
							L2TP_SECURITY_DEFAULT_SOCKET, this->ns));
	enumerator = lib->settings->create_section_enumerator(lib->settings,
							"%s.plugins.l2tp-security.profiles", this->ns);
	while (enumerator->enumerate(enumerator, &name))
	{
		profile = l2tp_security_profile_create(this->ns, name, &error);
		if (!profile)
		{	/* refused whole: a half-read profile would protect tunnels wrongly */
			DBG1(DBG_CFG, "l2tp-security: crypto profile %s ignored: %s", name, error);
			continue;
		}
		array_insert(this->profiles, ARRAY_TAIL, profile);
	}
	enumerator->destroy(enumerator);
	array_sort(this->profiles, name_cmp, NULL);
}

METHOD(l2tp_security_config_t, get_socket, char*,
	private_l2tp_security_config_t *this)
{
	return this->socket;
}

METHOD(l2tp_security_config_t, create_profile_enumerator, enumerator_t*,
	private_l2tp_security_config_t *this)
{
	return array_create_enumerator(this->profiles);
}

METHOD(l2tp_security_config_t, get_profile_count, u_int,
	private_l2tp_security_config_t *this)
{
	return array_count(this->profiles);
}

METHOD(l2tp_security_config_t, get_profile, l2tp_security_profile_t*,
	private_l2tp_security_config_t *this, char *name)
{
	l2tp_security_profile_t *profile;
	enumerator_t *enumerator;

	enumerator = array_create_enumerator(this->profiles);
	while (enumerator->enumerate(enumerator, &profile))
	{
		if (streq(profile->get_name(profile), name))
		{
			break;
		}
		profile = NULL;
	}
	enumerator->destroy(enumerator);
	return profile;
}

METHOD(l2tp_security_config_t, reload, void,
	private_l2tp_security_config_t *this)
{
	load(this);
}

METHOD(l2tp_security_config_t, destroy, void,
	private_l2tp_security_config_t *this)
{
	clear(this);
	array_destroy(this->profiles);
	free(this->ns);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_config_t *l2tp_security_config_create(const char *ns)
{
	private_l2tp_security_config_t *this;

	INIT(this,
		.public = {
			.get_socket = _get_socket,
			.create_profile_enumerator = _create_profile_enumerator,
			.get_profile_count = _get_profile_count,
			.get_profile = _get_profile,
			.reload = _reload,
			.destroy = _destroy,
		},
		.ns = strdup(ns),
		.profiles = array_create(0, 0),
	);
	load(this);
	return &this->public;
}
