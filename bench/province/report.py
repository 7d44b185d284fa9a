#!/usr/bin/env python3
"""bench/province/report.py WORK HALLS MINUTES RATE WARMUP JAR COMMIT: the results file of bench/province/run."""
import json
import os
import platform
import re
import subprocess
import sys
from datetime import datetime, timezone

work, halls, minutes, rate, warmup, jar, commit = sys.argv[1:8]
HZ = os.sysconf("SC_CLK_TCK")
WORKING_DAYS = 250  # a hall opens about 250 days a year (weekdays less public holidays)
CHECKINS_PER_HALL_DAY = 5000


def read(name, default=""):
    try:
        with open(os.path.join(work, name), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def snap(name):
    values, reads = {}, []
    for line in read(f"snap-{name}.txt").splitlines():
        parts = line.split(" ", 1)
        if parts[0].startswith("reads_"):
            reads.append((parts[0][6:], parts[1]))
        elif len(parts) == 2:
            values[parts[0]] = float(parts[1])
    return values, reads


def tables(name):
    out = {}
    for line in read(f"tables-{name}.txt").splitlines():
        rel, size, ins = line.split()
        out[rel] = (int(size), int(ins))
    return out


def standby_reads(reads):
    """hallsafe_db_standby_reads_total{reason=..,target=..} N, summed by target and reason over both nodes."""
    total = {}
    for _, line in reads:
        m = re.match(r'hallsafe_db_standby_reads_total\{(.*)\}\s+([0-9.eE+]+)', line)
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        key = (labels.get("target", "?"), labels.get("reason", "?"))
        total[key] = total.get(key, 0) + float(m.group(2))
    return total


before, reads_before = snap("before")
after, reads_after = snap("after")
seconds = after["time"] - before["time"]
load = read("load.txt")
figures = {}
for line in load.splitlines():
    if line.startswith("#"):
        name, rest = line[1:].split(" ", 1)
        figures[name] = dict(kv.split("=", 1) for kv in rest.split(" ") if "=" in kv and not kv.startswith("nodes"))
total = figures.get("total", {})
checkins_ok = int(figures.get("checkin", {}).get("ok", 0))
hall_days = checkins_ok / CHECKINS_PER_HALL_DAY

# CPU: ticks of user + system time over the measured load, in cores (1.0 = one core busy all the time)
def cores(key):
    return (after[key] - before[key]) / HZ / seconds
gen = read("generator-cpu.txt").split()
gen_cpu = (float(gen[-2]) + float(gen[-1])) / seconds if len(gen) >= 3 else float("nan")

# database growth per table, and per hall-year
t0, t1 = tables("before"), tables("after")
growth = []
for rel, (size1, ins1) in t1.items():
    size0, ins0 = t0.get(rel, (0, 0))
    if ins1 - ins0 > 0 or size1 - size0 > 0:
        growth.append((rel, size1 - size0, ins1 - ins0))
growth.sort(key=lambda g: -g[1])
# rows a daily job writes once per hall and day whatever the load (reminders of every staff member's checks, blind
# spots of the zones): the run made one day's worth for every hall, not hall_days' worth
DAILY_PER_HALL = {"staffhealth_reminders", "hygiene_flags"}
grown = sum(g[1] for g in growth)
daily = sum(g[1] for g in growth if g[0] in DAILY_PER_HALL)
per_hall_year = ((grown - daily) / hall_days + daily / int(halls)) * WORKING_DAYS if hall_days else float("nan")
# a citizen comes back (about 13 visits a year, as bench/tracing assumes): the citizens table does not grow with every
# check-in over a year as it does in a short run of mostly new people; cap it at a hall-year's check-ins / 13
VISITS_PER_CITIZEN = 13
cit = next((g for g in growth if g[0] == "citizens"), None)
per_hall_year_returning = per_hall_year
if cit and cit[2] and hall_days:
    cit_rows_year = cit[2] / hall_days * WORKING_DAYS
    cit_rows_capped = min(cit_rows_year, CHECKINS_PER_HALL_DAY * WORKING_DAYS / VISITS_PER_CITIZEN)
    per_hall_year_returning = per_hall_year - (cit_rows_year - cit_rows_capped) * cit[1] / cit[2]
wal = after["wal_lsn"] - before["wal_lsn"]

ncpu = os.cpu_count()
model = ""
for line in open("/proc/cpuinfo", encoding="utf-8"):
    if line.startswith("model name"):
        model = line.split(":", 1)[1].strip()
        break
pg_version = subprocess.run(["psql", "-U", "postgres", "-qAt", "-c", "SELECT version()"], capture_output=True,
                            text=True).stdout.strip().split(" on ")[0]
now = datetime.now(timezone.utc)

print(f"# A province-sized day (issue 18, item 4)\n")
print(f"`bench/province/run --halls {halls} --minutes {minutes} --rate {rate} --warmup {warmup}`, commit {commit}, "
      f"{now:%Y-%m-%d %H:%M} UTC; jar `{os.path.basename(jar)}`.\n")
print(f"Machine: {ncpu} cores ({model}), {pg_version}, {platform.platform()}. Everything on this one machine: the "
      f"primary, its streaming standby (`pg_basebackup -R`), two HallSafe nodes (both on the primary, "
      f"`HALLSAFE_DB_READ_URL` on the standby, rate limits off) and the load generator.\n")
print(f"Halls: {halls} on one database, each a copy of the demo bureau's hall (62 staff, 14 hygiene zones, 12 windows, "
      f"11 service items, two weeks of slots), with a gate tablet's device token and screener, cleaner and office "
      f"accounts (`bench/province/halls.sql`).\n")
settle = [line.split() for line in read("settle.txt").splitlines() if line.strip()]
if settle:
    print("Before the warm-up the run waited for the staff-health reminders job (`Reminders.remind`, every 60 s on "
          "each node) to finish a run on both nodes: the first runs claim the day's reminders of every staff member "
          "of every new hall at once. Its runs up to then (UTC start, duration): "
          + "; ".join(f"{s[1]} {int(s[2]) / 1000:.1f} s" for s in settle) + ".\n")
print("## Load\n")
print(f"`bench/province/ProvinceDay.java`, open loop at {rate} requests/s for {minutes} min after {warmup} s of warm-up "
      f"at half the rate; each request a random hall's, alternately node A's and node B's; latency from the moment a "
      f"request was due (no coordinated omission). The operations in the proportions of one hall's busy day "
      f"(column 2): check-ins with the tablet's token, public bookings (201 booked or 409 full both count as answered), "
      f"staff checks for a staff member by the screener (`POST /api/v1/staff-health/checks`), disinfections by the "
      f"cleaner (`POST /api/v1/hygiene/disinfections`), the office's ledger page of the day "
      f"(`GET /api/v1/screening/screenings`) and overview (`GET /api/v1/overview`).\n")
print("\n".join(line for line in load.splitlines() if line.startswith("|")))
print()
print(f"Total: {int(float(total.get('sent', 0)))} requests, {total.get('achieved_rps', '?')} answered per second "
      f"(target {rate}); answered as expected {total.get('answered_ok', '?')}, 5xx or no answer "
      f"{total.get('failed_or_5xx', '?')}. The check-ins amount to **{hall_days:.2f} hall-days** "
      f"({checkins_ok} ÷ {CHECKINS_PER_HALL_DAY}); a whole province day of {halls} halls is "
      f"{int(halls) * CHECKINS_PER_HALL_DAY:,} check-ins and "
      f"{int(halls) * 7130:,} requests, i.e. {int(halls) * 7130 / (8 * 3600):.1f} requests/s over 8 opening hours "
      f"(this run: {float(rate) / (int(halls) * 7130 / (8 * 3600)):.1f}× that mean rate), "
      f"or {int(halls) * 7130 / float(rate) / 3600:.1f} h at this run's rate.\n")
slow = figures.get("slow", {})
if slow:
    print(f"Seconds of the run in which more than 1 % of the requests due waited over 1 s: {slow.get('seconds')} of "
          f"{slow.get('of')}" + (f" (UTC time=slow/due: {slow.get('list')})." if slow.get("list") else "."))
    print()
jobs = [line.split(" ", 4) for line in read("jobs.txt").splitlines() if line.strip()]
if jobs:
    print("Scheduled jobs that ran during the load (both nodes, `job_runs`), longest first:\n")
    print("| job | runs | mean ms | max ms | runs (UTC start + duration) |")
    print("|---|---|---|---|---|")
    for j in jobs:
        runs = j[4].split(",") if len(j) > 4 else []
        shown = ", ".join(runs[:12]) + (f", … ({len(runs)} runs)" if len(runs) > 12 else "")
        print(f"| {j[0]} | {j[1]} | {j[2]} | {j[3]} | {shown} |")
    print()
errors = read("load-errors.txt").strip()
if errors:
    print("First refusals the generator saw:\n")
    print("```\n" + "\n".join(errors.splitlines()[:10]) + "\n```\n")

print("## CPU over the measured load\n")
print(f"From `/proc/<pid>/stat` (user + system ticks) before and after the {seconds:.0f} s of load; in cores "
      f"(1.00 = one core busy all the time; this machine has {ncpu}). PostgreSQL: the postmaster and all its "
      f"children (backends of the nodes' pools, WAL sender and receiver, checkpointer, …).\n")
print("| process | CPU (cores) | share of the machine |")
print("|---|---|---|")
for key, label in (("node_a", "HallSafe node A"), ("node_b", "HallSafe node B"), ("primary", "PostgreSQL primary"),
                   ("standby", "PostgreSQL standby")):
    print(f"| {label} | {cores(key):.2f} | {cores(key) / ncpu:.0%} |")
print(f"| load generator (java) | {gen_cpu:.2f} | {gen_cpu / ncpu:.0%} |")
print()

print("## Reads on the standby\n")
rb, ra = standby_reads(reads_before), standby_reads(reads_after)
print(f"The load sent {figures.get('ledger', {}).get('n', '?')} ledger pages and {figures.get('overview', {}).get('n', '?')} "
      f"overviews. What this commit marks `@StandbyRead` is counted below; a read not marked runs on the primary.\n")
rows = sorted(set(rb) | set(ra))
if rows:
    print("Reads marked `@StandbyRead` during the load, both nodes (`hallsafe_db_standby_reads_total`):\n")
    print("| ran on | why | reads |")
    print("|---|---|---|")
    for key in rows:
        print(f"| {key[0]} | {key[1]} | {ra.get(key, 0) - rb.get(key, 0):.0f} |")
    print()
for n in ("a", "b"):
    try:
        h = json.loads(read(f"health-{n}.json") or "{}")
        d = h.get("components", {}).get("standby", {}).get("details", {})
        if d:
            print(f"Node {n.upper()} health at the end: standby {json.dumps(d, ensure_ascii=False)}.")
    except ValueError:
        pass
print(f"\nReplication at the end: standby replay {float(read('standby-lag.txt', '0').strip() or 0):.1f} s behind its "
      f"last replayed commit; primary's `pg_stat_replication.replay_lag` {float(read('replay-lag.txt', '0').strip() or 0):.3f} s.\n")

print("## Database size per hall-year\n")
print(f"The database grew {grown / 1e6:.1f} MB (tables with their indexes and TOAST, `pg_total_relation_size`) while the "
      f"load did {hall_days:.2f} hall-days; WAL written {wal / 1e6:.1f} MB. Of it, {daily / 1e6:.1f} MB are rows the daily "
      f"jobs write once per hall and day whatever the load ({', '.join(sorted(DAILY_PER_HALL))}: the run made today's "
      f"for all {halls} halls). A hall-year = {WORKING_DAYS} busy days, so "
      f"**{per_hall_year / 1e9:.2f} GB per hall-year** "
      f"(({grown / 1e6:.1f} − {daily / 1e6:.1f}) MB ÷ {hall_days:.2f} + {daily / 1e6:.1f} MB ÷ {halls}) × {WORKING_DAYS}), and {per_hall_year * int(halls) / 1e9:.0f} GB a year "
      f"for {halls} halls, before retention deletes anything. With citizens who come back (about {VISITS_PER_CITIZEN} "
      f"visits a year each, so at most {CHECKINS_PER_HALL_DAY * WORKING_DAYS // VISITS_PER_CITIZEN:,} citizen rows a "
      f"hall-year instead of one per check-in as in this short run of mostly new people): "
      f"**{per_hall_year_returning / 1e9:.2f} GB per hall-year**, {per_hall_year_returning * int(halls) / 1e9:.0f} GB "
      f"a year for {halls} halls. The figure is the growth of the whole database under the "
      f"day's mix (audit log, outbox, events and citizens included), not only the check-in table; a short run rounds "
      f"each table up to whole 8 kB pages and new index pages, so it leans high for the small tables.\n")
print("| table | grew (kB) | rows inserted | bytes per row |")
print("|---|---|---|---|")
for rel, size, ins in growth[:15]:
    print(f"| {rel} | {size / 1e3:.0f} | {ins} | {size / ins:.0f} |" if ins else f"| {rel} | {size / 1e3:.0f} | 0 | — |")
print()
node_errors = read("node-errors.txt").strip()
print("## Errors in the nodes' logs\n")
print("```\n" + node_errors + "\n```" if node_errors else "None (no ERROR line in either node's log).")
