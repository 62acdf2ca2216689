#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The l2tpsec command: subcommand table, usage errors (exit 2), version facts for packagers.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
cmd=${top_builddir:-.}/l2tpsec

out=$("$cmd" version); rc=$?
t [ "$rc" = 0 ]
t sh -c "echo '$out' | grep -q '^l2tpsec [0-9]'"
t sh -c "echo '$out' | grep -q '^built for strongSwan 5\.'"
t sh -c "echo '$out' | grep -q '^built for pppd $PPPD_VERSION '"
"$cmd" > /dev/null 2>&1; t [ $? = 2 ]
"$cmd" frobnicate > /dev/null 2>&1; t [ $? = 2 ]
"$cmd" frobnicate 2>&1 | grep -q "unknown command 'frobnicate'"; t [ $? = 0 ]
"$cmd" version extra > /dev/null 2>&1; t [ $? = 2 ]
"$cmd" help | grep -q '^  version'; t [ $? = 0 ]
# show and crypto-socket without charon: a clear error naming the socket, status 1
L2TPSEC_SOCKET=/nonexistent/crypto.sock "$cmd" show crypto map > /dev/null 2>&1; t [ $? = 1 ]
L2TPSEC_SOCKET=/nonexistent/crypto.sock "$cmd" show crypto map 2>&1 |
	grep -q 'cannot connect to /nonexistent/crypto.sock'; t [ $? = 0 ]
"$cmd" show --socket /nonexistent/x crypto map 2>&1 | grep -q 'cannot connect to /nonexistent/x'
t [ $? = 0 ]
"$cmd" show > /dev/null 2>&1; t [ $? = 2 ]
"$cmd" crypto-socket --socket /nonexistent/x < /dev/null > /dev/null 2>&1; t [ $? = 1 ]
"$cmd" crypto-socket --help | grep -q 'open ID PROFILE LOCAL REMOTE'; t [ $? = 0 ]
"$cmd" help | grep -q '^  show'; t [ $? = 0 ]
# IOS habits: abbreviated commands and words; what is wrong is said, with exit 2
L2TPSEC_SOCKET=/nonexistent/crypto.sock "$cmd" sh cry map 2>&1 | grep -q 'cannot connect to /nonexistent/crypto.sock'
t [ $? = 0 ]
L2TPSEC_XL2TPD_CONTROL=/nonexistent/x.sock "$cmd" sh vp tu al 2>&1 | grep -q 'cannot connect to /nonexistent/x.sock: .*(is the l2tpsec xl2tpd running?)'
t [ $? = 0 ]
"$cmd" c > /dev/null 2>&1; t [ $? = 2 ]
"$cmd" c 2>&1 | grep -q "unknown command 'c'"; t [ $? = 0 ]
# only the IOS exec commands are guessed from a prefix: never one that writes files
"$cmd" ap /nonexistent 2>&1 | grep -q "unknown command 'ap'"; t [ $? = 0 ]
"$cmd" tr 2>&1 | grep -q "unknown command 'tr'"; t [ $? = 0 ]
L2TPSEC_XL2TPD_CONTROL=/nonexistent/x.sock "$cmd" und vpdn l2x-events 2>&1 | grep -q 'l2tpsec undebug: cannot connect'
t [ $? = 0 ]
"$cmd" show crypto nonsense > /dev/null 2>&1; t [ $? = 2 ]
"$cmd" show crypto nonsense 2>&1 | grep -qx "l2tpsec show: % invalid input at 'nonsense'"; t [ $? = 0 ]
"$cmd" sh c 2>&1 | grep -qx "l2tpsec show: % incomplete command; next: map, engine, isakmp, ipsec"; t [ $? = 0 ]
"$cmd" sh cry map tag 2>&1 | grep -qx "l2tpsec show: % incomplete command; next: <name>"; t [ $? = 0 ]
"$cmd" debug vpdn 2>&1 | grep -qx "l2tpsec debug: % incomplete command; next: l2x-events, l2x-packets, l2x-errors"
t [ $? = 0 ]
"$cmd" clear vpdn tunnel all --json > /dev/null 2>&1; t [ $? = 2 ]
# a missing option argument is a usage error (2), whatever the command
for sub in show clear debug crypto-socket; do
	"$cmd" $sub --socket < /dev/null > /dev/null 2>&1; t [ $? = 2 ]
done
"$cmd" show --control > /dev/null 2>&1; t [ $? = 2 ]
"$cmd" show --frob vpdn > /dev/null 2>&1; t [ $? = 2 ]
# a caller that is not root is told so, not asked whether the daemons run
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
	as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$cmd" "$@"; }
	for c in "show vpdn" "show crypto map" "clear crypto session" "debug crypto socket"; do
		as_nobody $c 2>&1 | grep -q 'needs root'; t [ $? = 0 ]
		as_nobody $c > /dev/null 2>&1; t [ $? = 1 ]
	done
	as_nobody crypto-socket < /dev/null 2>&1 | grep -q 'needs root'; t [ $? = 0 ]
fi

# the shell tests' machine check: a machine that refuses private namespaces fails the test with
# one line naming what it refused (here a stand-in unshare refuses as in a chroot)
fake=$(mktemp -d)
printf '#!/bin/sh\necho "unshare: cannot change root filesystem propagation: Invalid argument" >&2\nexit 1\n' \
	> "$fake/unshare"
chmod +x "$fake/unshare"
out=$(PATH="$fake:$PATH" sh -c ". '${top_srcdir:-.}/tests/unit/testlib.sh'; need_namespaces; echo reached"); rc=$?
t [ "$rc" = 1 ]
t sh -c "echo '$out' | grep -q '^FAIL: this machine refuses private mount+network namespaces.*Invalid argument'"
t sh -c "! echo '$out' | grep -q reached"
rm -rf "$fake"
finish test_l2tpsec_cmd
