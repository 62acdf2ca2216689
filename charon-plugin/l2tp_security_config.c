/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_config.h"

#include "l2tpsec_names.h"

#include <utils/debug.h>
#include <collections/array.h>
#include <collections/hashtable.h>
#include <threading/rwlock.h>

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

	/**
	 * The same profiles by name, for constant-time lookups per tunnel
	 */
	hashtable_t *by_name;

	/**
	 * Guards profiles against a reload while tunnels look them up
	 */
	rwlock_t *lock;
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
		this->by_name->remove(this->by_name, profile->get_name(profile));
		profile->destroy(profile);
	}
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
	enumerator = lib->settings->create_section_enumerator(lib->settings,
							L2TPSEC_CHARON_KEY(L2TPSEC_CHARON_PROFILES),
								this->ns);
	while (enumerator->enumerate(enumerator, &name))
	{
		profile = l2tp_security_profile_create(this->ns, name, &error);
		if (!profile)
		{	/* refused whole: a half-read profile would protect tunnels wrongly */
			DBG1(DBG_CFG, "l2tp-security: crypto profile %s ignored: %s", name, error);
			continue;
		}
		array_insert(this->profiles, ARRAY_TAIL, profile);
		this->by_name->put(this->by_name, profile->get_name(profile), profile);
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
	this->lock->read_lock(this->lock);
	return enumerator_create_cleaner(array_create_enumerator(this->profiles),
									 (void*)this->lock->unlock, this->lock);
}

METHOD(l2tp_security_config_t, get_profile_count, u_int,
	private_l2tp_security_config_t *this)
{
	u_int count;

	this->lock->read_lock(this->lock);
	count = array_count(this->profiles);
	this->lock->unlock(this->lock);
	return count;
}

METHOD(l2tp_security_config_t, get_profile, l2tp_security_profile_t*,
	private_l2tp_security_config_t *this, char *name)
{
	l2tp_security_profile_t *profile;

	this->lock->read_lock(this->lock);
	profile = this->by_name->get(this->by_name, name);
	if (profile)
	{
		profile = profile->get_ref(profile);
	}
	this->lock->unlock(this->lock);
	return profile;
}

METHOD(l2tp_security_config_t, reload, void,
	private_l2tp_security_config_t *this)
{
	char *socket;

	socket = lib->settings->get_str(lib->settings,
							L2TPSEC_CHARON_KEY(L2TPSEC_CHARON_SOCKET),
									L2TPSEC_DEFAULT_SOCKET, this->ns);
	if (!streq(socket, this->socket))
	{
		DBG1(DBG_CFG, "l2tp-security: crypto socket %s takes effect when charon restarts",
			 socket);
	}
	this->lock->write_lock(this->lock);
	load(this);
	this->lock->unlock(this->lock);
}

METHOD(l2tp_security_config_t, destroy, void,
	private_l2tp_security_config_t *this)
{
	clear(this);
	array_destroy(this->profiles);
	this->by_name->destroy(this->by_name);
	this->lock->destroy(this->lock);
	free(this->socket);
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
		.by_name = hashtable_create(hashtable_hash_str, hashtable_equals_str, 32),
		.lock = rwlock_create(RWLOCK_TYPE_DEFAULT),
	);
	this->socket = strdup(lib->settings->get_str(lib->settings,
							L2TPSEC_CHARON_KEY(L2TPSEC_CHARON_SOCKET),
							L2TPSEC_DEFAULT_SOCKET, this->ns));
	load(this);
	return &this->public;
}
