#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The charon plugin loads into the real, stock charon: started on this host in private mount and
# network namespaces (no traffic leaves; /run and strongswan.conf are our own), it must register,
# read its settings and log them, and re-read them on swanctl --reload-settings.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
[ -x /usr/lib/ipsec/charon ] || { echo "SKIP: no charon installed"; exit 77; }
plugin=${top_builddir:-.}/.libs/libstrongswan-l2tp-security.so
[ -f "$plugin" ] || { echo "FAIL: $plugin not built"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plugins" "$work/swanctl"
cp "$plugin" "$work/plugins/"
# the plugin dir is replaced by ours inside the namespace: bring the stock plugins charon needs
for p in random nonce openssl kernel-netlink socket-default vici; do
	cp "/usr/lib/ipsec/plugins/libstrongswan-$p.so" "$work/plugins/"
done
write_conf() {
	cat > "$work/strongswan.conf" <<CONF
charon {
	load = random nonce openssl kernel-netlink socket-default vici l2tp-security
	plugins {
		l2tp-security {
			socket = $work/crypto.sock
			profiles {
$1
			}
		}
	}
	filelog {
		test {
			path = $work/charon.log
			flush_line = yes
			default = 1
		}
	}
}
swanctl {
	load = random nonce openssl
}
CONF
}
write_conf "				l2tp { }
				dialin { }"
cat > "$work/run.sh" <<RUN
set -u
mount -t tmpfs tmpfs /run
mount --bind "$work/strongswan.conf" /etc/strongswan.conf
mount --bind "$work/plugins" /usr/lib/ipsec/plugins
ip link set lo up
/usr/lib/ipsec/charon > "$work/charon.out" 2>&1 &
pid=\$!
i=0
until swanctl --stats > "$work/stats" 2>/dev/null; do
	i=\$((i + 1)); [ \$i -gt 100 ] && { echo "charon did not come up"; kill \$pid; exit 1; }
	sleep 0.1
done
cp "$work/strongswan.conf" "$work/before.conf"
# rewrite in place: the bind mount holds the file's inode, sed -i would replace it
sed 's/dialin { }/dialin { }\n				lns2 { }/' "$work/before.conf" > "$work/strongswan.conf"
swanctl --reload-settings > /dev/null
kill \$pid; wait \$pid
RUN
unshare -m -n --propagation private sh "$work/run.sh"
t grep -q 'l2tp-security' "$work/stats"
t grep -q 'l2tp-security [0-9.]*: 2 crypto profile(s): dialin, l2tp, crypto socket '"$work"'/crypto.sock' "$work/charon.log"
t grep -q 'l2tp-security [0-9.]*: 3 crypto profile(s): dialin, l2tp, lns2' "$work/charon.log"
[ "$fails" = 0 ] || { echo "--- charon log"; cat "$work/charon.log" "$work/charon.out"; }
finish test_charon_plugin
