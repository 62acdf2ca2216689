#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# What `translate --ipsec-conf` writes is what Debian's strongswan-starter takes: ipsec.conf and
# ipsec.secrets bound over /etc in private mount and network namespaces, `ipsec start` runs the
# stock charon (stroke), `ipsec statusall` lists each crypto profile as an IKEv1 connection with
# a transport child for UDP 1701, charon loads every key, the starter complains about nothing.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
command -v ipsec > /dev/null && [ -x /usr/lib/ipsec/starter ] ||
	{ echo "SKIP: strongswan-starter missing"; exit 77; }
b=$(cd "${top_builddir:-.}" && pwd)
src=$(cd "${top_srcdir:-.}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# starter NAME FLAGS: profiles/ios/NAME.cfg (or tests/translate/corpus/NAME.cfg) translated with FLAGS --ipsec-conf, run by the starter
starter() {
	o=$work/$1
	d=$src/profiles/ios
	[ -f "$src/tests/translate/corpus/$1.cfg" ] && d=$src/tests/translate/corpus
	(cd "$d" && "$b/l2tpsec" translate $2 --ipsec-conf -o "$o" "$1.cfg" 2>/dev/null)
	t [ -f "$o/ipsec.conf" ]
	cat > "$work/$1.strongswan.conf" <<CONF
charon {
	load = random nonce openssl pem pkcs1 x509 pubkey kernel-netlink socket-default stroke
	filelog {
		test {
			path = $work/$1.charon.log
			default = 1
		}
	}
}
starter {
	load_warning = no
}
CONF
	cat > "$work/$1.run" <<RUN
mount -t tmpfs tmpfs /run
mount --bind "$work/$1.strongswan.conf" /etc/strongswan.conf
mount --bind "$o/ipsec.conf" /etc/ipsec.conf
mount --bind "$o/ipsec.secrets" /etc/ipsec.secrets
ip link set lo up
ipsec start > "$work/$1.start" 2>&1
# the starter hands charon the connections once charon answers: wait until they are there
i=0
until ipsec statusall 2>&1 | grep -q ' child: '; do
	i=\$((i + 1)); [ \$i -gt 150 ] && break; sleep 0.1
done
ipsec statusall > "$work/$1.status" 2>&1
ipsec stop >> "$work/$1.start" 2>&1
RUN
	timeout 60 unshare -m -n --propagation private sh "$work/$1.run"
}

# check NAME PROFILE KEYS [FLAGS]: PROFILE loaded as a responder for UDP 1701, KEYS secrets
check() {
	starter "$1" "${4:-}"
	t grep -q "^ *$2: .*\.\.\.%any  IKEv1" "$work/$1.status"
	t grep -q "^ *$2:   child:  dynamic\[udp/l2f\] === dynamic\[udp\] TRANSPORT" "$work/$1.status"
	t [ "$(grep -c 'loaded IKE secret' "$work/$1.charon.log")" = "$3" ]
	t sh -c "! grep -qiE 'error|invalid|failed|unknown' '$work/$1.start' '$work/$1.charon.log'"
	[ "$fails" = 0 ] || cat "$work/$1.start" "$work/$1.status" "$work/$1.charon.log"
}

check lns-compulsory l2tp 1 --modernize
check lns-windows-dynamic WIN-DYN 1
check lns-mixed-groups l2tp 1
check windows-lns-sh-run DYN-L2TP 1
finish test_translate_starter
