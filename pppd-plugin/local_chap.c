/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <string.h>

#include "local_chap.h"

int local_chap_verify(char *name, char *ourname, int id, struct chap_digest_type *digest,
		      unsigned char *challenge, unsigned char *response, char *message, int space)
{
	unsigned char secret[MAXSECRETLEN];
	int secret_len, ok;

	if (!get_secret(0, name, ourname, (char *)secret, &secret_len, 1))
		return -1;
	ok = digest->verify_response(id, name, secret, secret_len, challenge, response, message,
				     space);
	memset(secret, 0, sizeof(secret));
	return ok;
}
