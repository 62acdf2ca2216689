#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The patched xl2tpd past select()'s wall: started with descriptors 3-1199 already taken (as
# 600 kernel-mode tunnels would take them), its own sockets and control pipe land above
# FD_SETSIZE (1,024). It raises its soft descriptor limit to the hard one and says so, answers
# an SCCRQ, and answers show vpdn on its control socket. Stock xl2tpd, when installed, is run the
# same way beside it: glibc aborts it at its first FD_SET ("bit out of range"), the wall issue
# 17 removes. On this host's loopback in private mount and network namespaces.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
bin=${top_builddir:-.}/xl2tpd-plugin/xl2tpd
cli=${top_builddir:-.}/l2tpsec
sccrq=${top_builddir:-.}/tests/netlab/l2tp-sccrq
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

# run TAG BIN: BIN with 4,096 descriptors soft and 3-1199 taken; an SCCRQ from 127.0.0.1, then
# show vpdn; what happened lands in TAG.*
run() {
	cat > "$work/run.sh" <<RUN
mount -t tmpfs tmpfs /run
mkdir -p /run/xl2tpd
ip link set lo up
ulimit -S -n 4096
perl -MPOSIX -e 'open(my \$n, "<", "/dev/null") or die; POSIX::dup2(fileno(\$n), \$_) for 3 .. 1199;
	exec @ARGV or die' "$2" -D -c "$work/lns.conf" -s "$work/secrets" -p /run/x.pid \
	-C /run/xl2tpd/ctl > "$work/$1.log" 2>&1 &
pid=\$!
i=0
until [ -p /run/xl2tpd/ctl ] || ! kill -0 \$pid 2>/dev/null; do
	i=\$((i + 1)); [ \$i -gt 50 ] && break; sleep 0.1
done
sleep 0.5
"$sccrq" 127.0.0.2 LAC 3 > "$work/$1.sccrq" 2>&1
"$cli" show vpdn > "$work/$1.vpdn" 2>&1
ls -l /proc/\$pid/fd > "$work/$1.fds" 2>&1
kill \$pid 2>/dev/null && echo alive > "$work/$1.alive"
wait \$pid
RUN
	unshare -m -n --propagation private sh "$work/run.sh"
}

run ours "$bin"
# its UDP socket and control pipe are above FD_SETSIZE
t grep -Eq ' 1[2-9][0-9][0-9] -> socket:' "$work/ours.fds"
t grep -Eq ' 1[2-9][0-9][0-9] -> /run/xl2tpd/ctl' "$work/ours.fds"
t grep -Eq 'l2tpsec: descriptor limit [0-9]+ \(was 4096\), main loop on poll\(\)' "$work/ours.log"
t grep -q 'reply: .* from 127.0.0.2:1701, SCCRP' "$work/ours.sccrq"
# the tunnel the SCCRQ made, seen through the control socket (also above FD_SETSIZE)
t grep -q 'Total tunnels 1 sessions 0' "$work/ours.vpdn"
t grep -Eq ' LAC +wt-scccn +127\.0\.0\.1:1701 ' "$work/ours.vpdn"
t [ -f "$work/ours.alive" ]
t not_grep 'FD_SETSIZE' "$work/ours.log"

if [ -x /usr/sbin/xl2tpd ]; then
	run stock /usr/sbin/xl2tpd
	t grep -q 'bit out of range 0 - FD_SETSIZE on fd_set' "$work/stock.log"
	t [ ! -f "$work/stock.alive" ]
	t not_grep 'reply: ' "$work/stock.sccrq"
	echo "stock xl2tpd with descriptors past FD_SETSIZE: $(grep -m1 FD_SETSIZE "$work/stock.log")"
fi
[ "$fails" = 0 ] || for f in "$work"/*.log "$work"/*.sccrq "$work"/*.vpdn; do echo "--- $f"; tail -n 15 "$f"; done
finish test_xl2tpd_fdsetsize
