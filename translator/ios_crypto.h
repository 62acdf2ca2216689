/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * IOS crypto names → strongSwan proposal keywords, with what is weak (translated faithfully with
 * a warning: Windows 2000 needs DES/MD5/DH1-2) and what --modernize puts in its place.
 */
#ifndef L2TPSEC_IOS_CRYPTO_H
#define L2TPSEC_IOS_CRYPTO_H

#include <stdbool.h>

enum transform_kind { XF_ESP_ENC, XF_ESP_AUTH, XF_AH, XF_COMP };

struct ios_transform {
	const char *ios;	/* IOS transform name */
	enum transform_kind kind;
	const char *ss;		/* strongSwan keyword (for keyed ciphers: the 128-bit one) */
	bool keylen;		/* takes an optional key length word: 128, 192, 256 */
	bool aead;		/* combined mode: no separate ESP auth */
	const char *weak;	/* why it is weak, or NULL */
};

/* the transform named ios (exact name), or NULL */
const struct ios_transform *ios_transform(const char *ios);

/* strongSwan keyword for a keyed ESP cipher at keylen bits (0: default), or NULL if invalid */
const char *ios_cipher_keylen(const struct ios_transform *t, int keylen);

/* DH group → strongSwan keyword ("modp1024"), NULL for groups IOS does not have */
const char *ios_dh_group(int group);
/* true for the DH groups considered weak today (1, 2, 5) */
bool ios_dh_weak(int group);

/*
 * What --modernize puts in place of a weak algorithm, line by line (strongSwan keywords in, out):
 * DES, 3DES and null encryption become AES-256, MD5 SHA-256, DH groups 1 and 5 group 14. DH
 * group 2 (MODP1024) stays: the built-in Windows and Android clients propose nothing stronger
 * in some versions (ios_dh_kept_by_modernize says so). Anything not weak is returned as is.
 */
const char *modern_cipher(const char *ss);
const char *modern_hash(const char *ss);
int modern_dh(int group);
bool ios_dh_kept_by_modernize(int group);

#endif
