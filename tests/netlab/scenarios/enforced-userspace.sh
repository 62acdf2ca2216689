#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# enforced-userspace: the LNS's patched xl2tpd on the userspace data path (force userspace), with
# a crypto profile and ip pmtu. The session works and stays inside ESP; plaintext L2TP is dropped
# by xl2tpd itself once the kernel's block policies are taken away; a bypass policy in the SPD
# cannot let the session out in plaintext (its own socket); the inner DF bit is carried
# onto the outer (ESP) header; and when the session's ppp MTU is raised by hand above what the
# path takes, xl2tpd drops the oversize DF packet itself and answers ICMP frag-needed.
# netlab-timeout: 240
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

routed_lab

# esp_df PCAP SRC: ESP packets from SRC with DF set / without
esp_df() { tcpdump -n -r "$1" "src $2 and esp and ip[6] & 0x40 != 0" 2>/dev/null | wc -l; }
esp_nodf() { tcpdump -n -r "$1" "src $2 and esp and ip[6] & 0x40 = 0" 2>/dev/null | wc -l; }

check "lns: userspace xl2tpd with a crypto profile and ip pmtu" \
	enforced_lns lns addr="$LNS" pmtu=yes global="force userspace = yes"
check "lns: userspace data path" xl2tpd_says lns XL_HOOKS "[0-9.]*" userspace
check "client: charon + plugin + patched xl2tpd" enforced_client client addr=$CLIENT lns=$LNS
check "client: dial" xl2tpd_control client "c lns"
check "client: ppp0 up" wait_for 60 "client ppp0" ppp_up client
caddr=$(ppp_addr client)
on client ip route add 10.20.0.0/24 dev ppp0
check "client pings the LNS" ping_from client $POOL_LOCAL
check "lns: session MTU from path 1500 and ESP 53: 1403" wait_for 20 "lns ppp0 1403" ppp_mtu_is lns 1403

# the tunnel has its own socket, bound to its SA, on the userspace path too: a bypass policy for
# UDP in the SPD (it outranks the SA's policy and the blocks) cannot let the session's control
# or data out in plaintext — before, both left by xl2tpd's shared socket, which only the SPD guards
check "lns: the tunnel's own socket bound to its SA" xl2tpd_says lns XL_SOCKET_BOUND "[0-9]*" "$CLIENT:1701"
for d in in out; do
	ip -n lns xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dir $d priority 1
done
check "bypass policy in the LNS's SPD: the session still works (inside ESP)" ping_from client $POOL_LOCAL 5
for d in in out; do
	ip -n lns xfrm policy delete src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dir $d
done

# plaintext L2TP with the SPD's block policies gone: every section is protected, so the
# listening socket's own policy (the kernel, whatever the SPD holds) refuses it before xl2tpd
ip -n lns xfrm policy deleteall action block
mismatch=$(xfrm_stat lns XfrmInTmplMismatch)
check "inside -> LNS plaintext SCCRQ: no answer" not sccrq inside $LNS_IN
check "lns: the listening socket's policy dropped it" \
	[ "$(xfrm_stat lns XfrmInTmplMismatch)" -gt "$mismatch" ]
check "lns: xl2tpd never saw it" not xl2tpd_says lns XL_DROPPED 1 "$INSIDE:1701" 0
check "the session still works" ping_from client $POOL_LOCAL 1

# DF reflected: DF pings from behind the LNS leave in DF ESP packets, non-DF pings in non-DF ones
check "inside -> client: 1000-byte DF pings" df_ping inside "$caddr" 1000 do
check "inside -> client: 1000-byte pings without DF" df_ping inside "$caddr" 1000 dont

# the router's hop shrinks: the LNS follows (frag-needed for DF-reflected packets or its probe)
link_mtu rt to-client 1300
df_ping inside "$caddr" 1403 do
check "lns: session MTU follows the path: 1203" wait_for 30 "lns ppp0 1203" ppp_mtu_is lns 1203
# an operator raises the MTU by hand: xl2tpd itself refuses what the path cannot take
ip -n lns link set ppp0 mtu 1500
check "inside -> client: 1300-byte DF packet refused" not df_ping inside "$caddr" 1300 do
check "inside got ICMP frag-needed (mtu 1203) from the LNS" \
	grep -q "From $LNS_IN icmp_seq=1 Frag needed and DF set (mtu = 1203)" "$LAB_OUT/inside/ping.txt"
check "lns: xl2tpd dropped it and said so" \
	xl2tpd_says lns XL_PMTU_DROP 1 ppp0 1203 1300 ${INSIDE//./ }
check "lns: the hand-set MTU stands (the path did not change)" [ "$(ppp_mtu lns)" = 1500 ]

teardown client lns
pcap_stop_all
P=$LAB_OUT/rt-to-lns.pcap
summary "audit: $(audit_line $CLIENT $LNS); ESP from the LNS with DF: $(esp_df "$P" $LNS), without: $(esp_nodf "$P" $LNS)"
check "DF reflected: ESP packets from the LNS with DF" [ "$(esp_df "$P" $LNS)" -gt 0 ]
check "DF reflected: ESP packets from the LNS without DF" [ "$(esp_nodf "$P" $LNS)" -gt 0 ]
check "no plaintext UDP/1701 between client and LNS" [ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
