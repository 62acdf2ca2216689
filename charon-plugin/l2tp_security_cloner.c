/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_cloner.h"
#include "l2tp_security_compat.h"

#include <netinet/in.h>

#include <daemon.h>
#include <collections/hashtable.h>
#include <processing/jobs/callback_job.h>

typedef struct private_l2tp_security_cloner_t private_l2tp_security_cloner_t;

/**
 * Private data of an l2tp_security_cloner_t object.
 */
struct private_l2tp_security_cloner_t {

	/**
	 * Public interface.
	 */
	l2tp_security_cloner_t public;

	/**
	 * The registry (its lock guards our caches too)
	 */
	l2tp_security_clones_t *clones;

	/**
	 * Tells clients about failed opens
	 */
	l2tp_security_reporter_t *reporter;

	/**
	 * Cloned IKE configs per profile and peer address (peer_t*), by key
	 */
	hashtable_t *peers;

	/**
	 * Last clone sequence number given per crypto map name (uint32_t*)
	 */
	hashtable_t *seqs;

	/**
	 * Seconds an OPEN may take before it counts as failed
	 */
	u_int open_timeout;
};

/**
 * A cloned IKE config for one profile and peer (IKE_SA reuse needs the same object)
 */
typedef struct {
	char *key;
	/** The swanctl connection it was cloned from, to notice reloads */
	peer_cfg_t *source;
	peer_cfg_t *clone;
} peer_t;

static void peer_destroy(peer_t *peer)
{
	peer->source->destroy(peer->source);
	peer->clone->destroy(peer->clone);
	free(peer->key);
	free(peer);
}

/**
 * The next crypto map sequence number for a clone: 10 above the last one given in the same
 * crypto map, or above the template (constant time however many tunnels exist)
 */
