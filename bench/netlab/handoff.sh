#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench: the LAC hand-off's cost. The same serial client (CHAP, userSerial10@cisco.com) either
# switched by the LAC into L2TP/IPsec to the LNS (the seed's compulsory example, translated), or
# dialling a pppd on the LNS directly over the same kind of line. Per round and mode: the time
# from the client's LCP being up (its CHAP Response) to its IPCP being up, ping RTT and iperf3
# (client -> LNS) through the bridged LAC and direct. Modes take turns round by round. A
# benchmark: it reports, it does not judge time.
# netlab-timeout: 1500
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
. "$NETLAB_TOP/tests/netlab/lib/switched.sh"
lab_init "$1"
SECS=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
USER=userSerial10@cisco.com

switched_lab || fail "the LAC and LNS did not come up"
client_secret client "$USER" cisco
lns_options

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# when_logged FILE PATTERN LIMIT_S: the time (ms) PATTERN first appears in FILE, or nothing
when_logged() {
	local end=$(($(now_ms) + $3 * 1000))
	while [ "$(now_ms)" -lt $end ]; do
		grep -q -- "$2" "$1" 2>/dev/null && { now_ms; return 0; }
		sleep 0.01
	done
	return 1
}

# dial MODE: the client's pppd on line 1, the LAC's (switched) or the LNS's own (direct) on
# the other end
dial() {
	: > "$LAB_OUT/client/pppd.log"
	serial_line 1 || return 1
	if [ "$1" = switched ]; then
		lac_access 1
	else
		bg_on lns direct "$(outdir lns)/pppd-direct.stdout" \
			pppd "$LAB_RUN/tty-lac1" 115200 file /etc/ppp/options.1 local nodetach \
			$GW:10.40.0.10 logfile "$(outdir lns)/pppd-direct.log"
	fi
	client_serial client 1 "$USER"
}

hang_up() {
	stop_daemon client pppd 15
	if [ "$1" = switched ]; then
		line_down 1
		wait_for 30 "lns pppd gone" pppd_gone lns
	else
		stop_daemon lns direct 15
		stop_daemon lac socat1 5
	fi
}

iperf3_listening() { on lns ss -ltn | grep -q "$GW:5201"; }

# measure MODE ROUND: "SETUP_MS RTT_MS MBITS" for one session
measure() {
	local t0 t1 rtt mbps out
	t0=$(when_logged "$LAB_OUT/client/pppd.log" "sent \[CHAP Response" 60) || return 1
	t1=$(when_logged "$LAB_OUT/client/pppd.log" "local  IP address" 60) || return 1
	wait_for 10 "client ppp0" ppp_up client >&2
	rtt=$(on client ping -c 20 -i 0.2 -W 2 $GW 2>/dev/null | sed -n 's/.* = [0-9.]*\/\([0-9.]*\)\/.*/\1/p')
	out=$(outdir client)/iperf3-$1-$2.json
	bg_on lns iperf3 "$(outdir lns)/iperf3-server.log" iperf3 -s -1 -B $GW
	wait_for 10 "iperf3 server" iperf3_listening >&2
	on client timeout $((SECS + 30)) iperf3 -c $GW -t "$SECS" -J > "$out" 2>/dev/null
	stop_daemon lns iperf3 5 >&2
	mbps=$(python3 -c 'import json, sys
print("%.1f" % (json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"] / 1e6))' \
		"$out" 2>/dev/null)
	echo "$((t1 - t0)) ${rtt:-?} ${mbps:-?}"
}

median() { sort -n | awk '{a[NR] = $1} END {if (NR) print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

declare -A setup rtt mbps
for r in $(seq 1 "$ROUNDS"); do
	for mode in switched direct; do
		if dial $mode && m=$(measure $mode "$r"); then
			set -- $m
			summary "round $r, $mode: LCP up -> IPCP up $1 ms, ping RTT $2 ms, iperf3 $3 Mbit/s"
			setup[$mode]="${setup[$mode]:-} $1" rtt[$mode]="${rtt[$mode]:-} $2"
			mbps[$mode]="${mbps[$mode]:-} $3"
		else
			fail "$mode: no session (round $r)"
		fi
		hang_up $mode
	done
done
for mode in switched direct; do
	summary "median of $ROUNDS, $mode: LCP up -> IPCP up $(echo ${setup[$mode]:-} | tr ' ' '\n' | median) ms, ping RTT $(echo ${rtt[$mode]:-} | tr ' ' '\n' | median) ms, iperf3 $(echo ${mbps[$mode]:-} | tr ' ' '\n' | median) Mbit/s"
done
