/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_policies.h"

#include <netinet/in.h>

#include <daemon.h>
#include <collections/array.h>
#include <threading/mutex.h>

typedef struct private_l2tp_security_policies_t private_l2tp_security_policies_t;

/**
 * Private data of an l2tp_security_policies_t object.
 */
struct private_l2tp_security_policies_t {

	/**
	 * Public interface.
	 */
	l2tp_security_policies_t public;

	/**
	 * Blocked endpoints (endpoint_t*)
	 */
	array_t *endpoints;

	/**
	 * Guards endpoints
	 */
	mutex_t *mutex;
};

/**
 * One blocked local endpoint
 */
typedef struct {
	/** Local address and UDP port */
	host_t *local;
	uint16_t port;
	/** Owners holding it (u_int); none: an orphan, still blocked */
	array_t *owners;
} endpoint_t;

/**
 * Install (add) or remove the in and out block policies of an endpoint
 */
static bool manage(endpoint_t *endpoint, bool add)
{
	traffic_selector_t *mine, *any;
	host_t *host_any;
	ipsec_sa_cfg_t sa = { .mode = MODE_TRANSPORT };
	kernel_ipsec_policy_id_t out, in;
	kernel_ipsec_manage_policy_t policy;
	int family = endpoint->local->get_family(endpoint->local);
	status_t status;

	if (endpoint->local->is_anyaddr(endpoint->local))
	{
		mine = traffic_selector_create_from_cidr(family == AF_INET ? "0.0.0.0/0" : "::/0",
							IPPROTO_UDP, endpoint->port, endpoint->port);
	}
	else
	{
		mine = traffic_selector_create_from_subnet(endpoint->local->clone(endpoint->local),
							family == AF_INET ? 32 : 128, IPPROTO_UDP, endpoint->port,
							endpoint->port);
	}
	any = traffic_selector_create_from_cidr(family == AF_INET ? "0.0.0.0/0" : "::/0",
							IPPROTO_UDP, 0, 65535);
	host_any = host_create_any(family);
	out = (kernel_ipsec_policy_id_t){
		.dir = POLICY_OUT,
		.src_ts = mine,
		.dst_ts = any,
	};
	in = (kernel_ipsec_policy_id_t){
		.dir = POLICY_IN,
		.src_ts = any,
		.dst_ts = mine,
	};
	policy = (kernel_ipsec_manage_policy_t){
		.type = POLICY_DROP,
		.prio = POLICY_PRIORITY_FALLBACK,
		.src = host_any,
		.dst = host_any,
		.sa = &sa,
	};
	if (add)
	{
		status = charon->kernel->add_policy(charon->kernel, &out, &policy);
		if (status == SUCCESS)
		{
			status = charon->kernel->add_policy(charon->kernel, &in, &policy);
			if (status != SUCCESS)
			{	/* all or nothing */
				charon->kernel->del_policy(charon->kernel, &out, &policy);
			}
		}
	}
	else
	{
		status = charon->kernel->del_policy(charon->kernel, &out, &policy);
		status |= charon->kernel->del_policy(charon->kernel, &in, &policy);
	}
	DBG1(DBG_CFG, "l2tp-security: %s block policies for plaintext udp %H[%u]%s",
		 add ? "installed" : "removed", endpoint->local, endpoint->port,
		 status == SUCCESS ? "" : " FAILED");
	mine->destroy(mine);
	any->destroy(any);
	host_any->destroy(host_any);
	return status == SUCCESS;
}

/**
 * Install (add) or remove an inbound ESP policy from remote to local, above the blocks
 */
static bool manage_allow(host_t *local, host_t *remote, bool add)
{
	ipsec_sa_cfg_t sa = { .mode = MODE_TRANSPORT, .esp = { .use = TRUE } };
	kernel_ipsec_policy_id_t in;
	kernel_ipsec_manage_policy_t policy;
	int bits = local->get_family(local) == AF_INET ? 32 : 128;
	status_t status;

	in = (kernel_ipsec_policy_id_t){
		.dir = POLICY_IN,
		.src_ts = traffic_selector_create_from_subnet(remote->clone(remote), bits,
							IPPROTO_UDP, remote->get_port(remote), remote->get_port(remote)),
		.dst_ts = traffic_selector_create_from_subnet(local->clone(local), bits,
							IPPROTO_UDP, local->get_port(local), local->get_port(local)),
	};
	policy = (kernel_ipsec_manage_policy_t){
		.type = POLICY_IPSEC,
		.prio = POLICY_PRIORITY_DEFAULT,
		.src = remote,
		.dst = local,
		.sa = &sa,
	};
	status = add ? charon->kernel->add_policy(charon->kernel, &in, &policy)
				 : charon->kernel->del_policy(charon->kernel, &in, &policy);
	if (status != SUCCESS)
	{
		DBG1(DBG_CFG, "l2tp-security: %s the inbound ESP policy udp %H[%u] -> %H[%u] FAILED",
			 add ? "installing" : "removing", remote, remote->get_port(remote), local,
			 local->get_port(local));
	}
	in.src_ts->destroy(in.src_ts);
	in.dst_ts->destroy(in.dst_ts);
	return status == SUCCESS;
}

METHOD(l2tp_security_policies_t, allow, bool,
	private_l2tp_security_policies_t *this, host_t *local, host_t *remote)
{
	return manage_allow(local, remote, TRUE);
}

