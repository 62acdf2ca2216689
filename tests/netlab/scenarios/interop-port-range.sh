#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# interop-port-range: a stock client that proposes any UDP port of its own (local_ts udp, not
# udp/1701) dials the enforcing LNS. The plugin narrows the responder's selectors to 1701, the L2TP
# port, so xl2tpd's SA table holds the peer's real port and the session comes up; without the
# narrowing SECURED said port 0 and every L2TP packet of the peer was dropped. No plaintext.
# netlab-timeout: 180
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
pcap_start lns to-client

check "lns: charon + plugin + patched xl2tpd" enforced_lns lns addr="$LNS"
check "lns: listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701
check "client: stock stack, any UDP port of its own proposed" \
	client_setup client addr=$CLIENT lns=$LNS user=alice child=range
check "client: IPsec up" client_ipsec_up client
check "lns: the plugin narrowed the port range to 1701" wait_for 10 "lns narrowed" \
	log_has lns charon.log CH_NARROWED "$CLIENT" 0 65535 1701
check "lns: SECURED the client's real port" wait_for 10 "lns secured" \
	xl2tpd_says lns XL_SECURED "$LNS:1701" "$CLIENT:1701"
check "client: ppp0 up" client_dial client
check "client pings the LNS" ping_from client $POOL_LOCAL
# the stock client has no block policies of its own: it hangs up its session first (pppd's LCP
# Terminate-Request under the SA), then its tunnel, and then the LNS goes
kill_on client TERM pppd
wait_for 20 "client pppd gone" pppd_gone client
teardown client
teardown lns
pcap_stop_all
summary "audit: $(audit_line $CLIENT $LNS)"
check "no plaintext UDP/1701" [ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "ESP carried the session" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
