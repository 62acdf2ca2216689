#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# lac-aaa-tunnels: a LAC that takes its LNSes from RADIUS (RFC 2868), translated from
# profiles/ios/lac-radius.cfg (aaa authorization network default group radius, the global
# vpdn-template with crypto profile l2tp), FreeRADIUS (Debian's) in a host of its own, two LNSes
# (the seed's compulsory LNS, B at its own address). Clients dial PPP over serial lines into the
# LAC's access side:
#  - user1@corp.example: RADIUS answers with two tagged tunnels (A preference 1, B preference 2,
#    Tunnel-Password, Tunnel-Client-Auth-ID); the LAC makes [lac corp.example] from the template,
#    secures A through the crypto socket, authenticates the tunnel with RADIUS's secret (in no
#    file) and the session is up through A;
#  - A busy (a session limit of 1): the next session, refused there (CDN result 4), is placed on
#    B; A used again after the busy timeout;
#  - badpw.example: RADIUS's Tunnel-Password is wrong: B refuses the tunnel, the waiting client
#    is refused at once;
#  - A's xl2tpd killed: no answer to the SCCRQ, A is held down, the domain's next user lands on B
#    (failover in the run-time [lac]); corp2.example, sent to the same tunnels, shares the [lac]
#    and B's tunnel;
#  - nobody.example: Access-Reject: not tunnelled, and no local user: refused;
#  - FreeRADIUS stopped: a clear refusal within the RADIUS timeout, never a hang;
# and not one plaintext UDP/1701 packet on either LNS link.
# netlab-timeout: 420
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
lab_init "$1"
. "$NETLAB_TOP/tests/netlab/lib/switched.sh"	# serial lines into the LAC's access side
. "$NETLAB_TOP/tests/netlab/lib/radius.sh"

LNSA=10.0.0.13 LACA=10.0.0.12 LNSB=10.0.1.13 LACB=10.0.1.12 AAA=10.0.2.5 LACR=10.0.2.12
XL2TPD=/usr/local/sbin/xl2tpd
HOLD=15
PPP_LNS=10.40.0.1	# both LNSes' Loopback0

host_add lnsa; host_add lnsb; host_add lac; host_add aaa; host_add client
link_add lnsa $LNSA/24 lac $LACA/24
link_add lnsb $LNSB/24 lac $LACB/24
link_add aaa $AAA/24 lac $LACR/24
pcap_start lnsa to-lac
pcap_start lnsb to-lac

# radius_tunnels DOMAIN: FreeRADIUS's entry for DOMAIN naming two L2TP tunnels, A preferred
# (tag 1), then B (tag 2), each with the tunnel password cisco and our host name LAC
radius_tunnels() {
	local tag lns
	printf '%s Cleartext-Password := "cisco"\n' "$1"
	for tag in 1 2; do
		lns=$LNSA; [ $tag = 2 ] && lns=$LNSB
		printf '\tTunnel-Type:%s = L2TP,\n\tTunnel-Medium-Type:%s = IPv4,\n' $tag $tag
		printf '\tTunnel-Server-Endpoint:%s = "%s",\n\tTunnel-Preference:%s = %s,\n' \
			$tag $lns $tag $tag
		printf '\tTunnel-Password:%s = "cisco",\n\tTunnel-Client-Auth-Id:%s = "LAC"%s\n' \
			$tag $tag "$([ $tag = 1 ] && echo ,)"
	done
}
RADDB=$(hostdir aaa)/raddb
check "aaa: FreeRADIUS with the domains' tunnels" radius_conf "$RADDB" "$(outdir aaa)" "client lac {
	ipaddr = $LACR
	secret = radsecret
}" "$(radius_tunnels corp.example)
$(radius_tunnels corp2.example)
badpw.example Cleartext-Password := \"cisco\"
	Tunnel-Type = L2TP,
	Tunnel-Medium-Type = IPv4,
	Tunnel-Server-Endpoint = \"$LNSB\",
	Tunnel-Password = \"wrong\""
check "aaa: FreeRADIUS up" radius_start aaa "$RADDB"


