/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_clones l2tp_security_clones
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_CLONES_H_
#define L2TP_SECURITY_CLONES_H_

#include <library.h>
#include <networking/host.h>
#include <config/peer_cfg.h>
#include <config/child_cfg.h>

#include "l2tp_security_facts.h"
#include "l2tp_security_profile.h"

typedef struct l2tp_security_clones_t l2tp_security_clones_t;
typedef struct l2tp_security_clone_t l2tp_security_clone_t;
typedef struct l2tp_security_listen_t l2tp_security_listen_t;

/**
 * Where a clone is in its life. A clone's client hears SECURED once (NEGOTIATING to SECURED)
 * and CLOSED at most once (when it leaves NEGOTIATING or SECURED other than by SECURED).
 */
typedef enum {
	/** asked for (OPEN) and not up yet */
	L2TP_SECURITY_CLONE_NEGOTIATING,
	/** its CHILD_SA is up and the client was told */
	L2TP_SECURITY_CLONE_SECURED,
	/** let go before its CHILD_SA came up: torn down if it does, forgotten if it fails */
	L2TP_SECURITY_CLONE_ABANDONED,
	/** let go with its CHILD_SA up: waiting for the SA to go */
	L2TP_SECURITY_CLONE_CLOSING,
} l2tp_security_clone_state_t;

/**
 * Names of the states, for logs and tests
 */
extern enum_name_t *l2tp_security_clone_state_names;

/**
 * One crypto profile cloned for one L2TP tunnel. Fields are read freely under the registry's
 * lock; state, ike_id and child_id change only through the registry (they are indexed).
 */
struct l2tp_security_clone_t {
	/** Client-visible id (the OPEN's, or assigned for a passive clone) and owning client */
	uint32_t id;
	u_int client;
	/** From a LISTEN (LNS) rather than an OPEN (LAC) */
	bool passive;
	/** Template (reference) and this clone's crypto map sequence number */
	l2tp_security_profile_t *profile;
	uint32_t seq;
	/** L2TP endpoints, with UDP ports */
	host_t *local, *remote;
	/** Active opens: the cloned configs initiated (references), NULL for passive clones */
	peer_cfg_t *peer_cfg;
	child_cfg_t *child_cfg;
	/** Unique ids of the IKE_SA and the current CHILD_SA, 0 until it came up */
	uint32_t ike_id, child_id;
	/** Where it is */
	l2tp_security_clone_state_t state;
	/** Keep the IKE_SA on teardown */
	bool keep_sa;
	/** Facts of the current CHILD_SA */
	l2tp_security_facts_t facts;
};

/**
 * A passive open (LISTEN): the template for the LNS's clones on a local endpoint
 */
struct l2tp_security_listen_t {
	/** Client that listens */
	u_int client;
	/** Profile (reference) */
	l2tp_security_profile_t *profile;
	/** Local endpoint (address may be %any) with its UDP port */
	host_t *local;
};

/**
 * Filter of create_enumerator(): which clones to visit
 */
typedef struct {
	/** Only clones in these states (bit 1 << state); 0: any */
	u_int states;
	/** Only clones of this client; 0: any */
	u_int client;
} l2tp_security_clones_filter_t;

/** State bits for l2tp_security_clones_filter_t.states */
#define L2TP_SECURITY_CLONES_LIVE ((1u << L2TP_SECURITY_CLONE_NEGOTIATING) | \
								   (1u << L2TP_SECURITY_CLONE_SECURED))

/**
 * The registry of clones and passive opens: what exists, in what state, found by index.
 * Knows libstrongswan only, so it is unit-tested without charon. Not thread-safe by itself:
 * callers hold lock() around every use, including reads of the clones they got.
 */
struct l2tp_security_clones_t {

	/**
	 * Take the registry's lock (recursive).
	 */
	void (*lock)(l2tp_security_clones_t *this);

	/**
	 * Release the lock.
	 */
	void (*unlock)(l2tp_security_clones_t *this);

	/**
	 * Register a new clone (NEGOTIATING, or SECURED for a passive clone whose SA is up:
	 * set_sa() follows at once). The registry owns it from now on.
	 *
	 * @param clone		clone, with id, client, profile, endpoints and configs set
	 */
	void (*add)(l2tp_security_clones_t *this, l2tp_security_clone_t *clone);

	/**
	 * A fresh id for a passive clone (from L2TP_SECURITY_PASSIVE_ID_FIRST up).
	 *
	 * @return			id no live clone uses
	 */
	uint32_t (*next_passive_id)(l2tp_security_clones_t *this);

	/**
	 * Move a clone to another state.
	 *
	 * @param clone		registered clone
	 * @param state		its new state
	 */
	void (*set_state)(l2tp_security_clones_t *this, l2tp_security_clone_t *clone,
					  l2tp_security_clone_state_t state);

	/**
	 * A clone's CHILD_SA (and IKE_SA) is now the one with these unique ids.
	 *
	 * @param clone		registered clone
	 * @param ike_id	IKE_SA unique id
	 * @param child_id	CHILD_SA unique id
	 */
	void (*set_sa)(l2tp_security_clones_t *this, l2tp_security_clone_t *clone,
				   uint32_t ike_id, uint32_t child_id);

