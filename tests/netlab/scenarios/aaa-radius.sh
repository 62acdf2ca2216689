#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# aaa-radius: profiles/ios/lns-radius.cfg translated (aaa authentication ppp default group radius
# local, start-stop accounting, a "radius server" block) on an LNS whose users FreeRADIUS, in its
# own namespace, checks and accounts for through pppd's RADIUS plugin (Debian's radius.so).
# A Windows-10-style client logs in with MS-CHAPv2 (with "ppp encrypt mppe 128" added, the MPPE
# keys come from RADIUS: 128-bit MPPE up), CHAP and PAP (RADIUS's Framed-IP-Address replacing the
# pool's; a Framed-Pool naming an IOS ip local pool: its first free address, given back at
# hang-up; an unknown one refused); FreeRADIUS's detail log
# has Start, Interim-Update at the interval it gave, and Stop with session time, octets and
# packets. A wrong password and a user only the LNS knows are refused while RADIUS answers;
# FreeRADIUS stopped: the local user gets in (IOS "local" after "group radius"), a RADIUS-only
# user is refused, and without the fallback the local user is refused too, within the timeouts.
# Not one plaintext UDP/1701 packet.
# netlab-timeout: 480
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
. "$NETLAB_TOP/tests/netlab/lib/clients.sh"
. "$NETLAB_TOP/tests/netlab/lib/radius.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12 LNS_AAA=10.0.3.13 AAA=10.0.3.10
PPP_LNS=10.20.0.1	# the profile's Loopback0

host_add lns; host_add client; host_add aaa
link_add lns $LNS/24 client $CLIENT/24
link_add lns $LNS_AAA/24 aaa $AAA/24
pcap_start lns to-client

# as_user HOST USER PASSWORD pap|chap|mschap-v2 [OPTION...]: the client's next dial authenticates
# as USER with that method only
as_user() {
	local h=$1 user=$2 pw=$3 method=$4 e m
	shift 4
	e=$(etc "$h")
	{
		echo "name $user"
		for m in pap chap mschap mschap-v2 eap; do
			[ "$m" = "$method" ] || echo "refuse-$m"
		done
		printf '%s\n' noauth nodefaultroute noipdefault debug "$@" \
			"logfile $(outdir "$h")/pppd.log"
		[ "$method" = mschap-v2 ] || echo noccp
	} > "$e/ppp/options.client"
	echo "$user * \"$pw\" *" > "$e/ppp/chap-secrets"
	echo "$user * \"$pw\" *" > "$e/ppp/pap-secrets"
}
# lns_pppds: how many pppds the LNS has started in this scenario (each logs loading l2tpsec.so)
lns_pppds() { grep -c 'l2tpsec plugin [0-9.]* loaded' "$(outdir lns)/pppd.log" 2>/dev/null; }
lns_pppds_past() { [ "$(lns_pppds)" -gt "$1" ]; }
# dial_refused HOST: a dial that reaches the LNS's pppd and ends without an address, within 30 s
# (never a hang)
dial_refused() {
	local n
	n=$(lns_pppds)
	xl2tpd_control "$1" "c lns" || return 1
	wait_for 30 "lns pppd started" lns_pppds_past "${n:-0}" &&
		wait_for 30 "$1 pppd gone" pppd_gone "$1" && ! ppp_up "$1"
}
# hang_up HOST: PPP ends (LCP terminate under the SA); the tunnel and the SA stay for the next dial
hang_up() { kill_on "$1" TERM pppd && wait_for 20 "$1 pppd gone" pppd_gone "$1"; }
# detail_has PATTERN...: FreeRADIUS's accounting detail has a record with every pattern (lines of
# one record, in any order)
detail_has() {
	radius_detail aaa | awk -v RS= -v ORS='\0' '{ print }' | {
		while IFS= read -r -d '' rec; do
			ok=1
			for p in "$@"; do grep -Eq -- "$p" <<< "$rec" || ok=0; done
			[ $ok = 1 ] && exit 0
		done
		exit 1
	}
}
pppd_says() { grep -Eq -- "$2" "$(outdir "$1")/pppd.log"; }
lns_sas_gone() { [ -z "$(on lns ip xfrm state)" ]; }
# anew: as the built-in clients do after a refused connection, the next dial starts from IKE (the
# stock xl2tpd, redialling a tunnel whose sessions the LNS refused, loses its control sequence):
# PPP, L2TP and IPsec torn down, the LNS's SAs gone with them, then IKE and ESP again
anew() {
	client_hangup client
	wait_for 30 "lns SAs gone" lns_sas_gone &&
		profile_client client profile=windows-10 lns=$LNS psk=windows-psk &&
		client_ipsec_up client
}

