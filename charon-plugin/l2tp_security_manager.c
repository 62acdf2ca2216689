/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* accept4, SO_PEERCRED, memrchr */
#endif

#include "l2tp_security_manager.h"
#include "l2tp_security_facts.h"
#include "l2tp_security_show.h"

#include <netinet/in.h>

#include <daemon.h>
#include <collections/array.h>
#include <collections/hashtable.h>
#include <collections/linked_list.h>
#include <processing/jobs/callback_job.h>
#include <threading/mutex.h>

/** IKE_SAs remembered as dead (DPD), to give their CHILD_SAs' CLOSED the right reason */
#define L2TP_SECURITY_DEAD_PEERS 64

typedef struct private_l2tp_security_manager_t private_l2tp_security_manager_t;

/**
 * Private data of an l2tp_security_manager_t object.
 */
struct private_l2tp_security_manager_t {

	/**
	 * Public interface.
	 */
	l2tp_security_manager_t public;

	/**
	 * Settings (profiles)
	 */
	l2tp_security_config_t *config;

	/**
	 * Kernel block policies
	 */
	l2tp_security_policies_t *policies;

	/**
	 * Where events go
	 */
	l2tp_security_socket_t *socket;

	/**
	 * Clones (clone_t*)
	 */
	linked_list_t *clones;

	/**
	 * Passive opens (listen_t*)
	 */
	linked_list_t *listens;

	/**
	 * Block policy references held by clients (block_t*)
	 */
	linked_list_t *blocks;

	/**
	 * Cloned IKE configs per profile and peer address (peer_t*), by key
	 */
	hashtable_t *peers;

	/**
	 * Last clone sequence number given per crypto map name (uint32_t*)
	 */
	hashtable_t *seqs;

	/**
	 * Unique ids of IKE_SAs whose peer stopped answering (uint32_t)
	 */
	array_t *dead_peers;

	/**
	 * Next id for a passive clone
	 */
	uint32_t next_passive;

	/**
	 * Seconds an OPEN may take before it counts as failed
	 */
	u_int open_timeout;

	/**
	 * charon got a shutdown signal
	 */
	bool shutting_down;

	/**
	 * Guards everything above
	 */
	mutex_t *mutex;
};

/**
 * One profile cloned for one L2TP tunnel
 */
typedef struct {
	/** Client-visible id (OPEN id or assigned) and owning client */
	uint32_t id;
	u_int client;
	/** From a LISTEN (LNS) rather than an OPEN (LAC) */
	bool passive;
	/** Template (reference) and this clone's crypto map sequence number */
	l2tp_security_profile_t *profile;
	uint32_t seq;
	/** L2TP endpoints, with UDP ports */
	host_t *local, *remote;
	/** Active opens: the cloned configs initiated */
	peer_cfg_t *peer_cfg;
	child_cfg_t *child_cfg;
	/** Unique ids of the IKE_SA and the current CHILD_SA, 0 until known */
	uint32_t ike_id, child_id;
	/** CHILD_SA up */
	bool secured;
	/** The client let go (CLOSE, timeout, disconnect): no more events, tear down */
	bool closing;
	/** Keep the IKE_SA on teardown */
	bool keep_sa;
	/** Facts of the current CHILD_SA */
	l2tp_security_facts_t facts;
} clone_t;

/**
 * A passive open
 */
typedef struct {
	u_int client;
	l2tp_security_profile_t *profile;
	host_t *local;
} listen_t;

/**
 * A block policy reference held by a client, or kept after its client left
 */
typedef struct {
	u_int client;
	host_t *local;
	/** its client went away: kept so plaintext stays blocked (fail closed) */
	bool orphan;
} block_t;

/**
 * A cloned IKE config for one profile and peer (IKE_SA reuse needs the same object)
 */
typedef struct {
	char *key;
	/** The swanctl connection it was cloned from, to notice reloads */
	peer_cfg_t *source;
	peer_cfg_t *clone;
} peer_t;

static void clone_destroy(clone_t *clone)
{
	clone->profile->destroy(clone->profile);
	clone->local->destroy(clone->local);
	clone->remote->destroy(clone->remote);
	DESTROY_IF(clone->peer_cfg);
	DESTROY_IF(clone->child_cfg);
	free(clone);
}

static void listen_destroy(listen_t *listen)
{
	listen->profile->destroy(listen->profile);
	listen->local->destroy(listen->local);
	free(listen);
}

static void peer_destroy(peer_t *peer)
{
	peer->source->destroy(peer->source);
	peer->clone->destroy(peer->clone);
	free(peer->key);
	free(peer);
}

/**
 * Wire endpoint to host (NULL if the family is unknown)
 */
static host_t *endpoint_to_host(struct cs_endpoint *ep)
{
	if (ep->family == 4)
	{
		return host_create_from_chunk(AF_INET, chunk_create(ep->addr, 4), ep->port);
	}
	if (ep->family == 6)
	{
		return host_create_from_chunk(AF_INET6, chunk_create(ep->addr, 16), ep->port);
	}
	return NULL;
}

static void host_to_endpoint(host_t *host, struct cs_endpoint *ep)
{
	chunk_t addr = host->get_address(host);

	ep->family = host->get_family(host) == AF_INET ? 4 : 6;
	memset(ep->addr, 0, sizeof(ep->addr));
	memcpy(ep->addr, addr.ptr, min(addr.len, sizeof(ep->addr)));
	ep->port = host->get_port(host);
}

/**
 * Same address (or a wildcard pattern) and port
 */
static bool endpoint_matches(host_t *pattern, host_t *host)
{
	if (pattern->get_port(pattern) && pattern->get_port(pattern) != host->get_port(host))
	{
		return FALSE;
	}
	return pattern->is_anyaddr(pattern) || pattern->ip_equals(pattern, host);
}

/**
 * Send a message to a client (mutex held; never blocks)
 */
static void send_msg(private_l2tp_security_manager_t *this, u_int client, struct cs_msg *msg)
{
	if (this->socket)
	{
		this->socket->send(this->socket, client, msg);
	}
}

static void send_error(private_l2tp_security_manager_t *this, u_int client, uint32_t id,
					   char *error)
{
	struct cs_msg msg = {
		.type = CS_ERROR,
		.present = (1u << CS_A_ERROR) | (1u << CS_A_ID),
		.id = id,
	};

	snprintf(msg.error, sizeof(msg.error), "%s", error);
	DBG1(DBG_CFG, "l2tp-security: request %u from client %u refused: %s", id, client, error);
	send_msg(this, client, &msg);
}

