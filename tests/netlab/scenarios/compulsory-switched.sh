#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# compulsory-switched: the seed's LAC-initiated example end to end. A client dials PPP into the
# LAC over a serial line (a pty pair); the LAC's pppd (l2tpsec plugin, request-dialin domain
# cisco.com) negotiates LCP, challenges, reads userSerial10@cisco.com and switches the client's
# PPP into an L2TP session of the translated [lac 1] (tunnel secured on the crypto socket first,
# PPPIOCBRIDGECHAN, the ICCN carrying the proxy LCP and CHAP); the LNS (the seed's LNS completed
# with a pool: lns-compulsory-complete.cfg, lcp renegotiation on-mismatch) adopts the LAC's LCP
# without a CONFREQ, checks the proxied CHAP against its own secrets and answers the client,
# which gets its address from the LNS's pool and pings it. Then, one dial each:
#  - on-mismatch with an MRU the LNS does not take: LCP renegotiated with the client;
#  - always: renegotiated; force-local-chap and proxy authentication off: adopted, then the
#    LNS's own CHAP challenge; IOS default with proxy LCP the LNS cannot run: the call refused;
#  - a wrong password: refused by the LNS, the LAC hangs up the client;
#  - the same user over PPPoE (pppoe-server on the LAC); the LNS on ppp 2.5.2 (Debian 13's);
#  - the proxied CHAP checked by RADIUS (FreeRADIUS, pppd's radius.so), on ppp 2.4.9 and 2.5.2;
#  - two users through the LAC at once (one tunnel), every dial on the LAC's one IKE_SA, and a
#    third refused by the group's session limit (2) on the LAC;
# and not one plaintext UDP/1701 packet between LAC and LNS, first packet to last.
# netlab-timeout: 420
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
lab_init "$1"
. "$NETLAB_TOP/tests/netlab/lib/switched.sh"
. "$NETLAB_TOP/tests/netlab/lib/radius.sh"
USER=userSerial10@cisco.com

check "LAC and LNS translated from the seed's configurations, charon and xl2tpd up" switched_lab
link_add lac 10.98.0.1/24 client 10.98.0.2/24	# the access network for PPPoE
pcap_start lns to-lac
check "LNS: xl2tpd listens on the crypto socket" wait_for 10 "lns LISTEN" \
	log_has lns xl2tpd.log XL_LISTEN l2tp 1701
# the LAC's access side: the serial line's pppd with the translated ppp/l2tpsec-dialin
# (request-dialin domain cisco.com -> [lac 1])
check "LAC: the translator wrote the access side's options" \
	grep -qx "l2tpsec-dialin cisco.com:1" "$(etc lac)/ppp/l2tpsec-dialin"

# keep_logs: the previous dial's pppd logs aside (dial-N-*.log), each dial's start empty
DIAL=0
keep_logs() {
	local f
	for f in lac/pppd-dialin1 client/pppd lns/pppd; do
		[ -s "$LAB_OUT/$f.log" ] && cp "$LAB_OUT/$f.log" "$LAB_OUT/${f%/*}/dial-$DIAL-${f#*/}.log"
		: > "$LAB_OUT/$f.log"
	done
	DIAL=$((DIAL + 1))
}

# dial: a serial line, the LAC's pppd on one end, the client's on the other
dial() {
	keep_logs
	serial_line 1 && lac_access 1 && client_serial client 1 "$USER"
}

# hang_up: the client hangs up; the LAC's pppd must end with the call (CDN from the LNS), and
# nothing of the call may stay on any host
hang_up() {
	stop_daemon client pppd 15
	line_down 1 && wait_for 30 "lns pppd gone" pppd_gone lns
}

client_lcp_confreqs() { grep -c "rcvd \[LCP ConfReq" "$LAB_OUT/client/pppd.log"; }
lns_lcp_confreqs() { grep -c "sent \[LCP ConfReq" "$LAB_OUT/lns/pppd.log"; }
client_pings() { wait_for 40 "client ppp0" ppp_up client && ping_from client $GW; }

# --- 1. the seed's configuration: proxy LCP adopted, proxy CHAP verified -----------------------
client_secret client "$USER" cisco
check "dial 1 (on-mismatch, matching): serial line and both pppds started" dial
check "dial 1: the client gets an address from the LNS's pool and pings the LNS" client_pings
check "dial 1: the LAC's pppd switched the user's PPP into [lac 1]" \
	log_has lac pppd-dialin1.log PPP_SWITCHING "$USER" '\[lac 1\]'
