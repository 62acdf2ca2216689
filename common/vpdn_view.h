/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * `show vpdn` / `show l2tp` as IOS prints them, from plain views of xl2tpd's tunnels and calls.
 * The patched xl2tpd fills the views (xl2tpd-plugin/l2tpsec_vpdn.c); rendering them is kept apart,
 * without xl2tpd's types, so the unit tests render the same tables the operator sees.
 */
#ifndef L2TPSEC_VPDN_VIEW_H
#define L2TPSEC_VPDN_VIEW_H

#include <stdint.h>
#include <stdio.h>

struct vpdn_tunnel_view {
	unsigned local_id, remote_id;
	char remote_name[64];		/* the peer's Host Name AVP, printable */
	char remote_addr[64], local_addr[64];	/* ADDR:PORT */
	const char *state;		/* IOS: "est", "wt-sccrp", "wt-scccn", "shutdown", "idle" */
	const char *role;		/* "lns" or "lac" */
	char group[64];			/* the xl2tpd section: the vpdn-group */
	unsigned sessions;
	int protected_;			/* bound to an IPsec SA */
	char profile[65];		/* crypto profile its section requires; "" for none */
	uint32_t sa_id;			/* crypto socket id of that SA; 0 while unbound */
	long uptime;			/* seconds */
	unsigned ns, nr;		/* control channel sequence numbers */
};

struct vpdn_session_view {
	unsigned local_id, remote_id, tunnel_id;
	const char *state;		/* "est", "wt-icrp", "wt-iccn", "wt-ocrp", "wt-occn", "shutdown" */
	char intf[32];			/* pppd's interface; "" before pppd has one */
	int pppd_pid;			/* 0: none */
	long uptime;
	uint64_t in_packets, out_packets, in_bytes, out_bytes;
	const char *counters;		/* where the counters come from: "kernel" or "xl2tpd" */
};

/* a session limit: the global one (group "") or a vpdn-group's */
struct vpdn_limit_view {
	char group[64];
	const char *role;		/* "lns", "lac"; "" for the global limit */
	int limit;			/* 0: none */
	unsigned sessions;		/* sessions it counts now */
	uint64_t refused;		/* sessions it refused */
};

/* one LNS of a LAC's [lac] with several (IOS initiate-to ... priority N) */
struct vpdn_lns_view {
	char group[64];			/* the [lac] */
	char lns[100];			/* as its lns entry names it */
	int priority;
	int up;				/* 0: held down after a failure */
	long down_for;			/* seconds of the hold left */
	char reason[96];		/* why it was last held down; "" never */
	uint64_t failures;
	unsigned tunnels, sessions;	/* this [lac]'s to it */
};

struct vpdn_state {
	struct vpdn_tunnel_view *tunnels;
	unsigned ntunnels;
	struct vpdn_session_view *sessions;
	unsigned nsessions;
	uint64_t drops;			/* L2TP packets refused because IPsec did not protect them */
	int enforcing;			/* some section requires IPsec */
	struct vpdn_limit_view global;	/* vpdn session-limit */
	struct vpdn_limit_view *limits;	/* the groups with a limit or a refusal */
	unsigned nlimits;
	struct vpdn_lns_view *lnses;	/* the LNSes of LACs with several */
	unsigned nlnses;
};

/* what to print: the tunnel table, the session table, or both; brief tables or every detail */
enum vpdn_part { VPDN_ALL, VPDN_TUNNELS, VPDN_SESSIONS };

/*
 * Print the state as `show vpdn [tunnel|session] [all]` (heading "L2TP Tunnel and Session
 * Information", then the session limits and a LAC's LNSes, if any) or, with l2tp_heading, as
 * `show l2tp
 * tunnel|session [all]`; json: one JSON object {"tunnels": [...], "sessions": [...], "drops": N,
 * "enforcing": B, "limits": {"global": {...}, "groups": [...]}, "lnses": [...]} with the parts
 * asked for.
 */
void vpdn_render(FILE *out, const struct vpdn_state *st, enum vpdn_part part, int all,
		 int l2tp_heading, int json);

/* seconds as IOS prints an uptime: "00:01:02", "3d04h" past a day */
void vpdn_format_uptime(long seconds, char *buf, size_t len);

#endif
