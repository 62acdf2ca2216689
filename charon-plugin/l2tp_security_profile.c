/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_profile.h"

#include "l2tpsec_names.h"

#include <errno.h>
#include <stdlib.h>

#include <collections/linked_list.h>
#include <utils/debug.h>

typedef struct private_l2tp_security_profile_t private_l2tp_security_profile_t;

/**
 * Private data of an l2tp_security_profile_t object.
 */
struct private_l2tp_security_profile_t {

	/**
	 * Public interface.
	 */
	l2tp_security_profile_t public;

	/**
	 * Profile name
	 */
	char *name;

	/**
	 * swanctl connection to borrow IKE settings from
	 */
	char *connection;

	/**
	 * ESP proposals (proposal_t*), in order
	 */
	linked_list_t *proposals;

	/**
	 * Transport mode
	 */
	bool transport;

	/**
	 * Lifetime in seconds and kilobytes
	 */
	uint32_t lifetime;
	uint64_t lifetime_kb;

	/**
	 * PFS DH group, 0 for none
	 */
	uint16_t pfs_group;

	/**
	 * IOS keep-sa
	 */
	bool keep_sa;

	/**
	 * Rekey before the lifetime ends (else the SA expires)
	 */
	bool rekey;

	/**
	 * IOS crypto map name and sequence number of the template entry
	 */
	char *crypto_map;
	uint32_t sequence;

	/**
	 * IOS transform set names, comma-separated (for show output)
	 */
	char *transform_sets;

	/**
	 * Reference count
	 */
	refcount_t ref;
};

METHOD(l2tp_security_profile_t, get_name, char*,
	private_l2tp_security_profile_t *this)
{
	return this->name;
}

METHOD(l2tp_security_profile_t, get_connection, char*,
	private_l2tp_security_profile_t *this)
{
	return this->connection;
}

METHOD(l2tp_security_profile_t, create_proposal_enumerator, enumerator_t*,
	private_l2tp_security_profile_t *this)
{
	return this->proposals->create_enumerator(this->proposals);
}

METHOD(l2tp_security_profile_t, is_transport, bool,
	private_l2tp_security_profile_t *this)
{
	return this->transport;
}

METHOD(l2tp_security_profile_t, get_lifetime, uint32_t,
	private_l2tp_security_profile_t *this, uint64_t *kilobytes)
{
	if (kilobytes)
	{
		*kilobytes = this->lifetime_kb;
	}
	return this->lifetime;
}

METHOD(l2tp_security_profile_t, get_pfs_group, uint16_t,
	private_l2tp_security_profile_t *this)
{
	return this->pfs_group;
}

METHOD(l2tp_security_profile_t, create_child_proposal, proposal_t*,
	private_l2tp_security_profile_t *this, proposal_t *proposal)
{
	uint16_t group;

	proposal = proposal->clone(proposal, 0);
	if (this->pfs_group &&
		!proposal->get_algorithm(proposal, KEY_EXCHANGE_METHOD, &group, NULL))
	{
		proposal->add_algorithm(proposal, KEY_EXCHANGE_METHOD, this->pfs_group, 0);
	}
	return proposal;
}

METHOD(l2tp_security_profile_t, accepts, bool,
	private_l2tp_security_profile_t *this, proposal_t *negotiated, bool with_ke)
{
	enumerator_t *enumerator;
	proposal_t *proposal, *wanted;
	proposal_selection_flag_t flags = 0;
	bool ok = FALSE;

	if (!this->pfs_group || !with_ke)
	{
		flags |= PROPOSAL_SKIP_KE;
	}
	enumerator = this->proposals->create_enumerator(this->proposals);
	while (!ok && enumerator->enumerate(enumerator, &proposal))
	{
		wanted = create_child_proposal(this, proposal);
		ok = wanted->matches(wanted, negotiated, flags);
		wanted->destroy(wanted);
	}
	enumerator->destroy(enumerator);
	return ok;
}

METHOD(l2tp_security_profile_t, rekeys, bool,
	private_l2tp_security_profile_t *this)
{
	return this->rekey;
}

