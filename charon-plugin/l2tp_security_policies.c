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
	/** Users (LISTENs and OPENs) */
	u_int refs;
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
 * Find an endpoint (mutex held)
 */
static endpoint_t *find(private_l2tp_security_policies_t *this, host_t *local, uint16_t port,
						int *idx)
{
	endpoint_t *endpoint;
	int i;

	for (i = 0; i < array_count(this->endpoints); i++)
	{
		array_get(this->endpoints, i, &endpoint);
		if (endpoint->port == port && endpoint->local->ip_equals(endpoint->local, local))
		{
			*idx = i;
			return endpoint;
		}
	}
	return NULL;
}

METHOD(l2tp_security_policies_t, block, bool,
	private_l2tp_security_policies_t *this, host_t *local, uint16_t port)
{
	endpoint_t *endpoint;
	bool ok = TRUE;
	int idx;

	this->mutex->lock(this->mutex);
	endpoint = find(this, local, port, &idx);
	if (endpoint)
	{
		endpoint->refs++;
	}
	else
	{
		INIT(endpoint,
			.local = local->clone(local),
			.port = port,
			.refs = 1,
		);
		ok = manage(endpoint, TRUE);
		if (ok)
		{
			array_insert(this->endpoints, ARRAY_TAIL, endpoint);
		}
		else
		{
			endpoint->local->destroy(endpoint->local);
			free(endpoint);
		}
	}
	this->mutex->unlock(this->mutex);
	return ok;
}

METHOD(l2tp_security_policies_t, unblock, void,
	private_l2tp_security_policies_t *this, host_t *local, uint16_t port)
{
	endpoint_t *endpoint;
	int idx;

	this->mutex->lock(this->mutex);
	endpoint = find(this, local, port, &idx);
	if (endpoint && --endpoint->refs == 0)
	{
		array_remove(this->endpoints, idx, NULL);
		manage(endpoint, FALSE);
		endpoint->local->destroy(endpoint->local);
		free(endpoint);
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
		endpoint->local->destroy(endpoint->local);
		free(endpoint);
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
			.block = _block,
			.unblock = _unblock,
			.get_count = _get_count,
			.destroy = _destroy,
		},
		.endpoints = array_create(0, 0),
		.mutex = mutex_create(MUTEX_TYPE_DEFAULT),
	);
	return &this->public;
}
