/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The pppd plugin API differs between ppp 2.4.9 (Debian 12) and 2.5: headers, the version string,
 * bool, notifiers. Everything version-specific lives here so the plugin itself stays one source.
 */
#ifndef L2TPSEC_PPPD_COMPAT_H
#define L2TPSEC_PPPD_COMPAT_H

#ifdef HAVE_CONFIG_H
#include "config.h"	/* HAVE_PPPD_PPPDCONF_H: which pppd configure found */
#endif

#if defined(HAVE_PPPD_PPPDCONF_H)		/* ppp 2.5 and later */
#include <stdbool.h>
#include <pppd/pppdconf.h>
#include <pppd/pppd.h>
#include <pppd/options.h>
#include <pppd/fsm.h>
#include <pppd/lcp.h>
#include <pppd/upap.h>
#include <pppd/chap.h>
#include <linux/ppp_defs.h>	/* PPP_PAP, PPP_CHAP, PPP_HDRLEN: 2.4's pppd.h brought them */
#define L2TPSEC_PPPD_VERSION PPPD_VERSION
/* 2.5 keeps notifier lists private and hands them out by enum */
#define l2tpsec_add_phase_notifier(fn) ppp_add_notify(NF_PHASE_CHANGE, (fn), NULL)
#define l2tpsec_add_exit_notifier(fn) ppp_add_notify(NF_EXIT, (fn), NULL)
#define ppp_set_exit_status(s) ppp_set_status(s)
#define add_options(o) ppp_add_options(o)
#define option_error ppp_option_error
/*
 * Exported by pppd 2.5 (it links with -Wl,-E) but declared only in pppd-private.h, which it does
 * not install: the LNS's proxy LCP and the LAC's hand-off need them (docs/proxy-lcp.md, risk).
 * A pppd that drops one fails to load the plugin (unresolved symbol), never silently.
 */
extern bool auth_required;
extern char our_name[MAXNAMELEN];
extern int devfd;
extern int got_sigterm;
extern unsigned char outpacket_buf[];
void output(int unit, unsigned char *p, int len);
int get_secret(int unit, char *client, char *server, char *secret, int *secret_len,
	       int am_server);
int check_passwd(int unit, char *user, int userlen, char *passwd, int passwdlen, char **msg);
void auth_peer_success(int unit, int protocol, int prot_flavor, char *name, int namelen);
void auth_peer_fail(int unit, int protocol);
void die(int status);
#else									/* ppp 2.4.x: pppd.h typedefs bool itself */
#include <pppd/pppd.h>
#include <pppd/patchlevel.h>
#include <pppd/fsm.h>
#include <pppd/lcp.h>
#include <pppd/upap.h>
#include <pppd/chap-new.h>
#define L2TPSEC_PPPD_VERSION VERSION
#define l2tpsec_add_phase_notifier(fn) add_notifier(&phasechange, (fn), NULL)
#define l2tpsec_add_exit_notifier(fn) add_notifier(&exitnotify, (fn), NULL)
#define ppp_set_exit_status(s) (status = (s))
#define ppp_timeout(fn, arg, s, us) timeout((fn), (arg), (s), (us))
#endif

#endif
