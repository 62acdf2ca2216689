/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_dispatcher.h"
#include "l2tp_security_show.h"
#include "l2tp_security_operator.h"

#include "cs_build.h"
#include "l2tpsec_names.h"

#include <daemon.h>
#include <processing/jobs/callback_job.h>

typedef struct private_l2tp_security_dispatcher_t private_l2tp_security_dispatcher_t;

/**
 * Private data of an l2tp_security_dispatcher_t object.
 */
struct private_l2tp_security_dispatcher_t {

	/**
	 * Public interface.
	 */
	l2tp_security_dispatcher_t public;

	/**
	 * Settings (profiles)
	 */
	l2tp_security_config_t *config;

	/**
	 * The registry
	 */
	l2tp_security_clones_t *clones;

	/**
	 * Makes and unmakes clones
	 */
	l2tp_security_cloner_t *cloner;

	/**
	 * Adopts the SAs a LISTEN finds already up
	 */
	l2tp_security_listener_t *listener;

	/**
	 * Block policies
	 */
	l2tp_security_policies_t *policies;

	/**
	 * Answers
	 */
	l2tp_security_reporter_t *reporter;
};

/**
 * A request's local endpoint, on the L2TP port when it names none
 */
static host_t *local_endpoint(struct cs_msg *msg)
{
	host_t *local;

	local = l2tp_security_endpoint_to_host(&msg->local);
	if (!local->get_port(local))
	{
		local->set_port(local, L2TPSEC_L2TP_PORT);
	}
	return local;
}

/**
 * Job: report the SAs peers brought up before a LISTEN (it walks the IKE_SAs)
 */
static job_requeue_t adopt(l2tp_security_listener_t *listener)
{
	listener->adopt(listener);
	return JOB_REQUEUE_NONE;
}

static void process_listen(private_l2tp_security_dispatcher_t *this, u_int client,
						   struct cs_msg *msg)
{
	l2tp_security_profile_t *profile;
	l2tp_security_listen_t listen;
	host_t *local;

	profile = this->config->get_profile(this->config, msg->profile);
	if (!profile)
	{
		this->reporter->error(this->reporter, client, 0, "no such crypto profile");
		return;
	}
	local = local_endpoint(msg);
	if (msg->plaintext)
	{	/* block policies would refuse that daemon's groups without IPsec: it holds the rule
		 * per tunnel (socket policies) and per packet */
		DBG1(DBG_CFG, "l2tp-security: client %u also serves L2TP without IPsec on %#H: no "
			 "block policies there, its tunnels' sockets and packet check hold the rule",
			 client, local);
	}
	else if (!this->policies->hold(this->policies, client, local))
	{
		this->reporter->error(this->reporter, client, 0,
							  "the kernel refused the block policies");
		profile->destroy(profile);
		local->destroy(local);
		return;
	}
	listen = (l2tp_security_listen_t){
		.client = client,
		.profile = profile,
		.local = local,
	};
	l2tp_security_show_log_listen(&listen);
	this->clones->add_listen(this->clones, client, profile, local);
	this->reporter->ok(this->reporter, client, 0);
	/* an L2TP daemon (re)started after charon: peers may have their SAs up already */
	lib->processor->queue_job(lib->processor, (job_t*)callback_job_create(
						(callback_job_cb_t)adopt, this->listener, NULL, NULL));
}

static void process_open(private_l2tp_security_dispatcher_t *this, u_int client,
						 struct cs_msg *msg)
{
	l2tp_security_profile_t *profile;
	l2tp_security_clone_t *clone;
	host_t *local, *remote;

