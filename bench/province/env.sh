# Shared by bench/province/run: its own primary and streaming standby (never a test database), ports, two nodes.
WORK=${WORK:-/tmp/hallsafe-province}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export PATH="$PGBIN:$PATH"
PG_PRIMARY=${PG_PRIMARY:-55450}
PG_STANDBY=${PG_STANDBY:-55451}
NODE_A=${NODE_A:-18450}
NODE_B=${NODE_B:-18451}
DEMO_PASSWORD=HallSafe-Demo-2026
export PGHOST=127.0.0.1 PGPORT=$PG_PRIMARY PGUSER=hallsafe PGPASSWORD=hallsafe-bench PGDATABASE=hallsafe
LOG="$WORK/run.log"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }
as_pg() { runuser -u postgres -- "$@"; }
pg_up() {  # pg_up <dir>
  as_pg pg_ctl -D "$1" status >/dev/null 2>&1 || as_pg pg_ctl -D "$1" -l "$1/../server.log" -w start >/dev/null
}
pg_down() { as_pg pg_ctl -D "$1" -m fast stop >/dev/null 2>&1 || true; }