	/**
	 * Let go of a clone (CLOSE, timeout, client gone, shutdown): NEGOTIATING becomes
	 * ABANDONED, SECURED becomes CLOSING; others stay.
	 *
	 * @param clone		registered clone
	 * @return			TRUE if it has an SA up that now has to be torn down
	 */
	bool (*release)(l2tp_security_clones_t *this, l2tp_security_clone_t *clone);

	/**
	 * Forget and destroy a clone.
	 *
	 * @param clone		registered clone
	 */
	void (*remove)(l2tp_security_clones_t *this, l2tp_security_clone_t *clone);

	/**
	 * The live (NEGOTIATING or SECURED) clone a client knows by this id.
	 *
	 * @param client	client number
	 * @param id		client-visible id
	 * @return			clone, NULL if none
	 */
	l2tp_security_clone_t* (*get_by_request)(l2tp_security_clones_t *this, u_int client,
											 uint32_t id);

	/**
	 * The clone whose current CHILD_SA this is.
	 *
	 * @param child_id	CHILD_SA unique id
	 * @return			clone, NULL if none
	 */
	l2tp_security_clone_t* (*get_by_child)(l2tp_security_clones_t *this, uint32_t child_id);

	/**
	 * The clone created with this child config (active opens).
	 *
	 * @param cfg		child config
	 * @return			clone, NULL if none
	 */
	l2tp_security_clone_t* (*get_by_child_cfg)(l2tp_security_clones_t *this,
											   child_cfg_t *cfg);

	/**
	 * The live passive clone of a tunnel (a rekeying peer negotiates a second SA for it).
	 *
	 * @param local		local endpoint
	 * @param remote	remote endpoint
	 * @return			clone, NULL if none
	 */
	l2tp_security_clone_t* (*get_passive)(l2tp_security_clones_t *this, host_t *local,
										  host_t *remote);

	/**
	 * Does another SECURED clone ride the same IKE_SA?
	 *
	 * @param clone		clone with an SA
	 * @return			TRUE if the IKE_SA carries another live tunnel
	 */
	bool (*ike_shared)(l2tp_security_clones_t *this, l2tp_security_clone_t *clone);

	/**
	 * An IKE_SA was rekeyed: its clones follow the new one.
	 *
	 * @param old_id	unique id of the old IKE_SA
	 * @param new_id	unique id of the new one
	 */
	void (*rekey_ike)(l2tp_security_clones_t *this, uint32_t old_id, uint32_t new_id);

	/**
	 * Enumerate the clones still waiting for an IKE_SA of this peer config (NEGOTIATING or
	 * ABANDONED active opens).
	 *
	 * @param cfg		peer config the opens initiated
	 * @return			enumerator over l2tp_security_clone_t*; remove() is allowed
	 */
	enumerator_t* (*create_pending_enumerator)(l2tp_security_clones_t *this, peer_cfg_t *cfg);

	/**
	 * Enumerate clones matching a filter, in the order they were added.
	 *
	 * @param filter	which ones (NULL: all)
	 * @return			enumerator over l2tp_security_clone_t*; remove() is allowed
	 */
	enumerator_t* (*create_enumerator)(l2tp_security_clones_t *this,
									   l2tp_security_clones_filter_t *filter);

	/**
	 * Number of registered clones, whatever their state.
	 *
	 * @return			count
	 */
	u_int (*get_count)(l2tp_security_clones_t *this);

	/**
	 * Register a passive open.
	 *
	 * @param client	client that listens
	 * @param profile	profile (reference taken over)
	 * @param local		local endpoint (taken over)
	 */
	void (*add_listen)(l2tp_security_clones_t *this, u_int client,
					   l2tp_security_profile_t *profile, host_t *local);

	/**
	 * The passive open a CHILD_SA negotiated under a swanctl connection belongs to.
	 *
	 * @param connection	name of the IKE_SA's peer config
	 * @param local		local endpoint of the CHILD_SA
	 * @return			listen, NULL if none
	 */
	l2tp_security_listen_t* (*find_listen)(l2tp_security_clones_t *this, char *connection,
										   host_t *local);

	/**
	 * Remove a client's passive opens.
	 *
	 * @param client	client number
	 */
	void (*remove_listens)(l2tp_security_clones_t *this, u_int client);

	/**
	 * Destroy the registry, its clones and listens.
	 */
	void (*destroy)(l2tp_security_clones_t *this);
};

/**
 * Same address (or a wildcard pattern's any address) and port (pattern port 0: any).
 *
 * @param pattern	endpoint pattern
 * @param host		endpoint
 * @return			TRUE on a match
 */
bool l2tp_security_endpoint_matches(host_t *pattern, host_t *host);

/**
 * Create a clone record, NEGOTIATING (not registered yet).
 *
 * @param id		client-visible id
 * @param client	owning client
 * @param profile	template (reference taken over)
 * @param local		local endpoint (taken over)
 * @param remote	remote endpoint (taken over)
 * @return			clone, to add() or destroy with l2tp_security_clone_destroy()
 */
l2tp_security_clone_t *l2tp_security_clone_create(uint32_t id, u_int client,
							l2tp_security_profile_t *profile, host_t *local, host_t *remote);

/**
 * Destroy a clone that is not registered.
 *
 * @param clone		clone
 */
void l2tp_security_clone_destroy(l2tp_security_clone_t *clone);

/**
 * Create an empty registry.
 *
 * @return			registry
 */
l2tp_security_clones_t *l2tp_security_clones_create();

#endif /** L2TP_SECURITY_CLONES_H_ @}*/