static void send_ok(private_l2tp_security_manager_t *this, u_int client, uint32_t id)
{
	struct cs_msg msg = {
		.type = CS_OK,
		.present = 1u << CS_A_ID,
		.id = id,
	};

	send_msg(this, client, &msg);
}

/**
 * Tell a clone's client its SA is gone and stop reporting it (mutex held)
 */
static void send_closed(private_l2tp_security_manager_t *this, clone_t *clone, uint8_t reason)
{
	struct cs_msg msg = {
		.type = CS_CLOSED,
		.present = (1u << CS_A_ID) | (1u << CS_A_REASON),
		.id = clone->id,
		.reason = reason,
	};

	DBG1(DBG_CFG, "CRYPTO_SS(L2X Security): closed socket, local %H(%u), remote %H(%u): %s",
		 clone->local, clone->local->get_port(clone->local), clone->remote,
		 clone->remote->get_port(clone->remote), cs_reason_name(reason));
	send_msg(this, clone->client, &msg);
	clone->closing = TRUE;
}

/**
 * Tell a clone's client its SA is up (mutex held)
 */
static void send_secured(private_l2tp_security_manager_t *this, clone_t *clone)
{
	struct cs_msg *msg;

	msg = calloc(1, sizeof(*msg));
	msg->type = CS_SECURED;
	msg->present = (1u << CS_A_ID) | (1u << CS_A_LOCAL) | (1u << CS_A_REMOTE);
	msg->id = clone->id;
	host_to_endpoint(clone->local, &msg->local);
	host_to_endpoint(clone->remote, &msg->remote);
	l2tp_security_facts_to_msg(&clone->facts, msg);
	DBG1(DBG_CFG, "CRYPTO_SS(L2X Security): Completed binding of application to socket, "
		 "local %H(%u), remote %H(%u), crypto map %s %u, SPIs %.8x_i %.8x_o, %s%s%s, "
		 "ESP overhead %u bytes", clone->local, clone->local->get_port(clone->local),
		 clone->remote, clone->remote->get_port(clone->remote),
		 clone->profile->get_crypto_map(clone->profile, NULL), clone->seq,
		 clone->facts.spi_in, clone->facts.spi_out, clone->facts.enc,
		 clone->facts.integ[0] ? "/" : "", clone->facts.integ, clone->facts.overhead);
	send_msg(this, clone->client, msg);
	free(msg);
}

/**
 * The next crypto map sequence number for a clone: 10 above the last one given in the same
 * crypto map, or above the template (mutex held; constant time however many tunnels exist)
 */
static uint32_t next_seq(private_l2tp_security_manager_t *this,
						 l2tp_security_profile_t *profile)
{
	uint32_t base, *last;
	char *map;

	map = profile->get_crypto_map(profile, &base);
	last = this->seqs->get(this->seqs, map);
	if (!last)
	{
		last = calloc(1, sizeof(*last));
		this->seqs->put(this->seqs, strdup(map), last);
	}
	*last = max(*last, base) + 10;
	return *last;
}

/**
 * Find a clone by client and id (mutex held)
 */
static clone_t *find_clone(private_l2tp_security_manager_t *this, u_int client, uint32_t id)
{
	enumerator_t *enumerator;
	clone_t *clone, *found = NULL;

	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->client == client && clone->id == id && !clone->closing)
		{
			found = clone;
			break;
		}
	}
	enumerator->destroy(enumerator);
	return found;
}

/**
 * Give a block policy reference back to the kernel policies (mutex held)
 */
static void block_destroy(private_l2tp_security_manager_t *this, block_t *block)
{
	this->policies->unblock(this->policies, block->local, block->local->get_port(block->local));
	block->local->destroy(block->local);
	free(block);
}

/**
 * Does another entry (a client's or an orphan) hold the same endpoint as block? (mutex held)
 */
static bool block_held(private_l2tp_security_manager_t *this, block_t *block)
{
	enumerator_t *enumerator;
	block_t *other;
	bool held = FALSE;

	enumerator = this->blocks->create_enumerator(this->blocks);
	while (!held && enumerator->enumerate(enumerator, &other))
	{
		held = other != block && other->local->equals(other->local, block->local);
	}
	enumerator->destroy(enumerator);
	return held;
}

/**
 * Hold a block policy reference for a client's local endpoint, once per client (mutex held)
 */
static bool hold_block(private_l2tp_security_manager_t *this, u_int client, host_t *local)
{
	enumerator_t *enumerator;
	block_t *block;
	bool held = FALSE;

	enumerator = this->blocks->create_enumerator(this->blocks);
	while (enumerator->enumerate(enumerator, &block))
	{
		if (!block->local->equals(block->local, local))
		{
			continue;
		}
		if (block->orphan)
		{	/* a restarted L2TP daemon takes over what its predecessor left */
			block->orphan = FALSE;
			block->client = client;
			DBG1(DBG_CFG, "l2tp-security: crypto socket client %u took over the block "
				 "policies for plaintext udp %H[%u]", client, local, local->get_port(local));
			held = TRUE;
			break;
		}
		if (block->client == client)
		{
			held = TRUE;
			break;
		}
	}
	enumerator->destroy(enumerator);
	if (held)
	{
		return TRUE;
	}
	if (!this->policies->block(this->policies, local, local->get_port(local)))
	{
		return FALSE;
	}
	INIT(block,
		.client = client,
		.local = local->clone(local),
	);
	this->blocks->insert_last(this->blocks, block);
	return TRUE;
}

/**
 * Job: delete a CHILD_SA or a whole IKE_SA by unique id
 */
typedef struct {
	uint32_t id;
	bool ike;
} terminate_t;

static job_requeue_t terminate(terminate_t *job)
{
	if (job->ike)
	{
		charon->controller->terminate_ike(charon->controller, job->id, FALSE, NULL, NULL, 0);
	}
	else
	{
		charon->controller->terminate_child(charon->controller, job->id, NULL, NULL, 0);
	}
	return JOB_REQUEUE_NONE;
}

