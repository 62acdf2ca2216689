/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

#include "l2tp_security_facts.h"

#include "cs_build.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

/** ESP header (SPI, sequence number) and trailer (pad length, next header) */
#define ESP_FIXED (8 + 2)

/** UDP header added by NAT traversal */
#define UDP_ENCAP 8

/**
 * IV and block size of an encryption algorithm, and the ICV of AEADs
 */
static void cipher_sizes(uint16_t alg, u_int *iv, u_int *block, u_int *icv)
{
	*icv = 0;
	switch (alg)
	{
		case ENCR_DES:
		case ENCR_3DES:
		case ENCR_BLOWFISH:
		case ENCR_CAST:
			*iv = *block = 8;
			return;
		case ENCR_AES_CBC:
		case ENCR_CAMELLIA_CBC:
		case ENCR_SERPENT_CBC:
		case ENCR_TWOFISH_CBC:
			*iv = *block = 16;
			return;
		case ENCR_NULL:
			*iv = 0;
			*block = 4;
			return;
		case ENCR_AES_CCM_ICV8:
		case ENCR_AES_GCM_ICV8:
		case ENCR_CAMELLIA_CCM_ICV8:
			*icv = 8;
			break;
		case ENCR_AES_CCM_ICV12:
		case ENCR_AES_GCM_ICV12:
		case ENCR_CAMELLIA_CCM_ICV12:
			*icv = 12;
			break;
		case ENCR_AES_CTR:
		case ENCR_CAMELLIA_CTR:
			break;
		default:	/* GCM/CCM ICV16, GMAC, ChaCha20-Poly1305; unknown: the largest */
			*icv = 16;
			break;
	}
	*iv = 8;
	*block = 4;
}

/**
 * ICV size of an integrity algorithm
 */
static u_int integrity_icv(uint16_t alg)
{
	switch (alg)
	{
		case AUTH_UNDEFINED:
			return 0;
		case AUTH_HMAC_MD5_96:
		case AUTH_HMAC_SHA1_96:
		case AUTH_AES_XCBC_96:
		case AUTH_AES_CMAC_96:
		case AUTH_HMAC_SHA2_256_96:
		case AUTH_CAMELLIA_XCBC_96:
			return 12;
		case AUTH_HMAC_SHA1_160:
			return 20;
		case AUTH_HMAC_SHA2_384_192:
			return 24;
		case AUTH_HMAC_SHA2_512_256:
		case AUTH_HMAC_SHA2_256_256:
			return 32;
		case AUTH_HMAC_SHA2_384_384:
			return 48;
		case AUTH_HMAC_SHA2_512_512:
			return 64;
		default:
			return 16;
	}
}

/*
 * Described in header
 */
void l2tp_security_facts_read(child_sa_t *child_sa, l2tp_security_facts_t *facts)
{
	proposal_t *proposal;
	uint16_t enc = ENCR_UNDEFINED, integ = AUTH_UNDEFINED, enc_size = 0;
	u_int iv, block, icv;

	memset(facts, 0, sizeof(*facts));
	facts->spi_in = ntohl(child_sa->get_spi(child_sa, TRUE));
	facts->spi_out = ntohl(child_sa->get_spi(child_sa, FALSE));
	facts->reqid = child_sa->get_reqid(child_sa);
	proposal = child_sa->get_proposal(child_sa);
	if (proposal)
	{
		proposal->get_algorithm(proposal, ENCRYPTION_ALGORITHM, &enc, &enc_size);
		proposal->get_algorithm(proposal, INTEGRITY_ALGORITHM, &integ, NULL);
	}
	if (enc_size)
	{
		snprintf(facts->enc, sizeof(facts->enc), "%N-%u", encryption_algorithm_names, enc,
				 enc_size);
	}
	else
	{
		snprintf(facts->enc, sizeof(facts->enc), "%N", encryption_algorithm_names, enc);
	}
	if (integ != AUTH_UNDEFINED)
	{
		snprintf(facts->integ, sizeof(facts->integ), "%N", integrity_algorithm_names,
				 integ);
	}
	cipher_sizes(enc, &iv, &block, &icv);
	/* worst case: the payload plus trailer needs block - 1 bytes of padding */
	facts->overhead = ESP_FIXED + iv + block - 1 + icv + integrity_icv(integ) +
					  (child_sa->has_encap(child_sa) ? UDP_ENCAP : 0);
}

/*
 * Described in header
 */
void l2tp_security_facts_to_msg(l2tp_security_facts_t *facts, struct cs_msg *msg)
{
	cs_build_facts(msg, facts->spi_in, facts->spi_out, facts->enc, facts->integ,
				   facts->overhead, facts->reqid);
}

/**
 * IOS names for the common algorithms, strongSwan's for the rest
 */
static void ios_cipher(uint16_t enc, uint16_t size, char *buf, size_t len)
{
	switch (enc)
	{
		case ENCR_DES:
			snprintf(buf, len, "DES_56_CB");
			return;
		case ENCR_3DES:
			snprintf(buf, len, "3DES_168_CB");
			return;
		case ENCR_AES_CBC:
			snprintf(buf, len, "AES_%u_CB", size);
			return;
		case ENCR_NULL:
			snprintf(buf, len, "NULL");
			return;
		default:
			snprintf(buf, len, "%N_%u", encryption_algorithm_names, enc, size);
			return;
	}
}

/*
 * Described in header
 */
void l2tp_security_facts_ios_algorithm(proposal_t *proposal, char *buf, size_t len)
{
	uint16_t enc = ENCR_UNDEFINED, integ = AUTH_UNDEFINED, size = 0;
	char cipher[64];
	const char *mac;

	if (proposal)
	{
		proposal->get_algorithm(proposal, ENCRYPTION_ALGORITHM, &enc, &size);
		proposal->get_algorithm(proposal, INTEGRITY_ALGORITHM, &integ, NULL);
	}
	ios_cipher(enc, size, cipher, sizeof(cipher));
	switch (integ)
	{
		case AUTH_UNDEFINED:
			snprintf(buf, len, "%s", cipher);
			return;
		case AUTH_HMAC_MD5_96:
			mac = "HMAC_MD5";
			break;
		case AUTH_HMAC_SHA1_96:
			mac = "HMAC_SHA";
			break;
		case AUTH_HMAC_SHA2_256_128:
			mac = "HMAC_SHA256";
			break;
		case AUTH_HMAC_SHA2_384_192:
			mac = "HMAC_SHA384";
			break;
		case AUTH_HMAC_SHA2_512_256:
			mac = "HMAC_SHA512";
			break;
		default:
			snprintf(buf, len, "%N+%s", integrity_algorithm_names, integ, cipher);
			return;
	}
	snprintf(buf, len, "%s+%s", mac, cipher);
}
