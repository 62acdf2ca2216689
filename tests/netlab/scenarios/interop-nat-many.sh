#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# interop-nat-many: many built-in clients behind one NAT address, all using UDP 1701 (Windows)
# or one ephemeral port (two macOS): their SAs have the same selectors and their decapsulated
# L2TP looks alike, yet each gets its own tunnel, session and SA. Four Windows-10-style clients
# come up one after another and each pings and is pinged with a payload of its own (L2TP with a
# zero UDP checksum reaches its session, through the port rewrite too); one hangs up, one is
# killed without a word (DPD at the LNS finds it), the other two keep working and a fifth dials
# and comes up; then two macOS-style clients; then two Windows-style clients rekey
# (quick mode) and reauthenticate (main mode) themselves every few seconds under pings, one of
# them after its NAT gave it a new public port. The
# audit of the LNS's link: 0 plaintext UDP/1701 over the whole run.
# netlab-timeout: 600
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/clients.sh"
. "$NETLAB_TOP/tests/netlab/lib/nat.sh"
lab_init "$1"

# c1..c7 -- nat -- lns: each client on a LAN port of its own, all masqueraded behind NAT_OUT
LNS=10.0.2.13 NAT_OUT=10.0.2.1
CLIENTS="c1 c2 c3 c4 c5 c6 c7"
host_add lns; host_add nat
link_add lns $LNS/24 nat $NAT_OUT/24
n=0
for c in $CLIENTS; do
	n=$((n + 1))
	host_add $c
	link_add nat 192.168.$n.1/24 $c 192.168.$n.2/24
	ip -n $c route add default via 192.168.$n.1
done
check "nat: masquerades every client behind $NAT_OUT" snat_router nat to-lns
check "lns: charon + plugin + patched xl2tpd" enforced_lns lns addr=$LNS \
	ike=aes256-sha1-ecp384,aes128-sha1-modp2048,aes256-sha1-modp2048 esp=aes256-sha1,aes128-sha1
check "lns: listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701
check "lns: counts L2TP arriving with a zero UDP checksum" zero_csum_probe lns
pcap_start lns to-nat

# try DESCRIPTION CMD...: check, and say whether it passed (the steps after it need it)
try() { local what=$1; shift; if "$@"; then log "PASS: $what"; return 0; fi; fail "$what"; return 1; }

# dial C PROFILE: C becomes that client and comes up (IKE, ESP, L2TP, an address)
dial() {
	check "$1: $2 client set up" profile_client "$1" profile="$2" lns=$LNS &&
		try "$1: IKE and the ESP transport SA through the NAT" client_ipsec_up "$1" &&
		try "$1: L2TP and MS-CHAPv2: an address" client_dial "$1"
}

# pattern C: the client's own ping payload (hex, as ping -p takes it)
pattern() { printf 'c0ffee%02x' "${1#c}"; }

# both_ways C: C pings the LNS and the LNS pings C's address, each with C's own payload; the
# LNS's echo reaches C only if its session is C's (another client's pppd has another address)
both_ways() {
	local c=$1 addr
	addr=$(ppp_addr "$c") || return 1
	on "$c" ping -c 3 -W 2 -w 10 -p "$(pattern "$c")" $POOL_LOCAL >> "$(outdir "$c")/ping.txt" 2>&1 &&
		on lns ping -c 3 -W 2 -w 10 -p "$(pattern "$c")" "$addr" >> "$(outdir lns)/ping-$c.txt" 2>&1
}

# payloads C: C's ppp0 capture as one hex string (tcpdump -x prints 16 bytes a line)
payloads() { sed 's/^[[:space:]]*0x[0-9a-f]*://; /^[0-9]/d' "$(outdir "$1")/ppp0-icmp.txt" | tr -d ' \t\n'; }

