/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The pppd plugin API differs between ppp 2.4.9 (Debian 12) and 2.5: headers, the version string,
 * bool, notifiers. Everything version-specific lives here so the plugin itself stays one source.
 */
#ifndef L2TPSEC_PPPD_COMPAT_H
#define L2TPSEC_PPPD_COMPAT_H

#if defined(HAVE_PPPD_PPPDCONF_H)		/* ppp 2.5 and later */
#include <stdbool.h>
#include <pppd/pppdconf.h>
#include <pppd/pppd.h>
#include <pppd/options.h>
#include <pppd/fsm.h>
#include <pppd/lcp.h>
#include <pppd/upap.h>
#include <pppd/chap.h>
#define L2TPSEC_PPPD_VERSION PPPD_VERSION
/* 2.5 keeps notifier lists private and hands them out by enum */
#define l2tpsec_add_phase_notifier(fn) ppp_add_notify(NF_PHASE_CHANGE, (fn), NULL)
#define ppp_set_exit_status(s) ppp_set_status(s)
#else									/* ppp 2.4.x: pppd.h typedefs bool itself */
#include <pppd/pppd.h>
#include <pppd/patchlevel.h>
#include <pppd/fsm.h>
#include <pppd/lcp.h>
#include <pppd/upap.h>
#include <pppd/chap-new.h>
#define L2TPSEC_PPPD_VERSION VERSION
#define l2tpsec_add_phase_notifier(fn) add_notifier(&phasechange, (fn), NULL)
#define ppp_set_exit_status(s) (status = (s))
#define ppp_timeout(fn, arg, s, us) timeout((fn), (arg), (s), (us))
#endif

#endif
