# SPDX-License-Identifier: GPL-2.0-or-later
#
# FreeRADIUS (Debian's package) as a lab's AAA server: Debian's own configuration copied per host
# and pointed at the host's directories, its clients and users replaced by the scenario's.
# Sourced after lab.sh (bash).

RADIUS_CONF=/etc/freeradius/3.0

# radius_conf DIR LOGDIR CLIENTS USERS: DIR becomes a FreeRADIUS configuration (Debian's, run as
# root, logging authentications, its logs and accounting detail files under LOGDIR), CLIENTS its
# clients.conf and USERS its users file (mods-config/files/authorize)
radius_conf() {
	local d=$1 logdir=$2
	rm -rf "$d" && cp -a "$RADIUS_CONF" "$d" || return 1
	mkdir -p "$logdir/radacct"
	sed -i -e "s|^raddbdir = .*|raddbdir = $d|" -e "s|^logdir = .*|logdir = $logdir|" \
		-e "s|^radacctdir = .*|radacctdir = $logdir/radacct|" \
		-e 's|^run_dir = .*|run_dir = /run/freeradius|' \
		-e 's|^\(\s*\)user = freerad|\1#user = freerad|' \
		-e 's|^\(\s*\)group = freerad|\1#group = freerad|' \
		-e 's|^\(\s*\)auth = no|\1auth = yes|' "$d/radiusd.conf"
	printf '%s\n' "$3" > "$d/clients.conf"
	printf '%s\n' "$4" > "$d/mods-config/files/authorize"
}

# radius_start HOST DIR: FreeRADIUS in HOST, in the foreground, its log in OUT/HOST/radius.log
radius_start() {
	local h=$1 d=$2
	on "$h" mkdir -p /run/freeradius
	bg_on "$h" freeradius "$(outdir "$h")/radius.out" freeradius -f -d "$d" \
		-l "$(outdir "$h")/radius.log"
	wait_for 30 "$h FreeRADIUS ready" grep -q "Ready to process requests" \
		"$(outdir "$h")/radius.log"
}
radius_stop() { stop_daemon "$1" freeradius 10; }

# radius_detail HOST: every accounting record FreeRADIUS wrote (detail files, all clients)
radius_detail() { cat "$(outdir "$1")"/radacct/*/detail-* 2>/dev/null; }

# radius_sql HOST DIR POOL FIRST LAST LEASE: DIR's FreeRADIUS keeps its accounting (radacct) and
# an IP pool (sqlippool: POOL, addresses FIRST..LAST of one /24, leases of LEASE seconds renewed
# by Start and Interim-Update, cleared by Stop) in PostgreSQL on HOST (pg_start first): the
# database radius for the user radius, Debian's schemas; a user with Pool-Name gets an address
radius_sql() {
	local h=$1 d=$2 pool=$3 first=$4 last=$5 lease=$6 sqldir net a b i
	sqldir=$RADIUS_CONF/mods-config/sql
	pg_sql "$h" postgres postgres "CREATE ROLE radius LOGIN" &&
		pg_sql "$h" postgres postgres "CREATE DATABASE radius OWNER radius" &&
		pg_file "$h" radius radius "$sqldir/main/postgresql/schema.sql" >/dev/null &&
		pg_file "$h" radius radius "$sqldir/ippool/postgresql/schema.sql" >/dev/null || return 1
	net=${first%.*} a=${first##*.} b=${last##*.}
	for ((i = a; i <= b; i++)); do
		echo "INSERT INTO radippool (pool_name, framedipaddress) VALUES ('$pool', '$net.$i');"
	done > "$(hostdir "$h")/pool.sql"
	pg_file "$h" radius radius "$(hostdir "$h")/pool.sql" >/dev/null || return 1
	cat > "$d/mods-enabled/sql" <<CONF
sql {
	dialect = "postgresql"
	driver = "rlm_sql_postgresql"
	server = "127.0.0.1"
	port = 5432
	login = "radius"
	password = ""
	radius_db = "radius"
	acct_table1 = "radacct"
	acct_table2 = "radacct"
	postauth_table = "radpostauth"
	authcheck_table = "radcheck"
	groupcheck_table = "radgroupcheck"
	authreply_table = "radreply"
	groupreply_table = "radgroupreply"
	usergroup_table = "radusergroup"
	delete_stale_sessions = yes
	read_clients = no
	client_table = "nas"
	group_attribute = "SQL-Group"
	pool {
		start = 2
		min = 1
		max = 8
		spare = 2
		uses = 0
		retry_delay = 5
		lifetime = 0
		idle_timeout = 60
	}
	postgresql {
		send_application_name = yes
	}
	\$INCLUDE \${modconfdir}/\${.:name}/main/\${dialect}/queries.conf
}
CONF
	sed -e 's/^\(\s*\)dialect = .*/\1dialect = "postgresql"/' \
		-e "s/^\(\s*\)lease_duration = .*/\1lease_duration = $lease/" \
		"$RADIUS_CONF/mods-available/sqlippool" > "$d/mods-enabled/sqlippool"
	# Debian's default site has sqlippool commented out in accounting and post-auth
	sed -i 's/^#\(\s*\)sqlippool$/\1sqlippool/' "$d/sites-available/default"
	[ "$(grep -c '^\s*sqlippool$' "$d/sites-available/default")" = 2 ]
}

# radius_pool HOST: the pool's rows: address|NAS-IP-Address|seconds left (negative: free)
radius_pool() {
	pg_sql "$1" radius radius "SELECT host(framedipaddress), nasipaddress,
		EXTRACT(EPOCH FROM expiry_time - 'now'::timestamp(0))::int FROM radippool
		ORDER BY framedipaddress"
}
