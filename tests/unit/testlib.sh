# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the shell unit tests: t CMD... records a failure without stopping; finish NAME prints
# the count and sets the exit status (automake: 0 pass, 1 fail, 77 skip).
fails=0
t() { if "$@"; then :; else echo "FAIL: $*"; fails=$((fails + 1)); fi; }
need_root() { [ "$(id -u)" = 0 ] || { echo "SKIP: needs root (namespaces)"; exit 77; }; }
# need_namespaces: the daemons run in private mount and network namespaces; a machine that refuses
# them (e.g. a chroot whose / is not a mount point) fails the test with one line saying so
need_namespaces() {
	unshare -m -n --propagation private true 2>/dev/null && return
	echo "FAIL: this machine refuses private mount+network namespaces" \
		"(unshare -m -n --propagation private: $(unshare -m -n --propagation private true 2>&1 | head -1));" \
		"the test runs daemons in them (is / a mount point?)"
	exit 1
}
finish() { echo "$1: $fails failed"; [ "$fails" = 0 ]; }

# xl2tpd_probe BIN CONF SECRETS LOG [LINGER]: shell lines (for a script run inside a private mount
# and network namespace with /run/xl2tpd made) that start xl2tpd, wait until its control pipe
# exists or it exits (bounded), let it run LINGER more seconds (default 0), and stop it; its
# output goes to LOG
xl2tpd_probe() {
	xl2tpd_up "$1" "$2" "$3" "$4"
	cat <<PROBE
sleep ${5:-0}
kill \$pid 2>/dev/null; wait \$pid
PROBE
}

# xl2tpd_up BIN CONF SECRETS LOG: shell lines that start xl2tpd with its pid in \$pid and wait
# (bounded) for its control pipe
xl2tpd_up() {
	local bin=$1 conf=$2 secrets=$3 logf=$4
	cat <<UP
"$bin" -D -c "$conf" -s "$secrets" -p /run/x.pid -C /run/xl2tpd/ctl > "$logf" 2>&1 &
pid=\$!
i=0
until [ -p /run/xl2tpd/ctl ] || ! kill -0 \$pid 2>/dev/null; do
	i=\$((i + 1)); [ \$i -gt 50 ] && break; sleep 0.1
done
UP
}

# not_grep PATTERN FILE: true when no line of FILE matches
not_grep() { ! grep -q -- "$1" "$2"; }

# charon_plugin_work: a work dir $work (removed on exit) whose plugins/ holds our charon plugin
# and the stock plugins charon needs, to be bind-mounted over the plugin dir in a private mount
# namespace; skips without charon
charon_plugin_work() {
	[ -x /usr/lib/ipsec/charon ] || { echo "SKIP: no charon installed"; exit 77; }
	plugin=${top_builddir:-.}/.libs/libstrongswan-l2tp-security.so
	[ -f "$plugin" ] || { echo "FAIL: $plugin not built"; exit 1; }
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	mkdir -p "$work/plugins" "$work/swanctl"
	cp "$plugin" "$work/plugins/"
	for p in random nonce openssl pem pkcs1 kernel-netlink socket-default vici; do
		cp "/usr/lib/ipsec/plugins/libstrongswan-$p.so" "$work/plugins/"
	done
}

# charon_plugin_conf KEYS: strongswan.conf for that charon: the l2tp-security KEYS, a file log
# in $work/charon.log
charon_plugin_conf() {
	cat <<CONF
charon {
	load = random nonce openssl kernel-netlink socket-default vici l2tp-security
	plugins {
		l2tp-security {
$1
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
	load = random nonce openssl pem pkcs1
}
CONF
}
