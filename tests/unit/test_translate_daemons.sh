#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# What the translator writes is accepted by the real daemons: every swanctl.conf is loaded into
# the stock charon (with the l2tp-security plugin reading the generated profiles) and the parsed
# proposals, modes and lifetimes are checked; every xl2tpd.conf is read by the patched xl2tpd;
# every ppp options file is read by pppd with the l2tpsec plugin. All on this host, in private
# mount and network namespaces: no packet leaves, nothing on the host changes.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
[ -x /usr/lib/ipsec/charon ] && command -v pppd >/dev/null || { echo "SKIP: daemons missing"; exit 77; }
b=${top_builddir:-.}
src=${top_srcdir:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# plugin dirs for the namespaces: the stock plugins needed plus ours
mkdir -p "$work/ipsec-plugins" "$work/pppd-plugins"
for p in random nonce openssl pem pkcs1 x509 pubkey kernel-netlink socket-default vici; do
	cp "/usr/lib/ipsec/plugins/libstrongswan-$p.so" "$work/ipsec-plugins/"
done
cp "$b/.libs/libstrongswan-l2tp-security.so" "$work/ipsec-plugins/"
cp -a "/usr/lib/pppd/$PPPD_VERSION/." "$work/pppd-plugins/"
cp "$b/.libs/l2tpsec.so" "$work/pppd-plugins/"

# translate NAME FLAGS: the seed example NAME into $work/NAME
translate() {
	(cd "$src/profiles/ios" && "$b/l2tpsec" translate $2 -o "$work/$1" "$1.cfg" 2>/dev/null)
}

# daemons NAME: charon + swanctl, xl2tpd, pppd on one translation; logs in $work/NAME.*
daemons() {
	o=$work/$1
	rm -f "$work/$1.charon.log"
	cat > "$work/$1.strongswan.conf" <<CONF
charon {
	load = random nonce openssl pem pkcs1 x509 pubkey kernel-netlink socket-default vici l2tp-security
	plugins {
		include $o/strongswan.d/charon/l2tp-security.conf
	}
	filelog {
		test {
			path = $work/$1.charon.log
			flush_line = yes
			default = 1
			cfg = 2
		}
	}
}
swanctl {
	load = random nonce openssl pem pkcs1 x509 pubkey
}
CONF
	mkdir -p "$o/swanctl/x509" "$o/swanctl/private"
	cat > "$work/$1.run" <<RUN
mount -t tmpfs tmpfs /run
mkdir -p /run/xl2tpd
mount --bind "$work/$1.strongswan.conf" /etc/strongswan.conf
mount --bind "$work/ipsec-plugins" /usr/lib/ipsec/plugins
mount --bind "$work/pppd-plugins" /usr/lib/pppd/$PPPD_VERSION
mount --bind "$o/swanctl" /etc/swanctl
ip link set lo up
/usr/lib/ipsec/charon > /dev/null 2>&1 &
pid=\$!
i=0
until swanctl --stats > /dev/null 2>&1; do
	i=\$((i + 1)); [ \$i -gt 100 ] && break; sleep 0.1
done
swanctl --load-all > "$work/$1.load" 2>&1; echo "exit \$?" >> "$work/$1.load"
swanctl --list-conns > "$work/$1.conns" 2>&1
kill \$pid; wait \$pid
$(xl2tpd_probe "$b/xl2tpd-plugin/xl2tpd" "$o/xl2tpd/xl2tpd.conf" "$o/xl2tpd/l2tp-secrets" "$work/$1.xl2tpd")
for f in "$o"/ppp/options.* "$o"/ppp/l2tpsec-dialin; do
	[ -e "\$f" ] || continue
	pppd file "\$f" dryrun notty > "$work/$1.pppd.\$(basename "\$f")" 2>&1
	echo "exit \$?" >> "$work/$1.pppd.\$(basename "\$f")"
done
RUN
	timeout 60 unshare -m -n --propagation private sh "$work/$1.run"
}

# pppd read every option: success, or (on a kernel without PPP, like CI's host) the /dev/ppp
# failure that only comes after option parsing; never a usage/option error
pppd_parsed() {
	grep -q '^exit 0$' "$1" && return 0
	[ ! -e /dev/ppp ] && grep -q '^exit 4$' "$1" && grep -q "/dev/ppp" "$1" &&
		! grep -qiE "unrecognized|In file|invalid|error" "$1"
}

check_one() {
	n=$1; ike=$2; esp=$3; life=$4; rekey=$5; xl=$6; p=${9:-l2tp}
	translate "$n" "$7"
	t test -f "$work/$n/swanctl/swanctl.conf"
	daemons "$n"
	L=$work/$n.charon.log
	t grep -q '^exit 0$' "$work/$n.load"
	t grep -q "successfully loaded 1 connections" "$work/$n.load"
	if [ -n "$8" ]; then
		t grep -q "loaded ike secret 'ike-1'" "$work/$n.load"
	fi
	t grep -q "$p: IKEv1" "$work/$n.conns"
	t grep -q "$p: TRANSPORT, rekeying every ${rekey}s" "$work/$n.conns"
	t grep -q "local:  dynamic\[udp/l2f\]" "$work/$n.conns"
	t grep -qF "proposals = $ike" "$L"
	t grep -qF "proposals = $esp" "$L"
	t grep -q "life_time = $life\$" "$L"
	t grep -q "mode = TRANSPORT" "$L"
	t grep -q "l2tp-security [0-9.]*: 1 crypto profile(s): $p," "$L"
	t grep -q "l2tpsec: \[$xl\] crypto profile $p" "$work/$n.xl2tpd"
	t sh -c "! grep -q parse_config '$work/$n.xl2tpd'"
	for f in "$work/$n".pppd.*; do
		t pppd_parsed "$f"
	done
	[ "$fails" = 0 ] || { echo "--- $n"; cat "$work/$n.load" "$work/$n.xl2tpd" "$work/$n".pppd.*; }
}

# NAME IKE-PROPOSALS ESP-PROPOSALS LIFE REKEY XL2TPD-SECTION FLAGS HAS-PSK [PROFILE]
check_one lac-compulsory IKE:DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_768 \
	ESP:DES_CBC/HMAC_SHA1_96/NO_EXT_SEQ 3600 3240 "lac 1" "" psk
check_one lns-compulsory IKE:DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_768 \
	ESP:DES_CBC/HMAC_SHA1_96/NO_EXT_SEQ 3600 3240 "lns 1" "" psk
# the seed's client-initiated LNS has no isakmp key (the translator warns): no secret loads
check_one lns-client-initiated IKE:DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_768 \
	ESP:DES_CBC/HMAC_SHA1_96/NO_EXT_SEQ 120 108 "lns dial-in" "" ""
check_one lns-compulsory IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048 \
	ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ 3600 3240 "lns 1" "--modernize" psk
# the Windows LNS of Cisco's guides: its dynamic crypto map became crypto profile WIN-DYN, which
# protects the vpdn-group that names none
check_one lns-windows-dynamic \
	"IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048, IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024" \
	"ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ, ESP:3DES_CBC/HMAC_SHA1_96/NO_EXT_SEQ" \
	3600 3240 "lns WINDOWS" "" psk WIN-DYN
# the corpus of pasted running-configs: every output taken by every daemon
# loads NAME PROFILES: tests/translate/corpus/NAME.cfg, with that many crypto profiles
loads() {
	n=$1
	(cd "$src/tests/translate/corpus" && "$b/l2tpsec" translate -o "$work/$n" "$n.cfg" 2>/dev/null)
	t test -f "$work/$n/swanctl/swanctl.conf"
	daemons "$n"
	t grep -q '^exit 0$' "$work/$n.load"
	t grep -q "successfully loaded $2 connections" "$work/$n.load"
	t grep -q "l2tp-security [0-9.]*: $2 crypto profile(s)" "$work/$n.charon.log"
	t sh -c "! grep -q parse_config '$work/$n.xl2tpd'"
	t grep -qE "l2tpsec: \[(lac|lns) " "$work/$n.xl2tpd"
	for f in "$work/$n".pppd.*; do
		t pppd_parsed "$f"
	done
	[ "$fails" = 0 ] || { echo "--- $n"; cat "$work/$n.load" "$work/$n.xl2tpd" "$work/$n".pppd.*; }
}
loads windows-lns-sh-run 1
loads lac-sh-run 2
loads multigroup-lns-sh-run 2
# the LAC's access side was read by pppd too (request-dialin domain cisco.com)
t test -f "$work/lac-compulsory.pppd.l2tpsec-dialin"
# a LAC's child is neither trapped nor started: the patched xl2tpd OPENs each tunnel itself
t grep -q "start_action = none" "$work/lac-compulsory.charon.log"
t not_grep "start_action = trap" "$work/lac-compulsory.charon.log"
finish test_translate_daemons
