/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fake_pppd.h"
#include <pppd/ipcp.h>

struct fake_pppd fake;

#ifdef HAVE_PPPD_PPPDCONF_H
typedef const char fmt_t;	/* 2.5's log functions take const formats */
#else
typedef char fmt_t;
#endif

/* --- pppd's globals ------------------------------------------------------------------------- */
int devfd = -1;
int got_sigterm;
int (*pap_auth_hook)(char *, char *, char **, struct wordlist **, struct wordlist **);
int (*pap_check_hook)(void);
int (*chap_check_hook)(void);
void (*snoop_recv_hook)(unsigned char *, int);
void (*snoop_send_hook)(unsigned char *, int);
bool auth_required;
char our_name[MAXNAMELEN];
unsigned char outpacket_buf[1600];
lcp_options lcp_wantoptions[NUM_PPP], lcp_gotoptions[NUM_PPP], lcp_hisoptions[NUM_PPP],
	lcp_allowoptions[NUM_PPP];
fsm lcp_fsm[NUM_PPP];
upap_state upap[NUM_PPP];
int (*chap_verify_hook)(char *, char *, int, struct chap_digest_type *, unsigned char *,
			unsigned char *, char *, int);
ipcp_options ipcp_wantoptions[NUM_PPP];
void (*ip_choose_hook)(u_int32_t *);

static void lcp_up(fsm *f)
{
	(void)f;
	fake.up_calls++;
}

static fsm_callbacks lcp_callbacks = { .up = lcp_up };

/* pppd's own formats: %q is a quoted string, everything else is printf's */
static void record(char *to, size_t len, const char *fmt, va_list ap)
{
	char plain[512], *q;

	snprintf(plain, sizeof(plain), "%s", fmt);
	while ((q = strstr(plain, "%q")))
		q[1] = 's';
	vsnprintf(to, len, plain, ap);
}

#define RECORDER(name) \
void name(fmt_t *fmt, ...) \
{ \
	va_list ap; \
	va_start(ap, fmt); \
	record(fake.name, sizeof(fake.name), fmt, ap); \
	va_end(ap); \
}
RECORDER(info)
RECORDER(notice)
RECORDER(warn)
RECORDER(error)

void dbglog(fmt_t *fmt, ...)
{
	(void)fmt;
}

static void options_added(option_t *opt)
{
	for (int i = 0; i < 4; i++)
		if (!fake.options[i]) {
			fake.options[i] = opt;
			return;
		}
}

option_t *fake_option(const char *name)
{
	for (int i = 0; i < 4 && fake.options[i]; i++)
		for (option_t *o = fake.options[i]; o->name; o++)
			if (!strcmp(o->name, name))
				return o;
	return NULL;
}

void die(int why)
{
	fake.died = why + 1;
}

static void timer_added(void (*fn)(void *))
{
	fake.timer_fn = fn;
	fake.timers++;
}

#ifdef HAVE_PPPD_PPPDCONF_H
void ppp_add_options(option_t *opt)
{
	options_added(opt);
}

void ppp_option_error(char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(fake.option_error, sizeof(fake.option_error), fmt, ap);
	va_end(ap);
}

void ppp_add_notify(ppp_notify_t type, ppp_notify_fn *fn, void *ctx)
{
	(void)ctx;
	if (type == NF_PHASE_CHANGE)
		fake.phase_fn = fn;
}

void ppp_timeout(ppp_timer_cb fn, void *arg, int s, int us)
{
	(void)arg; (void)s; (void)us;
	timer_added(fn);
}

void ppp_set_status(ppp_exit_code_t code)
{
	fake.exit_status = code;
}

int fake_exit_status(void)
{
	return fake.exit_status;
}
#else
struct notifier *phasechange, *exitnotify;
volatile int status;

void add_options(option_t *opt)
{
	options_added(opt);
}

RECORDER(option_error)

void add_notifier(struct notifier **list, notify_func fn, void *arg)
{
	(void)list; (void)arg;
	fake.phase_fn = fn;
}

