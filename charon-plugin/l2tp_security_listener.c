/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_listener.h"
#include "l2tpsec_names.h"

#include <netinet/in.h>

#include <daemon.h>
#include <collections/array.h>
#include <processing/jobs/delete_child_sa_job.h>
#include <processing/jobs/rekey_child_sa_job.h>

/** IKE_SAs remembered as dead (DPD), to give their CHILD_SAs' CLOSED the right reason */
#define L2TP_SECURITY_DEAD_PEERS 64

/** Seconds a CHILD_SA may outlive its profile's lifetime before the profile's clock takes over */
#define L2TP_SECURITY_LIFETIME_SLACK 5

typedef struct private_l2tp_security_listener_t private_l2tp_security_listener_t;

/**
 * Private data of an l2tp_security_listener_t object.
 */
struct private_l2tp_security_listener_t {

	/**
	 * Public interface.
	 */
	l2tp_security_listener_t public;

	/**
	 * The registry (its lock guards our fields too)
	 */
	l2tp_security_clones_t *clones;

	/**
	 * Clones passive opens, tears down
	 */
	l2tp_security_cloner_t *cloner;

	/**
	 * Tells clients
	 */
	l2tp_security_reporter_t *reporter;

	/**
	 * Steers each CHILD_SA's L2TP to its tunnel, NULL if nftables is unusable
	 */
	l2tp_security_steering_t *steering;

	/**
	 * Unique ids of IKE_SAs whose peer stopped answering (uint32_t)
	 */
	array_t *dead_peers;

	/**
	 * charon got a shutdown signal
	 */
	bool shutting_down;
};

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
 * The client's L2TP endpoint of a CHILD_SA's selectors: its IKE address, the first remote
 * selector's port if it is a single one (else 0)
 */
static host_t *selector_remote(ike_sa_t *ike_sa, linked_list_t *remote)
{
	traffic_selector_t *ts;
	host_t *other;

	other = ike_sa->get_other_host(ike_sa)->clone(ike_sa->get_other_host(ike_sa));
	other->set_port(other, 0);
	if (remote->get_first(remote, (void**)&ts) == SUCCESS &&
		ts->get_from_port(ts) == ts->get_to_port(ts))
	{
		other->set_port(other, ts->get_from_port(ts));
	}
	return other;
}

/**
 * Steer a CHILD_SA's L2TP to its tunnel before its SAs are installed (create: a new tunnel if
 * the client has none). FALSE if that failed: the CHILD_SA must not come up
 */
static bool steer(private_l2tp_security_listener_t *this, ike_sa_t *ike_sa,
				  child_sa_t *child_sa, host_t *local, linked_list_t *remote_ts, bool create)
{
	host_t *remote, *seen;

	if (!this->steering)
	{
		return TRUE;
	}
	remote = selector_remote(ike_sa, remote_ts);
	seen = this->steering->add(this->steering, child_sa->get_spi(child_sa, TRUE),
							   ike_sa->get_other_host(ike_sa), local, remote, create);
	remote->destroy(remote);
	DESTROY_IF(seen);
	return seen || !create;
}

/**
 * A CHILD_SA's L2TP endpoints as the L2TP daemon sees them: the client's port is its tunnel's
 * (steering gives clients behind one NAT address ports of their own)
 */
static bool seen_endpoints(private_l2tp_security_listener_t *this, ike_sa_t *ike_sa,
						   child_sa_t *child_sa, host_t **local, host_t **remote)
{
	host_t *seen;

	if (!child_endpoints(ike_sa, child_sa, local, remote))
	{
		return FALSE;
	}
	seen = this->steering ? this->steering->get_seen(this->steering,
											child_sa->get_spi(child_sa, TRUE)) : NULL;
	if (seen)
	{
		(*remote)->destroy(*remote);
		*remote = seen;
	}
	return TRUE;
}

/**
 * The passive open an IKE_SA's CHILD_SA on local belongs to (registry locked)
 */
static l2tp_security_listen_t *find_listen(private_l2tp_security_listener_t *this,
										   ike_sa_t *ike_sa, host_t *local)
{
	peer_cfg_t *peer_cfg;

	peer_cfg = ike_sa->get_peer_cfg(ike_sa);
	if (!peer_cfg)
	{
		return NULL;
	}
	return this->clones->find_listen(this->clones, peer_cfg->get_name(peer_cfg), local);
}

