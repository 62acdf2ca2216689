#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench: N L2TP/IPsec sessions against one LNS, each from its own client address with its own
# IKEv1 main mode, transport SA, L2TP tunnel and PPP session (CHAP-MD5, IPCP), ramped through
# SIZES, on the l2tpsec stack (charon + plugin, patched xl2tpd) and on the stock one (charon,
# Debian's xl2tpd) in the same VM. The clients: one charon holding a trap connection per address
# (the first SCCRQ starts IKE, as on Windows) and tests/netlab/loadgen (l2tp-loadgen). Per run:
# setup rate, time to all up, per-session setup time, the LNS's memory (charon, xl2tpd, all
# pppd RSS) and CPU, the kernel's SPD/SAD sizes, all hung up at once, time until the LNS has no
# session left and the plaintext UDP/1701 on its link. A benchmark: it prints figures; nothing
# asserts on time.
# netlab-timeout: 7200
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/loadgen.sh"
lab_init "$1"
SIZES=${BENCH_SIZES:-10 100 1000}
STACKS=${BENCH_STACKS:-l2tpsec stock}
RATE=${BENCH_RATE:-20}
LNS=10.0.0.13 GEN=10.0.0.12 FIRST=10.0.16.1
POOL_RANGE=10.20.0.1-10.20.63.254

host_add lns; host_add gen
link_add lns $LNS/16 gen $GEN/16
# the clients' addresses: FIRST and up, as many as the largest run needs
MAX=$(for n in $SIZES; do echo "$n"; done | sort -n | tail -1)
loadgen_addrs gen to-lns $FIRST "$MAX" 16 || fail "client addresses"

lns_up() {
	case $1 in
	l2tpsec)
		enforced_lns lns addr=$LNS ike=aes128-sha1-modp2048 esp=aes128-sha1 charon="$LOADGEN_CHARON" \
			dpd= ||
			return 1
		wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701 ;;
	stock)
		lns_setup lns addr=$LNS charon="$LOADGEN_CHARON" || return 1 ;;
	esac
	loadgen_lns_ppp lns
}

# rss_kb HOST COMM: resident kilobytes of HOST's processes called COMM, summed
rss_kb() { ip netns pids "$1" | xargs -r ps -o rss=,comm= -p 2>/dev/null | awk -v c="$2" '$2 == c { s += $1 } END { print s + 0 }'; }
# smaps_of HOST COMM: that process's resident memory by mapping (anonymous, heap, each library),
# largest first, and its threads: where a difference between the stacks comes from
smaps_of() {
	local p
	for p in $(ip netns pids "$1"); do
		[ "$(cat /proc/$p/comm 2>/dev/null)" = "$2" ] || continue
		grep -E '^(Rss|Anonymous):' /proc/$p/smaps_rollup
		awk '/^[0-9a-f]+-/ { name = ($6 == "" ? "[anon]" : $6) } /^Rss:/ { r[name] += $2 }
			END { for (n in r) if (r[n] >= 256) print r[n] " kB " n }' /proc/$p/smaps | sort -rn
		grep Threads /proc/$p/status
	done
}
# cpu_s HOST COMM: CPU seconds (user + system) those processes have used
cpu_s() {
	local hz p t=0
	hz=$(getconf CLK_TCK)
	for p in $(ip netns pids "$1"); do
		[ "$(cat /proc/$p/comm 2>/dev/null)" = "$2" ] || continue
		t=$((t + $(awk '{ print $14 + $15 }' /proc/$p/stat 2>/dev/null || echo 0)))
	done
	awk -v t=$t -v hz="$hz" 'BEGIN { printf "%.1f", t / hz }'
}

# stop_all TAG: both hosts' daemons stopped, the kernel's IPsec state flushed, the logs kept
stop_all() {
	local tag=$1 f
	# charon deletes every IKE_SA on its way out: a thousand take longer than charon_stop waits
	alive gen charon && stop_daemon gen charon 180
	alive lns xl2tpd && xl2tpd_stop lns
	wait_for 120 "$tag: lns pppd gone" pppd_gone lns >/dev/null
	alive lns charon && stop_daemon lns charon 180
	ip -n lns xfrm state flush; ip -n lns xfrm policy flush
	ip -n gen xfrm state flush; ip -n gen xfrm policy flush
	for f in xl2tpd charon pppd; do
		[ -f "$(outdir lns)/$f.log" ] && mv "$(outdir lns)/$f.log" "$(outdir lns)/$f-$tag.log"
	done
	return 0
}

