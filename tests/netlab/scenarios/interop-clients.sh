#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# interop-clients: each built-in client as profiles/clients/ describes it (Windows 10/11, Windows
# 2000, macOS/iOS, Android) against the l2tpsec LNS on three paths: direct; behind a masquerading
# NAT (NAT-T: ESP in UDP 4500); and with the LNS behind a DNAT router (the Windows "server behind
# NAT" case). Each cell: IKE, ESP transport, L2TP, MS-CHAPv2, an address, pings both ways, a
# hang-up, an LCP Echo-Request with a zero UDP checksum (clients on port 1701), and the audit of
# the cell's own captures: 0 plaintext UDP/1701, and on NAT paths ESP
# only inside UDP. The client x path matrix lands in OUT/docs/interop.md.
# netlab-timeout: 600
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/clients.sh"
. "$NETLAB_TOP/tests/netlab/lib/nat.sh"
lab_init "$1"

# direct: cd -- lns; snat: cs -- nat -- lns (cs's private address masqueraded); dnat: cn -- gw --
# lns (the LNS's private address behind gw, which forwards IKE and NAT-T to it)
LNS_D=10.0.0.13 CD=10.0.0.12
LNS_S=10.0.2.13 NAT_OUT=10.0.2.1 NAT_IN=192.168.1.1 CS=192.168.1.2
GW_OUT=10.0.3.1 CN=10.0.3.12 GW_IN=172.16.0.1 LNS_N=172.16.0.13
host_add lns; host_add cd; host_add cs; host_add nat; host_add cn; host_add gw
link_add lns $LNS_D/24 cd $CD/24
link_add lns $LNS_S/24 nat $NAT_OUT/24
link_add nat $NAT_IN/24 cs $CS/24
link_add lns $LNS_N/24 gw $GW_IN/24
link_add gw $GW_OUT/24 cn $CN/24
ip -n cs route add default via $NAT_IN
ip -n lns route add 10.0.3.0/24 via $GW_IN
check "nat: masquerades what leaves towards the LNS" snat_router nat to-lns
check "gw: forwards IKE and NAT-T to the LNS behind it" dnat_router gw to-cn $LNS_N

# what an operator serving all of them allows: AES and 3DES, SHA1, MODP1024 to ECP384
LNS_IKE=aes256-sha1-ecp384,aes128-sha1-ecp256,aes256-sha1-modp2048,aes128-sha1-modp2048
LNS_IKE=$LNS_IKE,aes256-sha256-modp2048,3des-sha1-modp2048,3des-sha1-modp1024,aes256-sha1-modp1024
check "lns: charon + plugin + patched xl2tpd" enforced_lns lns addr="$LNS_D,$LNS_S,$LNS_N" \
	ike="$LNS_IKE" esp="aes256-sha1,aes128-sha1,3des-sha1"
check "lns: listens" wait_for 20 "lns LISTEN" xl2tpd_says lns XL_LISTEN l2tp 1701
check "lns: counts L2TP arriving with a zero UDP checksum" zero_csum_probe lns

# per path: the client host, the address it dials, the LNS's link to capture, the pair the
# LNS sees (client or NAT address, LNS address), whether ESP must travel in UDP
declare -A P_HOST=([direct]=cd [snat]=cs [dnat]=cn)
declare -A P_DIAL=([direct]=$LNS_D [snat]=$LNS_S [dnat]=$GW_OUT)
declare -A P_IFACE=([direct]=to-cd [snat]=to-nat [dnat]=to-gw)
declare -A P_PAIR=([direct]="$CD $LNS_D" [snat]="$NAT_OUT $LNS_S" [dnat]="$CN $LNS_N")
declare -A P_NAT=([direct]=no [snat]=yes [dnat]=yes)
: > "$LAB_OUT/interop.tsv"

# ike_algs SAS / esp_algs SAS: the negotiated IKE / CHILD_SA algorithms in swanctl --list-sas output
ike_algs() { sed -n 's|^  \([A-Z0-9][A-Z0-9_-]*/[^ ]*\)$|\1|p' "$1" | head -1; }
esp_algs() { sed -n 's/.*, ESP\( in UDP\)\{0,1\}:\([^ ,]*\).*/\2/p' "$1" | head -1; }
# try DESCRIPTION CMD...: check, and say whether it passed (the steps after it need it)
try() { local what=$1; shift; if "$@"; then log "PASS: $what"; return 0; fi; fail "$what"; return 1; }
# through_nat / direct_esp: the cell's ESP all inside UDP / all bare
through_nat() { [ "$udp" -gt 0 ] && [ "$espn" -eq 0 ]; }
direct_esp() { [ "$espn" -gt 0 ] && [ "$udp" -eq 0 ]; }
# field PCAP_FIELD: one count of the cell's audit for its pair
field() { "$NETLAB_BUILD/tests/netlab/pcap-audit" --pair $pair --field "$1" "$pcap" || echo 999; }

