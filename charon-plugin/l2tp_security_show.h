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

#include "l2tp_security_config.h"

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

#endif /** L2TP_SECURITY_SHOW_H_ @}*/
