/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The slice of pppd (2.4.9 or 2.5) the l2tpsec plugin uses, as recorders: its globals (LCP
 * options and FSM, PAP state, auth_required, our_name), the functions it calls (logging, timeout,
 * output, get_secret, check_passwd, CHAP digests, auth_peer_success/fail, lcp_close) and what
 * each was last asked to do. Built with the pppd headers the plugin is built with (through its
 * compat header), so the layout and the names are that pppd's.
 */
#ifndef L2TPSEC_FAKE_PPPD_H
#define L2TPSEC_FAKE_PPPD_H

#include "pppd_compat.h"

struct fake_pppd {
	option_t *options[4];			/* what add_options() got, in order */
	void (*phase_fn)(void *, int);		/* the phase notifier added */
	void (*timer_fn)(void *);		/* the last timeout() */
	int timers;
	int up_calls;				/* LCP's "up" callback */
	int closed;				/* lcp_close() */
	char close_reason[128];
	u_char out[1600];			/* the last output() */
	int out_len, outputs;
	int peer_success, peer_fail;		/* auth_peer_success/fail() */
	int success_protocol;
	char peer_name[MAXNAMELEN];
	char info[512], notice[512], warn[512], error[512], option_error[512];
	const char *secret_name, *secret;	/* the one entry of chap-secrets/pap-secrets */
	int died;				/* die()'s status + 1 (it returns here) */
	int exit_status;			/* ppp_set_status() (2.5) */
};

extern struct fake_pppd fake;

/* everything back to a freshly started pppd (auth required, CHAP MD5 and PAP offered) */
void fake_pppd_reset(void);

/* pppd's exit status as the plugin set it */
int fake_exit_status(void);

/* the registered option of that name, or NULL */
option_t *fake_option(const char *name);

#endif