# cell PROFILE PATH: one client on one path, end to end
cell() {
	local profile=$1 path=$2 h=${P_HOST[$2]} fails=$LAB_FAILS pair=${P_PAIR[$2]} caddr
	local name pcap="$LAB_OUT/cells/$1-$2.pcap" up=no ike= esp= plain espn udp
	name=$(profile_get "$profile" name)
	log "=== $name, $path"
	mkdir -p "$LAB_OUT/cells"
	bg_on lns "pcap-$profile-$path" "$(outdir lns)/tcpdump-$profile-$path.log" tcpdump -n \
		-i "${P_IFACE[$path]}" -s 256 -U -Z root -w "$pcap"
	wait_for 10 "lns capture" grep -q "listening on" "$(outdir lns)/tcpdump-$profile-$path.log"
	check "$profile/$path: client set up" profile_client "$h" profile="$profile" lns="${P_DIAL[$path]}"
	if try "$profile/$path: IKE and the ESP transport SA" client_ipsec_up "$h"; then
		swanctl_on "$h" --list-sas > "$(outdir "$h")/sas-$profile-$path.txt" 2>&1
		ike=$(ike_algs "$(outdir "$h")/sas-$profile-$path.txt")
		esp=$(esp_algs "$(outdir "$h")/sas-$profile-$path.txt")
		if try "$profile/$path: L2TP and MS-CHAPv2: an address" client_dial "$h"; then
			caddr=$(ppp_addr "$h")
			check "$profile/$path: the LNS bound the tunnel to the client's L2TP port under its SA" \
				xl2tpd_says lns XL_SOCKET_BOUND "[0-9]*" "${pair%% *}:$(profile_get "$profile" l2tp_port)"
			try "$profile/$path: the client pings the LNS" ping_from "$h" $POOL_LOCAL &&
				try "$profile/$path: the LNS pings the client" ping_from lns "$caddr" &&
				up=yes
			# a zero UDP checksum (no checksum, IPv4): the kernel verifies bare ESP's inner
			# checksums, not NAT-T transport's; the tool sends from 1701 only
			[ "$(profile_get "$profile" l2tp_port)" = 1701 ] &&
				check "$profile/$path: an LCP Echo-Request with a zero UDP checksum reaches the LNS's pppd" \
					zero_csum_echo "$h" "${P_DIAL[$path]}" lns "${pair%% *}"
		fi
	fi
	check "$profile/$path: hung up (PPP, L2TP, IPsec)" client_hangup "$h"
	check "$profile/$path: the LNS's session went too" wait_for 30 "lns session gone" pppd_gone lns
	kill -INT "$(pid_of lns "pcap-$profile-$path")" 2>/dev/null
	stop_daemon lns "pcap-$profile-$path" 5
	plain=$(field l2tp-plaintext) espn=$(field esp) udp=$(field esp-in-udp)
	check "$profile/$path: no plaintext UDP/1701 ($plain)" [ "$plain" -eq 0 ]
	if [ "${P_NAT[$path]}" = yes ]; then
		check "$profile/$path: through NAT, ESP only inside UDP ($udp, bare $espn)" through_nat
	else
		check "$profile/$path: direct, bare ESP ($espn)" direct_esp
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$path" "${ike:--}" "${esp:--}" \
		"$([ "$udp" -gt 0 ] && echo "UDP 4500" || echo ESP)" "$up" "$plain" \
		"$((LAB_FAILS - fails))" >> "$LAB_OUT/interop.tsv"
}

for profile in windows-10 macos android windows-2000; do
	for path in direct snat dnat; do
		if [ "$(profile_get $profile nat_t)" = no ] && [ "${P_NAT[$path]}" = yes ]; then
			printf '%s\t%s\t-\t-\t-\tnot supported (no NAT-T)\t-\t0\n' \
				"$(profile_get $profile name)" "$path" >> "$LAB_OUT/interop.tsv"
			continue
		fi
		cell "$profile" "$path"
	done
done

xl2tpd_stop lns
charon_stop lns
mkdir -p "$LAB_OUT/docs"
{
	cat <<DOC
# Client interoperability

Generated by the netlab scenario \`interop-clients\` ($(date +%F), kernel $(uname -r));
\`tests/netlab/run interop-clients\` rewrites this file when the scenario passes. Do not edit.

Each built-in client as [profiles/clients/](../profiles/clients/) describes it, emulated with the
stock strongSwan, xl2tpd and pppd, dials the l2tpsec LNS (charon with the l2tp-security plugin,
the patched xl2tpd) on three paths: *direct*; *snat*, the client behind a masquerading NAT; and
*dnat*, the LNS behind a router forwarding UDP 500 and 4500 to it. *Up* means IKE, ESP transport,
L2TP and MS-CHAPv2 came up and pings went both ways; *plaintext UDP/1701* counts L2TP outside
ESP on the LNS's link over the whole cell and must be 0.

| client | path | IKE | ESP | ESP carried as | up | plaintext UDP/1701 | failed checks |
|---|---|---|---|---|---|---:|---:|
DOC
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' \
		"$LAB_OUT/interop.tsv"
} > "$LAB_OUT/docs/interop.md"
summary "$(awk -F'\t' '$6 == "yes"' "$LAB_OUT/interop.tsv" | wc -l) client x path cells up"
