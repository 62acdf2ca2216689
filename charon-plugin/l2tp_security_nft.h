/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_nft l2tp_security_nft
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_NFT_H_
#define L2TP_SECURITY_NFT_H_

#include <library.h>

typedef struct l2tp_security_nft_t l2tp_security_nft_t;

/**
 * Runs nftables commands in charon's network namespace, in process (libnftables): each call is
 * one transaction, applied whole or not at all.
 */
struct l2tp_security_nft_t {

	/**
	 * Run commands (nft syntax, one or more lines) as one transaction.
	 *
	 * @param commands	what to run
	 * @return			TRUE if applied; FALSE if refused (nft's error is logged)
	 */
	bool (*run)(l2tp_security_nft_t *this, char *commands);

	/**
	 * Destroy the object (what it installed stays).
	 */
	void (*destroy)(l2tp_security_nft_t *this);
};

/**
 * Create an nftables runner.
 *
 * @return			runner, NULL if libnftables cannot be used (logged)
 */
l2tp_security_nft_t *l2tp_security_nft_create();

#endif /** L2TP_SECURITY_NFT_H_ @}*/
