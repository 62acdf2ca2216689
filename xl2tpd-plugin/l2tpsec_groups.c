/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <string.h>

#include "l2tpsec_groups.h"

#define AVP_HEADER 6
#define AVP_MANDATORY 0x8000
#define AVP_HIDDEN 0x4000
#define AVP_RESERVED 0x3c00
#define AVP_LENGTH 0x03ff
#define AVP_MESSAGE_TYPE 0
#define AVP_HOST_NAME 7
#define MSG_SCCRQ 1

enum l2tpsec_group_fit l2tpsec_group_fit(const char *section_profile, const char *terminate_from,
					 const char *sa_profile, const char *host_name)
{
	/* an SA serves only groups of its own profile; plaintext only groups without IPsec */
	if (sa_profile ? !section_profile || strcmp(section_profile, sa_profile) : !!section_profile)
		return L2TPSEC_FIT_NONE;
	if (!terminate_from)
		return L2TPSEC_FIT_DEFAULT;
	return host_name && !strcmp(terminate_from, host_name) ? L2TPSEC_FIT_NAMED :
		L2TPSEC_FIT_NONE;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

int l2tpsec_sccrq_host_name(const uint8_t *avps, size_t len, char *out, size_t size)
{
	size_t at = 0, n;
	int first = 1;

	if (!size)
		return -1;
	out[0] = '\0';
	while (len - at >= AVP_HEADER) {
		const uint8_t *avp = avps + at;
		uint16_t flags = get16(avp), vendor = get16(avp + 2), type = get16(avp + 4);
		size_t avp_len = flags & AVP_LENGTH;

		if (avp_len < AVP_HEADER || avp_len > len - at)
			return -1;
		if (first) {
			/* RFC 2661 4.4: the Message Type comes first, never hidden */
			if (vendor || type != AVP_MESSAGE_TYPE || avp_len != AVP_HEADER + 2 ||
			    (flags & (AVP_HIDDEN | AVP_RESERVED)) ||
			    get16(avp + AVP_HEADER) != MSG_SCCRQ)
				return -1;
			first = 0;
		} else if (vendor && (flags & AVP_MANDATORY)) {
			return -1;	/* xl2tpd refuses the message (patch 0014) */
		} else if (!vendor && type == AVP_HOST_NAME && !(flags & AVP_RESERVED)) {
			/* as xl2tpd reads it: the last one kept, an AVP with reserved bits skipped,
			 * another vendor's attribute 7 not a Host Name; a hidden one we cannot read */
			n = flags & AVP_HIDDEN ? 0 : avp_len - AVP_HEADER;
			if (n > size - 1)
				n = size - 1;
			memcpy(out, avp + AVP_HEADER, n);
			out[n] = '\0';
		}
		at += avp_len;
	}
	if (first || at != len)
		return -1;
	return out[0] ? 1 : 0;
}

const char *l2tpsec_printable(const char *in, char *out, size_t size)
{
	size_t i;

	if (!size)
		return "";
	for (i = 0; in && in[i] && i < size - 1; i++)
		out[i] = in[i] >= 0x20 && in[i] < 0x7f ? in[i] : '?';
	out[i] = '\0';
	return out;
}
