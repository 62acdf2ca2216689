/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_operator l2tp_security_operator
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_OPERATOR_H_
#define L2TP_SECURITY_OPERATOR_H_

#include "l2tp_security_reporter.h"

/**
 * Is this SHOW selector an operator command rather than a show: "clear crypto session
 * [remote ADDR]", "debug crypto socket on|off", "debugging [json]"?
 *
 * @param command	the selector
 * @return			TRUE for l2tp_security_operator_run()
 */
bool l2tp_security_operator_handles(const char *command);

/**
 * Run an operator command. "clear crypto session" deletes every IKE_SA (with "remote ADDR",
 * those with that peer) and with them their CHILD_SAs, as IOS does; the L2TP tunnels they
 * carried are closed by their daemons (CLOSED events). Walks charon's IKE_SAs: call from a job,
 * without locks held.
 *
 * @param reporter	holds the crypto socket debugging switch
 * @param command	the selector
 * @param error		receives why, when the command is refused
 * @return			allocated text for the operator, NULL on error
 */
char *l2tp_security_operator_run(l2tp_security_reporter_t *reporter, char *command,
								 const char **error);

#endif /** L2TP_SECURITY_OPERATOR_H_ @}*/
