#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# operator-commands: the IOS exec commands on a live protected session, as an operator types them
# (abbreviated). show vpdn / show l2tp come from the patched xl2tpd's control socket (the tunnel
# protected by its SA, the session on ppp0 with the kernel's counters), show crypto isakmp sa /
# ipsec sa from charon's plugin (QM_IDLE; the crypto map tag, transport mode, packets both ways);
# debug vpdn and debug crypto socket switch logging at run time; clear vpdn tunnel sends the
# tunnel away and the client dials again; clear crypto session deletes the SAs and the tunnel goes
# down at both ends. Session limits (vpdn session-limit 5, the group's session-limit 1): a second
# call on the tunnel is refused with a CDN, result code 4 — seen as IPsec delivered it, in both
# xl2tpds' logs and in show vpdn — and the first session carries on. Not one plaintext UDP/1701
# packet from first to last.
# netlab-timeout: 300
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
pcap_start lns to-client

# cli HOST FILE WORDS...: run the l2tpsec command on HOST, its output (and errors) in OUT/HOST/FILE
cli() { local h=$1 f=$2; shift 2; on "$h" "$NETLAB_BUILD/l2tpsec" "$@" > "$(outdir "$h")/$f" 2>&1; }
# has HOST FILE PATTERN: that output has a line matching the (extended) pattern
has() { grep -Eq -- "$3" "$(outdir "$1")/$2"; }
# no_tunnels HOST: show vpdn lists no tunnel
no_tunnels() { cli "$1" vpdn-after.json show vpdn --json && has "$1" vpdn-after.json '"tunnels": \[\]'; }
# tunnel_id HOST FILE: the first tunnel's local id in a show vpdn --json output
tunnel_id() { sed -n 's/.*"tunnels": \[{"local_id": \([0-9]*\),.*/\1/p' "$(outdir "$1")/$2"; }

check "lns: charon + plugin + patched xl2tpd" enforced_lns lns addr=$LNS \
	global="l2tpsec session limit = 5" lns_extra="l2tpsec session limit = 1"
check "lns: xl2tpd listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701
check "lns: show vpdn before any tunnel" cli lns vpdn-empty.txt sh vpdn
check "lns: no tunnels, IPsec required" has lns vpdn-empty.txt \
	'^L2TP Tunnel and Session Information Total tunnels 0 sessions 0$'
check "lns: the drop counter is shown" has lns vpdn-empty.txt \
	'^IPsec required; L2TP packets dropped for lack of it: 0$'

check "client: charon + plugin + patched xl2tpd" enforced_client client addr=$CLIENT lns=$LNS
check "client: dial" xl2tpd_control client "c lns"
check "client: ppp0 up" wait_for 60 "client ppp0" ppp_up client
check "client pings the LNS" ping_from client $POOL_LOCAL 5

# --- state, as IOS shows it -----------------------------------------------------------------------
check "lns: show vpdn --json" cli lns vpdn.json show vpdn --json
check "lns: the tunnel is protected by its SA" has lns vpdn.json \
	'"state": "est", "remote_address": "10\.0\.0\.12:1701", "local_address": "10\.0\.0\.13:1701", "role": "lns", "group": "default", "sessions": 1, "protected": true, "profile": "l2tp", "sa_id": [1-9][0-9]*'
check "lns: the session is on ppp0 with the kernel's counters" has lns vpdn.json \
	'"state": "est", "interface": "ppp0", "pppd_pid": [1-9][0-9]*, "uptime": [0-9]+, "in_packets": [1-9][0-9]*, "out_packets": [1-9][0-9]*, .*"counters": "kernel"'
check "lns: show vpdn (table)" cli lns vpdn.txt sh vpdn
check "lns: the table says which SA protects the tunnel" has lns vpdn.txt \
	' est +10\.0\.0\.12:1701 +1 +default +[0-9:]+ +IPsec l2tp, SA [0-9]+$'
