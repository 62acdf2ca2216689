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
	 * Profile names, sorted (char*)
	 */
	array_t *profiles;
};

/**
 * Sort profile names, for stable listings
 */
static int name_cmp(const void *a, const void *b, void *user)
{
	return strcmp(a, b);
}

/**
 * Drop what was read before
 */
static void clear(private_l2tp_security_config_t *this)
{
	char *name;

	while (array_remove(this->profiles, ARRAY_TAIL, &name))
	{
		free(name);
	}
	free(this->socket);
	this->socket = NULL;
}

/**
 * Read the settings into this object
 */
static void load(private_l2tp_security_config_t *this)
{
	enumerator_t *enumerator;
	char *name;

	clear(this);
	this->socket = strdup(lib->settings->get_str(lib->settings,
							"%s.plugins.l2tp-security.socket",
							L2TP_SECURITY_DEFAULT_SOCKET, this->ns));
	enumerator = lib->settings->create_section_enumerator(lib->settings,
							"%s.plugins.l2tp-security.profiles", this->ns);
	while (enumerator->enumerate(enumerator, &name))
	{
		array_insert(this->profiles, ARRAY_TAIL, strdup(name));
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
			.reload = _reload,
			.destroy = _destroy,
		},
		.ns = strdup(ns),
		.profiles = array_create(0, 0),
	);
	load(this);
	return &this->public;
}
