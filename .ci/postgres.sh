# shellcheck shell=bash
# Starts a throwaway PostgreSQL cluster for the server-postgres test lane and exports
# TEST_DATABASE_URL. Meant to be sourced:
#
#   source .ci/postgres.sh && npx vitest run --project server --project server-postgres
#
# The cluster lives in a temp dir, listens on 127.0.0.1 only, trusts local connections
# (nothing else can reach it) and is stopped when the sourcing shell exits, or on demand
# with `rewards_pg_stop`. Installs Debian's `postgresql` package when its binaries are missing.

rewards_pg_log() { echo "[postgres.sh] $*" >&2; }

rewards_pg_bindir() {
	local dir
	dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

rewards_pg_as_owner() {
	# PostgreSQL refuses to run as root, so as root everything runs as the postgres user.
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

rewards_pg_port_in_use() {
	(echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

rewards_pg_stop() {
	if [ -n "${REWARDS_PG_DIR:-}" ] && [ -d "$REWARDS_PG_DIR/data" ]; then
		rewards_pg_as_owner "$REWARDS_PG_BIN/pg_ctl" -D "$REWARDS_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
		rm -rf "$REWARDS_PG_DIR"
	fi
	unset REWARDS_PG_DIR
}

rewards_pg_start() {
	REWARDS_PG_BIN=$(rewards_pg_bindir)
	if [ -z "$REWARDS_PG_BIN" ]; then
		rewards_pg_log "installing Debian postgresql"
		if [ "$(id -u)" != 0 ]; then
			rewards_pg_log "PostgreSQL is not installed and this shell is not root"
			return 1
		fi
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
		REWARDS_PG_BIN=$(rewards_pg_bindir)
		[ -n "$REWARDS_PG_BIN" ] || { rewards_pg_log "postgresql binaries still missing"; return 1; }
	fi

	REWARDS_PG_DIR=$(mktemp -d /tmp/openrewards-pg.XXXXXX) || return 1
	chmod 755 "$REWARDS_PG_DIR"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$REWARDS_PG_DIR"; fi

	local port=${REWARDS_PG_PORT:-55432}
	while rewards_pg_port_in_use "$port"; do port=$((port + 1)); done

	rewards_pg_as_owner "$REWARDS_PG_BIN/initdb" -D "$REWARDS_PG_DIR/data" -U postgres \
		--auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$REWARDS_PG_DIR/initdb.log" 2>&1 \
		|| { cat "$REWARDS_PG_DIR/initdb.log" >&2; return 1; }

	# Durability settings are off because this cluster is thrown away; the crash tests kill
	# the Node server, never PostgreSQL itself.
	rewards_pg_as_owner "$REWARDS_PG_BIN/pg_ctl" -D "$REWARDS_PG_DIR/data" -l "$REWARDS_PG_DIR/server.log" -w \
		-o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$REWARDS_PG_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null || { cat "$REWARDS_PG_DIR/server.log" >&2; return 1; }

	export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
	export REWARDS_PG_DIR REWARDS_PG_BIN
	rewards_pg_log "PostgreSQL $("$REWARDS_PG_BIN/postgres" --version | awk '{print $3}') listening at $TEST_DATABASE_URL"
}

if [ -n "${REWARDS_PG_DIR:-}" ] && [ -n "${TEST_DATABASE_URL:-}" ]; then
	rewards_pg_log "already running at $TEST_DATABASE_URL"
elif rewards_pg_start; then
	if [ -z "$(trap -p EXIT)" ]; then trap rewards_pg_stop EXIT; fi
else
	rewards_pg_log "could not start PostgreSQL"
	rewards_pg_stop
	false
fi
