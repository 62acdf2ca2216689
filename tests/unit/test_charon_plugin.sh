#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The charon plugin loads into the real, stock charon: started on this host in private mount and
# network namespaces (no traffic leaves; /run and strongswan.conf are our own), it must register,
# read its settings and log them, and re-read them on swanctl --reload-settings.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
need_root
need_namespaces
charon_plugin_work
write_conf() {
	charon_plugin_conf "			socket = $work/crypto.sock
			profiles {
$1
			}" > "$work/strongswan.conf"
}
write_conf "				l2tp {
					connection = l2tp-conn
					esp_proposals = des-sha1,aes128-sha256-modp2048
					keep_sa = yes
				}
				dialin {
					esp_proposals = aes256gcm16
					mode = transport
					lifetime_seconds = 120
					lifetime_kilobytes = 250000
					pfs = yes
					pfs_group = 14
				}
				broken {
					esp_proposals = rot13-crc32
				}
				short {
					esp_proposals = aes128-sha1
					lifetime_seconds = 5
				}"
cat > "$work/run.sh" <<RUN
set -u
mount -t tmpfs tmpfs /run
mount --bind "$work/strongswan.conf" /etc/strongswan.conf
mount --bind "$work/plugins" /usr/lib/ipsec/plugins
ip link set lo up
/usr/lib/ipsec/charon > "$work/charon.out" 2>&1 &
pid=\$!
i=0
until swanctl --stats > "$work/stats" 2>/dev/null; do
	i=\$((i + 1)); [ \$i -gt 100 ] && { echo "charon did not come up"; kill \$pid; exit 1; }
	sleep 0.1
done
cp "$work/strongswan.conf" "$work/before.conf"
# rewrite in place: the bind mount holds the file's inode, sed -i would replace it
sed 's/^				broken {$/				lns2 {\n					esp_proposals = 3des-md5\n				}\n				broken {/' "$work/before.conf" > "$work/strongswan.conf"
swanctl --reload-settings > /dev/null
kill \$pid; wait \$pid
RUN
unshare -m -n --propagation private sh "$work/run.sh"
t grep -q 'l2tp-security' "$work/stats"
t grep -q 'l2tp-security [0-9.]*: 2 crypto profile(s): dialin, l2tp, crypto socket '"$work"'/crypto.sock' "$work/charon.log"
t grep -q 'l2tp-security [0-9.]*: 3 crypto profile(s): dialin, l2tp, lns2' "$work/charon.log"
# each profile as IOS show crypto map would describe it; invalid ones refused whole, with why
t grep -qF 'profile l2tp: ESP:DES_CBC/HMAC_SHA1_96/NO_EXT_SEQ, ESP:AES_CBC_128/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ, transport mode, lifetime 4608000 kilobytes/3600 seconds, PFS (Y/N): N, keep-sa yes, IKE from connection l2tp-conn' "$work/charon.log"
t grep -qF 'profile dialin: ESP:AES_GCM_16_256/NO_EXT_SEQ, transport mode, lifetime 250000 kilobytes/120 seconds, PFS (Y/N): Y, keep-sa no, IKE from connection dialin' "$work/charon.log"
t grep -qF 'crypto profile broken ignored: esp_proposals is not a list of valid ESP proposals' "$work/charon.log"
t grep -qF 'crypto profile short ignored: lifetime_seconds must be a number from 120 to 86400' "$work/charon.log"
t grep -qF 'profile lns2: ESP:3DES_CBC/HMAC_MD5_96/NO_EXT_SEQ' "$work/charon.log"
[ "$fails" = 0 ] || { echo "--- charon log"; cat "$work/charon.log" "$work/charon.out"; }
finish test_charon_plugin
