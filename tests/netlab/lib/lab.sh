# SPDX-License-Identifier: GPL-2.0-or-later
#
# netlab scenario library: hosts as network namespaces with private /etc and /run, veth links,
# bounded start/stop/wait helpers for charon, xl2tpd and pppd, packet captures, the pcap audit and
# checks. A scenario sources this file, calls lab_init "$1" and then describes its world.
#
# Every wait is bounded; a failed check is recorded and the scenario goes on collecting evidence,
# its exit status is the number of failed checks (capped).

set -u
# configuration generators and the named daemon log lines every scenario may use
. "$NETLAB_TOP/tests/netlab/lib/confgen.sh"
. "$NETLAB_TOP/tests/netlab/lib/loglines.sh"
LAB_OUT=
LAB_RUN=/tmp/netlab	# not under /run: each host mounts its own /run
LAB_FAILS=0
LAB_HOSTS=

lab_init() {
	LAB_OUT=$1
	mkdir -p "$LAB_OUT" "$LAB_RUN"
	: > "$LAB_OUT/summary"
	trap lab_finish EXIT
	trap 'exit 99' TERM INT
	log "scenario $(basename "$0" .sh) starting"
}

log() { echo "[$(date +%T.%3N)] $*"; }

# --- checks -------------------------------------------------------------------------------------

# check DESCRIPTION CMD...: run CMD, record PASS or FAIL
check() {
	local what=$1; shift
	if "$@"; then
		log "PASS: $what"
	else
		log "FAIL: $what"
		echo "$what" >> "$LAB_OUT/failures"
		LAB_FAILS=$((LAB_FAILS + 1))
	fi
}

# not CMD...: succeed when CMD fails (lab functions are not visible inside `sh -c`)
not() { ! "$@"; }

# fail DESCRIPTION: record a failure that was detected by other means
fail() {
	log "FAIL: $*"
	echo "$*" >> "$LAB_OUT/failures"
	LAB_FAILS=$((LAB_FAILS + 1))
}

# summary LINE: printed by tests/netlab/run under the scenario's result line
summary() { echo "$*" >> "$LAB_OUT/summary"; log "summary: $*"; }

# wait_for SECONDS DESCRIPTION CMD...: poll CMD every 0.2 s until it succeeds or time runs out
wait_for() {
	local limit=$1 what=$2 t0 now; shift 2
	t0=$(date +%s%N)
	while :; do
		if "$@" >/dev/null 2>&1; then
			now=$(date +%s%N)
			log "ready: $what ($(( (now - t0) / 1000000 )) ms)"
			return 0
		fi
		now=$(date +%s%N)
		if [ $(( (now - t0) / 1000000000 )) -ge "$limit" ]; then
			log "timeout: $what not ready after ${limit}s"
			return 1
		fi
		sleep 0.2
	done
}

# --- hosts --------------------------------------------------------------------------------------

hostdir() { echo "$LAB_RUN/$1"; }
etc() { echo "$LAB_RUN/$1/etc"; }
outdir() { mkdir -p "$LAB_OUT/$1"; echo "$LAB_OUT/$1"; }
holder() { cat "$LAB_RUN/$1/holder"; }

