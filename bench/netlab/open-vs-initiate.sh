#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench: for each N of BENCH_SIZES, N tunnels' SAs (IKEv1 main + quick mode each, one LAC address
# per tunnel) brought up at once, first by N OPENs on the LAC's crypto socket (timed to the Nth
# answer, SECURED or CLOSED), then by stock charon starting N configured transport children with
# the same proposals as one `swanctl --load-conns` loads them (timed to the Nth SA pair in the
# kernel; N swanctl processes at once would time process start-up under TCG, not charon). Each line says how
# many came up each way. No DPD: under TCG, 100 negotiations at once starve the answers. Everything is torn down between runs.
# A benchmark: it reports, it does not judge time.
# netlab-timeout: 1800
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/cryptosock.sh"
lab_init "$1"
SIZES=${BENCH_SIZES:-1 10 100}
ROUNDS=${BENCH_ROUNDS:-3}
MAX=$(echo $SIZES | tr ' ' '\n' | sort -n | tail -1)
LNS=10.0.0.13
lac_addr() { echo "10.0.0.$((99 + $1))"; }

host_add lns; host_add lac
link_add lns $LNS/24 lac 10.0.0.12/24
for i in $(seq 1 "$MAX"); do ip -n lac addr add "$(lac_addr "$i")/24" dev to-lns; done
for h in lns lac; do charon_conf $h l2tp-security "$(plugin_gen)"; done
swanctl_gen local=$LNS child=lns > "$(etc lns)/swanctl/swanctl.conf"
# the LAC: connection l2tp for the plugin to borrow; stock_conf N adds s1..sN for stock charon,
# started as soon as they are loaded
swanctl_gen remote=$LNS > "$(etc lac)/swanctl/swanctl.conf"
stock_conf() {
	swanctl_gen remote=$LNS | sed '/^secrets {/,$d' | sed '$d'
	for i in $(seq 1 "$1"); do
		cat <<CONF
	s$i {
		version = 1
		local_addrs = $(lac_addr "$i")
		remote_addrs = $LNS
		proposals = aes128-sha1-modp2048
		local {
			auth = psk
		}
		remote {
			auth = psk
		}
		children {
			s$i {
				mode = transport
				local_ts = dynamic[17/1701]
				remote_ts = dynamic[17/1701]
				esp_proposals = aes128-sha1
				start_action = start
			}
		}
	}
CONF
	done
	echo "}"
	swanctl_gen remote=$LNS | sed -n '/^secrets {/,$p'
}
for h in lns lac; do
	check "$h: charon with the plugin" charon_start $h
	swanctl_on $h --load-all > "$(outdir $h)/load-all.txt" 2>&1 || fail "$h: swanctl --load-all"
done
cs_client lns xl2tpd
cs_req lns xl2tpd "listen l2tp 0.0.0.0:1701"
check "lns: LISTEN accepted" cs_wait 10 lns xl2tpd '^OK id=0'

ms() { echo $(( $(date +%s%N) / 1000000 )); }
# polled every 100 ms while charon works on the same two CPUs: one process per poll, as for the
# stock side's kernel count, so that neither measurement takes CPU from charon the other does not
secured() { grep -c '^SECURED' "$LAB_OUT/lac/cs-$1.out"; }
# OPENs answered either way: SECURED or CLOSED (failed)
answered() { grep -c '^SECURED\|^CLOSED' "$LAB_OUT/lac/cs-$1.out"; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN {printf "%.1f", n * 1000 / t}'; }
kernel_sas() { ip -n lac xfrm state | grep -c '^src'; }
both_clean() { no_sas lac && no_sas lns && [ "$(kernel_sas)" = 0 ]; }
# until CMD prints at least WANT (polled every 100 ms, at most 300 s)
until_count() {
	local want=$1 t=0 got; shift
	while got=$("$@"); [ "${got:-0}" -lt "$want" ]; do
		t=$((t + 1)); [ $t -gt 3000 ] && return 1
		sleep 0.1
	done
}

median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# one_round N ROUND: both ways once; appends to plugin_ms / stock_ms
one_round() {
	local n=$1 r=$2
	cs_client lac "p$n-$r"
	t0=$(ms)
	for i in $(seq 1 "$n"); do
		echo "open $i l2tp $(lac_addr "$i"):1701 $LNS:1701"
	done > "$(cs_fifo lac "p$n-$r")"
	until_count "$n" answered "p$n-$r" || fail "plugin: $n OPENs not all answered"
	t1=$(ms)
	plugin=$((t1 - t0))
	plugin_up=$(secured "p$n-$r")
	cs_disconnect lac "p$n-$r"
	wait_for 300 "all SAs gone" both_clean || fail "SAs left after the plugin run"

	stock_conf "$n" > "$(etc lac)/swanctl/stock.conf"
	t0=$(ms)
	swanctl_on lac --load-conns --file /etc/swanctl/stock.conf > /dev/null 2>&1 ||
		fail "stock: swanctl --load-conns"
	until_count $((2 * n)) kernel_sas || log "stock: not all $n tunnels up in 300 s"
	t1=$(ms)
	stock=$((t1 - t0))
	stock_up=$(( $(kernel_sas) / 2 ))
	# a stopping charon deletes every SA with its peer: the quickest clean slate
	charon_stop lac
	check "lac: charon restarted" charon_start lac
	swanctl_on lac --load-all > /dev/null 2>&1 || fail "lac: swanctl --load-all"
	wait_for 300 "all SAs gone" both_clean || fail "SAs left after the stock run"

	plugin_ms="$plugin_ms $plugin" stock_ms="$stock_ms $stock"
	summary "$n tunnel(s) at once, round $r: plugin OPEN->SECURED $plugin ms ($plugin_up up," \
		"$(rate "$n" "$plugin") tunnels/s), stock swanctl start_action=start $stock ms ($stock_up up," \
		"$(rate "$n" "$stock") tunnels/s), plugin/stock speed" \
		"$(awk -v p="$plugin" -v s="$stock" 'BEGIN {printf "%.2f", s / p}')x"
}

for n in $SIZES; do
	plugin_ms= stock_ms=
	for r in $(seq 1 "$ROUNDS"); do one_round "$n" "$r"; done
	p=$(echo $plugin_ms | median) s=$(echo $stock_ms | median)
	summary "$n tunnel(s) at once, median of $ROUNDS: plugin $p ms ($(rate "$n" "$p") tunnels/s)," \
		"stock $s ms ($(rate "$n" "$s") tunnels/s), plugin/stock speed" \
		"$(awk -v p="$p" -v s="$s" 'BEGIN {printf "%.2f", s / p}')x"
done
cs_disconnect lns xl2tpd
