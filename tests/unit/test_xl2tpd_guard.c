/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * The parts of the patched xl2tpd's guard that need no xl2tpd: the SA cache every received
 * packet is checked against, the once-per-peer-per-interval drop log, l2tpsec's timers and the
 * ip pmtu session MTU arithmetic.
 */
#include <string.h>

#include "check.h"
#include "../../common/cs_text.h"
#include "../../common/l2tpsec_names.h"
#include "../../xl2tpd-plugin/l2tpsec_sacache.h"
#include "../../xl2tpd-plugin/l2tpsec_droplog.h"
#include "../../xl2tpd-plugin/l2tpsec_timer.h"
#include "../../xl2tpd-plugin/l2tpsec_pmtu.h"

static struct cs_endpoint ep(const char *text)
{
	struct cs_endpoint e;

	CHECK(cs_parse_endpoint(text, &e) == 0);
	return e;
}

static int add(struct l2tpsec_sacache *c, uint32_t id, const struct cs_endpoint *local,
	       const struct cs_endpoint *remote, uint16_t overhead)
{
	struct l2tpsec_sa sa = { .id = id, .local = *local, .remote = *remote,
				 .overhead = overhead, .reqid = id + 1 };

	return l2tpsec_sacache_add(c, &sa);
}

static void sa_cache(void)
{
	struct l2tpsec_sacache *c = l2tpsec_sacache_create();
	struct cs_endpoint lns = ep("10.0.0.13:1701"), lac = ep("10.0.0.12:1701");
	struct cs_endpoint other_port = ep("10.0.0.12:50000"), other_addr = ep("10.0.0.99:1701");
	struct cs_endpoint wrong_local = ep("10.0.1.13:1701"), v6 = ep("[2001:db8::12]:1701");
	struct l2tpsec_sa gone;
	char text[64];

	CHECK(c != NULL);
	CHECK(l2tpsec_sacache_find(c, &lac, NULL) == NULL);
	CHECK(add(c, L2TPSEC_PASSIVE_ID_FIRST, &lns, &lac, 53) == 0);
	CHECK(l2tpsec_sacache_find(c, &lac, NULL) != NULL);
	CHECK(l2tpsec_sacache_find(c, &lac, &lns) != NULL);
	CHECK_EQ_UL(l2tpsec_sacache_find(c, &lac, &lns)->overhead, 53);
	CHECK_EQ_UL(l2tpsec_sacache_find(c, &lac, &lns)->reqid, L2TPSEC_PASSIVE_ID_FIRST + 1);
	/* the exact peer only: another port or address of the same host is not protected */
	CHECK(l2tpsec_sacache_find(c, &other_port, NULL) == NULL);
	CHECK(l2tpsec_sacache_find(c, &other_addr, NULL) == NULL);
	/* a packet that arrived on another local address is not this SA's */
	CHECK(l2tpsec_sacache_find(c, &lac, &wrong_local) == NULL);
	/* a rekey (same id) replaces, never duplicates */
	CHECK(add(c, L2TPSEC_PASSIVE_ID_FIRST, &lns, &lac, 61) == 0);
	CHECK_EQ_UL(l2tpsec_sacache_count(c), 1);
	CHECK_EQ_UL(l2tpsec_sacache_find(c, &lac, NULL)->overhead, 61);
	CHECK(add(c, 7, &lns, &v6, 73) == 0);
	CHECK(l2tpsec_sacache_find(c, &v6, NULL) != NULL);
	/* CLOSED removes by id and says what went */
	CHECK(l2tpsec_sacache_remove(c, L2TPSEC_PASSIVE_ID_FIRST, &gone) == 1);
	cs_format_endpoint(&gone.remote, text, sizeof(text));
	CHECK(!strcmp(text, "10.0.0.12:1701"));
	CHECK(l2tpsec_sacache_remove(c, L2TPSEC_PASSIVE_ID_FIRST, NULL) == 0);
	CHECK(l2tpsec_sacache_find(c, &lac, NULL) == NULL);
	CHECK(l2tpsec_sacache_find(c, &v6, NULL) != NULL);
	l2tpsec_sacache_clear(c);
	CHECK_EQ_UL(l2tpsec_sacache_count(c), 0);
	CHECK(l2tpsec_sacache_find(c, &v6, NULL) == NULL);
	l2tpsec_sacache_destroy(c);
}