static uint32_t next_seq(private_l2tp_security_cloner_t *this,
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
 * A copy of a swanctl connection's IKE side for one peer address
 */
static peer_cfg_t *copy_peer_cfg(peer_cfg_t *source, char *name, host_t *local, char *me,
								 char *other)
{
	ike_cfg_t *ike, *ike_clone;
	linked_list_t *proposals;
	proposal_t *proposal;
	enumerator_t *enumerator;
	peer_cfg_t *clone;
	auth_cfg_t *auth;
	bool local_side;

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
	clone = peer_cfg_create(name, ike_clone, &(peer_cfg_create_t){
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
	return clone;
}

/**
 * The IKE side of a profile's swanctl connection for one peer address (cached, so that later
 * tunnels to the same peer find and reuse the IKE_SA)
 */
static peer_cfg_t *get_peer_cfg(private_l2tp_security_cloner_t *this,
								l2tp_security_profile_t *profile, host_t *local,
								host_t *remote)
{
	peer_cfg_t *source;
	peer_t *peer;
	char key[256], me[INET6_ADDRSTRLEN + 2], other[INET6_ADDRSTRLEN + 2];

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
	if (peer)
	{	/* the swanctl connection was reloaded */
		this->peers->remove(this->peers, peer->key);
		peer_destroy(peer);
	}
	INIT(peer,
		.key = strdup(key),
		.source = source,
		.clone = copy_peer_cfg(source, profile->get_connection(profile), local, me, other),
	);
	this->peers->put(this->peers, peer->key, peer);
	return peer->clone->get_ref(peer->clone);
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
	bool rekey;
	char name[96];
	int bits;

	seconds = profile->get_lifetime(profile, &kilobytes);
	rekey = profile->rekeys(profile);
	snprintf(name, sizeof(name), "%s-%u", profile->get_crypto_map(profile, NULL), seq);
	cfg = child_cfg_create(name, &(child_cfg_create_t){
		.mode = profile->is_transport(profile) ? MODE_TRANSPORT : MODE_TUNNEL,
		.lifetime = {
			.time = {
				.life = seconds,
				.rekey = rekey ? seconds - seconds / 10 : 0,
				.jitter = rekey ? seconds / 20 : 0,
			},
			.bytes = {
				.life = kilobytes * 1024,
				.rekey = rekey ? kilobytes * 1024 - kilobytes * 1024 / 10 : 0,
			},
		},
	});
	enumerator = profile->create_proposal_enumerator(profile);
	while (enumerator->enumerate(enumerator, &proposal))
	{
		cfg->add_proposal(cfg, profile->create_child_proposal(profile, proposal));
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
 * Job data: an active open being initiated, or its timeout
 */
typedef struct {
	private_l2tp_security_cloner_t *this;
	peer_cfg_t *peer_cfg;
	child_cfg_t *child_cfg;
} open_job_t;

static void open_job_destroy(open_job_t *job)
{
	job->peer_cfg->destroy(job->peer_cfg);
	job->child_cfg->destroy(job->child_cfg);
	free(job);
}

static job_t *open_job(private_l2tp_security_cloner_t *this, l2tp_security_clone_t *clone,
					   callback_job_cb_t cb)
{
	open_job_t *job;

	INIT(job,
		.this = this,
		.peer_cfg = clone->peer_cfg->get_ref(clone->peer_cfg),
		.child_cfg = clone->child_cfg->get_ref(clone->child_cfg),
	);
	return (job_t*)callback_job_create(cb, job, (void*)open_job_destroy, NULL);
}

/**
 * Job: initiate an active open; if charon refuses at once, it failed
 */
static job_requeue_t initiate(open_job_t *job)
{
	private_l2tp_security_cloner_t *this = job->this;
	l2tp_security_clone_t *clone;
	status_t status;

	status = L2TPSEC_INITIATE(job->peer_cfg->get_ref(job->peer_cfg),
							  job->child_cfg->get_ref(job->child_cfg));
	if (status == SUCCESS)
	{
		return JOB_REQUEUE_NONE;
	}
	this->clones->lock(this->clones);
	clone = this->clones->get_by_child_cfg(this->clones, job->child_cfg);
	if (clone && !clone->child_id)
	{	/* nothing was created that could still report */
		if (clone->state == L2TP_SECURITY_CLONE_NEGOTIATING)
		{
			DBG1(DBG_CFG, "l2tp-security: tunnel %u to %H: initiation failed", clone->id,
				 clone->remote);
			this->reporter->closed(this->reporter, clone, CS_REASON_FAILED);
		}
		this->clones->remove(this->clones, clone);
	}
	this->clones->unlock(this->clones);
	return JOB_REQUEUE_NONE;
}

/**
 * Job: an OPEN that is not SECURED in time failed
 */
static job_requeue_t open_timeout(open_job_t *job)
{
	private_l2tp_security_cloner_t *this = job->this;
	l2tp_security_clone_t *clone;

	this->clones->lock(this->clones);
	clone = this->clones->get_by_child_cfg(this->clones, job->child_cfg);
	if (clone && clone->state == L2TP_SECURITY_CLONE_NEGOTIATING)
	{
		DBG1(DBG_CFG, "l2tp-security: tunnel %u to %H not secured after %u seconds",
			 clone->id, clone->remote, this->open_timeout);
		this->reporter->closed(this->reporter, clone, CS_REASON_FAILED);
		this->clones->release(this->clones, clone);
	}
	this->clones->unlock(this->clones);
	return JOB_REQUEUE_NONE;
}

METHOD(l2tp_security_cloner_t, prepare, bool,
	private_l2tp_security_cloner_t *this, l2tp_security_clone_t *clone)
{
	clone->peer_cfg = get_peer_cfg(this, clone->profile, clone->local, clone->remote);
	return clone->peer_cfg != NULL;
}

METHOD(l2tp_security_cloner_t, start, void,
	private_l2tp_security_cloner_t *this, l2tp_security_clone_t *clone)
{
	clone->seq = next_seq(this, clone->profile);
	clone->child_cfg = create_child_cfg(clone->profile, clone->seq, clone->local,
										clone->remote);
	this->clones->add(this->clones, clone);
	DBG1(DBG_CFG, "L2X: Requested security for socket, UDP socket info: local %H(%u), "
		 "remote %H(%u), crypto map %s %u, tunnel %u", clone->local,
		 clone->local->get_port(clone->local), clone->remote,
		 clone->remote->get_port(clone->remote),
		 clone->profile->get_crypto_map(clone->profile, NULL), clone->seq, clone->id);
	lib->processor->queue_job(lib->processor,
							  open_job(this, clone, (callback_job_cb_t)initiate));
	lib->scheduler->schedule_job(lib->scheduler,
							  open_job(this, clone, (callback_job_cb_t)open_timeout),
							  this->open_timeout);
}

METHOD(l2tp_security_cloner_t, clone_passive, l2tp_security_clone_t*,
	private_l2tp_security_cloner_t *this, l2tp_security_listen_t *listen, host_t *local,
	host_t *remote)
{
	l2tp_security_clone_t *clone;

	clone = l2tp_security_clone_create(this->clones->next_passive_id(this->clones),
						listen->client, listen->profile->get_ref(listen->profile),
						local->clone(local), remote->clone(remote));
	clone->passive = TRUE;
	clone->seq = next_seq(this, clone->profile);
	this->clones->add(this->clones, clone);
	return clone;
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
		L2TPSEC_TERMINATE_IKE(job->id);
	}
	else
	{
		L2TPSEC_TERMINATE_CHILD(job->id);
	}
	return JOB_REQUEUE_NONE;
}

METHOD(l2tp_security_cloner_t, teardown, void,
	private_l2tp_security_cloner_t *this, l2tp_security_clone_t *clone)
{
	terminate_t *job;
	bool shared;

	if (clone->state != L2TP_SECURITY_CLONE_CLOSING)
	{	/* no SA up: torn down when it comes up, forgotten when it fails */
		return;
	}
	shared = this->clones->ike_shared(this->clones, clone);
	DBG1(DBG_CFG, "l2tp-security: tunnel %u (local %H(%u), remote %H(%u)) closed: deleting "
		 "CHILD_SA #%u%s", clone->id, clone->local, clone->local->get_port(clone->local),
		 clone->remote, clone->remote->get_port(clone->remote), clone->child_id,
		 clone->keep_sa ? ", keeping IKE_SA (keep-sa)" :
		 shared ? ", keeping IKE_SA (used by other tunnels)" : " and its IKE_SA");
	INIT(job,
		.ike = !clone->keep_sa && !shared,
		.id = !clone->keep_sa && !shared ? clone->ike_id : clone->child_id,
	);
	lib->processor->queue_job(lib->processor, (job_t*)callback_job_create(
						(callback_job_cb_t)terminate, job, free, NULL));
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

METHOD(l2tp_security_cloner_t, destroy, void,
	private_l2tp_security_cloner_t *this)
{
	this->peers->destroy_function(this->peers, (void*)peer_destroy);
	destroy_seqs(this->seqs);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_cloner_t *l2tp_security_cloner_create(l2tp_security_clones_t *clones,
								l2tp_security_reporter_t *reporter, u_int open_timeout)
{
	private_l2tp_security_cloner_t *this;

	INIT(this,
		.public = {
			.prepare = _prepare,
			.start = _start,
			.clone_passive = _clone_passive,
			.teardown = _teardown,
			.destroy = _destroy,
		},
		.clones = clones,
		.reporter = reporter,
		.peers = hashtable_create(hashtable_hash_str, hashtable_equals_str, 32),
		.seqs = hashtable_create(hashtable_hash_str, hashtable_equals_str, 8),
		.open_timeout = open_timeout,
	);
	return &this->public;
}
