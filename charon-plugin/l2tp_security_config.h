/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_config l2tp_security_config
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_CONFIG_H_
#define L2TP_SECURITY_CONFIG_H_

#include <library.h>

#include "l2tp_security_profile.h"


typedef struct l2tp_security_config_t l2tp_security_config_t;

/**
 * The plugin's settings (charon.plugins.l2tp-security.*), read from strongswan.conf.
 */
struct l2tp_security_config_t {

	/**
	 * Path of the crypto socket served to the L2TP daemon.
	 *
	 * @return			socket path (owned by this object)
	 */
	char* (*get_socket)(l2tp_security_config_t *this);

	/**
	 * Enumerate the valid crypto profiles, sorted by name (holds a read lock: do not
	 * reload while enumerating).
	 *
	 * @return			enumerator over l2tp_security_profile_t*
	 */
	enumerator_t* (*create_profile_enumerator)(l2tp_security_config_t *this);

	/**
	 * Number of valid crypto profiles (invalid ones are logged and left out).
	 *
	 * @return			profile count
	 */
	u_int (*get_profile_count)(l2tp_security_config_t *this);

	/**
	 * Find a profile by name (constant time).
	 *
	 * @param name		profile name
	 * @return			new reference to the profile, NULL if there is no valid profile
	 *					of that name
	 */
	l2tp_security_profile_t* (*get_profile)(l2tp_security_config_t *this, char *name);

	/**
	 * Read the settings again (swanctl --reload-settings, SIGHUP).
	 */
	void (*reload)(l2tp_security_config_t *this);

	/**
	 * Destroy an l2tp_security_config_t.
	 */
	void (*destroy)(l2tp_security_config_t *this);
};

/**
 * Create the settings object and read the current settings.
 *
 * @param ns		settings namespace (lib->ns, "charon")
 * @return			settings object
 */
l2tp_security_config_t *l2tp_security_config_create(const char *ns);

#endif /** L2TP_SECURITY_CONFIG_H_ @}*/
