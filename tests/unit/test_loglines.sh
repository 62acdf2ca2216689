#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The log lines netlab scenarios depend on (tests/netlab/lib/loglines.sh) still exist, word for
# word, in the C files said to print them; and log_pattern turns a format into a pattern that
# matches what the format prints.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
not() { ! "$@"; }
src=${top_srcdir:-.}
. "$src/tests/netlab/lib/loglines.sh"

# C_FILE with adjacent string literals joined, as the compiler sees a split format
joined() { sed -z 's/"[[:space:]]*\n[[:space:]]*"//g' "$src/$1"; }

# in_source C_FILE FORMAT: the file prints exactly this format
in_source() { joined "$1" | grep -qF -- "$2"; }

for n in "${!LOGLINE_FMT[@]}"; do
	t in_source "${LOGLINE_SRC[$n]}" "${LOGLINE_FMT[$n]}" || echo "  ($n is not in ${LOGLINE_SRC[$n]})"
done
t [ "${#LOGLINE_FMT[@]}" -ge 20 ]

# patterns match what the C prints, and only that
line=$(printf "$(sed 's/\\n$//' <<< "${LOGLINE_FMT[XL_SECURED]}")" 10.0.0.13:1701 10.0.0.12:1701 \
	2147483648 aes128 sha1 53)
t grep -q -- "$(log_pattern XL_SECURED '10\.0\.0\.13:1701' '10\.0\.0\.12:1701')" <<< "$line"
t not_grep "$(log_pattern XL_SECURED '10\.0\.0\.99:1701')" <(echo "$line")
line='l2tpsec: [lac lns] IPsec to 10.0.0.13:1701 not established (negotiation failed): no SCCRQ sent; retrying in 2 s'
t grep -q -- "$(log_pattern XL_DIAL_BACKOFF lns '10\.0\.0\.13:1701' '.*' 2)" <<< "$line"
t not_grep "$(log_pattern XL_DIAL_BACKOFF lns '10\.0\.0\.13:1701' '.*' 4)" <(echo "$line")
t [ "$(log_pattern PPP_LCP on-mismatch)" = 'l2tpsec: LCP starting, lcp renegotiation on-mismatch' ]
t [ "$(log_pattern XL_SECTION lns 1 l2tp)" = 'l2tpsec: \[lns 1\] crypto profile l2tp, keep-sa .*, ip pmtu .*, lcp renegotiation .*' ]
# a format whose text moved away fails
LOGLINE_FMT[BOGUS]='l2tpsec: this line is printed nowhere'
LOGLINE_SRC[BOGUS]=xl2tpd-plugin/l2tpsec_guard.c
t not in_source "${LOGLINE_SRC[BOGUS]}" "${LOGLINE_FMT[BOGUS]}"

finish test_loglines
