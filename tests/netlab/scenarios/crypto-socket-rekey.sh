#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# crypto-socket-rekey: two LACs open tunnels to one listening LNS at the same time, each gets its
# own clone (its own crypto map sequence number and CHILD_SA); with the seed's client-initiated
# lifetime of 120 s the SAs are rekeyed make-before-break and outlive the old SAs' hard expiry
# without a single CLOSED, and datagrams still pass through ESP afterwards.
# netlab-timeout: 300
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/cryptosock.sh"
lab_init "$1"

LNS=10.0.0.13 LAC=10.0.0.12 LNS2=10.0.1.13 LAC2=10.0.1.12

host_add lns; host_add lac; host_add lac2
link_add lns $LNS/24 lac $LAC/24
link_add lns $LNS2/24 lac2 $LAC2/24
pcap_start lns to-lac
for h in lns lac lac2; do charon_conf $h l2tp-security "$(plugin_gen lifetime=120)"; done
swanctl_gen local="$LNS,$LNS2" child=lns dpd=2s > "$(etc lns)/swanctl/swanctl.conf"
swanctl_gen local=$LAC remote=$LNS dpd=2s > "$(etc lac)/swanctl/swanctl.conf"
swanctl_gen local=$LAC2 remote=$LNS2 dpd=2s > "$(etc lac2)/swanctl/swanctl.conf"
for h in lns lac lac2; do
	check "$h: charon with the plugin" charon_start $h
	swanctl_on $h --load-all > "$(outdir $h)/load-all.txt" 2>&1
done
udp_sink lns
cs_client lns xl2tpd
cs_req lns xl2tpd "listen l2tp 0.0.0.0:1701"
check "lns: LISTEN accepted" cs_wait 10 lns xl2tpd '^OK id=0'

# both at once
cs_client lac xl2tpd
cs_client lac2 xl2tpd
cs_req lac xl2tpd "open 1 l2tp $LAC:1701 $LNS:1701"
cs_req lac2 xl2tpd "open 1 l2tp $LAC2:1701 $LNS2:1701"
check "lac: SECURED" cs_wait 60 lac xl2tpd '^SECURED id=1 '
check "lac2: SECURED" cs_wait 60 lac2 xl2tpd '^SECURED id=1 '
check "lns: two passive clones, one per LAC" sh -c "
	grep -q '^SECURED id=[0-9]* profile=l2tp local=$LNS:1701 remote=$LAC:1701 ' '$LAB_OUT/lns/cs-xl2tpd.out' &&
	grep -q '^SECURED id=[0-9]* profile=l2tp local=$LNS2:1701 remote=$LAC2:1701 ' '$LAB_OUT/lns/cs-xl2tpd.out' &&
	[ \$(grep -o '^SECURED id=[0-9]*' '$LAB_OUT/lns/cs-xl2tpd.out' | sort -u | wc -l) = 2 ]"
on lns $L2TPSEC show crypto map > "$(outdir lns)/show-map.txt" 2>&1
check "show crypto map: clones 20 and 30 beside template 10" sh -c "
	grep -qx 'Crypto Map \"l2tpsec\" 10 ipsec-isakmp' '$(outdir lns)/show-map.txt' &&
	grep -qx 'Crypto Map \"l2tpsec\" 20 ipsec-isakmp' '$(outdir lns)/show-map.txt' &&
	grep -qx 'Crypto Map \"l2tpsec\" 30 ipsec-isakmp' '$(outdir lns)/show-map.txt'"
check "show crypto map: lifetime 120 s" grep -q '^Security association lifetime:4608000 kilobytes/120 seconds' "$(outdir lns)/show-map.txt"
check "lac: through ESP" udp_send lac $LNS before-rekey-1
check "lac2: through ESP" udp_send lac2 $LNS2 before-rekey-2

# rekeyed by ~108 s, the old SAs expire at 120 s: wait past both
check "lac: CHILD_SA rekeyed" wait_for 150 "lac rekey" log_has lac charon.log CH_REKEYED 1
check "lac2: CHILD_SA rekeyed" wait_for 30 "lac2 rekey" log_has lac2 charon.log CH_REKEYED 1
# the old SA goes at the first hard expiry of either end: this side's, or the peer's DELETE
check "lac: old CHILD_SA expired" wait_for 40 "lac old SA gone" grep -q 'closing expired CHILD_SA\|deleting CHILD_SA\|CHILD_SA .* expired\|received DELETE for ESP CHILD_SA' "$(outdir lac)/charon.log"
sleep 3
check "lac: no CLOSED through the rekey" not grep -q '^CLOSED' "$LAB_OUT/lac/cs-xl2tpd.out"
check "lac2: no CLOSED through the rekey" not grep -q '^CLOSED' "$LAB_OUT/lac2/cs-xl2tpd.out"
check "lns: no CLOSED through the rekeys" not grep -q '^CLOSED' "$LAB_OUT/lns/cs-xl2tpd.out"
check "lac: still through ESP after the rekey" udp_send lac $LNS after-rekey-1
check "lac2: still through ESP after the rekey" udp_send lac2 $LNS2 after-rekey-2
check "lns: received all four" wait_for 5 "four datagrams" sh -c "
	grep -qx after-rekey-1 '$(outdir lns)/rx.txt' && grep -qx after-rekey-2 '$(outdir lns)/rx.txt' &&
	grep -qx before-rekey-1 '$(outdir lns)/rx.txt' && grep -qx before-rekey-2 '$(outdir lns)/rx.txt'"
cs_req lns xl2tpd "query $LNS:1701 $LAC:1701"
check "lns: QUERY after the rekey: secured" cs_wait 5 lns xl2tpd "^STATUS id=[0-9]* local=$LNS:1701 remote=$LAC:1701 secured=1 "
for h in lac lac2 lns; do cs_disconnect $h xl2tpd; done
pcap_stop_all
summary "audit lac-lns: $(audit --pair $LAC $LNS)"
check "no plaintext UDP/1701 between LAC and LNS" [ "$(audit_count $LAC $LNS l2tp-plaintext)" -eq 0 ]