RADDB=$(hostdir aaa)/raddb
check "aaa: FreeRADIUS configured (Debian's, this lab's client and users)" \
	radius_conf "$RADDB" "$(outdir aaa)" "client lns {
	ipaddr = $LNS_AAA
	secret = radius-secret
}" 'ms-user Cleartext-Password := "ms-user-pw"
	Acct-Interim-Interval = 60
chap-user Cleartext-Password := "chap-user-pw"
pap-user Cleartext-Password := "pap-user-pw"
	Framed-IP-Address = 10.20.0.77
pool-user Cleartext-Password := "pool-user-pw"
	Framed-Pool = "RAD-POOL"
gone-pool-user Cleartext-Password := "gone-pool-user-pw"
	Framed-Pool = "NO-SUCH-POOL"'
check "aaa: FreeRADIUS up" radius_start aaa "$RADDB"

check "lns: configuration translated from lns-radius.cfg" translated lns lns-radius
check "lns: pppd loads radius.so after l2tpsec.so, local fallback on" grep -Pzq \
	'plugin l2tpsec\.so\nplugin radius\.so\nradius-config-file /etc/ppp/radius/WINDOWS\.conf\nl2tpsec-aaa-local-fallback\n' \
	"$(etc lns)/ppp/options.WINDOWS"
check "lns: the RADIUS secrets are root's only" [ "$(stat -c %a "$(etc lns)/ppp/radius/servers")" = 600 ]
check "lns: charon up" charon_start lns
swanctl_on lns --load-all > "$(outdir lns)/load-all.txt" 2>&1
check "lns: patched xl2tpd up" xl2tpd_start lns $XL2TPD_L2TPSEC
check "lns: listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN WIN-DYN 1701

check "client: windows-10 client" profile_client client profile=windows-10 lns=$LNS psk=windows-psk
check "client: IKE and the ESP transport SA" client_ipsec_up client

# --- MS-CHAPv2, MPPE keys from RADIUS, accounting Start / Interim-Update / Stop --------------------
# MPPE as IOS "ppp encrypt mppe 128" has it on the template (pppd offers MPPE only when it
# requires it, so only for this part: CHAP and PAP users below have no MPPE keys)
echo require-mppe-128 >> "$(etc lns)/ppp/options.WINDOWS"
as_user client ms-user ms-user-pw mschap-v2 require-mppe-128
check "client: ms-user dials (MS-CHAPv2, 128-bit MPPE required)" client_dial client
check "aaa: Login OK for ms-user" grep -q 'Login OK: \[ms-user\]' "$(outdir aaa)/radius.log"
check "lns: MPPE up with the keys RADIUS sent" pppd_says lns 'MPPE 128-bit (stateless|stateful) compression enabled'
check "client pings the LNS" ping_from client $PPP_LNS 3
check "aaa: accounting Start for ms-user" wait_for 20 "aaa Start" detail_has \
	'Acct-Status-Type = Start' 'User-Name = "ms-user"'
check "aaa: from the source interface's address, its NAS-IP-Address (ip radius source-interface)" \
	detail_has 'Acct-Status-Type = Start' 'NAS-IP-Address = 10\.0\.3\.13$' \
	'NAS-Identifier = "LNS-AAA"'
check "aaa: an Interim-Update at the 60 s interval RADIUS gave" wait_for 90 "aaa Interim" \
	detail_has 'Acct-Status-Type = Interim-Update' 'User-Name = "ms-user"'
check "client pings again (counters move)" ping_from client $PPP_LNS 3
check "client: ms-user hangs up" hang_up client
check "aaa: accounting Stop: session time, octets and packets both ways" wait_for 20 "aaa Stop" \
	detail_has 'Acct-Status-Type = Stop' 'User-Name = "ms-user"' \
	'Acct-Session-Time = ([6-9][0-9]|[1-9][0-9]{2,})$' 'Acct-Input-Octets = [1-9]' \
	'Acct-Output-Octets = [1-9]' 'Acct-Input-Packets = [1-9]' 'Acct-Output-Packets = [1-9]'

