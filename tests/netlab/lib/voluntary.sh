# SPDX-License-Identifier: GPL-2.0-or-later
#
# The client-initiated (voluntary) world of the seed, on the stock Debian stack: an LNS with
# charon (IKEv1 main mode PSK, ESP transport for udp/1701), xl2tpd and pppd (MS-CHAPv2, address
# from a range), and clients that dial it with or without IPsec. Sourced after lab.sh.

PSK=$NETLAB_PSK
POOL_LOCAL=10.10.10.1
POOL_RANGE=10.10.10.10-10.10.10.30

# the stock clients' proposals (what Windows 10 and older clients offer, as the seed's LNS takes)
STOCK_IKE=aes128-sha1-modp2048,3des-sha1-modp1024
STOCK_ESP=aes128-sha1,3des-sha1

# lns_setup HOST addr=ADDR [xl2tpd=BINARY] [ppp=EXTRA_PPPD_OPTIONS] [plugins=EXTRA_CHARON_PLUGINS]
#           [charon=EXTRA_CHARON_CONF]: the stock LNS (or with the given pieces swapped in)
lns_setup() {
	local h=$1 e
	local -A o=([addr]= [xl2tpd]=/usr/sbin/xl2tpd [ppp]= [plugins]= [charon]=)
	shift
	options o "$@" || return 1
	e=$(etc "$h")
	charon_conf "$h" "${o[plugins]}" "${o[charon]}"
	swanctl_gen local="${o[addr]}" proposals=$STOCK_IKE esp=$STOCK_ESP child=peer \
		> "$e/swanctl/swanctl.conf"
	{ xl2tpd_global_gen; xl2tpd_lns_gen extra="ppp debug = yes"; } > "$e/xl2tpd/xl2tpd.conf"
	cat > "$e/ppp/options.lns" <<CONF
require-mschap-v2
nodefaultroute
noccp
debug
logfile $(outdir "$h")/pppd.log
${o[ppp]}
CONF
	echo "alice * \"alice-pw\" *" > "$e/ppp/chap-secrets"
	echo "bob * \"bob-pw\" *" >> "$e/ppp/chap-secrets"
	charon_start "$h" || return 1
	swanctl_on "$h" --load-all > "$(outdir "$h")/load-all.txt" 2>&1 || return 1
	xl2tpd_start "$h" "${o[xl2tpd]}"
}

# client_ppp HOST USER: the client's pppd options (MS-CHAPv2 as USER) and its secret
client_ppp() {
	local h=$1 user=$2 e
	e=$(etc "$h")
	cat > "$e/ppp/options.client" <<CONF
name $user
refuse-pap
refuse-chap
refuse-mschap
refuse-eap
noauth
nodefaultroute
noipdefault
noccp
debug
logfile $(outdir "$h")/pppd.log
CONF
	echo "$user * \"$user-pw\" *" > "$e/ppp/chap-secrets"
}

# client_setup HOST addr=ADDR lns=LNS_ADDR user=USER [ipsec=yes|no] [child=peer|range]: a stock
# client (IPsec by its own charon, proposing udp/1701 or any UDP port of its own; or none at all)
client_setup() {
	local h=$1 e
	local -A o=([addr]= [lns]= [user]= [ipsec]=yes [child]=peer)
	shift
	options o "$@" || return 1
	e=$(etc "$h")
	{ xl2tpd_global_gen; xl2tpd_lac_gen lns="${o[lns]}" extra="ppp debug = yes"; } \
		> "$e/xl2tpd/xl2tpd.conf"
	client_ppp "$h" "${o[user]}"
	if [ "${o[ipsec]}" = yes ]; then
		charon_conf "$h"
		swanctl_gen local="${o[addr]}" remote="${o[lns]}" proposals=$STOCK_IKE esp=$STOCK_ESP \
			child="${o[child]}" > "$e/swanctl/swanctl.conf"
		charon_start "$h" || return 1
		swanctl_on "$h" --load-all > "$(outdir "$h")/load-all.txt" 2>&1 || return 1
	fi
	xl2tpd_start "$h"
}

# client_ipsec_up HOST: IKEv1 main mode + quick mode for udp/1701 (blocks until done or failed)
client_ipsec_up() {
	swanctl_on "$1" --initiate --child l2tp >> "$(outdir "$1")/initiate.txt" 2>&1
}

# client_dial HOST: start the L2TP tunnel + session and wait for ppp0 to get an address
client_dial() {
	xl2tpd_control "$1" "c lns" && wait_for 30 "$1 ppp0 up" ppp_up "$1"
}

# teardown HOSTS...: stop xl2tpd everywhere and wait for pppd before charon goes, so the stock
# stack sends nothing in plaintext on the way down (LCP terminate rides the still-present SA)
teardown() {
	local h
	for h in "$@"; do xl2tpd_stop "$h"; done
	for h in "$@"; do wait_for 20 "$h pppd gone" pppd_gone "$h" || fail "$h: pppd still running"; done
	for h in "$@"; do alive "$h" charon && charon_stop "$h"; done
	return 0
}

# audit_line A B: the pair's counts as one summary line
audit_line() { audit --pair "$1" "$2"; }
