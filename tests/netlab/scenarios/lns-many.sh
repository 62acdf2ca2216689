#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# lns-many: 60 clients at once against the l2tpsec LNS, each from its own address with its own
# IKEv1 main mode, transport SA, L2TP tunnel and PPP session (tests/netlab/loadgen and a client
# charon with a trap connection per address). Each sends its SCCRQ a second time as the SCCRP
# arrives, as a client whose first answer came late does: the LNS answers the copy with nothing
# and keeps the tunnel (a copy taken for a client starting over took the tunnel and its SA down,
# which load showed). All come up and stay up, are hung up at once, the LNS ends every session,
# and its link carries no plaintext UDP/1701. The figures at 1,000 are bench/lns-scale's.
# netlab-timeout: 600
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/loadgen.sh"
lab_init "$1"

N=60 LNS=10.0.0.13 GEN=10.0.0.12 FIRST=10.0.16.1
POOL_RANGE=10.20.0.1-10.20.0.250
host_add lns; host_add gen
link_add lns $LNS/16 gen $GEN/16
check "gen: $N client addresses" loadgen_addrs gen to-lns $FIRST $N 16
pcap_start lns to-gen

check "lns: charon + plugin + patched xl2tpd" \
	enforced_lns lns addr=$LNS ike=aes128-sha1-modp2048 esp=aes128-sha1 charon="$LOADGEN_CHARON" \
		dpd=
loadgen_lns_ppp lns
check "lns: listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701
check "lns: says its descriptor limit" xl2tpd_says lns XL_NOFILE
check "gen: charon with $N trap connections" loadgen_charon gen $FIRST $N $LNS

out=$(outdir gen)/loadgen.txt
on gen "$LOADGEN" -s $LNS -a $FIRST -n $N -r 20 -w $N -u $LOADGEN_USER -p $LOADGEN_PASSWORD \
	-t 300 -h 15 -R > "$out" 2>&1 &
lg=$!
check "gen: every session up" wait_for 320 "setup over" grep -q "^setup over: $N of $N sessions up" "$out"
check "lns: $N sessions (pppd)" [ "$(lns_sessions lns)" = $N ]
check "lns: each repeated SCCRQ answered by its tunnel, its copy silent" \
	[ "$(grep -c "$(log_pattern XL_REPEATED)" "$(outdir lns)/xl2tpd.log")" -ge $N ]
check "lns: no tunnel taken for superseded" not log_has lns xl2tpd.log XL_SUPERSEDED
check "lns: no IPsec SA closed under a session" not log_has lns xl2tpd.log XL_SA_CLOSED
wait "$lg"
summary "$(grep '^RESULT' "$out")"
check "gen: every session stayed up through the hold and was hung up" \
	grep -q "^RESULT n=$N .* held_up=$N down_acked=$N/$N" "$out"
check "lns: every session ended" wait_for 60 "lns sessions gone" pppd_gone lns
charon_stop gen
xl2tpd_stop lns
charon_stop lns
pcap_stop_all
plain=$(audit | sed -n 's/.* l2tp-plaintext=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
esp=$(audit | sed -n 's/.* esp=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
check "no plaintext UDP/1701 on the LNS's link ($esp ESP packets)" [ "$plain" -eq 0 ]
summary "audit: $N clients, ESP $esp, plaintext UDP/1701 $plain"
