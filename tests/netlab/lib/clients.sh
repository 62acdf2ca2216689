# SPDX-License-Identifier: GPL-2.0-or-later
#
# The built-in L2TP/IPsec clients as netlab emulates them: profiles/clients/NAME.profile says what
# each one sends (proposals, lifetimes, its L2TP source port, the server port it asks for), and
# profile_client turns it into the stock strongSwan, xl2tpd and pppd of a client host. Sourced
# after lab.sh, confgen.sh and voluntary.sh (bash).

CLIENT_PROFILES=$NETLAB_TOP/profiles/clients

# profile_get NAME KEY: one value of profiles/clients/NAME.profile
profile_get() {
	sed -n "s/^$2 *= *//p" "$CLIENT_PROFILES/$1.profile" | head -1
}

# profile_swanctl NAME LNS [CHILD_LIFE IKE_LIFE [PSK]]: the client's swanctl.conf (IKEv1 main
# mode PSK, one transport child), rekeying (quick mode) and reauthenticating (main mode) itself
# after its profile's lifetimes or the seconds given; the lab's PSK unless another is given
profile_swanctl() {
	local port server child_life=${3:-$(profile_get "$1" child_lifetime)}
	local ike_life=${4:-$(profile_get "$1" ike_lifetime)}
	port=$(profile_get "$1" l2tp_port) server=$(profile_get "$1" server_port)
	[ "$server" = any ] && server= || server=/$server
	cat <<CONF
connections {
	l2tp {
		version = 1
		aggressive = no
		remote_addrs = $2
		proposals = $(profile_get "$1" ike)
		rekey_time = ${ike_life}s
		dpd_delay = 10s
		local {
			auth = psk
		}
		remote {
			auth = psk
		}
		children {
			l2tp {
				mode = transport
				local_ts = dynamic[17/$port]
				remote_ts = dynamic[17$server]
				esp_proposals = $(profile_get "$1" esp)
				rekey_time = ${child_life}s
			}
		}
	}
}
secrets {
	ike-l2tp {
		secret = "${5:-$NETLAB_PSK}"
	}
}
CONF
}

# profile_client HOST profile=NAME lns=LNS_ADDR [user=USER] [child_life=S] [ike_life=S]
# [psk=SECRET]: HOST becomes that client, dialling LNS_ADDR (stock charon, xl2tpd from its
# profile's L2TP port, pppd with MS-CHAPv2), its lifetimes shortened and its PSK changed if given;
# daemons already running there are stopped first
profile_client() {
	local h=$1 e
	local -A o=([profile]= [lns]= [user]=alice [child_life]= [ike_life]= [psk]=)
	shift
	options o "$@" || return 1
	[ -f "$CLIENT_PROFILES/${o[profile]}.profile" ] || { log "no client profile ${o[profile]}"; return 1; }
	e=$(etc "$h")
	alive "$h" xl2tpd && xl2tpd_stop "$h"
	wait_for 20 "$h pppd gone" pppd_gone "$h"
	alive "$h" charon && charon_stop "$h"
	{
		xl2tpd_global_gen port="$(profile_get "${o[profile]}" l2tp_port)"
		xl2tpd_lac_gen lns="${o[lns]}" extra="ppp debug = yes"
	} > "$e/xl2tpd/xl2tpd.conf"
	client_ppp "$h" "${o[user]}"
	charon_conf "$h"
	profile_swanctl "${o[profile]}" "${o[lns]}" "${o[child_life]}" "${o[ike_life]}" \
		"${o[psk]}" > "$e/swanctl/swanctl.conf"
	charon_start "$h" || return 1
	swanctl_on "$h" --load-all > "$(outdir "$h")/load-all.txt" 2>&1 || return 1
	xl2tpd_start "$h"
}

# client_hangup HOST: hang up as the built-in clients do: PPP first (LCP Terminate under the SA),
# then L2TP (CDN, StopCCN), then IPsec. Stopping the stock xl2tpd first would leave its pppd
# sending a Terminate-Request after the LNS, its tunnel gone, deleted the SA: in plaintext.
client_hangup() {
	kill_on "$1" TERM pppd
	wait_for 20 "$1 pppd gone" pppd_gone "$1" || return 1
	xl2tpd_stop "$1"
	charon_stop "$1"
}
