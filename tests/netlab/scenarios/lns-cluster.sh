#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# lns-cluster: three LNS nodes behind one address. Each node is profiles/ios/lns-cluster.cfg
# (its hostname and own addresses changed), translated: IKE, ESP and L2TP on Loopback1, the
# cluster's address, which every node has. The engine in front is Linux ECMP on the edge router:
# a resilient next-hop group hashing on source and destination addresses only, so a client's
# IKE, ESP and everything inside land on one node, and a node that goes takes only its own
# clients' buckets with it. One FreeRADIUS, its accounting and its IP pool (sqlippool) in
# PostgreSQL, serves all nodes; they send their own address as NAS-IP-Address (ip radius
# source-interface), which keys the pool's leases.
# Six Windows-10-style clients, two hashed to each node, come up on the node the router picks,
# each with its own address from the shared pool (never one address twice). Node 3 is killed
# (links gone, daemons SIGKILLed: no Stop is ever sent); its two clients dial again from IKE and
# land on the survivors, with addresses of their own, while node 3's leases stay taken until
# they time out and then come back to the pool. The survivors' sessions carry traffic throughout with
# the same IKE SAs, pppds and addresses; their leases are renewed by Interim-Update. A client
# hanging up gives its address back at once (Stop). A host without an SA gets no answer to a
# plaintext SCCRQ. Not one plaintext UDP/1701 packet between the clients and the cluster.
# netlab-timeout: 720
. "$NETLAB_TOP/tests/netlab/lib/lab.sh"
. "$NETLAB_TOP/tests/netlab/lib/enforced.sh"
. "$NETLAB_TOP/tests/netlab/lib/translated.sh"
. "$NETLAB_TOP/tests/netlab/lib/voluntary.sh"
. "$NETLAB_TOP/tests/netlab/lib/clients.sh"
. "$NETLAB_TOP/tests/netlab/lib/radius.sh"
. "$NETLAB_TOP/tests/netlab/lib/pgsql.sh"
lab_init "$1"

VIP=10.0.0.13 AAA=10.0.3.10 PPP_LNS=10.20.0.1
POOL_FIRST=10.20.5.10 POOL_LAST=10.20.5.29
LEASE=90	# sqlippool's lease: longer than radius.so's shortest Interim-Update (60 s)
NODES="1 2 3" VICTIM=3 LIVE_NODES="1 2 3"

node_addr() { echo "10.0.2$1.2"; }	# the node's own address towards the edge router
nas_addr() { echo "10.0.3$1.2"; }	# towards RADIUS: its NAS-IP-Address

# --- the network: edge router (ECMP), core router (to RADIUS), three nodes ------------------------
host_add edge; host_add core; host_add aaa
router_enable edge; router_enable core
link_add core 10.0.3.1/24 aaa $AAA/24
on aaa ip route add default via 10.0.3.1
for i in $NODES; do
	host_add n$i
	link_add edge 10.0.2$i.1/24 n$i "$(node_addr $i)/24"
	link_add core 10.0.3$i.1/24 n$i "$(nas_addr $i)/24"
	on n$i ip addr add $VIP/32 dev lo
	on n$i ip route add default via 10.0.2$i.1
	on n$i ip route add 10.0.3.0/24 via 10.0.3$i.1
	ip -n edge nexthop add id $i via "$(node_addr $i)" dev to-n$i
done
# a resilient group: a node that goes loses its buckets, every other bucket stays where it was
# (a hash-threshold group would move some of the survivors' clients too, breaking their SAs)
check "edge: one route to the cluster's address over a resilient next-hop group of 3" \
	ip -n edge nexthop add id 100 group 1/2/3 type resilient buckets 64
check "edge: ECMP route, L3 hash" sh -c "ip -n edge route add $VIP/32 nhid 100 &&
	ip netns exec edge sysctl -qw net.ipv4.fib_multipath_hash_policy=0"
for i in $NODES; do pcap_start edge to-n$i; done

# which node the edge sends a client address to: the router's own answer for that flow (a dummy
# interface stands in for the client's link)
ip -n edge link add probe type dummy && ip -n edge link set probe up
ip netns exec edge sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.probe.rp_filter=0
node_for() {
	ip -n edge route get $VIP from "$1" iif probe 2>/dev/null | sed -n 's/.* dev to-n\([0-9]\).*/\1/p'
}
# two clients per node: the first client subnets the hash sends there
declare -A CLIENT_NODE
CLIENTS=
declare -A per_node
for k in $(seq 1 60); do
	n=$(node_for 10.1.$k.2)
	[ -n "$n" ] || continue
	[ "${per_node[$n]:-0}" -lt 2 ] || continue
	per_node[$n]=$(( ${per_node[$n]:-0} + 1 ))
	CLIENT_NODE[c$k]=$n
	CLIENTS="$CLIENTS c$k"