static void queue_terminate(uint32_t id, bool ike)
{
	terminate_t *job;

	INIT(job,
		.id = id,
		.ike = ike,
	);
	lib->processor->queue_job(lib->processor, (job_t*)callback_job_create(
						(callback_job_cb_t)terminate, job, free, NULL));
}

/**
 * Tear down a clone's SA: the CHILD_SA, and its IKE_SA unless keep-sa or another tunnel
 * uses it (mutex held)
 */
static void teardown(private_l2tp_security_manager_t *this, clone_t *clone)
{
	enumerator_t *enumerator;
	clone_t *other;
	bool shared = FALSE;

	if (!clone->child_id)
	{	/* not up yet: torn down when it comes up, forgotten when it fails */
		return;
	}
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &other))
	{
		if (other != clone && other->ike_id == clone->ike_id && !other->closing)
		{
			shared = TRUE;
			break;
		}
	}
	enumerator->destroy(enumerator);
	DBG1(DBG_CFG, "l2tp-security: tunnel %u (local %H(%u), remote %H(%u)) closed: deleting "
		 "CHILD_SA #%u%s", clone->id, clone->local, clone->local->get_port(clone->local),
		 clone->remote, clone->remote->get_port(clone->remote), clone->child_id,
		 clone->keep_sa ? ", keeping IKE_SA (keep-sa)" :
		 shared ? ", keeping IKE_SA (used by other tunnels)" : " and its IKE_SA");
	if (clone->keep_sa || shared)
	{
		queue_terminate(clone->child_id, FALSE);
	}
	else
	{
		queue_terminate(clone->ike_id, TRUE);
	}
}

/**
 * Clone the IKE side of a swanctl connection for one peer address (cached, so that later
 * tunnels to the same peer find and reuse the IKE_SA). Mutex held.
 */
static peer_cfg_t *get_peer_cfg(private_l2tp_security_manager_t *this,
								l2tp_security_profile_t *profile, host_t *local,
								host_t *remote)
{
	peer_cfg_t *source, *clone;
	ike_cfg_t *ike, *ike_clone;
	linked_list_t *proposals;
	proposal_t *proposal;
	enumerator_t *enumerator;
	auth_cfg_t *auth;
	peer_t *peer;
	char key[256], me[INET6_ADDRSTRLEN + 2], other[INET6_ADDRSTRLEN + 2];
	bool local_side;

	source = charon->backends->get_peer_cfg_by_name(charon->backends,
											profile->get_connection(profile));
	if (!source)
	{
		return NULL;
	}
	snprintf(other, sizeof(other), "%H", remote);
	snprintf(me, sizeof(me), "%H", local);
	snprintf(key, sizeof(key), "%s|%s|%s", profile->get_name(profile), me, other);
	peer = this->peers->get(this->peers, key);
	if (peer && peer->source == source)
	{
		source->destroy(source);
		return peer->clone->get_ref(peer->clone);
	}
	ike = source->get_ike_cfg(source);
	ike_clone = ike_cfg_create(&(ike_cfg_create_t){
		.version = ike->get_version(ike),
		.local = local->is_anyaddr(local) ? ike->get_my_addr(ike) : me,
		.local_port = ike->get_my_port(ike),
		.remote = other,
		.remote_port = ike->get_other_port(ike),
		.no_certreq = !ike->send_certreq(ike),
		.force_encap = ike->force_encap(ike),
		.fragmentation = ike->fragmentation(ike),
		.childless = ike->childless(ike),
		.dscp = ike->get_dscp(ike),
	});
	proposals = ike->get_proposals(ike);
	while (proposals->remove_first(proposals, (void**)&proposal) == SUCCESS)
	{
		ike_clone->add_proposal(ike_clone, proposal);
	}
	proposals->destroy(proposals);
	clone = peer_cfg_create(profile->get_connection(profile), ike_clone,
							&(peer_cfg_create_t){
		.cert_policy = source->get_cert_policy(source),
		.unique = source->get_unique_policy(source),
		.keyingtries = source->get_keyingtries(source),
		.rekey_time = source->get_rekey_time(source, FALSE),
		.reauth_time = source->get_reauth_time(source, FALSE),
		.over_time = source->get_over_time(source),
		.no_mobike = !source->use_mobike(source),
		.aggressive = source->use_aggressive(source),
		.push_mode = !source->use_pull_mode(source),
		.dpd = source->get_dpd(source),
		.dpd_timeout = source->get_dpd_timeout(source),
		.if_id_in = source->get_if_id(source, TRUE),
		.if_id_out = source->get_if_id(source, FALSE),
	});
	for (local_side = TRUE; ; local_side = FALSE)
	{
		enumerator = source->create_auth_cfg_enumerator(source, local_side);
		while (enumerator->enumerate(enumerator, &auth))
		{
			clone->add_auth_cfg(clone, auth->clone(auth), local_side);
		}
		enumerator->destroy(enumerator);
		if (!local_side)
		{
			break;
		}
	}
	if (peer)
	{
		this->peers->remove(this->peers, peer->key);
		peer_destroy(peer);
	}
	INIT(peer,
		.key = strdup(key),
		.source = source,
		.clone = clone,
	);
	this->peers->put(this->peers, peer->key, peer);
	return clone->get_ref(clone);
}

/**
 * A transport-mode CHILD config covering exactly one L2TP tunnel's 5-tuple
 */
