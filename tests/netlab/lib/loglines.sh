# SPDX-License-Identifier: GPL-2.0-or-later
#
# The daemon log lines netlab scenarios wait for or assert on, named in one place: each is the
# printf format exactly as its C file has it (adjacent string literals joined), so
# tests/unit/test_loglines.sh proves each still exists there — a changed wording fails a unit test
# in seconds rather than a scenario in the VM. Scenarios use the names:
#     log_pattern NAME [ARG...]    a grep pattern; each printf conversion becomes the next ARG
#                                  (itself a pattern; any text when the ARGs run out)
#     log_has HOST FILE NAME [ARG...]   HOST's FILE (xl2tpd.log, charon.log, pppd.log) has it
# Sourced by lab.sh (bash).

declare -A LOGLINE_FMT LOGLINE_SRC

# logline NAME SOURCE FORMAT
logline() { LOGLINE_SRC[$1]=$2; LOGLINE_FMT[$1]=$3; }

# the patched xl2tpd
logline XL_HOOKS xl2tpd-plugin/l2tpsec_hooks.c 'l2tpsec %s hooks active, L2TP data path: %s, crypto socket %s\n'
logline XL_NOFILE xl2tpd-plugin/l2tpsec_hooks.c 'l2tpsec: descriptor limit %llu (was %llu), main loop on poll()\n'
logline XL_SECTION xl2tpd-plugin/l2tpsec_hooks.c 'l2tpsec: [%s %s] crypto profile %s, keep-sa %s, ip pmtu %s, lcp renegotiation %s\n'
logline XL_SECTION_HOST xl2tpd-plugin/l2tpsec_hooks.c 'l2tpsec: [%s %s] terminates host name %s, %s%s\n'
logline XL_LISTEN xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: passive open for crypto profile %s on port %u\n'
logline XL_SECURED xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: secured %s <-> %s (id %u, %s/%s, ESP overhead %u bytes)\n'
logline XL_SA_CLOSED xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: SA to %s closed (%s, id %u)\n'
logline XL_LOST xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: lost the crypto socket %s (%s): %zu protected peer(s) dropped, their tunnels go down; reconnecting in %u s\n'
logline XL_DROPPED xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: dropped %llu unprotected L2TP packet(s) from %s (tunnel id %d): no IPsec SA protects this peer; %llu dropped in total\n'
logline XL_NEIGHBOUR xl2tpd-plugin/l2tpsec_guard.c "l2tpsec: dropped %llu L2TP packet(s) from %s for tunnel id %d: that tunnel is %s's, and only its own SA may carry it; %llu dropped in total\n"
logline XL_WRONG_PROFILE xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: dropped %llu L2TP packet(s) from %s (tunnel id %d): its IPsec SA is a clone of crypto profile %s, the section serving it requires %s; %llu dropped in total\n'
logline XL_GROUP xl2tpd-plugin/l2tpsec_hooks.c "l2tpsec: SCCRQ from %s, host name '%s', %s%s: [lns %s]\n"
logline XL_NO_GROUP_SA xl2tpd-plugin/l2tpsec_guard.c "l2tpsec: dropped %llu SCCRQ(s) from %s (host name '%s') under an IPsec SA of crypto profile %s: no [lns] section of that profile terminates that host name; %llu dropped in total\n"
logline XL_NO_GROUP_PLAIN xl2tpd-plugin/l2tpsec_guard.c "l2tpsec: dropped %llu unprotected SCCRQ(s) from %s (host name '%s'): no IPsec SA protects this peer, and no [lns] section without IPsec terminates that host name; %llu dropped in total\n"
logline XL_HELD xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: held back %llu L2TP packet(s) to %s (tunnel id %d): no IPsec SA protects this peer, it would leave in plaintext; %llu held back in total\n'
logline XL_REPEATED xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: SCCRQ from %s repeated: tunnel %d answers it, its copy (tunnel %d) sends nothing\n'
logline XL_SUPERSEDED xl2tpd-plugin/l2tpsec_tunnels.c 'l2tpsec: tunnel %d to %s:%d is superseded by tunnel %d from the same address and port (the peer started over)\n'
logline XL_SOCKET_BOUND xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: tunnel %d to %s: its own socket bound to IPsec SA id %u (reqid %u): no plaintext leaves or enters it, whatever the SPD holds\n'
logline XL_REKEY_FOLLOW xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: tunnel %d: its socket follows the rekeyed IPsec SA id %u (outbound SPI %08x)\n'
logline XL_LISTEN_GUARDED xl2tpd-plugin/l2tpsec_hooks.c 'l2tpsec: every section requires IPsec: the kernel refuses plaintext L2TP on the listening socket (a section added later without a crypto profile cannot be reached until xl2tpd restarts)\n'
logline XL_DOWN xl2tpd-plugin/l2tpsec_tunnels.c 'l2tpsec: %s: tunnel %d to %s:%d and its %d call(s) go down locally (no StopCCN: it would leave unprotected)\n'
logline XL_CLEARED xl2tpd-plugin/l2tpsec_vpdn.c 'l2tpsec: tunnel %d (peer %s:%u) cleared by the operator\n'
logline XL_LIMIT xl2tpd-plugin/l2tpsec_admit.c 'l2tpsec: [%s %s] call %d from %s (tunnel %d) refused: %s (CDN result code %d)\n'
logline XL_DEBUG xl2tpd-plugin/l2tpsec_vpdn.c 'l2tpsec: debug vpdn %s %s\n'
logline XL_DIAL_OPEN xl2tpd-plugin/l2tpsec_dial.c 'l2tpsec: [lac %s] requesting security for %s <-> %s (crypto profile %s, id %u) before the first SCCRQ\n'
logline XL_DIAL_UP xl2tpd-plugin/l2tpsec_dial.c 'l2tpsec: [lac %s] IPsec up: dialling\n'
logline XL_DIAL_BACKOFF xl2tpd-plugin/l2tpsec_dial.c 'l2tpsec: [lac %s] IPsec to %s not established (%s): no SCCRQ sent; retrying in %u s\n'
logline XL_DIAL_NEXT xl2tpd-plugin/l2tpsec_dial.c 'l2tpsec: [lac %s] IPsec to %s not established (%s): no SCCRQ sent; trying the next LNS\n'
logline XL_LNS_ORDER xl2tpd-plugin/l2tpsec_failover.c 'l2tpsec: [lac %s] LNSes %s; one that fails is passed over for %d s\n'
logline XL_LNS_DOWN xl2tpd-plugin/l2tpsec_failover.c 'l2tpsec: [lac %s] LNS %s down for %u s: %s\n'
logline XL_AAA_LAC xl2tpd-plugin/l2tpsec_aaa_lac.c "l2tpsec: [lac %s] %s from [lac %s] for RADIUS's tunnels of %s: %s\n"
logline XL_SWITCH_LAC_FAILED xl2tpd-plugin/l2tpsec_switch.c 'l2tpsec: [lac %s] %d switched session(s) refused: %s\n'
logline XL_CALL_BUSY xl2tpd-plugin/l2tpsec_switch.c 'l2tpsec: [lac %s] call %d refused by LNS %s (%s): trying the next LNS\n'
logline XL_LNS_NEW_TUNNEL xl2tpd-plugin/l2tpsec_failover.c 'l2tpsec: [lac %s] new tunnel to LNS %s (priority %d%s)\n'
logline XL_DIAL_WAIT xl2tpd-plugin/l2tpsec_dial.c "l2tpsec: [lac %s] waiting for charon's crypto socket before dialling %s\n"
logline XL_NO_CHARON xl2tpd-plugin/l2tpsec_cs.c "l2tpsec: cannot reach charon's crypto socket %s (%s): is charon running with the l2tp-security plugin? Protected L2TP is refused until it is; retrying in %u s\n"
logline XL_LAST_CLOSE xl2tpd-plugin/l2tpsec_guard.c 'l2tpsec: last tunnel to %s gone: closing its IPsec SA (id %u, keep-sa %s)\n'
logline XL_PROXY_ICCN xl2tpd-plugin/l2tpsec_proxy.c 'l2tpsec: [lac %s] ICCN carries proxy LCP/authentication (%s%s)\n'
logline XL_PMTU_EVERY xl2tpd-plugin/l2tpsec_pmtu.c 'l2tpsec: ip pmtu: checking the path MTU of such tunnels every %d s\n'
logline XL_PMTU_SET xl2tpd-plugin/l2tpsec_pmtu.c 'l2tpsec: ip pmtu: path MTU to %s is %d: %s MTU %d -> %d (IP %d, ESP %d, UDP %d, L2TP %d, PPP %d)\n'
logline XL_PMTU_DROP xl2tpd-plugin/l2tpsec_pmtu.c "l2tpsec: ip pmtu: dropped %llu DF packet(s) larger than %s's session MTU %d (this one %d bytes from %u.%u.%u.%u): ICMP frag-needed sent\\n"
# the charon plugin
logline CH_CONFIG charon-plugin/l2tp_security_show.c 'l2tp-security %s: %u crypto profile(s)%s%s, crypto socket %s'
logline CH_REKEYED charon-plugin/l2tp_security_listener.c 'l2tp-security: tunnel %u rekeyed: CHILD_SA #%u, SPIs %.8x_i %.8x_o'
logline CH_OWN_PORT charon-plugin/l2tp_security_steering.c 'l2tp-security: L2TP client %H[%u] (IKE %#H) shares its address and port with another: its tunnel is seen at port %u'
logline CH_MOVED charon-plugin/l2tp_security_listener.c 'l2tp-security: tunnel %u moves to CHILD_SA #%u, SPIs %.8x_i %.8x_o'
logline CH_PEER_MOVED charon-plugin/l2tp_security_listener.c 'l2tp-security: L2TP client'"'"'s IKE endpoint moved from %#H to %#H: %u tunnel(s) follow it'
logline CH_SS_DEBUG charon-plugin/l2tp_security_reporter.c 'CRYPTO_SS(L2X Security): client %u %s %s'
logline CH_CLEAR charon-plugin/l2tp_security_operator.c 'l2tp-security: clear crypto session: deleting IKE_SA %u'
logline CH_NARROWED charon-plugin/l2tp_security_listener.c 'l2tp-security: %H proposed UDP ports %u-%u for L2TP: narrowed to %u'
logline CH_PROPOSAL_REFUSED charon-plugin/l2tp_security_listener.c 'l2tp-security: %H negotiated ESP %P for L2TP, which crypto profile %s does not allow%s: CHILD_SA refused'
logline XL_SWITCH_REQUESTED xl2tpd-plugin/l2tpsec_switch.c 'l2tpsec: [lac %s] switched session requested (proxy authentication %s): dialling\n'
logline XL_SWITCHED xl2tpd-plugin/l2tpsec_switch.c 'l2tpsec: [lac %s] call %d switched: the client'"'"'s PPP is bridged into the session, ICCN follows\n'
logline XL_SWITCH_HUNG_UP xl2tpd-plugin/l2tpsec_switch.c 'l2tpsec: [lac %s] the switched client hung up: call %d closes\n'
logline CH_LIFETIME_CAPPED charon-plugin/l2tp_security_listener.c 'l2tp-security: tunnel %u: CHILD_SA #%u was given %s, crypto profile %s allows %us: rekeying it in %us (0: never), expiring it in %us'
logline CH_PLAINTEXT_LISTEN charon-plugin/l2tp_security_dispatcher.c 'l2tp-security: client %u also serves L2TP without IPsec on %#H: no block policies there, its tunnels'"'"' sockets and packet check hold the rule'
logline CH_KEEP_SA charon-plugin/l2tp_security_cloner.c ', keeping IKE_SA (keep-sa)'
logline CH_ORPHAN charon-plugin/l2tp_security_policies.c 'l2tp-security: crypto socket client %u left, keeping the block policies for plaintext udp %H[%u] (fail closed; released by a client'
# the pppd plugin
logline PPP_LOADED pppd-plugin/l2tpsec_plugin.c 'l2tpsec plugin %s loaded (pppd %s)'
logline PPP_LCP pppd-plugin/l2tpsec_plugin.c 'l2tpsec: LCP starting, lcp renegotiation %s'
logline PPP_PROXY_DECISION pppd-plugin/lns_proxy.c 'l2tpsec: proxy LCP from the LAC: %s (%s)'
logline PPP_PROXY_ADOPTED pppd-plugin/lns_proxy.c 'l2tpsec: LCP adopted without a CONFREQ: MRU %d, client MRU %d, authentication %s (%s)'
logline PPP_PROXY_AUTH_OK pppd-plugin/lns_proxy.c 'l2tpsec: proxy authentication of %q succeeded (%s)'
logline PPP_PROXY_AUTH_FAILED pppd-plugin/lns_proxy.c 'l2tpsec: proxy authentication of %q failed (%s): call refused'
logline PPP_SWITCHING pppd-plugin/lac_dialin.c 'l2tpsec: %q is in a tunnelled domain: switching into %s'
logline PPP_BRIDGED pppd-plugin/lac_switch.c 'l2tpsec: client channel %d bridged to L2TP session channel %d'
logline PPP_SWITCH_ENDED pppd-plugin/lac_dialin.c 'l2tpsec: switched session of %q ended: %s'
logline PPP_SWITCH_FAILED pppd-plugin/lac_dialin.c 'l2tpsec: %s: no L2TP session for %q: %s'
logline PPP_AAA_TUNNEL pppd-plugin/lac_dialin.c 'l2tpsec: domain %q: RADIUS tunnel %u to %s, preference %u%s%s%s'
logline PPP_AAA_NO_TUNNEL pppd-plugin/lac_dialin.c 'l2tpsec: domain %q is not tunnelled: %s'
logline PPP_AAA_SILENT pppd-plugin/lac_dialin.c 'l2tpsec: domain %q: no tunnel authorization: %s'

# log_pattern NAME [ARG...]
log_pattern() {
	local fmt=${LOGLINE_FMT[$1]:?no log line named $1} out= c spec
	shift
	fmt=${fmt%\\n}
	while [ -n "$fmt" ]; do
		c=${fmt:0:1}
		fmt=${fmt:1}
		if [ "$c" = % ]; then
			if [ "${fmt:0:1}" = % ]; then
				out+=%; fmt=${fmt:1}; continue
			fi
			spec=${fmt%%[a-zA-Z]*}
			fmt=${fmt:${#spec}}
			while [[ ${fmt:0:1} == [lhzjt] ]]; do fmt=${fmt:1}; done
			fmt=${fmt:1}
			if [ $# -gt 0 ]; then out+=$1; shift; else out+='.*'; fi
			continue
		fi
		case $c in
		'\'|'.'|'['|']'|'*'|'^'|'$') out+="\\$c" ;;
		*) out+=$c ;;
		esac
	done
	printf '%s' "$out"
}

# log_has HOST FILE NAME [ARG...]
log_has() {
	local h=$1 f=$2 n=$3
	shift 3
	grep -q -- "$(log_pattern "$n" "$@")" "$LAB_OUT/$h/$f"
}
