#!/usr/bin/env python3
"""Turns the key=value figures bench/run collected into bench/results/<date>.md.

usage: report.py figures.env [bookings.md]
"""
import os
import sys

fig = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            fig[k] = v
bookings = sys.argv[2] if len(sys.argv) > 2 else None


def num(key):
    try:
        return float(fig.get(key, ""))
    except ValueError:
        return None


def fmt(x, unit="", digits=1):
    if x is None:
        return "—"
    return f"{x:,.{digits}f}{unit}"


rows = int(fig.get("run.rows", "0"))
out = []
w = out.append
label = fig.get("run.label") or ""
w(f"# HallSafe load benchmark, {fig.get('run.started', '')[:10]}")
w("")
w(f"**{rows:,} screening rows** loaded over {fig.get('run.days')} days"
  + (" — a SMALL-scale run: these figures are not the 30-million-row figures of the issue." if rows < 30_000_000 else "")
  + (f" {label}" if label else ""))
w("")
w(f"Run from {fig.get('run.started')} to {fig.get('run.finished', '(unfinished)')} with `bench/run --rows {rows} "
  f"--clients {fig.get('run.clients')} --seconds {fig.get('run.seconds')} --rate {fig.get('run.rate')}`, "
  f"{fig.get('run.jar')}.")
w("")
w("## Machine")
w("")
w("| | |")
w("|---|---|")
w(f"| CPU | {fig.get('machine.nproc')} × {fig.get('machine.cpu')} |")
w(f"| memory | {fig.get('machine.memory')} |")
w(f"| OS | {fig.get('machine.os')} |")
w(f"| PostgreSQL | {fig.get('machine.postgres')} |")
w(f"| Java | {fig.get('machine.java')} |")
w(f"| load tools | {fig.get('machine.wrk')}; pgbench; bench/lib/Load.java (open loop) — all on the same machine |")
w("")

sat = num("checkin.saturation_rps")
pgb = num("checkin.pgbench_tps")
p99 = num("checkin.rate_p99_ms")
page95 = num("ledger.page_p95_ms")
exp_s = num("export.s")
copy_s = num("export.copy_s")
heap = num("export.peak_heap_used_mb")
heap150 = num("export150.peak_heap_used_mb")
exp150_ok = fig.get("export150.http") == "200" and fig.get("export150.oom") == "no"


def met(ok):
    return "—" if ok is None else ("yes" if ok else "**no**")


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


w("## Results")
w("")
w("Ratio: measured ÷ target (or ÷ baseline), so ≤ 1 meets a ceiling and ≥ 1 meets a floor.")
w("")
w("| # | figure | target | measured | ratio | met? |")
w("|---|---|---|---|---|---|")
r = ratio(sat, pgb)
w(f"| a | gate check-ins at saturation, {fig.get('run.clients')} connections (wrk) | ≥ 50 % of pgbench | "
  f"{fmt(sat, ' /s')} (p50 {fmt(num('checkin.saturation_p50_ms'), ' ms')}, p99 {fmt(num('checkin.saturation_p99_ms'), ' ms')}) | "
  f"{fmt(r * 100 if r is not None else None, ' % of pgbench')} | {met(None if r is None else r >= 0.5)} |")
w(f"| a | pgbench, the same two INSERTs, {fig.get('run.clients')} clients | baseline | {fmt(pgb, ' tps')} "
  f"(avg {fmt(num('checkin.pgbench_latency_ms'), ' ms', 2)}) | | |")
w(f"| a | check-ins at {fig.get('run.rate')}/s: p50 | — | {fmt(num('checkin.rate_p50_ms'), ' ms')} | | |")
rp = ratio(p99, 50)
w(f"| a | check-ins at {fig.get('run.rate')}/s: p99 (achieved {fmt(num('checkin.rate_achieved_rps'), '/s')}, "
  f"{fig.get('checkin.rate_failed', '?')} failed, all sent in {fig.get('checkin.rate_send_seconds', '?')} s) | ≤ 50 ms | {fmt(p99, ' ms')} | {fmt(rp, '', 2)} | {met(None if rp is None else rp <= 1)} |")
w(f"| a | for comparison, at half that rate ({fmt(num('checkin.half_achieved_rps'), '/s')} achieved, "
  f"{fig.get('checkin.half_failed', '?')} failed): p50 / p99 | — | {fmt(num('checkin.half_p50_ms'), ' ms')} / "
  f"{fmt(num('checkin.half_p99_ms'), ' ms')} | | |")
if bookings and os.path.exists(bookings) and os.path.getsize(bookings) > 0:
    w("| b | bookings | | see section b below | | |")
else:
    w("| b | bookings | | not measured yet: hook `bench/bookings.sh` (see bench/README.md) | | |")