static child_cfg_t *create_child_cfg(l2tp_security_profile_t *profile, uint32_t seq,
									 host_t *local, host_t *remote)
{
	child_cfg_t *cfg;
	enumerator_t *enumerator;
	proposal_t *proposal;
	uint64_t kilobytes;
	uint32_t seconds;
	uint16_t pfs, group;
	char name[96];
	int bits;

	seconds = profile->get_lifetime(profile, &kilobytes);
	snprintf(name, sizeof(name), "%s-%u", profile->get_crypto_map(profile, NULL), seq);
	cfg = child_cfg_create(name, &(child_cfg_create_t){
		.mode = profile->is_transport(profile) ? MODE_TRANSPORT : MODE_TUNNEL,
		.lifetime = {
			.time = {
				.life = seconds,
				.rekey = seconds - seconds / 10,
				.jitter = seconds / 20,
			},
			.bytes = {
				.life = kilobytes * 1024,
				.rekey = kilobytes * 1024 - kilobytes * 1024 / 10,
			},
		},
	});
	pfs = profile->get_pfs_group(profile);
	enumerator = profile->create_proposal_enumerator(profile);
	while (enumerator->enumerate(enumerator, &proposal))
	{
		proposal = proposal->clone(proposal, 0);
		if (pfs && !proposal->get_algorithm(proposal, KEY_EXCHANGE_METHOD, &group, NULL))
		{
			proposal->add_algorithm(proposal, KEY_EXCHANGE_METHOD, pfs, 0);
		}
		cfg->add_proposal(cfg, proposal);
	}
	enumerator->destroy(enumerator);
	bits = local->get_family(local) == AF_INET ? 32 : 128;
	cfg->add_traffic_selector(cfg, TRUE, traffic_selector_create_from_subnet(
					local->clone(local), local->is_anyaddr(local) ? 0 : bits, IPPROTO_UDP,
					local->get_port(local), local->get_port(local)));
	cfg->add_traffic_selector(cfg, FALSE, traffic_selector_create_from_subnet(
					remote->clone(remote), bits, IPPROTO_UDP, remote->get_port(remote),
					remote->get_port(remote)));
	return cfg;
}

/**
 * Job: initiate an active open
 */
typedef struct {
	private_l2tp_security_manager_t *this;
	peer_cfg_t *peer_cfg;
	child_cfg_t *child_cfg;
} initiate_t;

static void initiate_destroy(initiate_t *job)
{
	job->peer_cfg->destroy(job->peer_cfg);
	job->child_cfg->destroy(job->child_cfg);
	free(job);
}

/**
 * Give up on a clone that is not up (mutex held)
 */
static void fail_pending(private_l2tp_security_manager_t *this, child_cfg_t *child_cfg,
						 const char *why)
{
	enumerator_t *enumerator;
	clone_t *clone;

	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->child_cfg == child_cfg && !clone->secured)
		{
			if (!clone->closing)
			{
				DBG1(DBG_CFG, "l2tp-security: tunnel %u to %H: %s", clone->id, clone->remote,
					 why);
				send_closed(this, clone, CS_REASON_FAILED);
			}
			if (!clone->child_id)
			{	/* nothing was created that could still report */
				this->clones->remove_at(this->clones, enumerator);
				clone_destroy(clone);
			}
		}
	}
	enumerator->destroy(enumerator);
}

static job_requeue_t initiate(initiate_t *job)
{
	private_l2tp_security_manager_t *this = job->this;
	status_t status;

	status = charon->controller->initiate(charon->controller,
					job->peer_cfg->get_ref(job->peer_cfg),
					job->child_cfg->get_ref(job->child_cfg), NULL, NULL, 0, FALSE);
	if (status != SUCCESS)
	{
		this->mutex->lock(this->mutex);
		fail_pending(this, job->child_cfg, "initiation failed");
		this->mutex->unlock(this->mutex);
	}
	return JOB_REQUEUE_NONE;
}

/**
 * Job: an OPEN that is not SECURED in time failed
 */
static job_requeue_t open_timeout(initiate_t *job)
{
	private_l2tp_security_manager_t *this = job->this;
	enumerator_t *enumerator;
	clone_t *clone;

	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->child_cfg == job->child_cfg && !clone->secured && !clone->closing)
		{
			DBG1(DBG_CFG, "l2tp-security: tunnel %u to %H not secured after %u seconds",
				 clone->id, clone->remote, this->open_timeout);
			send_closed(this, clone, CS_REASON_FAILED);
		}
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
	return JOB_REQUEUE_NONE;
}

static void handle_listen(private_l2tp_security_manager_t *this, u_int client,
						  struct cs_msg *msg)
{
	l2tp_security_profile_t *profile;
	listen_t *listen;
	host_t *local;

	profile = this->config->get_profile(this->config, msg->profile);
	if (!profile)
	{
		send_error(this, client, 0, "no such crypto profile");
		return;
	}
	local = endpoint_to_host(&msg->local);
	if (!local->get_port(local))
	{
		local->set_port(local, 1701);
	}
	if (!hold_block(this, client, local))
	{
		send_error(this, client, 0, "the kernel refused the block policies");
		profile->destroy(profile);
		local->destroy(local);
		return;
	}
	INIT(listen,
		.client = client,
		.profile = profile,
		.local = local,
	);
	this->listens->insert_last(this->listens, listen);
	DBG1(DBG_CFG, "CRYPTO_SS(L2X Security): Passive open, socket info: local %H/%u, "
		 "prot 17, profile %s", local, local->get_port(local), profile->get_name(profile));
	send_ok(this, client, 0);
}

static void handle_open(private_l2tp_security_manager_t *this, u_int client,
						struct cs_msg *msg)
{
	l2tp_security_profile_t *profile;
	initiate_t *job;
	clone_t *clone;
	host_t *local, *remote;

	if (!msg->id || msg->id >= L2TP_SECURITY_PASSIVE_ID)
	{
		send_error(this, client, msg->id, "OPEN id must be from 1 to 2147483647");
		return;
	}
	if (find_clone(this, client, msg->id))
	{
		send_error(this, client, msg->id, "a tunnel with this id is open");
		return;
	}
	local = endpoint_to_host(&msg->local);
	remote = endpoint_to_host(&msg->remote);
	if (remote->is_anyaddr(remote) || !remote->get_port(remote) ||
		local->get_family(local) != remote->get_family(remote))
	{
		send_error(this, client, msg->id, "OPEN needs a remote address and port of the "
				   "local address's family");
		local->destroy(local);
		remote->destroy(remote);
		return;
	}
	if (!local->get_port(local))
	{
		local->set_port(local, 1701);
	}
	profile = this->config->get_profile(this->config, msg->profile);
	if (!profile)
	{
		send_error(this, client, msg->id, "no such crypto profile");
		local->destroy(local);
		remote->destroy(remote);
		return;
	}
	INIT(clone,
		.id = msg->id,
		.client = client,
		.profile = profile,
		.local = local,
		.remote = remote,
		.keep_sa = CS_HAS(msg, CS_A_KEEP_SA) ? msg->keep_sa : profile->keep_sa(profile),
	);
	clone->peer_cfg = get_peer_cfg(this, profile, local, remote);
	if (!clone->peer_cfg)
	{
		send_error(this, client, msg->id, "the profile's swanctl connection is not loaded");
		clone_destroy(clone);
		return;
	}
	if (!hold_block(this, client, local))
	{
		send_error(this, client, msg->id, "the kernel refused the block policies");
		clone_destroy(clone);
		return;
	}
	clone->seq = next_seq(this, profile);
	clone->child_cfg = create_child_cfg(profile, clone->seq, local, remote);
	this->clones->insert_last(this->clones, clone);
	DBG1(DBG_CFG, "L2X: Requested security for socket, UDP socket info: local %H(%u), "
		 "remote %H(%u), crypto map %s %u, tunnel %u", local, local->get_port(local), remote,
		 remote->get_port(remote), profile->get_crypto_map(profile, NULL), clone->seq,
		 clone->id);
	send_ok(this, client, msg->id);

