# SPDX-License-Identifier: GPL-2.0-or-later
#
# Compulsory tunnelling in netlab: the seed's LAC and LNS (translated from profiles/ios/), a client
# on a serial line (socat's pty pair) into the LAC's access side, whose pppd switches the user
# into L2TP/IPsec. Sourced after lab.sh and translated.sh (bash). Used by the compulsory-switched
# scenario and bench/compulsory-handoff.

LNS=10.0.0.13 LAC=10.0.0.12
GW=10.40.0.1		# the completed LNS's Loopback0, its end of every switched session
XL2TPD=/usr/local/sbin/xl2tpd

# switched_lab: hosts lns, lac, client; the LNS (lns-compulsory-complete.cfg) and the LAC
# (lac-compulsory.cfg) translated and running; the LNS's translated options.1 kept aside
switched_lab() {
	local h
	host_add lns && host_add lac && host_add client || return 1
	link_add lns $LNS/24 lac $LAC/24
	translated lns lns-compulsory-complete && translated lac lac-compulsory || return 1
	cp "$(etc lns)/ppp/options.1" "$(hostdir lns)/options.1.translated"
	for h in lns lac; do
		charon_start $h || return 1
		swanctl_on $h --load-all > "$(outdir $h)/load-all.txt" 2>&1
		xl2tpd_start $h $XL2TPD || return 1
	done
	{ echo "logfile $(outdir client)/pppd.log"; echo debug; } > "$(etc client)/ppp/options"
}

# lns_up HOST: charon with the translated profile loaded, the patched xl2tpd listening
lns_up() {
	charon_start "$1" || return 1
	swanctl_on "$1" --load-all >> "$(outdir "$1")/load-all.txt" 2>&1
	xl2tpd_start "$1" $XL2TPD &&
		wait_for 20 "$1 LISTEN" xl2tpd_says "$1" XL_LISTEN l2tp 1701
}

# established HOST PEER: how many tunnels HOST's xl2tpd established with PEER
established() { grep -c "Connection established to $2, 1701" "$(outdir "$1")/xl2tpd.log"; }

# lns_options EXTRA...: the translated pppd options of vpdn-group 1, plus these lines
lns_options() {
	{ cat "$(hostdir lns)/options.1.translated"; printf '%s\n' "$@"; } > "$(etc lns)/ppp/options.1"
}

# client_secret [HOST] USER SECRET: the client's CHAP secret (the seed's Serial11/0)
client_secret() { printf '"%s" * "%s" *\n' "$2" "$3" > "$(etc "$1")/ppp/chap-secrets"; }

# serial_line N: a pty pair, $LAB_RUN/tty-lacN and $LAB_RUN/tty-clientN (socat, kept as socatN)
serial_line() {
	socat PTY,link="$LAB_RUN/tty-lac$1",raw,echo=0 PTY,link="$LAB_RUN/tty-client$1",raw,echo=0 \
		>> "$(outdir lac)/socat$1.log" 2>&1 &
	echo $! > "$(hostdir lac)/socat$1.pid"
	wait_for 5 "serial line $1" test -e "$LAB_RUN/tty-client$1"
}

# lac_access N: the LAC's access-side pppd on line N, translated options (kept as dialinN)
lac_access() {
	bg_on lac "dialin$1" "$(outdir lac)/pppd-dialin$1.stdout" \
		pppd "$LAB_RUN/tty-lac$1" 115200 file /etc/ppp/l2tpsec-dialin local nodetach \
		logfile "$(outdir lac)/pppd-dialin$1.log"
}

# client_serial HOST N USER: HOST's pppd dials out on line N as USER (kept as pppd)
client_serial() {
	bg_on "$1" pppd "$(outdir "$1")/pppd.stdout" \
		pppd "$LAB_RUN/tty-client$2" 115200 local nodetach noauth user "$3" noipdefault \
		nodefaultroute
}

# line_down N: line N's LAC pppd must end by itself (the call's end), then the line goes
line_down() {
	local dialin
	dialin=$(pid_of lac "dialin$1")
	if [ -n "$dialin" ] &&
		! wait_for 30 "the LAC's pppd on line $1 ends with the call" \
			sh -c "! kill -0 $dialin 2>/dev/null"; then
		stop_daemon lac "dialin$1" 5
		return 1
	fi
	rm -f "$(hostdir lac)/dialin$1.pid"
	stop_daemon lac "socat$1" 5
}
