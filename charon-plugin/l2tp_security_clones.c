/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_clones.h"

#include "l2tpsec_names.h"

#include <collections/array.h>
#include <collections/hashtable.h>
#include <collections/linked_list.h>
#include <threading/mutex.h>

ENUM(l2tp_security_clone_state_names, L2TP_SECURITY_CLONE_NEGOTIATING,
	 L2TP_SECURITY_CLONE_CLOSING,
	"negotiating",
	"secured",
	"abandoned",
	"closing",
);

typedef struct private_l2tp_security_clones_t private_l2tp_security_clones_t;

/**
 * Private data of an l2tp_security_clones_t object.
 */
struct private_l2tp_security_clones_t {

	/**
	 * Public interface.
	 */
	l2tp_security_clones_t public;

	/**
	 * Every clone (clone -> clone)
	 */
	hashtable_t *all;

	/**
	 * Live clones by (client, id) (clone -> clone)
	 */
	hashtable_t *requests;

	/**
	 * Clones by current CHILD_SA unique id (&clone->child_id -> clone)
	 */
	hashtable_t *children;

	/**
	 * Active opens by their child config (child_cfg_t* -> clone)
	 */
	hashtable_t *child_cfgs;

	/**
	 * Live passive clones by endpoints (clone -> clone)
	 */
	hashtable_t *passives;

	/**
	 * Clones with an SA by IKE_SA unique id (&group->key -> group_t*)
	 */
	hashtable_t *ikes;

	/**
	 * Active opens without an SA by their peer config (peer_cfg_t* -> group_t*)
	 */
	hashtable_t *pending;

	/**
	 * Passive opens (l2tp_security_listen_t*)
	 */
	linked_list_t *listens;

	/**
	 * Last passive id given
	 */
	uint32_t last_passive;

	/**
	 * Guards all of it
	 */
	mutex_t *mutex;
};

/**
 * The clones sharing one index key (an IKE_SA id or a peer config)
 */
typedef struct {
	/** the key: an IKE_SA unique id, or a peer config pointer */
	uintptr_t key;
	/** l2tp_security_clone_t* */
	linked_list_t *clones;
} group_t;

static bool is_live(l2tp_security_clone_t *clone)
{
	return clone->state == L2TP_SECURITY_CLONE_NEGOTIATING ||
		   clone->state == L2TP_SECURITY_CLONE_SECURED;
}

static u_int hash_request(const void *key)
{
	const l2tp_security_clone_t *clone = key;

	return chunk_hash_inc(chunk_from_thing(clone->id), chunk_hash(chunk_from_thing(clone->client)));
}

static bool equals_request(const void *a, const void *b)
{
	const l2tp_security_clone_t *x = a, *y = b;

	return x->client == y->client && x->id == y->id;
}

static u_int hash_u32(const void *key)
{
	return chunk_hash(chunk_create((u_char*)key, sizeof(uint32_t)));
}

static bool equals_u32(const void *a, const void *b)
{
	return *(const uint32_t*)a == *(const uint32_t*)b;
}

static u_int hash_key(const void *key)
{
	return chunk_hash(chunk_create((u_char*)key, sizeof(uintptr_t)));
}

static bool equals_key(const void *a, const void *b)
{
	return *(const uintptr_t*)a == *(const uintptr_t*)b;
}

/**
 * Hash of an endpoint: address and port
 */
static u_int hash_host(host_t *host, u_int hash)
{
	uint16_t port = host->get_port(host);

	hash = chunk_hash_inc(host->get_address(host), hash);
	return chunk_hash_inc(chunk_from_thing(port), hash);
}

static u_int hash_endpoints(const void *key)
{
	const l2tp_security_clone_t *clone = key;

	return hash_host(clone->remote, hash_host(clone->local, 0));
}

static bool equals_endpoints(const void *a, const void *b)
{
	const l2tp_security_clone_t *x = a, *y = b;

	return x->local->equals(x->local, y->local) && x->remote->equals(x->remote, y->remote);
}

/**
 * Add a clone to the group of key in table
 */
static void group_add(hashtable_t *table, uintptr_t key, l2tp_security_clone_t *clone)
{
	group_t *group;

	group = table->get(table, &key);
	if (!group)
	{
		INIT(group,
			.key = key,
			.clones = linked_list_create(),
		);
		table->put(table, &group->key, group);
	}
	group->clones->insert_last(group->clones, clone);
}

/**
 * Remove a clone from the group of key in table
 */
