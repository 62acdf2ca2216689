# SPDX-License-Identifier: GPL-2.0-or-later
#
# PostgreSQL (Debian's package) as a lab's database: a cluster made afresh in a host's directory,
# run as the postgres user, listening on the host's 127.0.0.1 only. Sourced after lab.sh (bash).

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

# pg_start HOST: initdb (trust on 127.0.0.1) and postgres in HOST, ready for connections
pg_start() {
	local h=$1 d
	d=$(hostdir "$h")/pg
	[ -x "$PG_BIN/postgres" ] || { log "no PostgreSQL server installed"; return 1; }
	rm -rf "$d" && mkdir -p "$d/data" "$d/sock" && chown -R postgres: "$d" || return 1
	on "$h" runuser -u postgres -- "$PG_BIN/initdb" -D "$d/data" -A trust -U postgres \
		> "$(outdir "$h")/initdb.log" 2>&1 || return 1
	bg_on "$h" postgres "$(outdir "$h")/postgres.log" runuser -u postgres -- \
		"$PG_BIN/postgres" -D "$d/data" -k "$d/sock" -c listen_addresses=127.0.0.1 \
		-c fsync=off -c log_min_messages=warning
	wait_for 60 "$h PostgreSQL ready" on "$h" "$PG_BIN/pg_isready" -q -h 127.0.0.1
}
pg_stop() { stop_daemon "$1" postgres 20; }

# pg_sql HOST DB USER SQL: one statement's rows, unaligned, fields split by |
pg_sql() { on "$1" "$PG_BIN/psql" -X -q -h 127.0.0.1 -d "$2" -U "$3" -v ON_ERROR_STOP=1 -Atc "$4"; }

# pg_file HOST DB USER FILE: run an SQL file
pg_file() { on "$1" "$PG_BIN/psql" -X -q -h 127.0.0.1 -d "$2" -U "$3" -v ON_ERROR_STOP=1 -f "$4"; }