/**
 * Our L2TP endpoint of a CHILD_SA's local selectors: our address with their single UDP port,
 * NULL if they are not that
 */
static host_t *our_endpoint(ike_sa_t *ike_sa, linked_list_t *local,
								  linked_list_t *remote)
{
	traffic_selector_t *ts;
	host_t *me;

	if (local->get_count(local) == 0 || remote->get_count(remote) == 0)
	{
		return NULL;
	}
	local->get_first(local, (void**)&ts);
	if (ts->get_protocol(ts) != IPPROTO_UDP || ts->get_to_port(ts) != ts->get_from_port(ts))
	{
		return NULL;
	}
	me = ike_sa->get_my_host(ike_sa)->clone(ike_sa->get_my_host(ike_sa));
	me->set_port(me, ts->get_from_port(ts));
	return me;
}

/**
 * Empty both selector lists: charon then refuses the CHILD_SA
 */
static void refuse_selectors(linked_list_t *local, linked_list_t *remote)
{
	traffic_selector_t *ts;

	while (local->remove_first(local, (void**)&ts) == SUCCESS)
	{
		ts->destroy(ts);
	}
	while (remote->remove_first(remote, (void**)&ts) == SUCCESS)
	{
		ts->destroy(ts);
	}
}

/**
 * A responder CHILD_SA's algorithms are chosen: they must meet the crypto profile of the
 * passive open it belongs to (the swanctl child may accept more than the profile does)
 */
static void check_proposal(private_l2tp_security_listener_t *this, ike_sa_t *ike_sa,
						   child_sa_t *child_sa, linked_list_t *local, linked_list_t *remote)
{
	l2tp_security_listen_t *listen;
	proposal_t *proposal;
	host_t *me;
	bool with_ke, ok = TRUE;
	char *profile = NULL;

	me = our_endpoint(ike_sa, local, remote);
	proposal = child_sa->get_proposal(child_sa);
	if (!me || !proposal)
	{
		DESTROY_IF(me);
		return;
	}
	/* an IKEv2 CHILD_SA created with IKE_AUTH has no key exchange of its own */
	with_ke = ike_sa->get_version(ike_sa) == IKEV1 || ike_sa->get_child_count(ike_sa) > 0;
	this->clones->lock(this->clones);
	listen = find_listen(this, ike_sa, me);
	if (listen)
	{
		ok = listen->profile->accepts(listen->profile, proposal, with_ke);
		profile = strdupnull(listen->profile->get_name(listen->profile));
	}
	this->clones->unlock(this->clones);
	if (!ok)
	{
		DBG1(DBG_CFG, "l2tp-security: %H negotiated ESP %P for L2TP, which crypto profile %s "
			 "does not allow%s: CHILD_SA refused", ike_sa->get_other_host(ike_sa), proposal,
			 profile, with_ke ? " (transforms or PFS group)" : "");
		refuse_selectors(local, remote);
	}
	else if (profile && !steer(this, ike_sa, child_sa, me, remote, TRUE))
	{
		DBG1(DBG_CFG, "l2tp-security: %H: its L2TP could not be steered to its own tunnel: "
			 "CHILD_SA refused", ike_sa->get_other_host(ike_sa));
		refuse_selectors(local, remote);
	}
	free(profile);
	me->destroy(me);
}

/**
 * A responder CHILD_SA's selectors: exactly one tunnel's UDP endpoints when it is ours
 */
