#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench: for each N of BENCH_SIZES, N tunnels' SAs (IKEv1 main + quick mode each, one LAC address
# per tunnel) brought up at once, first by N OPENs on the LAC's crypto socket (timed to the Nth
# SECURED), then by N concurrent `swanctl --initiate` of stock transport children with the same
# proposals (timed to the Nth SA pair in the kernel). Everything is torn down between runs.
# A benchmark: it reports, it does not judge time.
# netlab-timeout: 900
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/cryptosock.sh"
lab_init "$1"
SIZES=${BENCH_SIZES:-1 10 100}
MAX=$(echo $SIZES | tr ' ' '\n' | sort -n | tail -1)
LNS=10.0.0.13
lac_addr() { echo "10.0.0.$((99 + $1))"; }

host_add lns; host_add lac
link_add lns $LNS/24 lac 10.0.0.12/24
for i in $(seq 1 "$MAX"); do ip -n lac addr add "$(lac_addr "$i")/24" dev to-lns; done
for h in lns lac; do charon_conf $h l2tp-security "$(plugin_conf 3600)"; done
swanctl_conf $LNS %any "$LNS_CHILD" > "$(etc lns)/swanctl/swanctl.conf"
# the LAC: connection l2tp for the plugin to borrow, and s1..sMAX for stock swanctl
{
	swanctl_conf %any $LNS "" | sed '/^secrets {/,$d' | sed '$d'
	for i in $(seq 1 "$MAX"); do
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
				local_ts = dynamic[udp/1701]
				remote_ts = dynamic[udp/1701]
				esp_proposals = aes128-sha1
			}
		}
	}
CONF
	done
	echo "}"
	swanctl_conf %any $LNS "" | sed -n '/^secrets {/,$p'
} > "$(etc lac)/swanctl/swanctl.conf"
for h in lns lac; do
	check "$h: charon with the plugin" charon_start $h
	swanctl_on $h --load-all > "$(outdir $h)/load-all.txt" 2>&1 || fail "$h: swanctl --load-all"
done
cs_client lns xl2tpd
cs_req lns xl2tpd "listen l2tp 0.0.0.0:1701"
check "lns: LISTEN accepted" cs_wait 10 lns xl2tpd '^OK id=0'

ms() { echo $(( $(date +%s%N) / 1000000 )); }
secured() { cat "$LAB_OUT/lac/cs-$1.out" 2>/dev/null | grep -c '^SECURED'; }
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

for n in $SIZES; do
	cs_client lac "p$n"
	t0=$(ms)
	for i in $(seq 1 "$n"); do
		echo "open $i l2tp $(lac_addr "$i"):1701 $LNS:1701" >&"${CS_FD[lac-p$n]}"
	done
	until_count "$n" secured "p$n" || fail "plugin: $n tunnels not all SECURED"
	t1=$(ms)
	plugin=$((t1 - t0))
	cs_disconnect lac "p$n"
	wait_for 300 "all SAs gone" both_clean || fail "SAs left after the plugin run"

	t0=$(ms)
	pids=
	for i in $(seq 1 "$n"); do
		swanctl_on lac --initiate --child "s$i" --timeout 120 > /dev/null 2>&1 &
		pids="$pids $!"
	done
	until_count $((2 * n)) kernel_sas || fail "stock: $n tunnels not all up"
	t1=$(ms)
	stock=$((t1 - t0))
	# only these: a bare wait would wait for the daemons too
	wait $pids
	pids=
	for i in $(seq 1 "$n"); do
		swanctl_on lac --terminate --ike "s$i" > /dev/null 2>&1 &
		pids="$pids $!"
	done
	wait $pids
	wait_for 300 "all SAs gone" both_clean || fail "SAs left after the stock run"

	summary "$n tunnel(s) at once: plugin OPEN->SECURED $plugin ms ($(awk -v n=$n -v t=$plugin 'BEGIN {printf "%.1f", n * 1000 / t}') tunnels/s), stock swanctl --initiate $stock ms ($(awk -v n=$n -v t=$stock 'BEGIN {printf "%.1f", n * 1000 / t}') tunnels/s), plugin/stock speed $(awk -v p=$plugin -v s=$stock 'BEGIN {printf "%.2f", s / p}')x"
done
cs_disconnect lns xl2tpd