static void group_remove(hashtable_t *table, uintptr_t key, l2tp_security_clone_t *clone)
{
	group_t *group;

	group = table->get(table, &key);
	if (!group)
	{
		return;
	}
	group->clones->remove(group->clones, clone, NULL);
	if (!group->clones->get_count(group->clones))
	{
		table->remove(table, &key);
		group->clones->destroy(group->clones);
		free(group);
	}
}

static void group_destroy(group_t *group)
{
	group->clones->destroy(group->clones);
	free(group);
}

/**
 * Take a clone out of every index its fields put it in
 */
static void unindex(private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone)
{
	if (this->requests->get(this->requests, clone) == clone)
	{
		this->requests->remove(this->requests, clone);
	}
	if (clone->child_id &&
		this->children->get(this->children, &clone->child_id) == clone)
	{
		this->children->remove(this->children, &clone->child_id);
	}
	if (clone->child_cfg &&
		this->child_cfgs->get(this->child_cfgs, clone->child_cfg) == clone)
	{
		this->child_cfgs->remove(this->child_cfgs, clone->child_cfg);
	}
	if (this->passives->get(this->passives, clone) == clone)
	{
		this->passives->remove(this->passives, clone);
	}
	if (clone->ike_id)
	{
		group_remove(this->ikes, clone->ike_id, clone);
	}
	if (clone->peer_cfg && !clone->child_id)
	{
		group_remove(this->pending, (uintptr_t)clone->peer_cfg, clone);
	}
}

/**
 * Put a clone into every index its fields call for
 */
static void index_clone(private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone)
{
	if (is_live(clone))
	{
		this->requests->put(this->requests, clone, clone);
		if (clone->passive)
		{
			this->passives->put(this->passives, clone, clone);
		}
	}
	if (clone->child_id)
	{
		this->children->put(this->children, &clone->child_id, clone);
	}
	if (clone->child_cfg)
	{
		this->child_cfgs->put(this->child_cfgs, clone->child_cfg, clone);
	}
	if (clone->ike_id)
	{
		group_add(this->ikes, clone->ike_id, clone);
	}
	if (clone->peer_cfg && !clone->child_id)
	{
		group_add(this->pending, (uintptr_t)clone->peer_cfg, clone);
	}
}

METHOD(l2tp_security_clones_t, lock, void,
	private_l2tp_security_clones_t *this)
{
	this->mutex->lock(this->mutex);
}

METHOD(l2tp_security_clones_t, unlock, void,
	private_l2tp_security_clones_t *this)
{
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_clones_t, add, void,
	private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone)
{
	this->all->put(this->all, clone, clone);
	index_clone(this, clone);
}

METHOD(l2tp_security_clones_t, next_passive_id, uint32_t,
	private_l2tp_security_clones_t *this)
{
	this->last_passive = this->last_passive == UINT32_MAX ? L2TPSEC_PASSIVE_ID_FIRST :
						 this->last_passive + 1;
	return this->last_passive;
}

METHOD(l2tp_security_clones_t, set_state, void,
	private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone,
	l2tp_security_clone_state_t state)
{
	unindex(this, clone);
	clone->state = state;
	index_clone(this, clone);
}

METHOD(l2tp_security_clones_t, set_sa, void,
	private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone, uint32_t ike_id,
	uint32_t child_id)
{
	unindex(this, clone);
	clone->ike_id = ike_id;
	clone->child_id = child_id;
	index_clone(this, clone);
}

METHOD(l2tp_security_clones_t, release, bool,
	private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone)
{
	switch (clone->state)
	{
		case L2TP_SECURITY_CLONE_NEGOTIATING:
			set_state(this, clone, L2TP_SECURITY_CLONE_ABANDONED);
			return FALSE;
		case L2TP_SECURITY_CLONE_SECURED:
			set_state(this, clone, L2TP_SECURITY_CLONE_CLOSING);
			return TRUE;
		default:
			return FALSE;
	}
}

/*
 * Described in header
 */
void l2tp_security_clone_destroy(l2tp_security_clone_t *clone)
{
	clone->profile->destroy(clone->profile);
	clone->local->destroy(clone->local);
	clone->remote->destroy(clone->remote);
	DESTROY_IF(clone->peer_cfg);
	DESTROY_IF(clone->child_cfg);
	free(clone);
}

METHOD(l2tp_security_clones_t, remove_, void,
	private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone)
{
	unindex(this, clone);
	this->all->remove(this->all, clone);
	l2tp_security_clone_destroy(clone);
}

METHOD(l2tp_security_clones_t, get_by_request, l2tp_security_clone_t*,
	private_l2tp_security_clones_t *this, u_int client, uint32_t id)
{
	l2tp_security_clone_t probe = {
		.client = client,
		.id = id,
	};

	return this->requests->get(this->requests, &probe);
}

