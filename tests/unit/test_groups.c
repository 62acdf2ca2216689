/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Which [lns] section serves an SCCRQ (l2tpsec_groups.c): the fit of a section by IPsec profile
 * and terminate-from host name, and the SCCRQ Host Name reader, over well-formed, hidden,
 * truncated and lying AVPs.
 */
#include <string.h>

#include "check.h"
#include "l2tpsec_groups.h"

/* an AVP: flags (M, H) and length, vendor 0, type, value */
static size_t avp(uint8_t *p, int hidden, uint16_t type, const void *value, size_t n)
{
	size_t len = 6 + n;

	p[0] = (uint8_t)(0x80 | (hidden ? 0x40 : 0) | (len >> 8 & 0x03));
	p[1] = (uint8_t)len;
	p[2] = p[3] = 0;
	p[4] = (uint8_t)(type >> 8);
	p[5] = (uint8_t)type;
	memcpy(p + 6, value, n);
	return len;
}

static size_t message_type(uint8_t *p, uint16_t type)
{
	uint8_t v[2] = { (uint8_t)(type >> 8), (uint8_t)type };

	return avp(p, 0, 0, v, 2);
}

static void fits(void)
{
	/* plaintext reaches only groups without IPsec: by host name, else the default */
	CHECK(l2tpsec_group_fit(NULL, "LEGACY", NULL, "LEGACY") == L2TPSEC_FIT_NAMED);
	CHECK(l2tpsec_group_fit(NULL, "LEGACY", NULL, "W2K-CLIENT") == L2TPSEC_FIT_NONE);
	CHECK(l2tpsec_group_fit(NULL, "LEGACY", NULL, NULL) == L2TPSEC_FIT_NONE);
	CHECK(l2tpsec_group_fit(NULL, NULL, NULL, "anything") == L2TPSEC_FIT_DEFAULT);
	CHECK(l2tpsec_group_fit("l2tp", NULL, NULL, "W2K-CLIENT") == L2TPSEC_FIT_NONE);
	CHECK(l2tpsec_group_fit("l2tp", "W2K-CLIENT", NULL, "W2K-CLIENT") == L2TPSEC_FIT_NONE);
	/* an SA reaches only groups of its own profile, never one without IPsec */
	CHECK(l2tpsec_group_fit("l2tp", NULL, "l2tp", "W2K-CLIENT") == L2TPSEC_FIT_DEFAULT);
	CHECK(l2tpsec_group_fit("l2tp", "W2K-CLIENT", "l2tp", "W2K-CLIENT") == L2TPSEC_FIT_NAMED);
	CHECK(l2tpsec_group_fit("l2tp", "LAC-A", "l2tp", "LAC-B") == L2TPSEC_FIT_NONE);
	CHECK(l2tpsec_group_fit("strong", NULL, "weak", "W2K-CLIENT") == L2TPSEC_FIT_NONE);
	CHECK(l2tpsec_group_fit(NULL, NULL, "l2tp", "W2K-CLIENT") == L2TPSEC_FIT_NONE);
	CHECK(l2tpsec_group_fit(NULL, "LEGACY", "l2tp", "LEGACY") == L2TPSEC_FIT_NONE);
	/* host names compare exactly, as IOS compares them */
	CHECK(l2tpsec_group_fit(NULL, "LEGACY", NULL, "legacy") == L2TPSEC_FIT_NONE);
	CHECK(l2tpsec_group_fit(NULL, "LEGACY", NULL, "LEGACY2") == L2TPSEC_FIT_NONE);
	/* the best fit is named, then default */
	CHECK(L2TPSEC_FIT_NAMED > L2TPSEC_FIT_DEFAULT && L2TPSEC_FIT_DEFAULT > L2TPSEC_FIT_NONE);
}

