#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# enforced-lac: the patched xl2tpd's LAC dial, start to end. Dialled while the LNS is not up, it
# waits for SECURED (bounded), says why it failed, retries with backoff and sends no SCCRQ; once
# the LNS is up the next attempt secures the tunnel and dials. When the last L2TP tunnel to a peer
# ends, xl2tpd CLOSEs its IPsec SA on the crypto socket with the section's keep-sa: with keep-sa
# (both ends) the CHILD_SA goes and the IKE_SA stays, so the next dial needs only a quick mode on
# the same IKE_SA; without it (the client's [lac lns-nokeep]) the IKE_SA goes too, at both ends.
# Nothing crosses the wire in plaintext at any point.
# netlab-timeout: 300
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
pcap_start lns to-client

# closes HOST KEEP N: HOST's xl2tpd has CLOSEd an SA for a finished tunnel with keep-sa KEEP
# (yes|no) at least N times
closes() { [ "$(grep -c "closing its IPsec SA (id [0-9]*, keep-sa $2)" "$LAB_OUT/$1/xl2tpd.log")" -ge "$3" ]; }
# sole_ike HOST ID: HOST has exactly one IKE_SA, and it is ID
sole_ike() { [ "$(ike_sa_ids "$1" | tr '\n' ' ')" = "$2 " ]; }
# main_modes: how many main modes the client's charon started
main_modes() { grep -c 'initiating Main Mode' "$LAB_OUT/client/charon.log"; }
# dial HOST LAC: dial, ppp0 up, a ping through it
dial() {
	xl2tpd_control "$1" "c $2" && wait_for 60 "$1 ppp0 ($2)" ppp_up "$1" &&
		ping_from "$1" $POOL_LOCAL
}
# hang_up HOST LAC N: disconnect, pppd gone, the N-th CHILD_SA close
hang_up() {
	xl2tpd_control "$1" "d $2" && wait_for 30 "$1 pppd gone ($2)" pppd_gone "$1" &&
		wait_for 30 "$1 CLOSE $3" closes "$1" "$4" "$3"
}

# --- the LNS is not up yet: the dial waits, fails, backs off, and sends nothing -------------------
check "client: [lac lns] keep-sa yes, [lac lns-nokeep] keep-sa no" enforced_client client addr=$CLIENT lns=$LNS \
	lacs="lns:yes lns-nokeep:no"
check "client: dial [lac lns] with no LNS" xl2tpd_control client "c lns"
check "client: no SA within the bound: logged, retrying" wait_for 45 "client backoff" xl2tpd_says client \
	XL_DIAL_BACKOFF lns "$LNS:1701" ".*" 2
check "client: no SCCRQ went out" not xl2tpd_log client "Connecting to host $LNS"

check "lns: up now, keep-sa yes" enforced_lns lns addr=$LNS keep_sa=yes
check "lns: listens" wait_for 20 "lns LISTEN" \
	xl2tpd_says lns XL_LISTEN l2tp 1701
check "client: a later attempt secured the tunnel and dialled; session up" \
	wait_for 90 "client ppp0 (retried)" ppp_up client
check "client pings the LNS" ping_from client $POOL_LOCAL

# --- keep-sa: the tunnel ends, the CHILD_SA goes, the IKE_SA stays --------------------------------
ike_client=$(ike_sa_ids client) ike_lns=$(ike_sa_ids lns)
log "IKE_SAs: client #$ike_client, lns #$ike_lns"
check "client: hang up [lac lns]; xl2tpd closed the SA with keep-sa" hang_up client lns 1 yes
check "lns: xl2tpd closed its side with keep-sa" wait_for 30 "lns CLOSE" closes lns yes 1
check "client: CHILD_SA gone" wait_for 20 "client child gone" no_child_sa client
check "lns: CHILD_SA gone" wait_for 20 "lns child gone" no_child_sa lns
check "client: the same IKE_SA stays" sole_ike client "$ike_client"
check "lns: the same IKE_SA stays" sole_ike lns "$ike_lns"
check "client: charon said why it kept it" \
	log_has client charon.log CH_KEEP_SA

# the next dial rides the kept IKE_SA: a quick mode, no new main mode
mm=$(main_modes)
check "client: dial again, session up" dial client lns
check "client: on the kept IKE_SA" sole_ike client "$ike_client"
check "client: no new main mode" [ "$(main_modes)" = "$mm" ]
check "client: a new CHILD_SA" not no_child_sa client
check "client: hang up again, keep-sa again" hang_up client lns 2 yes
check "client: CHILD_SA gone again" wait_for 20 "client child gone (2)" no_child_sa client
check "client: the IKE_SA still stays" sole_ike client "$ike_client"

# --- no keep-sa: the IKE_SA goes with the tunnel, at both ends ------------------------------------
check "client: dial [lac lns-nokeep], session up" dial client lns-nokeep
check "client: hang up [lac lns-nokeep]; xl2tpd closed the SA without keep-sa" hang_up client lns-nokeep 1 no
check "client: no IKE_SA left" wait_for 20 "client no SAs" no_sas client
check "lns: no IKE_SA left (the client deleted it)" wait_for 20 "lns no SAs" no_sas lns

teardown client lns
pcap_stop_all
summary "audit: $(audit_line $CLIENT $LNS); client main modes: $(main_modes)"
check "no plaintext UDP/1701 between client and LNS, failed dial and teardowns included" \
	[ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "ESP carried the sessions" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
