/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_plugin.h"
#include "l2tp_security_cloner.h"
#include "l2tp_security_clones.h"
#include "l2tp_security_config.h"
#include "l2tp_security_dispatcher.h"
#include "l2tp_security_listener.h"
#include "l2tp_security_steering.h"
#include "l2tp_security_policies.h"
#include "l2tp_security_reporter.h"
#include "l2tp_security_show.h"
#include "l2tp_security_socket.h"

#include "l2tpsec_names.h"

#include <daemon.h>

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
	 * Steers each CHILD_SA's L2TP to its tunnel (NULL without nftables)
	 */
	l2tp_security_steering_t *steering;

	/**
	 * The clone registry
	 */
	l2tp_security_clones_t *clones;

	/**
	 * What clients hear
	 */
	l2tp_security_reporter_t *reporter;

	/**
	 * Makes and unmakes clones
	 */
	l2tp_security_cloner_t *cloner;

	/**
	 * Bus events
	 */
	l2tp_security_listener_t *listener;

	/**
	 * Request handlers
	 */
	l2tp_security_dispatcher_t *dispatcher;

	/**
	 * The crypto socket
	 */
	l2tp_security_socket_t *socket;
};

METHOD(plugin_t, get_name, char*,
	private_l2tp_security_plugin_t *this)
{
	return "l2tp-security";
}

/**
 * Tear down what create_services() made, in reverse
 */
static void destroy_services(private_l2tp_security_plugin_t *this)
{
	DESTROY_IF(this->socket);
	DESTROY_IF(this->dispatcher);
	DESTROY_IF(this->listener);
	DESTROY_IF(this->cloner);
	DESTROY_IF(this->reporter);
	DESTROY_IF(this->clones);
	DESTROY_IF(this->steering);
	DESTROY_IF(this->policies);
	this->socket = NULL;
	this->dispatcher = NULL;
	this->listener = NULL;
	this->cloner = NULL;
	this->reporter = NULL;
	this->clones = NULL;
	this->steering = NULL;
	this->policies = NULL;
}

/**
 * Create and wire the plugin's objects
 */
/**
 * The steering, or NULL (logged): without it, L2TP clients behind one NAT address that use the
 * same port cannot be told apart, everything else works
 */
static l2tp_security_steering_t *create_steering(l2tp_security_policies_t *policies)
{
	l2tp_security_steering_t *steering = NULL;
	l2tp_security_nft_t *nft;

	nft = l2tp_security_nft_create();
	if (nft)
	{
		steering = l2tp_security_steering_create(nft, policies);
	}
	if (!steering)
	{
		DBG1(DBG_CFG, "l2tp-security: L2TP steering by SA is off (nftables unusable): of the "
			 "L2TP clients behind one NAT address using the same UDP port, one at a time works");
	}
	return steering;
}

static bool create_services(private_l2tp_security_plugin_t *this)
{
	u_int open_timeout;

	open_timeout = lib->settings->get_time(lib->settings,
							L2TPSEC_CHARON_KEY(L2TPSEC_CHARON_OPEN_TIMEOUT), 60, lib->ns);
	this->policies = l2tp_security_policies_create();
	this->steering = create_steering(this->policies);
	this->clones = l2tp_security_clones_create();
	this->reporter = l2tp_security_reporter_create();
	this->cloner = l2tp_security_cloner_create(this->clones, this->reporter, open_timeout);
	this->listener = l2tp_security_listener_create(this->clones, this->cloner,
												   this->reporter, this->steering);
	this->dispatcher = l2tp_security_dispatcher_create(this->config, this->clones,
							this->cloner, this->listener, this->policies, this->reporter);
	this->socket = l2tp_security_socket_create(this->config->get_socket(this->config),
							(l2tp_security_request_cb_t)this->dispatcher->request,
							(l2tp_security_gone_cb_t)this->dispatcher->client_gone,
							this->dispatcher);
	if (!this->socket)
	{
		destroy_services(this);
		return FALSE;
	}
	this->reporter->set_socket(this->reporter, this->socket);
	return TRUE;
}

/**
 * Register or unregister the plugin's services
 */
static bool plugin_cb(private_l2tp_security_plugin_t *this,
					  plugin_feature_t *feature, bool reg, void *cb_data)
{
	if (reg)
	{
		l2tp_security_show_log_config(this->config);
		if (!create_services(this))
		{
			return FALSE;
		}
		charon->bus->add_listener(charon->bus, &this->listener->listener);
	}
	else if (this->listener)
	{
		DBG1(DBG_CFG, "l2tp-security: unloading");
		charon->bus->remove_listener(charon->bus, &this->listener->listener);
		this->listener->shutdown(this->listener);
		this->reporter->set_socket(this->reporter, NULL);
		destroy_services(this);
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
	l2tp_security_show_log_config(this->config);
	if (this->policies)
	{	/* the operator's way to open what a departed L2TP daemon left blocked */
		this->policies->release_orphans(this->policies);
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
