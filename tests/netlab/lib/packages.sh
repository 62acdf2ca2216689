# SPDX-License-Identifier: GPL-2.0-or-later
# packages (sourced by scenarios/packages*.sh, which name the release): the Debian packages
# (scripts/package --release) on a fresh Debian root of that release (scripts/debroot lab:
# debootstrap, the stock strongswan, charon-systemd, xl2tpd and ppp, nothing of ours), booted with
# systemd as init. The packages are installed beside the stock daemons: the stock xl2tpd is
# diverted (kept byte for byte), the LNS runs as the services an operator starts (charon-systemd's
# strongswan.service, xl2tpd.service with the l2tpsec drop-in, logging to the journal) from /etc,
# Cisco's Windows LNS recipe translated and applied (l2tpsec translate, apply), a protected
# client session comes up, `systemctl restart strongswan` with the session up takes
# xl2tpd down and up with it and leaves nothing in plaintext, the client dials again; then the
# packages are purged and the stock daemons are back as they were. The client (a namespace) runs
# the installed plugin and patched xl2tpd too.
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
lab_init "$1"

XL2TPD_L2TPSEC=/usr/sbin/xl2tpd		# the package's, through the diversion
LNS=10.0.0.13 CLIENT=10.0.0.12
PPP_LNS=10.20.0.1	# the translated profile's Loopback0
PKGS="strongswan-l2tp-security xl2tpd-l2tpsec ppp-l2tpsec l2tpsec"
DEBS=$NETLAB_TOP/build/packages/$NETLAB_RELEASE
OUT=$LAB_OUT/lns
mkdir -p "$OUT"

