# SPDX-License-Identifier: GPL-2.0-or-later
#
# The client-initiated (voluntary) world of the seed, on the stock Debian stack: an LNS with
# charon (IKEv1 main mode PSK, ESP transport for udp/1701), xl2tpd and pppd (MS-CHAPv2, address
# from a range), and clients that dial it with or without IPsec. Sourced after lab.sh.

PSK=netlab-psk-not-secret
POOL_LOCAL=10.10.10.1
POOL_RANGE=10.10.10.10-10.10.10.30

# swanctl.conf for one side: ike_remote is %any on the LNS, the LNS's address on a client
swanctl_l2tp() {
	local local_addr=$1 remote_addr=$2
	cat <<CONF
connections {
	l2tp {
		version = 1
		aggressive = no
		local_addrs = $local_addr
		remote_addrs = $remote_addr
		proposals = aes128-sha1-modp2048,3des-sha1-modp1024
		local {
			auth = psk
		}
		remote {
			auth = psk
		}
		children {
			l2tp {
				mode = transport
				local_ts = dynamic[udp/1701]
				remote_ts = dynamic[udp/1701]
				esp_proposals = aes128-sha1,3des-sha1
			}
		}
	}
}
secrets {
	ike-l2tp {
		secret = "$PSK"
	}
}
CONF
}

# lns_setup HOST ADDR [XL2TPD_BINARY] [PPPD_EXTRA_OPTIONS] [CHARON_EXTRA_PLUGINS] [CHARON_EXTRA_CONF]
lns_setup() {
	local h=$1 addr=$2 bin=${3:-/usr/sbin/xl2tpd} pppextra=${4:-} plugins=${5:-} more=${6:-}
	local e
	e=$(etc "$h")
	charon_conf "$h" "$plugins" "$more"
	swanctl_l2tp "$addr" "%any" > "$e/swanctl/swanctl.conf"
	cat > "$e/xl2tpd/xl2tpd.conf" <<CONF
[global]
port = 1701
[lns default]
ip range = $POOL_RANGE
local ip = $POOL_LOCAL
require authentication = yes
name = lns
ppp debug = yes
pppoptfile = /etc/ppp/options.lns
length bit = yes
CONF
	cat > "$e/ppp/options.lns" <<CONF
require-mschap-v2
nodefaultroute
noccp
debug
logfile $(outdir "$h")/pppd.log
$pppextra
CONF
	echo "alice * \"alice-pw\" *" > "$e/ppp/chap-secrets"
	echo "bob * \"bob-pw\" *" >> "$e/ppp/chap-secrets"
	charon_start "$h" || return 1
	swanctl_on "$h" --load-all > "$(outdir "$h")/load-all.txt" 2>&1 || return 1
	xl2tpd_start "$h" "$bin"
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

# client_setup HOST ADDR LNS_ADDR USER ipsec|plain
client_setup() {
	local h=$1 addr=$2 lns=$3 user=$4 mode=$5 e
	e=$(etc "$h")
	cat > "$e/xl2tpd/xl2tpd.conf" <<CONF
[global]
port = 1701
[lac lns]
lns = $lns
ppp debug = yes
pppoptfile = /etc/ppp/options.client
length bit = yes
autodial = no
redial = no
CONF
	client_ppp "$h" "$user"
	if [ "$mode" = ipsec ]; then
		charon_conf "$h"
		swanctl_l2tp "$addr" "$lns" > "$e/swanctl/swanctl.conf"
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
