/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security_compat l2tp_security_compat
 * @{ @ingroup l2tp_security
 *
 * The few interfaces that differ between the strongSwan releases the plugin is built for:
 * 5.9.8 (Debian 12) and 6.0.1 (Debian 13). configure sets L2TPSEC_STRONGSWAN_MAJOR from the
 * source tree it builds against.
 */

#ifndef L2TP_SECURITY_COMPAT_H_
#define L2TP_SECURITY_COMPAT_H_

#include <control/controller.h>

#ifndef L2TPSEC_STRONGSWAN_MAJOR
#error "configure sets L2TPSEC_STRONGSWAN_MAJOR"
#endif

#if L2TPSEC_STRONGSWAN_MAJOR >= 6
/* 6.0 added the most verbose log level a controller callback gets; there is no callback here */
#define L2TPSEC_INITIATE(peer, child) \
	charon->controller->initiate(charon->controller, peer, child, NULL, NULL, LEVEL_SILENT, 0, FALSE)
#define L2TPSEC_TERMINATE_IKE(id) \
	charon->controller->terminate_ike(charon->controller, id, FALSE, NULL, NULL, LEVEL_SILENT, 0)
#define L2TPSEC_TERMINATE_CHILD(id) \
	charon->controller->terminate_child(charon->controller, id, NULL, NULL, LEVEL_SILENT, 0)
#else
#define L2TPSEC_INITIATE(peer, child) \
	charon->controller->initiate(charon->controller, peer, child, NULL, NULL, 0, FALSE)
#define L2TPSEC_TERMINATE_IKE(id) \
	charon->controller->terminate_ike(charon->controller, id, FALSE, NULL, NULL, 0)
#define L2TPSEC_TERMINATE_CHILD(id) \
	charon->controller->terminate_child(charon->controller, id, NULL, NULL, 0)
#endif

#endif /** L2TP_SECURITY_COMPAT_H_ @}*/
