#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The patched xl2tpd's control socket through the l2tpsec command: show vpdn / show l2tp (text and
# JSON) list a tunnel a peer's SCCRQ made (its host name, state, group), clear vpdn tunnel ID
# sends it away (StopCCN) and an unknown ID is an error, debug vpdn switches xl2tpd's debugging
# at run time, the socket is root's only (0600, and a non-root caller is told "needs root"), and
# crafted requests (too long, unknown, idle connections) get errors while xl2tpd keeps answering.
# On this host's loopback in private namespaces (no kernel L2TP here: xl2tpd's userspace path).
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
bin=${top_builddir:-.}/xl2tpd-plugin/xl2tpd
cli=${top_builddir:-.}/l2tpsec
sccrq=${top_builddir:-.}/tests/netlab/l2tp-sccrq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/secrets"

cat > "$work/xl2tpd.conf" <<'CONF'
[global]
listen-addr = 127.0.0.2
[lns dial-in]
lac = 127.0.0.1
ip range = 192.0.2.10-192.0.2.20
local ip = 192.0.2.1
CONF

cat > "$work/run.sh" <<RUN
mount -t tmpfs tmpfs /run
mkdir -p /run/xl2tpd
ip link set lo up
"$bin" -D -c "$work/xl2tpd.conf" -s "$work/secrets" -p /run/x.pid -C /run/xl2tpd/ctl > "$work/log" 2>&1 &
pid=\$!
i=0
until [ -S /run/l2tpsec/xl2tpd.sock ]; do
	i=\$((i + 1)); [ \$i -gt 50 ] && break; sleep 0.1
done
stat -c %a /run/l2tpsec/xl2tpd.sock > "$work/mode"
"$cli" show vpdn --json > "$work/empty.json" 2>&1
# a peer's SCCRQ makes a tunnel waiting for its SCCCN
"$sccrq" 127.0.0.2 lac-one 2 > "$work/sccrq.out" 2>&1
"$cli" show vpdn > "$work/vpdn.txt" 2>&1
"$cli" sh vpdn --json > "$work/vpdn.json" 2>&1
"$cli" sh vp tu all > "$work/tunnel.all" 2>&1
"$cli" show l2tp tunnel > "$work/l2tp.txt" 2>&1
"$cli" show l2tp session --json > "$work/l2tp.session.json" 2>&1
"$cli" show l2tp > "$work/l2tp.bare" 2>&1; echo \$? > "$work/l2tp.bare.rc"
tid=\$(sed -n 's/.*"tunnels": \[{"local_id": \([0-9]*\),.*/\1/p' "$work/vpdn.json")
echo "\$tid" > "$work/tid"
other=\$((tid % 65535 + 1))
echo "\$other" > "$work/other"
"$cli" clear vpdn tunnel "\$other" > "$work/clear.unknown" 2>&1; echo \$? > "$work/clear.unknown.rc"
"$cli" clear vpdn tunnel 0 > "$work/clear.zero" 2>&1; echo \$? > "$work/clear.zero.rc"
"$cli" debug vpdn l2x-events > "$work/debug.on" 2>&1
"$cli" show debugging > "$work/debugging" 2>&1
"$cli" cl vp tu l2 id "\$tid" > "$work/clear.out" 2>&1; echo \$? > "$work/clear.rc"
sleep 1
"$cli" show vpdn --json > "$work/after.json" 2>&1
"$cli" undebug vpdn l2x-events > "$work/debug.off" 2>&1
# crafted requests straight at the socket
perl -MIO::Socket::UNIX -e '\$s = IO::Socket::UNIX->new(Peer => \$ARGV[0]) or die; print \$s ("x" x 2000) . "\n"; print <\$s>' /run/l2tpsec/xl2tpd.sock > "$work/long.out" 2>&1
perl -MIO::Socket::UNIX -e '\$s = IO::Socket::UNIX->new(Peer => \$ARGV[0]) or die; print \$s "reboot now\n"; print <\$s>' /run/l2tpsec/xl2tpd.sock > "$work/unknown.out" 2>&1
perl -MIO::Socket::UNIX -e 'for (1..20) { push @s, IO::Socket::UNIX->new(Peer => \$ARGV[0]) } sleep 1' /run/l2tpsec/xl2tpd.sock
"$cli" show vpdn tunnel > "$work/still.txt" 2>&1; echo \$? > "$work/still.rc"
setpriv --reuid=65534 --regid=65534 --clear-groups "$cli" show vpdn > "$work/nonroot" 2>&1; echo \$? > "$work/nonroot.rc"
# a [lac] with two LNSes added at run time: show vpdn lists them; removed, then another added
# (often where the first was): only the new one's LNSes are shown
echo 'a multi lns = 192.0.2.3; lns = 192.0.2.4; l2tpsec lns priority = 192.0.2.4 2' > /run/xl2tpd/ctl
sleep 0.3
"$cli" show vpdn > "$work/multi.txt" 2>&1
echo 'r multi' > /run/xl2tpd/ctl
sleep 0.3
echo 'a other lns = 192.0.2.5; lns = 192.0.2.6' > /run/xl2tpd/ctl
sleep 0.3
"$cli" show vpdn > "$work/other.txt" 2>&1
kill -0 \$pid && echo alive > "$work/alive"
kill \$pid; wait \$pid
RUN
unshare -m -n --propagation private sh "$work/run.sh"
t grep -qx 'vpdn-group multi LNS 192.0.2.3 priority 1: up, 0 tunnels, 0 sessions, 0 failures' "$work/multi.txt"
t grep -qx 'vpdn-group multi LNS 192.0.2.4 priority 2: up, 0 tunnels, 0 sessions, 0 failures' "$work/multi.txt"
t grep -qx 'vpdn-group other LNS 192.0.2.5 priority 1: up, 0 tunnels, 0 sessions, 0 failures' "$work/other.txt"
t grep -qx 'vpdn-group other LNS 192.0.2.6 priority 1: up, 0 tunnels, 0 sessions, 0 failures' "$work/other.txt"
t not_grep 'multi\|192.0.2.3' "$work/other.txt"