check "dial 1: and bridged it in the kernel" log_has lac pppd-dialin1.log PPP_BRIDGED
check "dial 1: the LAC's xl2tpd bridged before its ICCN" log_has lac xl2tpd.log XL_SWITCHED 1
check "dial 1: the ICCN carried proxy LCP and CHAP" \
	log_has lac xl2tpd.log XL_PROXY_ICCN 1 "PPP CHAP" ", named"
check "dial 1: the LNS adopted the LAC's LCP" \
	log_has lns pppd.log PPP_PROXY_DECISION adopt "as the LAC negotiated it"
check "dial 1: without a CONFREQ of its own (LNS pppd log)" [ "$(lns_lcp_confreqs)" = 0 ]
check "dial 1: the client saw one LCP negotiation, the LAC's" [ "$(client_lcp_confreqs)" = 1 ]
check "dial 1: the LNS checked the proxied CHAP against its secrets" \
	log_has lns pppd.log PPP_PROXY_AUTH_OK "$USER" CHAP-MD5
check "dial 1: the client heard CHAP Success from the LNS" \
	grep -q "CHAP authentication succeeded" "$LAB_OUT/client/pppd.log"
check "dial 1: the client's address is from the LNS's pool" \
	sh -c "ip -n client -4 -o addr show dev ppp0 | grep -q 'inet 10\.40\.0\.'"
snapshot lac switched
snapshot lns switched
check "dial 1: hang-up ends the call everywhere" hang_up
check "dial 1: the LAC's pppd says the switched session ended" \
	log_has lac pppd-dialin1.log PPP_SWITCH_ENDED "$USER"

# --- 1b. the IOS default (no lcp renegotiation): adopted and verified the same way -------------
lns_options "l2tpsec-lcp-renegotiation off"
check "dial 1b (no lcp renegotiation): started" dial
check "dial 1b: the client pings the LNS" client_pings
check "dial 1b: the LNS adopted the LAC's LCP" \
	log_has lns pppd.log PPP_PROXY_DECISION adopt "as the LAC negotiated it"
check "dial 1b: no CONFREQ from the LNS" [ "$(lns_lcp_confreqs)" = 0 ]
check "dial 1b: the client saw the LAC's only" [ "$(client_lcp_confreqs)" = 1 ]
check "dial 1b: the proxied CHAP checked" log_has lns pppd.log PPP_PROXY_AUTH_OK "$USER" CHAP-MD5
check "dial 1b: hang-up" hang_up

# --- 2. on-mismatch, an MRU the LNS does not take: LCP renegotiated with the client ----------
lns_options "mru 1400" "mtu 1400"
check "dial 2 (on-mismatch, MRU 1400 on the LNS): started" dial
check "dial 2: the client pings the LNS" client_pings
check "dial 2: the LNS renegotiated, saying why" \
	log_has lns pppd.log PPP_PROXY_DECISION negotiate "the LAC let the client send 1500-octet frames, this LNS takes 1400"
check "dial 2: the LNS sent its own CONFREQ" [ "$(lns_lcp_confreqs)" -ge 1 ]
check "dial 2: the client negotiated LCP twice (LAC, then LNS)" [ "$(client_lcp_confreqs)" -ge 2 ]
check "dial 2: hang-up" hang_up

# --- 3. always: renegotiated although the LCP matches -----------------------------------------
lns_options "l2tpsec-lcp-renegotiation always"
check "dial 3 (always): started" dial
check "dial 3: the client pings the LNS" client_pings
check "dial 3: the LNS renegotiated" log_has lns pppd.log PPP_PROXY_DECISION negotiate \
	"lcp renegotiation always"
check "dial 3: with a CONFREQ of its own" [ "$(lns_lcp_confreqs)" -ge 1 ]
check "dial 3: hang-up" hang_up

# --- 4. force-local-chap: LCP adopted, then the LNS's own challenge ---------------------------
lns_options "l2tpsec-lcp-renegotiation off" "l2tpsec-force-local-chap"
check "dial 4 (force-local-chap): started" dial
check "dial 4: the client pings the LNS" client_pings
check "dial 4: LCP adopted, CHAP local" \
	log_has lns pppd.log PPP_PROXY_ADOPTED "[0-9]*" "[0-9]*" CHAP-MD5 local
