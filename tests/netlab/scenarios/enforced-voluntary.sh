#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# enforced-voluntary: client and LNS both run charon with the l2tp-security plugin and the patched
# xl2tpd with a crypto profile. The client's xl2tpd secures the tunnel before its first SCCRQ, the
# session comes up and carries pings, and not one plaintext UDP/1701 packet crosses the wire from
# the first packet to after teardown. A rogue host's plaintext SCCRQs — before any SA exists and
# while the client's SA is up — create no tunnel and get no answer (the same SCCRQ gets an SCCRP
# from a stock xl2tpd, so the tool works): xl2tpd drops it (an unprotected legacy section beside
# the protected one keeps charon's block policies and the kernel's listening-socket policy away,
# so this is xl2tpd's own check; crypto-socket and fault-matrix cover the kernel layers). Losing the crypto socket (charon killed on the LNS, or
# xl2tpd restarted) takes the tunnel down without plaintext, and the client dials back in; last,
# the same session with the LNS on Debian 13's pppd 2.5.2.
# (Proxy LCP/authentication, which only a switched session has: compulsory-switched.)
# netlab-timeout: 300
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12 LNS_R=10.0.1.13 ROGUE=10.0.1.66 PLAIN=10.0.2.77 ROGUE_P=10.0.2.66
host_add lns; host_add client; host_add rogue; host_add plain
link_add lns $LNS/24 client $CLIENT/24
link_add lns $LNS_R/24 rogue $ROGUE/24
link_add plain $PLAIN/24 rogue $ROGUE_P/24
pcap_start lns to-client
pcap_start lns to-rogue

# --- the injection tool works: a stock xl2tpd answers its SCCRQ ---------------------------------
check "plain: stock xl2tpd up" plain_lns plain
check "rogue -> stock LNS: SCCRQ answered (positive control)" sccrq rogue $PLAIN
check "the answer was an SCCRP" grep -q "reply: .* from $PLAIN:1701, SCCRP" "$LAB_OUT/rogue/sccrq.txt"

# --- LNS up; nothing unprotected gets in before any SA exists ------------------------------------
# beside the protected [lns default], a legacy section for one plaintext LAC elsewhere: the
# listening socket then admits plaintext, and the SPD and xl2tpd's guard decide (fault-matrix
# covers the all-protected LNS, whose listening socket the kernel guards itself)
check "lns: charon + plugin + patched xl2tpd" enforced_lns lns addr="$LNS,$LNS_R" \
	sections="$(xl2tpd_lns_gen name=legacy extra='lac = 10.9.9.9')"
check "lns: xl2tpd reached the crypto socket and listens" wait_for 20 "lns LISTEN" \
	xl2tpd_says lns XL_LISTEN l2tp 1701
# (block policies on the endpoint would refuse the legacy LAC too: crypto-socket covers them)
check "lns: beside a group without IPsec, charon sets no block policies" \
	log_has lns charon.log CH_PLAINTEXT_LISTEN "[0-9]*" "0.0.0.0.1701."
check "lns: no block policy in the SPD" not sh -c "ip -n lns xfrm policy | grep -q 'action block'"
check "rogue -> LNS before any SA: no answer" not sccrq rogue $LNS_R
check "rogue -> LNS again: still no answer" not sccrq rogue $LNS_R
check "lns: xl2tpd dropped it before creating a tunnel (logged, counted)" \
	xl2tpd_says lns XL_DROPPED 1 "$ROGUE:1701" 0
check "lns: no tunnel allocated for the rogue" [ "$(new_tunnels lns $ROGUE)" = 0 ]

# --- the client secures the tunnel, then dials ----------------------------------------------------
check "client: charon + plugin + patched xl2tpd" enforced_client client addr=$CLIENT lns=$LNS
check "client: dial" xl2tpd_control client "c lns"
check "client: xl2tpd asked for security before its SCCRQ" wait_for 10 "client OPEN" \
	xl2tpd_says client XL_DIAL_OPEN lns "$CLIENT:1701" "$LNS:1701" l2tp 1
check "client: ppp0 up" wait_for 60 "client ppp0" ppp_up client
check "client: SECURED came before the dial went out" sh -c "
	grep -n '$(log_pattern XL_SECURED)' '$LAB_OUT/client/xl2tpd.log' | head -1 | cut -d: -f1 > /tmp/s.$$ &&
	grep -n 'Connecting to host $LNS' '$LAB_OUT/client/xl2tpd.log' | head -1 | cut -d: -f1 > /tmp/c.$$ &&
	[ \$(cat /tmp/s.$$) -lt \$(cat /tmp/c.$$) ]; r=\$?; rm -f /tmp/s.$$ /tmp/c.$$; exit \$r"
