# SPDX-License-Identifier: GPL-2.0-or-later
#
# Crypto socket clients and plain UDP endpoints for the netlab scenarios (configurations come from
# confgen.sh: swanctl_gen, plugin_gen). A client is
# `l2tpsec crypto-socket` in a host, fed through a FIFO held open by a sleeping writer; every reply and
# event it prints lands in $LAB_OUT/HOST/cs-NAME.out. Sourced after lab.sh (bash).

L2TPSEC=${L2TPSEC:-/usr/local/sbin/l2tpsec}
PSK=$NETLAB_PSK
# the first id the plugin gives a passive (LISTEN) clone, from the header the plugin uses
PASSIVE=$(( $(sed -n 's/^#define L2TPSEC_PASSIVE_ID_FIRST \(0x[0-9a-fA-F]*\)u$/\1/p' \
	"$NETLAB_TOP/common/l2tpsec_names.h") ))

declare -A CS_HOLD

# holds PID FIFO: process PID has FIFO open as its standard output (asked anew on every poll)
holds() { [ "$(readlink "/proc/$1/fd/1")" = "$2" ]; }

# cs_client HOST NAME: connect a crypto socket client in HOST. A sleeping writer holds its FIFO
# open (not this shell: daemons started later would inherit the descriptor and keep the client
# from ever seeing end of input)
cs_client() {
	local h=$1 n=$2 fifo
	fifo=$(hostdir "$h")/cs-$n.in
	rm -f "$fifo"; mkfifo "$fifo"
	bg_on "$h" "cs-$n" "$(outdir "$h")/cs-$n.out" sh -c "exec $L2TPSEC crypto-socket < '$fifo'"
	sleep 100000 > "$fifo" &
	CS_HOLD[$h-$n]=$!
	# until the writer holds it: a request written before would be the client's only input
	wait_for 10 "$h $n input held" holds "$!" "$fifo"
}

# cs_fifo HOST NAME: where requests for that client are written, one line each
cs_fifo() { echo "$(hostdir "$1")/cs-$2.in"; }

# cs_req HOST NAME REQUEST: send one request line
cs_req() { log "$1 $2 <- $3"; echo "$3" > "$(cs_fifo "$1" "$2")"; }

# cs_wait SECS HOST NAME PATTERN: wait until the client printed a line matching PATTERN
cs_wait() { wait_for "$1" "$2 $3: $4" grep -q -- "$4" "$LAB_OUT/$2/cs-$3.out"; }

# cs_disconnect HOST NAME: end the client's input; it disconnects and exits
cs_disconnect() {
	kill "${CS_HOLD[$1-$2]}" 2>/dev/null
	wait "${CS_HOLD[$1-$2]}" 2>/dev/null
	unset "CS_HOLD[$1-$2]"
	wait_for 10 "$1 $2 exits" not alive "$1" "cs-$2"
}

# udp_sink HOST: print every datagram that reaches 0.0.0.0:1701 in HOST to $LAB_OUT/HOST/rx.txt
udp_sink() {
	bg_on "$1" sink "$(outdir "$1")/rx.txt" perl -MIO::Socket::INET -e '
		$| = 1;
		$s = IO::Socket::INET->new(Proto => "udp", LocalAddr => "0.0.0.0", LocalPort => 1701)
			or die "bind: $!";
		print "$m\n" while $s->recv($m, 2000);'
	wait_for 10 "$1 udp sink" on "$1" sh -c "grep -q ':06A5 ' /proc/net/udp"
}

# udp_send HOST DEST TEXT: one datagram from port 1701 to DEST:1701; fails if the kernel refuses
udp_send() {
	on "$1" perl -MIO::Socket::INET -e '
		$s = IO::Socket::INET->new(Proto => "udp", LocalPort => 1701, PeerAddr => $ARGV[0],
			PeerPort => 1701) or die "socket: $!";
		$s->send($ARGV[1]) or die "send: $!\n";' "$2" "$3"
}

# xfrm_stat HOST NAME: one counter of /proc/net/xfrm_stat in HOST
xfrm_stat() { on "$1" awk -v n="$2" '$1 == n { print $2 }' /proc/net/xfrm_stat; }

# ike_sa_ids HOST: unique ids of the IKE_SAs swanctl lists, one per line
ike_sa_ids() { swanctl_on "$1" --list-sas 2>/dev/null | sed -n 's/^[^ ].*: #\([0-9]*\),.*/\1/p'; }

# no_sas HOST: charon in HOST has no IKE_SA at all
no_sas() { [ -z "$(ike_sa_ids "$1")" ]; }

# no_child_sa HOST: no CHILD_SA is installed in HOST
no_child_sa() { ! swanctl_on "$1" --list-sas 2>/dev/null | grep -q INSTALLED; }

# no_block_policies HOST: the kernel in HOST holds no block policy
no_block_policies() { ! ip -n "$1" xfrm policy | grep -q 'action block'; }