t grep -qx 600 "$work/mode"
t grep -qx '{"tunnels": \[\], "sessions": \[\], "drops": 0, "enforcing": false, "limits": {"global": {"limit": 0, "sessions": 0, "refused": 0}, "groups": \[\]}, "lnses": \[\]}' "$work/empty.json"
t grep -q '^reply: ' "$work/sccrq.out"
t grep -qx 'L2TP Tunnel and Session Information Total tunnels 1 sessions 0' "$work/vpdn.txt"
t grep -Eq '^[0-9]+ +[0-9]+ +lac-one +wt-scccn +127\.0\.0\.1:1701 +0 +dial-in +[0-9:]+ +none$' "$work/vpdn.txt"
t grep -q '"remote_name": "lac-one", "state": "wt-scccn", "remote_address": "127.0.0.1:1701", "local_address": "127.0.0.2:1701", "role": "lns", "group": "dial-in", "sessions": 0, "protected": false' "$work/vpdn.json"
t grep -Eq '^Tunnel id [0-9]+ is wt-scccn, remote id is [0-9]+, 0 active sessions, lns group dial-in$' "$work/tunnel.all"
t grep -qx '  Protected by: none' "$work/tunnel.all"
t grep -qx 'L2TP Tunnel Information Total tunnels 1 sessions 0' "$work/l2tp.txt"
t grep -qx '{"sessions": \[\], "drops": 0, "enforcing": false, "limits": {"global": {"limit": 0, "sessions": 0, "refused": 0}, "groups": \[\]}, "lnses": \[\]}' "$work/l2tp.session.json"
t grep -q "incomplete command; next: tunnel, session" "$work/l2tp.bare"
t grep -qx 2 "$work/l2tp.bare.rc"
t grep -qx "l2tpsec clear: no tunnel $(cat "$work/other")" "$work/clear.unknown"
t grep -qx 1 "$work/clear.unknown.rc"
t grep -q "'0' is not a tunnel id" "$work/clear.zero"
t grep -qx 1 "$work/clear.zero.rc"
t grep -qx 'L2X events debugging is on' "$work/debug.on"
t grep -qx '  L2X events debugging is on' "$work/debugging"
t grep -qx "tunnel $(cat "$work/tid") cleared" "$work/clear.out"
t grep -qx 0 "$work/clear.rc"
t grep -q "l2tpsec: tunnel $(cat "$work/tid") (peer 127.0.0.1:1701) cleared by the operator" "$work/log"
t grep -q 'l2tpsec: debug vpdn l2x-events on' "$work/log"
# gone, or saying goodbye (StopCCN sent, its acknowledgement awaited)
t grep -Eq '^\{"tunnels": \[(\]|\{[^]]*"state": "shutdown")' "$work/after.json"
t grep -qx 'L2X events debugging is off' "$work/debug.off"
t grep -qx 'error request longer than 510 bytes' "$work/long.out"
t grep -qx "error xl2tpd does not know 'reboot'" "$work/unknown.out"
t grep -qx 0 "$work/still.rc"
t grep -q '^LocTunID' "$work/still.txt"
t grep -q 'needs root' "$work/nonroot"
t grep -qx 1 "$work/nonroot.rc"
t grep -qx alive "$work/alive"
[ "$fails" = 0 ] || { cat "$work/log"; for f in vpdn.txt vpdn.json tunnel.all after.json; do echo "--- $f"; cat "$work/$f"; done; }
finish test_xl2tpd_control
