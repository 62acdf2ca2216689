#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# packages-trixie: the Debian packages built for Debian 13 (trixie) installed on a fresh Debian 13 root beside its stock
# strongswan, charon-systemd, xl2tpd and ppp, run as services, purged (tests/netlab/lib/packages.sh).
# netlab-root: trixie
# netlab-timeout: 360
. "$NETLAB_TOP/tests/netlab/lib/packages.sh"
