"""Writes (appends) the fault suite's results: python3 report.py WORK OUT COMMIT PG_VERSION LABEL.
Exit status: 0 all met, 1 something lost or doubled, 3 only the answers during an outage missed their target."""
import collections
import csv
import json
import os
import sys
import time

work, out, commit, pg_version, label = sys.argv[1:6]
phases = {r["phase"]: int(r["at"]) for r in csv.DictReader(open(os.path.join(work, "phases.csv")))}
attempts = [dict(at=int(r["at"]), node=int(r["node"]) + 1, kind=r["kind"], status=int(r["status"]), ms=int(r["ms"]))
            for r in csv.DictReader(open(os.path.join(work, "attempts.csv")))]
readiness = []
for line in open(os.path.join(work, "readiness.csv")):
    p = line.strip().split(",")
    if len(p) == 4 and p[0].isdigit():
        readiness.append(dict(at=int(p[0]), node=int(p[1]), status=p[2], ms=int(p[3])))
db = {}
for line in open(os.path.join(work, "db.txt")):
    if "=" in line:
        k, v = line.strip().split("=", 1)
        db[k] = int(v)
members = db["members"]


def s(ms):
    return f"{ms / 1000:.1f}"


def statuses(rows):
    c = collections.Counter("no answer" if r["status"] == -1 else str(r["status"]) for r in rows)
    return ", ".join(f"{k} × {v}" for k, v in sorted(c.items())) or "none"


def window(start, end, node=None):
    return [a for a in attempts if start <= a["at"] < end and (node is None or a["node"] == node)]


def first_ok_after(t, node):
    ok = [a["at"] + a["ms"] for a in attempts if a["node"] == node and a["at"] >= t and 200 <= a["status"] < 300]
    return min(ok) if ok else None


# ---- notifications
sms = collections.Counter()
ids = collections.Counter()
escalations = 0
for line in open(os.path.join(work, "sms.log"), encoding="utf-8") if os.path.exists(os.path.join(work, "sms.log")) else []:
    _, body = line.rstrip("\n").split("\t", 1)
    try:
        m = json.loads(body)
    except ValueError:
        continue
    if "逾期" in m.get("text", ""):
        escalations += 1
    elif "防控事件" in m.get("text", ""):  # incident reports only: booking confirmations go to the citizens
        sms[(m.get("phone"), m.get("text"))] += 1
        if m.get("id"):
            ids[m["id"]] += 1
incidents = db["incidents"]
per_phone = collections.defaultdict(lambda: [0, 0, 0])  # messages, incidents told, told twice or more
for (phone, _), n in sms.items():
    per_phone[phone][0] += n
    per_phone[phone][1] += 1
    per_phone[phone][2] += 1 if n > 1 else 0
pairs = len(sms)
notif_missing = max(0, incidents * members - pairs)
notif_doubled = sum(n - 1 for n in sms.values())
resent_same_id = sum(n - 1 for n in ids.values())  # a gateway that keeps the ids it saw would drop these

# ---- records
ck_lost = db["checkins_acked"] - db["checkins_acked_stored"]
bk_lost = db["bookings_acked"] - db["bookings_acked_stored"]
counters_off = abs(db["slot_counters"] - db["bookings_stored"])
lost = ck_lost + bk_lost + notif_missing
doubled = db["checkins_doubled"] + db["bookings_doubled"] + db["incidents_doubled"] + notif_doubled + counters_off
unacked = {k: sum(1 for _ in open(os.path.join(work, f"unacked-{k}.txt"))) for k in ("checkins", "bookings")}

# ---- outages
P = phases
pg_down = window(P["pg_stopped"], P["pg_start"])
bad_answers = [a for a in pg_down if a["status"] != 503]
slow = [a for a in pg_down if a["ms"] > 3000]
outage_ok = bool(pg_down) and not bad_answers and not slow
restart_w = window(P["pg_restart"], P["pg_restarted"] + 5000)
rec = {n: first_ok_after(P["pg_started"], n) for n in (1, 2)}
ready_down = {n: collections.Counter(r["status"] for r in readiness if r["node"] == n and P["pg_stopped"] <= r["at"] < P["pg_start"]) for n in (1, 2)}
ready_up = {n: min([r["at"] for r in readiness if r["node"] == n and r["at"] >= P["pg_started"] and r["status"] == "200"], default=None) for n in (1, 2)}

