#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tunnel IDs are unique (patch 0022): 1,000 SCCRQs, each with its own Assigned Tunnel ID, make
# 1,000 tunnels in the patched xl2tpd whose own IDs (the Assigned Tunnel IDs of its SCCRPs) are
# all different and none 0. Stock xl2tpd draws 16 random bits per tunnel without a check: among 1,000 tunnels two
# share an ID but once in about 2,000 runs (birthday bound), and one's messages then reach the
# other. On this host's loopback in private mount and network namespaces (userspace data path).
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
bin=${top_builddir:-.}/xl2tpd-plugin/xl2tpd
cli=${top_builddir:-.}/l2tpsec
N=1000
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
: > "$work/secrets"
cat > "$work/lns.conf" <<'CONF'
[global]
listen-addr = 127.0.0.2
[lns any]
lac = 127.0.0.1
ip range = 192.0.2.10-192.0.2.20
local ip = 192.0.2.1
CONF

# N SCCRQs from 127.0.0.1:1701, Assigned Tunnel IDs 1..N (RFC 2661 6.1), one at a time: each
# is sent (again, up to 10 times) until its SCCRP comes; prints "OUR_ID ITS_ID" per tunnel,
# ITS_ID being the Assigned Tunnel ID of xl2tpd's SCCRP (a loaded host drops datagrams, and
# xl2tpd also resends SCCRPs of earlier tunnels: each is taken once)
cat > "$work/sccrqs.pl" <<'PERL'
use Socket;
my ($n) = @ARGV;
socket(my $s, PF_INET, SOCK_DGRAM, 0) or die "socket: $!";
setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1) or die "reuse: $!";
bind($s, sockaddr_in(1701, inet_aton("127.0.0.1"))) or die "bind: $!";
my $to = sockaddr_in(1701, inet_aton("127.0.0.2"));
my %its;
sub avp { my ($t, $v) = @_; pack("nnn", 0x8000 | (6 + length $v), 0, $t) . $v }
# an SCCRP: [header tunnel id (ours), its Assigned Tunnel ID], or nothing
sub sccrp {
	my ($p) = @_;
	return () if length $p < 12;
	my ($flags, $len, $tid) = unpack("nnn", $p);
	my ($type, $assigned, $off) = (-1, undef, 12);
	return () unless $flags & 0x8000;
	while ($off + 6 <= length $p) {
		my ($h, $vendor, $t) = unpack("nnn", substr($p, $off, 6));
		my $l = $h & 0x3ff;
		last if $l < 6;
		my $v = substr($p, $off + 6, $l - 6);
		$type = unpack("n", $v) if $vendor == 0 && $t == 0 && $l == 8;
		$assigned = unpack("n", $v) if $vendor == 0 && $t == 9 && $l == 8;
		$off += $l;
	}
	return $type == 2 && defined $assigned ? ($tid, $assigned) : ();
}
for my $id (1 .. $n) {
	my $avps = avp(0, pack("n", 1)) . avp(2, pack("n", 0x0100)) . avp(7, "LAC") .
		avp(3, pack("N", 3)) . avp(9, pack("n", $id)) . avp(10, pack("n", 4));
	my $msg = pack("nnnnnn", 0xc802, 12 + length $avps, 0, 0, 0, 0) . $avps;
	for (my $try = 0; !defined $its{$id}; $try++) {
		die "no SCCRP for tunnel $id after 10 tries\n" if $try == 10;
		send($s, $msg, 0, $to) or die "send: $!";
		my $until = time + 1;
		while (!defined $its{$id} && time <= $until) {
			my $rin = ''; vec($rin, fileno($s), 1) = 1;
			last unless select($rin, undef, undef, 0.5);
			recv($s, my $p, 2048, 0);
			my ($tid, $assigned) = sccrp($p);
			$its{$tid} //= $assigned if defined $tid;
		}
	}
}
print "$_ $its{$_}\n" for 1 .. $n;
PERL

# run TAG BIN: BIN serving 127.0.0.2, the SCCRQs, then show vpdn
run() {
	cat > "$work/run.sh" <<RUN
mount -t tmpfs tmpfs /run
mkdir -p /run/xl2tpd
ip link set lo up
$(xl2tpd_up "$2" "$work/lns.conf" "$work/secrets" "$work/$1.log")
perl "$work/sccrqs.pl" $N > "$work/$1.ids" 2> "$work/$1.perl"
"$cli" show vpdn > "$work/$1.vpdn" 2>&1
kill \$pid; wait \$pid
RUN
	unshare -m -n --propagation private sh "$work/run.sh"
}

run ours "$bin"
# every SCCRP came, and its Assigned Tunnel IDs (xl2tpd's own) are N different ones, none 0
t [ "$(wc -l < "$work/ours.ids")" = $N ]
t [ "$(awk '{ print $2 }' "$work/ours.ids" | sort -u | wc -l)" = $N ]
t not_grep ' 0$' "$work/ours.ids"
# show vpdn lists them under those IDs (those xl2tpd has not yet given up on: no SCCCN comes)
t [ "$(awk '$3 == "LAC" { print $1 }' "$work/ours.vpdn" | sort | uniq -d | wc -l)" = 0 ]

[ "$fails" = 0 ] || { cat "$work/ours.perl"; head -20 "$work/ours.vpdn"; tail -20 "$work/ours.log"; }
finish test_xl2tpd_tunnel_ids
