#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# components-voluntary: the stock-voluntary world with every l2tpsec component installed from
# this build (make install, copied into the VM only) and running in its real daemon: the charon
# plugin (with its installed strongswan.d snippet and a crypto profile), the patched xl2tpd on
# the kernel data path, and the pppd plugin with an option set. The session must still work and
# stay protected end to end.
# netlab-timeout: 150
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/voluntary.sh"
lab_init "$1"

XL2TPD=/usr/local/sbin/xl2tpd
SNIPPET=/etc/strongswan.d/charon/l2tp-security.conf
PLUGIN_CONF="	plugins {
		include $SNIPPET
		l2tp-security {
			profiles {
				l2tp {
					esp_proposals = aes128-sha1,3des-sha1
				}
			}
		}
	}"

check "l2tpsec is installed in the VM" sh -c "test -x $XL2TPD && test -f $SNIPPET &&
	test -f /usr/lib/ipsec/plugins/libstrongswan-l2tp-security.so && test -f /usr/lib/pppd/*/l2tpsec.so"

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add client
link_add lns $LNS/24 client $CLIENT/24
pcap_start lns to-client

check "LNS up with the charon plugin, patched xl2tpd and pppd plugin" lns_setup lns addr=$LNS xl2tpd=$XL2TPD \
	ppp="plugin l2tpsec.so
l2tpsec-lcp-renegotiation on-mismatch" plugins=l2tp-security charon="$PLUGIN_CONF"
check "client up" client_setup client addr=$CLIENT lns=$LNS user=alice
check "IPsec SA" client_ipsec_up client
check "ppp0 up through the l2tpsec-equipped LNS" client_dial client
caddr=$(ppp_addr client)
check "client pings the LNS" ping_from client $POOL_LOCAL
check "LNS pings the client" ping_from lns "$caddr"
swanctl_on lns --stats > "$(outdir lns)/stats.txt" 2>&1

L=$LAB_OUT/lns
check "charon loaded the plugin" grep -q "loaded plugins: .*l2tp-security" "$L/charon.log"
check "charon plugin read its settings (1 profile, default socket)" \
	log_has lns charon.log CH_CONFIG "[0-9.]*" 1 ": " l2tp /run/l2tpsec/crypto.sock
check "swanctl --stats lists the plugin" grep -q "l2tp-security" "$L/stats.txt"
check "patched xl2tpd runs with its hooks on the kernel data path" \
	log_has lns xl2tpd.log XL_HOOKS "[0-9.]*" "kernel (pppol2tp)"
check "pppd loaded the l2tpsec plugin" log_has lns pppd.log PPP_LOADED "[0-9.]*"
check "pppd plugin saw its option when LCP started" \
	log_has lns pppd.log PPP_LCP on-mismatch
summary "loaded: $(grep -o 'l2tp-security [0-9.]*: [^,]*' "$L/charon.log" | head -1); $(grep -o 'l2tpsec [0-9.]* hooks active.*' "$L/xl2tpd.log" | head -1); $(grep -o 'l2tpsec plugin [0-9.]* loaded.*' "$L/pppd.log" | head -1)"

teardown client lns
pcap_stop_all
summary "audit: $(audit_line $CLIENT $LNS)"
check "no plaintext UDP/1701" [ "$(audit_count $CLIENT $LNS l2tp-plaintext)" -eq 0 ]
check "ESP carried the session" [ "$(audit_count $CLIENT $LNS esp)" -gt 0 ]
