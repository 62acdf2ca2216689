#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The crypto socket served by the plugin inside the real charon (private mount and network
# namespaces; an address on lo is the only network): LISTEN installs the kernel block policies,
# which outlive the client's disconnect (fail closed) until a settings reload; OPEN clones the profile (visible in show crypto map)
# and reports CLOSED when nothing answers; bad requests get ERROR, bad bytes drop only that
# client; the socket is root-only.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
cli=${top_builddir:-.}/l2tpsec
charon_plugin_work
charon_plugin_conf "			socket = $work/run/crypto.sock
			open_timeout = 6
			profiles {
				l2tp {
					crypto_map = l2tpsec
					sequence = 10
					connection = lac
					transform_sets = esp-des-sha-transport
					esp_proposals = des-sha1
				}
				orphan {
					connection = not-loaded
					esp_proposals = aes128-sha1
				}
			}" > "$work/strongswan.conf"
cat > "$work/swanctl/swanctl.conf" <<CONF
connections {
	lac {
		version = 1
		local_addrs = 10.99.0.1
		remote_addrs = 10.99.0.2
		proposals = aes128-sha1-modp2048
		local { auth = psk }
		remote { auth = psk }
	}
}
secrets {
	ike-lac { secret = not-logged-test-psk }
}
CONF
mkfifo "$work/a.in"
cat > "$work/run.sh" <<RUN
set -u
mount -t tmpfs tmpfs /run
mount --bind "$work/strongswan.conf" /etc/strongswan.conf
mount --bind "$work/plugins" /usr/lib/ipsec/plugins
mount --bind "$work/swanctl" /etc/swanctl
ip link set lo up
ip addr add 10.99.0.1/24 dev lo
ip route add blackhole 10.98.0.0/24
/usr/lib/ipsec/charon > "$work/charon.out" 2>&1 &
pid=\$!
i=0
until [ -S "$work/run/crypto.sock" ] && swanctl --stats > /dev/null 2>&1; do
	i=\$((i + 1)); [ \$i -gt 100 ] && { echo "charon did not come up"; kill \$pid; exit 1; }
	sleep 0.1