sed -i '/^require-mppe-128$/d' "$(etc lns)/ppp/options.WINDOWS"

# --- CHAP and PAP; Framed-IP-Address ---------------------------------------------------------------
as_user client chap-user chap-user-pw chap
check "client: chap-user dials (CHAP-MD5)" client_dial client
check "aaa: Login OK for chap-user" grep -q 'Login OK: \[chap-user\]' "$(outdir aaa)/radius.log"
check "client: chap-user hangs up" hang_up client
as_user client pap-user pap-user-pw pap
check "client: pap-user dials (PAP)" client_dial client
check "aaa: Login OK for pap-user" grep -q 'Login OK: \[pap-user\]' "$(outdir aaa)/radius.log"
check "client: pap-user has RADIUS's Framed-IP-Address" [ "$(ppp_addr client)" = 10.20.0.77 ]
check "lns: said so" pppd_says lns 'RADIUS Framed-IP-Address 10\.20\.0\.77 for the peer'
check "client: pap-user pings the LNS" ping_from client $PPP_LNS 3
check "client: pap-user hangs up" hang_up client

# --- Framed-Pool: an address of the pool RADIUS names, given back at hang-up ---------------------
as_user client pool-user pool-user-pw chap
check "client: pool-user dials (CHAP)" client_dial client
check "client: pool-user has the first address of RADIUS's Framed-Pool" \
	[ "$(ppp_addr client)" = 10.20.1.10 ]
check "lns: said so" pppd_says lns 'RADIUS Framed-Pool RAD-POOL: 10\.20\.1\.10 for the peer'
check "lns: the address is claimed" on lns test -f /run/l2tpsec/pool/RAD-POOL/10.20.1.10
check "client: pool-user pings the LNS" ping_from client $PPP_LNS 3
check "client: pool-user hangs up" hang_up client
check "lns: the address is given back" wait_for 20 "lns pool claim gone" \
	not on lns test -e /run/l2tpsec/pool/RAD-POOL/10.20.1.10
as_user client gone-pool-user gone-pool-user-pw chap
check "client: a Framed-Pool the LNS does not have is refused" dial_refused client
check "lns: said why" pppd_says lns 'RADIUS Framed-Pool NO-SUCH-POOL: no such pool in /etc/ppp/radius/pools: refused'
check "client: anew (IKE, ESP)" anew

# --- refusals while RADIUS answers: its reject is final ---------------------------------------------
as_user client ms-user wrong-pw mschap-v2
check "client: a wrong password is refused" dial_refused client
check "aaa: logged as Login incorrect" grep -q 'Login incorrect.*\[ms-user' "$(outdir aaa)/radius.log"
check "client: anew (IKE, ESP)" anew
as_user client alice alice-pw mschap-v2
check "client: alice, a local user RADIUS does not know, is refused while RADIUS answers" \
	dial_refused client
check "lns: no local fallback while RADIUS answered" not pppd_says lns 'authenticating locally'
check "client: anew (IKE, ESP)" anew
as_user client alice alice-pw mschap-v2

# --- RADIUS down: local after group radius; refusal without it ------------------------------------
check "aaa: FreeRADIUS stopped" radius_stop aaa
check "client: alice gets in from the local users (no RADIUS server answers)" client_dial client
check "lns: said why" pppd_says lns 'no RADIUS server answered for alice: authenticating locally'
check "client: alice pings the LNS" ping_from client $PPP_LNS 3
check "client: alice hangs up" hang_up client
as_user client ms-user ms-user-pw mschap-v2
check "client: ms-user, known only to RADIUS, is refused" dial_refused client
check "lns: no local secret for ms-user either" pppd_says lns 'no local CHAP secret for ms-user either'
check "client: anew (IKE, ESP)" anew
sed -i '/^l2tpsec-aaa-local-fallback$/d' "$(etc lns)/ppp/options.WINDOWS"
as_user client alice alice-pw mschap-v2
check "client: without local fallback alice is refused, within the timeouts" dial_refused client
check "lns: a clear refusal" pppd_says lns 'no RADIUS server answered for alice, and no local fallback is configured: refused'

check "client: hangs up (L2TP, IPsec)" client_hangup client
pcap_stop_all
audit_clean $CLIENT $LNS
lab_finish
