#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# interop-failures: how a built-in client fails, cleanly, where its setup and the LNS's do not
# meet: a Windows-10-style client with the wrong pre-shared key (main mode fails, the LNS holds
# no L2TP state for it), and a Windows-10-style client against an LNS that offers DES only (no
# proposal chosen, in IKE and in the crypto profile). Each failure leaves the log line that says
# why (l2tpsec(8), TROUBLESHOOTING), and nothing reaches L2TP: 0 plaintext UDP/1701.
# netlab-timeout: 240
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/clients.sh"
lab_init "$1"

LNS=10.0.0.13 CLIENT=10.0.0.12
host_add lns; host_add c
link_add lns $LNS/24 c $CLIENT/24
pcap_start lns to-c

# initiate_fails C: the client's IPsec does not come up
initiate_fails() { ! client_ipsec_up "$1"; }
# lns_logged PATTERN: the LNS's charon said so
lns_logged() { grep -q -- "$1" "$LAB_OUT/lns/charon.log"; }
# no_ike: the LNS has no established IKE_SA
no_ike() { ! swanctl_on lns --list-sas 2>/dev/null | grep -q ESTABLISHED; }
# no_l2tp: the LNS's xl2tpd made no tunnel and had nothing secured
no_l2tp() {
	! grep -q "allocating new tunnel" "$LAB_OUT/lns/xl2tpd.log" &&
		! log_has lns xl2tpd.log XL_SECURED
}

# stop_all: every daemon of both hosts
stop_all() {
	alive c charon && charon_stop c
	alive c xl2tpd && xl2tpd_stop c
	xl2tpd_stop lns
	charon_stop lns
}

# --- a wrong pre-shared key ---------------------------------------------------------------------
check "lns: charon + plugin + patched xl2tpd" enforced_lns lns addr=$LNS \
	ike=aes256-sha1-modp2048,aes128-sha1-modp2048 esp=aes256-sha1,aes128-sha1
check "c: windows-10 client with another PSK" profile_client c profile=windows-10 lns=$LNS \
	psk=not-the-lns-psk
check "c: main mode fails" initiate_fails c
check "lns: says why (the client's identity message does not decrypt: the keys differ)" \
	lns_logged "payload length, decryption failed?"
check "lns: no IKE_SA established" no_ike
check "lns: no L2TP state" no_l2tp
stop_all

# --- an LNS offering DES only -------------------------------------------------------------------
check "lns: DES only, in IKE and in its crypto profile" enforced_lns lns addr=$LNS \
	ike=des-sha1-modp1024 esp=des-sha1
check "c: windows-10 client" profile_client c profile=windows-10 lns=$LNS
check "c: main mode fails" initiate_fails c
check "c: the LNS chose no proposal" grep -q "NO_PROPOSAL_CHOSEN" "$LAB_OUT/c/charon.log"
check "lns: says why (the client's proposals and its own, none in common)" \
	lns_logged "no proposal found"
check "lns: no L2TP state" no_l2tp
stop_all
pcap_stop_all
audit_clean $CLIENT $LNS
