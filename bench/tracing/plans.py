#!/usr/bin/env python3
"""bench/tracing/plans.py LOG TRACES: the auto_explain plans (EXPLAIN ANALYZE, BUFFERS) that PostgreSQL logged while
bench/tracing/run traced TRACES subjects: every distinct statement HallSafe ran, how often, its median and slowest
execution, and the plan of its slowest run, as Markdown."""
import re, statistics, sys

log_path, traces = sys.argv[1], int(sys.argv[2])
text = open(log_path, encoding="utf-8", errors="replace").read()
# a plan entry: "<time> [pid] LOG:  duration: 12.345 ms  plan:\n\tQuery Text: ...\n\t<plan lines>" up to the next log line
entries = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", text)
by_query = {}
total = 0.0
for e in entries:
    m = re.search(r"duration: ([0-9.]+) ms\s+plan:\n(.*)", e, re.S)
    if not m:
        continue
    ms = float(m.group(1))
    body = m.group(2)
    q = re.search(r"Query Text: (.*?)\n\s*(?=[A-Z][A-Za-z ]+(?:\(|  )|->)", body, re.S)
    query = q.group(1).strip() if q else body.splitlines()[0]
    key = re.sub(r"\s+", " ", query)
    total += ms
    cur = by_query.setdefault(key, {"n": 0, "ms": [], "plan": "", "max": -1})
    cur["n"] += 1
    cur["ms"].append(ms)
    if ms > cur["max"]:
        cur["max"] = ms
        cur["plan"] = "\n".join(l[1:] if l.startswith("\t") else l for l in body.splitlines())
print(f"{len(by_query)} distinct statements, {sum(v['n'] for v in by_query.values())} executions over {traces} traces; "
      f"SQL execution time in all: {total:.1f} ms, {total / max(1, traces):.1f} ms per trace.\n")
print("| # | statement (start) | runs | median ms | slowest ms |")
print("|---|---|---|---|---|")
ranked = sorted(by_query.items(), key=lambda kv: -kv[1]["max"])
for i, (k, v) in enumerate(ranked, 1):
    print(f"| {i} | `{k[:90].replace('|', '/')}` | {v['n']} | {statistics.median(v['ms']):.2f} | {v['max']:.2f} |")
print()
for i, (k, v) in enumerate(ranked, 1):
    print(f"### {i}. slowest run, {v['max']:.2f} ms\n\n```\n{v['plan'].rstrip()}\n```\n")
