#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# lac-failover: a LAC translated from profiles/ios/lac-failover.cfg (initiate-to 10.0.0.13
# priority 1 and 10.0.1.13 priority 2, l2tp tunnel busy timeout) with two LNSes, each the seed's
# compulsory LNS (lns-compulsory-complete.cfg) translated and run as it comes out, B at its own
# address. New tunnels go to A. A's xl2tpd killed (no answer to the SCCRQ), A's charon stopped
# (IPsec not established), A's IKE SA deleted under a live session (IPsec SA lost), A's link
# down: each time A is held down with its reason in show vpdn and the session lands on B,
# secured anew through the crypto socket within the retry budget; with A repaired and its hold
# over (the lab shortens IOS's 60 s minimum), the next tunnel goes to A again by priority. With
# both at priority 1, 20 switched sessions (serial clients into the LAC's access side) are shared
# 10 and 10, over one tunnel to each.
# Not one plaintext UDP/1701 packet on either link.
# netlab-timeout: 600
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
. "$NETLAB_TOP/tests/netlab/lib/faults.sh"
lab_init "$1"
. "$NETLAB_TOP/tests/netlab/lib/switched.sh"	# serial lines into the LAC's access side

LNSA=10.0.0.13 LACA=10.0.0.12 LNSB=10.0.1.13 LACB=10.0.1.12
XL2TPD=/usr/local/sbin/xl2tpd
HOLD=15		# the lab's busy timeout, seconds
PPP_LNS=10.40.0.1	# both LNSes' Loopback0

host_add lnsa; host_add lnsb; host_add lac
link_add lnsa $LNSA/24 lac $LACA/24
link_add lnsb $LNSB/24 lac $LACB/24
pcap_start lnsa to-lac
pcap_start lnsb to-lac

# cli FILE WORDS...: the l2tpsec command on the LAC, its output in OUT/lac/FILE
cli() { local f=$1; shift; on lac "$NETLAB_BUILD/l2tpsec" "$@" > "$(outdir lac)/$f" 2>&1; }
# lns_line FILE ADDR PATTERN: show vpdn's line for LNS ADDR matches PATTERN (extended)
lns_line() {
	grep -E -- "^vpdn-group 1 LNS ${2//./\\.} priority [0-9]+: $3" "$(outdir lac)/$1" >/dev/null
}
# shows FILE ADDR PATTERN: show vpdn on the LAC, and its line for LNS ADDR matches PATTERN
shows() { cli "$1" show vpdn && lns_line "$@"; }
dial() { xl2tpd_control lac "c 1"; }
# session_up: the LAC's pppd has its address from the LNS's pool and pings the LNS (on any ppp
# interface: after an SA loss the new session's pppd may start before the old one has gone)
ppp_any_up() { on lac ip -4 -o addr show | grep -q '^[0-9]*: ppp[0-9]* .*inet '; }
session_up() {
	wait_for 120 "lac ppp up" ppp_any_up && wait_for 30 "lac pings" ping_from lac $PPP_LNS 3
}
# hang_up: the LAC's tunnel (and its session) closed in order, inside the SA
hang_up() {
	xl2tpd_control lac "d 1"
	wait_for 60 "lac pppd gone" pppd_gone lac &&
		wait_for 30 "lnsa pppd gone" pppd_gone lnsa && wait_for 30 "lnsb pppd gone" pppd_gone lnsb
}
# held_over: A's hold is over (show vpdn says up again)
held_over() { shows vpdn-a-back.txt $LNSA 'up,'; }

check "lnsa: translated from lns-compulsory-complete.cfg" translated lnsa lns-compulsory-complete
check "lnsb: the same configuration" translated lnsb lns-compulsory-complete
sed -i -e "s/$LNSA/$LNSB/g" -e "s/$LACA/$LACB/g" "$(etc lnsb)/swanctl/swanctl.conf"
check "lac: translated from lac-failover.cfg" translated lac lac-failover
check "lac: both LNSes with their priorities and the busy timeout" grep -Pzq \
	"lns = $LNSA\nlns = $LNSB\nl2tpsec lns priority = $LNSA 1\nl2tpsec lns priority = $LNSB 2\nl2tpsec busy timeout = 60\n" \
	"$(etc lac)/xl2tpd/xl2tpd.conf"
