#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench: BENCH_N sequential voluntary tunnels (IKE main + quick mode, L2TP tunnel + session, PPP
# with MS-CHAPv2 and IPCP) against the stock LNS. Each tunnel is timed from `swanctl --initiate`
# to ppp0 holding an address, then torn down (hangup, IKE SA terminated) before the next.
# Prints one line per tunnel and min/median/max. A benchmark: it reports, it does not judge time.
# netlab-timeout: 600
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/voluntary.sh"
lab_init "$1"
N=${BENCH_N:-10}

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
check "LNS up" lns_setup lns addr=$LNS
check "client up" client_setup client addr=$CLIENT lns=$LNS user=alice
ms() { echo $(( $(date +%s%N) / 1000000 )); }

times=
for i in $(seq 1 "$N"); do
	t0=$(ms)
	if ! client_ipsec_up client || ! client_dial client; then
		fail "tunnel $i did not come up"
		break
	fi
	t1=$(ms)
	times="$times $((t1 - t0))"
	summary "tunnel $i: $((t1 - t0)) ms to ppp0 up"
	xl2tpd_control client "d lns"
	# pppd lingers a moment after hangup (LCP terminate): the next tunnel must get ppp0 again
	wait_for 15 "pppd gone" pppd_gone client || fail "tunnel $i: pppd did not exit"
	swanctl_on client --terminate --ike l2tp > /dev/null 2>&1
	wait_for 15 "SAs gone" sh -c "[ -z \"\$(ip -n client xfrm state)\" ]" || fail "tunnel $i: SA left behind"
done
set -- $(echo $times | tr ' ' '\n' | sort -n)
if [ $# -gt 0 ]; then
	median=$(echo "$@" | tr ' ' '\n' | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}')
	eval "max=\${$#}"
	summary "stock LNS, $# sequential tunnels, time to ppp up: min $1 ms, median $median ms, max $max ms"
fi
teardown client lns
