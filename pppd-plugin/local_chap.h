/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * A CHAP response checked against pppd's own secrets (chap-secrets through get_secret) with the
 * digest's verifier, as pppd itself would when no plugin verifies: the LNS's proxied CHAP, the
 * LAC's local users, the RADIUS fallback.
 */
#ifndef L2TPSEC_LOCAL_CHAP_H
#define L2TPSEC_LOCAL_CHAP_H

#include "pppd_compat.h"

/* 1 accepted, 0 refused, -1 no secret for name (the caller says so) */
int local_chap_verify(char *name, char *ourname, int id, struct chap_digest_type *digest,
		      unsigned char *challenge, unsigned char *response, char *message, int space);

#endif