	if (!msg->id || msg->id > L2TPSEC_ACTIVE_ID_MAX)
	{
		this->reporter->error(this->reporter, client, msg->id,
							  "OPEN id must be from 1 to 2147483647");
		return;
	}
	if (this->clones->get_by_request(this->clones, client, msg->id))
	{
		this->reporter->error(this->reporter, client, msg->id, "a tunnel with this id is open");
		return;
	}
	local = local_endpoint(msg);
	remote = l2tp_security_endpoint_to_host(&msg->remote);
	if (remote->is_anyaddr(remote) || !remote->get_port(remote) ||
		local->get_family(local) != remote->get_family(remote))
	{
		this->reporter->error(this->reporter, client, msg->id, "OPEN needs a remote address "
							  "and port of the local address's family");
		local->destroy(local);
		remote->destroy(remote);
		return;
	}
	profile = this->config->get_profile(this->config, msg->profile);
	if (!profile)
	{
		this->reporter->error(this->reporter, client, msg->id, "no such crypto profile");
		local->destroy(local);
		remote->destroy(remote);
		return;
	}
	clone = l2tp_security_clone_create(msg->id, client, profile, local, remote);
	if (CS_HAS(msg, CS_A_KEEP_SA))
	{
		clone->keep_sa = msg->keep_sa;
	}
	if (!this->cloner->prepare(this->cloner, clone))
	{
		this->reporter->error(this->reporter, client, msg->id,
							  "the profile's swanctl connection is not loaded");
		l2tp_security_clone_destroy(clone);
		return;
	}
	if (!this->policies->hold(this->policies, client, clone->local))
	{
		this->reporter->error(this->reporter, client, msg->id,
							  "the kernel refused the block policies");
		l2tp_security_clone_destroy(clone);
		return;
	}
	this->cloner->start(this->cloner, clone);
	/* still locked: the OK leaves before any SECURED for it */
	this->reporter->ok(this->reporter, client, msg->id);
}

static void process_close(private_l2tp_security_dispatcher_t *this, u_int client,
						  struct cs_msg *msg)
{
	l2tp_security_clone_t *clone;

	clone = this->clones->get_by_request(this->clones, client, msg->id);
	if (!clone)
	{
		this->reporter->error(this->reporter, client, msg->id, "no such tunnel");
		return;
	}
	if (CS_HAS(msg, CS_A_KEEP_SA))
	{
		clone->keep_sa = msg->keep_sa;
	}
	if (this->clones->release(this->clones, clone))
	{
		this->cloner->teardown(this->cloner, clone);
	}
	this->reporter->ok(this->reporter, client, msg->id);
}

static void process_query(private_l2tp_security_dispatcher_t *this, u_int client,
						  struct cs_msg *msg)
{
	l2tp_security_clones_filter_t secured = {
		.states = 1u << L2TP_SECURITY_CLONE_SECURED,
	};
	l2tp_security_clone_t *clone, *found = NULL;
	enumerator_t *enumerator;
	struct cs_msg *reply;
	host_t *local, *remote;

	struct cs_endpoint used;

	/* the answer names the local port the query was about (the L2TP port when it named none) */
	local = local_endpoint(msg);
	l2tp_security_host_to_endpoint(local, &used);
	remote = l2tp_security_endpoint_to_host(&msg->remote);
	enumerator = this->clones->create_enumerator(this->clones, &secured);
	while (!found && enumerator->enumerate(enumerator, &clone))
	{
		if (l2tp_security_endpoint_matches(local, clone->local) &&
			l2tp_security_endpoint_matches(remote, clone->remote))
		{
			found = clone;
		}
	}
	enumerator->destroy(enumerator);
	reply = malloc(sizeof(*reply));
	cs_build_status(reply, &used, &msg->remote, found != NULL, found ? found->id : 0);
	if (found)
	{
		l2tp_security_facts_to_msg(&found->facts, reply);
	}
	this->reporter->send(this->reporter, client, reply);
	free(reply);
	local->destroy(local);
	remote->destroy(remote);
}

/**
 * Where SHOW replies go
 */
typedef struct {
	l2tp_security_reporter_t *reporter;
	u_int client;
} show_reply_t;

static void send_show_part(show_reply_t *reply, struct cs_msg *msg)
{
	reply->reporter->send(reply->reporter, reply->client, msg);
}

static void process_show(private_l2tp_security_dispatcher_t *this, u_int client,
						 struct cs_msg *msg)
{
	show_reply_t reply = {
		.reporter = this->reporter,
		.client = client,
	};
	const char *error = NULL;
	char *text;
	bool done;