METHOD(l2tp_security_clones_t, get_by_child, l2tp_security_clone_t*,
	private_l2tp_security_clones_t *this, uint32_t child_id)
{
	return child_id ? this->children->get(this->children, &child_id) : NULL;
}

METHOD(l2tp_security_clones_t, get_by_child_cfg, l2tp_security_clone_t*,
	private_l2tp_security_clones_t *this, child_cfg_t *cfg)
{
	return cfg ? this->child_cfgs->get(this->child_cfgs, cfg) : NULL;
}

METHOD(l2tp_security_clones_t, get_passive, l2tp_security_clone_t*,
	private_l2tp_security_clones_t *this, host_t *local, host_t *remote)
{
	l2tp_security_clone_t probe = {
		.local = local,
		.remote = remote,
	};

	return this->passives->get(this->passives, &probe);
}

METHOD(l2tp_security_clones_t, ike_shared, bool,
	private_l2tp_security_clones_t *this, l2tp_security_clone_t *clone)
{
	enumerator_t *enumerator;
	l2tp_security_clone_t *other;
	uintptr_t key = clone->ike_id;
	group_t *group;
	bool shared = FALSE;

	group = key ? this->ikes->get(this->ikes, &key) : NULL;
	if (!group)
	{
		return FALSE;
	}
	enumerator = group->clones->create_enumerator(group->clones);
	while (!shared && enumerator->enumerate(enumerator, &other))
	{
		shared = other != clone && other->state == L2TP_SECURITY_CLONE_SECURED;
	}
	enumerator->destroy(enumerator);
	return shared;
}

/**
 * A snapshot of a group's clones, for enumerators that allow remove()
 */
static array_t *group_snapshot(hashtable_t *table, uintptr_t key)
{
	l2tp_security_clone_t *clone;
	enumerator_t *enumerator;
	group_t *group;
	array_t *array;

	array = array_create(0, 0);
	group = table->get(table, &key);
	if (group)
	{
		enumerator = group->clones->create_enumerator(group->clones);
		while (enumerator->enumerate(enumerator, &clone))
		{
			array_insert(array, ARRAY_TAIL, clone);
		}
		enumerator->destroy(enumerator);
	}
	return array;
}

/**
 * Enumerate an array snapshot, destroying it with the enumerator
 */
static enumerator_t *snapshot_enumerator(array_t *array)
{
	return enumerator_create_cleaner(array_create_enumerator(array), (void*)array_destroy,
									 array);
}

METHOD(l2tp_security_clones_t, rekey_ike, void,
	private_l2tp_security_clones_t *this, uint32_t old_id, uint32_t new_id)
{
	l2tp_security_clone_t *clone;
	array_t *array;

	array = group_snapshot(this->ikes, old_id);
	while (array_remove(array, ARRAY_HEAD, &clone))
	{
		set_sa(this, clone, new_id, clone->child_id);
	}
	array_destroy(array);
}

METHOD(l2tp_security_clones_t, create_pending_enumerator, enumerator_t*,
	private_l2tp_security_clones_t *this, peer_cfg_t *cfg)
{
	return snapshot_enumerator(group_snapshot(this->pending, (uintptr_t)cfg));
}

METHOD(l2tp_security_clones_t, create_enumerator, enumerator_t*,
	private_l2tp_security_clones_t *this, l2tp_security_clones_filter_t *filter)
{
	l2tp_security_clone_t *clone;
	enumerator_t *enumerator;
	array_t *array;

	array = array_create(0, 0);
	enumerator = this->all->create_enumerator(this->all);
	while (enumerator->enumerate(enumerator, NULL, &clone))
	{
		if (filter && filter->states && !(filter->states & (1u << clone->state)))
		{
			continue;
		}
		if (filter && filter->client && filter->client != clone->client)
		{
			continue;
		}
		array_insert(array, ARRAY_TAIL, clone);
	}
	enumerator->destroy(enumerator);
	return snapshot_enumerator(array);
}

METHOD(l2tp_security_clones_t, get_count, u_int,
	private_l2tp_security_clones_t *this)
{
	return this->all->get_count(this->all);
}

/*
 * Described in header
 */
bool l2tp_security_endpoint_matches(host_t *pattern, host_t *host)
{
	if (pattern->get_port(pattern) && pattern->get_port(pattern) != host->get_port(host))
	{
		return FALSE;
	}
	return pattern->is_anyaddr(pattern) || pattern->ip_equals(pattern, host);
}

