#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# enforced-keepsa: keep-sa as the patched xl2tpd carries it. When the last L2TP tunnel to a peer
# ends, xl2tpd CLOSEs its IPsec SA on the crypto socket with the section's keep-sa: with keep-sa
# (both ends) the CHILD_SA goes and the IKE_SA stays, so the next dial needs only a quick mode on
# the same IKE_SA; without it (the client's [lac lns-nokeep]) the IKE_SA goes too, at both ends.
# Nothing crosses the wire in plaintext on the way down either time.
# netlab-timeout: 240
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/voluntary.sh"
. "$NETLAB_TOP/tests/netlab/lib/cryptosock.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
pcap_start lns to-client

# tunnel_gone_logged HOST N: HOST's xl2tpd closed an SA for a finished tunnel at least N times
tunnel_gone_logged() { [ "$(grep -c 'closing its IPsec SA' "$LAB_OUT/$1/xl2tpd.log")" -ge "$2" ]; }
# sole_ike HOST ID: HOST has exactly one IKE_SA, and it is ID
sole_ike() { [ "$(ike_sa_ids "$1" | tr '\n' ' ')" = "$2 " ]; }
# dial HOST LAC: dial, ppp0 up, a ping through it
dial() {
	xl2tpd_control "$1" "c $2" && wait_for 60 "$1 ppp0 ($2)" ppp_up "$1" &&
		ping_from "$1" $POOL_LOCAL
}

LNS_KEEP_SA=yes check "lns: keep-sa yes" enforced_lns lns $LNS
check "lns: listens" wait_for 20 "lns LISTEN" \
	xl2tpd_log lns "l2tpsec: passive open for crypto profile l2tp on port 1701"
check "client: [lac lns] keep-sa yes, [lac lns-nokeep] keep-sa no" enforced_client client $CLIENT $LNS \
	"l2tpsec keep sa = yes
[lac lns-nokeep]
lns = $LNS
pppoptfile = /etc/ppp/options.client
length bit = yes
autodial = no
redial = no
l2tpsec crypto profile = l2tp
l2tpsec keep sa = no"

# --- keep-sa: the tunnel ends, the CHILD_SA goes, the IKE_SA stays --------------------------------
check "client: dial [lac lns], session up" dial client lns
ike_client=$(ike_sa_ids client) ike_lns=$(ike_sa_ids lns)
log "IKE_SAs: client #$ike_client, lns #$ike_lns"
check "client: disconnect [lac lns]" xl2tpd_control client "d lns"
check "client: pppd gone" wait_for 30 "client pppd gone" pppd_gone client
check "client: xl2tpd closed the SA with keep-sa" wait_for 30 "client CLOSE" xl2tpd_log client \
	"l2tpsec: last tunnel to $LNS:1701 gone: closing its IPsec SA (id [0-9]*, keep-sa yes)"
check "lns: xl2tpd closed its side with keep-sa" wait_for 30 "lns CLOSE" xl2tpd_log lns \
	"l2tpsec: last tunnel to $CLIENT:1701 gone: closing its IPsec SA (id [0-9]*, keep-sa yes)"
check "client: CHILD_SA gone" wait_for 20 "client child gone" no_child_sa client
check "lns: CHILD_SA gone" wait_for 20 "lns child gone" no_child_sa lns
check "client: the same IKE_SA stays" sole_ike client "$ike_client"
check "lns: the same IKE_SA stays" sole_ike lns "$ike_lns"
check "client: charon said why it kept it" \
	grep -q 'keeping IKE_SA (keep-sa)' "$LAB_OUT/client/charon.log"

# the next dial rides the kept IKE_SA: a quick mode, no new main mode
mm=$(grep -c 'initiating Main Mode' "$LAB_OUT/client/charon.log")
check "client: dial again, session up" dial client lns
check "client: on the kept IKE_SA" sole_ike client "$ike_client"
check "client: no new main mode" [ "$(grep -c 'initiating Main Mode' "$LAB_OUT/client/charon.log")" = "$mm" ]
check "client: a new CHILD_SA" not no_child_sa client
check "client: disconnect again" xl2tpd_control client "d lns"
check "client: pppd gone again" wait_for 30 "client pppd gone (2)" pppd_gone client
check "client: SA closed again, IKE_SA kept" wait_for 30 "client CLOSE (2)" tunnel_gone_logged client 2
check "client: CHILD_SA gone again" wait_for 20 "client child gone (2)" no_child_sa client

# --- no keep-sa: the IKE_SA goes with the tunnel, at both ends ------------------------------------
check "client: dial [lac lns-nokeep], session up" dial client lns-nokeep
check "client: disconnect [lac lns-nokeep]" xl2tpd_control client "d lns-nokeep"
check "client: pppd gone (no keep-sa)" wait_for 30 "client pppd gone (3)" pppd_gone client
check "client: xl2tpd closed the SA without keep-sa" wait_for 30 "client CLOSE (3)" xl2tpd_log client \
	"l2tpsec: last tunnel to $LNS:1701 gone: closing its IPsec SA (id [0-9]*, keep-sa no)"
check "client: no IKE_SA left" wait_for 20 "client no SAs" no_sas client
check "lns: no IKE_SA left (the client deleted it)" wait_for 20 "lns no SAs" no_sas lns

teardown client lns
pcap_stop_all
summary "audit: $(audit_line $CLIENT $LNS)"
check "no plaintext UDP/1701 between client and LNS, dials and teardowns included" \
	[ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "ESP carried the sessions" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
