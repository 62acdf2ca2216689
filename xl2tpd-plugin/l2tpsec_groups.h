/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * Which [lns] section (IOS vpdn-group accept-dialin) serves an SCCRQ: the one whose crypto
 * profile is the one the peer's IPsec SA was cloned from (none for a peer without IPsec) and
 * whose "l2tpsec terminate from" host name is the SCCRQ's Host Name; a section that names none
 * is the default group of its kind. Knows nothing of xl2tpd, so it is unit-tested and fuzzed.
 */
#ifndef L2TPSEC_GROUPS_H
#define L2TPSEC_GROUPS_H

#include <stddef.h>
#include <stdint.h>

/* how a section fits an SCCRQ; the best fit wins, the first section among equals */
enum l2tpsec_group_fit {
	L2TPSEC_FIT_NONE,	/* it must not serve this SCCRQ */
	L2TPSEC_FIT_DEFAULT,	/* it serves any host name (no terminate from) */
	L2TPSEC_FIT_NAMED,	/* its terminate from is the SCCRQ's Host Name */
};

/*
 * How a section requiring section_profile (NULL: no IPsec) and terminating terminate_from
 * (NULL: any host) fits an SCCRQ that came under an SA of sa_profile (NULL: no SA) and named
 * host_name (NULL: none, or hidden). Host names compare exactly, as IOS compares them.
 */
enum l2tpsec_group_fit l2tpsec_group_fit(const char *section_profile, const char *terminate_from,
					 const char *sa_profile, const char *host_name);

/*
 * The Host Name of an SCCRQ, from the AVPs after its 12-byte control header (avps, len: as
 * received, network byte order). Written to out (size bytes, cut to size - 1 and at a NUL; the
 * last one when there are several, whatever its vendor id: as xl2tpd keeps it). 1: found; 0: an SCCRQ without a
 * readable Host Name (absent, empty or hidden); -1: not an SCCRQ, or malformed.
 */
int l2tpsec_sccrq_host_name(const uint8_t *avps, size_t len, char *out, size_t size);

/* a peer-given name made safe to log: anything but printable ASCII becomes '?' */
const char *l2tpsec_printable(const char *in, char *out, size_t size);

#endif