# the lab shortens the hold and gives up on an SCCRQ after 4 tries (15 s) instead of 6 (63 s)
sed -i -e "s/^l2tpsec busy timeout = 60$/l2tpsec busy timeout = $HOLD/" \
	-e 's/^\[global\]$/[global]\nmax retries = 3/' "$(etc lac)/xl2tpd/xl2tpd.conf"
check "lnsa: up" lns_up lnsa
check "lnsb: up" lns_up lnsb
check "lac: charon up" charon_start lac
swanctl_on lac --load-all > "$(outdir lac)/load-all.txt" 2>&1
check "lac: patched xl2tpd up" xl2tpd_start lac $XL2TPD
check "lac: says its LNS order" xl2tpd_says lac XL_LNS_ORDER 1 \
	"$LNSA priority 1, $LNSB priority 2" $HOLD

# --- A first, by priority ------------------------------------------------------------------------
dial
check "lac: session up through A" session_up
check "lnsa: the tunnel is A's" [ "$(established lnsa $LACA)" = 1 ]
check "lac: show vpdn: A up with the tunnel and the session" shows vpdn-1.txt $LNSA \
	'up, 1 tunnel, 1 session, 0 failures$'
check "lac: show vpdn: B up, unused" lns_line vpdn-1.txt $LNSB 'up, 0 tunnels, 0 sessions'
check "lac: hangs up" hang_up

# --- A's xl2tpd killed: no answer to the SCCRQ --------------------------------------------------
kill_on lnsa KILL xl2tpd
dial
check "lac: session up through B" session_up
check "lnsb: the tunnel is B's" [ "$(established lnsb $LACB)" = 1 ]
check "lac: A held down: no answer to the SCCRQ" xl2tpd_says lac XL_LNS_DOWN 1 $LNSA $HOLD \
	'no answer to the SCCRQ'
check "lac: show vpdn: A down with its reason, B carries the session" shows vpdn-2.txt $LNSA \
	'down 00:00:[0-9]{2} more \(no answer to the SCCRQ\), 0 tunnels, 0 sessions, 1 failure$'
check "lac: show vpdn: B up with the tunnel and the session" lns_line vpdn-2.txt $LNSB \
	'up, 1 tunnel, 1 session'
check "lac: hangs up" hang_up

# --- A repaired, its hold over: used again by priority ------------------------------------------
check "lnsa: xl2tpd again" xl2tpd_start lnsa $XL2TPD
check "lac: A's hold ends after the busy timeout" wait_for $((HOLD + 20)) "A back" held_over
dial
check "lac: session up through A again" session_up
check "lnsa: a second tunnel from the LAC" [ "$(established lnsa $LACA)" = 2 ]
check "lac: show vpdn: A up again, its last failure kept" shows vpdn-3.txt $LNSA \
	'up, 1 tunnel, 1 session, 1 failure \(last: no answer to the SCCRQ\)$'
check "lac: hangs up" hang_up

# --- A's charon stopped: IPsec not established -----------------------------------------------------
check "lnsa: charon stopped" charon_stop lnsa
dial
check "lac: session up through B" session_up
check "lac: the dial went on to the next LNS" xl2tpd_says lac XL_DIAL_NEXT 1 "$LNSA:1701"
check "lac: A held down: IPsec not established" xl2tpd_says lac XL_LNS_DOWN 1 $LNSA $HOLD \
	'IPsec not established'
check "lnsb: a second tunnel from the LAC" [ "$(established lnsb $LACB)" = 2 ]
check "lac: hangs up" hang_up

# --- A's SA lost under a live session ----------------------------------------------------------
n=$(listens lnsa)
check "lnsa: charon again" charon_start lnsa
swanctl_on lnsa --load-all >> "$(outdir lnsa)/load-all.txt" 2>&1
check "lnsa: its xl2tpd listens on the crypto socket again" wait_for 90 "lnsa LISTEN again" \
	sh -c "[ \$(grep -c '$(log_pattern XL_LISTEN)' '$(outdir lnsa)/xl2tpd.log') -gt $n ]"