METHOD(l2tp_security_profile_t, keep_sa, bool,
	private_l2tp_security_profile_t *this)
{
	return this->keep_sa;
}

METHOD(l2tp_security_profile_t, get_crypto_map, char*,
	private_l2tp_security_profile_t *this, uint32_t *sequence)
{
	if (sequence)
	{
		*sequence = this->sequence;
	}
	return this->crypto_map;
}

METHOD(l2tp_security_profile_t, get_transform_sets, char*,
	private_l2tp_security_profile_t *this)
{
	return this->transform_sets;
}

METHOD(l2tp_security_profile_t, get_ref, l2tp_security_profile_t*,
	private_l2tp_security_profile_t *this)
{
	ref_get(&this->ref);
	return &this->public;
}

METHOD(l2tp_security_profile_t, destroy, void,
	private_l2tp_security_profile_t *this)
{
	if (!ref_put(&this->ref))
	{
		return;
	}
	free(this->crypto_map);
	free(this->transform_sets);
	this->proposals->destroy_offset(this->proposals, offsetof(proposal_t, destroy));
	free(this->connection);
	free(this->name);
	free(this);
}

/** A profile key's settings path: namespace, profile name */
#define PROFILE_KEY(key) L2TPSEC_CHARON_KEY(L2TPSEC_CHARON_PROFILES ".%s." key)

/*
 * Described in header
 */
const char *const l2tp_security_profile_keys[] = {
	L2TPSEC_PROFILE_CONNECTION, L2TPSEC_PROFILE_ESP, L2TPSEC_PROFILE_MODE,
	L2TPSEC_PROFILE_CRYPTO_MAP, L2TPSEC_PROFILE_SEQUENCE, L2TPSEC_PROFILE_TRANSFORM_SETS,
	L2TPSEC_PROFILE_LIFETIME_S, L2TPSEC_PROFILE_LIFETIME_KB, L2TPSEC_PROFILE_PFS,
	L2TPSEC_PROFILE_PFS_GROUP, L2TPSEC_PROFILE_KEEP_SA, L2TPSEC_PROFILE_REKEY, NULL,
};

/**
 * Read an unsigned number setting strictly (the settings API falls back silently)
 */
static bool get_number(const char *ns, const char *name, const char *key, uint64_t min,
					   uint64_t max, uint64_t def, uint64_t *out)
{
	char *value, *end;
	unsigned long long v;

	value = lib->settings->get_str(lib->settings,
						PROFILE_KEY("%s"), NULL, ns, name, key);
	if (!value)
	{
		*out = def;
		return TRUE;
	}
	errno = 0;
	v = strtoull(value, &end, 10);
	if (errno || *end || end == value || v < min || v > max)
	{
		return FALSE;
	}
	*out = v;
	return TRUE;
}

/**
 * Read a yes/no setting strictly
 */
static bool get_flag(const char *ns, const char *name, const char *key, bool def, bool *out)
{
	char *value;

	value = lib->settings->get_str(lib->settings,
						PROFILE_KEY("%s"), NULL, ns, name, key);
	int flag = def;

	if (value && l2tpsec_yes_no(value, &flag))
	{
		return FALSE;
	}
	*out = flag;
	return TRUE;
}

/**
 * Parse the comma-separated ESP proposals
 */
static bool parse_proposals(private_l2tp_security_profile_t *this, char *value)
{
	enumerator_t *enumerator;
	proposal_t *proposal;
	char *token;
	bool ok = TRUE;

	enumerator = enumerator_create_token(value, ",", " ");
	while (enumerator->enumerate(enumerator, &token))
	{
		proposal = proposal_create_from_string(PROTO_ESP, token);
		if (!proposal)
		{
			ok = FALSE;
			break;
		}
		this->proposals->insert_last(this->proposals, proposal);
	}
	enumerator->destroy(enumerator);
	return ok && this->proposals->get_count(this->proposals) > 0;
}

/*
 * Described in header
 */