	INIT(job,
		.this = this,
		.peer_cfg = clone->peer_cfg->get_ref(clone->peer_cfg),
		.child_cfg = clone->child_cfg->get_ref(clone->child_cfg),
	);
	lib->processor->queue_job(lib->processor, (job_t*)callback_job_create(
						(callback_job_cb_t)initiate, job, (void*)initiate_destroy, NULL));
	INIT(job,
		.this = this,
		.peer_cfg = clone->peer_cfg->get_ref(clone->peer_cfg),
		.child_cfg = clone->child_cfg->get_ref(clone->child_cfg),
	);
	lib->scheduler->schedule_job(lib->scheduler, (job_t*)callback_job_create(
						(callback_job_cb_t)open_timeout, job, (void*)initiate_destroy, NULL),
						this->open_timeout);
}

static void handle_close(private_l2tp_security_manager_t *this, u_int client,
						 struct cs_msg *msg)
{
	clone_t *clone;

	clone = find_clone(this, client, msg->id);
	if (!clone)
	{
		send_error(this, client, msg->id, "no such tunnel");
		return;
	}
	if (CS_HAS(msg, CS_A_KEEP_SA))
	{
		clone->keep_sa = msg->keep_sa;
	}
	clone->closing = TRUE;
	teardown(this, clone);
	send_ok(this, client, msg->id);
}

static void handle_query(private_l2tp_security_manager_t *this, u_int client,
						 struct cs_msg *msg)
{
	enumerator_t *enumerator;
	struct cs_msg *reply;
	clone_t *clone;
	host_t *local, *remote;

	local = endpoint_to_host(&msg->local);
	remote = endpoint_to_host(&msg->remote);
	reply = calloc(1, sizeof(*reply));
	reply->type = CS_STATUS;
	reply->present = (1u << CS_A_LOCAL) | (1u << CS_A_REMOTE) | (1u << CS_A_SECURED);
	reply->local = msg->local;
	reply->remote = msg->remote;
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->secured && !clone->closing && endpoint_matches(local, clone->local) &&
			endpoint_matches(remote, clone->remote))
		{
			reply->secured = 1;
			reply->id = clone->id;
			reply->present |= 1u << CS_A_ID;
			l2tp_security_facts_to_msg(&clone->facts, reply);
			break;
		}
	}
	enumerator->destroy(enumerator);
	send_msg(this, client, reply);
	free(reply);
	local->destroy(local);
	remote->destroy(remote);
}

/**
 * Job: render a SHOW request (it walks the IKE_SAs, which may take a moment)
 */
typedef struct {
	private_l2tp_security_manager_t *this;
	u_int client;
	char *selector;
} show_t;

static void show_destroy(show_t *job)
{
	free(job->selector);
	free(job);
}

static job_requeue_t show(show_t *job)
{
	private_l2tp_security_manager_t *this = job->this;
	struct cs_msg *msg;
	const char *error = NULL;
	array_t *clones;
	char *text, *pos, *end;
	size_t max, len;

	clones = this->public.create_clone_snapshot(&this->public);
	text = l2tp_security_show_render(this->config, clones, job->selector, &error);
	l2tp_security_clone_info_free(clones);
	this->mutex->lock(this->mutex);
	if (!text)
	{
		send_error(this, job->client, 0, (char*)error);
		this->mutex->unlock(this->mutex);
		return JOB_REQUEUE_NONE;
	}
	msg = calloc(1, sizeof(*msg));
	max = sizeof(msg->text) - 1;
	for (pos = text; *pos; pos += len)
	{	/* parts end at a line break where possible */
		len = strlen(pos);
		if (len > max)
		{
			len = max;
			end = memrchr(pos, '\n', len);
			if (end)
			{
				len = end - pos + 1;
			}
		}
		msg->type = CS_SHOW_REPLY;
		msg->present = 1u << CS_A_TEXT;
		memcpy(msg->text, pos, len);
		msg->text[len] = '\0';
		send_msg(this, job->client, msg);
	}
	send_ok(this, job->client, 0);
	this->mutex->unlock(this->mutex);
	free(msg);
	free(text);
	return JOB_REQUEUE_NONE;
}

