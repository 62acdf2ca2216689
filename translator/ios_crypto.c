/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include "ios_crypto.h"

#include <stddef.h>
#include <string.h>

static const struct ios_transform transforms[] = {
	{ "ah-md5-hmac", XF_AH, "md5", false, false, "MD5" },
	{ "ah-sha-hmac", XF_AH, "sha1", false, false, NULL },
	{ "ah-sha256-hmac", XF_AH, "sha256", false, false, NULL },
	{ "ah-sha384-hmac", XF_AH, "sha384", false, false, NULL },
	{ "ah-sha512-hmac", XF_AH, "sha512", false, false, NULL },
	{ "comp-lzs", XF_COMP, NULL, false, false, NULL },
	{ "esp-3des", XF_ESP_ENC, "3des", false, false, "3DES (64-bit block)" },
	{ "esp-aes", XF_ESP_ENC, "aes128", true, false, NULL },
	{ "esp-des", XF_ESP_ENC, "des", false, false, "single DES (56-bit key)" },
	{ "esp-gcm", XF_ESP_ENC, "aes128gcm16", true, true, NULL },
	{ "esp-md5-hmac", XF_ESP_AUTH, "md5", false, false, "HMAC-MD5" },
	{ "esp-null", XF_ESP_ENC, "null", false, false, "no encryption (esp-null)" },
	{ "esp-sha-hmac", XF_ESP_AUTH, "sha1", false, false, NULL },
	{ "esp-sha256-hmac", XF_ESP_AUTH, "sha256", false, false, NULL },
	{ "esp-sha384-hmac", XF_ESP_AUTH, "sha384", false, false, NULL },
	{ "esp-sha512-hmac", XF_ESP_AUTH, "sha512", false, false, NULL },
};

const struct ios_transform *ios_transform(const char *ios)
{
	for (size_t i = 0; i < sizeof(transforms) / sizeof(transforms[0]); i++)
		if (!strcmp(transforms[i].ios, ios))
			return &transforms[i];
	return NULL;
}

const char *ios_cipher_keylen(const struct ios_transform *t, int keylen)
{
	if (!t->keylen)
		return keylen ? NULL : t->ss;
	if (t->aead) {
		switch (keylen) {
		case 0: case 128: return "aes128gcm16";
		case 192: return "aes192gcm16";
		case 256: return "aes256gcm16";
		}
		return NULL;
	}
	switch (keylen) {
	case 0: case 128: return "aes128";
	case 192: return "aes192";
	case 256: return "aes256";
	}
	return NULL;
}

const char *ios_dh_group(int group)
{
	switch (group) {
	case 1: return "modp768";
	case 2: return "modp1024";
	case 5: return "modp1536";
	case 14: return "modp2048";
	case 15: return "modp3072";
	case 16: return "modp4096";
	case 19: return "ecp256";
	case 20: return "ecp384";
	case 21: return "ecp521";
	case 24: return "modp2048s256";
	}
	return NULL;
}

bool ios_dh_weak(int group)
{
	return group == 1 || group == 2 || group == 5;
}

const char *modern_cipher(const char *ss)
{
	return !strcmp(ss, "des") || !strcmp(ss, "3des") || !strcmp(ss, "null") ? "aes256" : ss;
}

const char *modern_hash(const char *ss)
{
	return !strcmp(ss, "md5") ? "sha256" : ss;
}

int modern_dh(int group)
{
	return group == 1 || group == 5 ? 14 : group;
}

bool ios_dh_kept_by_modernize(int group)
{
	return group == 2;
}
