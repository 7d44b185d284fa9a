# Shared by bench/tracing/run's steps: the bench's own cluster (never a test database), its port, HallSafe's settings.
WORK=${WORK:-/tmp/hallsafe-bench-tracing}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export PATH="$PGBIN:$PATH"
PGPORT_BENCH=${PGPORT_BENCH:-55437}
APP_PORT=${APP_PORT:-18437}
APP="http://127.0.0.1:$APP_PORT"
DEMO_PASSWORD=HallSafe-Demo-2026
export PGHOST=127.0.0.1 PGPORT=$PGPORT_BENCH PGUSER=hallsafe PGPASSWORD=hallsafe-bench PGDATABASE=hallsafe
LOG="$WORK/run.log"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }
pg_start() {
  runuser -u postgres -- pg_ctl -D "$WORK/pg/data" status >/dev/null 2>&1 ||
    runuser -u postgres -- pg_ctl -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w start >/dev/null
}
pg_stop() { runuser -u postgres -- pg_ctl -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true; }
APP_PID=""
app_start() {  # app_start <jar>: HallSafe (JVM options from $BENCH_JAVA_OPTS, e.g. a JFR recording) with the demo bureau on the bench cluster; Flyway adds new migrations
  HALLSAFE_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/hallsafe" HALLSAFE_DB_USER=hallsafe HALLSAFE_DB_PASSWORD=hallsafe-bench \
  HALLSAFE_CRYPTO_KEY="$(cat "$WORK/crypto.key")" HALLSAFE_DATA_DIR="$WORK/app-data" \
    java ${BENCH_JAVA_OPTS:-} -jar "$1" --server.port="$APP_PORT" --hallsafe.demo=true > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  local i=0
  until curl -fs "$APP/actuator/health/readiness" >/dev/null 2>&1; do
    sleep 0.5; i=$((i + 1))
    if ! kill -0 "$APP_PID" 2>/dev/null || [ $i -gt 3600 ]; then log "HallSafe did not start"; tail -30 "$WORK/app.log" >&2; return 1; fi
  done
}
app_stop() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; APP_PID=""; }
