/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The pppd plugin on the LNS with a LAC's proxy data, against a recording pppd (fake_pppd.c):
 * the file is taken once and removed, the variable cleared, foreign or loose files refused;
 * adopting makes LCP silent, then writes the LAC's options into pppd's LCP state, opens the FSM
 * and runs LCP's "up"; proxy CHAP/PAP verified against the secrets with Success/Ack or
 * Failure/Nak sent to the client with the proxied ID; force-local-chap asks for CHAP; a refused
 * call closes LCP without a word to the client; on-mismatch leaves pppd to negotiate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "check.h"
#include "fake_pppd.h"
#include "l2tpsec_names.h"
#include "proxy_avp.h"

#define PROXY_FILE L2TPSEC_PROXY_DIR "/call-7-9"

void plugin_init(void);

static const uint8_t client_req[] = { 1, 4, 0x05, 0xd4, 5, 6, 1, 2, 3, 4, 7, 2, 8, 2 };
static const uint8_t lac_chap[] = { 1, 4, 0x05, 0x78, 3, 5, 0xc2, 0x23, 5, 5, 6, 9, 9, 9, 9 };
static const uint8_t lac_pap[] = { 3, 4, 0xc0, 0x23, 5, 6, 9, 9, 9, 9 };

static void set_lcp(struct proxy_info *p, unsigned attr, const uint8_t *v, size_t len)
{
	memcpy(p->lcp[attr - PROXY_FIRST], v, len);
	p->lcp_len[attr - PROXY_FIRST] = (uint16_t)len;
	p->present |= 1u << (attr - PROXY_FIRST);
}

/* proxy CHAP for the user; the fake digest accepts the secret, zero-padded, ending in the ID */
static void chap(struct proxy_info *p, const char *name, const char *response, uint8_t id)
{
	memset(p, 0, sizeof(*p));
	set_lcp(p, PROXY_LCP_INITIAL_RECEIVED, client_req, sizeof(client_req));
	set_lcp(p, PROXY_LCP_LAST_SENT, lac_chap, sizeof(lac_chap));
	set_lcp(p, PROXY_LCP_LAST_RECEIVED, client_req, sizeof(client_req));
	p->authen_type = PROXY_AUTH_CHAP;
	snprintf(p->authen_name, sizeof(p->authen_name), "%s", name);
	memcpy(p->challenge, "0123456789abcdef", 16);
	p->challenge_len = 16;
	p->authen_id = id;
	p->response_len = 16;
	memcpy(p->response, response, strlen(response));
	p->response[15] = id;
	p->present |= 0x1fu << (PROXY_AUTHEN_TYPE - PROXY_FIRST);
}

static void write_file(const struct proxy_info *p, mode_t mode)
{
	static char text[40000];
	int n = proxy_to_text(p, text, sizeof(text));
	FILE *f;

	mkdir(L2TPSEC_RUN_DIR, 0755);
	mkdir(L2TPSEC_PROXY_DIR, 0700);
	f = fopen(PROXY_FILE, "w");
	CHECK(n > 0 && f);
	if (!f)
		return;
	fwrite(text, 1, (size_t)n, f);
	fclose(f);
	chmod(PROXY_FILE, mode);
	setenv(L2TPSEC_PROXY_ENV, PROXY_FILE, 1);
}

static option_t *option(const char *name)
{
	return fake_option(name);
}

static void settings(const char *lcp, int force_local_chap, int no_proxy_auth)
{
	int (*set)(char **) = (int (*)(char **))option(L2TPSEC_PPPD_LCP)->addr;

	CHECK(set((char *[]){ (char *)lcp }) == 1);
	*(bool *)option(L2TPSEC_PPPD_FORCE_LOCAL_CHAP)->addr = (bool)force_local_chap;
	*(bool *)option(L2TPSEC_PPPD_NO_PROXY_AUTH)->addr = (bool)no_proxy_auth;
}

/* pppd reaches PHASE_ESTABLISH, LCP's lowerup runs (silent or not), then one loop turn */
static void establish(void)
{
	fake.phase_fn(NULL, PHASE_ESTABLISH);
	lcp_fsm[0].state = (lcp_fsm[0].flags & OPT_SILENT) ? STOPPED : REQSENT;
	if (fake.timers)
		fake.timer_fn(NULL);
}

static void no_proxy_data(void)
{
	fake_pppd_reset();
	unsetenv(L2TPSEC_PROXY_ENV);
	establish();
	CHECK_EQ_UL(fake.timers, 0);
	CHECK(!(lcp_fsm[0].flags & OPT_SILENT));
	CHECK_EQ_UL(fake.up_calls, 0);
	CHECK(fake.warn[0] == '\0');
}

