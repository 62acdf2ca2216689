#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# stock-voluntary: the seed's client-initiated tunnel on Debian's stock charon, xl2tpd and pppd
# (no l2tpsec component): IKEv1 main mode PSK, ESP transport for udp/1701, L2TP without tunnel
# authentication, MS-CHAPv2, an address from the LNS's range, pings both ways. The whole exchange,
# teardown included, must carry not one plaintext UDP/1701 packet.
# netlab-timeout: 150
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/voluntary.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
pcap_start lns to-client

check "LNS up (charon, xl2tpd)" lns_setup lns addr=$LNS
check "client up (charon, xl2tpd)" client_setup client addr=$CLIENT lns=$LNS user=alice
check "IKEv1 main mode + quick mode (transport, udp/1701)" client_ipsec_up client
snapshot client sa-up
check "client has a transport-mode SA for udp/1701" \
	sh -c "ip -n client xfrm state | grep -q 'mode transport' && ip -n client xfrm policy | grep -q 'proto udp sport 1701 dport 1701'"
check "IKEv1 main mode was used" grep -q "IKE_SA l2tp\[1\] established" "$LAB_OUT/client/charon.log"
check "L2TP tunnel + session + MS-CHAPv2: ppp0 up" client_dial client
caddr=$(ppp_addr client)
check "client address $caddr is from the LNS range" sh -c "case '$caddr' in 10.10.10.[1-3][0-9]) true;; *) false;; esac"
check "LNS asked for MS-CHAPv2 and granted alice" sh -c "grep -q 'auth chap MS-v2' '$LAB_OUT/lns/pppd.log' &&
	grep -q 'rcvd \[CHAP Response .*name = \"alice\"' '$LAB_OUT/lns/pppd.log' &&
	grep -q 'sent \[CHAP Success .*S=' '$LAB_OUT/lns/pppd.log'"
check "xl2tpd used the kernel data path" grep -q "Using l2tp kernel support" "$LAB_OUT/lns/xl2tpd.log"
check "client pings the LNS over PPP" ping_from client $POOL_LOCAL
check "LNS pings the client over PPP" ping_from lns "$caddr"
snapshot lns ppp-up
teardown client lns
pcap_stop_all

summary "audit: $(audit_line $CLIENT $LNS)"
check "IKE on the wire" [ "$(audit_count $CLIENT $LNS ike)" -gt 0 ]
check "ESP on the wire" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
check "no plaintext UDP/1701 from the first packet to after teardown" \
	[ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