static void listen_destroy(l2tp_security_listen_t *listen)
{
	listen->profile->destroy(listen->profile);
	listen->local->destroy(listen->local);
	free(listen);
}

METHOD(l2tp_security_clones_t, add_listen, void,
	private_l2tp_security_clones_t *this, u_int client, l2tp_security_profile_t *profile,
	host_t *local)
{
	l2tp_security_listen_t *listen;

	INIT(listen,
		.client = client,
		.profile = profile,
		.local = local,
	);
	this->listens->insert_last(this->listens, listen);
}

METHOD(l2tp_security_clones_t, find_listen, l2tp_security_listen_t*,
	private_l2tp_security_clones_t *this, char *connection, host_t *local)
{
	l2tp_security_listen_t *listen, *found = NULL;
	enumerator_t *enumerator;

	enumerator = this->listens->create_enumerator(this->listens);
	while (enumerator->enumerate(enumerator, &listen))
	{
		if (streq(listen->profile->get_connection(listen->profile), connection) &&
			l2tp_security_endpoint_matches(listen->local, local))
		{
			found = listen;
			break;
		}
	}
	enumerator->destroy(enumerator);
	return found;
}

METHOD(l2tp_security_clones_t, remove_listens, void,
	private_l2tp_security_clones_t *this, u_int client)
{
	l2tp_security_listen_t *listen;
	enumerator_t *enumerator;

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
}

/**
 * Destroy the groups of an index
 */
static void destroy_groups(hashtable_t *table)
{
	table->destroy_function(table, (void*)group_destroy);
}

METHOD(l2tp_security_clones_t, destroy, void,
	private_l2tp_security_clones_t *this)
{
	enumerator_t *enumerator;
	l2tp_security_clone_t *clone;

	enumerator = this->all->create_enumerator(this->all);
	while (enumerator->enumerate(enumerator, NULL, &clone))
	{
		l2tp_security_clone_destroy(clone);
	}
	enumerator->destroy(enumerator);
	this->all->destroy(this->all);
	this->requests->destroy(this->requests);
	this->children->destroy(this->children);
	this->child_cfgs->destroy(this->child_cfgs);
	this->passives->destroy(this->passives);
	destroy_groups(this->ikes);
	destroy_groups(this->pending);
	this->listens->destroy_function(this->listens, (void*)listen_destroy);
	this->mutex->destroy(this->mutex);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_clone_t *l2tp_security_clone_create(uint32_t id, u_int client,
							l2tp_security_profile_t *profile, host_t *local, host_t *remote)
{
	l2tp_security_clone_t *clone;

	INIT(clone,
		.id = id,
		.client = client,
		.profile = profile,
		.local = local,
		.remote = remote,
		.keep_sa = profile->keep_sa(profile),
		.state = L2TP_SECURITY_CLONE_NEGOTIATING,
	);
	return clone;
}

/*
 * Described in header
 */
l2tp_security_clones_t *l2tp_security_clones_create()
{
	private_l2tp_security_clones_t *this;

	INIT(this,
		.public = {
			.lock = _lock,
			.unlock = _unlock,
			.add = _add,
			.next_passive_id = _next_passive_id,
			.set_state = _set_state,
			.set_sa = _set_sa,
			.release = _release,
			.remove = _remove_,
			.get_by_request = _get_by_request,
			.get_by_child = _get_by_child,
			.get_by_child_cfg = _get_by_child_cfg,
			.get_passive = _get_passive,
			.ike_shared = _ike_shared,
			.rekey_ike = _rekey_ike,
			.create_pending_enumerator = _create_pending_enumerator,
			.create_enumerator = _create_enumerator,
			.get_count = _get_count,
			.add_listen = _add_listen,
			.find_listen = _find_listen,
			.remove_listens = _remove_listens,
			.destroy = _destroy,
		},
		.all = hashtable_create(hashtable_hash_ptr, hashtable_equals_ptr, 32),
		.requests = hashtable_create(hash_request, equals_request, 32),
		.children = hashtable_create(hash_u32, equals_u32, 32),
		.child_cfgs = hashtable_create(hashtable_hash_ptr, hashtable_equals_ptr, 32),
		.passives = hashtable_create(hash_endpoints, equals_endpoints, 32),
		.ikes = hashtable_create(hash_key, equals_key, 32),
		.pending = hashtable_create(hash_key, equals_key, 8),
		.listens = linked_list_create(),
		.last_passive = L2TPSEC_PASSIVE_ID_FIRST - 1,
		.mutex = mutex_create(MUTEX_TYPE_RECURSIVE),
	);
	return &this->public;
}
