#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# asan-teardown: the patched xl2tpd built with AddressSanitizer (scripts/build build/asan
# --enable-sanitizers; scripts/test builds it before netlab) at both ends, through the teardown
# paths where memory errors were found by review: the crypto socket lost while tunnels go down
# (charon killed on the LNS as the client hangs up, three times: the CLOSE of a tunnel being
# destroyed may be the send that finds charon gone), a LAC removed (xl2tpd-control) while its
# dial waits for charon, and both daemons stopped. ASan stops the daemon at the first invalid
# access with a report in its log: none may appear, and no plaintext L2TP may cross.
# netlab-timeout: 300
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

ASAN_BUILD=${NETLAB_ASAN_BUILD:-$NETLAB_TOP/build/asan}
XL2TPD_L2TPSEC=$ASAN_BUILD/xl2tpd-plugin/xl2tpd
LNS=10.0.0.13 CLIENT=10.0.0.12

host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
pcap_start lns to-client

# asan_clean HOST: HOST's xl2tpd printed no AddressSanitizer report
asan_clean() { not grep -q "ERROR: AddressSanitizer" "$LAB_OUT/$1/xl2tpd.log"; }

check "the ASan xl2tpd is built ($XL2TPD_L2TPSEC)" grep -q __asan_init "$XL2TPD_L2TPSEC"
check "lns: charon + plugin + ASan xl2tpd" enforced_lns lns addr="$LNS"
check "lns: listens" wait_for 30 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701
check "client: charon + plugin + ASan xl2tpd" enforced_client client addr=$CLIENT lns=$LNS
check "client: ppp0 up" client_dial client
for h in lns client; do
	check "$h: xl2tpd runs with AddressSanitizer" grep -q libasan "/proc/$(pid_of $h xl2tpd)/maps"
done

# the crypto socket lost as tunnels go down, three times
for round in 1 2 3; do
	n=$(grep -c "$(log_pattern XL_LISTEN)" "$LAB_OUT/lns/xl2tpd.log")
	closed=$(grep -c "$(log_pattern XL_SA_CLOSED)" "$LAB_OUT/client/xl2tpd.log")
	kill -KILL "$(pid_of lns charon)"
	xl2tpd_control client "d lns"
	check "round $round: lns: sessions down" wait_for 30 "lns down $round" pppd_gone lns
	check "round $round: client: sessions down" wait_for 60 "client down $round" pppd_gone client
	check "round $round: lns: xl2tpd alive and clean" sh -c \
		"kill -0 $(pid_of lns xl2tpd) && ! grep -q 'ERROR: AddressSanitizer' '$LAB_OUT/lns/xl2tpd.log'"
	charon_start lns && swanctl_on lns --load-all >> "$(outdir lns)/load-all.txt" 2>&1
	check "round $round: lns: listens again" wait_for 45 "lns relisten $round" sh -c \
		"[ \$(grep -c '$(log_pattern XL_LISTEN)' '$LAB_OUT/lns/xl2tpd.log') -gt $n ]"
	# (the killed charon's SAs linger in the kernels until the client's DPD gives up on them)
	check "round $round: client: its SA closed" wait_for 60 "client SA closed $round" sh -c \
		"[ \$(grep -c '$(log_pattern XL_SA_CLOSED)' '$LAB_OUT/client/xl2tpd.log') -gt $closed ]"
	check "round $round: client: dials again" client_dial client
done
check "client pings the LNS" ping_from client $POOL_LOCAL

# a LAC removed while its dial waits for charon
charon_stop client
check "client: sessions down with its charon" wait_for 30 "client down (charon)" pppd_gone client
xl2tpd_control client "c lns"
check "client: the dial waits for charon" wait_for 10 "client waits" \
	xl2tpd_says client XL_DIAL_WAIT lns "$LNS"
dials=$(grep -c "Connecting to host $LNS" "$LAB_OUT/client/xl2tpd.log")
xl2tpd_control client "r lns"
charon_start client && swanctl_on client --load-all >> "$(outdir client)/load-all.txt" 2>&1
check "client: xl2tpd reconnected to charon" wait_for 30 "client reconnected" sh -c \
	"[ \$(grep -c 'connected to charon' '$LAB_OUT/client/xl2tpd.log') -ge 2 ]"
sleep 3
check "client: nothing dialled for the removed LAC" \
	[ "$(grep -c "Connecting to host $LNS" "$LAB_OUT/client/xl2tpd.log")" = "$dials" ]
check "client: xl2tpd alive" sh -c "kill -0 $(pid_of client xl2tpd)"

teardown client lns
pcap_stop_all
check "lns: no AddressSanitizer report" asan_clean lns
check "client: no AddressSanitizer report" asan_clean client
summary "audit: $(audit_line $CLIENT $LNS)"
check "no plaintext UDP/1701" [ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
