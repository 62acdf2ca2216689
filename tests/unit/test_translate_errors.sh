#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad input gets precise diagnostics (FILE:LINE:COL, all problems in one run) and leaves nothing
# half-done; usage errors exit 2; the IOS surface syntax (CRLF, tabs, banners, abbreviations,
# type 7 passwords, `end`) is understood.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
cmd=$(cd "${top_builddir:-.}" && pwd)/l2tpsec
tt=$(cd "${top_srcdir:-.}/tests/translate" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# each bad/*.cfg lists its errors in "! expect:" lines, in the order they are reported (and some
# of its warnings in "! warns:" lines)
for f in "$tt"/bad/*.cfg; do
	name=$(basename "$f")
	(cd "$tt/bad" && "$cmd" check "$name") 2> "$work/err"
	t [ $? = 1 ]
	grep ': error: ' "$work/err" > "$work/got"
	sed -n 's/^! expect: //p' "$f" | tr -d '\r' > "$work/want"
	t diff -u "$work/want" "$work/got"
	t grep -q "^l2tpsec: $(wc -l < "$work/want") errors\?, " "$work/err"
	# and the warnings it lists in "! warns:" lines, among the others
	sed -n 's/^! warns: //p' "$f" | tr -d '\r' | while IFS= read -r w; do
		grep -qxF -- "$w" "$work/err" || { echo "FAIL: $name: no warning '$w'"; exit 1; }
	done
	t [ $? = 0 ]

	# all or nothing: a new OUTDIR is not created, an existing one is left as it was
	(cd "$tt/bad" && "$cmd" translate -o "$work/new" "$name") 2> "$work/err2"
	t [ $? = 1 ]
	t [ ! -e "$work/new" ]
	t grep -q "nothing was written" "$work/err2"
	mkdir -p "$work/old" && echo keep > "$work/old/marker"
	(cd "$tt/bad" && "$cmd" translate -o "$work/old" "$name") 2>/dev/null
	t [ "$(ls -A "$work/old")" = marker ]
	t [ "$(cat "$work/old/marker")" = keep ]
	t [ -z "$(ls -A "$work" | grep l2tpsec-translate)" ]
done

# --strict: warnings fail the run and nothing is written
(cd "$tt/good" && "$cmd" translate --strict -o "$work/strict" syntax.cfg) 2> "$work/err"
t [ $? = 1 ]
t [ ! -e "$work/strict" ]
t grep -q 'syntax.cfg:9:23: error: username: type 5 is a one-way hash' "$work/err"

# the surface syntax, read from standard input
"$cmd" translate -o "$work/syntax" - < "$tt/good/syntax.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q '^<stdin>:9:23: warning: username: type 5' "$work/err"
t grep -q '^"alice"	\*	"cisco"	\*$' "$work/syntax/ppp/chap-secrets"		# type 7 decoded
t sh -c "! grep -q bob '$work/syntax/ppp/chap-secrets'"				# a hash is not a password
t sh -c "! grep -q evil '$work/syntax/xl2tpd/xl2tpd.conf'"			# banner text skipped
t sh -c "grep -A1 'this line is after end' '$work/syntax/README.translation' | grep -q \"after 'end'\""
t grep -q 'proposals = aes256-sha256-modp2048,3des-sha1-modp1024$' "$work/syntax/swanctl/swanctl.conf"
t grep -q 'esp_proposals = aes256-sha1-modp2048,3des-md5-modp2048$' "$work/syntax/swanctl/swanctl.conf"
t grep -q 'life_bytes = 256000000$' "$work/syntax/swanctl/swanctl.conf"
t grep -q 'dpd_delay = 20s$' "$work/syntax/swanctl/swanctl.conf"
t grep -q '^l2tpsec ip pmtu = yes$' "$work/syntax/xl2tpd/xl2tpd.conf"
t grep -q '^challenge = no$' "$work/syntax/xl2tpd/xl2tpd.conf"
t grep -q '^ip range = 10.20.0.10-10.20.0.50$' "$work/syntax/xl2tpd/xl2tpd.conf"
t grep -q '^local ip = 192.0.2.1$' "$work/syntax/xl2tpd/xl2tpd.conf"
t grep -q '^require-mschap-v2$' "$work/syntax/ppp/options.dialin"
t grep -q '^mtu 1400$' "$work/syntax/ppp/options.dialin"
t grep -q '^ms-dns 192.0.2.54$' "$work/syntax/ppp/options.dialin"
# a second run replaces the whole directory
echo stale > "$work/syntax/stale"
"$cmd" translate -o "$work/syntax" "$tt/good/syntax.cfg" 2>/dev/null
t [ ! -e "$work/syntax/stale" ]
t [ -f "$work/syntax/swanctl/swanctl.conf" ]

# a one-line banner as IOS prints it (the closing delimiter in a later word) swallows nothing,
# and a comment may have any number of words
{
	printf 'banner motd ^CAuthorized access only^C\nvpdn enable\nvpdn-group dialin\n'
	printf ' accept-dialin\n  protocol l2tp\n  virtual-template 1\n terminate-from hostname LAC\n'
	printf 'banner login ^CNo unauthorized\naccess, ^C\n! %s\n' "$(seq 1 40 | tr '\n' ' ')"
} > "$work/banner.cfg"
"$cmd" translate -o "$work/banner" "$work/banner.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q '^\[lns dialin\]$' "$work/banner/xl2tpd/xl2tpd.conf"
t sh -c "! grep -q 'words on one line' '$work/err'"

# many groups, one per LAC host name: one options file each (the output set grows past any
# fixed size)
awk 'BEGIN { print "crypto isakmp policy 1\n authentication pre-share\n encr aes\n group 14"
	print "crypto isakmp key k address 0.0.0.0 0.0.0.0"
	print "crypto ipsec transform-set ts esp-aes esp-sha-hmac\n mode transport"
	print "crypto map m 1 ipsec-isakmp profile p\n set transform-set ts"
	print "interface Gi0/0\n ip address 198.51.100.1 255.255.255.0\n crypto map m"
	for (i = 1; i <= 40; i++)
		printf "vpdn-group g%d\n accept-dialin\n  protocol l2tp\n terminate-from hostname lac%d\n l2tp security crypto-profile p\n", i, i
}' > "$work/many.cfg"
"$cmd" translate -o "$work/many" "$work/many.cfg" 2>/dev/null
t [ $? = 0 ]
t [ "$(ls "$work/many/ppp" | grep -c '^options\.g')" = 40 ]
t grep -q 'vpdn-groups g1,g2,g3,.*,g40$' "$work/many/strongswan.d/charon/l2tp-security.conf"

# an unknown command is quoted whole, what follows a secret's keyword (misspelled too) masked,
# unprintable bytes escaped; the lines under an unknown global command are said once, with it;
# router housekeeping (line vty, enable secret, ...) is no warning, its secrets cut out too
printf 'router ospf 1\n network 10.0.0.0 0.255.255.255 area 0\ntacacs-server key 7 s3cr3t-tac\nno cdp run\n' > "$work/unknown.cfg"
printf 'snmp-server comunity s3cr3t-snmp RO\nlogin-block \033[31mred\nline vty 0 4\n password s3cr3t-vty\n' >> "$work/unknown.cfg"
printf 'enable secret 5 s3cr3t-en\nversion 15.7\n' >> "$work/unknown.cfg"
"$cmd" translate -o "$work/unknown" "$work/unknown.cfg" 2> "$work/err"
t grep -q "unknown.cfg:1:1: warning: unsupported command, not translated: 'router ospf 1' (nor the lines under it)" "$work/err"
t sh -c "! grep -q 'unknown.cfg:2:' '$work/err'"		# said once, for its block
t grep -q "unknown.cfg:3:1: warning: unsupported command, not translated: 'tacacs-server key 7 <secret>'" "$work/err"
t grep -q "unknown.cfg:4:1: warning: unsupported command, not translated: 'no cdp run'" "$work/err"
t grep -q "unknown.cfg:5:1: warning: unsupported command, not translated: 'snmp-server comunity <secret> RO'" "$work/err"
t grep -qF "unknown.cfg:6:1: warning: unsupported command, not translated: 'login-block \x1b[31mred'" "$work/err"
t sh -c "! grep -q 'unknown.cfg:[789]:\|unknown.cfg:10:' '$work/err'"	# housekeeping
t sh -c "! grep -q s3cr3t '$work/err' '$work/unknown/README.translation'"
t sh -c "! grep -q \"\$(printf '\033')\" '$work/err'"
t grep -A1 '^    7  line vty 0 4' "$work/unknown/README.translation" | grep -q 'housekeeping'

# a typo where security is decided is an error (nothing written), with the command it resembles;
# --lenient makes it a warning
printf 'vpdn enable\nvpdn-group dialin\n accpet-dialin\n  protocol l2tp\n terminate-from hostname LAC\n' > "$work/typo.cfg"
printf ' l2tp tunnel pasword 7 s3cr3t-tunnel\ncrypto isakmp policy 1\n authentcation pre-share\n' >> "$work/typo.cfg"
"$cmd" translate -o "$work/typo" "$work/typo.cfg" 2> "$work/err"
t [ $? = 1 ]
t [ ! -e "$work/typo" ]
t grep -q "typo.cfg:3:2: error: unknown command in vpdn-group dialin: 'accpet-dialin' (did you mean 'accept-dialin'?)" "$work/err"
t grep -q "typo.cfg:6:2: error: unknown command in vpdn-group dialin: 'l2tp tunnel pasword 7 <secret>' (did you mean 'l2tp tunnel password'?)" "$work/err"
t grep -q "typo.cfg:8:2: error: unknown command in crypto isakmp policy 1: 'authentcation pre-share' (did you mean 'authentication'?)" "$work/err"
t sh -c "! grep -q s3cr3t '$work/err'"
"$cmd" translate --lenient -o "$work/typo" "$work/typo.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q "typo.cfg:3:2: warning: unknown command in vpdn-group dialin, not translated (--lenient): 'accpet-dialin'" "$work/err"

# valid IOS that used to be refused: a cleartext password with spaces, abbreviated arguments, a
# pool of several ranges (one line each) with IOS's group and cache-size keywords
{
	printf 'username carol password 0 p@ss w0rd  \nvpdn enable\nvpdn-group d\n accept-dialin\n'
	printf '  protocol l2tp\n  virtual-template 1\n l2tp security crypto-profile p\n'
	printf 'crypto isakmp policy 1\n authentication pre\n encr aes\n group 14\n'
	printf 'crypto isakmp key k address 0.0.0.0 0.0.0.0\n'
	printf 'crypto ipsec transform-set ts esp-aes esp-sha-hmac\n mode trans\n'
	printf 'crypto map m 1 ipsec-isakmp profile p\n set transform-set ts\n'
	printf 'interface Gi0/0\n ip address 192.0.2.1 255.255.255.0\n crypto map m\n'
	printf 'interface Virtual-Template1\n peer default ip address pool CUST\n'
	printf 'ip local pool CUST 10.1.0.10 10.1.0.20\nip local pool CUST 10.2.0.10 10.2.0.20 group G1 cache-size 20\n'
} > "$work/valid.cfg"
"$cmd" translate --strict -o "$work/valid" "$work/valid.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q '^"carol"	\*	"p@ss w0rd"	\*$' "$work/valid/ppp/chap-secrets"
t grep -q 'proposals = aes128-sha1-modp2048$' "$work/valid/swanctl/swanctl.conf"
t grep -q 'mode = transport$' "$work/valid/swanctl/swanctl.conf"
t [ "$(grep -c '^ip range = ' "$work/valid/xl2tpd/xl2tpd.conf")" = 2 ]
t grep -q '^ip range = 10.2.0.10-10.2.0.20$' "$work/valid/xl2tpd/xl2tpd.conf"
t sh -c "! grep -q 'w0rd' '$work/valid/README.translation'"

# said as it is: a method list without aaa new-model is not used by IOS; an unnumbered template whose
# interface does not exist gives no address (README.translation does not claim one)
printf 'aaa authentication ppp default group radius local\ninterface Virtual-Template1\n ip unnumbered Loopback99\n' > "$work/said.cfg"
"$cmd" translate -o "$work/said" "$work/said.cfg" 2> "$work/err"
t grep -q "said.cfg:1:1: warning: aaa authentication ppp default without 'aaa new-model': IOS does not use it; not translated" "$work/err"
t grep -q "said.cfg:3:1: warning: Virtual-Template1: ip unnumbered Loopback99: no such interface" "$work/err"
t sh -c "! grep -q \"Loopback99's address\" '$work/said/README.translation'"
t grep -A1 'aaa authentication ppp default group radius' "$work/said/README.translation" | grep -q 'not translated'

# diagnostics in line order, at most 100 and a count, control bytes escaped (not a flood of raw
# bytes into the terminal)
{
	printf 'vpdn-group g\n accept-dialin\n  protocol l2tp\n'
	for i in $(seq 1 250); do printf 'junk%d \033]0;title\007\n' "$i"; done
	printf 'ip local pool P 10.0.0.9 10.0.0.1\n'
} > "$work/flood.cfg"
"$cmd" check "$work/flood.cfg" 2> "$work/err"
t [ $? = 1 ]
t [ "$(grep -c '^.*flood.cfg:[0-9]*:[0-9]*: ' "$work/err")" = 100 ]
t grep -q "flood.cfg: 153 more diagnostics not shown (1 error, 252 warnings in all)" "$work/err"
t sh -c "! grep -q \"\$(printf '\033')\" '$work/err'"
t grep -qF "flood.cfg:4:1: warning: unsupported command, not translated: 'junk1 \x1b]0;title\x07'" "$work/err"
t [ "$(grep -o 'flood.cfg:[0-9][0-9]*' "$work/err" | cut -d: -f2 | sort -n | tr '\n' ' ')" = \
	"$(grep -o 'flood.cfg:[0-9][0-9]*' "$work/err" | cut -d: -f2 | tr '\n' ' ')" ]

# --modernize replaces weak algorithms line by line and keeps MODP1024 (the built-in Windows and
# Android clients need it), saying so; the final proposals are in README.translation
"$cmd" translate --modernize -o "$work/modern" "$tt/../../profiles/ios/lns-windows-dynamic.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q 'proposals = aes256-sha1-modp2048,aes256-sha1-modp1024$' "$work/modern/swanctl/swanctl.conf"
t grep -q 'esp_proposals = aes256-sha1$' "$work/modern/swanctl/swanctl.conf"
t grep -q "windows-dynamic.cfg:25:1: warning: isakmp policy 20: DH group 2 is weak (kept by --modernize: Windows and Android clients" "$work/err"
t grep -q "windows-dynamic.cfg:25:1: warning: isakmp policy 20: 3des encryption is weak (replaced by --modernize" "$work/err"
t sh -c "! grep -q 'policy 10' '$work/err'"
t grep -q '^  WIN-DYN: IKE aes256-sha1-modp2048,aes256-sha1-modp1024; ESP aes256-sha1$' "$work/modern/README.translation"

# a template's WINS servers, keepalive and CHAP host name reach pppd (and pppd takes them: the
# daemons test loads every golden options file)
{
	printf 'vpdn enable\nvpdn-group d\n accept-dialin\n  protocol l2tp\n  virtual-template 1\n'
	printf ' terminate-from hostname LAC\ninterface Virtual-Template1\n ppp ipcp wins 192.0.2.7 192.0.2.8\n'
	printf ' keepalive 20 3\n ppp chap hostname LNS-CHAP\ninterface Virtual-Template2\n no keepalive\n'
	printf 'vpdn-group e\n accept-dialin\n  protocol l2tp\n  virtual-template 2\n terminate-from hostname LAC2\n'
} > "$work/ppp.cfg"
"$cmd" translate -o "$work/ppp" "$work/ppp.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q '^ms-wins 192.0.2.7$' "$work/ppp/ppp/options.d"
t grep -q '^ms-wins 192.0.2.8$' "$work/ppp/ppp/options.d"
t grep -q '^lcp-echo-interval 20$' "$work/ppp/ppp/options.d"
t grep -q '^lcp-echo-failure 3$' "$work/ppp/ppp/options.d"
t grep -q '^name LNS-CHAP$' "$work/ppp/ppp/options.d"
t grep -q '^lcp-echo-interval 0$' "$work/ppp/ppp/options.e"
t sh -c "! grep -q 'unsupported' '$work/err'"

# one crypto map on two interfaces answers on both addresses, one whose address comes by DHCP
# on any; a key for an IPv6 peer is an IKE secret with that identity (xl2tpd: IPv4 only, said)
{
	printf 'vpdn enable\nvpdn-group d\n accept-dialin\n  protocol l2tp\n  virtual-template 1\n'
	printf ' l2tp security crypto-profile p\ncrypto isakmp policy 1\n authentication pre-share\n'
	printf 'crypto isakmp key k address 0.0.0.0 0.0.0.0\ncrypto isakmp key k6 address ipv6 2001:db8::9/128\n'
	printf 'crypto isakmp key k7 address ipv6 2001:db8:1::/48\n'
	printf 'crypto ipsec transform-set ts esp-aes esp-sha-hmac\n mode transport\n'
	printf 'crypto map m 1 ipsec-isakmp profile p\n set transform-set ts\n'
	printf 'crypto map n 1 ipsec-isakmp profile q\n set transform-set ts\n'
	printf 'interface Gi0/0\n ip address 192.0.2.1 255.255.255.0\n crypto map m\n'
	printf 'interface Gi0/1\n ip address 198.51.100.1 255.255.255.0\n crypto map m\n'
	printf 'interface Dialer1\n ip address dhcp\n crypto map n\n'
} > "$work/ifs.cfg"
"$cmd" translate --ipsec-conf -o "$work/ifs" "$work/ifs.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q 'local_addrs = 192.0.2.1,198.51.100.1$' "$work/ifs/swanctl/swanctl.conf"
t grep -q 'local_addrs = %any$' "$work/ifs/swanctl/swanctl.conf"
t grep -q 'id = 2001:db8::9$' "$work/ifs/swanctl/swanctl.conf"
t grep -q 'id = 2001:db8:1::/48$' "$work/ifs/swanctl/swanctl.conf"
t grep -q '^2001:db8::9 : PSK "k6"$' "$work/ifs/ipsec.secrets"
t grep -q "ifs.cfg:10:30: warning: crypto isakmp key for IPv6 peer 2001:db8::9/128: translated for IKE, but xl2tpd serves L2TP over IPv4 only" "$work/err"
printf 'crypto isakmp key k address ipv6 2001:db8::zz/64\n' > "$work/ipv6bad.cfg"
"$cmd" check "$work/ipv6bad.cfg" 2> "$work/err"
t [ $? = 1 ]
t grep -q "ipv6bad.cfg:1:34: error: crypto isakmp key: expected 'address ipv6 ADDRESS/LENGTH'" "$work/err"

# keys defined only in a keyring are kept (swanctl secrets for their peers); an isakmp profile's
# keepalive is taken, its identity match said to be untranslated; a typo inside either is an error
{
	printf 'vpdn enable\nvpdn-group d\n accept-dialin\n  protocol l2tp\n  virtual-template 1\n'
	printf 'crypto keyring WIN\n pre-shared-key address 0.0.0.0 0.0.0.0 key s3cr3t-ring\n'
	printf ' pre-shared-key address 192.0.2.9 key s3cr3t-host\n'
	printf 'crypto isakmp profile WINP\n keyring WIN\n match identity address 0.0.0.0\n keepalive 15 retry 3\n'
	printf 'crypto isakmp policy 1\n authentication pre-share\n encr aes\n group 14\n'
	printf 'crypto isakmp nat keepalive 20\n'
	printf 'crypto ipsec transform-set ts esp-aes esp-sha-hmac\n mode transport\n'
	printf 'crypto dynamic-map DYN 10\n set transform-set ts\n set isakmp-profile WINP\n'
	printf 'crypto map OUT 10 ipsec-isakmp dynamic DYN\ninterface Gi0/0\n ip address 192.0.2.1 255.255.255.0\n crypto map OUT\n'
} > "$work/ring.cfg"
"$cmd" translate -o "$work/ring" "$work/ring.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q 'secret = "s3cr3t-ring"' "$work/ring/swanctl/swanctl.conf"
t grep -A1 's3cr3t-host' "$work/ring/swanctl/swanctl.conf" | grep -q 'id = 192.0.2.9$'
t grep -q 'dpd_delay = 15s$' "$work/ring/swanctl/swanctl.conf"
t grep -q "ring.cfg:11:2: warning: isakmp profile WINP: match identity is not translated" "$work/err"
t grep -q "ring.cfg:17:1: warning: crypto isakmp nat keepalive: not translated" "$work/err"
t sh -c "! grep -q \"no 'crypto isakmp key' at all\" '$work/err'"
t sh -c "! grep -q s3cr3t '$work/err' '$work/ring/README.translation'"
printf 'crypto keyring K\n pre-shared-kye address 0.0.0.0 0.0.0.0 key s3cr3t\n' > "$work/ringtypo.cfg"
"$cmd" check "$work/ringtypo.cfg" 2> "$work/err"
t [ $? = 1 ]
t grep -q "ringtypo.cfg:2:2: error: unknown command in crypto keyring K: 'pre-shared-kye <secret> 0.0.0.0 0.0.0.0 key <secret>' (did you mean 'pre-shared-key'?)" "$work/err"

# what real templates and interfaces carry is read, not refused: details with nothing to do,
# MPPE 128 (pppd requires it), said where Linux does it differently, never an error
{
	printf 'vpdn enable\nvpdn-group d\n accept-dialin\n  protocol l2tp\n  virtual-template 1\n'
	printf ' terminate-from hostname LAC\ninterface Virtual-Template1\n encapsulation ppp\n'
	printf ' no ip route-cache\n ip virtual-reassembly\n ip tcp adjust-mss 1360\n ppp encrypt mppe 128\n'
	printf ' ppp chap password 0 s3cr3t-chap\n ppp mtu adaptive\n no shutdown\n description clients\n'
	printf 'interface Gi0/1\n ip nat outside\n negotiation auto\n shutdown\n'
} > "$work/vt.cfg"
"$cmd" translate -o "$work/vt" "$work/vt.cfg" 2> "$work/err"
t [ $? = 0 ]
t grep -q '^require-mppe-128$' "$work/vt/ppp/options.d"
t grep -q "vt.cfg:11:2: warning: ip tcp: not translated: clamp the TCP MSS" "$work/err"
t grep -q "vt.cfg:13:2: warning: ppp chap: not translated" "$work/err"
t grep -q "vt.cfg:14:10: warning: ppp mtu adaptive: not translated (l2tpsec ip pmtu" "$work/err"
t grep -q "vt.cfg:18:2: warning: ip nat: not translated" "$work/err"
t grep -q "vt.cfg:20:2: warning: interface Gi0/1 is shut down" "$work/err"
t sh -c "! grep -q 'unsupported\|unknown command\|s3cr3t' '$work/err' '$work/vt/README.translation'"
t grep -A1 ' description clients' "$work/vt/README.translation" | grep -q 'nothing to translate'
t grep -A1 ' ppp mtu adaptive' "$work/vt/README.translation" | grep -q "see 'ip pmtu'"

# a pool inside a LAN's subnet: pppd answers ARP for the clients there (IOS's proxy ARP)
{
	printf 'vpdn enable\nvpdn-group d\n accept-dialin\n  protocol l2tp\n  virtual-template 1\n'
	printf ' terminate-from hostname LAC\ninterface Gi0/1\n ip address 192.168.10.1 255.255.255.0\n'
	printf 'interface Virtual-Template1\n peer default ip address pool LAN\n'
	printf 'interface Virtual-Template2\n peer default ip address pool OWN\n'
	printf 'vpdn-group e\n accept-dialin\n  protocol l2tp\n  virtual-template 2\n terminate-from hostname LAC2\n'
	printf 'ip local pool LAN 192.168.10.200 192.168.10.220\nip local pool OWN 10.99.0.10 10.99.0.20\n'
} > "$work/parp.cfg"
"$cmd" translate -o "$work/parp" "$work/parp.cfg" 2> /dev/null
t grep -q '^proxyarp$' "$work/parp/ppp/options.d"
t sh -c "! grep -q proxyarp '$work/parp/ppp/options.e'"

# global vpdn commands are themselves, not abbreviated vpdn-groups
printf 'vpdn enable\nvpdn search-order domain\nvpdn ip udp ignore checksum\nvpdn history failure\n' > "$work/vpdn.cfg"
printf 'vpdn source-ip 192.0.2.1\nvpdn authen-before-forward\nvpdn frobnicate now\n' >> "$work/vpdn.cfg"
"$cmd" translate -o "$work/vpdn" "$work/vpdn.cfg" 2> "$work/err"
t [ $? = 0 ]
t sh -c "! grep -q '^\[l[an]s' '$work/vpdn/xl2tpd/xl2tpd.conf'"
t sh -c "! grep -q 'vpdn.cfg:[234]:' '$work/err'"
t grep -q "vpdn.cfg:5:1: warning: vpdn source-ip: not translated" "$work/err"
t grep -q "vpdn.cfg:6:1: warning: vpdn authen-before-forward: not translated" "$work/err"
t grep -q "vpdn.cfg:7:1: warning: unsupported command, not translated: 'vpdn frobnicate now'" "$work/err"
t grep -A1 'vpdn ip udp ignore checksum' "$work/vpdn/README.translation" | grep -q 'zero UDP checksum'

# a LAC's RADIUS tunnels: the global vpdn-template must exist and protect them; a named one and
# an undefined tunnel authorization list are said
rad='aaa new-model\naaa authorization network default group radius\nradius-server host 192.0.2.5 key k\n'
printf "$rad"'vpdn-group 1\n request-dialin\n  protocol l2tp\n  domain a.example\n initiate-to ip 192.0.2.13\n' > "$work/aaa1.cfg"
"$cmd" translate -o "$work/aaa1" "$work/aaa1.cfg" 2> "$work/err"
t grep -q "aaa1.cfg:2:1: warning: aaa authorization network default: RADIUS's tunnels take their settings from the global vpdn-template, and there is none" "$work/err"
t [ ! -e "$work/aaa1/ppp/l2tpsec-dialin-aaa" ]
printf "$rad"'vpdn-template\n l2tp tunnel busy timeout 60\nvpdn-template other\n l2tp tunnel busy timeout 60\n' > "$work/aaa2.cfg"
"$cmd" translate -o "$work/aaa2" "$work/aaa2.cfg" 2> "$work/err"
t grep -q "aaa2.cfg:4:1: warning: vpdn-template: no 'l2tp security crypto-profile': RADIUS's tunnels would carry L2TP without IPsec; not translated" "$work/err"
t grep -q "aaa2.cfg:6:15: warning: vpdn-template other: named templates" "$work/err"
t [ ! -e "$work/aaa2/ppp/l2tpsec-dialin-aaa" ]
printf "$rad"'vpdn tunnel authorization network NOPE\n' > "$work/aaa3.cfg"
"$cmd" translate -o "$work/aaa3" "$work/aaa3.cfg" 2> "$work/err"
t grep -q "aaa3.cfg:4:1: error: vpdn tunnel authorization network NOPE: no 'aaa authorization network NOPE' defines it" "$work/err"

# usage errors: exit 2
"$cmd" translate "$tt/good/syntax.cfg" 2>/dev/null; t [ $? = 2 ]
"$cmd" translate -o "$work/x" 2>/dev/null; t [ $? = 2 ]
"$cmd" translate --frobnicate -o "$work/x" "$tt/good/syntax.cfg" 2>/dev/null; t [ $? = 2 ]
"$cmd" check --modernize "$tt/good/syntax.cfg" 2>/dev/null; t [ $? = 2 ]
"$cmd" check "$work/does-not-exist.cfg" 2>/dev/null; t [ $? = 1 ]
# OUTDIR is replaced as a whole: never the system's directories (exit 2, nothing touched)
for d in / /etc /etc/l2tpsec-new /usr/local /var /proc/l2tpsec-cannot-be-here "$HOME" /tmp/../etc; do
	"$cmd" translate -o "$d" "$tt/good/syntax.cfg" 2> "$work/err"
	t [ $? = 2 ]
	t grep -q "^l2tpsec: refusing to write into " "$work/err"
done
t [ ! -e /etc/l2tpsec-new ]
# ... nor a directory holding files it did not write (a mistyped -o)
mkdir -p "$work/etc-copy/ssh" && echo root > "$work/etc-copy/passwd" &&
	echo Port > "$work/etc-copy/ssh/sshd_config"
"$cmd" translate -o "$work/etc-copy" "$tt/good/syntax.cfg" 2> "$work/err"
t [ $? = 2 ]
t grep -q "refusing to replace $work/etc-copy: it holds files l2tpsec translate did not write" "$work/err"
t [ "$(cat "$work/etc-copy/passwd")" = root ] && t [ -f "$work/etc-copy/ssh/sshd_config" ]
t [ ! -e "$work/etc-copy/swanctl" ]
# ... nor a symbolic link; an empty directory is fine, and gets the marker
ln -s "$work/etc-copy" "$work/link"
"$cmd" translate -o "$work/link" "$tt/good/syntax.cfg" 2> "$work/err"
t [ $? = 2 ]
t grep -q "is a symbolic link" "$work/err"
mkdir "$work/empty"
"$cmd" translate -o "$work/empty" "$tt/good/syntax.cfg" 2>/dev/null
t [ $? = 0 ]
t grep -q "^Written by l2tpsec translate from $tt/good/syntax.cfg" "$work/empty/.l2tpsec-translate"
finish test_translate_errors
