# SPDX-License-Identifier: GPL-2.0-or-later
# The built-in Android (11 and older) L2TP/IPsec PSK client, as netlab emulates it with the stock
# strongSwan, xl2tpd and pppd. Facts: main mode proposals all over MODP1024 (AES256/AES128/3DES
# with SHA1/MD5), UDP 1701 at both ends, RFC 3947 NAT-T, MS-CHAPv2.
name = Android 11 and older
ike = aes256-sha1-modp1024,aes128-sha1-modp1024,3des-sha1-modp1024,aes256-md5-modp1024,aes128-md5-modp1024,3des-md5-modp1024
esp = aes256-sha1,aes128-sha1,3des-sha1
ike_lifetime = 28800
child_lifetime = 3600
l2tp_port = 1701
server_port = 1701
nat_t = yes
ppp_auth = mschap-v2