static void chap_adopted_and_verified(void)
{
	struct proxy_info p;

	fake_pppd_reset();
	fake.secret_name = "userSerial10@cisco.com";
	fake.secret = "cisco";
	settings("off", 0, 0);
	chap(&p, "userSerial10@cisco.com", "cisco", 0x42);
	write_file(&p, 0600);
	establish();
	CHECK(access(PROXY_FILE, F_OK) != 0);		/* taken and removed */
	CHECK(getenv(L2TPSEC_PROXY_ENV) == NULL);	/* no script inherits it */
	CHECK(strstr(fake.info, "LCP adopted without a CONFREQ: MRU 1400, client MRU 1492") != NULL);
	CHECK_EQ_UL(fake.up_calls, 1);
	CHECK_EQ_UL(lcp_fsm[0].state, OPENED);
	CHECK(!(lcp_fsm[0].flags & OPT_SILENT));	/* as pppd's options had it */
	/* this end: what the client agreed to give the LAC; the client's own */
	CHECK(lcp_gotoptions[0].neg_mru && lcp_gotoptions[0].mru == 1400);
	CHECK(lcp_gotoptions[0].neg_magicnumber && lcp_gotoptions[0].magicnumber == 0x09090909);
	CHECK(!lcp_gotoptions[0].neg_pcompression && !lcp_gotoptions[0].neg_chap);
	CHECK(lcp_hisoptions[0].neg_mru && lcp_hisoptions[0].mru == 1492);
	CHECK(lcp_hisoptions[0].neg_magicnumber && lcp_hisoptions[0].magicnumber == 0x01020304);
	CHECK(lcp_hisoptions[0].neg_pcompression && lcp_hisoptions[0].neg_accompression);
	/* the client hears CHAP Success for its own ID, pppd moves on with the proxied name */
	CHECK_EQ_UL(fake.outputs, 1);
	CHECK(fake.out[2] == 0xc2 && fake.out[3] == 0x23 && fake.out[4] == CHAP_SUCCESS &&
	      fake.out[5] == 0x42);
	CHECK_EQ_UL(fake.out_len, 4 + 4 + strlen("Access granted"));
	CHECK_EQ_UL(fake.peer_success, 1);
	CHECK(!strcmp(fake.peer_name, "userSerial10@cisco.com"));
	CHECK_EQ_UL(upap[0].us_serverstate, UPAPSS_OPEN);
	CHECK(strstr(fake.notice, "proxy authentication of userSerial10@cisco.com succeeded"));
}

static void chap_wrong_credentials(void)
{
	struct proxy_info p;

	fake_pppd_reset();
	fake.secret_name = "userSerial10@cisco.com";
	fake.secret = "cisco";
	settings("on-mismatch", 0, 0);
	chap(&p, "userSerial10@cisco.com", "guess", 3);
	write_file(&p, 0600);
	establish();
	CHECK_EQ_UL(fake.up_calls, 1);
	CHECK(fake.out[4] == CHAP_FAILURE && fake.out[5] == 3);
	CHECK_EQ_UL(fake.peer_success, 0);
	CHECK_EQ_UL(fake.peer_fail, 1);
	CHECK(strstr(fake.warn, "failed (CHAP-MD5): call refused") != NULL);

	/* a name with no secret at all */
	fake_pppd_reset();
	settings("off", 0, 0);
	chap(&p, "mallory@cisco.com", "cisco", 3);
	write_file(&p, 0600);
	establish();
	CHECK_EQ_UL(fake.peer_fail, 1);
	CHECK(strstr(fake.error, "no CHAP secret for the proxied name mallory@cisco.com") != NULL);
}

static void pap_verified(void)
{
	struct proxy_info p;

	fake_pppd_reset();
	fake.secret_name = "bob";
	fake.secret = "hunter2";
	settings("off", 0, 0);
	chap(&p, "bob", "hunter2", 0x10);
	set_lcp(&p, PROXY_LCP_LAST_SENT, lac_pap, sizeof(lac_pap));
	p.authen_type = PROXY_AUTH_PAP;
	p.response_len = 7;	/* just the password */
	write_file(&p, 0600);
	establish();
	CHECK(fake.out[2] == 0xc0 && fake.out[3] == 0x23 && fake.out[4] == UPAP_AUTHACK &&
	      fake.out[5] == 0x10);
	CHECK(fake.out[8] == strlen("Login ok") && !memcmp(fake.out + 9, "Login ok", 8));
	CHECK_EQ_UL(fake.peer_success, 1);
}