static void narrow_responder(private_l2tp_security_listener_t *this, ike_sa_t *ike_sa,
							 linked_list_t *local, linked_list_t *remote)
{
	traffic_selector_t *ts;
	host_t *me, *other;
	uint16_t from, to, port;
	bool ours;
	int bits;

	me = our_endpoint(ike_sa, local, remote);
	if (!me)
	{
		return;
	}
	port = me->get_port(me);
	this->clones->lock(this->clones);
	ours = find_listen(this, ike_sa, me) != NULL;
	this->clones->unlock(this->clones);
	if (!ours)
	{
		me->destroy(me);
		return;
	}
	/* exactly this tunnel: our L2TP port to the peer's address and its source port */
	remote->get_first(remote, (void**)&ts);
	from = ts->get_from_port(ts);
	to = ts->get_to_port(ts);
	other = ike_sa->get_other_host(ike_sa);
	bits = me->get_family(me) == AF_INET ? 32 : 128;
	refuse_selectors(local, remote);
	if (from != to)
	{
		/* one tunnel, one peer port: the L2TP daemon matches packets to SAs by it */
		if (from > L2TPSEC_L2TP_PORT || to < L2TPSEC_L2TP_PORT)
		{
			DBG1(DBG_CFG, "l2tp-security: %H proposed UDP ports %u-%u for L2TP, without %u: "
				 "a tunnel needs one port, CHILD_SA refused", other, from, to,
				 L2TPSEC_L2TP_PORT);
			me->destroy(me);
			return;
		}
		DBG1(DBG_CFG, "l2tp-security: %H proposed UDP ports %u-%u for L2TP: narrowed to %u",
			 other, from, to, L2TPSEC_L2TP_PORT);
		from = to = L2TPSEC_L2TP_PORT;
	}
	local->insert_last(local, traffic_selector_create_from_subnet(me->clone(me), bits,
						IPPROTO_UDP, port, port));
	remote->insert_last(remote, traffic_selector_create_from_subnet(other->clone(other),
						bits, IPPROTO_UDP, from, to));
	me->destroy(me);
}

/**
 * An initiator CHILD_SA's selectors are agreed: an active open's (or a rekey of a tunnel's
 * CHILD_SA) is steered before its SAs are installed
 */
static void narrow_initiator(private_l2tp_security_listener_t *this, ike_sa_t *ike_sa,
							 child_sa_t *child_sa, linked_list_t *local, linked_list_t *remote)
{
	host_t *me;
	bool active;

	me = our_endpoint(ike_sa, local, remote);
	if (!me)
	{
		return;
	}
	this->clones->lock(this->clones);
	active = this->clones->get_by_child_cfg(this->clones,
											child_sa->get_config(child_sa)) != NULL;
	this->clones->unlock(this->clones);
	if (!steer(this, ike_sa, child_sa, me, remote, active))
	{
		DBG1(DBG_CFG, "l2tp-security: %H: L2TP could not be steered to its own tunnel: "
			 "CHILD_SA abandoned", ike_sa->get_other_host(ike_sa));
		refuse_selectors(local, remote);
	}
	me->destroy(me);
}

METHOD(listener_t, narrow, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *ike_sa, child_sa_t *child_sa,
	narrow_hook_t type, linked_list_t *local, linked_list_t *remote)
{
	switch (type)
	{
		case NARROW_RESPONDER:
			narrow_responder(this, ike_sa, local, remote);
			break;
		case NARROW_RESPONDER_POST:
			check_proposal(this, ike_sa, child_sa, local, remote);
			break;
		case NARROW_INITIATOR_POST_AUTH:
		case NARROW_INITIATOR_POST_NOAUTH:
			narrow_initiator(this, ike_sa, child_sa, local, remote);
			break;
		default:
			break;
	}
	return TRUE;
}

/**
 * Why a clone's CHILD_SA is going away (registry locked)
 */
