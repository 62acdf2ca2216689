/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_plugin.h"
#include "l2tp_security_config.h"
#include "l2tp_security_manager.h"
#include "l2tp_security_policies.h"
#include "l2tp_security_socket.h"

#include <daemon.h>
#include <collections/linked_list.h>

/*
 * Debian's libcharon is built with mediation (ME), which changes the layout of ike_sa_t and
 * others. If the strongSwan config.h we compile against disagrees, every call through an
 * interface lands on the wrong method: refuse to build instead (configure sets the size).
 */
#ifdef L2TPSEC_IKE_SA_SIZE
_Static_assert(sizeof(ike_sa_t) == L2TPSEC_IKE_SA_SIZE,
			   "strongSwan config.h does not match the installed libcharon (ME layout)");
#endif

typedef struct private_l2tp_security_plugin_t private_l2tp_security_plugin_t;

/**
 * Private data of the l2tp-security plugin.
 */
struct private_l2tp_security_plugin_t {

	/**
	 * Implements plugin interface
	 */
	l2tp_security_plugin_t public;

	/**
	 * The plugin's settings
	 */
	l2tp_security_config_t *config;

	/**
	 * Kernel block policies
	 */
	l2tp_security_policies_t *policies;

	/**
	 * Clones profiles per tunnel, listens on the bus
	 */
	l2tp_security_manager_t *manager;

	/**
	 * The crypto socket
	 */
	l2tp_security_socket_t *socket;
};

/**
 * Log one profile the way IOS "show crypto map" describes a crypto map entry
 */
static void log_profile(l2tp_security_profile_t *profile)
{
	linked_list_t *proposals;
	uint64_t kilobytes;
	uint32_t seconds;

	proposals = linked_list_create_from_enumerator(
							profile->create_proposal_enumerator(profile));
	seconds = profile->get_lifetime(profile, &kilobytes);
	DBG1(DBG_CFG, "l2tp-security: profile %s: %#P, %s mode, lifetime %llu kilobytes/%u "
		 "seconds, PFS (Y/N): %s, keep-sa %s, IKE from connection %s",
		 profile->get_name(profile), proposals,
		 profile->is_transport(profile) ? "transport" : "tunnel",
		 (unsigned long long)kilobytes, seconds, profile->get_pfs_group(profile) ? "Y" : "N",
		 profile->keep_sa(profile) ? "yes" : "no", profile->get_connection(profile));
	proposals->destroy(proposals);
}

/**
 * Log what the settings say: one summary line, then one line per profile
 */
static void log_config(private_l2tp_security_plugin_t *this)
{
	l2tp_security_profile_t *profile;
	enumerator_t *enumerator;
	char names[512] = "", *name;
	size_t len = 0;
	int n;

	enumerator = this->config->create_profile_enumerator(this->config);
	while (enumerator->enumerate(enumerator, &profile))
	{
		name = profile->get_name(profile);
		n = snprintf(names + len, sizeof(names) - len, "%s%s", len ? ", " : "",
					 name);
		if (n < 0 || (size_t)n >= sizeof(names) - len)
		{
			break;
		}
		len += n;
	}
	enumerator->destroy(enumerator);
	DBG1(DBG_CFG, "l2tp-security %s: %u crypto profile(s)%s%s, crypto socket %s",
		 L2TPSEC_VERSION, this->config->get_profile_count(this->config),
		 len ? ": " : "", names, this->config->get_socket(this->config));
	enumerator = this->config->create_profile_enumerator(this->config);
	while (enumerator->enumerate(enumerator, &profile))
	{
		log_profile(profile);
	}
	enumerator->destroy(enumerator);
}

METHOD(plugin_t, get_name, char*,
	private_l2tp_security_plugin_t *this)
{
	return "l2tp-security";
}

/**
 * Register or unregister the plugin's services
 */
static bool plugin_cb(private_l2tp_security_plugin_t *this,
					  plugin_feature_t *feature, bool reg, void *cb_data)
{
	if (reg)
	{
		log_config(this);
		this->policies = l2tp_security_policies_create();
		this->manager = l2tp_security_manager_create(this->config, this->policies);
		this->socket = l2tp_security_socket_create(this->config->get_socket(this->config),
							(l2tp_security_request_cb_t)this->manager->request,
							(l2tp_security_gone_cb_t)this->manager->client_gone,
							this->manager);
		if (!this->socket)
		{
			this->manager->destroy(this->manager);
			this->policies->destroy(this->policies);
			this->manager = NULL;
			this->policies = NULL;
			return FALSE;
		}
		this->manager->set_socket(this->manager, this->socket);
		charon->bus->add_listener(charon->bus, &this->manager->listener);
	}
	else if (this->manager)
	{
		DBG1(DBG_CFG, "l2tp-security: unloading");
		charon->bus->remove_listener(charon->bus, &this->manager->listener);
		this->manager->shutdown(this->manager);
		this->socket->destroy(this->socket);
		this->manager->destroy(this->manager);
		this->policies->destroy(this->policies);
		this->manager = NULL;
		this->socket = NULL;
		this->policies = NULL;
	}
	return TRUE;
}

METHOD(plugin_t, get_features, int,
	private_l2tp_security_plugin_t *this, plugin_feature_t *features[])
{
	static plugin_feature_t f[] = {
		PLUGIN_CALLBACK((plugin_feature_callback_t)plugin_cb, NULL),
			PLUGIN_PROVIDE(CUSTOM, "l2tp-security"),
				PLUGIN_DEPENDS(CUSTOM, "kernel-ipsec"),
	};
	*features = f;
	return countof(f);
}

METHOD(plugin_t, reload, bool,
	private_l2tp_security_plugin_t *this)
{
	this->config->reload(this->config);
	log_config(this);
	if (this->manager)
	{	/* the operator's way to open what a departed L2TP daemon left blocked */
		this->manager->release_orphans(this->manager);
	}
	return TRUE;
}

METHOD(plugin_t, destroy, void,
	private_l2tp_security_plugin_t *this)
{
	this->config->destroy(this->config);
	free(this);
}

/*
 * Plugin constructor, see plugin.h
 */
plugin_t *l2tp_security_plugin_create()
{
	private_l2tp_security_plugin_t *this;

	if (!lib->caps->keep(lib->caps, CAP_NET_ADMIN))
	{
		DBG1(DBG_CFG, "l2tp-security plugin requires CAP_NET_ADMIN capability");
		return NULL;
	}

	INIT(this,
		.public = {
			.plugin = {
				.get_name = _get_name,
				.get_features = _get_features,
				.reload = _reload,
				.destroy = _destroy,
			},
		},
		.config = l2tp_security_config_create(lib->ns),
	);

	return &this->public.plugin;
}
