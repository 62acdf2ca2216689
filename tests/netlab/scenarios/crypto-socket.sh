#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# crypto-socket: the charon plugin on both ends, driven through its crypto socket as xl2tpd will
# drive it (issue 5), with plain UDP on port 1701 standing in for L2TP. A LAC opens a tunnel to
# an LNS that listens: both see SECURED, the kernel holds exactly the tunnel's udp/1701 transport
# policies above the block policies, datagrams pass only through ESP, plaintext from anyone is
# dropped by the kernel before and after; CLOSE deletes the IKE_SA, or only the CHILD_SA with
# keep-sa, and the next OPEN then reuses the IKE_SA (quick mode only); a dead LAC is noticed by
# DPD; show crypto map and show crypto engine connections describe it all; a LISTEN reports the SA
# a peer brought up before it.
# netlab-timeout: 240
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/cryptosock.sh"
lab_init "$1"

LNS=10.0.0.13 LAC=10.0.0.12 ROGUE=10.0.1.14 LNS2=10.0.1.13

host_add lns; host_add lac; host_add rogue
link_add lns $LNS/24 lac $LAC/24
link_add lns $LNS2/24 rogue $ROGUE/24
pcap_start lns to-lac
pcap_start lns to-rogue
for h in lns lac; do
	charon_conf $h l2tp-security "$(plugin_gen)"
done
swanctl_gen local=$LNS child=lns dpd=2s > "$(etc lns)/swanctl/swanctl.conf"
swanctl_gen local=$LAC remote=$LNS dpd=2s > "$(etc lac)/swanctl/swanctl.conf"
for h in lns lac; do
	check "$h: charon with the plugin" charon_start $h
	swanctl_on $h --load-all > "$(outdir $h)/load-all.txt" 2>&1
done
check "lns: crypto socket is root-only" [ "$(on lns stat -c %a /run/l2tpsec/crypto.sock)" = 600 ]

# --- the LNS listens: block policies, plaintext dropped before any SA exists ----------------------
udp_sink lns
cs_client lns xl2tpd
cs_req lns xl2tpd "listen l2tp 0.0.0.0:1701"
check "lns: LISTEN accepted" cs_wait 10 lns xl2tpd '^OK id=0'
ip -n lns xfrm policy > "$(outdir lns)/policy-listen.txt"
check "lns: block policies for udp/1701 in and out" \
	[ "$(grep -c 'action block' "$(outdir lns)/policy-listen.txt")" = 2 ]
blocked0=$(xfrm_stat lns XfrmInPolBlock)
udp_send rogue $LNS2 "plaintext-from-rogue"
udp_send lac $LNS "plaintext-from-lac-before-open"
sleep 1
check "lns: the kernel dropped both plaintext datagrams" \
	[ $(( $(xfrm_stat lns XfrmInPolBlock) - blocked0 )) -eq 2 ]
check "lns: the socket on 1701 received nothing" [ ! -s "$(outdir lns)/rx.txt" ]

# --- the LAC opens: SECURED on both ends, exactly the tunnel's policies -----------------------------
cs_client lac xl2tpd
cs_req lac xl2tpd "open 1 l2tp $LAC:1701 $LNS:1701"
check "lac: OPEN accepted" cs_wait 10 lac xl2tpd '^OK id=1$'
check "lac: SECURED" cs_wait 60 lac xl2tpd "^SECURED id=1 profile=l2tp local=$LAC:1701 remote=$LNS:1701 spi_in=[0-9a-f]* spi_out=[0-9a-f]* enc=AES_CBC-128 integ=HMAC_SHA1_96 overhead=53 reqid=[1-9][0-9]*$"
check "lns: SECURED for the passive clone" cs_wait 20 lns xl2tpd "^SECURED id=$PASSIVE profile=l2tp local=$LNS:1701 remote=$LAC:1701 "
for h in lns lac; do ip -n $h xfrm policy > "$(outdir $h)/policy-secured.txt"; done
P=$(outdir lac)/policy-secured.txt
check "lac: transport policy out for exactly the tunnel" \
	grep -A2 -q "^src $LAC/32 dst $LNS/32 proto udp sport 1701 dport 1701" "$P"
check "lac: transport policy in for exactly the tunnel" \
	grep -q "^src $LNS/32 dst $LAC/32 proto udp sport 1701 dport 1701" "$P"
check "lac: 2 IPsec + 2 block policies, nothing else" \
	[ "$(grep -c '^	dir ' "$P")" = 4 -a "$(grep -c 'mode transport' "$P")" = 2 -a "$(grep -c 'action block' "$P")" = 2 ]
check "lns: the passive clone narrowed to the LAC's endpoint" \
	grep -q "^src $LNS/32 dst $LAC/32 proto udp sport 1701 dport 1701" "$(outdir lns)/policy-secured.txt"
check "lac: datagram through ESP accepted" udp_send lac $LNS "through-esp"
check "lns: the socket received it" wait_for 5 "through-esp at lns" grep -qx through-esp "$(outdir lns)/rx.txt"
cs_req lns xl2tpd "query $LNS:1701 $LAC:1701"
check "lns: QUERY says secured, with the SA facts" \
	cs_wait 5 lns xl2tpd "^STATUS id=$PASSIVE local=$LNS:1701 remote=$LAC:1701 secured=1 spi_in="
on lns $L2TPSEC show crypto map tag l2tpsec > "$(outdir lns)/show-map.txt" 2>&1
on lns $L2TPSEC show crypto engine connections active > "$(outdir lns)/show-engine.txt" 2>&1
on lns $L2TPSEC show crypto engine connections active --json > "$(outdir lns)/show-engine.json" 2>&1
S=$(outdir lns)/show-map.txt
check "show crypto map: the template" grep -qx 'Crypto Map "l2tpsec" 10 ipsec-isakmp' "$S"
check "show crypto map: the clone with peer and ACL" sh -c "grep -qx 'Crypto Map \"l2tpsec\" 20 ipsec-isakmp' '$S' &&
	grep -qx 'Peer = $LAC' '$S' && grep -qx 'access-list permit udp host $LNS port = 1701 host $LAC port = 1701' '$S'"