METHOD(l2tp_security_policies_t, disallow, void,
	private_l2tp_security_policies_t *this, host_t *local, host_t *remote)
{
	manage_allow(local, remote, FALSE);
}

static void endpoint_destroy(endpoint_t *endpoint)
{
	endpoint->local->destroy(endpoint->local);
	array_destroy(endpoint->owners);
	free(endpoint);
}

/**
 * Find an endpoint (mutex held)
 */
static endpoint_t *find(private_l2tp_security_policies_t *this, host_t *local)
{
	endpoint_t *endpoint;
	int i;

	for (i = 0; i < array_count(this->endpoints); i++)
	{
		array_get(this->endpoints, i, &endpoint);
		if (endpoint->port == local->get_port(local) &&
			endpoint->local->ip_equals(endpoint->local, local))
		{
			return endpoint;
		}
	}
	return NULL;
}

/**
 * Index of an owner in an endpoint's owners, -1 if not there
 */
static int owner_index(endpoint_t *endpoint, u_int owner)
{
	u_int held;
	int i;

	for (i = 0; i < array_count(endpoint->owners); i++)
	{
		array_get(endpoint->owners, i, &held);
		if (held == owner)
		{
			return i;
		}
	}
	return -1;
}

METHOD(l2tp_security_policies_t, hold, bool,
	private_l2tp_security_policies_t *this, u_int owner, host_t *local)
{
	endpoint_t *endpoint;
	bool ok = TRUE;

	this->mutex->lock(this->mutex);
	endpoint = find(this, local);
	if (endpoint)
	{
		if (!array_count(endpoint->owners))
		{	/* a restarted L2TP daemon takes over what its predecessor left */
			DBG1(DBG_CFG, "l2tp-security: crypto socket client %u took over the block "
				 "policies for plaintext udp %H[%u]", owner, endpoint->local,
				 endpoint->port);
		}
		if (owner_index(endpoint, owner) < 0)
		{
			array_insert(endpoint->owners, ARRAY_TAIL, &owner);
		}
	}
	else
	{
		INIT(endpoint,
			.local = local->clone(local),
			.port = local->get_port(local),
			.owners = array_create(sizeof(u_int), 0),
		);
		ok = manage(endpoint, TRUE);
		if (ok)
		{
			array_insert(endpoint->owners, ARRAY_TAIL, &owner);
			array_insert(this->endpoints, ARRAY_TAIL, endpoint);
		}
		else
		{
			endpoint_destroy(endpoint);
		}
	}
	this->mutex->unlock(this->mutex);
	return ok;
}

METHOD(l2tp_security_policies_t, release_owner, void,
	private_l2tp_security_policies_t *this, u_int owner)
{
	endpoint_t *endpoint;
	int i, idx;

	this->mutex->lock(this->mutex);
	for (i = 0; i < array_count(this->endpoints); i++)
	{
		array_get(this->endpoints, i, &endpoint);
		idx = owner_index(endpoint, owner);
		if (idx < 0)
		{
			continue;
		}
		array_remove(endpoint->owners, idx, NULL);
		if (!array_count(endpoint->owners))
		{	/* its sessions (a pppd the daemon left behind) may still send: stay closed */
			DBG1(DBG_CFG, "l2tp-security: crypto socket client %u left, keeping the block "
				 "policies for plaintext udp %H[%u] (fail closed; released by a client's "
				 "LISTEN/OPEN on it, a settings reload or charon stopping)", owner,
				 endpoint->local, endpoint->port);
		}
	}
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_policies_t, release_orphans, void,
	private_l2tp_security_policies_t *this)
{
	endpoint_t *endpoint;
	int i;

	this->mutex->lock(this->mutex);
	for (i = array_count(this->endpoints) - 1; i >= 0; i--)
	{
		array_get(this->endpoints, i, &endpoint);
		if (array_count(endpoint->owners))
		{
			continue;
		}
		DBG1(DBG_CFG, "l2tp-security: releasing the block policies for plaintext udp %H[%u] "
			 "no client holds", endpoint->local, endpoint->port);
		array_remove(this->endpoints, i, NULL);
		manage(endpoint, FALSE);
		endpoint_destroy(endpoint);
	}
	this->mutex->unlock(this->mutex);
}

METHOD(l2tp_security_policies_t, get_count, u_int,
	private_l2tp_security_policies_t *this)
{
	u_int count;

	this->mutex->lock(this->mutex);
	count = array_count(this->endpoints);
	this->mutex->unlock(this->mutex);
	return count;
}

METHOD(l2tp_security_policies_t, destroy, void,
	private_l2tp_security_policies_t *this)
{
	endpoint_t *endpoint;

	while (array_remove(this->endpoints, ARRAY_TAIL, &endpoint))
	{
		manage(endpoint, FALSE);
		endpoint_destroy(endpoint);
	}
	array_destroy(this->endpoints);
	this->mutex->destroy(this->mutex);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_policies_t *l2tp_security_policies_create()
{
	private_l2tp_security_policies_t *this;

	INIT(this,
		.public = {
			.hold = _hold,
			.release_owner = _release_owner,
			.release_orphans = _release_orphans,
			.allow = _allow,
			.disallow = _disallow,
			.get_count = _get_count,
			.destroy = _destroy,
		},
		.endpoints = array_create(0, 0),
		.mutex = mutex_create(MUTEX_TYPE_DEFAULT),
	);
	return &this->public;
}