/* many peers: the table grows and every one is still found, removals leave the rest */
static void sa_cache_many(void)
{
	struct l2tpsec_sacache *c = l2tpsec_sacache_create();
	struct cs_endpoint local = ep("10.0.0.13:1701"), peer = ep("10.1.0.0:1701");
	unsigned found = 0, n = 5000;

	for (unsigned i = 0; i < n; i++) {
		peer.addr[2] = (uint8_t)(i >> 8);
		peer.addr[3] = (uint8_t)i;
		CHECK(add(c, i + 1, &local, &peer, 53) == 0);
	}
	CHECK_EQ_UL(l2tpsec_sacache_count(c), n);
	for (unsigned i = 0; i < n; i += 2)
		l2tpsec_sacache_remove(c, i + 1, NULL);
	for (unsigned i = 0; i < n; i++) {
		const struct l2tpsec_sa *sa;

		peer.addr[2] = (uint8_t)(i >> 8);
		peer.addr[3] = (uint8_t)i;
		sa = l2tpsec_sacache_find(c, &peer, &local);
		if (sa && sa->id == i + 1 && i % 2)
			found++;
		CHECK(!sa == !(i % 2));
	}
	CHECK_EQ_UL(found, n / 2);
	l2tpsec_sacache_destroy(c);
}

static void drop_log(void)
{
	static struct l2tpsec_droplog log;
	struct cs_endpoint rogue = ep("10.0.1.66:1701"), rogue2 = ep("10.0.1.66:4500");
	struct cs_endpoint other = ep("10.0.1.67:1701");
	uint64_t n = 0;

	l2tpsec_droplog_init(&log, 60);
	/* the first drop from a peer is said at once */
	CHECK(l2tpsec_droplog_note(&log, &rogue, 0, 1000, &n) == 1);
	CHECK_EQ_UL(n, 1);
	/* then nothing for the interval, whatever the port, however many */
	for (int i = 0; i < 1000; i++)
		CHECK(l2tpsec_droplog_note(&log, i % 2 ? &rogue : &rogue2, 0, 1000 + i % 59, &n) == 0);
	/* another peer has its own line */
	CHECK(l2tpsec_droplog_note(&log, &other, 0, 1010, &n) == 1);
	/* after the interval one line covers everything since */
	CHECK(l2tpsec_droplog_note(&log, &rogue, 0, 1060, &n) == 1);
	CHECK_EQ_UL(n, 1001);
	CHECK_EQ_UL(log.total, 1003);
	/* a new reason from the same peer is said at once (a neighbour's forgery after a benign
	 * early packet), and has its own interval */
	CHECK(l2tpsec_droplog_note(&log, &rogue, 2, 1061, &n) == 1);
	CHECK_EQ_UL(n, 1);
	CHECK(l2tpsec_droplog_note(&log, &rogue, 2, 1062, &n) == 0);
	CHECK(l2tpsec_droplog_note(&log, &rogue, 0, 1062, &n) == 0);

	/* spoofed sources, one packet each: 32 lines an interval in all, the rest counted */
	{
		int lines = 0;

		l2tpsec_droplog_init(&log, 60);
		for (int i = 0; i < 200; i++) {
			struct cs_endpoint spoofed = ep("10.0.0.1:1701");

			spoofed.addr[2] = (uint8_t)(i / 250);
			spoofed.addr[3] = (uint8_t)(i % 250 + 1);
			lines += l2tpsec_droplog_note(&log, &spoofed, 0, 2000, &n);
		}
		CHECK_EQ_UL(lines, L2TPSEC_DROPLOG_LINES);
		CHECK_EQ_UL(l2tpsec_droplog_unlogged(&log), 200 - L2TPSEC_DROPLOG_LINES);
		CHECK_EQ_UL(l2tpsec_droplog_unlogged(&log), 0);
		/* the next interval has its budget again */
		CHECK(l2tpsec_droplog_note(&log, &other, 0, 2060, &n) == 1);
	}
}

