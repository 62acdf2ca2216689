#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# One source for every shared name (common/l2tpsec_names.h), checked end to end: the translator's
# output for every IOS profile is fed to the readers that consume it — the charon plugin's own
# profile reader (every key written is one it reads, every profile accepted whole) and the patched
# xl2tpd's own config parser (every l2tpsec key accepted, each protected section reported). pppd
# reads its options in test_translate_daemons. Negative controls prove both checks can fail.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
b=${top_builddir:-.}
src=${top_srcdir:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for cfg in "$src"/profiles/ios/*.cfg; do
	n=$(basename "$cfg" .cfg)
	for mode in plain modernize; do
		o=$work/$n-$mode
		opt=; [ $mode = modernize ] && opt=--modernize
		(cd "$src/profiles/ios" && "$b/l2tpsec" translate $opt -o "$o" "$n.cfg" 2>/dev/null) || continue
		snippet=$o/strongswan.d/charon/l2tp-security.conf
		grep -q "crypto_map = " "$snippet" || continue	# a configuration without profiles
		t "$b/tests/unit/profile_keys" "$snippet"
		# the patched xl2tpd reads every l2tpsec key it was given and names each protected section
		cat > "$work/run" <<RUN
mount -t tmpfs tmpfs /run
mkdir -p /run/xl2tpd
ip link set lo up
$(xl2tpd_probe "$b/xl2tpd-plugin/xl2tpd" "$o/xl2tpd/xl2tpd.conf" "$o/xl2tpd/l2tp-secrets" "$work/$n-$mode.xl2tpd")
RUN
		timeout 30 unshare -m -n --propagation private sh "$work/run"
		t not_grep "parse_config\|unknown l2tpsec key\|must be" "$work/$n-$mode.xl2tpd"
		for section in $(sed -n 's/^\[\(lns\|lac\) \(.*\)\]$/\1 \2/p' "$o/xl2tpd/xl2tpd.conf" | tr ' ' '='); do
			name=$(echo "$section" | tr '=' ' ')
			# the section's own lines, up to the next section
			awk -v s="[$name]" '$0 == s { on = 1; next } /^\[/ { on = 0 } on' \
				"$o/xl2tpd/xl2tpd.conf" > "$work/section"
			if grep -q "^l2tpsec crypto profile" "$work/section"; then
				t grep -q "l2tpsec: \[$name\] crypto profile" "$work/$n-$mode.xl2tpd"
			fi
			if grep -q "^l2tpsec terminate from" "$work/section"; then
				t grep -q "l2tpsec: \[$name\] terminates host name $(sed -n \
					's/^l2tpsec terminate from = //p' "$work/section")" \
					"$work/$n-$mode.xl2tpd"
			fi
		done
		checked=$n-$mode
	done
done
t test -n "${checked:-}"

# negative controls: a key the plugin does not read, a value it refuses
o=$work/lns-compulsory-plain/strongswan.d/charon/l2tp-security.conf
sed 's/^\(\t*\)keep_sa = .*/&\n\1keepsa = yes/' "$o" > "$work/unread.conf"
t grep -q "keepsa = yes" "$work/unread.conf"
t sh -c "! '$b/tests/unit/profile_keys' '$work/unread.conf' 2>'$work/unread.err'"
t grep -q "l2tp.keepsa is written but never read" "$work/unread.err"
sed 's/keep_sa = .*/keep_sa = maybe/' "$o" > "$work/refused.conf"
t sh -c "! '$b/tests/unit/profile_keys' '$work/refused.conf' 2>/dev/null"
# the one yes/no parser takes either case, in the plugin as in xl2tpd
sed 's/keep_sa = yes/keep_sa = YES/' "$o" > "$work/upper.conf"
t "$b/tests/unit/profile_keys" "$work/upper.conf"

finish test_config_contract
