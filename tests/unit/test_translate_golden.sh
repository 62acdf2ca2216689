#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The seed's IOS examples and the corpus of pasted running-configs translate to exactly the
# reviewed outputs in tests/translate/golden/ (NAME = profiles/ios/NAME.cfg or
# tests/translate/corpus/NAME.cfg; NAME-modernized adds --modernize --ipsec-conf), with the
# diagnostics in NAME.stderr, secrets 0600 and everything else 0644, and no secret in
# README.translation. L2TPSEC_UPDATE_GOLDEN=1 rewrites the golden files instead (review them!).
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
b=$(cd "${top_builddir:-.}" && pwd)
src=$(cd "${top_srcdir:-.}" && pwd)
golden=$src/tests/translate/golden
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for dir in "$golden"/*/; do
	name=$(basename "$dir")
	cfg=${name%-modernized}
	flags=
	[ "$cfg" != "$name" ] && flags="--modernize --ipsec-conf"
	cfgdir=$src/profiles/ios
	[ -f "$src/tests/translate/corpus/$cfg.cfg" ] && cfgdir=$src/tests/translate/corpus
	# run from the config's directory so the file name in headers and diagnostics is stable
	(cd "$cfgdir" && "$b/l2tpsec" translate $flags -o "$work/$name" "$cfg.cfg") \
		2> "$work/$name.stderr"
	rc=$?
	t [ $rc = 0 ]
	sed -i '/^l2tpsec: wrote /d' "$work/$name.stderr"
	if [ "${L2TPSEC_UPDATE_GOLDEN:-}" = 1 ]; then
		# only a translation that worked replaces a golden tree
		[ $rc = 0 ] && [ -d "$work/$name" ] && rm -rf "${golden:?}/$name" &&
			cp -a "$work/$name" "$golden/$name" && cp "$work/$name.stderr" "$golden/$name.stderr"
		continue
	fi
	t diff -ru "$dir" "$work/$name"
	t diff -u "$golden/$name.stderr" "$work/$name.stderr"
	for f in $(cd "$work/$name" && find . -type f | sort); do
		case $f in
		*/swanctl.conf|*/l2tp-secrets|*/chap-secrets|*/ipsec.secrets|*/radius/servers|*/l2tpsec-dialin-aaa) want=600 ;;
		*) want=644 ;;
		esac
		t [ "$(stat -c %a "$work/$name/$f")" = "$want" ]
	done
	t [ "$(stat -c %a "$work/$name")" = 755 ]
	# the seed's secret is "cisco": never in the human summary (cisco.com names are fine)
	t sh -c "! grep -E '(password( [07])?|key|secret) cisco( |\$)' '$work/$name/README.translation'"
	t grep -q '<secret>' "$work/$name/README.translation"
done
finish test_translate_golden