check "dial 4: no CONFREQ from the LNS" [ "$(lns_lcp_confreqs)" = 0 ]
check "dial 4: the LNS challenged the client itself" grep -q "sent \[CHAP Challenge" \
	"$LAB_OUT/lns/pppd.log"
check "dial 4: and the client answered it" [ "$(grep -c 'rcvd \[CHAP Challenge' \
	"$LAB_OUT/client/pppd.log")" -ge 2 ]
check "dial 4: hang-up" hang_up

# --- 4b. proxy authentication off (RFC 2661 9.5): LCP adopted, a new CHAP round -------------------
lns_options "l2tpsec-no-proxy-auth"
check "dial 4b (no proxy authentication): started" dial
check "dial 4b: the client pings the LNS" client_pings
check "dial 4b: LCP adopted, CHAP local" \
	log_has lns pppd.log PPP_PROXY_ADOPTED "[0-9]*" "[0-9]*" CHAP-MD5 local
check "dial 4b: the LNS challenged the client itself" grep -q "sent \[CHAP Challenge" \
	"$LAB_OUT/lns/pppd.log"
check "dial 4b: hang-up" hang_up

# --- 4c. IOS default (no lcp renegotiation), proxy LCP the LNS cannot run: the call refused ------
# the LNS asks for MS-CHAPv2 only; the client answered the LAC's CHAP-MD5
grep -vx "require-chap" "$(hostdir lns)/options.1.translated" > "$(etc lns)/ppp/options.1"
printf '%s\n' "l2tpsec-lcp-renegotiation off" "require-mschap-v2" >> "$(etc lns)/ppp/options.1"
check "dial 4c (default, CHAP-MD5 not offered by the LNS): started" dial
check "dial 4c: the LNS refused the call, saying why" wait_for 40 "lns refusal" \
	log_has lns pppd.log PPP_PROXY_DECISION refuse \
	"the client authenticated with CHAP-MD5, which this LNS does not offer"
check "dial 4c: no CONFREQ from the LNS" [ "$(lns_lcp_confreqs)" = 0 ]
check "dial 4c: no address for the client" not ppp_up client
check "dial 4c: the LAC hangs the client up with the call" hang_up

# --- 5. a wrong password: refused by the LNS, the LAC hangs the client up -----------------------
lns_options
client_secret client "$USER" wrong
check "dial 5 (wrong password): started" dial
check "dial 5: the LNS refused the proxied CHAP" wait_for 40 "lns refused" \
	log_has lns pppd.log PPP_PROXY_AUTH_FAILED "$USER" CHAP-MD5
check "dial 5: the client heard CHAP Failure" wait_for 20 "client failure" \
	grep -q "CHAP authentication failed" "$LAB_OUT/client/pppd.log"
check "dial 5: no address for the client" not ppp_up client
check "dial 5: the call ends everywhere" hang_up

# --- 5b. the proxied CHAP checked by RADIUS: FreeRADIUS on the LNS host, the LNS's pppd with
# radius.so and the files the translator writes for lns-radius.cfg, server and source 127.0.0.1 --
lns_radius_files() {
	local out d
	out=$(hostdir lns)/radius-translated d=$(etc lns)/ppp/radius
	(cd "$NETLAB_TOP/profiles/ios" && "$L2TPSEC" translate -o "$out" lns-radius.cfg) \
		> "$(outdir lns)/radius-translate.log" 2>&1 || return 1
	mkdir -p "$d"
	cp "$out/ppp/radius/dictionary" "$out/ppp/radius/port-id-map" "$d/"
	sed -e 's/10\.0\.3\.10/127.0.0.1/g' -e 's/^bindaddr\t.*/bindaddr\t127.0.0.1/' \
		"$out/ppp/radius/WINDOWS.conf" > "$d/lab.conf"
	printf '127.0.0.1\tradius-secret\n' > "$d/servers"
	chmod 600 "$d/servers"
}
radius_logins() { grep -c "Login OK: \[$USER\]" "$(outdir lns)/radius.log"; }
RADDB=$(hostdir lns)/raddb
check "LNS: FreeRADIUS knows the user" radius_conf "$RADDB" "$(outdir lns)" 'client local {
	ipaddr = 127.0.0.1
	secret = radius-secret
}' "\"$USER\" Cleartext-Password := \"cisco\""
check "LNS: FreeRADIUS up" radius_start lns "$RADDB"
check "LNS: radius.so's files (translated)" lns_radius_files
lns_options "plugin radius.so" "radius-config-file /etc/ppp/radius/lab.conf" \
	"l2tpsec-aaa-no-accounting"