# stock_state FILE: what "the stock daemons as they were" means, in one file
stock_state() {
	{ sha256sum /usr/sbin/xl2tpd
	  dpkg-query -W -f '${Package} ${Version} ${db:Status-Abbrev}\n' strongswan-libcharon \
		charon-systemd strongswan-swanctl xl2tpd ppp libstrongswan
	  echo "diversions: $(dpkg-divert --list '*xl2tpd*' | xargs)"
	  ls /usr/lib/ipsec/plugins /usr/lib/pppd/*/ /etc/strongswan.d/charon
	  systemctl show -p Type -p FragmentPath -p SourcePath -p DropInPaths xl2tpd.service
	} > "$1" 2>&1
}
# svc VERB UNIT...: systemctl; when it fails, the units' status and journal are kept as evidence
svc() {
	local verb=$1 u
	shift
	systemctl "$verb" "$@" > /dev/null 2>&1 && return 0
	for u in "$@"; do
		{ systemctl status --no-pager "$u"; journalctl -b --no-pager -u "$u"; } > "$OUT/$verb-$u.txt" 2>&1
	done
	return 1
}
main_pid() { systemctl show -p MainPID --value "$1"; }
journal_has() { journalctl -q --no-pager -t "$1" | grep -q -- "$2"; }
# the client: l2tpsec at its end too (so nothing of its own leaks when the LNS restarts), speaking
# what the translated LNS asks for (AES-256, SHA-1, MODP2048, the wildcard key)
enforced_windows_client() {
	local e
	e=$(etc client)
	NETLAB_PSK=windows-psk enforced_charon client local=$CLIENT remote=$LNS \
		proposals=aes256-sha1-modp2048 esp=aes256-sha1 || return 1
	{ xl2tpd_global_gen; xl2tpd_lac_gen lns=$LNS profile=l2tp; } > "$e/xl2tpd/xl2tpd.conf"
	client_ppp client alice
	xl2tpd_start client "$XL2TPD_L2TPSEC"
}

check "systemd is PID 1" [ "$(cat /proc/1/comm)" = systemd ]
check "a fresh Debian $NETLAB_RELEASE root, none of our files in it" sh -c \
	"grep -q 'VERSION_CODENAME=$NETLAB_RELEASE' /etc/os-release && [ ! -e /usr/sbin/l2tpsec ] &&
	 ! ls /usr/lib/ipsec/plugins/*l2tp* /usr/local/sbin/* 2>/dev/null | grep -q ."
check "the packages were built (scripts/package)" ls "$DEBS"/xl2tpd-l2tpsec_*.deb
stock_state "$OUT/stock-before.txt"

# --- install beside the stock packages ------------------------------------------------------------
check "dpkg -i the four packages" sh -c "dpkg -i $(for p in $PKGS; do echo "$DEBS/${p}_*.deb"; done | xargs) > '$OUT/dpkg-install.log' 2>&1"
check "all four installed" sh -c "for p in $PKGS; do dpkg-query -W -f '\${db:Status-Abbrev}' \$p | grep -q '^ii' || exit 1; done"
check "Debian's xl2tpd is diverted, kept byte for byte" sh -c "
	dpkg-divert --list /usr/sbin/xl2tpd | grep -q 'diversion of /usr/sbin/xl2tpd to /usr/sbin/xl2tpd.stock by xl2tpd-l2tpsec' &&
	grep -q \"^\$(sha256sum /usr/sbin/xl2tpd.stock | cut -d' ' -f1) \" '$OUT/stock-before.txt'"
check "/usr/sbin/xl2tpd is the patched one, from the package" sh -c "
	grep ' usr/sbin/xl2tpd\$' /var/lib/dpkg/info/xl2tpd-l2tpsec.md5sums > '$OUT/xl2tpd.md5' &&
	(cd / && md5sum -c --quiet '$OUT/xl2tpd.md5') && grep -q 'l2tpsec crypto profile' /usr/sbin/xl2tpd"
check "the plugins are where the stock daemons load them" sh -c "
	dpkg -S /usr/lib/ipsec/plugins/libstrongswan-l2tp-security.so | grep -q '^strongswan-l2tp-security:' &&
	dpkg -S \$(dirname \$(dpkg -L ppp | grep -m1 '/pppd/[0-9.]*/.*\.so\$'))/l2tpsec.so | grep -q '^ppp-l2tpsec:'"
check "no libtool .la files in the plugin directories" not sh -c "ls /usr/lib/ipsec/plugins/*l2tp* /usr/lib/pppd/*/l2tpsec* | grep -q '\.la$'"
check "tmpfiles made /run/l2tpsec, root's only" [ "$(stat -c %a /run/l2tpsec 2>/dev/null)" = 750 ]
check "xl2tpd.service runs the patched xl2tpd in the foreground, after strongSwan" sh -c "
	systemctl show -p ExecStart xl2tpd.service | grep -q 'path=/usr/sbin/xl2tpd ; argv\[\]=/usr/sbin/xl2tpd -D' &&
	systemctl show -p After xl2tpd.service | grep -q 'strongswan.service' &&
	systemctl show -p PartOf xl2tpd.service | grep -q 'strongswan.service'"

# --- the LNS's configuration: Cisco's Windows LNS recipe, translated and applied ------------------
check "l2tpsec translate (installed) lns-windows-dynamic.cfg" sh -c \
	"/usr/sbin/l2tpsec translate -o $OUT/translated $NETLAB_TOP/profiles/ios/lns-windows-dynamic.cfg > $OUT/translate.log 2>&1"
: > /etc/ppp/options	# Debian's asks for a modem line (crtscts, lock)
check "l2tpsec apply --dry-run: the diff, no secret in it" sh -c \
	"/usr/sbin/l2tpsec apply --dry-run $OUT/translated > $OUT/apply-dry.txt 2>&1 &&
	 grep -q '^+l2tpsec crypto profile = WIN-DYN' $OUT/apply-dry.txt && ! grep -q windows-psk $OUT/apply-dry.txt"
check "l2tpsec apply (charon and xl2tpd not running yet)" sh -c \
	"/usr/sbin/l2tpsec apply $OUT/translated > $OUT/apply.txt 2>&1"
check "the secrets are root's only" sh -c \
	"[ \$(stat -c %a /etc/swanctl/swanctl.conf) = 600 ] && [ \$(stat -c %a /etc/ppp/chap-secrets) = 600 ]"
# the LNS's pppd logs where the lab keeps evidence
echo "logfile $OUT/pppd.log" >> /etc/ppp/options

# the wire: this (root) namespace is the LNS, the client a namespace beside it
host_add client
ip link add lns0 type veth peer name tmp-client
ip link set tmp-client netns client name to-lns
ip addr add $LNS/24 dev lns0; ip link set lns0 up
ip -n client addr add $CLIENT/24 dev to-lns; ip -n client link set to-lns up
pcap_start client to-lns

# --- the services ---------------------------------------------------------------------------------
check "systemctl start strongswan (charon-systemd, swanctl --load-all)" svc start strongswan.service
check "charon loaded the plugin and the translated profile" wait_for 20 "charon profile" \
	journal_has charon-systemd "l2tp-security [0-9.]*: 1 crypto profile(s): WIN-DYN"
check "systemctl start xl2tpd" svc start xl2tpd.service
check "xl2tpd: the patched one, in the journal as xl2tpd" wait_for 20 "xl2tpd hooks" \
	journal_has xl2tpd "l2tpsec [0-9.]* hooks active"
check "xl2tpd reached the crypto socket and listens" wait_for 20 "xl2tpd LISTEN" \
	journal_has xl2tpd "l2tpsec: passive open for crypto profile WIN-DYN on port 1701"

check "client: installed plugin + patched xl2tpd, the LNS's key and proposals" enforced_windows_client
check "client: dial" xl2tpd_control client "c lns"
check "client: ppp0 up" wait_for 60 "client ppp0" ppp_up client
check "client pings the LNS" ping_from client $PPP_LNS 3
check "l2tpsec show vpdn (installed command): the tunnel is protected" sh -c "
	/usr/sbin/l2tpsec show vpdn --json > '$OUT/vpdn.json' 2>&1 && grep -q '\"sessions\": 1, \"protected\": true' '$OUT/vpdn.json'"

# --- systemctl restart strongswan with the session up ---------------------------------------------
xpid=$(main_pid xl2tpd.service)
check "systemctl restart strongswan" svc restart strongswan.service
check "xl2tpd was restarted with it (PartOf)" wait_for 20 "xl2tpd restarted" sh -c \
	"[ \"\$(systemctl show -p MainPID --value xl2tpd.service)\" != '$xpid' ] && [ \"\$(systemctl show -p MainPID --value xl2tpd.service)\" != 0 ]"
check "client: its session ended (its SA went with the LNS's charon)" wait_for 40 "client pppd gone" pppd_gone client
check "lns: xl2tpd listens again" wait_for 30 "xl2tpd LISTEN again" sh -c \
	"[ \$(journalctl -q --no-pager -t xl2tpd | grep -c 'passive open for crypto profile WIN-DYN') -ge 2 ]"
check "client: dial again" xl2tpd_control client "c lns"
check "client: ppp0 up again" wait_for 60 "client ppp0 again" ppp_up client
check "client pings the LNS again" ping_from client $PPP_LNS 3
check "client: hangs up" kill_on client TERM pppd
check "client: session gone" wait_for 20 "client pppd gone" pppd_gone client
sleep 1
pcap_stop_all
journalctl -q --no-pager -t xl2tpd > "$OUT/xl2tpd.journal" 2>&1
journalctl -q --no-pager -t charon-systemd > "$OUT/charon.journal" 2>&1
audit_clean $CLIENT $LNS

# --- purge: the stock daemons as they were --------------------------------------------------------
xl2tpd_stop client; charon_stop client
check "systemctl stop xl2tpd strongswan" svc stop xl2tpd.service strongswan.service
check "dpkg --purge the four packages" sh -c "dpkg --purge $PKGS > '$OUT/dpkg-purge.log' 2>&1"
stock_state "$OUT/stock-after.txt"
check "the stock daemons are back as they were (binary, versions, no diversion, plugin dirs, xl2tpd.service)" \
	diff -u "$OUT/stock-before.txt" "$OUT/stock-after.txt"
check "no diversion left" not sh -c "dpkg-divert --list | grep -q l2tpsec"
check "the plugin's settings went with the purge" [ ! -e /etc/strongswan.d/charon/l2tp-security.conf ]
lab_finish
