#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Run-time [lac] sections for RADIUS's tunnels in the patched xl2tpd (the LAC): a dial-aaa request
# on the switch socket makes [lac corp.example] from [lac aaa] (its crypto profile: the dial waits
# for charon, absent here) with the request's LNSes and priorities (show vpdn lists them); the
# same tunnels again reuse the [lac], also for another domain, other tunnels get their own; malformed requests, an unknown
# template, a template without a crypto profile (no plaintext tunnel on RADIUS's word) and a
# run-time [lac] asked for by name are refused with why; the secret is never
# logged. The tunnel secret at work: netlab lac-aaa-tunnels. On this host's loopback in a private
# network namespace.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
bin=${top_builddir:-.}/xl2tpd-plugin/xl2tpd
cli=${top_builddir:-.}/l2tpsec
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
: > "$work/lac.secrets"

cat > "$work/lac.conf" <<'CONF'
[global]
listen-addr = 127.0.0.2
[lac aaa]
redial = no
l2tpsec crypto profile = l2tp
[lac plain]
redial = no
CONF

hex() { printf %s "$1" | od -An -tx1 | tr -d ' \n'; }
# switch REQUEST OUT: one request on the switch socket, what xl2tpd answered within 3 s in OUT
cat > "$work/switch.pl" <<'PERL'
use IO::Socket::UNIX; use Socket; use IO::Select;
my $s = IO::Socket::UNIX->new(Type => SOCK_SEQPACKET, Peer => "/run/l2tpsec/switch.sock") or die "connect: $!";
my $req = $ARGV[0]; $req =~ s/\\n/\n/g;
$s->send($req) or die "send: $!";
my $sel = IO::Select->new($s);
if ($sel->can_read(3)) { my $a; $s->recv($a, 1024); print $a; } else { print "no answer\n"; }
PERL
sw() { echo "perl '$work/switch.pl' '$1' > '$work/$2' 2>&1"; }

cat > "$work/run.sh" <<RUN
ip link set lo up
mount -t tmpfs tmpfs /run
mkdir -p /run/xl2tpd
"$bin" -D -c "$work/lac.conf" -s "$work/lac.secrets" -p /run/x.pid -C /run/xl2tpd/ctl > "$work/lac.log" 2>&1 &
pid=\$!
i=0
until [ -S /run/l2tpsec/switch.sock ]; do i=\$((i + 1)); [ \$i -gt 50 ] && break; sleep 0.1; done
sleep 0.5
$(sw "dial-aaa aaa corp.example\nlns 127.0.0.3 1\nsecret 127.0.0.3 $(hex sekrit)\nlns 127.0.0.9 2\nhostname LAC\nend\n" corp.out) &
req=\$!
sleep 2
"$cli" show vpdn > "$work/corp.txt" 2>&1
wait \$req
$(sw "dial-aaa aaa corp.example\nlns 127.0.0.3 1\nsecret 127.0.0.3 $(hex sekrit)\nlns 127.0.0.9 2\nhostname LAC\nend\n" again.out)
$(sw "dial-aaa aaa third.example\nlns 127.0.0.3 1\nsecret 127.0.0.3 $(hex sekrit)\nlns 127.0.0.9 2\nhostname LAC\nend\n" third.out)
$(sw "dial-aaa aaa other.example\nlns 127.0.0.3 1\nsecret 127.0.0.3 $(hex wrong)\nhostname LAC\nend\n" other.out)
$(sw "dial-aaa aaa bad.example\nlns 127.0.0.3 1\nsecret 127.0.0.4 00\nend\n" badsecret.out)
$(sw "dial-aaa aaa bad.example\nlns 127.0.0.3 1\n" noend.out)
$(sw "dial-aaa nosuch bad.example\nlns 127.0.0.3 1\nend\n" notemplate.out)
$(sw "dial-aaa aaa bad.example\nlns 127.0.0.3 1\nlns 127.0.0.3 2\nend\n" twice.out)
$(sw "dial corp.example\n" configured.out)
$(sw "dial-aaa plain bad.example\nlns 127.0.0.3 1\nend\n" plain.out)
"$cli" show vpdn > "$work/after.txt" 2>&1
kill -0 \$pid && echo alive > "$work/alive"
kill \$pid; wait \$pid
RUN
unshare -m -n --propagation private sh "$work/run.sh"

t grep -q 'l2tpsec: \[lac corp.example\] made from \[lac aaa\] for RADIUS.s tunnels of corp.example: 127.0.0.3 priority 1 (tunnel password), 127.0.0.9 priority 2' "$work/lac.log"
t grep -qx 'vpdn-group corp.example LNS 127.0.0.3 priority 1: up, 0 tunnels, 0 sessions, 0 failures' "$work/corp.txt"
t grep -qx 'vpdn-group corp.example LNS 127.0.0.9 priority 2: up, 0 tunnels, 0 sessions, 0 failures' "$work/corp.txt"
t grep -q 'l2tpsec: \[lac corp.example\] switched session requested' "$work/lac.log"
t [ "$(grep -c 'made from \[lac aaa\] for RADIUS.s tunnels of corp.example' "$work/lac.log")" = 1 ]
t grep -q '\[lac other.example\] made from \[lac aaa\]' "$work/lac.log"
# a domain RADIUS sends to the same tunnels shares the [lac] (one tunnel per LNS)
t not_grep 'third.example' "$work/lac.log"
t [ "$(grep -c 'switched session requested' "$work/lac.log")" = 4 ]
t grep -qx 'vpdn-group corp.example LNS 127.0.0.9 priority 2: up, 0 tunnels, 0 sessions, 0 failures' "$work/after.txt"
t grep -qx 'error a secret for an LNS not named before it, or not hex without NUL' "$work/badsecret.out"
t grep -qx 'error the tunnel list has no end' "$work/noend.out"
t grep -qx 'error no \[lac nosuch\] section to make RADIUS.s tunnels from' "$work/notemplate.out"
t grep -qx 'error LNS 127.0.0.3 named twice' "$work/twice.out"
t grep -qx 'error no \[lac corp.example\] section' "$work/configured.out"
t grep -qx "error \[lac plain\] names no crypto profile: RADIUS's tunnels are not made without IPsec" "$work/plain.out"
t not_grep 'lac bad.example\] made' "$work/lac.log"
t grep -q 'switched session refused: RADIUS.s tunnels: the tunnel list has no end' "$work/lac.log"
t not_grep "sekrit\|$(hex sekrit)" "$work/lac.log"
t grep -qx alive "$work/alive"
finish test_xl2tpd_aaa_lac
