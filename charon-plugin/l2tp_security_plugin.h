/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */

/**
 * @defgroup l2tp_security l2tp_security
 * @ingroup cplugins
 *
 * @defgroup l2tp_security_plugin l2tp_security_plugin
 * @{ @ingroup l2tp_security
 */

#ifndef L2TP_SECURITY_PLUGIN_H_
#define L2TP_SECURITY_PLUGIN_H_

#include <plugins/plugin.h>

typedef struct l2tp_security_plugin_t l2tp_security_plugin_t;

/**
 * Cisco IOS "L2TP Security" for charon: crypto profiles cloned per L2TP tunnel.
 */
struct l2tp_security_plugin_t {

	/**
	 * Implements plugin interface.
	 */
	plugin_t plugin;
};

#endif /** L2TP_SECURITY_PLUGIN_H_ @}*/