	/* walks the IKE_SAs: without the registry's lock (show takes it for its snapshot) */
	if (l2tp_security_operator_handles(msg->text))
	{
		text = l2tp_security_operator_run(this->reporter, msg->text, &error);
		if (text)
		{
			l2tp_security_show_send_text(text, (void*)send_show_part, &reply);
		}
		done = text != NULL;
		free(text);
	}
	else
	{
		done = l2tp_security_show_reply(this->config, this->clones, msg->text,
										(void*)send_show_part, &reply, &error);
	}
	if (done)
	{
		this->reporter->ok(this->reporter, client, 0);
	}
	else
	{
		this->reporter->error(this->reporter, client, 0, (char*)error);
	}
}

/**
 * A request handler, called with the registry locked unless it says otherwise
 */
typedef void (*process_t)(private_l2tp_security_dispatcher_t *this, u_int client,
						  struct cs_msg *msg);

static const struct {
	uint8_t type;
	process_t process;
	bool unlocked;
} handlers[] = {
	{ CS_LISTEN, process_listen, FALSE },
	{ CS_OPEN, process_open, FALSE },
	{ CS_CLOSE, process_close, FALSE },
	{ CS_QUERY, process_query, FALSE },
	{ CS_SHOW, process_show, TRUE },
};

static bool valid_family(struct cs_msg *msg, int attr, struct cs_endpoint *ep)
{
	return !CS_HAS(msg, attr) || ep->family == 4 || ep->family == 6;
}

METHOD(l2tp_security_dispatcher_t, request, void,
	private_l2tp_security_dispatcher_t *this, u_int client, struct cs_msg *msg)
{
	u_int i;

	this->reporter->received(this->reporter, client, msg);
	if (!valid_family(msg, CS_A_LOCAL, &msg->local) ||
		!valid_family(msg, CS_A_REMOTE, &msg->remote))
	{
		this->reporter->error(this->reporter, client, msg->id,
							  "address family must be IPv4 or IPv6");
		return;
	}
	for (i = 0; i < countof(handlers); i++)
	{
		if (handlers[i].type != msg->type)
		{
			continue;
		}
		if (handlers[i].unlocked)
		{
			handlers[i].process(this, client, msg);
			return;
		}
		this->clones->lock(this->clones);
		handlers[i].process(this, client, msg);
		this->clones->unlock(this->clones);
		return;
	}
	this->reporter->error(this->reporter, client, msg->id, "not a request");
}

METHOD(l2tp_security_dispatcher_t, client_gone, void,
	private_l2tp_security_dispatcher_t *this, u_int client)
{
	l2tp_security_clones_filter_t filter = {
		.states = L2TP_SECURITY_CLONES_LIVE,
		.client = client,
	};
	l2tp_security_clone_t *clone;
	enumerator_t *enumerator;

	this->clones->lock(this->clones);
	enumerator = this->clones->create_enumerator(this->clones, &filter);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (this->clones->release(this->clones, clone))
		{
			this->cloner->teardown(this->cloner, clone);
		}
	}
	enumerator->destroy(enumerator);
	this->clones->remove_listens(this->clones, client);
	this->policies->release_owner(this->policies, client);
	this->clones->unlock(this->clones);
}

METHOD(l2tp_security_dispatcher_t, destroy, void,
	private_l2tp_security_dispatcher_t *this)
{
	free(this);
}

/*
 * Described in header
 */
l2tp_security_dispatcher_t *l2tp_security_dispatcher_create(l2tp_security_config_t *config,
								l2tp_security_clones_t *clones, l2tp_security_cloner_t *cloner,
								l2tp_security_listener_t *listener,
								l2tp_security_policies_t *policies,
								l2tp_security_reporter_t *reporter)
{
	private_l2tp_security_dispatcher_t *this;

	INIT(this,
		.public = {
			.request = _request,
			.client_gone = _client_gone,
			.destroy = _destroy,
		},
		.config = config,
		.clones = clones,
		.cloner = cloner,
		.listener = listener,
		.policies = policies,
		.reporter = reporter,
	);
	return &this->public;
}