client_secret client "$USER" cisco
check "dial 5b (proxy CHAP checked by RADIUS): started" dial
check "dial 5b: the client pings the LNS" client_pings
check "dial 5b: the LNS adopted the LAC's LCP" \
	log_has lns pppd.log PPP_PROXY_DECISION adopt "as the LAC negotiated it"
check "dial 5b: RADIUS accepted the proxied CHAP" [ "$(radius_logins)" = 1 ]
check "dial 5b: the LNS answered the client" log_has lns pppd.log PPP_PROXY_AUTH_OK "$USER" CHAP-MD5
check "dial 5b: hang-up" hang_up

# --- 6. the LNS's pppd is ppp 2.5.2 (Debian 13's, built by scripts/bootstrap) --------------------
PPP25=/opt/l2tpsec-ppp-2.5.2
lns_options
client_secret client "$USER" cisco
check "dial 6: pppd 2.5.2 and the plugin built for it are installed" \
	test -x $PPP25/sbin/pppd -a -f $PPP25/lib/pppd/2.5.2/l2tpsec.so
on lns mount --bind $PPP25/sbin/pppd /usr/sbin/pppd
check "dial 6 (LNS on pppd 2.5.2): started" dial
check "dial 6: the client pings the LNS" client_pings
check "dial 6: the LNS ran pppd 2.5.2 with the plugin" log_has lns pppd.log PPP_LOADED "[0-9.]*" 2.5.2
check "dial 6: the LNS adopted the LAC's LCP" \
	log_has lns pppd.log PPP_PROXY_DECISION adopt "as the LAC negotiated it"
check "dial 6: without a CONFREQ of its own" [ "$(lns_lcp_confreqs)" = 0 ]
check "dial 6: and checked the proxied CHAP" \
	log_has lns pppd.log PPP_PROXY_AUTH_OK "$USER" CHAP-MD5
check "dial 6: hang-up" hang_up
lns_options "plugin radius.so" "radius-config-file /etc/ppp/radius/lab.conf" \
	"l2tpsec-aaa-no-accounting"
check "dial 6b (pppd 2.5.2, its radius.so): started" dial
check "dial 6b: the client pings the LNS" client_pings
check "dial 6b: RADIUS accepted the proxied CHAP" [ "$(radius_logins)" = 2 ]
check "dial 6b: hang-up" hang_up
radius_stop lns
on lns umount /usr/sbin/pppd

# --- 7. the same user over PPPoE (pppoe-server on the LAC, pppd's PPPoE plugin on the client) --
lns_options
client_secret client "$USER" cisco
printf 'file /etc/ppp/l2tpsec-dialin\nlogfile %s\n' "$(outdir lac)/pppd-dialin1.log" \
	> "$(etc lac)/ppp/pppoe-dialin"
pppoe_dial() {
	keep_logs
	bg_on lac pppoe-server "$(outdir lac)/pppoe-server.log" \
		pppoe-server -F -k -I to-client -O /etc/ppp/pppoe-dialin -C LAC -S isp -N 4
	sleep 1
	bg_on client pppd "$(outdir client)/pppd.stdout" \
		pppd plugin pppoe.so nic-to-lac nodetach noauth user "$USER" noipdefault \
		nodefaultroute
}
check "dial 7 (PPPoE): pppoe-server and the client's pppd started" pppoe_dial
check "dial 7: the client pings the LNS over PPPoE, L2TP and IPsec" client_pings
check "dial 7: the LAC's pppd switched the PPPoE session" \
	log_has lac pppd-dialin1.log PPP_BRIDGED
check "dial 7: the LNS adopted the LAC's LCP (PPPoE's MRU 1492)" \
	log_has lns pppd.log PPP_PROXY_ADOPTED 1492 "[0-9]*" CHAP-MD5 verify
check "dial 7: the LNS checked the proxied CHAP" \
	log_has lns pppd.log PPP_PROXY_AUTH_OK "$USER" CHAP-MD5