# seen_only_own C: C's ppp0 carried echo payloads of its own pattern and of no other client's
seen_only_own() {
	local c=$1 mine others
	mine=$(payloads "$c" | grep -o "$(pattern "$c")" | wc -l)
	others=$(payloads "$c" | grep -oE "c0ffee0[0-9]" | wc -l)
	log "$c: own payloads $mine, all payloads $others"
	[ "$mine" -gt 0 ] && [ "$others" -eq "$mine" ]
}

# icmp_capture C: what C's ppp0 carries (ICMP, payload in hex) from now on
icmp_capture() {
	bg_on "$1" icmpcap "$(outdir "$1")/ppp0-icmp.txt" tcpdump -n -l -x -i ppp0 icmp
}

# steering_empty: the LNS's steering table holds no tunnel's chain
steering_empty() { ! on lns nft list table inet l2tpsec | grep -q "chain tunnel_"; }

# --- four Windows-10-style clients behind one address, one after another ------------------------
up=
for c in c1 c2 c3 c4; do
	dial $c windows-10 && up="$up $c"
done
check "four clients up behind one address" [ "$(echo $up | wc -w)" -eq 4 ]
check "four distinct PPP addresses" [ "$(for c in $up; do ppp_addr $c; echo; done | sort -u | grep -c .)" -eq 4 ]
check "lns: three of them were given ports of their own" \
	[ "$(grep -c "$(log_pattern CH_OWN_PORT "$NAT_OUT" 1701 "[^)]*" "4000[1-9]")" "$LAB_OUT/lns/charon.log")" -eq 3 ]
for c in $up; do icmp_capture $c; done
sleep 1
for c in $up; do
	check "$c: pings both ways with its own payload" both_ways $c
done
sleep 1
for c in $up; do stop_daemon $c icmpcap 5; done
for c in $up; do
	check "$c: its PPP carried its own payloads only" seen_only_own $c
done
# a zero UDP checksum through the steering's port rewrite (c2 is seen at 40001) and without one
check "c2: an LCP Echo-Request with a zero UDP checksum reaches its pppd through the port rewrite" \
	zero_csum_echo c2 $LNS lns $NAT_OUT 40001
check "c1: one at its own port 1701 too" zero_csum_echo c1 $LNS lns $NAT_OUT
check "c1 and c2: still ping both ways" both_ways c1 && both_ways c2

# --- c2 hangs up, c3 is killed without a word: c1 and c4 go on ---------------------------------
check "c2: hangs up (PPP, L2TP, IPsec)" client_hangup c2
for d in pppd xl2tpd charon; do kill_on c3 KILL $d; done
ip -n nat link set to-c3 down	# gone from the network too, as a sleeping iPhone
check "lns: DPD finds c3 gone and its SA closes" wait_for 60 "lns: c3's SA closed" \
	xl2tpd_says lns XL_SA_CLOSED "$NAT_OUT:40002" "dead peer"
check "lns: two sessions left" wait_for 60 "two LNS pppd" sh -c "[ \$(ip netns pids lns | xargs -r ps -o comm= -p | grep -cx pppd) -eq 2 ]"
for c in c1 c4; do
	check "$c: still pings both ways" both_ways $c
done
check "c5: a fifth client comes up" dial c5 windows-10
check "c5: pings both ways" both_ways c5
check "c1: still pings both ways" both_ways c1

# --- two macOS-style clients with the same ephemeral port --------------------------------------
for c in c6 c7; do
	dial $c macos && check "$c: pings both ways" both_ways $c
done
for c in c1 c4 c5; do
	check "$c: still pings both ways after the macOS clients" both_ways $c
done

for c in c1 c4 c5 c6 c7; do
	check "$c: hangs up" client_hangup $c
done

