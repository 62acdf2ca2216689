#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench: iperf3 (client -> LNS, TCP, BENCH_SECONDS per run) over ppp0 of a voluntary session on
# the kernel data path, for stock xl2tpd + stock charon, patched xl2tpd enforcing through the
# charon plugin, and that with ip pmtu; the three take turns round by round (so drift in the VM
# hits all alike) and each is torn down before the next. A benchmark: it reports, it does not
# judge time.
# netlab-timeout: 1500
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"
SECS=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24

# up KIND: a session of that kind, ppp0 up on the client
up() {
	case $1 in
	stock)
		lns_setup lns addr=$LNS && client_setup client addr=$CLIENT lns=$LNS user=alice &&
			client_ipsec_up client ;;
	enforced)
		enforced_lns lns addr=$LNS && enforced_client client addr=$CLIENT lns=$LNS ;;
	pmtu)
		enforced_lns lns addr=$LNS pmtu=yes &&
			enforced_client client addr=$CLIENT lns=$LNS pmtu=yes ;;
	esac || return 1
	xl2tpd_control client "c lns" && wait_for 60 "client ppp0 ($1)" ppp_up client
}

iperf3_listening() { on lns ss -ltn | grep -q "$POOL_LOCAL:5201"; }

# measure KIND ROUND: Mbit/s received by the LNS's iperf3, or nothing
measure() {
	local out
	out=$(outdir client)/iperf3-$1-$2.json
	bg_on lns iperf3 "$(outdir lns)/iperf3-server.log" iperf3 -s -1 -B $POOL_LOCAL
	wait_for 10 "iperf3 server" iperf3_listening >&2
	on client timeout $((SECS + 30)) iperf3 -c $POOL_LOCAL -t "$SECS" -J > "$out" 2>/dev/null
	stop_daemon lns iperf3 5 >&2
	python3 -c 'import json, sys
print("%.1f" % (json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"] / 1e6))' \
		"$out" 2>/dev/null
}

median() { sort -n | awk '{a[NR] = $1} END {if (NR) print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

declare -A runs
for r in $(seq 1 "$ROUNDS"); do
	for kind in stock enforced pmtu; do
		if up $kind; then
			mbps=$(measure $kind "$r")
			[ "$kind" = pmtu ] && summary "ip pmtu: $(grep -o 'ppp0 MTU [0-9]* -> [0-9]*' "$LAB_OUT/lns/xl2tpd.log" | tail -1)"
			summary "round $r, $kind: ${mbps:-failed} Mbit/s"
			[ -n "$mbps" ] && runs[$kind]="${runs[$kind]:-} $mbps"
		else
			fail "$kind: session did not come up (round $r)"
		fi
		teardown client lns
		for h in lns client; do : > "$LAB_OUT/$h/xl2tpd.log"; done
	done
done
s=$(echo ${runs[stock]:-} | tr ' ' '\n' | median)
e=$(echo ${runs[enforced]:-} | tr ' ' '\n' | median)
p=$(echo ${runs[pmtu]:-} | tr ' ' '\n' | median)
summary "median of $ROUNDS x ${SECS}s: stock ${s:-?} Mbit/s, enforced ${e:-?} Mbit/s ($(awk -v a="${e:-0}" -v b="${s:-0}" 'BEGIN {if (b) printf "%.2f", a / b; else print "?"}')x, goal >= 0.95), ip pmtu ${p:-?} Mbit/s ($(awk -v a="${p:-0}" -v b="${s:-0}" 'BEGIN {if (b) printf "%.2f", a / b; else print "?"}')x, goal >= 0.9)"
