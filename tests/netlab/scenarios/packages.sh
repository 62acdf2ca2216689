#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# packages: the Debian packages built for Debian 12 (bookworm) installed on a fresh Debian 12 root beside its stock
# strongswan, charon-systemd, xl2tpd and ppp, run as services, purged (tests/netlab/lib/packages.sh).
# netlab-root: bookworm
# netlab-timeout: 360
. "$NETLAB_TOP/tests/netlab/lib/packages.sh"