# --- rekeys driven by the clients (Windows: quick mode 3600 s, main mode 28800 s; here 20 s and
# 45 s): two clients behind the NAT ping on through them, in the same sessions -----------------
follows() { grep -c "$(log_pattern XL_REKEY_FOLLOW)" "$LAB_OUT/lns/xl2tpd.log"; }
# charon takes a client's new main mode for a reauthentication and adopts its CHILD_SAs: the
# next quick mode is a rekey of them
reauths() { grep -c "detected reauth of existing IKE_SA" "$LAB_OUT/lns/charon.log"; }
follows0=$(follows) reauths0=$(reauths)
rekeyed=
for c in c1 c2; do
	check "$c: windows-10 client (lifetimes 20 s / 45 s) set up" profile_client $c \
		profile=windows-10 lns=$LNS child_life=20 ike_life=45 &&
		try "$c: up" client_ipsec_up $c && try "$c: dialled" client_dial $c && rekeyed="$rekeyed $c"
done
declare -A session
for c in $rekeyed; do
	session[$c]="$(ppp_addr $c) $(on $c pgrep -x pppd --ns "$(holder $c)" --nslist net)"
	bg_on $c soak "$(outdir $c)/soak.txt" ping -c 70 -i 1 -W 2 -p "$(pattern $c)" $POOL_LOCAL
done
# 5 s in, the NAT maps c2 anew (as a home router whose mapping timed out): its IKE and ESP come
# from another public port; its next quick modes must still be its own tunnel's, not a new client
own_ports() { grep -c "$(log_pattern CH_OWN_PORT)" "$LAB_OUT/lns/charon.log"; }
own0=$(own_ports)
sleep 5
check "nat: c2's NAT-T flow gets public port 14500" nat_remap nat 192.168.2.2 4500 $NAT_OUT:14500
sleep 67
for c in $rekeyed; do
	received=$(sed -n 's/.* \([0-9]*\) received.*/\1/p' "$(outdir $c)/soak.txt")
	check "$c: 70 s of pings through its rekeys, ${received:-0} of 70 answered" [ "${received:-0}" -ge 66 ]
	check "$c: the same session throughout" [ "$(ppp_addr $c) $(on $c pgrep -x pppd --ns "$(holder $c)" --nslist net)" = "${session[$c]}" ]
done
check "lns: the clients reauthenticated ($(( $(reauths) - reauths0 )) main modes)" \
	[ $(( $(reauths) - reauths0 )) -ge 2 ]
check "lns: the tunnels' sockets followed every rekey ($(( $(follows) - follows0 )))" \
	[ $(( $(follows) - follows0 )) -ge 4 ]
check "lns: charon followed c2 to its new mapping" \
	log_has lns charon.log CH_PEER_MOVED "$NAT_OUT\\[[0-9]*\\]" "$NAT_OUT\\[14500\\]" 1
check "lns: c2's rekeys after it reached its own tunnel, no new client's" [ "$(own_ports)" -eq "$own0" ]
# ike_settled HOST: one IKE_SA with its CHILD_SA installed, and its next rekey (IKEv1: a
# reauthentication, which the stock client runs break-before-make: for a moment it has no SA
# and its xl2tpd's packets leave in plaintext) at least 10 s away: time to hang up in
ike_settled() {
	swanctl_on "$1" --list-sas > "$(outdir "$1")/sas-settled.txt" 2>&1 || return 1
	awk '/^[^ ].*ESTABLISHED/ { ike++ } /INSTALLED/ { child++ }
	     /^  [a-z].*(rekeying|reauth) in [0-9]+s/ && !/installed/ {
		for (i = 1; i <= NF; i++) if ($i == "in") { sub(/s,?$/, "", $(i + 1)); left = $(i + 1) + 0 }
	     }
	     END { exit !(ike == 1 && child >= 1 && left >= 10) }' "$(outdir "$1")/sas-settled.txt"
}
for c in $rekeyed; do
	check "$c: between its reauthentications" wait_for 60 "$c IKE settled" ike_settled $c
	check "$c: hangs up" client_hangup $c
done
check "lns: every session went" wait_for 60 "lns sessions gone" pppd_gone lns
check "lns: its steering forgot every tunnel" wait_for 30 "steering empty" steering_empty
ip netns exec lns nft list table inet l2tpsec > "$(outdir lns)/nft.txt" 2>&1
xl2tpd_stop lns
charon_stop lns
pcap_stop_all
audit_clean $NAT_OUT $LNS
