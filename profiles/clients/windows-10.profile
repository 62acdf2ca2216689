# SPDX-License-Identifier: GPL-2.0-or-later
# The built-in Windows 8/10/11 L2TP/IPsec client, as netlab emulates it with the stock strongSwan,
# xl2tpd and pppd. Facts: Microsoft's IKEv1 proposals for L2TP (AES256/AES128/3DES with SHA1 over
# ECP384, ECP256, MODP2048, MODP1024), 8 h main mode, 1 h quick mode that the client rekeys
# itself, RFC 3947 NAT-T, UDP 1701 at both ends, MS-CHAPv2.
name = Windows 10/11
ike = aes256-sha1-ecp384,aes128-sha1-ecp256,aes256-sha1-modp2048,3des-sha1-modp2048,3des-sha1-modp1024
esp = aes256-sha1,aes128-sha1,3des-sha1
ike_lifetime = 28800
child_lifetime = 3600
l2tp_port = 1701
server_port = 1701
nat_t = yes
ppp_auth = mschap-v2
