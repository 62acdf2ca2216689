# SPDX-License-Identifier: GPL-2.0-or-later
#
# Hosts configured as an operator would: an IOS configuration from profiles/ios/ translated by the
# installed `l2tpsec translate` and installed as it comes out. Sourced after lab.sh (bash).

L2TPSEC=/usr/local/sbin/l2tpsec

# translated HOST CFG: translate profiles/ios/CFG.cfg (or CFG, a path to an IOS configuration)
# and install it as HOST's configuration
translated() {
	local h=$1 out e dir=$NETLAB_TOP/profiles/ios file=$2.cfg
	out=$(outdir "$h")/translated
	e=$(etc "$h")
	case $2 in */*) dir=$(dirname "$2") file=$(basename "$2") ;; esac
	(cd "$dir" && "$L2TPSEC" translate -o "$out" "$file") \
		> "$(outdir "$h")/translate.log" 2>&1 || return 1
	cp "$out/swanctl/swanctl.conf" "$e/swanctl/"
	cp "$out/xl2tpd/xl2tpd.conf" "$out/xl2tpd/l2tp-secrets" "$e/xl2tpd/"
	cp -r "$out"/ppp/* "$e/ppp/"
	# the generated profiles, included where strongswan.d/charon snippets belong
	cp "$out/strongswan.d/charon/l2tp-security.conf" "$e/strongswan.d/charon/"
	charon_conf "$h" l2tp-security "	plugins {
		include /etc/strongswan.d/charon/l2tp-security.conf
	}"
	# pppd logs where the lab keeps evidence (the generated options say what to do, not where to log)
	echo "logfile $(outdir "$h")/pppd.log" > "$e/ppp/options"
	echo "debug" >> "$e/ppp/options"
}
