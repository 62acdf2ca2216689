#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# translated-groups: profiles/ios/lns-mixed-groups.cfg as `l2tpsec translate` turns it into Linux
# configuration: Windows L2TP/IPsec clients under crypto profile l2tp (vpdn-group dial-in) beside
# a legacy LAC without IPsec that only its host name lets in (vpdn-group legacy,
# terminate-from hostname LEGACY-LAC). The LNS picks the group by the crypto profile of the
# peer's SA and the SCCRQ's host name:
#  - a plaintext SCCRQ naming the Windows client's group (any other host name) is dropped before
#    any state; the legacy LAC, by its name, is served in plaintext by its own group only;
#  - a client whose quick mode offers ESP the profile does not allow (3DES, which an operator let
#    into the swanctl child) is refused by the plugin even though charon would take it;
#  - the client's CHILD_SA, given the initiator's lifetime (IKEv1), is rekeyed on the profile's
#    shorter clock and the session stays up through it;
#  - not one plaintext UDP/1701 packet between the client and the LNS.
# netlab-timeout: 330
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12 LNS_L=10.0.1.13 LEGACY=10.0.1.14
PPP_LNS=10.20.0.1	# the profile's Loopback0: the LNS's end of every PPP session
# the translated profile's 1800 s, shortened (to IOS's least) so the lab sees the profile's clock
LIFETIME=120

host_add lns; host_add client; host_add legacy
link_add lns $LNS/24 client $CLIENT/24
link_add lns $LNS_L/24 legacy $LEGACY/24
pcap_start lns to-client
pcap_start lns to-legacy

# the LNS exactly as translated, but for two operator edits: 3DES let into the swanctl child
# (the plugin still holds clients to the profile), and the profile's lifetime
lns_translated() {
	local e
	translated lns lns-mixed-groups || return 1
	e=$(etc lns)
	sed -i 's/^\(\t*esp_proposals = \)aes128-sha1$/\1aes128-sha1,3des-sha1/' "$e/swanctl/swanctl.conf"
	sed -i "s/^\(\t*lifetime_seconds = \).*/\1$LIFETIME/" \
		"$e/strongswan.d/charon/l2tp-security.conf"
	grep -q 'esp_proposals = aes128-sha1,3des-sha1' "$e/swanctl/swanctl.conf"
}

