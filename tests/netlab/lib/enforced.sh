# SPDX-License-Identifier: GPL-2.0-or-later
#
# The voluntary world with l2tpsec enforcing "no L2TP without IPsec" at both ends: charon with the
# l2tp-security plugin (one crypto profile, l2tp, borrowing swanctl connection l2tp) and the
# patched xl2tpd whose [lns]/[lac] sections name that profile. The client's xl2tpd OPENs the
# tunnel on the crypto socket before its first SCCRQ; the LNS's LISTENs. Sourced after lab.sh
# (bash); brings the voluntary world and the crypto socket helpers it builds on.
. "$NETLAB_TOP/tests/netlab/lib/voluntary.sh"
. "$NETLAB_TOP/tests/netlab/lib/cryptosock.sh"

XL2TPD_L2TPSEC=/usr/local/sbin/xl2tpd
SCCRQ=$NETLAB_BUILD/tests/netlab/l2tp-sccrq

# enforced_charon HOST local=ADDRS remote=PEER child=none|lns [proposals=IKE] [esp=ESP]
# [charon=LINES]: charon with the plugin (its profile allowing ESP; LINES added to charon's
# settings) and the swanctl connection its profile borrows
enforced_charon() {
	local h=$1 a esp= more= swan=()
	shift
	for a in "$@"; do
		case $a in
		charon=*) more=${a#charon=}; continue ;;
		esp=*) esp=$a ;;
		esac
		swan+=("$a")
	done
	charon_conf "$h" l2tp-security "$(plugin_gen $esp)
$more"
	swanctl_gen dpd=2s "${swan[@]}" > "$(etc "$h")/swanctl/swanctl.conf" || return 1
	charon_start "$h" || return 1
	swanctl_on "$h" --load-all > "$(outdir "$h")/load-all.txt" 2>&1
}

# enforced_lns HOST addr=LOCAL_ADDRS [keep_sa=yes|no] [pmtu=yes|no] [global=LINES]
# [sections=TEXT] [ike=PROPOSALS] [esp=PROPOSALS] [lns_extra=LINES] [charon=LINES] [dpd=DELAY]:
# the LNS (main mode taking ike, its crypto profile allowing esp; LINES added to [lns default];
# charon's LINES to its settings; DPD every DELAY, 2 s unless given, none when empty); every
# peer its protected section serves needs IPsec. TEXT: sections before it in xl2tpd's list
# (xl2tpd tries the last written first); with TEXT the protected one is [lns protected] for
# every address, not [lns default], whose keys TEXT would inherit
enforced_lns() {
	local h=$1 e
	local -A o=([addr]= [keep_sa]=no [pmtu]= [global]= [sections]= [ike]=aes128-sha1-modp2048
		[esp]=aes128-sha1 [lns_extra]= [charon]= [dpd]=2s)
	shift
	options o "$@" || return 1
	e=$(etc "$h")
	enforced_charon "$h" local="${o[addr]}" child=lns proposals="${o[ike]}" esp="${o[esp]}" \
		charon="${o[charon]}" dpd="${o[dpd]}" ||
		return 1
	{
		xl2tpd_global_gen extra="debug tunnel = yes
${o[global]}"
		if [ -n "${o[sections]}" ]; then
			xl2tpd_lns_gen name=protected profile=l2tp keep_sa="${o[keep_sa]}" \
				pmtu="${o[pmtu]}" extra="lac = 0.0.0.0-255.255.255.255"
			printf '%s\n' "${o[sections]}"
		else
			xl2tpd_lns_gen profile=l2tp keep_sa="${o[keep_sa]}" pmtu="${o[pmtu]}" \
				extra="${o[lns_extra]}"
		fi
	} > "$e/xl2tpd/xl2tpd.conf"
	cat > "$e/ppp/options.lns" <<CONF
require-mschap-v2
nodefaultroute
noccp
lcp-echo-interval 2
lcp-echo-failure 3
debug
logfile $(outdir "$h")/pppd.log
CONF
	echo "alice * \"alice-pw\" *" > "$e/ppp/chap-secrets"
	xl2tpd_start "$h" "$XL2TPD_L2TPSEC"
}

