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
