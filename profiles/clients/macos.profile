# SPDX-License-Identifier: GPL-2.0-or-later
# The built-in macOS/iOS L2TP/IPsec client, as netlab emulates it with the stock strongSwan,
# xl2tpd and pppd. Facts: main mode with AES256/AES128/3DES x SHA256/SHA1/MD5 over MODP2048,
# MODP1536, MODP1024; AES/3DES with SHA1/MD5 quick mode, 1 h; an ephemeral L2TP source port
# towards the server's 1701; RFC 3947 NAT-T; no delete when it sleeps (DPD finds it gone).
name = macOS/iOS
ike = aes256-sha256-modp2048,aes256-sha1-modp2048,aes128-sha1-modp2048,aes256-sha1-modp1536,aes128-sha1-modp1024,3des-sha1-modp1024,3des-md5-modp1024
esp = aes256-sha1,aes128-sha1,3des-sha1,aes256-md5,aes128-md5,3des-md5
ike_lifetime = 3600
child_lifetime = 3600
l2tp_port = 50123
server_port = 1701
nat_t = yes
ppp_auth = mschap-v2