check "lns: show vpdn session all" cli lns session-all.txt sh vpdn sess all
check "lns: the session's packets" has lns session-all.txt '^  [1-9][0-9]* packets input, [0-9]+ bytes$'
check "lns: show l2tp tunnel all" cli lns l2tp-tunnel.txt show l2tp tunnel all
check "lns: the tunnel's detail" has lns l2tp-tunnel.txt '^  Protected by: IPsec l2tp, SA [0-9]+$'
check "client: show vpdn --json" cli client vpdn.json show vpdn --json
check "client: its tunnel, as the LAC" has client vpdn.json \
	'"remote_address": "10\.0\.0\.13:1701", "local_address": "10\.0\.0\.12:1701", "role": "lac", "group": "lns", "sessions": 1, "protected": true'

# --- session limits: the group takes one session, a second call on the tunnel is refused ----------
ctid=$(tunnel_id client vpdn.json)
check "client: capture L2TP as IPsec delivers it" decrypted_start client
check "client: a second call on tunnel $ctid" xl2tpd_control client "c $ctid"
check "lns: refused by the group's session limit" wait_for 20 "lns refusal logged" \
	xl2tpd_says lns XL_LIMIT lns default "[0-9]*" $CLIENT "[0-9]*" \
	"session limit 1 of vpdn-group default reached" 4
check "client: its xl2tpd was told why" wait_for 20 "client heard the CDN" grep -q \
	"Connection closed to $LNS, serial [0-9]* (session limit 1 of vpdn-group default reached)" \
	"$(outdir client)/xl2tpd.log"
check "lns: show vpdn with limits" cli lns vpdn-limits.txt show vpdn
check "lns: the global limit counts one session" has lns vpdn-limits.txt \
	'^VPDN session limit 5: 1 sessions, 1 refused$'
check "lns: the group's limit refused one" has lns vpdn-limits.txt \
	'^vpdn-group default \(lns\) session limit 1: 1 sessions, 1 refused$'
check "lns: show vpdn --json with limits" cli lns vpdn-limits.json show vpdn --json
check "lns: ... in JSON" has lns vpdn-limits.json \
	'"limits": \{"global": \{"limit": 5, "sessions": 1, "refused": 1\}, "groups": \[\{"group": "default", "role": "lns", "limit": 1, "sessions": 1, "refused": 1\}\]\}'
check "client: the first session carries on" ping_from client $POOL_LOCAL 2
stop_daemon client pcap-decrypted 5
decrypted_read client > "$(outdir client)/decrypted.txt"
check "client: the CDN came under IPsec, result code 4" grep -Eq \
	'CDN.*RESULT_CODE\(4(/0)? session limit 1 of vpdn-group default reached' \
	"$(outdir client)/decrypted.txt"

check "lns: show crypto isakmp sa" cli lns isakmp.txt sh cry isa sa
check "lns: the client started main mode; quick mode idle" has lns isakmp.txt \
	'^10\.0\.0\.13 +10\.0\.0\.12 +QM_IDLE +[0-9]+ ACTIVE$'
check "lns: show crypto ipsec sa" cli lns ipsec.txt sh cry ipsec sa
check "lns: the crypto map tag of the tunnel's clone" has lns ipsec.txt \
	'^    Crypto map tag: l2tpsec, local addr 10\.0\.0\.13$'
check "lns: exactly the tunnel's endpoints" has lns ipsec.txt \
	'^   remote ident \(addr/prefix/prot/port\): \(10\.0\.0\.12/32/17/1701\)$'
check "lns: transport mode, the profile's transform" has lns ipsec.txt \
	'^        in use settings =\{Transport, \}$'
