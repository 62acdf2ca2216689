# SPDX-License-Identifier: GPL-2.0-or-later
# The built-in Windows 2000 L2TP/IPsec client (PSK through a manual policy), as netlab emulates it
# with the stock strongSwan, xl2tpd and pppd. Facts: main mode from {3DES, DES} x {SHA1, MD5} x
# {MODP1024, MODP768}, 3DES/SHA1 quick mode without PFS, its own UDP 1701 to any port of the
# server's, no NAT-T (RFC 3193 only), MS-CHAPv2.
name = Windows 2000
ike = 3des-sha1-modp1024,3des-md5-modp1024,des-sha1-modp768,des-md5-modp768
esp = 3des-sha1,3des-md5
ike_lifetime = 28800
child_lifetime = 3600
l2tp_port = 1701
server_port = any
nat_t = no
ppp_auth = mschap-v2