# legacy_lac: stock xl2tpd, no IPsec, host name LEGACY-LAC with the tunnel secret, CHAP as
# legacy-user (the translated LNS's usernames)
legacy_lac() {
	local e
	e=$(etc legacy)
	{ xl2tpd_global_gen; xl2tpd_lac_gen lns=$LNS_L extra="hostname = LEGACY-LAC
challenge = yes
ppp debug = yes"; } > "$e/xl2tpd/xl2tpd.conf"
	echo "LEGACY-LAC * tunnel-secret" > "$e/xl2tpd/l2tp-secrets"
	chmod 600 "$e/xl2tpd/l2tp-secrets"
	cat > "$e/ppp/options.client" <<CONF
name legacy-user
noauth
nodefaultroute
noipdefault
noccp
debug
logfile $(outdir legacy)/pppd.log
CONF
	echo 'legacy-user * "cisco" *' > "$e/ppp/chap-secrets"
	xl2tpd_start legacy
}

client_has_esp() { ip -n client xfrm state | grep -q 'proto esp'; }
in_legacy_pool() { ppp_addr legacy | grep -q '^10\.30\.0\.'; }

# client_esp HOST PROPOSALS: the client's quick mode offers these
client_esp() {
	sed -i "s/^\(\t*esp_proposals = \).*/\1$2/" "$(etc "$1")/swanctl/swanctl.conf"
	swanctl_on "$1" --load-conns >> "$(outdir "$1")/load-all.txt" 2>&1
}

check "lns: configuration translated from lns-mixed-groups.cfg" lns_translated
check "lns: charon up" charon_start lns
swanctl_on lns --load-all > "$(outdir lns)/load-all.txt" 2>&1
check "lns: the plugin read the translated profile" log_has lns charon.log CH_CONFIG "[0-9.]*" 1 ": " l2tp
check "lns: patched xl2tpd up" xl2tpd_start lns $XL2TPD_L2TPSEC
check "lns: xl2tpd knows the legacy group's host name" \
	log_has lns xl2tpd.log XL_SECTION_HOST lns legacy LEGACY-LAC "no IPsec" ""
check "lns: listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701

# a plaintext SCCRQ that names no legacy LAC: dropped before any state, never answered
check "legacy: a plaintext SCCRQ naming W2K-CLIENT gets no answer" \
	not on legacy "$SCCRQ" $LNS_L W2K-CLIENT 4
check "lns: dropped it, saying why" wait_for 5 "lns no group" \
	xl2tpd_says lns XL_NO_GROUP_PLAIN 1 "$LEGACY:1701" W2K-CLIENT
check "lns: no group was picked for it (no tunnel)" \
	not xl2tpd_says lns XL_GROUP "$LEGACY:1701" W2K-CLIENT

# the Windows-style client: first a quick mode with ESP the profile does not allow
check "client: stock stack (PSK cisco as translated)" \
	client_setup client addr=$CLIENT lns=$LNS user=userSerial10@cisco.com
sed -i 's/^\(\t*secret = \).*/\1"cisco"/' "$(etc client)/swanctl/swanctl.conf"
echo 'userSerial10@cisco.com * "cisco" *' > "$(etc client)/ppp/chap-secrets"
swanctl_on client --load-creds >> "$(outdir client)/load-all.txt" 2>&1
client_esp client 3des-sha1
# (IKEv1: the responder learns the ESP it chose only as it installs the SA, after its answer:
# the client may install its side, and gets a DELETE for it at once)
client_ipsec_up client
check "lns: the plugin refused the CHILD_SA charon would have taken" wait_for 10 "lns refused" \
	log_has lns charon.log CH_PROPOSAL_REFUSED "$CLIENT" "[^ ]*3DES[^ ]*" l2tp "[^:]*"
check "client: left without an ESP SA" wait_for 10 "client without ESP" not client_has_esp
check "lns: no ESP SA, nothing SECURED" \
	sh -c "! ip -n lns xfrm state | grep -q 'proto esp' && ! grep -q 'secured $LNS:1701 <-> $CLIENT' '$LAB_OUT/lns/xl2tpd.log'"
client_esp client "$STOCK_ESP"
check "client: the profile's ESP secures" client_ipsec_up client
check "lns: SECURED the client" wait_for 10 "lns secured" \
	xl2tpd_says lns XL_SECURED "$LNS:1701" "$CLIENT:1701"
check "lns: the CHILD_SA held to the profile's lifetime" wait_for 5 "lns lifetime" \
	log_has lns charon.log CH_LIFETIME_CAPPED "[0-9]*" "[0-9]*" "[0-9]*s" l2tp $LIFETIME \
	$((LIFETIME - LIFETIME / 10)) $LIFETIME
check "client: ppp0 up" client_dial client
check "lns: the client's SCCRQ reached the protected group" \
	xl2tpd_says lns XL_GROUP "$CLIENT:1701" "[^']*" "IPsec SA of crypto profile " l2tp dial-in
check "client pings the LNS" ping_from client $PPP_LNS

# the legacy LAC, by its host name, in plaintext, into its own group
check "legacy: stock xl2tpd as LEGACY-LAC" legacy_lac
xl2tpd_control legacy "c lns"
check "legacy: ppp0 up" wait_for 30 "legacy ppp0 up" ppp_up legacy
check "lns: LEGACY-LAC reached the legacy group" \
	xl2tpd_says lns XL_GROUP "$LEGACY:1701" LEGACY-LAC "no IPsec" "" legacy
check "legacy: an address from the legacy pool" in_legacy_pool

# the profile's clock: rekeyed before its lifetime ends, the session through it
check "lns: rekeyed the client's CHILD_SA on the profile's clock" \
	wait_for $((LIFETIME + 15)) "lns rekey" log_has lns charon.log CH_REKEYED "[0-9]*" "[0-9]*" \
	"[0-9a-f]*" "[0-9a-f]*"
sleep 5
check "client still pings the LNS after the rekey" ping_from client $PPP_LNS
check "client's session still up" ppp_up client

snapshot lns groups-up
# the stock client has no block policies of its own: its pppd hangs up first, under the SA
kill_on client TERM pppd
wait_for 20 "client pppd gone" pppd_gone client
teardown client legacy lns
pcap_stop_all
summary "client: $(audit_line $CLIENT $LNS)"
summary "legacy: $(audit_line $LEGACY $LNS_L)"
check "no plaintext UDP/1701 between the client and the LNS" \
	[ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "ESP carried the client's session" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
check "the legacy LAC's tunnel ran in plaintext, as its group says" \
	[ "$(audit_count $LEGACY $LNS_L l2tp-plaintext)" -gt 0 ]