run() {
	local stack=$1 n=$2 tag=$1-$2 res t0 t1 down_s plain lg
	local mem_charon mem_xl2tpd mem_pppd sessions spd sad cpu
	log "=== $stack, N=$n"
	if ! lns_up "$stack"; then fail "$tag: lns did not start"; stop_all "$tag"; return; fi
	if ! loadgen_charon gen $FIRST "$n" $LNS; then
		fail "$tag: client charon did not start"; stop_all "$tag"; return
	fi
	bg_on lns "pcap-$tag" "$(outdir lns)/tcpdump-$tag.log" tcpdump -n -i to-gen -s 128 -U \
		-Z root -w "$LAB_OUT/lns-$tag.pcap" 'udp port 1701 or esp or udp port 500'
	wait_for 10 "$tag capture" grep -q "listening on" "$(outdir lns)/tcpdump-$tag.log"
	# hold 20 s once all are up or given up: the snapshot below is taken meanwhile
	on gen "$LOADGEN" -s $LNS -a $FIRST -n "$n" -r "$RATE" -w 200 -u $LOADGEN_USER \
		-p $LOADGEN_PASSWORD -t 3600 -q 600 -h 20 > "$(outdir gen)/loadgen-$tag.txt" 2>&1 &
	lg=$!
	wait_for 3700 "$tag: setup over" grep -q "^setup over\|^RESULT" \
		"$(outdir gen)/loadgen-$tag.txt" >/dev/null
	sleep 5
	sessions=$(lns_sessions lns)
	mem_charon=$(rss_kb lns charon) mem_xl2tpd=$(rss_kb lns xl2tpd) mem_pppd=$(rss_kb lns pppd)
	spd=$(ip -n lns xfrm policy | grep -c '^src') sad=$(ip -n lns xfrm state | grep -c '^src')
	smaps_of lns charon > "$(outdir lns)/charon-memory-$tag.txt"
	cpu="charon $(cpu_s lns charon) s, xl2tpd $(cpu_s lns xl2tpd) s, pppd $(cpu_s lns pppd) s"
	wait_for 120 "$tag: hanging up" grep -q "^hanging up" "$(outdir gen)/loadgen-$tag.txt" >/dev/null
	t0=$(date +%s%N)
	wait_for 600 "$tag: lns sessions gone" pppd_gone lns >/dev/null
	t1=$(date +%s%N)
	wait "$lg"
	res=$(grep '^RESULT' "$(outdir gen)/loadgen-$tag.txt")
	down_s=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", ns / 1e9 }')
	kill -INT "$(pid_of lns "pcap-$tag")" 2>/dev/null
	stop_daemon lns "pcap-$tag" 10
	# every client address is a pair of its own: summed
	plain=$("$NETLAB_BUILD/tests/netlab/pcap-audit" "$LAB_OUT/lns-$tag.pcap" |
		sed -n 's/.* l2tp-plaintext=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	summary "$stack N=$n: ${res#RESULT }; LNS sessions at the hold: $sessions; RSS kB charon $mem_charon, xl2tpd $mem_xl2tpd, pppd $mem_pppd ($(( sessions ? (mem_charon + mem_xl2tpd + mem_pppd) / sessions : 0 )) per session); CPU $cpu; SPD $spd, SAD $sad; all hung up: LNS empty after $down_s s; plaintext UDP/1701 $plain"
	grep '^failed:' "$(outdir gen)/loadgen-$tag.txt" | head -5 | while read -r l; do summary "  $stack N=$n $l"; done
	grep -m3 'Unable\|FD_SETSIZE\|Too many open files' "$(outdir lns)/xl2tpd.log" | while read -r l; do summary "  $stack N=$n xl2tpd: $l"; done
	stop_all "$tag"
}

for n in $SIZES; do
	for s in $STACKS; do run "$s" "$n"; done
done
