/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_show l2tp_security_show
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_SHOW_H_
#define L2TP_SECURITY_SHOW_H_

#include <library.h>
#include <collections/array.h>

#include "l2tp_security_clones.h"
#include "l2tp_security_config.h"

/**
 * A clone as listed by "show crypto map": a copy taken under the registry's lock
 */
typedef struct {
	/** Profile it was cloned from (reference) */
	l2tp_security_profile_t *profile;
	/** Crypto map sequence number of the clone */
	uint32_t seq;
	/** Client-visible id, and whether it came from a LISTEN */
	uint32_t id;
	bool passive;
	/** Whether its CHILD_SA is up */
	bool secured;
	/** L2TP endpoints (address and UDP port) */
	host_t *local;
	host_t *remote;
} l2tp_security_clone_info_t;

/**
 * Copy the live clones, in crypto map and sequence order.
 *
 * @param clones	the registry (locked here)
 * @return			array of l2tp_security_clone_info_t*, free with
 *					l2tp_security_show_snapshot_free()
 */
array_t *l2tp_security_show_snapshot(l2tp_security_clones_t *clones);

/**
 * Free a snapshot.
 *
 * @param snapshot	from l2tp_security_show_snapshot()
 */
void l2tp_security_show_snapshot_free(array_t *snapshot);

/**
 * Render an IOS-style show command for the l2tpsec command:
 *   "crypto map [tag NAME] [json]"  profiles as templates and their per-tunnel clones
 *   "crypto engine connections active [json]"  IKE and ESP SAs with kernel packet counters
 * Walks charon's IKE_SAs: call from a job, without locks held.
 *
 * @param config	plugin settings (the templates)
 * @param clones	snapshot of the clones (l2tp_security_clone_info_t*)
 * @param selector	what to show
 * @param error		receives why, when the selector is not understood
 * @return			allocated text, NULL on error
 */
char *l2tp_security_show_render(l2tp_security_config_t *config, array_t *clones,
								char *selector, const char **error);

/**
 * Answer a SHOW request: render it and hand the text over in SHOW_REPLY messages cut at line
 * breaks, or fail. Walks charon's IKE_SAs: call from a job, without locks held.
 *
 * @param config	plugin settings
 * @param clones	the registry
 * @param selector	what to show
 * @param send		called with each SHOW_REPLY in order
 * @param data		user data for send
 * @param error		receives why, when the selector is not understood
 * @return			FALSE on error
 */
bool l2tp_security_show_reply(l2tp_security_config_t *config, l2tp_security_clones_t *clones,
							  char *selector, void (*send)(void *data, struct cs_msg *msg),
							  void *data, const char **error);

/**
 * Hand text over in SHOW_REPLY messages cut at line breaks.
 *
 * @param text		what to send
 * @param send		called with each SHOW_REPLY in order
 * @param data		user data for send
 */
void l2tp_security_show_send_text(char *text, void (*send)(void *data, struct cs_msg *msg),
								  void *data);

/**
 * Log the settings: one summary line, then one line per profile as IOS "show crypto map"
 * describes a crypto map entry.
 *
 * @param config	plugin settings
 */
void l2tp_security_show_log_config(l2tp_security_config_t *config);

/**
 * Log a passive open the way IOS logs CRYPTO_SS.
 *
 * @param listen	the passive open
 */
void l2tp_security_show_log_listen(l2tp_security_listen_t *listen);

/**
 * Log a clone's SA coming up the way IOS logs CRYPTO_SS.
 *
 * @param clone		clone with its facts
 */
void l2tp_security_show_log_secured(l2tp_security_clone_t *clone);

/**
 * Log a clone's SA going (or failing) the way IOS logs CRYPTO_SS.
 *
 * @param clone		clone
 * @param reason	CS_REASON_*
 */
void l2tp_security_show_log_closed(l2tp_security_clone_t *clone, uint8_t reason);

#endif /** L2TP_SECURITY_SHOW_H_ @}*/