METHOD(l2tp_security_manager_t, request, void,
	private_l2tp_security_manager_t *this, u_int client, struct cs_msg *msg)
{
	show_t *job;

	if (msg->type == CS_SHOW)
	{
		INIT(job,
			.this = this,
			.client = client,
			.selector = strdup(msg->text),
		);
		lib->processor->queue_job(lib->processor, (job_t*)callback_job_create(
						(callback_job_cb_t)show, job, (void*)show_destroy, NULL));
		return;
	}
	if ((CS_HAS(msg, CS_A_LOCAL) && msg->local.family != 4 && msg->local.family != 6) ||
		(CS_HAS(msg, CS_A_REMOTE) && msg->remote.family != 4 && msg->remote.family != 6))
	{
		this->mutex->lock(this->mutex);
		send_error(this, client, msg->id, "address family must be IPv4 or IPv6");
		this->mutex->unlock(this->mutex);
		return;
	}
	this->mutex->lock(this->mutex);
	switch (msg->type)
	{
		case CS_LISTEN:
			handle_listen(this, client, msg);
			break;
		case CS_OPEN:
			handle_open(this, client, msg);
			break;
		case CS_CLOSE:
			handle_close(this, client, msg);
			break;
		case CS_QUERY:
			handle_query(this, client, msg);
			break;
		default:
			send_error(this, client, msg->id, "not a request");
			break;
	}
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_manager_t, client_gone, void,
	private_l2tp_security_manager_t *this, u_int client)
{
	enumerator_t *enumerator;
	clone_t *clone;
	listen_t *listen;
	block_t *block;

	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->client == client && !clone->closing)
		{
			clone->closing = TRUE;
			teardown(this, clone);
		}
	}
	enumerator->destroy(enumerator);
	enumerator = this->listens->create_enumerator(this->listens);
	while (enumerator->enumerate(enumerator, &listen))
	{
		if (listen->client == client)
		{
			this->listens->remove_at(this->listens, enumerator);
			listen_destroy(listen);
		}
	}
	enumerator->destroy(enumerator);
	enumerator = this->blocks->create_enumerator(this->blocks);
	while (enumerator->enumerate(enumerator, &block))
	{
		if (block->client != client || block->orphan)
		{
			continue;
		}
		if (block_held(this, block))
		{	/* someone else keeps plaintext blocked on this endpoint */
			this->blocks->remove_at(this->blocks, enumerator);
			block_destroy(this, block);
			continue;
		}
		/* its sessions (a pppd the daemon left behind) may still send: stay closed */
		block->orphan = TRUE;
		DBG1(DBG_CFG, "l2tp-security: crypto socket client %u left, keeping the block "
			 "policies for plaintext udp %H[%u] (fail closed; released by a client's "
			 "LISTEN/OPEN on it, a settings reload or charon stopping)", client,
			 block->local, block->local->get_port(block->local));
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_manager_t, release_orphans, void,
	private_l2tp_security_manager_t *this)
{
	enumerator_t *enumerator;
	block_t *block;

	this->mutex->lock(this->mutex);
	enumerator = this->blocks->create_enumerator(this->blocks);
	while (enumerator->enumerate(enumerator, &block))
	{
		if (block->orphan)
		{
			DBG1(DBG_CFG, "l2tp-security: releasing the block policies for plaintext "
				 "udp %H[%u] no client holds", block->local,
				 block->local->get_port(block->local));
			this->blocks->remove_at(this->blocks, enumerator);
			block_destroy(this, block);
		}
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_manager_t, set_socket, void,
	private_l2tp_security_manager_t *this, l2tp_security_socket_t *socket)
{
	this->mutex->lock(this->mutex);
	this->socket = socket;
	this->mutex->unlock(this->mutex);
}

/**
 * The CHILD_SA's L2TP endpoints: host addresses with the selectors' UDP ports
 */
static bool child_endpoints(ike_sa_t *ike_sa, child_sa_t *child_sa, host_t **local,
							host_t **remote)
{
	traffic_selector_t *ts;
	enumerator_t *enumerator;
	uint16_t ports[2] = { 0, 0 };
	bool udp = TRUE;
	int i;

	for (i = 0; i < 2; i++)
	{
		enumerator = child_sa->create_ts_enumerator(child_sa, i == 0);
		if (enumerator->enumerate(enumerator, &ts))
		{
			udp = udp && ts->get_protocol(ts) == IPPROTO_UDP;
			if (ts->get_from_port(ts) == ts->get_to_port(ts))
			{
				ports[i] = ts->get_from_port(ts);
			}
		}
		else
		{
			udp = FALSE;
		}
		enumerator->destroy(enumerator);
	}
	if (!udp)
	{
		return FALSE;
	}
	*local = ike_sa->get_my_host(ike_sa)->clone(ike_sa->get_my_host(ike_sa));
	(*local)->set_port(*local, ports[0]);
	*remote = ike_sa->get_other_host(ike_sa)->clone(ike_sa->get_other_host(ike_sa));
	(*remote)->set_port(*remote, ports[1]);
	return TRUE;
}

/**
 * The passive open an IKE_SA's CHILD_SA belongs to, if any (mutex held)
 */
static listen_t *find_listen(private_l2tp_security_manager_t *this, ike_sa_t *ike_sa,
							 host_t *local)
{
	enumerator_t *enumerator;
	listen_t *listen, *found = NULL;
	peer_cfg_t *peer_cfg;

	peer_cfg = ike_sa->get_peer_cfg(ike_sa);
	if (!peer_cfg)
	{
		return NULL;
	}
	enumerator = this->listens->create_enumerator(this->listens);
	while (enumerator->enumerate(enumerator, &listen))
	{
		if (streq(listen->profile->get_connection(listen->profile),
				  peer_cfg->get_name(peer_cfg)) && endpoint_matches(listen->local, local))
		{
			found = listen;
			break;
		}
	}
	enumerator->destroy(enumerator);
	return found;
}

METHOD(listener_t, narrow, bool,
	private_l2tp_security_manager_t *this, ike_sa_t *ike_sa, child_sa_t *child_sa,
	narrow_hook_t type, linked_list_t *local, linked_list_t *remote)
{
	traffic_selector_t *ts, *other_ts;
	host_t *me, *other;
	uint16_t from, to, port;
	int bits;

	if (type != NARROW_RESPONDER || local->get_count(local) == 0 ||
		remote->get_count(remote) == 0)
	{
		return TRUE;
	}
	local->get_first(local, (void**)&ts);
	if (ts->get_protocol(ts) != IPPROTO_UDP)
	{
		return TRUE;
	}
	port = ts->get_from_port(ts);
	me = ike_sa->get_my_host(ike_sa)->clone(ike_sa->get_my_host(ike_sa));
	me->set_port(me, port);
	this->mutex->lock(this->mutex);
	if (!find_listen(this, ike_sa, me) || ts->get_to_port(ts) != port)
	{
		this->mutex->unlock(this->mutex);
		me->destroy(me);
		return TRUE;
	}
	this->mutex->unlock(this->mutex);
	/* exactly this tunnel: our L2TP port to the peer's address and its source port */
	remote->get_first(remote, (void**)&ts);
	from = ts->get_from_port(ts);
	to = ts->get_to_port(ts);
	other = ike_sa->get_other_host(ike_sa);
	bits = me->get_family(me) == AF_INET ? 32 : 128;
	while (local->remove_first(local, (void**)&ts) == SUCCESS)
	{
		ts->destroy(ts);
	}
	while (remote->remove_first(remote, (void**)&other_ts) == SUCCESS)
	{
		other_ts->destroy(other_ts);
	}
	local->insert_last(local, traffic_selector_create_from_subnet(me->clone(me), bits,
						IPPROTO_UDP, port, port));
	remote->insert_last(remote, traffic_selector_create_from_subnet(other->clone(other),
						bits, IPPROTO_UDP, from, to));
	me->destroy(me);
	return TRUE;
}

/**
 * Why a clone's CHILD_SA is going away (mutex held)
 */
static uint8_t down_reason(private_l2tp_security_manager_t *this, ike_sa_t *ike_sa,
						   child_sa_t *child_sa)
{
	uint32_t dead, id;
	time_t expires;
	int i;

	if (this->shutting_down)
	{
		return CS_REASON_SHUTDOWN;
	}
	id = ike_sa ? ike_sa->get_unique_id(ike_sa) : 0;
	for (i = 0; i < array_count(this->dead_peers); i++)
	{
		array_get(this->dead_peers, i, &dead);
		if (dead == id)
		{
			return CS_REASON_DPD;
		}
	}
	expires = child_sa->get_lifetime(child_sa, TRUE);
	if (expires && time_monotonic(NULL) + 1 >= expires)
	{
		return CS_REASON_EXPIRED;
	}
	return CS_REASON_DELETED;
}

/**
 * A new passive clone for a CHILD_SA negotiated with a peer of a LISTEN (mutex held)
 */
static clone_t *clone_passive(private_l2tp_security_manager_t *this, ike_sa_t *ike_sa,
							  child_sa_t *child_sa, host_t *local, host_t *remote)
{
	enumerator_t *enumerator;
	listen_t *listen;
	clone_t *clone;

	listen = find_listen(this, ike_sa, local);
	if (!listen)
	{
		return NULL;
	}
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{	/* a rekeying peer negotiates a second SA for the same tunnel */
		if (clone->passive && !clone->closing && clone->local->equals(clone->local, local) &&
			clone->remote->equals(clone->remote, remote))
		{
			enumerator->destroy(enumerator);
			return clone;
		}
	}
	enumerator->destroy(enumerator);
	INIT(clone,
		.id = this->next_passive++,
		.client = listen->client,
		.passive = TRUE,
		.profile = listen->profile->get_ref(listen->profile),
		.local = local->clone(local),
		.remote = remote->clone(remote),
		.keep_sa = listen->profile->keep_sa(listen->profile),
	);
	clone->seq = next_seq(this, clone->profile);
	this->clones->insert_last(this->clones, clone);
	return clone;
}

METHOD(listener_t, child_updown, bool,
	private_l2tp_security_manager_t *this, ike_sa_t *ike_sa, child_sa_t *child_sa,
	bool up)
{
	enumerator_t *enumerator;
	clone_t *clone, *found = NULL;
	host_t *local, *remote;
	bool known = FALSE;

	if (!up)
	{	/* reported when the CHILD_SA is destroyed */
		return TRUE;
	}
	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if ((clone->child_cfg && clone->child_cfg == child_sa->get_config(child_sa)) ||
			(clone->child_id && clone->child_id == child_sa->get_unique_id(child_sa)))
		{
			found = clone;
			known = clone->secured;
			break;
		}
	}
	enumerator->destroy(enumerator);
	if (!found && child_endpoints(ike_sa, child_sa, &local, &remote))
	{
		found = clone_passive(this, ike_sa, child_sa, local, remote);
		known = found && found->secured;
		local->destroy(local);
		remote->destroy(remote);
	}
	if (found)
	{
		found->child_id = child_sa->get_unique_id(child_sa);
		found->ike_id = ike_sa->get_unique_id(ike_sa);
		l2tp_security_facts_read(child_sa, &found->facts);
		found->secured = TRUE;
		if (found->closing)
		{	/* closed or given up while negotiating */
			teardown(this, found);
		}
		else if (!known)
		{
			send_secured(this, found);
		}
	}
	this->mutex->unlock(this->mutex);
	return TRUE;
}

