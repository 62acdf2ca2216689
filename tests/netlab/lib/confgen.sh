# SPDX-License-Identifier: GPL-2.0-or-later
#
# One configuration generator per daemon, each taking named options (key=value; an unknown key is
# an error, not a silently different world): swanctl.conf, the charon plugin's settings, and
# xl2tpd.conf sections. Scenarios compose hosts from these; nothing passes configuration through
# environment prefixes or positional fragments. Sourced by lab.sh (bash).

# options TABLE ARG...: TABLE is an associative array whose keys are the options a generator takes
# and whose values are their defaults; key=value ARGs override them
options() {
	local -n _opts=$1
	local kv
	shift
	for kv in "$@"; do
		if [[ $kv != *=* ]] || [[ ! -v _opts[${kv%%=*}] ]]; then
			log "error: ${FUNCNAME[1]}: unknown option '$kv' (takes: ${!_opts[*]})"
			return 1
		fi
		_opts[${kv%%=*}]=${kv#*=}
	done
}

NETLAB_PSK=netlab-psk-not-secret

# swanctl_gen [local=ADDRS] [remote=ADDRS] [proposals=IKE] [esp=ESP]
#             [child=none|lns|peer|range] [dpd=DELAY]
# connection l2tp (IKEv1, PSK) and its secret. child=lns: the LNS's quick-mode answer, our 1701 to
# any port of the peer's; child=peer: 1701 to 1701 (the stock stack); range: a client proposing
# any UDP port of its own to the LNS's 1701; none: IKE only (the plugin clones the child). dpd:
# DPD interval (timeout 10 s); none when empty.
swanctl_gen() {
	local -A o=([local]=%any [remote]=%any [proposals]=aes128-sha1-modp2048 [esp]=aes128-sha1
		[child]=none [dpd]=)
	local child= dpd=
	options o "$@" || return 1
	case ${o[child]} in
	none) ;;
	lns|peer)
		child="children {
			l2tp {
				mode = transport
				local_ts = dynamic[17/1701]
				remote_ts = dynamic[17$([ "${o[child]}" = peer ] && echo /1701)]
				esp_proposals = ${o[esp]}
			}
		}" ;;
	range)
		child="children {
			l2tp {
				mode = transport
				local_ts = dynamic[17]
				remote_ts = dynamic[17/1701]
				esp_proposals = ${o[esp]}
			}
		}" ;;
	*) log "error: swanctl_gen: child=${o[child]} (none, lns, peer or range)"; return 1 ;;
	esac
	[ -n "${o[dpd]}" ] && dpd="dpd_delay = ${o[dpd]}
		dpd_timeout = 10s"
	cat <<CONF
connections {
	l2tp {
		version = 1
		aggressive = no
		local_addrs = ${o[local]}
		remote_addrs = ${o[remote]}
		proposals = ${o[proposals]}
		$dpd
		local {
			auth = psk
		}
		remote {
			auth = psk
		}
		$child
	}
}
secrets {
	ike-l2tp {
		secret = "$NETLAB_PSK"
	}
}
CONF
}

# plugin_gen [lifetime=SECONDS] [rekey=yes|no] [open_timeout=SECONDS] [keep_sa=yes|no]
# [esp=PROPOSALS]: the charon plugin's settings (for charon_conf): one profile, l2tp, borrowing
# connection l2tp
plugin_gen() {
	local -A o=([lifetime]=3600 [rekey]=yes [open_timeout]=30 [keep_sa]=no [esp]=aes128-sha1)
	options o "$@" || return 1
	cat <<CONF
	plugins {
		l2tp-security {
			open_timeout = ${o[open_timeout]}
			profiles {
				l2tp {
					crypto_map = l2tpsec
					sequence = 10
					connection = l2tp
					transform_sets = esp-aes-sha-transport
					esp_proposals = ${o[esp]}
					keep_sa = ${o[keep_sa]}
					lifetime_seconds = ${o[lifetime]}
					rekey = ${o[rekey]}
				}
			}
		}
	}
CONF
}

# l2tpsec_keys PROFILE KEEP_SA PMTU: the patched xl2tpd's keys for a section (empty: left out)
l2tpsec_keys() {
	[ -n "$1" ] && echo "l2tpsec crypto profile = $1"
	[ -n "$2" ] && echo "l2tpsec keep sa = $2"
	[ -n "$3" ] && echo "l2tpsec ip pmtu = $3"
	true
}

# xl2tpd_global_gen [port=1701] [extra=LINES]
xl2tpd_global_gen() {
	local -A o=([extra]= [port]=1701)
	options o "$@" || return 1
	printf '[global]\nport = %s\n%s\n' "${o[port]}" "${o[extra]}"
}

# xl2tpd_lns_gen [name=default] [profile=P] [keep_sa=yes|no] [pmtu=yes|no] [extra=LINES]: an LNS
# section handing out $POOL_RANGE, MS-CHAPv2 through /etc/ppp/options.lns
xl2tpd_lns_gen() {
	local -A o=([name]=default [profile]= [keep_sa]= [pmtu]= [extra]=)
	options o "$@" || return 1
	cat <<CONF
[lns ${o[name]}]
ip range = $POOL_RANGE
local ip = $POOL_LOCAL
require authentication = yes
name = lns
pppoptfile = /etc/ppp/options.lns
length bit = yes
$(l2tpsec_keys "${o[profile]}" "${o[keep_sa]}" "${o[pmtu]}")
${o[extra]}
CONF
}

# xl2tpd_lac_gen lns=ADDR [name=lns] [profile=P] [keep_sa=yes|no] [pmtu=yes|no] [extra=LINES]: a
# client section dialled by hand (c NAME), pppd options /etc/ppp/options.client
xl2tpd_lac_gen() {
	local -A o=([name]=lns [lns]= [profile]= [keep_sa]= [pmtu]= [extra]=)
	options o "$@" || return 1
	cat <<CONF
[lac ${o[name]}]
lns = ${o[lns]}
pppoptfile = /etc/ppp/options.client
length bit = yes
autodial = no
redial = no
$(l2tpsec_keys "${o[profile]}" "${o[keep_sa]}" "${o[pmtu]}")
${o[extra]}
CONF
}