check "lac: A's hold ends" wait_for $((HOLD + 20)) "A back" held_over
dial
check "lac: session up through A again" session_up
check "lnsa: a third tunnel from the LAC" [ "$(established lnsa $LACA)" = 3 ]
swanctl_on lnsa --terminate --ike-id "$(ike_id lnsa)" >> "$(outdir lnsa)/terminate.txt" 2>&1
check "lac: A held down: its IPsec SA lost" wait_for 30 "A down" xl2tpd_says lac XL_LNS_DOWN 1 \
	$LNSA $HOLD 'IPsec SA'
check "lac: redialled at once, the session up through B" \
	wait_for 60 "B's third tunnel" sh -c "[ \$(grep -c 'Connection established to $LACB, 1701' '$(outdir lnsb)/xl2tpd.log') = 3 ]"
check "lac: session up through B" session_up
check "lac: hangs up" hang_up

# --- A's link down: IPsec not established ----------------------------------------------------------
check "lac: A's hold ends" wait_for $((HOLD + 20)) "A back" held_over
ip -n lnsa link set to-lac down
dial
check "lac: session up through B" session_up
check "lnsb: a fourth tunnel from the LAC" [ "$(established lnsb $LACB)" = 4 ]
check "lac: show vpdn: A down, its fourth failure" shows vpdn-4.txt $LNSA \
	'down 00:00:[0-9]{2} more \(IPsec not established[^)]*\)\), 0 tunnels, 0 sessions, 4 failures$'
check "lac: show vpdn --json: A down, B with the session" cli vpdn-4.json show vpdn --json
check "lac: the JSON lists both LNSes" grep -q \
	"\"lns\": \"$LNSA\", \"priority\": 1, \"up\": false, .*\"lns\": \"$LNSB\", \"priority\": 2, \"up\": true, .*\"tunnels\": 1, \"sessions\": 1}" \
	"$(outdir lac)/vpdn-4.json"

check "lac: hangs up" hang_up

# --- equal priorities: 20 switched sessions shared, one tunnel to each LNS ----------------------
# (the seed's compulsory clients: PPP over serial lines into the LAC's access side, whose pppd
# switches each user into L2TP; xl2tpd's own "c" places one session per [lac])
ip -n lnsa link set to-lac up
sed -i "s/^l2tpsec lns priority = $LNSB 2$/l2tpsec lns priority = $LNSB 1/" \
	"$(etc lac)/xl2tpd/xl2tpd.conf"
xl2tpd_stop lac
check "lac: xl2tpd again, both LNSes at priority 1" xl2tpd_start lac $XL2TPD
host_add client
{ echo "logfile $(outdir client)/pppd.log"; echo debug; } > "$(etc client)/ppp/options"
client_secret client userSerial10@cisco.com cisco
clients_up() { on client ip -4 -o addr show | grep -c '^[0-9]*: ppp[0-9]* .*inet '; }
clients_past() { [ "$(clients_up)" -gt "$1" ]; }
a=$(established lnsa $LACA) b=$(established lnsb $LACB)
for i in $(seq 1 20); do
	serial_line $i && lac_access $i &&
		bg_on client "pppd$i" "$(outdir client)/pppd$i.stdout" pppd "$LAB_RUN/tty-client$i" \
			115200 local nodetach noauth user userSerial10@cisco.com noipdefault nodefaultroute
	wait_for 60 "switched session $i" clients_past $((i - 1)) || break
done
check "client: 20 sessions up" [ "$(clients_up)" = 20 ]
check "lac: show vpdn: A has 10 sessions over one tunnel" shows vpdn-5.txt $LNSA \
	'up, 1 tunnel, 10 sessions'
check "lac: show vpdn: B has the other 10 over one tunnel" lns_line vpdn-5.txt $LNSB \
	'up, 1 tunnel, 10 sessions'
check "lnsa: one new tunnel for them" [ "$(established lnsa $LACA)" = $((a + 1)) ]
check "lnsb: one new tunnel for them" [ "$(established lnsb $LACB)" = $((b + 1)) ]
check "lac: hangs up both tunnels" hang_up
for i in $(seq 1 20); do stop_daemon lac "socat$i" 5; done	# the serial lines hang up
check "client: every session ended" wait_for 60 "client pppds gone" pppd_gone client
for h in lac lnsa lnsb; do xl2tpd_stop $h; done
for h in lac lnsa lnsb; do alive $h charon && charon_stop $h; done
pcap_stop_all
audit_clean $LACA $LNSA
audit_clean $LACB $LNSB
lab_finish