static uint8_t down_reason(private_l2tp_security_listener_t *this, ike_sa_t *ike_sa,
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
 * The clone a CHILD_SA coming up belongs to: an active open's, a known tunnel's (a rekeying
 * peer negotiates a second SA for it) or a new passive clone of a listen (registry locked)
 */
static l2tp_security_clone_t *clone_for(private_l2tp_security_listener_t *this,
										ike_sa_t *ike_sa, child_sa_t *child_sa)
{
	l2tp_security_listen_t *listen;
	l2tp_security_clone_t *clone;
	host_t *local, *remote;

	clone = this->clones->get_by_child_cfg(this->clones, child_sa->get_config(child_sa)) ?:
			this->clones->get_by_child(this->clones, child_sa->get_unique_id(child_sa));
	if (clone || !seen_endpoints(this, ike_sa, child_sa, &local, &remote))
	{
		return clone;
	}
	clone = this->clones->get_passive(this->clones, local, remote);
	if (!clone)
	{
		listen = find_listen(this, ike_sa, local);
		if (listen)
		{
			clone = this->cloner->clone_passive(this->cloner, listen, local, remote);
		}
	}
	local->destroy(local);
	remote->destroy(remote);
	return clone;
}

/**
 * A clone's CHILD_SA set to outlive its profile's lifetime (an IKEv1 responder takes the
 * initiator's, an IKEv2 one the swanctl child's): rekeyed and expired on the profile's clock,
 * as IOS holds a responder to its crypto map's lifetime
 */
static void cap_lifetime(ike_sa_t *ike_sa, child_sa_t *child_sa, l2tp_security_clone_t *clone)
{
	time_t now = time_monotonic(NULL), hard = child_sa->get_lifetime(child_sa, TRUE);
	uint32_t life = clone->profile->get_lifetime(clone->profile, NULL), rekey;
	char given[32] = "no time limit";
	job_t *job;

	if (!life || (hard && hard <= now + life + L2TP_SECURITY_LIFETIME_SLACK))
	{
		return;
	}
	rekey = clone->profile->rekeys(clone->profile) ? life - life / 10 : 0;
	if (hard)
	{
		snprintf(given, sizeof(given), "%us", (u_int)(hard - now));
	}
	DBG1(DBG_CFG, "l2tp-security: tunnel %u: CHILD_SA #%u was given %s, crypto profile %s "
		 "allows %us: rekeying it in %us (0: never), expiring it in %us", clone->id,
		 child_sa->get_unique_id(child_sa), given, clone->profile->get_name(clone->profile),
		 life, rekey, life);
	if (rekey)
	{
		job = (job_t*)rekey_child_sa_job_create(child_sa->get_protocol(child_sa),
								child_sa->get_spi(child_sa, TRUE), ike_sa->get_my_host(ike_sa));
		lib->scheduler->schedule_job(lib->scheduler, job, rekey);
	}
	job = (job_t*)delete_child_sa_job_create_id(child_sa->get_unique_id(child_sa));
	lib->scheduler->schedule_job(lib->scheduler, job, life);
}

/**
 * A CHILD_SA is up: its clone is secured (or, let go meanwhile, torn down)
 */
static void child_up(private_l2tp_security_listener_t *this, ike_sa_t *ike_sa,
					 child_sa_t *child_sa)
{
	l2tp_security_clone_t *clone;
	uint32_t was;

	this->clones->lock(this->clones);
	clone = clone_for(this, ike_sa, child_sa);
	if (clone)
	{
		was = clone->child_id;
		l2tp_security_facts_read(child_sa, &clone->facts);
		this->clones->set_sa(this->clones, clone, ike_sa->get_unique_id(ike_sa),
							 child_sa->get_unique_id(child_sa));
		switch (clone->state)
		{
			case L2TP_SECURITY_CLONE_NEGOTIATING:
				this->clones->set_state(this->clones, clone, L2TP_SECURITY_CLONE_SECURED);
				this->reporter->secured(this->reporter, clone);
				cap_lifetime(ike_sa, child_sa, clone);
				break;
			case L2TP_SECURITY_CLONE_SECURED:
				if (was != clone->child_id)
				{	/* a new SA for the tunnel (an IKEv1 client's next main mode): its
					 * sockets move to it, as after a rekey */
					DBG1(DBG_CFG, "l2tp-security: tunnel %u moves to CHILD_SA #%u, SPIs "
						 "%.8x_i %.8x_o", clone->id, clone->child_id, clone->facts.spi_in,
						 clone->facts.spi_out);
					cap_lifetime(ike_sa, child_sa, clone);
					this->reporter->rekeyed(this->reporter, clone);
				}
				break;
			case L2TP_SECURITY_CLONE_ABANDONED:
			case L2TP_SECURITY_CLONE_CLOSING:
				/* closed or given up while negotiating */
				this->clones->set_state(this->clones, clone, L2TP_SECURITY_CLONE_CLOSING);
				this->cloner->teardown(this->cloner, clone);
				break;
		}
	}
	this->clones->unlock(this->clones);
}

METHOD(listener_t, child_updown, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *ike_sa, child_sa_t *child_sa,
	bool up)
{
	if (up)
	{	/* down is reported when the CHILD_SA is destroyed */
		child_up(this, ike_sa, child_sa);
	}
	return TRUE;
}

METHOD(l2tp_security_listener_t, adopt, void,
	private_l2tp_security_listener_t *this)
{
	enumerator_t *ikes, *children;
	ike_sa_t *ike_sa;
	child_sa_t *child_sa;
	bool known;

	ikes = charon->controller->create_ike_sa_enumerator(charon->controller, TRUE);
	while (ikes->enumerate(ikes, &ike_sa))
	{
		children = ike_sa->create_child_sa_enumerator(ike_sa);
		while (children->enumerate(children, &child_sa))
		{
			if (child_sa->get_state(child_sa) != CHILD_INSTALLED)
			{
				continue;
			}
			this->clones->lock(this->clones);
			known = this->clones->get_by_child(this->clones,
									child_sa->get_unique_id(child_sa)) != NULL;
			this->clones->unlock(this->clones);
			if (!known)
			{	/* a clone only if a listen wants it: clone_for() decides */
				child_up(this, ike_sa, child_sa);
			}
		}
		children->destroy(children);
	}
	ikes->destroy(ikes);
}

METHOD(listener_t, child_rekey, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *ike_sa, child_sa_t *old,
	child_sa_t *new)
{
	l2tp_security_clone_t *clone;

	this->clones->lock(this->clones);
	clone = this->clones->get_by_child(this->clones, old->get_unique_id(old));
	if (clone)
	{	/* make-before-break: the tunnel simply moves to the new SA */
		this->clones->set_sa(this->clones, clone, clone->ike_id, new->get_unique_id(new));
		l2tp_security_facts_read(new, &clone->facts);
		DBG1(DBG_CFG, "l2tp-security: tunnel %u rekeyed: CHILD_SA #%u, SPIs %.8x_i %.8x_o",
			 clone->id, clone->child_id, clone->facts.spi_in, clone->facts.spi_out);
		cap_lifetime(ike_sa, new, clone);
		if (clone->state == L2TP_SECURITY_CLONE_SECURED)
		{	/* the L2TP daemon's tunnel sockets name the outbound SA */
			this->reporter->rekeyed(this->reporter, clone);
		}
	}
	this->clones->unlock(this->clones);
	return TRUE;
}

METHOD(listener_t, child_state_change, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *ike_sa, child_sa_t *child_sa,
	child_sa_state_t state)
{
	l2tp_security_clone_t *clone;

	if (state != CHILD_DESTROYING)
	{
		return TRUE;
	}
	if (this->steering)
	{
		this->steering->remove(this->steering, child_sa->get_spi(child_sa, TRUE));
	}
	this->clones->lock(this->clones);
	clone = this->clones->get_by_child(this->clones, child_sa->get_unique_id(child_sa));
	if (!clone)
	{	/* an open's CHILD_SA that never came up */
		clone = this->clones->get_by_child_cfg(this->clones, child_sa->get_config(child_sa));
		clone = clone && !clone->child_id ? clone : NULL;
	}
	if (clone)
	{
		switch (clone->state)
		{
			case L2TP_SECURITY_CLONE_NEGOTIATING:
				this->reporter->closed(this->reporter, clone, CS_REASON_FAILED);
				break;
			case L2TP_SECURITY_CLONE_SECURED:
				this->reporter->closed(this->reporter, clone,
									   down_reason(this, ike_sa, child_sa));
				break;
			default:
				break;
		}
		this->clones->remove(this->clones, clone);
	}
	this->clones->unlock(this->clones);
	return TRUE;
}

METHOD(listener_t, ike_state_change, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *ike_sa, ike_sa_state_t state)
{
	l2tp_security_clone_t *clone;
	enumerator_t *enumerator;
	peer_cfg_t *peer_cfg;

	peer_cfg = ike_sa->get_peer_cfg(ike_sa);
	if (state != IKE_DESTROYING || !peer_cfg)
	{
		return TRUE;
	}
	this->clones->lock(this->clones);
	enumerator = this->clones->create_pending_enumerator(this->clones, peer_cfg);
	while (enumerator->enumerate(enumerator, &clone))
	{	/* opens whose IKE_SA never got as far as a CHILD_SA */
		if (clone->state == L2TP_SECURITY_CLONE_NEGOTIATING)
		{
			DBG1(DBG_CFG, "l2tp-security: tunnel %u to %H: IKE_SA failed", clone->id,
				 clone->remote);
			this->reporter->closed(this->reporter, clone, CS_REASON_FAILED);
		}
		this->clones->remove(this->clones, clone);
	}
	enumerator->destroy(enumerator);
	this->clones->unlock(this->clones);
	return TRUE;
}

METHOD(listener_t, ike_update, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *ike_sa, host_t *local, host_t *remote)
{
	host_t *old = ike_sa->get_other_host(ike_sa);
	u_int moved;

	if (this->steering && !old->equals(old, remote))
	{	/* a NAT's new mapping (charon saw the client's ESP or IKE from it): without this,
		 * the client's next CHILD_SA would look like another client's */
		moved = this->steering->move(this->steering, old, remote);
		if (moved)
		{
			DBG1(DBG_CFG, "l2tp-security: L2TP client's IKE endpoint moved from %#H to %#H: "
				 "%u tunnel(s) follow it", old, remote, moved);
		}
	}
	return TRUE;
}

METHOD(listener_t, ike_rekey, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *old, ike_sa_t *new)
{
	this->clones->lock(this->clones);
	this->clones->rekey_ike(this->clones, old->get_unique_id(old), new->get_unique_id(new));
	this->clones->unlock(this->clones);
	return TRUE;
}

METHOD(listener_t, alert, bool,
	private_l2tp_security_listener_t *this, ike_sa_t *ike_sa, alert_t alert,
	va_list args)
{
	uint32_t id;

	switch (alert)
	{
		case ALERT_SHUTDOWN_SIGNAL:
			this->clones->lock(this->clones);
			this->shutting_down = TRUE;
			this->clones->unlock(this->clones);
			break;
		case ALERT_RETRANSMIT_SEND_TIMEOUT:
			if (ike_sa)
			{	/* the peer stopped answering (DPD or any exchange) */
				id = ike_sa->get_unique_id(ike_sa);
				this->clones->lock(this->clones);
				/* its CHILD_SAs go after the IKE_SA's destroying state: keep a few */
				if (array_count(this->dead_peers) >= L2TP_SECURITY_DEAD_PEERS)
				{
					array_remove(this->dead_peers, ARRAY_HEAD, NULL);
				}
				array_insert(this->dead_peers, ARRAY_TAIL, &id);
				this->clones->unlock(this->clones);
			}
			break;
		default:
			break;
	}
	return TRUE;
}

METHOD(l2tp_security_listener_t, shutdown_, void,
	private_l2tp_security_listener_t *this)
{
	l2tp_security_clones_filter_t live = { .states = L2TP_SECURITY_CLONES_LIVE };
	l2tp_security_clone_t *clone;
	enumerator_t *enumerator;

	this->clones->lock(this->clones);
	enumerator = this->clones->create_enumerator(this->clones, &live);
	while (enumerator->enumerate(enumerator, &clone))
	{
		this->reporter->closed(this->reporter, clone, CS_REASON_SHUTDOWN);
		this->clones->release(this->clones, clone);
	}
	enumerator->destroy(enumerator);
	this->clones->unlock(this->clones);
}

METHOD(l2tp_security_listener_t, destroy, void,
	private_l2tp_security_listener_t *this)
{
	array_destroy(this->dead_peers);
	free(this);
}

/*
 * Described in header
 */
l2tp_security_listener_t *l2tp_security_listener_create(l2tp_security_clones_t *clones,
								l2tp_security_cloner_t *cloner,
								l2tp_security_reporter_t *reporter,
								l2tp_security_steering_t *steering)
{
	private_l2tp_security_listener_t *this;

	INIT(this,
		.public = {
			.listener = {
				.alert = _alert,
				.ike_state_change = _ike_state_change,
				.child_state_change = _child_state_change,
				.ike_rekey = _ike_rekey,
				.ike_update = _ike_update,
				.child_updown = _child_updown,
				.child_rekey = _child_rekey,
				.narrow = _narrow,
			},
			.adopt = _adopt,
			.shutdown = _shutdown_,
			.destroy = _destroy,
		},
		.clones = clones,
		.cloner = cloner,
		.reporter = reporter,
		.steering = steering,
		.dead_peers = array_create(sizeof(uint32_t), 0),
	);
	return &this->public;
}