# host_add NAME: a network namespace whose /run is private and whose /etc/{swanctl,strongswan.d,
# xl2tpd,ppp} and /etc/strongswan.conf are bind mounts of the host's own copies. strongswan.d
# starts as a copy of the VM's (stock snippets plus what our make install staged).
host_add() {
	local h=$1 d e pid
	d=$(hostdir "$h"); e=$d/etc
	mkdir -p "$e/swanctl" "$e/strongswan.d" "$e/xl2tpd" "$e/ppp" "$d/run" "$(outdir "$h")"
	cp -a /etc/strongswan.d/. "$e/strongswan.d/"
	for sub in x509 x509ca private pubkey rsa ecdsa conf.d; do mkdir -p "$e/swanctl/$sub"; done
	: > "$e/strongswan.conf"; : > "$e/ppp/options"; : > "$e/ppp/chap-secrets"
	: > "$e/ppp/pap-secrets"; : > "$e/xl2tpd/xl2tpd.conf"; : > "$e/xl2tpd/l2tp-secrets"
	chmod 600 "$e/ppp/chap-secrets" "$e/ppp/pap-secrets" "$e/xl2tpd/l2tp-secrets"
	ip netns add "$h"
	ip -n "$h" link set lo up
	ip netns exec "$h" unshare -m --propagation private sh -c "
		mount -t tmpfs -o mode=755 tmpfs /run && mkdir -p /run/xl2tpd /run/lock /run/pppd &&
		mount --bind '$e/swanctl' /etc/swanctl && mount --bind '$e/strongswan.d' /etc/strongswan.d &&
		mount --bind '$e/xl2tpd' /etc/xl2tpd &&
		mount --bind '$e/ppp' /etc/ppp && mount --bind '$e/strongswan.conf' /etc/strongswan.conf &&
		exec sleep 100000" &
	pid=$!
	echo "$pid" > "$d/holder"
	if ! wait_for 5 "host $h" sh -c "[ \"\$(cat /proc/$pid/comm)\" = sleep ]"; then
		fail "host $h could not be set up"
		return 1
	fi
	LAB_HOSTS="$LAB_HOSTS $h"
}

# on HOST CMD...: run CMD inside HOST (its network and mount namespace)
on() { local h=$1; shift; nsenter -t "$(holder "$h")" -m -n -- "$@"; }

# kill_on HOST SIGNAL NAME: signal HOST's processes called NAME, and no other host's (the hosts
# share the VM's process IDs: a bare `on HOST pkill` reaches every host's daemons)
kill_on() { pkill -"$2" -x "$3" --ns "$(holder "$1")" --nslist net; }

