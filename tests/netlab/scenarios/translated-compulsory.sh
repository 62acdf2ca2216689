#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# translated-compulsory: the seed's compulsory-tunnelling LAC and LNS configurations, verbatim
# from profiles/ios/, translated by the installed `l2tpsec translate` and run as they come out on
# both hosts: charon with the l2tp-security plugin reading the generated profiles (IKEv1 main
# mode, DES/SHA1/DH1 as the seed says, PSK "cisco"), the patched xl2tpd with L2TP tunnel
# authentication (LAC/LNS secrets), pppd with CHAP from the generated chap-secrets and the
# l2tpsec plugin's lcp renegotiation. The LAC's own pppd stands in for the switched client
# (the PPP hand-off is the pppd plugin's later work). The LAC's xl2tpd OPENs the tunnel on the
# crypto socket before its first SCCRQ, the LNS's LISTENs: not one plaintext UDP/1701 packet
# may cross. IPCP does not complete:
# the seed's LNS names virtual-template 1 but never defines it, so no addresses are configured
# (the translator warns about exactly that).
# netlab-timeout: 150
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
lab_init "$1"

LNS=10.0.0.13 LAC=10.0.0.12
XL2TPD=/usr/local/sbin/xl2tpd

host_add lns; host_add lac
link_add lns $LNS/24 lac $LAC/24
pcap_start lns to-lac

check "LNS configuration translated from lns-compulsory.cfg" translated lns lns-compulsory
check "LAC configuration translated from lac-compulsory.cfg" translated lac lac-compulsory
for h in lns lac; do
	check "$h: charon up" charon_start $h
	swanctl_on $h --load-all > "$(outdir $h)/load-all.txt" 2>&1
	check "$h: the translated swanctl.conf loads" grep -q "successfully loaded 1 connections" "$(outdir $h)/load-all.txt"
	check "$h: the plugin read the translated profile" log_has $h charon.log CH_CONFIG "[0-9.]*" 1 ": " l2tp
	check "$h: patched xl2tpd up" xl2tpd_start $h $XL2TPD
done
check "LAC: no IPsec policy before xl2tpd asks (no trap)" not sh -c "ip -n lac xfrm policy | grep -q 'dport 1701'"
check "LNS: xl2tpd listens on the crypto socket" wait_for 10 "lns LISTEN" \
	log_has lns xl2tpd.log XL_LISTEN l2tp 1701

xl2tpd_control lac "c 1"
check "LAC: xl2tpd opened the tunnel's SA before its first SCCRQ" wait_for 30 "lac secured" \
	log_has lac xl2tpd.log XL_DIAL_UP 1
check "IKE + ESP came up" \
	wait_for 30 "lac IPsec SA" sh -c "ip -n lac xfrm state | grep -q 'proto esp'"
check "L2TP tunnel authenticated with the translated secrets" \
	wait_for 30 "lns tunnel" grep -q "Connection established to $LAC" "$LAB_OUT/lns/xl2tpd.log"
check "CHAP: the LNS accepted LAC with the translated chap-secrets" \
	wait_for 30 "CHAP success" grep -q "sent \[CHAP Success" "$LAB_OUT/lns/pppd.log"
check "pppd on the LNS runs the l2tpsec plugin with lcp renegotiation on-mismatch" \
	log_has lns pppd.log PPP_LCP on-mismatch
check "xl2tpd on the LNS reports the translated section" \
	log_has lns xl2tpd.log XL_SECTION lns 1 l2tp yes no on-mismatch
check "ESP: DES + HMAC-SHA1 as the seed's transform set says" \
	sh -c "ip -n lns xfrm state | grep -q 'enc cbc(des)' && ip -n lns xfrm state | grep -q 'auth-trunc hmac(sha1)'"
snapshot lns tunnel-up
snapshot lac tunnel-up

# ordered teardown: L2TP first (inside ESP), then IKE
for h in lac lns; do xl2tpd_stop $h; done
for h in lac lns; do wait_for 20 "$h pppd gone" pppd_gone $h || fail "$h: pppd still running"; done
for h in lac lns; do charon_stop $h; done
pcap_stop_all
summary "audit: $(audit --pair $LAC $LNS)"
check "ESP carried the tunnel" [ "$(audit_count $LAC $LNS esp)" -gt 0 ]
check "no plaintext UDP/1701, first packet to teardown" [ "$(audit_count $LAC $LNS l2tp-plaintext)" -eq 0 ]