# enforced_client HOST addr=ADDR lns=LNS_ADDR [pmtu=yes|no] [lacs="NAME[:KEEP_SA] ..."]: a client
# whose [lac] sections (default one, [lac lns], keep-sa unset) all need IPsec to the LNS
enforced_client() {
	local h=$1 e lac
	local -A o=([addr]= [lns]= [pmtu]= [lacs]=lns)
	shift
	options o "$@" || return 1
	e=$(etc "$h")
	enforced_charon "$h" local="${o[addr]}" remote="${o[lns]}" || return 1
	{
		xl2tpd_global_gen
		for lac in ${o[lacs]}; do
			xl2tpd_lac_gen name="${lac%%:*}" lns="${o[lns]}" profile=l2tp pmtu="${o[pmtu]}" \
				keep_sa="$([[ $lac == *:* ]] && echo "${lac#*:}")"
		done
	} > "$e/xl2tpd/xl2tpd.conf"
	client_ppp "$h" alice
	xl2tpd_start "$h" "$XL2TPD_L2TPSEC"
}

# plain_lns HOST: stock xl2tpd answering anyone (the injection tool's positive control)
plain_lns() {
	{ xl2tpd_global_gen; echo "[lns default]"; echo "ip range = $POOL_RANGE";
	  echo "local ip = $POOL_LOCAL"; echo "name = plain"; } > "$(etc "$1")/xl2tpd/xl2tpd.conf"
	xl2tpd_start "$1"
}

# sccrq HOST DEST: inject one plaintext SCCRQ; its report lands in OUT/HOST/sccrq.txt
sccrq() { on "$1" "$SCCRQ" "$2" rogue 4 >> "$(outdir "$1")/sccrq.txt" 2>&1; }

# xl2tpd_log HOST PATTERN: the xl2tpd log of HOST has a line matching PATTERN (xl2tpd's own lines;
# l2tpsec's are named in loglines.sh: xl2tpd_says)
xl2tpd_log() { grep -q -- "$2" "$LAB_OUT/$1/xl2tpd.log"; }
# xl2tpd_says HOST LOGLINE [ARG...]: HOST's xl2tpd printed the l2tpsec line LOGLINE
xl2tpd_says() { local h=$1; shift; log_has "$h" xl2tpd.log "$@"; }

# new_tunnels HOST PEER: how many tunnels xl2tpd allocated for PEER (debug tunnel = yes)
new_tunnels() { grep -c "allocating new tunnel for host $2," "$LAB_OUT/$1/xl2tpd.log"; }

# lns_tunnel_of HOST PEER [PORT]: the LNS's local tunnel id for the newest tunnel from PEER:PORT
# (1701); lns_call_of HOST PEER [PORT]: the local id of the last call PEER established on it
# before another tunnel came up (xl2tpd's call line names the peer's address only)
lns_tunnel_of() {
	grep "Connection established to $2, ${3:-1701}.  Local: " "$LAB_OUT/$1/xl2tpd.log" | tail -1 |
		sed 's/.*Local: \([0-9]*\),.*/\1/'
}
lns_call_of() {
	awk -v t="Connection established to $2, ${3:-1701}.  Local: " -v c="Call established with $2, PID: " '
		index($0, t) { mine = 1; call = ""; next }
		index($0, "Connection established to ") { mine = 0 }
		mine && index($0, c) { call = $0 }
		END { sub(/.*Local: /, "", call); sub(/,.*/, "", call); print call }' "$LAB_OUT/$1/xl2tpd.log"
}

# --- zero UDP checksums (IPv4's "no checksum"), which stock tools never send --------------------

# zero_csum_probe HOST: count L2TP that arrives at HOST decapsulated with a zero UDP checksum, past
# the steering's raw hook (what the L2TP socket gets), in table inet probe
zero_csum_probe() {
	on "$1" nft -f - <<'NFT'
table inet probe {
	chain pre {
		type filter hook prerouting priority 0; policy accept;
		meta secpath exists udp dport 1701 udp checksum 0 counter
	}
}
NFT
}
zero_csum_count() { on "$1" nft list chain inet probe pre | sed -n 's/.*counter packets \([0-9]*\).*/\1/p'; }
# echo_replies HOST: how many LCP Echo-Replies to the injection tool's Echo-Request (id 0x5a)
# HOST's pppds logged (clients log echoes: debug twice; none of them sends Echo-Requests)
echo_replies() { grep -c 'rcvd \[LCP EchoRep id=0x5a ' "$(outdir "$1")/pppd.log"; }

# zero_csum_echo CLIENT DEST LNS PEER [PORT]: CLIENT sends an LCP Echo-Request into its own
# session at DEST with a zero UDP checksum (ids from LNS's log for PEER:PORT, as LNS sees it);
# true when its pppd's Echo-Reply came back and LNS's probe counted it after decapsulation. A
# reply the probe did not count is logged and the echo sent again, three times at most (CI once
# saw the reply without the count, through the steering's port rewrite: the log keeps it)
zero_csum_echo() {
	local c=$1 dest=$2 lns=$3 tid sid seen replies try
	tid=$(lns_tunnel_of "$lns" "$4" "${5:-}") sid=$(lns_call_of "$lns" "$4" "${5:-}")
	log "$c: LCP Echo-Request with UDP checksum 0 into tunnel ${tid:-?} session ${sid:-?}"
	[ -n "$tid" ] && [ -n "$sid" ] || return 1
	for try in 1 2 3; do
		seen=$(zero_csum_count "$lns") replies=$(echo_replies "$c")
		on "$c" "$SCCRQ" -z -e "$tid:$sid" "$dest" x 1 >> "$(outdir "$c")/sccrq.txt" 2>&1
		wait_for 10 "$c: the LNS's pppd answered" \
			sh -c "[ \$(grep -c 'rcvd \[LCP EchoRep id=0x5a ' '$(outdir "$c")/pppd.log') -gt $replies ]" ||
			return 1
		log "$lns: probe counted $(( $(zero_csum_count "$lns") - seen )) zero-checksum L2TP packet(s)"
		[ "$(zero_csum_count "$lns")" -gt "$seen" ] && return 0
		log "$lns: answered but not counted as a zero checksum (try $try of 3)"
	done
	return 1
}

# --- a routed path for ip pmtu: client -- rt -- lns, and a host "inside" behind the LNS -----------

# routed_lab: the four hosts, forwarding in rt and lns, routes, a capture on rt's hop to the LNS;
# sets CLIENT, R_CLIENT, LNS, R_LNS, INSIDE, LNS_IN
routed_lab() {
	CLIENT=10.0.0.12 R_CLIENT=10.0.0.1 LNS=10.0.1.13 R_LNS=10.0.1.1 INSIDE=10.20.0.2 LNS_IN=10.20.0.1
	host_add lns; host_add client; host_add rt; host_add inside
	link_add client $CLIENT/24 rt $R_CLIENT/24
	link_add rt $R_LNS/24 lns $LNS/24
	link_add lns $LNS_IN/24 inside $INSIDE/24
	router_enable rt; router_enable lns
	ip -n client route add 10.0.1.0/24 via $R_CLIENT
	ip -n lns route add 10.0.0.0/24 via $R_LNS
	ip -n inside route add default via $LNS_IN
	pcap_start rt to-lns
}

# ppp_mtu HOST: the MTU of HOST's ppp0; ppp_mtu_is HOST N
ppp_mtu() { on "$1" cat /sys/class/net/ppp0/mtu 2>/dev/null; }
ppp_mtu_is() { [ "$(ppp_mtu "$1")" = "$2" ]; }
# df_ping HOST DEST SIZE [do|dont]: one ping of SIZE bytes (IP total), DF as told; kept in OUT/HOST/ping.txt
df_ping() { on "$1" ping -M "${4:-do}" -c 1 -W 3 -s $(($3 - 28)) "$2" >> "$(outdir "$1")/ping.txt" 2>&1; }
