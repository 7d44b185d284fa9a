#!/usr/bin/env bash
# Booking burst (issue #8, part b): 10,000 booking requests from 200 concurrent clients for 10 slots of capacity 20,
# through the public JSON API of a running HallSafe. Sets up one item and ten slots with SQL, fires the burst with
# bench/BookingBurst.java, then counts in the database what was really booked.
#
# Usage: bench/bookings.sh [URL [PSQL_CONNINFO [RESULTS_FILE]]]
#   URL            base URL of the running HallSafe (default $APP_URL, as bench/run sets it)
#   PSQL_CONNINFO  libpq connection string of its database (default: empty, so psql takes PGHOST, PGPORT, ... as
#                  bench/run sets them)
#   RESULTS_FILE   markdown file to append the result table to (default: standard output, which bench/run keeps)
# Environment: BURST_REQUESTS (10000), BURST_CLIENTS (200), BURST_SLOTS (10), BURST_CAPACITY (20).
set -euo pipefail
url=${1:-$APP_URL}; conninfo=${2:-}; out=${3:-/dev/stdout}
requests=${BURST_REQUESTS:-10000}; clients=${BURST_CLIENTS:-200}; nslots=${BURST_SLOTS:-10}; capacity=${BURST_CAPACITY:-20}
here=$(cd "$(dirname "$0")" && pwd)
q() { psql "$conninfo" -v ON_ERROR_STOP=1 -qAt -c "$1"; }

hall=$(q "SELECT code FROM sites WHERE retired_at IS NULL ORDER BY id LIMIT 1")
site=$(q "SELECT id FROM sites WHERE code = '$hall'")
window=$(q "SELECT id FROM service_windows WHERE site_id = $site AND retired_at IS NULL ORDER BY number LIMIT 1")
if [ -z "$window" ]; then
  window=$(q "INSERT INTO service_windows (site_id, number, name) VALUES ($site, 901, '压测窗口') RETURNING id")
fi
tag="压测事项 $(date +%s)"
item=$(q "INSERT INTO service_items (site_id, name, minutes) VALUES ($site, '$tag', 15) RETURNING id")
q "INSERT INTO service_item_windows (site_id, item_id, window_id) VALUES ($site, $item, $window)"
# ten slots on a fresh day a year ahead (nothing else books them; every run takes the next day), 09:00 onwards
day=$(q "SELECT coalesce(max((starts_at AT TIME ZONE 'Asia/Shanghai')::date), current_date + 364) + 1
         FROM slots WHERE window_id = $window AND created_by = 'bench'")
first="('$day 09:00'::timestamp AT TIME ZONE 'Asia/Shanghai')"
q "INSERT INTO hall_slots (site_id, starts_at, cap)
   SELECT $site, $first + n * interval '30 minutes', 100000 FROM generate_series(0, $nslots - 1) n
   ON CONFLICT (site_id, starts_at) DO UPDATE SET cap = 100000"
slots=$(q "
  INSERT INTO slots (site_id, window_id, starts_at, ends_at, capacity, released_at, created_at, created_by)
  SELECT $site, $window, $first + n * interval '30 minutes', $first + (n + 1) * interval '30 minutes', $capacity,
         now(), now(), 'bench'
  FROM generate_series(0, $nslots - 1) n
  ON CONFLICT (site_id, window_id, starts_at) DO UPDATE SET capacity = $capacity
  RETURNING id" | paste -sd, -)

echo "booking burst: $requests requests, $clients clients, slots $slots (capacity $capacity each), hall $hall" >&2
result=$(java "$here/BookingBurst.java" "$url" "$hall" "$item" "$slots" "$requests" "$clients")
echo "$result" >&2
get() { echo "$result" | awk -v k="$1" '$1 == k {print $2}'; }
booked=$(q "SELECT count(*) FROM bookings WHERE item_id = $item AND status = 'BOOKED'")
held=$(q "SELECT coalesce(sum(booked), 0) FROM slots WHERE id IN ($slots)")
over=$(q "SELECT count(*) FROM slots WHERE id IN ($slots) AND booked > capacity")
errors5xx=$(echo "$result" | awk '$1 ~ /^status_5/ {s += $2} END {print s + 0}')
expected=$((nslots * capacity))
{
  echo
  echo "Booking burst ($requests requests, $clients clients, $nslots slots × $capacity places)"
  echo
  echo "| figure | target | measured | ratio | met? |"
  echo "|---|---|---|---|---|"
  echo "| confirmed bookings (counted in the database) | exactly $expected | $booked (slot counters $held; slots over capacity $over) | $booked / $expected | $([ "$booked" = "$expected" ] && [ "$held" = "$expected" ] && [ "$over" = 0 ] && echo yes || echo '**no**') |"
  echo "| answered 201 booked / 409 full / other | — | $(get status_201) / $(get status_409) / $(echo "$result" | awk '$1 ~ /^status_/ && $1 != "status_201" && $1 != "status_409" {s += $2} END {print s + 0}') | | |"
  echo "| server errors (5xx), transport failures | 0 | $errors5xx, $(get transport_failures) | | $([ "$errors5xx" = 0 ] && [ "$(get transport_failures)" = 0 ] && echo yes || echo '**no**') |"
  echo "| throughput | — | $(get throughput) requests/s over $(get seconds) s | | |"
  echo "| latency p50 / p99 | — | $(get p50_ms) ms / $(get p99_ms) ms | | |"
} >> "$out"
