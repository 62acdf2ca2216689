# SPDX-License-Identifier: GPL-2.0-or-later
#
# The fault matrix: one cell per fault, each with its own captures on the LNS's links, its own
# audit (plaintext UDP/1701 either way must be 0), how long the sessions took to go down locally,
# and whether a new dial then secured and came up. cell_end appends a row to OUT/cells.tsv;
# cells_table turns the rows into the Markdown table docs/reliability.md carries. Sourced after
# lab.sh and enforced.sh (bash).

# what the cells capture and audit: "HOST:IFACE" captures and "ADDR_A ADDR_B" pairs
CELL_CAPTURES=
CELL_PAIRS=()

# cell_begin NAME WHERE FAULT: start the cell's captures
cell_begin() {
	local c h i
	CELL=$1 CELL_WHERE=$2 CELL_FAULT=$3 CELL_FAILS=$LAB_FAILS CELL_DOWN=- CELL_UP=no
	mkdir -p "$LAB_OUT/cells"
	log "=== cell $CELL: $CELL_FAULT ($CELL_WHERE)"
	for c in $CELL_CAPTURES; do
		h=${c%%:*} i=${c#*:}
		bg_on "$h" "pcap-cell-$i" "$(outdir "$h")/tcpdump-cell-$i.log" tcpdump -n -i "$i" -s 256 \
			-U -Z root -w "$LAB_OUT/cells/$CELL-$h-$i.pcap"
		wait_for 10 "$h cell capture on $i" sh -c \
			"[ \$(grep -c 'listening on' '$(outdir "$h")/tcpdump-cell-$i.log') -ge \$(ls '$LAB_OUT/cells/'*-$h-$i.pcap | wc -l) ]"
	done
}

# cell_timer: start the clock at the fault; cell_down HOST SECONDS: wait (bounded) until HOST has
# no pppd left and keep how long it took
cell_timer() { CELL_T0=$(date +%s%N); }
cell_down() {
	if wait_for "$2" "$CELL: $1 sessions down" pppd_gone "$1"; then
		CELL_DOWN=$(awk -v ns=$(( $(date +%s%N) - CELL_T0 )) 'BEGIN { printf "%.1f s", ns / 1e9 }')
		return 0
	fi
	CELL_DOWN="> $2 s"
	return 1
}

# cell_redial CLIENT ADDR: a new dial from CLIENT secures, comes up and carries pings to ADDR
# (within 30 s of ppp0 up: after a killed charon the kernel still holds its SAs, and the first
# packets of the new session may meet the LNS's teardown of the old one)
cell_redial() {
	xl2tpd_control "$1" "c lns" && wait_for 60 "$CELL: $1 ppp0 up again" ppp_up "$1" &&
		wait_for 30 "$CELL: $1 pings $2" ping_from "$1" "$2" 1 && CELL_UP=yes
}

# cell_end: stop the captures, audit them, record the row, check the promise
cell_end() {
	local c h i pair plain=0 esp=0 n
	for c in $CELL_CAPTURES; do
		h=${c%%:*} i=${c#*:}
		kill -INT "$(pid_of "$h" "pcap-cell-$i")" 2>/dev/null
		stop_daemon "$h" "pcap-cell-$i" 5
	done
	for pair in "${CELL_PAIRS[@]}"; do
		n=$("$NETLAB_BUILD/tests/netlab/pcap-audit" --pair $pair --field l2tp-plaintext \
			"$LAB_OUT/cells/$CELL"-*.pcap) || n=999
		plain=$((plain + n))
		n=$("$NETLAB_BUILD/tests/netlab/pcap-audit" --pair $pair --field esp \
			"$LAB_OUT/cells/$CELL"-*.pcap) || n=0
		esp=$((esp + n))
	done
	check "$CELL: no plaintext UDP/1701 either way ($esp ESP packets)" [ "$plain" -eq 0 ]
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$CELL" "$CELL_WHERE" "$CELL_FAULT" "$plain" "$esp" \
		"$CELL_DOWN" "$CELL_UP" "$((LAB_FAILS - CELL_FAILS))" >> "$LAB_OUT/cells.tsv"
}

# cells_table: OUT/cells.tsv as the Markdown table of docs/reliability.md
cells_table() {
	echo "| cell | where | fault | plaintext UDP/1701 | ESP packets | sessions down after | new dial up | failed checks |"
	echo "|---|---|---|---:|---:|---:|---|---:|"
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' \
		"$LAB_OUT/cells.tsv"
}

# ike_id HOST / child_id HOST: the unique id of HOST's first IKE_SA / CHILD_SA (swanctl)
ike_id() { swanctl_on "$1" --list-sas 2>/dev/null | sed -n 's/^[^ ].*: #\([0-9]*\),.*/\1/p' | head -1; }
child_id() { swanctl_on "$1" --list-sas 2>/dev/null | sed -n 's/^  [^ ].*: #\([0-9]*\),.*/\1/p' | head -1; }

# listens HOST: how many passive opens HOST's xl2tpd has made (one more after each reconnect)
listens() { grep -c "$(log_pattern XL_LISTEN)" "$LAB_OUT/$1/xl2tpd.log"; }

