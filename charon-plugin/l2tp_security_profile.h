/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_profile l2tp_security_profile
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_PROFILE_H_
#define L2TP_SECURITY_PROFILE_H_

#include <library.h>
#include <crypto/proposal/proposal.h>

/** IOS global SA lifetime defaults, used where a profile sets none */
#define L2TP_SECURITY_DEFAULT_LIFETIME 3600
#define L2TP_SECURITY_DEFAULT_LIFETIME_KB 4608000

typedef struct l2tp_security_profile_t l2tp_security_profile_t;

/**
 * One IOS crypto profile (crypto map NAME SEQ ipsec-isakmp profile P): the template cloned per
 * L2TP tunnel. Read from charon.plugins.l2tp-security.profiles.<name>.
 */
struct l2tp_security_profile_t {

	/**
	 * Profile name (IOS "profile P").
	 *
	 * @return			name
	 */
	char* (*get_name)(l2tp_security_profile_t *this);

	/**
	 * The swanctl connection whose IKE settings and credentials clones borrow.
	 *
	 * @return			connection name
	 */
	char* (*get_connection)(l2tp_security_profile_t *this);

	/**
	 * Enumerate the ESP proposals, in transform-set order.
	 *
	 * @return			enumerator over proposal_t*
	 */
	enumerator_t* (*create_proposal_enumerator)(l2tp_security_profile_t *this);

	/**
	 * Whether clones use transport mode (IOS "mode transport").
	 *
	 * @return			TRUE for transport mode
	 */
	bool (*is_transport)(l2tp_security_profile_t *this);

	/**
	 * SA lifetime.
	 *
	 * @param kilobytes	receives the lifetime in kilobytes
	 * @return			lifetime in seconds
	 */
	uint32_t (*get_lifetime)(l2tp_security_profile_t *this, uint64_t *kilobytes);

	/**
	 * PFS DH group.
	 *
	 * @return			DH group, 0 for no PFS
	 */
	uint16_t (*get_pfs_group)(l2tp_security_profile_t *this);

	/**
	 * One of the profile's proposals as its CHILD_SAs offer it: with the PFS group.
	 *
	 * @param proposal		a proposal of create_proposal_enumerator()
	 * @return				new proposal, owned by the caller
	 */
	proposal_t* (*create_child_proposal)(l2tp_security_profile_t *this, proposal_t *proposal);

	/**
	 * Whether a CHILD_SA negotiated with this proposal meets the profile, as IOS holds a
	 * responder to its crypto map: the algorithms of one of the profile's proposals and, when
	 * the profile sets PFS and the exchange could carry a key exchange, its DH group. A peer's
	 * PFS where the profile sets none is accepted (stronger, not weaker).
	 *
	 * @param negotiated	the CHILD_SA's selected proposal
	 * @param with_ke		whether the exchange could carry a key exchange (not an IKEv2
	 *						CHILD_SA created with IKE_AUTH)
	 * @return				TRUE if acceptable
	 */
	bool (*accepts)(l2tp_security_profile_t *this, proposal_t *negotiated, bool with_ke);

	/**
	 * Whether clones are rekeyed at 90% of the lifetime (the default; IOS always rekeys) or
	 * left to expire, ending their tunnels (for peers that mishandle rekeys, and for tests).
	 *
	 * @return			TRUE to rekey
	 */
	bool (*rekeys)(l2tp_security_profile_t *this);

	/**
	 * Whether the IKE SA outlives the L2TP tunnel (IOS keep-sa).
	 *
	 * @return			TRUE for keep-sa
	 */
	bool (*keep_sa)(l2tp_security_profile_t *this);

	/**
	 * IOS crypto map this profile came from (show crypto map).
	 *
	 * @param sequence	receives the template's sequence number
	 * @return			crypto map name (the profile name if none is set)
	 */
	char* (*get_crypto_map)(l2tp_security_profile_t *this, uint32_t *sequence);

	/**
	 * IOS transform set names, comma-separated (the ESP proposals if none are set).
	 *
	 * @return			transform set names
	 */
	char* (*get_transform_sets)(l2tp_security_profile_t *this);

	/**
	 * Get a reference: a reload replaces profiles while clones still use them.
	 *
	 * @return			this profile
	 */
	l2tp_security_profile_t* (*get_ref)(l2tp_security_profile_t *this);

	/**
	 * Release a reference; the last one destroys the profile.
	 */
	void (*destroy)(l2tp_security_profile_t *this);
};

/**
 * Every key of charon.plugins.l2tp-security.profiles.NAME the reader reads, NULL-terminated
 * (names from l2tpsec_names.h; the translator writes no others, see test_config_contract).
 */
extern const char *const l2tp_security_profile_keys[];

/**
 * Read one profile from the settings. A profile with any invalid value is refused whole.
 *
 * @param ns		settings namespace (lib->ns)
 * @param name		profile name (the section name)
 * @param error		receives a static description of the first problem when refused
 * @return			profile, NULL if refused
 */
l2tp_security_profile_t *l2tp_security_profile_create(const char *ns, const char *name,
													  const char **error);

#endif /** L2TP_SECURITY_PROFILE_H_ @}*/