check "lns: secured the client's 5-tuple" xl2tpd_says lns XL_SECURED "$LNS:1701" "$CLIENT:1701"
caddr=$(ppp_addr client)
check "client pings the LNS" ping_from client $POOL_LOCAL
check "LNS pings the client" ping_from lns "$caddr"
check "lns: kernel data path in use" xl2tpd_says lns XL_HOOKS "[0-9.]*" "kernel (pppol2tp)"

# --- another peer's SA does not open the door for the rogue ---------------------------------------
check "rogue -> LNS while the client's SA is up: no answer" not sccrq rogue $LNS_R
check "lns: still no tunnel for the rogue" [ "$(new_tunnels lns $ROGUE)" = 0 ]
check "lns: the session survived the injection" ping_from client $POOL_LOCAL 1

# --- charon killed on the LNS: the tunnel goes down locally, nothing leaves in plaintext -----------
kill -KILL "$(pid_of lns charon)"
check "lns: xl2tpd saw the crypto socket drop" wait_for 10 "lns lost" \
	xl2tpd_says lns XL_LOST
check "lns: tunnel went down locally, no StopCCN" \
	xl2tpd_says lns XL_DOWN "the crypto socket to charon was lost" "[0-9]*" "$CLIENT" 1701 1
check "lns: pppd gone" wait_for 20 "lns pppd gone" pppd_gone lns
check "client: DPD noticed, SA closed, tunnel down locally" wait_for 60 "client tunnel down" \
	xl2tpd_says client XL_DOWN
check "client: pppd gone" wait_for 30 "client pppd gone" pppd_gone client
check "lns: charon restarted" charon_start lns
swanctl_on lns --load-all >> "$(outdir lns)/load-all.txt" 2>&1
check "lns: xl2tpd reconnected and listens again" wait_for 40 "lns relisten" sh -c \
	"[ \$(grep -c 'passive open for crypto profile l2tp' '$LAB_OUT/lns/xl2tpd.log') -ge 2 ]"
check "client: re-dial" xl2tpd_control client "c lns"
check "client: ppp0 up again" wait_for 60 "client ppp0 again" ppp_up client
check "client pings the LNS again" ping_from client $POOL_LOCAL

# --- xl2tpd restarted on the LNS: charon closes the SA, the client follows, and re-dials ----------
# (the orphaned pppd holds its tunnel's socket and the socket's policies: nothing in plaintext)
kill -KILL "$(pid_of lns xl2tpd)"
check "lns: the orphaned pppd gave up (LCP echoes unanswered)" wait_for 30 "lns pppd gone (2)" pppd_gone lns
check "client: SA deleted by the LNS, tunnel down locally" wait_for 30 "client down (2)" sh -c \
	"[ \$(grep -c '$(log_pattern XL_DOWN)' '$LAB_OUT/client/xl2tpd.log') -ge 2 ]"
check "lns: xl2tpd restarted" xl2tpd_start lns "$XL2TPD_L2TPSEC"
check "client: re-dial after the xl2tpd restart" xl2tpd_control client "c lns"
check "client: ppp0 up a third time" wait_for 60 "client ppp0 third" ppp_up client
check "client pings the LNS a third time" ping_from client $POOL_LOCAL

# --- the LNS's pppd is ppp 2.5.2 (Debian 13's, staged from the bootstrap cache) -------------------
xl2tpd_control client "d lns"
check "client: hung up" wait_for 30 "client pppd gone (4)" pppd_gone client
check "lns: its pppd gone" wait_for 30 "lns pppd gone (4)" pppd_gone lns
on lns mount --bind /opt/l2tpsec-ppp-2.5.2/sbin/pppd /usr/sbin/pppd
check "client: dial an LNS whose pppd is 2.5.2" xl2tpd_control client "c lns"
check "client: ppp0 up (MS-CHAPv2 with pppd 2.5.2)" wait_for 60 "client ppp0 (2.5.2)" ppp_up client
check "client pings the LNS on pppd 2.5.2" ping_from client $POOL_LOCAL
# ppp 2.5's auth.c says "Peer NAME authenticated with PROTO"; 2.4.9 says nothing of the kind, so
# exactly one such line: this session's pppd was 2.5.2, the three before were 2.4.9
check "lns: the session's pppd was 2.5.2 (and only this one)" \
	[ "$(grep -c "^Peer alice authenticated with CHAP" "$LAB_OUT/lns/pppd.log")" = 1 ]

teardown client lns
pcap_stop_all
summary "audit: $(audit_line $CLIENT $LNS); rogue: $(audit_line $ROGUE $LNS_R)"
check "no plaintext UDP/1701 between client and LNS, first packet to after teardown" \
	[ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "ESP carried the sessions" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
check "the rogue's three SCCRQs were the only L2TP between it and the LNS (no answer)" \
	[ "$(audit_count $ROGUE $LNS_R l2tp-plaintext)" -eq 3 ]