METHOD(listener_t, child_rekey, bool,
	private_l2tp_security_manager_t *this, ike_sa_t *ike_sa, child_sa_t *old,
	child_sa_t *new)
{
	enumerator_t *enumerator;
	clone_t *clone;

	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->child_id == old->get_unique_id(old))
		{	/* make-before-break: the tunnel simply moves to the new SA */
			clone->child_id = new->get_unique_id(new);
			l2tp_security_facts_read(new, &clone->facts);
			DBG1(DBG_CFG, "l2tp-security: tunnel %u rekeyed: CHILD_SA #%u, SPIs %.8x_i "
				 "%.8x_o", clone->id, clone->child_id, clone->facts.spi_in,
				 clone->facts.spi_out);
		}
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
	return TRUE;
}

METHOD(listener_t, child_state_change, bool,
	private_l2tp_security_manager_t *this, ike_sa_t *ike_sa, child_sa_t *child_sa,
	child_sa_state_t state)
{
	enumerator_t *enumerator;
	clone_t *clone;
	uint32_t id;

	if (state != CHILD_DESTROYING)
	{
		return TRUE;
	}
	id = child_sa->get_unique_id(child_sa);
	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->child_id == id ||
			(!clone->secured && clone->child_cfg == child_sa->get_config(child_sa)))
		{
			if (!clone->closing)
			{
				send_closed(this, clone, clone->secured ?
							down_reason(this, ike_sa, child_sa) : CS_REASON_FAILED);
			}
			this->clones->remove_at(this->clones, enumerator);
			clone_destroy(clone);
		}
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
	return TRUE;
}

METHOD(listener_t, ike_state_change, bool,
	private_l2tp_security_manager_t *this, ike_sa_t *ike_sa, ike_sa_state_t state)
{
	enumerator_t *enumerator;
	peer_cfg_t *peer_cfg;
	clone_t *clone;

	if (state != IKE_DESTROYING)
	{
		return TRUE;
	}
	peer_cfg = ike_sa->get_peer_cfg(ike_sa);
	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{	/* opens whose IKE_SA never got as far as a CHILD_SA */
		if (!clone->child_id && clone->peer_cfg && clone->peer_cfg == peer_cfg)
		{
			if (!clone->closing)
			{
				DBG1(DBG_CFG, "l2tp-security: tunnel %u to %H: IKE_SA failed", clone->id,
					 clone->remote);
				send_closed(this, clone, CS_REASON_FAILED);
			}
			this->clones->remove_at(this->clones, enumerator);
			clone_destroy(clone);
		}
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
	return TRUE;
}

METHOD(listener_t, ike_rekey, bool,
	private_l2tp_security_manager_t *this, ike_sa_t *old, ike_sa_t *new)
{
	enumerator_t *enumerator;
	clone_t *clone;

	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->ike_id == old->get_unique_id(old))
		{
			clone->ike_id = new->get_unique_id(new);
		}
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
	return TRUE;
}