static void host_names(void)
{
	uint8_t pkt[1200], ver[2] = { 1, 0 };
	char name[120];
	size_t n;

	/* Message Type SCCRQ, Protocol Version, Host Name */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 2, ver, 2);
	n += avp(pkt + n, 0, 7, "LEGACY-LAC", 10);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 1 && !strcmp(name, "LEGACY-LAC"));
	/* the same, cut to the buffer as xl2tpd cuts it */
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, 7) == 1 && !strcmp(name, "LEGACY"));
	/* without a Host Name: an SCCRQ with no name */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 2, ver, 2);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 0 && !name[0]);
	/* a hidden Host Name cannot be read without the secret: no name */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 1, 7, "LEGACY-LAC", 10);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 0);
	/* an empty one, or one starting with a NUL: no name */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 7, "", 0);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 0);
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 7, "\0LEGACY", 7);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 0);
	/* an embedded NUL ends it, as in xl2tpd's copy */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 7, "LAC\0B", 5);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 1 && !strcmp(name, "LAC"));
	/* not an SCCRQ (an SCCCN), or the Message Type not first: not an SCCRQ */
	n = message_type(pkt, 3);
	n += avp(pkt + n, 0, 7, "LEGACY-LAC", 10);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == -1);
	n = avp(pkt, 0, 7, "LEGACY-LAC", 10);
	n += message_type(pkt + n, 1);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == -1);
	/* a length that runs past the packet, one below the header, trailing bytes: malformed */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 7, "LEGACY-LAC", 10);
	CHECK(l2tpsec_sccrq_host_name(pkt, n - 1, name, sizeof(name)) == -1);
	pkt[8] = 0x80;
	pkt[9] = 5;
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == -1);
	n = message_type(pkt, 1);
	CHECK(l2tpsec_sccrq_host_name(pkt, n + 3, name, sizeof(name)) == -1);
	/* the guard reads what xl2tpd will: it skips an AVP with reserved bits set; another
	 * vendor's attribute 7 is no Host Name (patch 0014), skipped without the M bit, the
	 * message refused with it; a vendor AVP cannot stand in for the Message Type */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 7, "LEGACY-LAC", 10);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 1);
	pkt[8] |= 0x10;
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 0);
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 7, "W2K", 3);
	n += avp(pkt + n, 0, 7, "VENDOR-311", 10);
	pkt[8 + 9 + 2] = 0x01;
	pkt[8 + 9 + 3] = 0x37;
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == -1);
	pkt[8 + 9] &= 0x7f;
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 1 && !strcmp(name, "W2K"));
	n = message_type(pkt, 1);
	pkt[3] = 0x37;
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == -1);
	/* two: the last one counts, as in xl2tpd; a hidden last one leaves no name */
	n = message_type(pkt, 1);
	n += avp(pkt + n, 0, 7, "LEGACY", 6);
	n += avp(pkt + n, 0, 7, "W2K", 3);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 1 && !strcmp(name, "W2K"));
	n += avp(pkt + n, 1, 7, "LEGACY", 6);
	CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 0);
	/* nothing at all */
	CHECK(l2tpsec_sccrq_host_name(pkt, 0, name, sizeof(name)) == -1);
	/* the longest AVP (1023 bytes) into xl2tpd's 120 */
	{
		char longname[1017];

		memset(longname, 'a', sizeof(longname));
		n = message_type(pkt, 1);
		n += avp(pkt + n, 0, 7, longname, sizeof(longname));
		CHECK(l2tpsec_sccrq_host_name(pkt, n, name, sizeof(name)) == 1 &&
		      strlen(name) == 119);
	}
}

static void printable(void)
{
	char out[16];

	CHECK(!strcmp(l2tpsec_printable("LAC\n\x1b[31m", out, sizeof(out)), "LAC??[31m"));
	CHECK(!strcmp(l2tpsec_printable("a-very-long-host-name", out, 6), "a-ver"));
	CHECK(!strcmp(l2tpsec_printable(NULL, out, sizeof(out)), ""));
	CHECK(!strcmp(l2tpsec_printable("\xc3\xa9t\xc3\xa9", out, sizeof(out)), "??t??"));
}

int main(void)
{
	fits();
	host_names();
	printable();
	return check_done("test_groups");
}
