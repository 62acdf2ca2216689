#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# lab-selftest: the lab itself works — kernel features the product needs, hosts with private
# /etc and /run, a routed path whose MTU and loss a test can change.
# netlab-timeout: 60
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
lab_init "$1"

check "kernel has ESP, L2TP/PPP and XFRM user API" \
	sh -c 'grep -qw esp4 /proc/modules && grep -qw l2tp_ppp /proc/modules && grep -qw xfrm_user /proc/modules'
check "/dev/ppp exists" test -c /dev/ppp

host_add a; host_add r; host_add b
link_add a 10.9.1.1/24 r 10.9.1.2/24
link_add r 10.9.2.2/24 b 10.9.2.1/24
router_enable r
on a ip route add default via 10.9.1.2
on b ip route add default via 10.9.2.2

echo private-a > "$(etc a)/xl2tpd/marker"
check "hosts see their own /etc" on a grep -qx private-a /etc/xl2tpd/marker
check "and not each other's" on b test ! -e /etc/xl2tpd/marker
echo private-b > "$(etc b)/strongswan.d/marker.conf"
check "strongswan.d is private per host" on b grep -q private-b /etc/strongswan.d/marker.conf
check "and not shared" on a test ! -e /etc/strongswan.d/marker.conf
on a touch /run/marker
check "/run is private per host" on b test ! -e /run/marker

pcap_start r to-a
check "a reaches b through the router" ping_from a 10.9.2.1
link_loss r to-b 100
on a busybox ping -c 1 -W 2 10.9.2.1 > "$LAB_OUT/loss-ping.txt" 2>&1
check "a router hop can drop everything" grep -q "0 packets received" "$LAB_OUT/loss-ping.txt"
link_loss r to-b 0
check "and recover" ping_from a 10.9.2.1 1
link_mtu r to-b 1280
on a ping -c 1 -W 2 -s 1400 -M do 10.9.2.1 > "$LAB_OUT/df-ping.txt" 2>&1
check "a DF packet over the lowered hop MTU gets ICMP frag-needed from the router" \
	grep -q "From 10.9.1.2 .*[Ff]rag needed.*mtu = 1280" "$LAB_OUT/df-ping.txt"
check "a DF packet that fits passes" on a ping -c 1 -W 2 -s 1200 -M do 10.9.2.1
pcap_stop_all
check "the capture holds the ICMP echo traffic" test -s "$LAB_OUT/r-to-a.pcap"