done
swanctl --load-all > "$work/load.out" 2>&1
stat -c %a "$work/run/crypto.sock" > "$work/mode"
export L2TPSEC_SOCKET="$work/run/crypto.sock"
# wait_for FILE PATTERN: bounded wait for a line
wait_for() { i=0; until grep -q "\$2" "\$1"; do i=\$((i + 1)); [ \$i -gt 200 ] && return 1; sleep 0.1; done; }
"$cli" crypto-socket < "$work/a.in" > "$work/a.out" 2>&1 &
cli=\$!
exec 3> "$work/a.in"
echo "listen l2tp 10.99.0.1:1701" >&3
wait_for "$work/a.out" '^OK id=0'
ip xfrm policy > "$work/policy.listen"
echo "query 10.99.0.1:1701 10.99.0.2:1701" >&3
echo "open 8 nosuch 10.99.0.1:1701 10.99.0.2:1701" >&3
echo "open 9 orphan 10.99.0.1:1701 10.99.0.2:1701" >&3
# nothing answers on 10.98.0.0/24: the clone waits, then times out
echo "open 6 l2tp 10.99.0.1:1701 10.98.0.2:1701" >&3
wait_for "$work/a.out" '^OK id=6'
"$cli" show crypto map tag l2tpsec > "$work/show.map" 2>&1
"$cli" show crypto map --json > "$work/show.json" 2>&1
"$cli" show crypto engine connections active > "$work/show.engine" 2>&1
"$cli" show crypto nonsense > "$work/show.bad" 2>&1; echo \$? > "$work/show.bad.rc"
"$cli" sh cry map tag NOPE > "$work/show.nomap" 2>&1; echo \$? > "$work/show.nomap.rc"
"$cli" sh cry isa sa > "$work/show.isakmp" 2>&1
"$cli" show crypto isakmp sa --json > "$work/show.isakmp.json" 2>&1
"$cli" show crypto ipsec sa --json > "$work/show.ipsec.json" 2>&1
"$cli" show crypto ipsec sa peer not-an-address > "$work/show.badpeer" 2>&1; echo \$? > "$work/show.badpeer.rc"
"$cli" clear crypto session remote 10.97.0.9 > "$work/clear.none" 2>&1
"$cli" debug crypto socket > "$work/debug.on" 2>&1
"$cli" show debugging > "$work/debugging" 2>&1; echo \$? > "$work/debugging.rc"
echo "query 10.99.0.1 10.98.0.7:1701" >&3
wait_for "$work/charon.log" 'client [0-9]* -> QUERY'
# requests that cannot go: the tool says what is missing
echo "open 11 l2tp 10.99.0.1:1701 10.99.0.2" >&3
echo "open 12 l2tp 10.99.0.1:1701" >&3
echo "close 13 maybe" >&3
echo "frobnicate" >&3
"$cli" undebug crypto socket > "$work/debug.off" 2>&1
# 10.99.0.2 is this charon itself, which has no config for it: the IKE_SA fails at its NO_PROPOSAL_CHOSEN,
# well before open_timeout even when a loaded host loses the first reply (IKEv1 retransmits after 4 s)
echo "open 7 l2tp 10.99.0.1:1701 10.99.0.2:1701" >&3
wait_for "$work/a.out" '^CLOSED id=7'
wait_for "$work/a.out" '^CLOSED id=6'
"$cli" show crypto map tag l2tpsec > "$work/show.after" 2>&1
# bytes that are not the protocol drop that client only
perl -MIO::Socket::UNIX -e '\$s = IO::Socket::UNIX->new(Peer => \$ARGV[0]) or die; print \$s "\x09\x01\x00\x00junk"; sleep 1' "$work/run/crypto.sock"
swanctl --stats > "$work/stats.after" 2>&1
echo "show crypto map" >&3
exec 3>&-
wait \$cli
sleep 0.5
ip xfrm policy > "$work/policy.left"
swanctl --reload-settings > /dev/null 2>&1
sleep 0.5
ip xfrm policy > "$work/policy.gone"
kill \$pid; wait \$pid
RUN
unshare -m -n --propagation private sh "$work/run.sh"
t grep -qx 600 "$work/mode"
# LISTEN: block policies for plaintext udp/1701 to and from the local endpoint, lowest priority
t grep -A2 -q 'src 10.99.0.1/32 dst 0.0.0.0/0 proto udp sport 1701' "$work/policy.listen"
t grep -q 'src 0.0.0.0/0 dst 10.99.0.1/32 proto udp dport 1701' "$work/policy.listen"
t test "$(grep -c 'action block' "$work/policy.listen")" = 2
t grep -q '^STATUS local=10.99.0.1:1701 remote=10.99.0.2:1701 secured=0' "$work/a.out"
t grep -q '^ERROR id=8 error="no such crypto profile"' "$work/a.out"
t grep -q '^ERROR id=9 error="the profile.s swanctl connection is not loaded"' "$work/a.out"
# the clone, as IOS shows it; it fails after open_timeout as nothing answers
t grep -qx 'Crypto Map "l2tpsec" 10 ipsec-isakmp' "$work/show.map"
t grep -qx 'Crypto Map "l2tpsec" 20 ipsec-isakmp' "$work/show.map"
t grep -qx 'Peer = 10.98.0.2' "$work/show.map"
t grep -qx 'access-list permit udp host 10.99.0.1 port = 1701 host 10.98.0.2 port = 1701' "$work/show.map"
t grep -qx 'L2TP tunnel 6 (active open, profile l2tp): negotiating' "$work/show.map"
t grep -qx 'Transform sets={ esp-des-sha-transport, }' "$work/show.map"
# one description of a profile: the template's show entry says what charon logged at start
summary=$(sed -n 's/^Profile l2tp: //p' "$work/show.map")
t sh -c "echo '$summary' | grep -q '^ESP:DES_CBC/HMAC_SHA1_96/NO_EXT_SEQ, transport mode, .*IKE from connection lac\$'"
t grep -qF "l2tp-security: profile l2tp: $summary" "$work/charon.log"
t grep -qx 'Interfaces using crypto map l2tpsec:' "$work/show.map"
t grep -qx lo "$work/show.map"
t grep -q '"sequence": 20, "profile": "l2tp", "template": false, "peer": "10.98.0.2"' "$work/show.json"
t grep -q '^ID	Interface	IP-Address	State	Algorithm	Encrypt	Decrypt' "$work/show.engine"
t grep -qx "l2tpsec show: % invalid input at 'nonsense'" "$work/show.bad"
t grep -qx 2 "$work/show.bad.rc"
# a crypto map that does not exist is an error, not an empty answer
t grep -qx 'l2tpsec show: no such crypto map' "$work/show.nomap"
t grep -qx 1 "$work/show.nomap.rc"
# the IKE_SA still negotiating with 10.98.0.2, as IOS lists it (we started it: src is us)
t grep -qx 'dst             src             state          conn-id status' "$work/show.isakmp"
t grep -Eq '^10\.98\.0\.2 +10\.99\.0\.1 +MM_[A-Z_]+ +[0-9]+ INACTIVE$' "$work/show.isakmp"
t grep -q '"dst": "10.98.0.2", "src": "10.99.0.1", "state": "MM_' "$work/show.isakmp.json"
t grep -qx '{"ipsec_sas": \[\]}' "$work/show.ipsec.json"
t grep -qx 'l2tpsec show: peer is not an IP address' "$work/show.badpeer"
t grep -qx 1 "$work/show.badpeer.rc"
t grep -qx '0 crypto session(s) cleared' "$work/clear.none"
# debug crypto socket: every message logged while on; show debugging reaches charon (and
# says xl2tpd is not there: exit 1)
t grep -qx 'Crypto socket debugging is on' "$work/debug.on"
t grep -qx '  Crypto socket debugging is on' "$work/debugging"
t grep -q 'l2tpsec show: cannot connect to .*xl2tpd' "$work/debugging"
t grep -qx 1 "$work/debugging.rc"
t grep -q 'CRYPTO_SS(L2X Security): client [0-9]* -> QUERY local=10.99.0.1:1701 remote=10.98.0.7:1701' "$work/charon.log"
t grep -q 'CRYPTO_SS(L2X Security): client [0-9]* <- STATUS local=10.99.0.1:1701 remote=10.98.0.7:1701 secured=0' "$work/charon.log"
t grep -qx 'Crypto socket debugging is off' "$work/debug.off"
# a query without a local port is about the L2TP port, and the answer says so
t grep -q '^STATUS local=10.99.0.1:1701 remote=10.98.0.7:1701 secured=0' "$work/a.out"
t grep -qx "l2tpsec crypto-socket: REMOTE '10.99.0.2' has no port: the peer's L2TP port is needed, e.g. 10.99.0.2:1701" "$work/a.out"
t grep -qx "l2tpsec crypto-socket: open: too few words (open ID PROFILE LOCAL REMOTE \[keep-sa|no-keep-sa\])" "$work/a.out"
t grep -qx "l2tpsec crypto-socket: close: 'maybe' is neither keep-sa nor no-keep-sa" "$work/a.out"
t grep -qx "l2tpsec crypto-socket: unknown request 'frobnicate' (listen, open, close, query, show)" "$work/a.out"
t grep -q 'l2tp-security: crypto socket debugging is off' "$work/charon.log"
t grep -q '^CLOSED id=7 reason=6 (negotiation failed)' "$work/a.out"
t grep -q '^CLOSED id=6 reason=6 (negotiation failed)' "$work/a.out"
# the IKE_SA's end and the initiate call's failure race: either may report it first
t grep -Eq 'tunnel 7 to 10.99.0.2: (IKE_SA failed|initiation failed)' "$work/charon.log"
t grep -q 'tunnel 6 to 10.98.0.2 not secured after 6 seconds' "$work/charon.log"
t not_grep 'Crypto Map "l2tpsec" 20' "$work/show.after"
t grep -q 'crypto socket client [0-9]* dropped: ' "$work/charon.log"
t grep -q 'uptime' "$work/stats.after"
# the last user gone: the block policies stay (fail closed) until a settings reload
t test "$(grep -c 'action block' "$work/policy.left")" = 2
t grep -q 'left, keeping the block policies for plaintext udp 10.99.0.1\[1701\] (fail closed' "$work/charon.log"
t not_grep 'action block' "$work/policy.gone"
t grep -q 'releasing the block policies for plaintext udp 10.99.0.1\[1701\] no client holds' "$work/charon.log"
t grep -q 'removed block policies for plaintext udp 10.99.0.1\[1701\]' "$work/charon.log"
t grep -q 'CRYPTO_SS(L2X Security): Passive open, socket info: local 10.99.0.1/1701' "$work/charon.log"
t grep -q 'L2X: Requested security for socket, UDP socket info: local 10.99.0.1(1701), remote 10.99.0.2(1701)' "$work/charon.log"
t not_grep 'not-logged-test-psk' "$work/charon.log"
[ "$fails" = 0 ] || { echo "--- client"; cat "$work/a.out"; echo "--- charon log"; cat "$work/charon.log" "$work/charon.out" "$work/load.out"; }
finish test_crypto_socket
