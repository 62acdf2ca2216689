# SPDX-License-Identifier: GPL-2.0-or-later
#
# Address translation in front of clients and servers, as home and office routers do it (nftables
# in the router's namespace). Sourced after lab.sh (bash).

# nat_chain HOST HOOK PRIORITY RULE: HOST forwards, with one NAT chain at HOOK holding RULE
nat_chain() {
	router_enable "$1"
	ip netns exec "$1" nft -f - <<NFT
table ip netlab_nat {
	chain $2 {
		type nat hook $2 priority $3; policy accept;
		$4
	}
}
NFT
}

# snat_router HOST OUT_IFACE: HOST masquerades what leaves by OUT_IFACE behind its own address
# there (a home or office NAT: any number of clients share one public address)
snat_router() { nat_chain "$1" postrouting srcnat "oifname \"$2\" masquerade"; }

# dnat_router HOST IN_IFACE TO: IKE and NAT-T (UDP 500 and 4500) arriving on IN_IFACE go on to TO
# (a server behind NAT, reached at HOST's address); nothing else is forwarded to it
dnat_router() { nat_chain "$1" prerouting dstnat "iifname \"$2\" udp dport { 500, 4500 } dnat to $3"; }

# nat_remap HOST CLIENT PORT TO: HOST's mapping of CLIENT's UDP flows from PORT changes to TO
# (address:port), as when a home router's mapping times out and the next packet gets another:
# a rule ahead of the masquerade, and the old mapping forgotten
nat_remap() {
	ip netns exec "$1" nft insert rule ip netlab_nat postrouting ip saddr "$2" udp sport "$3" \
		snat to "$4" &&
		ip netns exec "$1" conntrack -D -p udp --orig-src "$2" --sport "$3" > /dev/null 2>&1
}
