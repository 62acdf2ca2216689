# SPDX-License-Identifier: GPL-2.0-or-later
#
# Many L2TP/IPsec clients from one namespace, for tests/netlab/loadgen (l2tp-loadgen): their
# addresses, one charon holding a trap connection per address (the first SCCRQ starts IKEv1,
# as on Windows), and an LNS's pppd set for them (CHAP-MD5, which the load generator speaks).
# Sourced after lab.sh (bash).

LOADGEN=$NETLAB_BUILD/tests/netlab/l2tp-loadgen
LOADGEN_USER=load
LOADGEN_PASSWORD=load-pw
# IKE_SA tables sized for thousands of peers (strongSwan's default is one bucket), and
# strongSwan's own retransmission (4 s, 5 tries) over the lab's quick one: hundreds of IKE
# exchanges at once under TCG would otherwise give up
LOADGEN_CHARON="	ikesa_table_size = 4096
	ikesa_table_segments = 16
	retransmit_timeout = 4.0
	retransmit_tries = 5"

# loadgen_addr FIRST I: the address I after FIRST (10.0.16.1 and 300: 10.0.17.45)
loadgen_addr() {
	local a b c d n
	IFS=. read -r a b c d <<< "$1"
	n=$(( (a << 24) + (b << 16) + (c << 8) + d + $2 ))
	echo "$((n >> 24 & 255)).$((n >> 16 & 255)).$((n >> 8 & 255)).$((n & 255))"
}

# loadgen_addrs HOST IFACE FIRST N PREFIXLEN: N addresses from FIRST on HOST's IFACE
loadgen_addrs() {
	local i
	for i in $(seq 0 $(($4 - 1))); do echo "addr add $(loadgen_addr "$3" "$i")/$5 dev $2"; done |
		ip -n "$1" -batch -
}

# loadgen_charon HOST FIRST N LNS: HOST's charon with one trap connection per client address,
# IKEv1 main mode (PSK) and an ESP transport SA for its udp/1701 to the LNS's
loadgen_charon() {
	local h=$1 first=$2 n=$3 lns=$4 i
	charon_conf "$h" "" "$LOADGEN_CHARON"
	{
		echo "connections {"
		for i in $(seq 0 $((n - 1))); do
			cat <<CONF
	c$i {
		version = 1
		local_addrs = $(loadgen_addr "$first" "$i")
		remote_addrs = $lns
		proposals = aes128-sha1-modp2048
		local { auth = psk }
		remote { auth = psk }
		children { l2tp { mode = transport
			local_ts = dynamic[17/1701]
			remote_ts = dynamic[17/1701]
			esp_proposals = aes128-sha1
			start_action = trap } }
	}
CONF
		done
		echo "}"
		echo "secrets { ike-l2tp { secret = \"$NETLAB_PSK\" } }"
	} > "$(etc "$h")/swanctl/swanctl.conf"
	charon_start "$h" || return 1
	# a trap policy pair per connection: thousands take longer than swanctl_on allows
	on "$h" timeout 900 swanctl --load-all > "$(outdir "$h")/load-all.txt" 2>&1
}

# loadgen_lns_ppp HOST: the LNS's pppd for the load generator's users (CHAP-MD5), echoes every
# 10 s, no per-packet debug (written after the LNS is set up; pppd reads it per call)
loadgen_lns_ppp() {
	cat > "$(etc "$1")/ppp/options.lns" <<CONF
require-chap
nodefaultroute
noccp
lcp-echo-interval 10
lcp-echo-failure 6
logfile $(outdir "$1")/pppd.log
CONF
	echo "$LOADGEN_USER * \"$LOADGEN_PASSWORD\" *" >> "$(etc "$1")/ppp/chap-secrets"
}

# lns_sessions HOST: how many pppd HOST runs
lns_sessions() { ip netns pids "$1" | xargs -r ps -o comm= -p 2>/dev/null | grep -cx pppd; }