# bg_on HOST NAME LOGFILE CMD...: start a daemon in HOST; its PID is kept as NAME
bg_on() {
	local h=$1 name=$2 logf=$3; shift 3
	nsenter -t "$(holder "$h")" -m -n -- "$@" >> "$logf" 2>&1 < /dev/null &
	echo $! > "$(hostdir "$h")/$name.pid"
}
pid_of() { cat "$(hostdir "$1")/$2.pid" 2>/dev/null; }
alive() { local p; p=$(pid_of "$1" "$2") && [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# stop_daemon HOST NAME [SECONDS]: SIGTERM, wait until gone (bounded), SIGKILL as a last resort
stop_daemon() {
	local h=$1 n=$2 limit=${3:-10} p
	p=$(pid_of "$h" "$n") || return 0
	[ -n "$p" ] || return 0
	kill -TERM "$p" 2>/dev/null || return 0
	if ! wait_for "$limit" "$h $n exit" sh -c "! kill -0 $p"; then
		kill -KILL "$p" 2>/dev/null
		fail "$h: $n did not exit within ${limit}s"
	fi
	wait "$p" 2>/dev/null
	rm -f "$(hostdir "$h")/$n.pid"
}

# link_add HOST_A ADDR_A/LEN HOST_B ADDR_B/LEN [MTU]: a veth pair, "to-B" in A and "to-A" in B
link_add() {
	local a=$1 aa=$2 b=$3 ba=$4 mtu=${5:-1500}
	ip link add "tmp-$a-$b" type veth peer name "tmp-$b-$a" || return 1
	ip link set "tmp-$a-$b" netns "$a" name "to-$b" mtu "$mtu"
	ip link set "tmp-$b-$a" netns "$b" name "to-$a" mtu "$mtu"
	ip -n "$a" addr add "$aa" dev "to-$b"; ip -n "$a" link set "to-$b" up
	ip -n "$b" addr add "$ba" dev "to-$a"; ip -n "$b" link set "to-$a" up
}

# router_enable HOST: forward between its links (a third namespace on a path)
router_enable() { ip netns exec "$1" sysctl -qw net.ipv4.ip_forward=1; }

# link_mtu HOST IFACE MTU: change one hop's MTU (path MTU tests)
link_mtu() { ip -n "$1" link set "$2" mtu "$3"; }

# link_loss HOST IFACE PERCENT: drop that share of packets leaving IFACE (0 removes the impairment)
link_loss() {
	if [ "$3" = 0 ]; then
		ip netns exec "$1" tc qdisc del dev "$2" root 2>/dev/null
		return 0
	fi
	ip netns exec "$1" tc qdisc replace dev "$2" root netem loss "$3%"
}

# --- strongSwan ---------------------------------------------------------------------------------

# charon_conf HOST [EXTRA_PLUGINS] [EXTRA_CONFIG]: strongswan.conf loading only what the lab needs
charon_conf() {
	local h=$1 extra=${2:-} more=${3:-}
	cat > "$(etc "$h")/strongswan.conf" <<CONF
charon {
	load = random nonce openssl pem pkcs1 x509 pubkey kernel-netlink socket-default vici $extra
	install_routes = no
	retransmit_timeout = 2.0
	retransmit_tries = 3
	filelog {
		lab {
			path = $(outdir "$h")/charon.log
			time_format = %b %e %T
			flush_line = yes
			default = 1
			ike = 2
			cfg = 2
			knl = 1
		}
	}
	syslog {
		daemon {
			default = -1
		}
	}
$more
}
swanctl {
	load = random nonce openssl pem pkcs1 x509 pubkey
}
CONF
}

# charon_start HOST: start /usr/lib/ipsec/charon in HOST and wait until vici answers; where only
# charon-systemd is installed (Debian 13 beside it has no classic charon), that one, as a process
charon_start() {
	local h=$1 bin=/usr/lib/ipsec/charon
	[ -x "$bin" ] || bin=/usr/sbin/charon-systemd
	bg_on "$h" charon "$(outdir "$h")/charon.stdout" "$bin"
	wait_for 40 "$h charon (vici)" on "$h" swanctl --stats
}

charon_stop() { stop_daemon "$1" charon 15; }

swanctl_on() { local h=$1; shift; on "$h" timeout 30 swanctl "$@"; }

# --- xl2tpd and pppd ------------------------------------------------------------------------------

# xl2tpd_start HOST [BINARY]: start xl2tpd in the foreground (-D) and wait for its control pipe
xl2tpd_start() {
	local h=$1 bin=${2:-/usr/sbin/xl2tpd}
	bg_on "$h" xl2tpd "$(outdir "$h")/xl2tpd.log" "$bin" -D -c /etc/xl2tpd/xl2tpd.conf \
		-s /etc/xl2tpd/l2tp-secrets -p /run/xl2tpd.pid -C /run/xl2tpd/l2tp-control
	wait_for 15 "$h xl2tpd control pipe" on "$h" test -p /run/xl2tpd/l2tp-control
}

xl2tpd_stop() { stop_daemon "$1" xl2tpd 15; }

# xl2tpd_control HOST COMMAND: write one command to the control pipe (bounded). The write waits
# until xl2tpd has the pipe open: just after a restart (a SIGKILLed xl2tpd leaves its pipe, so
# xl2tpd_start sees it at once) that took up to 5 s in the fault matrix's lac-xl2tpd-kill cell
xl2tpd_control() { on "$1" timeout 20 sh -c "echo '$2' > /run/xl2tpd/l2tp-control"; }

# ppp_addr HOST [IFACE]: the local address of a ppp interface that is up
ppp_addr() {
	on "$1" ip -4 -o addr show dev "${2:-ppp0}" 2>/dev/null | awk '{split($4, a, "/"); print a[1]}'
}
ppp_peer() {
	on "$1" ip -4 -o addr show dev "${2:-ppp0}" 2>/dev/null |
		awk '{for (i = 1; i < NF; i++) if ($i == "peer") {split($(i + 1), a, "/"); print a[1]}}'
}
ppp_up() { [ -n "$(ppp_addr "$1" "${2:-ppp0}")" ]; }

# pppd_gone HOST: no pppd left in HOST
pppd_gone() { ! ip netns pids "$1" | xargs -r ps -o comm= -p 2>/dev/null | grep -qx pppd; }

# ping_from HOST ADDR [COUNT]
ping_from() { on "$1" busybox ping -c "${3:-3}" -W 2 -w 10 "$2" >/dev/null 2>&1; }

# --- captures and the audit -----------------------------------------------------------------------

# pcap_start HOST IFACE: capture everything on IFACE into OUT/HOST-IFACE.pcap
pcap_start() {
	local h=$1 i=$2
	bg_on "$h" "pcap-$i" "$(outdir "$h")/tcpdump-$i.log" tcpdump -n -i "$i" -s 256 -U -Z root \
		-w "$LAB_OUT/$h-$i.pcap"
	wait_for 10 "$h tcpdump on $i" grep -q "listening on" "$(outdir "$h")/tcpdump-$i.log"
}

# decrypted_start HOST: the L2TP HOST receives under IPsec, after ESP (nftables' input hook, where
# the kernel hands it to xl2tpd), copied through nflog into OUT/HOST/decrypted.nflog — what the
# wire carried, readable (decrypted_read HOST). Not a .pcap: the plaintext audit must not see it.
decrypted_start() {
	local h=$1
	on "$h" nft -f - <<'NFT' || return 1
table inet netlab_decrypted {
	chain input {
		type filter hook input priority 0;
		udp dport 1701 meta ipsec exists log group 17
	}
}
NFT
	bg_on "$h" pcap-decrypted "$(outdir "$h")/tcpdump-decrypted.log" tcpdump -n -i nflog:17 \
		-s 512 -U -Z root -w "$(outdir "$h")/decrypted.nflog"
	wait_for 10 "$h tcpdump on nflog:17" grep -q "listening on" \
		"$(outdir "$h")/tcpdump-decrypted.log"
}
# decrypted_read HOST: those packets as tcpdump decodes L2TP (-v: AVPs, result codes)
decrypted_read() { tcpdump -nv -r "$(outdir "$1")/decrypted.nflog" 2>/dev/null; }

# pcap_stop_all: stop every capture cleanly so the files are complete
pcap_stop_all() {
	local h f n
	for h in $LAB_HOSTS; do
		for f in "$(hostdir "$h")"/pcap-*.pid; do
			[ -e "$f" ] || continue
			n=$(basename "$f" .pid)
			kill -INT "$(cat "$f")" 2>/dev/null
			stop_daemon "$h" "$n" 5
		done
	done
}

# audit: count IKE/ESP/ESP-in-UDP/plaintext-L2TP per host pair over all of the scenario's pcaps
audit() { "$NETLAB_BUILD/tests/netlab/pcap-audit" "$@" "$LAB_OUT"/*.pcap; }

# audit_count A B FIELD: one count for the pair A<->B (addresses)
audit_count() {
	audit --pair "$1" "$2" --field "$3"
}

# audit_clean A B: the captures hold no plaintext UDP/1701 between A and B (checked; the audit line
# goes into the summary)
audit_clean() {
	local line
	line=$(audit --pair "$1" "$2")
	check "no plaintext UDP/1701 between $1 and $2 ($line)" [ "$(audit_count "$1" "$2" l2tp-plaintext)" -eq 0 ]
	summary "audit: $line"
}

# --- evidence -------------------------------------------------------------------------------------

# snapshot HOST LABEL: ip xfrm state/policy and swanctl --list-sas/--list-conns, for later reading
snapshot() {
	local h=$1 l=$2 d
	d=$(outdir "$h")
	{ echo "== ip xfrm state"; ip -n "$h" xfrm state; echo "== ip xfrm policy"; ip -n "$h" xfrm policy
	  if alive "$h" charon; then
		echo "== swanctl --list-sas"; swanctl_on "$h" --list-sas
		echo "== swanctl --list-conns"; swanctl_on "$h" --list-conns
	  fi
	} > "$d/state-$l.txt" 2>&1
}

lab_finish() {
	local rc=$? h n
	trap - EXIT
	for h in $LAB_HOSTS; do snapshot "$h" final; done
	pcap_stop_all 2>/dev/null
	for h in $LAB_HOSTS; do
		for n in xl2tpd charon; do alive "$h" "$n" && stop_daemon "$h" "$n" 5; done
	done
	[ "$rc" -ne 0 ] && [ "$LAB_FAILS" -eq 0 ] && fail "scenario script exited with status $rc"
	log "scenario finished: $LAB_FAILS failed check(s)"
	[ "$LAB_FAILS" -gt 100 ] && LAB_FAILS=100
	exit "$LAB_FAILS"
}