l2tp_security_profile_t *l2tp_security_profile_create(const char *ns, const char *name,
													  const char **error)
{
	private_l2tp_security_profile_t *this;
	char *esp, *mode, *connection, *crypto_map, *transform_sets;
	uint64_t lifetime, lifetime_kb, pfs, sequence;
	bool pfs_on;

	INIT(this,
		.public = {
			.get_name = _get_name,
			.get_connection = _get_connection,
			.create_proposal_enumerator = _create_proposal_enumerator,
			.is_transport = _is_transport,
			.get_lifetime = _get_lifetime,
			.get_pfs_group = _get_pfs_group,
			.create_child_proposal = _create_child_proposal,
			.accepts = _accepts,
			.keep_sa = _keep_sa,
			.rekeys = _rekeys,
			.get_crypto_map = _get_crypto_map,
			.get_transform_sets = _get_transform_sets,
			.get_ref = _get_ref,
			.destroy = _destroy,
		},
		.name = strdup(name),
		.proposals = linked_list_create(),
		.ref = 1,
	);

	connection = lib->settings->get_str(lib->settings,
						PROFILE_KEY(L2TPSEC_PROFILE_CONNECTION), (char*)name, ns, name);
	this->connection = strdup(connection);
	esp = lib->settings->get_str(lib->settings,
						PROFILE_KEY(L2TPSEC_PROFILE_ESP), NULL, ns, name);
	mode = lib->settings->get_str(lib->settings,
						PROFILE_KEY(L2TPSEC_PROFILE_MODE), "transport", ns, name);
	crypto_map = lib->settings->get_str(lib->settings,
						PROFILE_KEY(L2TPSEC_PROFILE_CRYPTO_MAP), (char*)name, ns, name);
	this->crypto_map = strdup(crypto_map);
	transform_sets = lib->settings->get_str(lib->settings,
						PROFILE_KEY(L2TPSEC_PROFILE_TRANSFORM_SETS), esp ?: "", ns,
						name);
	this->transform_sets = strdup(transform_sets);
	if (!esp)
	{
		*error = "esp_proposals missing";
	}
	else if (!parse_proposals(this, esp))
	{
		*error = "esp_proposals is not a list of valid ESP proposals";
	}
	else if (!streq(mode, "transport") && !streq(mode, "tunnel"))
	{
		*error = "mode must be transport or tunnel";
	}
	else if (!get_number(ns, name, L2TPSEC_PROFILE_LIFETIME_S, 120, 86400,
						 L2TP_SECURITY_DEFAULT_LIFETIME, &lifetime))
	{
		*error = "lifetime_seconds must be a number from 120 to 86400";
	}
	else if (!get_number(ns, name, L2TPSEC_PROFILE_LIFETIME_KB, 2560, 4294967295ULL,
						 L2TP_SECURITY_DEFAULT_LIFETIME_KB, &lifetime_kb))
	{
		*error = "lifetime_kilobytes must be a number from 2560 to 4294967295";
	}
	else if (!get_flag(ns, name, L2TPSEC_PROFILE_PFS, FALSE, &pfs_on))
	{
		*error = "pfs must be yes or no";
	}
	else if (!get_number(ns, name, L2TPSEC_PROFILE_PFS_GROUP, 1, 32, pfs_on ? 1 : 0, &pfs) ||
			 (pfs_on && !pfs))
	{
		*error = "pfs_group must be a DH group number";
	}
	else if (!get_flag(ns, name, L2TPSEC_PROFILE_KEEP_SA, FALSE, &this->keep_sa))
	{
		*error = "keep_sa must be yes or no";
	}
	else if (!get_flag(ns, name, L2TPSEC_PROFILE_REKEY, TRUE, &this->rekey))
	{
		*error = "rekey must be yes or no";
	}
	else if (!get_number(ns, name, L2TPSEC_PROFILE_SEQUENCE, 1, 65535, 10, &sequence))
	{
		*error = "sequence must be a number from 1 to 65535";
	}
	else
	{
		this->sequence = sequence;
		this->transport = streq(mode, "transport");
		this->lifetime = lifetime;
		this->lifetime_kb = lifetime_kb;
		this->pfs_group = pfs_on ? pfs : 0;
		return &this->public;
	}
	destroy(this);
	return NULL;
}