static int fired[3];
static struct l2tpsec_timer timers[3];
static uint64_t now;

static void fire(void *arg)
{
	int i = (int)(long)arg;

	fired[i]++;
	if (i == 0 && fired[0] == 1)	/* a timer may re-arm itself from its own callback */
		l2tpsec_timer_arm(&timers[0], now, 100, fire, arg);
}

static int64_t run_at(uint64_t t)
{
	now = t;
	return l2tpsec_timer_run(t);
}

static void timer_order(void)
{
	CHECK(run_at(0) == -1);
	l2tpsec_timer_arm(&timers[1], 1000, 3000, fire, (void *)1L);
	l2tpsec_timer_arm(&timers[0], 1000, 1000, fire, (void *)0L);
	l2tpsec_timer_arm(&timers[2], 1000, 2000, fire, (void *)2L);
	CHECK(run_at(1500) == 500);		/* the earliest first */
	CHECK(fired[0] == 0);
	l2tpsec_timer_cancel(&timers[2]);
	l2tpsec_timer_cancel(&timers[2]);	/* twice is harmless */
	CHECK(run_at(2000) == 100);		/* timers[0] fired and re-armed itself */
	CHECK(fired[0] == 1 && fired[2] == 0);
	/* re-arming moves a timer rather than adding a second one */
	l2tpsec_timer_arm(&timers[1], 2000, 10000, fire, (void *)1L);
	CHECK(run_at(2100) == 9900);
	CHECK(fired[0] == 2 && fired[1] == 0);
	CHECK(run_at(12000) == -1);
	CHECK(fired[1] == 1 && fired[2] == 0);
}

static void backoff(void)
{
	struct l2tpsec_backoff b = L2TPSEC_BACKOFF_INIT(2, 60);
	static const unsigned want[] = { 2, 4, 8, 16, 32, 60, 60 };

	CHECK(l2tpsec_backoff_peek(&b) == 2);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		CHECK_EQ_UL(l2tpsec_backoff_next(&b), want[i]);
	l2tpsec_backoff_reset(&b);
	CHECK(l2tpsec_backoff_next(&b) == 2 && l2tpsec_backoff_peek(&b) == 4);
	b = (struct l2tpsec_backoff)L2TPSEC_BACKOFF_INIT(1, 30);
	for (int i = 0; i < 10; i++)
		l2tpsec_backoff_next(&b);
	CHECK(l2tpsec_backoff_peek(&b) == 30);
}

static void session_mtu(void)
{
	/* 1500 - IP 20 - ESP 53 (AES-CBC + SHA1, from SECURED) - UDP 8 - L2TP 12 - PPP 4 */
	CHECK_EQ_UL(l2tpsec_pmtu_session_mtu(1500, 53), 1403);
	CHECK_EQ_UL(l2tpsec_pmtu_session_mtu(1300, 53), 1203);
	CHECK_EQ_UL(l2tpsec_pmtu_session_mtu(1500, 0), 1456);	/* no SA: no ESP */
	/* a silly small path never yields a session below IPv4's 576 */
	CHECK_EQ_UL(l2tpsec_pmtu_session_mtu(600, 53), 576);
	CHECK_EQ_UL(l2tpsec_pmtu_session_mtu(68, 53), 576);
}

static void checksum(void)
{
	/* an echo request with odd length: filled in, the whole message sums to zero */
	uint8_t icmp[9] = { 8, 0, 0, 0, 0x12, 0x34, 0, 1, 0xab };
	uint16_t sum = l2tpsec_inet_checksum(icmp, sizeof(icmp));

	icmp[2] = (uint8_t)(sum >> 8);
	icmp[3] = (uint8_t)sum;
	CHECK_EQ_UL(l2tpsec_inet_checksum(icmp, sizeof(icmp)), 0);
	CHECK_EQ_UL(sum, 0x3aca);
}

int main(void)
{
	session_mtu();
	checksum();
	sa_cache();
	sa_cache_many();
	drop_log();
	timer_order();
	backoff();
	return check_done("test_xl2tpd_guard");
}
