# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the shell unit tests: t CMD... records a failure without stopping; finish NAME prints
# the count and sets the exit status (automake: 0 pass, 1 fail, 77 skip).
fails=0
t() { if "$@"; then :; else echo "FAIL: $*"; fails=$((fails + 1)); fi; }
need_root() { [ "$(id -u)" = 0 ] || { echo "SKIP: needs root (namespaces)"; exit 77; }; }
finish() { echo "$1: $fails failed"; [ "$fails" = 0 ]; }
