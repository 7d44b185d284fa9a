"""Before/after table of bench/gate-booking/run figures: report.py BEFORE.env AFTER.env [AFTER2.env ...]"""
import sys

def load(path):
    d = {}
    for line in open(path, encoding="utf-8"):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            d[k] = v
    return d

runs = [load(p) for p in sys.argv[1:]]
names = [p.rsplit("/", 1)[-1].removesuffix(".env") for p in sys.argv[1:]]

def num(d, k):
    try:
        return float(d.get(k, "nan"))
    except ValueError:
        return float("nan")

rows = [
    ("check-ins at saturation, 8 connections (/s)", "checkin.saturation_rps", "higher"),
    ("  their p50 (ms)", "checkin.saturation_p50_ms", "lower"),
    ("  their p99 (ms)", "checkin.saturation_p99_ms", "lower"),
    ("pgbench, the same two INSERTs, 8 clients (tps)", "checkin.pgbench_tps", "higher"),
    ("check-ins ÷ pgbench (target ≥ 25 %)", "share", "higher"),
    ("statements per check-in (pg_stat_statements, BEGIN/COMMIT included)", "statements.per_checkin", "lower"),
    ("open loop at 200/s: achieved (/s)", "checkin.rate_achieved_rps", "higher"),
    ("  p50 (ms)", "checkin.rate_p50_ms", "lower"),
    ("  p99 (ms) (target ≤ 50)", "checkin.rate_p99_ms", "lower"),
    ("  failed", "checkin.rate_failed", "lower"),
    ("booking burst: throughput (requests/s)", "booking.throughput", "higher"),
    ("  p50 (ms)", "booking.p50_ms", "lower"),
    ("  p99 (ms) (target ≤ 500)", "booking.p99_ms", "lower"),
    ("  201 / 409 / 5xx", "codes", None),
    ("  confirmed in the database (target exactly 200)", "booking.db", None),
]
for d in runs:
    d["share"] = f"{100 * num(d, 'checkin.saturation_rps') / num(d, 'checkin.pgbench_tps'):.1f}"
    d["codes"] = f"{d.get('booking.status_201')} / {d.get('booking.status_409')} / {d.get('booking.status_5xx')}"
head = "| figure | " + " | ".join(names) + " | " + " | ".join(f"{n} ÷ {names[0]}" for n in names[1:]) + " |"
print(head)
print("|---" * (1 + 2 * len(names) - 1) + "|")
for label, key, better in rows:
    vals = [d.get(key, "") for d in runs]
    ratios = []
    for d in runs[1:]:
        a, b = num(runs[0], key), num(d, key)
        ratios.append(f"{b / a:.2f}×" if better and a == a and b == b and a != 0 else "")
    print(f"| {label} | " + " | ".join(vals) + " | " + " | ".join(ratios) + " |")
