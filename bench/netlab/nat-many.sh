#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench: N Windows-10-style clients against the l2tpsec LNS, behind one NAT address and on
# distinct addresses: seconds until all N are up (dialled one after another), and per client
# iperf3 Mbit/s to the LNS. A benchmark: it reports, it does not judge time.
# netlab-timeout: 3600
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/clients.sh"
. "$NETLAB_TOP/tests/netlab/lib/nat.sh"
lab_init "$1"
SIZES=${BENCH_SIZES:-1 10 50}
SECS=${BENCH_SECONDS:-3}
MAX=$(for n in $SIZES; do echo "$n"; done | sort -n | tail -1)
LNS=10.0.2.13 NAT_OUT=10.0.2.1

host_add lns; host_add nat
link_add lns $LNS/24 nat $NAT_OUT/24
router_enable nat
ip -n lns route add 192.168.0.0/16 via $NAT_OUT
for i in $(seq 1 "$MAX"); do
	host_add c$i
	link_add nat 192.168.$i.1/24 c$i 192.168.$i.2/24
	ip -n c$i route add default via 192.168.$i.1
done
POOL_RANGE=10.10.10.10-10.10.10.250	# one address per client, up to 241
enforced_lns lns addr=$LNS ike=aes256-sha1-ecp384,aes128-sha1-modp2048 esp=aes256-sha1,aes128-sha1 ||
	fail "lns did not start"
wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701

iperf3_listening() { on lns ss -ltn | grep -q "$POOL_LOCAL:5201"; }
median() { sort -n | awk '{a[NR] = $1} END {if (NR) print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# mbps C: Mbit/s the LNS's iperf3 received from C in SECS seconds, or nothing
mbps() {
	local out
	out=$(outdir "$1")/iperf3.json
	bg_on lns iperf3 "$(outdir lns)/iperf3-server.log" iperf3 -s -1 -B $POOL_LOCAL
	wait_for 10 "iperf3 server" iperf3_listening >/dev/null
	on "$1" timeout $((SECS + 30)) iperf3 -c $POOL_LOCAL -t "$SECS" -J > "$out" 2>/dev/null
	stop_daemon lns iperf3 5 >/dev/null
	python3 -c 'import json, sys
print("%.1f" % (json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"] / 1e6))' \
		"$out" 2>/dev/null
}

# run N MODE: N clients up one after another (MODE nat: masqueraded; routed: their own
# addresses), then each one's throughput; all hung up after
run() {
	local n=$1 mode=$2 t0 t1 up=0 i rates= r
	ip netns exec nat nft delete table ip netlab_nat 2>/dev/null
	[ "$mode" = nat ] && snat_router nat to-lns
	t0=$(date +%s%N)
	for i in $(seq 1 "$n"); do
		profile_client c$i profile=windows-10 lns=$LNS >/dev/null &&
			client_ipsec_up c$i && client_dial c$i >/dev/null && up=$((up + 1))
	done
	t1=$(date +%s%N)
	for i in $(seq 1 "$n"); do
		r=$(mbps c$i)
		[ -n "$r" ] && rates="$rates $r"
	done
	summary "$mode, N=$n: $up/$n up in $(( (t1 - t0) / 1000000 )) ms ($(( (t1 - t0) / 1000000 / n )) ms each); per-client Mbit/s min/median/max: $(echo $rates | tr ' ' '\n' | sort -n | head -1)/$(echo $rates | tr ' ' '\n' | median)/$(echo $rates | tr ' ' '\n' | sort -n | tail -1)"
	for i in $(seq 1 "$n"); do client_hangup c$i >/dev/null 2>&1; done
	wait_for 60 "lns sessions gone" pppd_gone lns >/dev/null
}

for n in $SIZES; do
	run "$n" nat
	run "$n" routed
done
xl2tpd_stop lns
charon_stop lns
