/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_sas l2tp_security_sas
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_SAS_H_
#define L2TP_SECURITY_SAS_H_

#include <collections/array.h>
#include <networking/host.h>

#include <stdio.h>

/**
 * show crypto isakmp sa: one line per IKE_SA as IOS prints it (dst, src, state, conn-id,
 * status), src being the side that initiated. Walks charon's IKE_SAs: call from a job.
 *
 * @param out		where to print
 * @param json		JSON instead of the table
 */
void l2tp_security_sas_isakmp(FILE *out, bool json);

/**
 * show crypto ipsec sa [peer ADDR]: each CHILD_SA as IOS prints one (interface, crypto map tag,
 * local and remote idents, peer, packet counters, SPIs, transform, mode, remaining lifetime).
 * Walks charon's IKE_SAs: call from a job.
 *
 * @param out		where to print
 * @param clones	snapshot of the clones (l2tp_security_clone_info_t*), for the map tags
 * @param peer		only SAs with this peer, NULL for all
 * @param json		JSON instead of the blocks
 */
void l2tp_security_sas_ipsec(FILE *out, array_t *clones, host_t *peer, bool json);

/**
 * The interface an address is on, as show commands name it ("unknown" when none).
 *
 * @param host		local address
 * @param buf		receives the name
 * @param len		size of buf
 */
void l2tp_security_sas_interface(host_t *host, char *buf, size_t len);

#endif /** L2TP_SECURITY_SAS_H_ @}*/
