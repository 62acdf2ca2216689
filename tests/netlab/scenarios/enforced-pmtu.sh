#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# enforced-pmtu: "ip pmtu" on the LNS (off, the default, on the client). Client and LNS talk
# through a router; a host sits behind the LNS. The LNS sizes the session's ppp MTU from the path
# MTU and the ESP overhead charon reported; when the router's hop towards the client drops to
# 1300 the LNS learns it (ICMP frag-needed) and the session MTU follows, so a DF packet from
# behind the LNS that no longer fits gets ICMP frag-needed from the LNS, while one that fits
# passes. The client, without ip pmtu, never touches its MTU.
# netlab-timeout: 240
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

routed_lab

# pmtu_logged SIZE: the LNS logged a session MTU change to SIZE
pmtu_logged() { xl2tpd_says lns XL_PMTU_SET "$CLIENT" "[0-9]*" ppp0 "[0-9]*" "$1"; }

check "lns: charon + plugin + patched xl2tpd with ip pmtu" enforced_lns lns addr="$LNS" pmtu=yes
check "lns: says it checks the path MTU" wait_for 5 "lns pmtu on" \
	xl2tpd_says lns XL_PMTU_EVERY 5
check "client: charon + plugin + patched xl2tpd (ip pmtu off)" enforced_client client addr=$CLIENT lns=$LNS
check "client: dial" xl2tpd_control client "c lns"
check "client: ppp0 up" wait_for 60 "client ppp0" ppp_up client
caddr=$(ppp_addr client)
on client ip route add 10.20.0.0/24 dev ppp0
negotiated=$(ppp_mtu client)
summary "negotiated ppp MTU: client $negotiated"

# path MTU 1500: 1500 - 20 - 53 (ESP: AES-CBC-128 + HMAC-SHA1-96) - 8 - 12 - 4 = 1403
check "lns: session MTU sized from path 1500 and ESP 53: 1403" wait_for 20 "lns ppp0 1403" pmtu_logged 1403
check "lns: ppp0 MTU is 1403" [ "$(ppp_mtu lns)" = 1403 ]
check "inside -> client: a 1403-byte DF packet fits" df_ping inside "$caddr" 1403

# the router's hop towards the client shrinks
link_mtu rt to-client 1300
check "lns: learned path MTU 1300 (ICMP frag-needed), session MTU 1203" wait_for 30 "lns ppp0 1203" pmtu_logged 1203
check "lns: ppp0 MTU is 1203" [ "$(ppp_mtu lns)" = 1203 ]
check "inside -> client: 1300-byte DF packet refused" not df_ping inside "$caddr" 1300
check "inside got ICMP frag-needed from the LNS with the session MTU" \
	grep -q "From $LNS_IN icmp_seq=1 Frag needed and DF set (mtu = 1203)" "$LAB_OUT/inside/ping.txt"
check "inside -> client: a 1203-byte DF packet still fits" df_ping inside "$caddr" 1203
check "client pings the LNS" ping_from client $POOL_LOCAL

# off by default
check "client: ip pmtu off by default: no such log" not grep -q 'l2tpsec: ip pmtu' "$LAB_OUT/client/xl2tpd.log"
check "client: ip pmtu off by default: MTU untouched" [ "$(ppp_mtu client)" = "$negotiated" ]

teardown client lns
pcap_stop_all
summary "audit: $(audit_line $CLIENT $LNS)"
check "no plaintext UDP/1701 on the routed path" [ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "ESP carried the session" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
