#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# translated-dynamic: profiles/ios/lns-windows-dynamic.cfg, Cisco's remote-access recipe for the
# built-in clients (a dynamic crypto map, a wildcard key, a dial-in vpdn-group naming no crypto
# profile), as `l2tpsec translate` turns it into Linux configuration. The dynamic map became
# crypto profile WIN-DYN and protects the group: a Windows-10-style client comes up under it
# (IKE, ESP transport, L2TP, MS-CHAPv2, pings), while a rogue's plaintext SCCRQ — which IOS
# would answer — gets nothing, creates no tunnel, and nothing of the client's L2TP is plaintext.
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
. "$NETLAB_TOP/tests/netlab/lib/clients.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12 LNS_R=10.0.1.13 ROGUE=10.0.1.66
PPP_LNS=10.20.0.1	# the profile's Loopback0

host_add lns; host_add client; host_add rogue
link_add lns $LNS/24 client $CLIENT/24
link_add lns $LNS_R/24 rogue $ROGUE/24
pcap_start lns to-client
pcap_start lns to-rogue

check "lns: configuration translated from lns-windows-dynamic.cfg" translated lns lns-windows-dynamic
check "lns: the group is protected by the dynamic map's profile" \
	grep -q '^l2tpsec crypto profile = WIN-DYN$' "$(outdir lns)/translated/xl2tpd/xl2tpd.conf"
check "lns: charon up" charon_start lns
swanctl_on lns --load-all > "$(outdir lns)/load-all.txt" 2>&1
check "lns: the plugin read crypto profile WIN-DYN" log_has lns charon.log CH_CONFIG "[0-9.]*" 1 ": " WIN-DYN
check "lns: patched xl2tpd up" xl2tpd_start lns $XL2TPD_L2TPSEC
check "lns: listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN WIN-DYN 1701

check "rogue: a plaintext SCCRQ gets no answer" not on rogue "$SCCRQ" $LNS_R rogue 4
check "lns: no group picked, no tunnel for the rogue" \
	not grep -q "SCCRQ from $ROGUE\|Connection established to $ROGUE" "$LAB_OUT/lns/xl2tpd.log"

check "client: windows-10 client with the translated key" \
	profile_client client profile=windows-10 lns=$LNS psk=windows-psk
check "client: IKE and the ESP transport SA" client_ipsec_up client
check "client: L2TP and MS-CHAPv2: an address" client_dial client
check "lns: the client's SCCRQ reached vpdn-group WINDOWS under WIN-DYN" \
	xl2tpd_says lns XL_GROUP "$CLIENT:1701" "[^']*" "IPsec SA of crypto profile " WIN-DYN WINDOWS
check "client pings the LNS" ping_from client $PPP_LNS
check "rogue: a plaintext SCCRQ while the client is up gets no answer either" \
	not on rogue "$SCCRQ" $LNS_R rogue 4
check "client: hangs up (PPP, L2TP, IPsec)" client_hangup client
check "lns: the session went" wait_for 30 "lns session gone" pppd_gone lns
xl2tpd_stop lns
charon_stop lns
pcap_stop_all
audit_clean $CLIENT $LNS
check "the rogue's SCCRQs were the only L2TP between it and the LNS (no answer)" \
	[ "$(audit_count $ROGUE $LNS_R l2tp-plaintext)" -eq 2 ]
