/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026 The l2tpsec authors
 *
 * show vpdn / show l2tp as the patched xl2tpd renders them: tables, details, JSON (a peer's
 * host name with quotes and control bytes stays one valid JSON string), IOS uptimes, session
 * limits and a LAC's LNSes.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json_out.h"
#include "vpdn_view.h"

static char *render(const struct vpdn_state *st, enum vpdn_part part, int all, int l2tp, int json)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	vpdn_render(out, st, part, all, l2tp, json);
	fclose(out);
	return text;
}

int main(void)
{
	struct vpdn_tunnel_view t[2] = {
		{ .local_id = 26515, .remote_id = 34601, .remote_name = "LAC", .state = "est",
		  .remote_addr = "10.0.0.1:1701", .local_addr = "10.0.0.2:1701", .role = "lns",
		  .group = "lns-1", .sessions = 1, .protected_ = 1, .profile = "l2tpsec",
		  .sa_id = 2147483649u, .uptime = 62, .ns = 4, .nr = 5 },
		{ .local_id = 7, .remote_id = 0, .remote_name = "ev\"il\n\\", .state = "wt-scccn",
		  .remote_addr = "10.0.0.9:1701", .role = "lns", .group = "lns-1",
		  .profile = "l2tpsec", .uptime = 90061 },
	};
	struct vpdn_session_view s[1] = {
		{ .local_id = 3, .remote_id = 11, .tunnel_id = 26515, .state = "est", .intf = "ppp0",
		  .pppd_pid = 321, .uptime = 60, .in_packets = 10, .out_packets = 9, .in_bytes = 1000,
		  .out_bytes = 900, .counters = "kernel" },
	};
	struct vpdn_limit_view limits[1] = {
		{ .group = "isp-\"1\"", .role = "lns", .limit = 5, .sessions = 5, .refused = 2 },
	};
	struct vpdn_lns_view lnses[2] = {
		{ .group = "lac-1", .lns = "10.0.0.13", .priority = 1, .up = 0, .down_for = 250,
		  .reason = "no answer to the SCCRQ", .failures = 1 },
		{ .group = "lac-1", .lns = "10.0.0.14", .priority = 2, .up = 1,
		  .reason = "IPsec SA deleted", .failures = 2, .tunnels = 1, .sessions = 3 },
	};
	struct vpdn_state st = { .tunnels = t, .ntunnels = 2, .sessions = s, .nsessions = 1,
				 .drops = 5, .enforcing = 1 };
	char buf[32], *text;

	vpdn_format_uptime(62, buf, sizeof(buf));
	CHECK(!strcmp(buf, "00:01:02"));
	vpdn_format_uptime(90061, buf, sizeof(buf));
	CHECK(!strcmp(buf, "1d01h"));
	vpdn_format_uptime(-3, buf, sizeof(buf));
	CHECK(!strcmp(buf, "00:00:00"));

	text = render(&st, VPDN_ALL, 0, 0, 0);
	CHECK(strstr(text, "L2TP Tunnel and Session Information Total tunnels 2 sessions 1\n"));
	CHECK(strstr(text, "IPsec required; L2TP packets dropped for lack of it: 5"));
	CHECK(strstr(text, "26515      34601      LAC "));
	CHECK(strstr(text, "IPsec l2tpsec, SA 2147483649"));
	CHECK(strstr(text, "waiting for IPsec l2tpsec"));
	CHECK(strstr(text, "3          11         26515      ppp0       est      00:01:00  321"));
	free(text);

	text = render(&st, VPDN_TUNNELS, 1, 0, 0);
	CHECK(strstr(text, "Tunnel id 26515 is up, remote id is 34601, 1 active sessions, lns "
		       "group lns-1"));
	CHECK(strstr(text, "Internet Address 10.0.0.1:1701, port 1701"));
	CHECK(strstr(text, "Uptime 00:01:02; control channel Ns 4, Nr 5"));
	CHECK(!strstr(text, "LocID"));
	free(text);

	text = render(&st, VPDN_SESSIONS, 1, 1, 0);
	CHECK(!strncmp(text, "L2TP Session Information Total tunnels 2 sessions 1\n", 52));
	CHECK(strstr(text, "10 packets input, 1000 bytes"));
	CHECK(strstr(text, "9 packets output, 900 bytes"));
	CHECK(strstr(text, "counters of the kernel's PPP interface"));
	CHECK(!strstr(text, "LocTunID"));
	free(text);

	text = render(&st, VPDN_ALL, 0, 0, 1);
	CHECK(strstr(text, "\"remote_name\": \"ev\\\"il\\u000a\\\\\""));
	CHECK(strstr(text, "\"sa_id\": 2147483649"));
	CHECK(strstr(text, "\"protected\": true"));
	CHECK(strstr(text, "\"protected\": false"));
	CHECK(strstr(text, "\"interface\": \"ppp0\""));
	CHECK(strstr(text, "\"drops\": 5, \"enforcing\": true, \"limits\": {\"global\": "
		       "{\"limit\": 0, \"sessions\": 0, \"refused\": 0}, \"groups\": []}, "
		       "\"lnses\": []}\n"));
	free(text);

	/* no limit set and none refused: show vpdn says nothing of limits */
	text = render(&st, VPDN_ALL, 0, 0, 0);
	CHECK(!strstr(text, "session limit"));
	free(text);
	st.global = (struct vpdn_limit_view){ .role = "", .limit = 10, .sessions = 6, .refused = 3 };
	st.limits = limits;
	st.nlimits = 1;
	text = render(&st, VPDN_ALL, 0, 0, 0);
	CHECK(strstr(text, "\nVPDN session limit 10: 6 sessions, 3 refused\n"));
	CHECK(strstr(text, "\nvpdn-group isp-\"1\" (lns) session limit 5: 5 sessions, 2 refused\n"));
	free(text);
	/* show l2tp is the tables only */
	text = render(&st, VPDN_TUNNELS, 0, 1, 0);
	CHECK(!strstr(text, "session limit"));
	free(text);
	text = render(&st, VPDN_SESSIONS, 0, 0, 1);
	CHECK(strstr(text, "\"limits\": {\"global\": {\"limit\": 10, \"sessions\": 6, "
		       "\"refused\": 3}, \"groups\": [{\"group\": \"isp-\\\"1\\\"\", \"role\": "
		       "\"lns\", \"limit\": 5, \"sessions\": 5, \"refused\": 2}]}, \"lnses\": []}\n"));
	free(text);
	/* a group whose limit was removed still shows what it refused */
	limits[0].limit = 0;
	text = render(&st, VPDN_ALL, 0, 0, 0);
	CHECK(strstr(text, "(lns) session limit none: 5 sessions, 2 refused\n"));
	free(text);
	st.global = (struct vpdn_limit_view){ 0 };
	st.nlimits = 0;

	text = render(&st, VPDN_TUNNELS, 0, 0, 1);
	CHECK(strstr(text, "\"tunnels\": ["));
	CHECK(!strstr(text, "\"sessions\": ["));
	free(text);

	st.ntunnels = st.nsessions = 0;
	st.enforcing = 0;
	text = render(&st, VPDN_ALL, 0, 0, 1);
	CHECK(!strcmp(text, "{\"tunnels\": [], \"sessions\": [], \"drops\": 5, \"enforcing\": "
		       "false, \"limits\": {\"global\": {\"limit\": 0, \"sessions\": 0, "
		       "\"refused\": 0}, \"groups\": []}, \"lnses\": []}\n"));
	free(text);
	text = render(&st, VPDN_ALL, 0, 0, 0);
	CHECK(!strstr(text, "IPsec required"));
	CHECK(!strstr(text, " LNS "));
	free(text);

	/* a LAC's LNSes: up, and down with the hold left and why; not in show l2tp */
	st.lnses = lnses;
	st.nlnses = 2;
	text = render(&st, VPDN_ALL, 0, 0, 0);
	CHECK(strstr(text, "\nvpdn-group lac-1 LNS 10.0.0.13 priority 1: down 00:04:10 more (no "
		       "answer to the SCCRQ), 0 tunnels, 0 sessions, 1 failure\n"));
	CHECK(strstr(text, "\nvpdn-group lac-1 LNS 10.0.0.14 priority 2: up, 1 tunnel, 3 sessions, "
		       "2 failures (last: IPsec SA deleted)\n"));
	free(text);
	text = render(&st, VPDN_TUNNELS, 0, 1, 0);
	CHECK(!strstr(text, " LNS "));
	free(text);
	text = render(&st, VPDN_TUNNELS, 0, 0, 1);
	CHECK(strstr(text, "\"lnses\": [{\"group\": \"lac-1\", \"lns\": \"10.0.0.13\", "
		       "\"priority\": 1, \"up\": false, \"down_for\": 250, \"reason\": \"no answer "
		       "to the SCCRQ\", \"failures\": 1, \"tunnels\": 0, \"sessions\": 0}, {"));
	CHECK(strstr(text, "\"up\": true, \"down_for\": 0, \"reason\": \"IPsec SA deleted\", "
		       "\"failures\": 2, \"tunnels\": 1, \"sessions\": 3}]}\n"));
	free(text);
	return check_done("test_vpdn_render");
}