stop_daemon client pppd 15
check "dial 7: the call ends on the LNS" wait_for 30 "lns pppd gone" pppd_gone lns
stop_daemon lac pppoe-server 10
check "dial 7: and on the LAC" wait_for 20 "lac pppd gone" pppd_gone lac

# --- 8. two users through the LAC at once: one tunnel, one IKE_SA, two sessions ---------------
host_add client2
{ echo "logfile $(outdir client2)/pppd.log"; echo debug; } > "$(etc client2)/ppp/options"
client_secret client2 user2@cisco.com cisco2
printf '"user2@cisco.com" * "cisco2" *\n' >> "$(etc lns)/ppp/chap-secrets"
second_dial() { serial_line 2 && lac_access 2 && client_serial client2 2 user2@cisco.com; }
both_dial() { dial && second_dial; }
second_pings() { wait_for 40 "client2 ppp0" ppp_up client2 && ping_from client2 $GW; }
lns_pppds() { ip netns pids lns | xargs -r ps -o comm= -p 2>/dev/null | grep -cx pppd; }
switched() { grep -c "$(log_pattern XL_SWITCHED)" "$LAB_OUT/lac/xl2tpd.log"; }
# the tunnels the last two calls were placed on (one: they share it)
last_two_tunnels() {
	grep "Calling on tunnel" "$LAB_OUT/lac/xl2tpd.log" | tail -2 | awk '{print $NF}' | sort -u | wc -l
}
tunnels() { grep -c "Connecting to host $LNS" "$LAB_OUT/lac/xl2tpd.log"; }
# the LAC's xl2tpd restarted: no tunnel, both requests arrive while it is being set up
# with the group's session limit 2 (IOS session-limit in vpdn-group 1)
xl2tpd_stop lac
sed -i '/^\[lac 1\]$/a l2tpsec session limit = 2' "$(etc lac)/xl2tpd/xl2tpd.conf"
check "dial 8: the LAC's xl2tpd restarted" xl2tpd_start lac $XL2TPD
calls_before=$(switched) tunnels_before=$(tunnels)
lns_options
client_secret client "$USER" cisco
check "dial 8: two users dial at once" both_dial
check "dial 8: the first pings the LNS" client_pings
check "dial 8: the second pings the LNS" second_pings
check "dial 8: two sessions on the LNS" [ "$(lns_pppds)" = 2 ]
check "dial 8: both switched by the LAC's xl2tpd" [ "$(switched)" = $((calls_before + 2)) ]
one_tunnel() { [ "$(last_two_tunnels)" = 1 ] && [ "$(tunnels)" = $((tunnels_before + 1)) ]; }
check "dial 8: in one tunnel, set up once for both" one_tunnel
host_add client3
{ echo "logfile $(outdir client3)/pppd.log"; echo debug; } > "$(etc client3)/ppp/options"
client_secret client3 user3@cisco.com cisco3
third_dial() { serial_line 3 && lac_access 3 && client_serial client3 3 user3@cisco.com; }
check "dial 8: a third user dials" third_dial
check "dial 8: the LAC's session limit refuses the third" wait_for 40 "lac limit" \
	grep -q "l2tpsec: \[lac 1\] switched session refused: session limit 2 of vpdn-group 1 reached" \
	"$LAB_OUT/lac/xl2tpd.log"
check "dial 8: the third gets no address" not ppp_up client3
check "dial 8: still two sessions on the LNS" [ "$(lns_pppds)" = 2 ]
stop_daemon client3 pppd 15
line_down 3
stop_daemon client2 pppd 15
check "dial 8: the second's LAC pppd ended with its call" line_down 2
check "dial 8: the first is still up after the second hung up" ping_from client $GW
check "dial 8: hang-up" hang_up
check "every dial reused the LAC's one IKE_SA (keep-sa)" \
	[ "$(grep -c 'IKE_SA l2tp\[[0-9]*\] established' "$LAB_OUT/lac/charon.log")" = 1 ]

for h in lac lns; do xl2tpd_stop $h; done
for h in lac lns; do charon_stop $h; done
pcap_stop_all
summary "audit: $(audit --pair $LAC $LNS)"
check "ESP carried the tunnel" [ "$(audit_count $LAC $LNS esp)" -gt 0 ]
check "no plaintext UDP/1701, first packet to teardown" \
	[ "$(audit_count $LAC $LNS l2tp-plaintext)" -eq 0 ]
