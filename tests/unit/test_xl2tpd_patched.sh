#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The patched xl2tpd runs and its hook reports in: started on this host in private mount and
# network namespaces (this kernel has no L2TP, so the userspace data path is expected here; the
# netlab scenario components-voluntary shows the kernel path).
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
bin=${top_builddir:-.}/xl2tpd-plugin/xl2tpd
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '[global]\nport = 1701\n[lns default]\nip range = 192.0.2.10-192.0.2.20\nlocal ip = 192.0.2.1\n' > "$work/xl2tpd.conf"
: > "$work/secrets"
cat > "$work/run.sh" <<RUN
mount -t tmpfs tmpfs /run
mkdir -p /run/xl2tpd
ip link set lo up
"$bin" -D -c "$work/xl2tpd.conf" -s "$work/secrets" -p /run/x.pid -C /run/xl2tpd/ctl > "$work/log" 2>&1 &
pid=\$!
i=0
until [ -p /run/xl2tpd/ctl ]; do i=\$((i + 1)); [ \$i -gt 50 ] && break; sleep 0.1; done
kill \$pid; wait \$pid
RUN
unshare -m -n --propagation private sh "$work/run.sh"
t grep -q 'xl2tpd version xl2tpd-1\.3\.18 started' "$work/log"
t grep -q 'l2tpsec [0-9.]* hooks active, L2TP data path: userspace' "$work/log"
[ "$fails" = 0 ] || cat "$work/log"
finish test_xl2tpd_patched