check "lns: esp-aes esp-sha-hmac" has lns ipsec.txt '^        transform: esp-aes esp-sha-hmac ,$'
check "lns: packets both ways" has lns ipsec.txt '^    #pkts encaps: [1-9][0-9]*, '
check "lns: ... and in" has lns ipsec.txt '^    #pkts decaps: [1-9][0-9]*, '
check "lns: show crypto ipsec sa peer CLIENT --json" cli lns ipsec.json show crypto ipsec sa peer $CLIENT --json
check "lns: one SA with that peer" has lns ipsec.json '"crypto_map": "l2tpsec", "local_addr": "10\.0\.0\.13", "peer": "10\.0\.0\.12"'
check "lns: show crypto ipsec sa peer ELSEWHERE --json" cli lns ipsec-none.json show crypto ipsec sa peer 10.0.0.99 --json
check "lns: none with another peer" has lns ipsec-none.json '^\{"ipsec_sas": \[\]\}$'

# --- debugging at run time ------------------------------------------------------------------------
check "lns: debug vpdn l2x-events" cli lns debug-vpdn.txt deb vpdn l2x-ev
check "lns: xl2tpd says so" xl2tpd_says lns XL_DEBUG l2x-events on
check "lns: debug crypto socket" cli lns debug-cs.txt debug crypto socket
check "lns: show debugging: both on" cli lns debugging.txt show debugging
check "lns: xl2tpd's part" has lns debugging.txt '^  L2X events debugging is on$'
check "lns: charon's part" has lns debugging.txt '^  Crypto socket debugging is on$'

# --- clear vpdn tunnel: the LNS sends it away, the client dials again -----------------------------
tid=$(tunnel_id lns vpdn.json)
check "lns: clear vpdn tunnel $tid" cli lns clear-vpdn.txt clear vpdn tunnel "$tid"
check "lns: cleared" has lns clear-vpdn.txt "^tunnel $tid cleared$"
check "lns: logged" xl2tpd_says lns XL_CLEARED "$tid" $CLIENT 1701
check "client: pppd gone" wait_for 30 "client pppd gone" pppd_gone client
check "lns: pppd gone" wait_for 30 "lns pppd gone" pppd_gone lns
check "client: dial again" xl2tpd_control client "c lns"
check "client: ppp0 up again" wait_for 60 "client ppp0 again" ppp_up client
check "client pings the LNS again" ping_from client $POOL_LOCAL 3
check "lns: crypto socket debugging logged the new tunnel's SECURED" \
	log_has lns charon.log CH_SS_DEBUG "[0-9]*" "<-" "SECURED"
check "lns: undebug vpdn l2x-events" cli lns undebug-vpdn.txt undebug vpdn l2x-events
check "lns: undebug crypto socket" cli lns undebug-cs.txt undebug crypto socket
check "lns: show debugging: both off" cli lns debugging-off.txt sh deb
check "lns: both off" has lns debugging-off.txt '^  Crypto socket debugging is off$'

# --- clear crypto session: the SAs go, the tunnel goes down at both ends, nothing in plaintext ----
check "lns: clear crypto session remote CLIENT" cli lns clear-crypto.txt clear crypto session remote $CLIENT
check "lns: one session cleared" has lns clear-crypto.txt '^1 crypto session\(s\) cleared$'
check "lns: charon deleted it" log_has lns charon.log CH_CLEAR "[0-9]*"
check "lns: tunnel down locally (its SA is gone)" wait_for 20 "lns tunnel down" xl2tpd_says lns XL_DOWN
check "client: tunnel down locally" wait_for 30 "client tunnel down" xl2tpd_says client XL_DOWN
check "client: pppd gone after the clear" wait_for 30 "client pppd gone" pppd_gone client
check "lns: show vpdn: nothing left" wait_for 20 "lns no tunnels" no_tunnels lns
check "lns: show crypto isakmp sa: none" cli lns isakmp-after.txt show crypto isakmp sa
check "lns: no ISAKMP SA with the client" not has lns isakmp-after.txt '10\.0\.0\.12'

pcap_stop_all
audit_clean $LNS $CLIENT
lab_finish
