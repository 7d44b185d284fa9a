#!/usr/bin/env python3
"""bench/overview/report.py WORK SECONDS LOAD_S JAR COMMIT: the wrk outputs of bench/overview/run as Markdown."""
import re
import subprocess
import sys
from pathlib import Path

work, seconds, load_s, jar, commit = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]


def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def phase(name):
    out = (work / f"{name}.txt").read_text()
    pct = {p: ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return pct, rps, int(non2xx.group(1)) if non2xx else 0


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


rows = {n: phase(n) for n in ["a1-matrix", "b1-overview", "a2-matrix", "b2-overview", "c-api"]}
base = (rows["a1-matrix"][0]["50"] + rows["a2-matrix"][0]["50"]) / 2
over = (rows["b1-overview"][0]["50"] + rows["b2-overview"][0]["50"]) / 2
over99 = max(rows["b1-overview"][0]["99"], rows["b2-overview"][0]["99"])
loaded = " · ".join(l.replace("|", " ") for l in (work / "load.txt").read_text().split() if l)
tiles = (work / "tiles.txt").read_text().strip() if (work / "tiles.txt").exists() else "?"

print(f"""# The leadership's overview with a year of one hall's records ({sh('date -u +%F')})

`bench/overview/run --seconds {seconds}` on {jar} ({commit}); {sh('nproc')} cores ({sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()}),
PostgreSQL {sh('psql --version | grep -o "[0-9][0-9.]*" | head -1')} (own cluster, shared_buffers 512MB), {sh('java -version 2>&1 | head -1')}.
Loaded into the office's hall of the demo bureau in {load_s} s (weekdays of the last 365 days): {loaded}.
The overview showed {tiles} tiles, each with its 14-day trend. wrk, one connection, signed in as `office`, 5 s warm-up,
then {seconds} s per phase, in the order below (A/B/A/B: the baseline is the responsibility matrix `/org/measures`,
the page the leaders used before, measured right before and after). Other helpers compiled and ran tests on the same
2 cores meanwhile: the absolute times move with that, the ratio against the baseline beside it less so.

| phase | path | p50 ms | p90 ms | p99 ms | req/s | non-2xx |
|---|---|---:|---:|---:|---:|---:|""")
for name, path in [("a1-matrix", "/org/measures"), ("b1-overview", "/overview"), ("a2-matrix", "/org/measures"),
                   ("b2-overview", "/overview"), ("c-api", "/api/v1/overview")]:
    pct, rps, bad = rows[name]
    print(f"| {name} | `{path}` | {pct['50']:.1f} | {pct['90']:.1f} | {pct['99']:.1f} | {rps:.1f} | {bad} |")
print(f"""
| figure | target | measured | ratio to baseline | met? |
|---|---|---:|---:|---|
| `/overview` p50 | < 300 ms | {over:.1f} ms | {over / base:.2f} × the matrix ({base:.1f} ms) | {'yes' if over < 300 else 'no'} |
| `/overview` p99 | < 300 ms | {over99:.1f} ms | {over99 / base:.2f} × the matrix's p50 | {'yes' if over99 < 300 else 'no'} |
""")