check "lnsa: translated from lns-compulsory-complete.cfg" translated lnsa lns-compulsory-complete
check "lnsb: the same configuration" translated lnsb lns-compulsory-complete
sed -i -e "s/$LNSA/$LNSB/g" -e "s/$LACA/$LACB/g" "$(etc lnsb)/swanctl/swanctl.conf"
for h in lnsa lnsb; do
	printf '"%s" * "cisco" *\n' user1@corp.example user2@corp.example user3@badpw.example \
		user5@corp2.example \
		>> "$(etc $h)/ppp/chap-secrets"
done
check "lac: translated from lac-radius.cfg" translated lac lac-radius
check "lac: the RADIUS servers' file is root's only, with the server and the template" \
	sh -c "[ \$(stat -c %a '$(etc lac)/ppp/l2tpsec-dialin-aaa') = 600 ] &&
		grep -qx 'server $AAA 1812 radsecret' '$(etc lac)/ppp/l2tpsec-dialin-aaa' &&
		grep -qx 'template vpdn-template' '$(etc lac)/ppp/l2tpsec-dialin-aaa'"
check "lac: the access side asks RADIUS" grep -qx \
	"l2tpsec-dialin-aaa /etc/ppp/l2tpsec-dialin-aaa" "$(etc lac)/ppp/l2tpsec-dialin"
# A takes one session (IOS session-limit 1 on its vpdn-group): the second is refused as busy
sed -i 's/^\[lns 1\]$/[lns 1]\nl2tpsec session limit = 1/' "$(etc lnsa)/xl2tpd/xl2tpd.conf"
sed -i -e "s/^l2tpsec busy timeout = 60$/l2tpsec busy timeout = $HOLD/" \
	-e 's/^\[global\]$/[global]\nmax retries = 3/' "$(etc lac)/xl2tpd/xl2tpd.conf"
check "lnsa: up" lns_up lnsa
check "lnsb: up" lns_up lnsb
check "lac: charon up" charon_start lac
swanctl_on lac --load-all > "$(outdir lac)/load-all.txt" 2>&1
check "lac: patched xl2tpd up" xl2tpd_start lac $XL2TPD
{ echo "logfile $(outdir client)/pppd.log"; echo debug; } > "$(etc client)/ppp/options"

# dial N USER: serial line N, the LAC's access pppd on it, the client's pppd as USER (pppdN)
dial() {
	printf '"%s" * "cisco" *\n' "$2" > "$(etc client)/ppp/chap-secrets"
	serial_line "$1" && lac_access "$1" &&
		bg_on client "pppd$1" "$(outdir client)/pppd$1.stdout" pppd "$LAB_RUN/tty-client$1" \
			115200 local nodetach noauth user "$2" noipdefault nodefaultroute \
			logfile "$(outdir client)/pppd$1.log"
}
client_up() { on client ip -4 -o addr show | grep -q '^[0-9]*: ppp[0-9]* .*inet '; }
# hang_up N: the client hangs up line N; the switched call and its LNS pppd end
hang_up() {
	stop_daemon client "pppd$1" 15
	line_down "$1" && wait_for 30 "lnsa pppd gone" pppd_gone lnsa &&
		wait_for 30 "lnsb pppd gone" pppd_gone lnsb
}
# refused N: line N's client was refused (its pppd ended without an address), the line goes
refused() {
	wait_for 60 "client pppd$1 ends" sh -c "! kill -0 \$(cat '$(hostdir client)/pppd$1.pid') 2>/dev/null" &&
		! client_up && { line_down "$1" || stop_daemon lac "socat$1" 5; }
}
dialin_says() { local n=$1; shift; log_has lac "pppd-dialin$n.log" "$@"; }

# --- RADIUS's first tunnel: A ---------------------------------------------------------------------
dial 1 user1@corp.example
check "client: session up through the LAC" wait_for 90 "client ppp up" client_up
check "client: pings the LNS" wait_for 30 "client pings" ping_from client $PPP_LNS 3
check "lac: RADIUS named tunnel 1 to A, preferred, with a password and our name" \
	dialin_says 1 PPP_AAA_TUNNEL corp.example 1 $LNSA 1 ', tunnel password' ', our name ' LAC