yes = lambda ok: "yes" if ok else "**no**"
lines = []
if not os.path.exists(out):
    lines += ["# Fault suite (issue 19, item 10)", "",
              "`bench/faults/run`: two nodes of the packaged jar on the Debian PostgreSQL, gate check-ins (screening API) and "
              "public bookings from outside (`bench/faults/FaultLoad.java`, each write retried with its submission id on the "
              "other node until acknowledged), every 40th check-in refused so the leadership group is told by SMS (a local "
              "sink). Faults in order: `kill -9` of node 2 (started again 30 s later), `pg_ctlcluster restart`, "
              "`pg_ctlcluster stop` for 30 s. See `bench/README.md`, *Fault suite*.", ""]
lines += [f"## Run of {time.strftime('%Y-%m-%d %H:%M', time.gmtime(P['load_start'] / 1000))} UTC, commit {commit}"
          + (f": {label}" if label else ""), "",
          f"PostgreSQL {pg_version} (Debian cluster), {os.cpu_count()} cores; load {s(P['load_end'] - P['load_start'])} s; "
          f"{len(attempts)} attempts.", "",
          "| figure | target | measured | met? |", "|---|---|---|---|",
          f"| check-ins acknowledged → stored | all | {db['checkins_acked']} → {db['checkins_acked_stored']} "
          f"(stored in all {db['checkins_stored']}; never acknowledged {unacked['checkins']}) | {yes(ck_lost == 0)} |",
          f"| check-ins stored twice | 0 | {db['checkins_doubled']} | {yes(db['checkins_doubled'] == 0)} |",
          f"| bookings acknowledged → stored | all | {db['bookings_acked']} → {db['bookings_acked_stored']} "
          f"(stored in all {db['bookings_stored']}; never acknowledged {unacked['bookings']}) | {yes(bk_lost == 0)} |",
          f"| bookings stored twice; slot counters − bookings | 0; 0 | {db['bookings_doubled']}; "
          f"{db['slot_counters'] - db['bookings_stored']} | {yes(db['bookings_doubled'] == 0 and counters_off == 0)} |",
          f"| incidents from refusals (stored refusals {db['refusals_stored']}); reported twice | one each; 0 | "
          f"{incidents}; {db['incidents_doubled']} | {yes(incidents == db['refusals_stored'] and db['incidents_doubled'] == 0)} |",
          f"| SMS per leadership member and incident ({members} members × {incidents} incidents = {incidents * members}) | "
          f"exactly 1 | told {pairs}, not told {notif_missing}, extra messages {notif_doubled} "
          f"({resent_same_id} of them resent with an id the gateway had seen) | "
          f"{yes(notif_missing == 0 and notif_doubled == 0)} |",
          f"| answers while PostgreSQL was stopped ({len(pg_down)}) | all 503 within 3 s | {statuses(pg_down)}; "
          f"slower than 3 s: {len(slow)} (slowest {s(max([a['ms'] for a in pg_down], default=0))} s) | {yes(outage_ok)} |",
          f"| seconds from PostgreSQL back to the first stored write, node 1 / node 2 | — | "
          + " / ".join("never" if rec[n] is None else s(rec[n] - P["pg_started"]) for n in (1, 2)) + " | |",
          "", "Each outage in detail:", "",
          "| outage | node | answers (status × count) | slowest |", "|---|---|---|---|"]
for name, start, end in (("node 2 killed (until it was ready again)", P["kill_node2"], P["node2_ready"]),
                         ("PostgreSQL restart (+5 s)", P["pg_restart"], P["pg_restarted"] + 5000),
                         ("PostgreSQL stopped", P["pg_stopped"], P["pg_start"])):
    for n in (1, 2):
        w = window(start, end, n)
        lines.append(f"| {name} | {n} | {statuses(w)} | {s(max([a['ms'] for a in w], default=0))} s |")
lines += ["", "Readiness (`/actuator/health/readiness`, every 0.5 s) while PostgreSQL was stopped: "
          + "; ".join(f"node {n}: " + (", ".join(f"{k or 'no answer'} × {v}" for k, v in sorted(ready_down[n].items())) or "none")
                      for n in (1, 2))
          + "; UP again after PostgreSQL was back: "
          + ", ".join(f"node {n} " + ("never" if ready_up[n] is None else s(ready_up[n] - P["pg_started"]) + " s") for n in (1, 2))
          + f". Node 2 took {s(P['node2_ready'] - P['restart_node2'])} s from start to ready after the kill.", "",
          "SMS per leadership member (phone masked): "
          + "; ".join(f"{(p or '?')[:3]}****{(p or '????')[-4:]}: {v[0]} messages for {v[1]} incidents, {v[2]} told twice or more"
                      for p, v in sorted(per_phone.items()))
          + f". Escalations to the leader: {escalations}.", ""]
status = 1 if lost or doubled else (0 if outage_ok else 3)
lines += [f"Result: lost {lost}, doubled {doubled}; outage answers {'met' if outage_ok else 'not met'}; exit status {status}.", ""]
with open(out, "a", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(status)