rpage = ratio(page95, 100)
w(f"| c | ledger page `/screening/ledger`, random 7-day filter, 1 user: p95 | ≤ 100 ms | {fmt(page95, ' ms')} "
  f"(p50 {fmt(num('ledger.page_p50_ms'), ' ms')}) | {fmt(rpage, '', 2)} | {met(None if rpage is None else rpage <= 1)} |")
w(f"| c | the same with {fig.get('run.clients')} users: p95 | — | {fmt(num('ledger.page_c_p95_ms'), ' ms')} "
  f"({fmt(num('ledger.page_c_rps'), ' pages/s')}) | | |")
w(f"| c | ledger JSON API (HTTP Basic), 1 client: p95 | — | {fmt(num('ledger.api_p95_ms'), ' ms')} | | |")
rexp = ratio(exp_s, copy_s)
w(f"| c | XLSX export of {int(num('export.rows') or 0):,} rows ({fig.get('export.from')} – {fig.get('export.to')}) | "
  f"≤ 8 × COPY | {fmt(exp_s, ' s', 2)} ({fmt((num('export.bytes') or 0) / 1e6, ' MB')}, {fig.get('export.rows_in_file')} rows in the file) | "
  f"{fmt(rexp, ' × COPY', 1)} | {met(None if rexp is None else rexp <= 8 and fig.get('export.http') == '200')} |"
  + ("" if fig.get("export.http") == "200" else f" **failed: HTTP {fig.get('export.http')}**"))
w(f"| c | `COPY (same query) TO STDOUT (FORMAT csv)` | baseline | {fmt(copy_s, ' s', 2)} "
  f"({fmt((num('export.copy_bytes') or 0) / 1e6, ' MB')}) | | |")
w(f"| c | the first export after start (JIT warm-up), same rows | — | {fmt(num('export_first.s'), ' s', 2)} | "
  f"{fmt(ratio(num('export_first.s'), copy_s), ' × COPY', 1)} | |")
rh = ratio(heap150, 150)
w(f"| c | export peak heap in use (jstat, every 100 ms), default heap | — | {fmt(heap, ' MB', 0)} "
  f"(heap capacity {fmt(num('export.heap_capacity_mb'), ' MB', 0)}) | | |")
w(f"| c | the same export in a HallSafe started with `-Xmx150m`: heap | ≤ 150 MB | "
  f"{'completed' if exp150_ok else '**failed**'}, peak in use {fmt(heap150, ' MB', 0)} | "
  f"{fmt(rh, '', 2)} | {met(exp150_ok and rh is not None and rh <= 1)} |")
r150 = ratio(num('export150.s'), copy_s)
w(f"| c | the same export in a HallSafe started with `-Xmx150m`: time | ≤ 8 × COPY | {fmt(num('export150.s'), ' s', 2)} | "
  f"{fmt(r150, ' × COPY', 1)} | {met(None if r150 is None or not exp150_ok else r150 <= 8)} |")
w(f"| d | start-up to ready, empty database (Flyway migrations, demo bureau) | — | {fmt(num('startup.empty.ready_s'), ' s')} "
  f"(Spring: {fig.get('startup.empty.spring_started') or '—'} s) | | |")
w(f"| d | start-up to ready, with the loaded data | — | {fmt(num('startup.loaded.ready_s'), ' s')} "
  f"(Spring: {fig.get('startup.loaded.spring_started') or '—'} s) | | |")
w(f"| d | resident memory idle (10 s after start) | — | {fmt(num('memory.idle_rss_mb'), ' MB', 0)} | | |")
w(f"| d | resident memory under load (largest sample, check-ins and ledger) | — | "
  f"{fmt(num('memory.rss_max_under_load_mb'), ' MB', 0)} (high-water mark after the export "
  f"{fmt(num('memory.hwm_after_export_mb'), ' MB', 0)}) | | |")
w("")
if bookings and os.path.exists(bookings) and os.path.getsize(bookings) > 0:
    w("## b. Bookings")
    w("")
    with open(bookings, encoding="utf-8") as f:
        w(f.read().rstrip())
    w("")
w("## Phases")
w("")
w("| phase | seconds |")
w("|---|---|")
for k in ["phase.build_s", "phase.seed_s", "phase.load_prepare_s", "phase.load_insert_s", "phase.load_index_vacuum_s",
          "phase.load_total_s"]:
    if k in fig:
        w(f"| {k[6:-2]} | {fig[k]} |")
w("")
w(f"Data: {fig.get('data.screenings')} screenings ({fig.get('data.screenings_size')} with indexes), "
  f"{fig.get('data.first_day')} – {fig.get('data.last_day')}; {fig.get('data.staff')} staff, {fig.get('data.windows')} windows; "
  f"seeded from {fig.get('data.seed_screenings')} real check-ins ({fig.get('data.citizens_seeded')} citizens).")
w("")
w("## All figures")
w("")
w("```")
for k, v in fig.items():
    w(f"{k}={v}")
w("```")
print("\n".join(out))