METHOD(listener_t, alert, bool,
	private_l2tp_security_manager_t *this, ike_sa_t *ike_sa, alert_t alert,
	va_list args)
{
	uint32_t id;

	switch (alert)
	{
		case ALERT_SHUTDOWN_SIGNAL:
			this->mutex->lock(this->mutex);
			this->shutting_down = TRUE;
			this->mutex->unlock(this->mutex);
			break;
		case ALERT_RETRANSMIT_SEND_TIMEOUT:
			if (ike_sa)
			{	/* the peer stopped answering (DPD or any exchange) */
				id = ike_sa->get_unique_id(ike_sa);
				this->mutex->lock(this->mutex);
				/* its CHILD_SAs go after the IKE_SA's destroying state: keep a few */
				if (array_count(this->dead_peers) >= L2TP_SECURITY_DEAD_PEERS)
				{
					array_remove(this->dead_peers, ARRAY_HEAD, NULL);
				}
				array_insert(this->dead_peers, ARRAY_TAIL, &id);
				this->mutex->unlock(this->mutex);
			}
			break;
		default:
			break;
	}
	return TRUE;
}

/**
 * Order snapshot entries by crypto map and sequence
 */
static int info_cmp(const void *a, const void *b, void *user)
{
	const l2tp_security_clone_info_t *x = a, *y = b;
	int diff;

	diff = strcmp(x->profile->get_crypto_map(x->profile, NULL),
				  y->profile->get_crypto_map(y->profile, NULL));
	return diff ?: (int)x->seq - (int)y->seq;
}

METHOD(l2tp_security_manager_t, create_clone_snapshot, array_t*,
	private_l2tp_security_manager_t *this)
{
	l2tp_security_clone_info_t *info;
	enumerator_t *enumerator;
	clone_t *clone;
	array_t *snapshot;

	snapshot = array_create(0, 0);
	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (clone->closing)
		{
			continue;
		}
		INIT(info,
			.profile = clone->profile->get_ref(clone->profile),
			.seq = clone->seq,
			.id = clone->id,
			.passive = clone->passive,
			.secured = clone->secured,
			.local = clone->local->clone(clone->local),
			.remote = clone->remote->clone(clone->remote),
		);
		array_insert(snapshot, ARRAY_TAIL, info);
	}
	enumerator->destroy(enumerator);
	this->mutex->unlock(this->mutex);
	array_sort(snapshot, info_cmp, NULL);
	return snapshot;
}

/*
 * Described in header
 */
void l2tp_security_clone_info_free(array_t *snapshot)
{
	l2tp_security_clone_info_t *info;

	while (array_remove(snapshot, ARRAY_TAIL, &info))
	{
		info->profile->destroy(info->profile);
		info->local->destroy(info->local);
		info->remote->destroy(info->remote);
		free(info);
	}
	array_destroy(snapshot);
}

/**
 * Free the sequence counters and their keys
 */
static void destroy_seqs(hashtable_t *seqs)
{
	enumerator_t *enumerator;
	uint32_t *last;
	char *map;

	enumerator = seqs->create_enumerator(seqs);
	while (enumerator->enumerate(enumerator, &map, &last))
	{
		seqs->remove_at(seqs, enumerator);
		free(map);
		free(last);
	}
	enumerator->destroy(enumerator);
	seqs->destroy(seqs);
}

METHOD(l2tp_security_manager_t, shutdown_, void,
	private_l2tp_security_manager_t *this)
{
	enumerator_t *enumerator;
	clone_t *clone;

	this->mutex->lock(this->mutex);
	enumerator = this->clones->create_enumerator(this->clones);
	while (enumerator->enumerate(enumerator, &clone))
	{
		if (!clone->closing)
		{
			send_closed(this, clone, CS_REASON_SHUTDOWN);
		}
	}
	enumerator->destroy(enumerator);
	this->socket = NULL;
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_manager_t, destroy, void,
	private_l2tp_security_manager_t *this)
{
	block_t *block;

	while (this->blocks->remove_first(this->blocks, (void**)&block) == SUCCESS)
	{
		block_destroy(this, block);
	}
	this->clones->destroy_function(this->clones, (void*)clone_destroy);
	this->listens->destroy_function(this->listens, (void*)listen_destroy);
	this->blocks->destroy(this->blocks);
	this->peers->destroy_function(this->peers, (void*)peer_destroy);
	destroy_seqs(this->seqs);
	array_destroy(this->dead_peers);
	this->mutex->destroy(this->mutex);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_manager_t *l2tp_security_manager_create(l2tp_security_config_t *config,
											l2tp_security_policies_t *policies)
{
	private_l2tp_security_manager_t *this;

	INIT(this,
		.public = {
			.listener = {
				.alert = _alert,
				.ike_state_change = _ike_state_change,
				.child_state_change = _child_state_change,
				.ike_rekey = _ike_rekey,
				.child_updown = _child_updown,
				.child_rekey = _child_rekey,
				.narrow = _narrow,
			},
			.set_socket = _set_socket,
			.request = _request,
			.client_gone = _client_gone,
			.release_orphans = _release_orphans,
			.create_clone_snapshot = _create_clone_snapshot,
			.shutdown = _shutdown_,
			.destroy = _destroy,
		},
		.config = config,
		.policies = policies,
		.clones = linked_list_create(),
		.listens = linked_list_create(),
		.blocks = linked_list_create(),
		.peers = hashtable_create(hashtable_hash_str, hashtable_equals_str, 32),
		.seqs = hashtable_create(hashtable_hash_str, hashtable_equals_str, 8),
		.dead_peers = array_create(sizeof(uint32_t), 0),
		.next_passive = L2TP_SECURITY_PASSIVE_ID,
		.open_timeout = lib->settings->get_time(lib->settings,
							"%s.plugins.l2tp-security.open_timeout", 60, lib->ns),
		.mutex = mutex_create(MUTEX_TYPE_DEFAULT),
	);
	return &this->public;
}