void timeout(void (*fn)(void *), void *arg, int s, int us)
{
	(void)arg; (void)s; (void)us;
	timer_added(fn);
}

int fake_exit_status(void)
{
	return status;
}
#endif

void lcp_close(int unit, char *reason)
{
	(void)unit;
	fake.closed++;
	snprintf(fake.close_reason, sizeof(fake.close_reason), "%s", reason);
}

void auth_peer_success(int unit, int protocol, int flavor, char *name, int namelen)
{
	(void)unit; (void)flavor;
	fake.peer_success++;
	fake.success_protocol = protocol;
	snprintf(fake.peer_name, sizeof(fake.peer_name), "%.*s", namelen, name);
}

void auth_peer_fail(int unit, int protocol)
{
	(void)unit; (void)protocol;
	fake.peer_fail++;
}

void output(int unit, unsigned char *p, int len)
{
	(void)unit;
	memcpy(fake.out, p, (size_t)len);
	fake.out_len = len;
	fake.outputs++;
}

int get_secret(int unit, char *client, char *server, char *secret, int *len, int am_server)
{
	(void)unit; (void)server; (void)am_server;
	if (!fake.secret_name || strcmp(client, fake.secret_name))
		return 0;
	strcpy(secret, fake.secret);
	*len = (int)strlen(fake.secret);
	return 1;
}

int check_passwd(int unit, char *user, int userlen, char *pass, int passlen, char **msg)
{
	int ok = fake.secret_name && !strcmp(user, fake.secret_name) && !strcmp(pass, fake.secret);

	(void)unit; (void)userlen; (void)passlen;
	*msg = ok ? "Login ok" : "Login incorrect";
	return ok ? UPAP_AUTHACK : UPAP_AUTHNAK;
}

/* a stand-in digest (no MD5 here): 16 octets, the secret zero-padded, the last one the ID */
static int verify(int id, char *name, unsigned char *secret, int secret_len,
		  unsigned char *challenge, unsigned char *response, char *message, int space)
{
	unsigned char want[16] = { 0 };
	int ok;

	memcpy(want, secret, (size_t)(secret_len < 15 ? secret_len : 15));
	want[15] = (unsigned char)id;
	ok = response[0] == 16 && !memcmp(response + 1, want, 16) && challenge[0] > 0;

	(void)name;
	snprintf(message, (size_t)space, ok ? "Access granted" : "Access denied");
	return ok;
}

static struct chap_digest_type md5 = { .code = CHAP_MD5, .verify_response = verify };

struct chap_digest_type *chap_find_digest(int code)
{
	return code == CHAP_MD5 ? &md5 : NULL;
}

void fake_pppd_reset(void)
{
	void (*phase_fn)(void *, int) = fake.phase_fn;
	option_t *options[4];

	memcpy(options, fake.options, sizeof(options));
	memset(&fake, 0, sizeof(fake));
	fake.phase_fn = phase_fn;
#ifndef HAVE_PPPD_PPPDCONF_H
	status = 0;
#endif
	memcpy(fake.options, options, sizeof(options));
	memset(lcp_wantoptions, 0, sizeof(lcp_wantoptions));
	memset(lcp_gotoptions, 0, sizeof(lcp_gotoptions));
	memset(lcp_hisoptions, 0, sizeof(lcp_hisoptions));
	memset(lcp_fsm, 0, sizeof(lcp_fsm));
	memset(upap, 0, sizeof(upap));
	lcp_fsm[0].callbacks = &lcp_callbacks;
	lcp_fsm[0].state = STARTING;
	lcp_wantoptions[0].neg_mru = 1;
	lcp_wantoptions[0].mru = 1500;
	lcp_wantoptions[0].neg_chap = 1;
	lcp_wantoptions[0].chap_mdtype = MDTYPE_MD5;
	lcp_wantoptions[0].neg_upap = 1;
	auth_required = 1;
	chap_verify_hook = NULL;
	strcpy(our_name, "lns");
}