check "show crypto map: the interface" grep -qx to-lac "$S"
check "show crypto engine: a decrypting ESP SA" \
	grep -qP "^\d+\tto-lac\t$LNS\tset\tHMAC_SHA\+AES_128_CB\t0\t[1-9]" "$(outdir lns)/show-engine.txt"
check "show crypto engine --json" grep -q '"state": "set", "algorithm": "HMAC_SHA+AES_128_CB"' "$(outdir lns)/show-engine.json"

# --- CLOSE without keep-sa: IKE_SA gone; the LAC's kernel refuses plaintext afterwards ---------------
cs_req lac xl2tpd "close 1"
check "lac: CLOSE accepted" cs_wait 5 lac xl2tpd '^OK id=1$'
check "lac: IKE_SA deleted (no keep-sa)" wait_for 20 "lac without SAs" no_sas lac
check "lns: CLOSED, deleted by peer" cs_wait 20 lns xl2tpd "^CLOSED id=$PASSIVE reason=2 "
blocked0=$(xfrm_stat lac XfrmOutPolBlock)
check "lac: plaintext to 1701 refused by the kernel after CLOSE" not udp_send lac $LNS "plaintext-after-close"
check "lac: XfrmOutPolBlock counted it" [ $(( $(xfrm_stat lac XfrmOutPolBlock) - blocked0 )) -ge 1 ]
check "lac: the block policies stay while the client is connected" \
	[ "$(ip -n lac xfrm policy | grep -c 'action block')" = 2 ]

# --- keep-sa: CLOSE leaves the IKE_SA, the next OPEN reuses it (quick mode only) ---------------------
cs_req lac xl2tpd "open 2 l2tp $LAC:1701 $LNS:1701 keep-sa"
check "lac: SECURED (keep-sa tunnel)" cs_wait 60 lac xl2tpd '^SECURED id=2 '
ike_before=$(ike_sa_ids lac)
cs_req lac xl2tpd "close 2"
check "lac: CHILD_SA deleted" wait_for 20 "lac without CHILD_SA" no_child_sa lac
ike_after=$(ike_sa_ids lac)
log "IKE_SA unique ids before CLOSE keep-sa: '$ike_before', after: '$ike_after'"
check "lac: IKE_SA kept (keep-sa)" [ -n "$ike_before" -a "$ike_after" = "$ike_before" ]
cs_req lac xl2tpd "open 3 l2tp $LAC:1701 $LNS:1701"
check "lac: SECURED on the kept IKE_SA" cs_wait 60 lac xl2tpd '^SECURED id=3 '
check "lac: same IKE_SA (unique id $ike_before)" [ -n "$ike_before" -a "$(ike_sa_ids lac)" = "$ike_before" ]
check "lac: only two main modes in all (the third tunnel was quick mode only)" \
	[ "$(grep -c 'initiating Main Mode' "$(outdir lac)/charon.log")" = 2 ]
check "lns: three passive clones in all" [ "$(grep -c '^SECURED' "$(outdir lns)/cs-xl2tpd.out")" = 3 ]

# --- DPD: the LAC's charon dies; the LNS reports CLOSED (dead peer) ----------------------------------
kill -9 "$(pid_of lac charon)"
check "lns: CLOSED, dead peer" cs_wait 40 lns xl2tpd "^CLOSED id=$((PASSIVE + 2)) reason=4 "
check "lns: DPD logged" grep -q 'DPD check timed out' "$(outdir lns)/charon.log"

# --- the LNS's client goes: its block policies stay (fail closed) until a settings reload ----------
cs_disconnect lns xl2tpd
check "lns: charon kept the block policies of the departed client" wait_for 5 "lns keeps blocks" \
	log_has lns charon.log CH_ORPHAN
check "lns: block policies still in the kernel" [ "$(ip -n lns xfrm policy | grep -c 'action block')" = 2 ]
swanctl_on lns --reload-settings > /dev/null 2>&1
check "lns: a settings reload releases them" \
	wait_for 5 "lns without block policies" no_block_policies lns
cs_disconnect lac xl2tpd

# --- a LISTEN adopts the SA a peer brought up before it (the L2TP daemon started after charon) ------
check "lac: charon again" charon_start lac
swanctl_on lac --load-all > /dev/null 2>&1
cs_client lac late
cs_req lac late "open 4 l2tp $LAC:1701 $LNS:1701"
check "lac: SECURED while nobody listens on the LNS" cs_wait 60 lac late '^SECURED id=4 '
cs_client lns late
cs_req lns late "listen l2tp 0.0.0.0:1701"
check "lns: the LISTEN adopts the SA that is already up" \
	cs_wait 20 lns late "^SECURED id=[0-9]* profile=l2tp local=$LNS:1701 remote=$LAC:1701 "
cs_disconnect lns late
cs_disconnect lac late

pcap_stop_all
summary "audit lac-lns: $(audit --pair $LAC $LNS)"
check "plaintext UDP/1701 between LAC and LNS: only the one datagram sent before OPEN" \
	[ "$(audit_count $LAC $LNS l2tp-plaintext)" -eq 1 ]
check "ESP carried the tunnels" [ "$(audit_count $LAC $LNS esp)" -gt 0 ]
check "charon logs hold no PSK" not grep -rq "$PSK" "$LAB_OUT/lns" "$LAB_OUT/lac"
