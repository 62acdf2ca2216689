#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# stock-gap: the security gap l2tpsec closes, kept as a control. While a client holds a proper
# IPsec-protected session, a second LAC with no IPsec at all reaches the same stock LNS in
# plaintext and gets a full PPP session. This scenario PASSES when the gap is there: it documents
# the stock behaviour the l2tpsec scenarios are compared against.
# netlab-timeout: 150
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/voluntary.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12 LNS2=10.0.1.13 LAC2=10.0.1.14
host_add lns; host_add client; host_add lac2
link_add lns $LNS/24 client $CLIENT/24
link_add lns $LNS2/24 lac2 $LAC2/24
pcap_start lns to-client
pcap_start lns to-lac2

check "LNS up" lns_setup lns addr=$LNS
check "protected client up" client_setup client addr=$CLIENT lns=$LNS user=alice
check "protected client: IPsec SA" client_ipsec_up client
check "protected client: ppp0 up" client_dial client
check "plaintext LAC up (no charon at all)" client_setup lac2 addr=$LAC2 lns=$LNS2 user=bob ipsec=no
check "GAP: the plaintext LAC gets a tunnel, a session and ppp0" client_dial lac2
bob=$(ppp_addr lac2)
check "GAP: the plaintext LAC was given $bob from the pool" sh -c "case '$bob' in 10.10.10.*) true;; *) false;; esac"
check "GAP: the plaintext LAC pings the LNS" ping_from lac2 $POOL_LOCAL
check "GAP: xl2tpd logs the plaintext peer like any other" grep -q "Connection established to $LAC2" "$LAB_OUT/lns/xl2tpd.log"
teardown client lac2 lns
pcap_stop_all

summary "audit protected: $(audit_line $CLIENT $LNS)"
summary "audit plaintext: $(audit_line $LAC2 $LNS2)"
check "protected pair: no plaintext UDP/1701" [ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "GAP: plaintext UDP/1701 between the LAC and the LNS" [ "$(audit_count $LAC2 $LNS2 l2tp-plaintext)" -gt 10 ]
check "GAP: not one IKE or ESP packet protected it" \
	[ "$(( $(audit_count $LAC2 $LNS2 ike) + $(audit_count $LAC2 $LNS2 esp) ))" -eq 0 ]