check "lac: and tunnel 2 to B" dialin_says 1 PPP_AAA_TUNNEL corp.example 2 $LNSB 2 '.*' '.*' '.*'
check "lac: switched into RADIUS's tunnels" dialin_says 1 PPP_SWITCHING user1@corp.example \
	"RADIUS's tunnels for corp.example .*"
check "lac: [lac corp.example] made from the template" xl2tpd_says lac XL_AAA_LAC corp.example \
	made vpdn-template corp.example "$LNSA priority 1 (tunnel password), $LNSB priority 2 (tunnel password)"
check "lnsa: the tunnel is A's, authenticated with RADIUS's secret" [ "$(established lnsa $LACA)" = 1 ]
check "aaa: FreeRADIUS accepted the domain" grep -q 'Login OK: \[corp.example' "$(outdir aaa)/radius.log"
on lac "$NETLAB_BUILD/l2tpsec" show vpdn > "$(outdir lac)/vpdn-1.txt" 2>&1
check "lac: show vpdn: A up with the session, B unused" sh -c \
	"grep -Eq '^vpdn-group corp.example LNS ${LNSA//./\\.} priority 1: up, 1 tunnel, 1 session' '$(outdir lac)/vpdn-1.txt' &&
	 grep -Eq '^vpdn-group corp.example LNS ${LNSB//./\\.} priority 2: up, 0 tunnels' '$(outdir lac)/vpdn-1.txt'"

# --- A busy (its session limit of 1): the next session is refused there and placed on B ---------
dial 7 user2@corp.example
check "client: the second session up" wait_for 120 "second ppp up" sh -c \
	"[ \$(ip netns exec client ip -4 -o addr show | grep -c ' ppp[0-9]* .*inet ') = 2 ]"
check "lnsa: refused the call past its session limit" grep -q \
	'refused: session limit 1 of vpdn-group 1 reached (CDN result code 4)' "$(outdir lnsa)/xl2tpd.log"
check "lac: A held down as busy, the call retried on B" xl2tpd_says lac XL_CALL_BUSY corp.example \
	'[0-9]*' $LNSA 'busy: session refused (CDN result 4.*)'
check "lnsb: the second session's tunnel is B's" [ "$(established lnsb $LACB)" = 1 ]
on lac "$NETLAB_BUILD/l2tpsec" show vpdn > "$(outdir lac)/vpdn-busy.txt" 2>&1
check "lac: show vpdn: A busy with its session, B with the other" sh -c \
	"grep -Eq '^vpdn-group corp.example LNS ${LNSA//./\\.} priority 1: down .*\(busy: session refused \(CDN result 4.*1 tunnel, 1 session' '$(outdir lac)/vpdn-busy.txt' &&
	 grep -Eq '^vpdn-group corp.example LNS ${LNSB//./\\.} priority 2: up, 1 tunnel, 1 session' '$(outdir lac)/vpdn-busy.txt'"
stop_daemon client pppd1 15
stop_daemon client pppd7 15
check "lac: the first switched call ends with its client" line_down 1
check "lac: the second switched call ends with its client" line_down 7
check "lnsa: its session gone" wait_for 30 "lnsa pppd gone" pppd_gone lnsa
check "lnsb: its session gone" wait_for 30 "lnsb pppd gone" pppd_gone lnsb
# the run-time [lac]'s tunnels closed in order (StopCCN under their SAs), A's hold run out
xl2tpd_control lac "d corp.example"
a_up() {
	on lac "$NETLAB_BUILD/l2tpsec" show vpdn 2>&1 |
		grep -Eq "^vpdn-group corp.example LNS ${LNSA//./\\.} priority 1: up, 0 tunnels"
}
check "lac: A used again after the busy timeout" wait_for $((HOLD + 20)) "A back" a_up

# --- a wrong Tunnel-Password: B refuses the tunnel, the client is told at once ----------------------
dial 2 user3@badpw.example
check "client: refused" refused 2
check "lac: the waiting client refused when the tunnel failed" xl2tpd_says lac XL_SWITCH_LAC_FAILED \
	badpw.example 1 "no tunnel to LNS $LNSB: .*"
