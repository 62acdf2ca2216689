# SPDX-License-Identifier: GPL-2.0-or-later
#
# FreeRADIUS (Debian's package) as a lab's AAA server: Debian's own configuration copied per host
# and pointed at the host's directories, its clients and users replaced by the scenario's.
# Sourced after lab.sh (bash).

RADIUS_CONF=/etc/freeradius/3.0

# radius_conf DIR LOGDIR CLIENTS USERS: DIR becomes a FreeRADIUS configuration (Debian's, run as
# root, logging authentications, its logs and accounting detail files under LOGDIR), CLIENTS its
# clients.conf and USERS its users file (mods-config/files/authorize)
radius_conf() {
	local d=$1 logdir=$2
	rm -rf "$d" && cp -a "$RADIUS_CONF" "$d" || return 1
	mkdir -p "$logdir/radacct"
	sed -i -e "s|^raddbdir = .*|raddbdir = $d|" -e "s|^logdir = .*|logdir = $logdir|" \
		-e "s|^radacctdir = .*|radacctdir = $logdir/radacct|" \
		-e 's|^run_dir = .*|run_dir = /run/freeradius|' \
		-e 's|^\(\s*\)user = freerad|\1#user = freerad|' \
		-e 's|^\(\s*\)group = freerad|\1#group = freerad|' \
		-e 's|^\(\s*\)auth = no|\1auth = yes|' "$d/radiusd.conf"
	printf '%s\n' "$3" > "$d/clients.conf"
	printf '%s\n' "$4" > "$d/mods-config/files/authorize"
}

# radius_start HOST DIR: FreeRADIUS in HOST, in the foreground, its log in OUT/HOST/radius.log
radius_start() {
	local h=$1 d=$2
	on "$h" mkdir -p /run/freeradius
	bg_on "$h" freeradius "$(outdir "$h")/radius.out" freeradius -f -d "$d" \
		-l "$(outdir "$h")/radius.log"
	wait_for 30 "$h FreeRADIUS ready" grep -q "Ready to process requests" \
		"$(outdir "$h")/radius.log"
}
radius_stop() { stop_daemon "$1" freeradius 10; }

# radius_detail HOST: every accounting record FreeRADIUS wrote (detail files, all clients)
radius_detail() { cat "$(outdir "$1")"/radacct/*/detail-* 2>/dev/null; }