static void local_chap_and_renegotiation(void)
{
	struct proxy_info p;

	/* force-local-chap: LCP adopted, CHAP (MD5, as adopted) asked by pppd itself */
	fake_pppd_reset();
	settings("off", 1, 0);
	chap(&p, "userSerial10@cisco.com", "anything", 1);
	write_file(&p, 0600);
	establish();
	CHECK_EQ_UL(fake.up_calls, 1);
	CHECK(lcp_gotoptions[0].neg_chap && lcp_gotoptions[0].chap_mdtype == MDTYPE_MD5);
	CHECK(!lcp_gotoptions[0].neg_upap);
	CHECK_EQ_UL(fake.outputs, 0);
	CHECK_EQ_UL(fake.peer_success + fake.peer_fail, 0);

	/* on-mismatch with an MRU this LNS does not take: pppd negotiates as usual */
	fake_pppd_reset();
	lcp_wantoptions[0].mru = 1300;
	settings("on-mismatch", 0, 0);
	chap(&p, "userSerial10@cisco.com", "cisco", 1);
	write_file(&p, 0600);
	establish();
	CHECK_EQ_UL(fake.timers, 0);
	CHECK_EQ_UL(fake.up_calls, 0);
	CHECK(strstr(fake.info, "proxy LCP from the LAC: negotiate (the LAC let the client send "
		      "1400-octet frames, this LNS takes 1300)") != NULL);
	CHECK(access(PROXY_FILE, F_OK) != 0);

	/* always: never adopted */
	fake_pppd_reset();
	settings("always", 0, 0);
	write_file(&p, 0600);
	establish();
	CHECK_EQ_UL(fake.timers + fake.up_calls, 0);

	/* the client sent a CONFREQ before the loop turned: pppd negotiates */
	fake_pppd_reset();
	settings("off", 0, 0);
	write_file(&p, 0600);
	fake.phase_fn(NULL, PHASE_ESTABLISH);
	lcp_fsm[0].state = REQSENT;
	fake.timer_fn(NULL);
	CHECK_EQ_UL(fake.up_calls, 0);
	CHECK(strstr(fake.notice, "restarted LCP itself") != NULL);
}

static void refused(void)
{
	struct proxy_info p;

	/* default mode, the client authenticated with nothing the LNS offers: refused, silently */
	fake_pppd_reset();
	lcp_wantoptions[0].neg_chap = 0;
	settings("off", 0, 0);
	chap(&p, "userSerial10@cisco.com", "cisco", 1);
	write_file(&p, 0600);
	establish();
	CHECK_EQ_UL(fake.closed, 1);
	CHECK_EQ_UL(fake_exit_status(), EXIT_NEGOTIATION_FAILED);
	CHECK_EQ_UL(fake.up_calls + fake.outputs, 0);
	CHECK(strstr(fake.error, "call refused: the client authenticated with CHAP-MD5, which this "
		     "LNS does not offer") != NULL);
}

static void files_refused(void)
{
	struct proxy_info p;

	/* readable by others: not ours, removed all the same, pppd negotiates */
	fake_pppd_reset();
	settings("off", 0, 0);
	chap(&p, "userSerial10@cisco.com", "cisco", 1);
	write_file(&p, 0644);
	establish();
	CHECK(access(PROXY_FILE, F_OK) != 0);
	CHECK(strstr(fake.warn, "proxy data unusable") != NULL);
	CHECK_EQ_UL(fake.timers, 0);

	/* a path outside xl2tpd's directory is never opened, let alone removed */
	fake_pppd_reset();
	write_file(&p, 0600);
	setenv(L2TPSEC_PROXY_ENV, L2TPSEC_PROXY_DIR "/../proxy/call-7-9", 1);
	establish();
	CHECK(access(PROXY_FILE, F_OK) == 0);
	CHECK(strstr(fake.warn, "not a file of xl2tpd's") != NULL);
	unlink(PROXY_FILE);

	/* garbage inside */
	fake_pppd_reset();
	mkdir(L2TPSEC_PROXY_DIR, 0700);
	{
		FILE *f = fopen(PROXY_FILE, "w");

		CHECK(f != NULL);
		if (f) {
			fputs("authen-type nonsense\n", f);
			fclose(f);
		}
	}
	chmod(PROXY_FILE, 0600);
	setenv(L2TPSEC_PROXY_ENV, PROXY_FILE, 1);
	establish();
	CHECK(strstr(fake.warn, "proxy data unusable") != NULL);
	CHECK(access(PROXY_FILE, F_OK) != 0);
}

int main(void)
{
	fake_pppd_reset();
	plugin_init();
	CHECK(fake.options[0] && fake.phase_fn);
	if (!fake.options[0] || !fake.phase_fn)
		return check_done("test_lns_proxy");
	no_proxy_data();
	chap_adopted_and_verified();
	chap_wrong_credentials();
	pap_verified();
	local_chap_and_renegotiation();
	refused();
	files_refused();
	return check_done("test_lns_proxy");
}