check "lac: the client was told (no L2TP session)" dialin_says 2 PPP_SWITCH_FAILED \
	"RADIUS's tunnels for badpw.example .*" user3@badpw.example "xl2tpd: no tunnel to LNS $LNSB.*"
check "lnsb: the tunnel failed its authentication" grep -q \
	'Connection closed to 10.0.1.12, port 1701 (Invalid challenge authentication)' "$(outdir lnsb)/xl2tpd.log"
check "lnsb: no tunnel established for it" [ "$(established lnsb $LACB)" = 1 ]

# --- A's xl2tpd killed: no answer to the SCCRQ, A is held down, B takes the domain ----------------
kill_on lnsa KILL xl2tpd
dial 3 user2@corp.example
check "client: session up through B" wait_for 120 "client ppp up" client_up
check "client: pings the LNS" wait_for 30 "client pings" ping_from client $PPP_LNS 3
check "lac: A held down: no answer to the SCCRQ" xl2tpd_says lac XL_LNS_DOWN corp.example $LNSA \
	$HOLD 'no answer to the SCCRQ'
check "lnsb: the tunnel is B's" [ "$(established lnsb $LACB)" = 2 ]
# another domain RADIUS sends to the same tunnels shares the [lac] and B's tunnel
dial 4 user5@corp2.example
check "client: the second session up" wait_for 90 "second ppp up" sh -c \
	"[ \$(ip netns exec client ip -4 -o addr show | grep -c ' ppp[0-9]* .*inet ') = 2 ]"
check "lac: made once, for both domains" \
	[ "$(grep -c "$(log_pattern XL_AAA_LAC '.*' '.*' '.*' 'corp2*\.example' '.*')" "$(outdir lac)/xl2tpd.log")" = 1 ]
check "lnsb: both sessions over one tunnel" [ "$(established lnsb $LACB)" = 2 ]
on lac "$NETLAB_BUILD/l2tpsec" show vpdn > "$(outdir lac)/vpdn-2.txt" 2>&1
# A: down or (its hold over) up again, its two failures and the last reason kept either way
a_line() { grep -E "^vpdn-group corp.example LNS ${LNSA//./\\.} priority 1: " "$(outdir lac)/vpdn-2.txt"; }
check "lac: show vpdn: A's failures kept with the last reason" sh -c \
	"echo '$(a_line)' | grep 'no answer to the SCCRQ' | grep -q ' 2 failures'"
check "lac: show vpdn: B with one tunnel and both sessions" grep -Eq \
	"^vpdn-group corp.example LNS ${LNSB//./\\.} priority 2: up, 1 tunnel, 2 sessions" "$(outdir lac)/vpdn-2.txt"
stop_daemon client pppd3 15
stop_daemon client pppd4 15
check "lac: the first switched call ends with its client" line_down 3
check "lac: the second switched call ends with its client" line_down 4
check "lnsb: both sessions gone" wait_for 30 "lnsb pppd gone" pppd_gone lnsb

# --- Access-Reject: not tunnelled, no local user ---------------------------------------------------
dial 5 user4@nobody.example
check "client: refused" refused 5
check "lac: RADIUS rejected the domain" dialin_says 5 PPP_AAA_NO_TUNNEL nobody.example \
	"RADIUS $AAA rejected it"

# --- FreeRADIUS stopped: a clear refusal, bounded by the RADIUS timeout -----------------------------
radius_stop aaa
dial 6 user1@corp.example
check "client: refused" refused 6
check "lac: no RADIUS server answered (its port unreachable)" dialin_says 6 PPP_AAA_SILENT \
	corp.example 'the RADIUS server: Connection refused'

for h in lac lnsa lnsb; do alive $h xl2tpd && xl2tpd_stop $h; done
for h in lac lnsa lnsb; do alive $h charon && charon_stop $h; done
pcap_stop_all
audit_clean $LACA $LNSA
audit_clean $LACB $LNSB
lab_finish