done
log "clients and the node the edge hashes each to:$(for c in $CLIENTS; do printf ' %s->n%s' $c ${CLIENT_NODE[$c]}; done)"
check "edge: two client addresses hashed to each node" [ "$(echo $CLIENTS | wc -w)" = 6 ]
caddr() { echo "10.1.${1#c}.2"; }

# --- AAA: PostgreSQL, FreeRADIUS with sql accounting and sqlippool ------------------------------
check "aaa: PostgreSQL up" pg_start aaa
RADDB=$(hostdir aaa)/raddb
users='DEFAULT Pool-Name := "cluster"
	Acct-Interim-Interval = 60,
	Fall-Through = Yes'
for c in $CLIENTS; do users="$users
user${c#c} Cleartext-Password := \"user${c#c}-pw\""; done
clients=
for i in $NODES; do clients="$clients
client node$i {
	ipaddr = $(nas_addr $i)
	secret = cluster-radius-secret
}"; done
check "aaa: FreeRADIUS configured (Debian's; the nodes as clients; the users)" \
	radius_conf "$RADDB" "$(outdir aaa)" "$clients" "$users"
check "aaa: accounting and the IP pool in PostgreSQL ($POOL_FIRST-$POOL_LAST, ${LEASE}s leases)" \
	radius_sql aaa "$RADDB" cluster $POOL_FIRST $POOL_LAST $LEASE
check "aaa: FreeRADIUS up" radius_start aaa "$RADDB"

# --- the nodes: one IOS configuration, each with its own hostname and addresses -------------------
for i in $NODES; do
	cfg=$(outdir n$i)/lns-cluster-node$i.cfg
	sed -e "s/LNS-NODE1/LNS-NODE$i/" -e "s/10\.0\.21\.2 /$(node_addr $i) /" \
		-e "s/10\.0\.31\.2 /$(nas_addr $i) /" "$NETLAB_TOP/profiles/ios/lns-cluster.cfg" > "$cfg"
	check "n$i: lns-cluster.cfg translated as node $i" translated n$i "$cfg"
	check "n$i: IKE on the cluster's address, RADIUS from its own" sh -c "
		grep -q 'local_addrs = $VIP' '$(etc n$i)/swanctl/swanctl.conf' &&
		grep -q 'avpair NAS-IP-Address=$(nas_addr $i)' '$(etc n$i)/ppp/options.WINDOWS'"
	check "n$i: charon up" charon_start n$i
	swanctl_on n$i --load-all > "$(outdir n$i)/load-all.txt" 2>&1
	check "n$i: patched xl2tpd up" xl2tpd_start n$i $XL2TPD_L2TPSEC
	check "n$i: listens" wait_for 20 "n$i LISTEN" xl2tpd_says n$i XL_LISTEN WIN-DYN 1701
done

# --- clients: each lands on the node the hash picked ---------------------------------------------
# on_node CLIENT: the live node whose kernel has an SA with CLIENT's address (empty: none)
on_node() {
	local i
	for i in $LIVE_NODES; do
		ip -n n$i xfrm state 2>/dev/null | grep -q "src $(caddr $1) " && { echo $i; return; }
	done
}
ppp_pid() { ip netns pids "$1" | xargs -r ps -o pid=,comm= -p 2>/dev/null | awk '$2 == "pppd" { print $1 }'; }
ike_of() { swanctl_on "$1" --list-sas 2>/dev/null | sed -n 's/^[^ ].*: #\([0-9]*\),.*ESTABLISHED.*/\1/p' | head -1; }
in_pool() {
	local a=${1##*.}
	[ "${1%.*}" = "${POOL_FIRST%.*}" ] && [ "$a" -ge "${POOL_FIRST##*.}" ] && [ "$a" -le "${POOL_LAST##*.}" ]
}
# dial CLIENT: from IKE to an address; the client must land on the node the edge hashes it to now
dial() {
	local c=$1 want got
	want=$(node_for "$(caddr $c)")
	profile_client $c profile=windows-10 lns=$VIP user=user${c#c} psk=windows-psk &&
		client_ipsec_up $c && client_dial $c || return 1
	got=$(on_node $c)
	log "$c: up on n$got (the edge hashes it to n$want), address $(ppp_addr $c)"
	[ "$got" = "$want" ]
}
for c in $CLIENTS; do
	host_add $c
	link_add edge 10.1.${c#c}.1/24 $c "$(caddr $c)/24"
	on $c ip route add default via 10.1.${c#c}.1
	check "$c: up on the node the edge hashed it to (n${CLIENT_NODE[$c]})" dial $c
done

addrs() { local c; for c in $CLIENTS; do ppp_addr $c; done; }
distinct() { [ "$(addrs | sort | uniq -d)" = "" ] && [ "$(addrs | wc -l)" = "$(echo $CLIENTS | wc -w)" ]; }
check "every client has its own address from the shared pool" distinct
all_in_pool() { local a; for a in $(addrs); do in_pool $a || return 1; done; }
check "every address is in RADIUS's pool" all_in_pool
radius_pool aaa > "$(outdir aaa)/pool-up.txt"
# lease_of ADDR: "NAS-IP-Address seconds-left" of ADDR's pool row
lease_of() { radius_pool aaa | awk -F'|' -v a="$1" '$1 == a { print $2, $3 }'; }
# leased_by ADDR NAS: ADDR's lease is NAS's and has not run out
leased_by() { local nas=$2; set -- $(lease_of "$1"); [ "${1:-}" = "$nas" ] && [ "${2:-0}" -gt 0 ]; }
for c in $CLIENTS; do
	check "aaa: $c's address is leased to its node's NAS-IP-Address" \
		leased_by "$(ppp_addr $c)" "$(nas_addr ${CLIENT_NODE[$c]})"
done
for c in $CLIENTS; do check "$c pings through its node" ping_from $c $PPP_LNS 2; done
# a host with no SA of its own, hashed to some node like any other: its plaintext SCCRQ to the
# cluster's address is not answered, whichever node gets it
host_add rogue
link_add edge 10.1.200.1/24 rogue 10.1.200.2/24
on rogue ip route add default via 10.1.200.1
check "rogue -> the cluster's address (n$(node_for 10.1.200.2)), no SA: SCCRQ not answered" \
	not sccrq rogue $VIP

# --- node 3 killed ---------------------------------------------------------------------------------
SURVIVORS= VICTIMS=
for c in $CLIENTS; do
	if [ "${CLIENT_NODE[$c]}" = $VICTIM ]; then VICTIMS="$VICTIMS $c"; else SURVIVORS="$SURVIVORS $c"; fi
done
declare -A PID0 IKE0 ADDR0
for c in $SURVIVORS; do PID0[$c]=$(ppp_pid $c) IKE0[$c]=$(ike_of $c) ADDR0[$c]=$(ppp_addr $c); done
for c in $VICTIMS; do ADDR0[$c]=$(ppp_addr $c); done
declare -A NEW_NODE
# as a node that loses power: its links go first, then its daemons die without a word (killed
# the other way round, its xl2tpd would see its pppds die and hang the calls up, its charon
# would delete the SAs: a clean shutdown, not a dead node)
log "killing n$VICTIM: its links gone, then its daemons SIGKILLed"
ip -n edge link del to-n$VICTIM; ip -n core link del to-n$VICTIM
for d in charon xl2tpd pppd; do kill_on n$VICTIM KILL $d; done
LIVE_NODES=$(echo " $NODES " | sed "s/ $VICTIM / /")
check "edge: the group lost n$VICTIM's next hop, kept the others" sh -c "
	ip -n edge nexthop show id 100 | grep -q 'group 1/2 ' && ! ip -n edge nexthop show id $VICTIM 2>/dev/null | grep -q ."

for c in $VICTIMS; do
	check "aaa: $c's address stays leased to n$VICTIM (no Stop came)" \
		leased_by "${ADDR0[$c]}" "$(nas_addr $VICTIM)"
done
# the victims hang up at once, all together, as Windows does when its echoes fail: the stock
# strongSwan standing in for it here deletes its SA when DPD finds the node gone (about 20 s)
# and would then send its L2TP in plaintext, which Windows's IPsec policy never does
for c in $VICTIMS; do kill_on $c TERM pppd; done
for c in $VICTIMS; do
	check "$c: hung up" wait_for 20 "$c pppd gone" pppd_gone $c
	xl2tpd_stop $c; charon_stop $c
done
for c in $VICTIMS; do
	check "$c (was on n$VICTIM): dials again from IKE and lands on a survivor" dial $c
	NEW_NODE[$c]=$(on_node $c)
	check "aaa: $c's new address is leased to its new node" \
		leased_by "$(ppp_addr $c)" "$(nas_addr "${NEW_NODE[$c]}")"
done
check "every client has its own address (survivors' and redialled)" distinct
for c in $SURVIVORS; do
	check "$c (on n${CLIENT_NODE[$c]}): untouched: same pppd, IKE SA and address, still pinging" sh -c "
		[ '$(ppp_pid $c)' = '${PID0[$c]}' ] && [ '$(ike_of $c)' = '${IKE0[$c]}' ] &&
		[ '$(ppp_addr $c)' = '${ADDR0[$c]}' ]"
	check "$c pings" ping_from $c $PPP_LNS 2
done

# --- leases: the dead node's time out, the living ones are renewed ------------------------------
victim_leases() { radius_pool aaa | awk -F'|' -v n="$(nas_addr $VICTIM)" '$2 == n && $3 > 0' | wc -l; }
no_victim_leases() { [ "$(victim_leases)" = 0 ]; }
check "aaa: n$VICTIM's leases time out and come back to the pool (within ${LEASE} s and slack)" \
	wait_for $((LEASE + 40)) "n$VICTIM leases expired" no_victim_leases
radius_pool aaa > "$(outdir aaa)/pool-after-timeout.txt"
for c in $SURVIVORS $VICTIMS; do
	check "aaa: $c's lease is still held by n$(on_node $c) (renewed by Interim-Update)" \
		leased_by "$(ppp_addr $c)" "$(nas_addr "$(on_node $c)")"
done
for c in $SURVIVORS; do
	check "$c: still the same session after the dead node's leases expired" sh -c "
		[ '$(ppp_pid $c)' = '${PID0[$c]}' ] && [ '$(ike_of $c)' = '${IKE0[$c]}' ]"
done

# --- a hang-up gives the address back at once (accounting Stop) ------------------------------------
set -- $SURVIVORS
LEAVER=$1 LEAVER_ADDR=$(ppp_addr $1) LEAVER_NODE=${CLIENT_NODE[$1]}
freed() { set -- $(lease_of "$1"); [ "${2:-1}" -le 0 ]; }
check "$LEAVER hangs up" client_hangup $LEAVER
check "aaa: $LEAVER's address is free at once (Stop cleared its lease)" \
	wait_for 20 "$LEAVER_ADDR freed" freed "$LEAVER_ADDR"
acct() { pg_sql aaa radius radius "$1"; }
check "aaa: radacct has $LEAVER's session from n$LEAVER_NODE, stopped, with octets both ways" \
	[ "$(acct "SELECT count(*) FROM radacct WHERE username = 'user${LEAVER#c}' AND
		nasipaddress = '$(nas_addr $LEAVER_NODE)' AND acctstoptime IS NOT NULL AND
		acctinputoctets > 0 AND acctoutputoctets > 0")" = 1 ]
for i in $NODES; do
	check "aaa: radacct has sessions from n$i" \
		[ "$(acct "SELECT count(*) FROM radacct WHERE nasipaddress = '$(nas_addr $i)'")" -ge 2 ]
done
check "aaa: n$VICTIM's sessions were never stopped (it died): open in radacct" \
	[ "$(acct "SELECT count(*) FROM radacct WHERE nasipaddress = '$(nas_addr $VICTIM)' AND
		acctstoptime IS NULL")" = 2 ]
acct "SELECT username, nasipaddress, host(framedipaddress), acctstarttime, acctstoptime,
	acctinputoctets, acctoutputoctets, acctterminatecause FROM radacct ORDER BY radacctid" \
	> "$(outdir aaa)/radacct.txt"

# --- the rest hang up; the audit ---------------------------------------------------------------------
for c in $CLIENTS; do [ $c = $LEAVER ] || client_hangup $c; done
sleep 2
pcap_stop_all
for c in $CLIENTS; do audit_clean "$(caddr $c)" $VIP; done
summary "$(echo $CLIENTS | wc -w) clients over 3 nodes (2 each), n$VICTIM killed: its clients redialled onto$(for c in $VICTIMS; do printf ' n%s' "${NEW_NODE[$c]:-?}"; done), survivors untouched"
